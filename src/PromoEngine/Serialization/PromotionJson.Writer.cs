using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using NodaTime.Text;
using PromoEngine.Internal;

namespace PromoEngine;

public static partial class PromotionJson
{
    /// <summary>Writes promotions as a document that <see cref="Read"/> reads back to the same definitions.</summary>
    /// <param name="promotions">The promotions, written in the order given.</param>
    /// <returns>The document, indented.</returns>
    public static string Write(IEnumerable<Promotion> promotions)
    {
        Guard.NotNull(promotions);
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            writer.WriteNumber("schemaVersion", SchemaVersion);
            writer.WriteStartArray("promotions");
            foreach (var promotion in promotions)
            {
                WritePromotion(writer, Guard.NotNull(promotion, nameof(promotions)));
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void WriteWindows(Utf8JsonWriter writer, IEnumerable<WeeklyWindow> windows)
    {
        writer.WriteStartArray("windows");
        foreach (var window in windows)
        {
            writer.WriteStartObject();
            writer.WriteStartArray("days");
            foreach (var day in window.Days)
            {
                writer.WriteStringValue(DayNames[(int)day - 1]);
            }

            writer.WriteEndArray();
            if (!window.IsWholeDay)
            {
                writer.WriteString("start", WeeklyWindow.Format(window.Start));
                writer.WriteString("end", WeeklyWindow.Format(window.End));
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static void WritePromotion(Utf8JsonWriter writer, Promotion p)
    {
        writer.WriteStartObject();
        writer.WriteString("id", p.Id.Value);
        writer.WriteString("name", p.Name);
        if (p.Status != PromotionStatus.Active)
        {
            writer.WriteString("status", p.Status == PromotionStatus.Paused ? "paused" : "cancelled");
        }

        WriteActivation(writer, p.Activation);
        if (p.Schedule != Schedule.Always)
        {
            writer.WriteStartObject("schedule");
            if (p.Schedule.IsWholeDays)
            {
                if (p.Schedule.FirstDay is { } firstDay)
                {
                    writer.WriteString("firstDay", LocalDatePattern.Iso.Format(firstDay));
                }

                if (p.Schedule.LastDay is { } lastDay)
                {
                    writer.WriteString("lastDay", LocalDatePattern.Iso.Format(lastDay));
                }
            }
            else if (p.Schedule.Start is { } start)
            {
                writer.WriteString("start", Patterns.Local.Format(start));
            }

            if (!p.Schedule.IsWholeDays && p.Schedule.End is { } end)
            {
                writer.WriteString("end", Patterns.Local.Format(end));
            }

            writer.WriteString("zone", p.Schedule.Zone.Id);
            if (p.Schedule.EndInclusive)
            {
                writer.WriteBoolean("endInclusive", true);
            }

            if (!p.Schedule.Windows.IsEmpty)
            {
                WriteWindows(writer, p.Schedule.Windows);
            }

            writer.WriteEndObject();
        }

        if (!p.Restrictions.IsEmpty)
        {
            writer.WriteStartArray("restrictions");
            foreach (var restriction in p.Restrictions)
            {
                WriteRestriction(writer, restriction);
            }

            writer.WriteEndArray();
        }

        if (!p.QualifyingItems.IsAll)
        {
            writer.WritePropertyName("items");
            WriteFilter(writer, p.QualifyingItems);
        }

        writer.WritePropertyName("discount");
        WriteDiscount(writer, p.Discount);
        WriteLimits(writer, p.Limits);
        if (p.Priority != 0)
        {
            writer.WriteNumber("priority", p.Priority);
        }

        if (p.MaxDiscount is { } cap)
        {
            WriteMoney(writer, "maxDiscount", cap);
        }

        if (p.IsExclusive)
        {
            writer.WriteBoolean("exclusive", true);
        }

        if (p.Group is { } group)
        {
            writer.WriteString("group", group);
        }

        if (p.Stops != StopScope.None)
        {
            writer.WriteString("stops", p.Stops == StopScope.ItsItems ? "itsItems" : "allLowerLanes");
        }

        if (p.CombinesWith != DiscountClasses.All)
        {
            writer.WriteStartArray("combinesWith");
            foreach (var (flag, name) in new[] { (DiscountClasses.Item, "item"), (DiscountClasses.Order, "order"), (DiscountClasses.Shipping, "shipping") })
            {
                if (p.CombinesWith.HasFlag(flag))
                {
                    writer.WriteStringValue(name);
                }
            }

            writer.WriteEndArray();
        }

        if (p.CompoundsWithAll)
        {
            writer.WriteBoolean("compoundsWithAll", true);
        }

        if (!p.CompoundsWith.IsEmpty)
        {
            WriteStrings(writer, "compoundsWith", p.CompoundsWith.Select(id => id.Value));
        }

        writer.WriteEndObject();
    }

    private static void WriteActivation(Utf8JsonWriter writer, PromotionActivation activation)
    {
        if (activation.Kind == ActivationKind.Automatic)
        {
            return;
        }

        writer.WriteStartObject("activation");
        if (activation.Kind == ActivationKind.SharedCode)
        {
            writer.WriteString("type", "code");
            writer.WriteString("code", activation.Codes[0]);
            if (activation.FoldsLookAlikes)
            {
                writer.WriteBoolean("foldLookAlikes", true);
            }
        }
        else
        {
            writer.WriteString("type", "claimCodes");
            WriteStrings(writer, "codes", activation.Codes);
            if (activation.Format is { } f)
            {
                writer.WriteStartObject("format");
                writer.WriteNumber("length", f.Length);
                writer.WriteString("prefix", f.Prefix);
                writer.WriteNumber("groupSize", f.GroupSize);
                writer.WriteBoolean("checkCharacter", f.HasCheckCharacter);
                writer.WriteString("alphabet", f.Alphabet);
                writer.WriteBoolean("foldLookAlikes", f.FoldsLookAlikes);
                writer.WriteEndObject();
            }
        }

        WriteAttribution(writer, activation.Attribution);
        WriteOwners(writer, activation);
        writer.WriteEndObject();
    }

    private static void WriteRestriction(Utf8JsonWriter writer, Restriction restriction)
    {
        writer.WriteStartObject();
        switch (restriction)
        {
            case MinimumSubtotalRestriction r:
                writer.WriteString("type", "minimumSubtotal");
                WriteMoney(writer, "amount", r.Amount);
                WriteBasis(writer, r.MeasuredOn);
                break;
            case MinimumQuantityRestriction r:
                writer.WriteString("type", "minimumQuantity");
                writer.WriteNumber("quantity", r.Quantity);
                break;
            case MembershipRestriction r:
                writer.WriteString("type", "membersOnly");
                WriteStrings(writer, "memberships", r.Memberships);
                break;
            case RegionRestriction r:
                writer.WriteString("type", "regions");
                if (!r.Allowed.IsEmpty)
                {
                    WriteStrings(writer, "regions", r.Allowed.Select(region => region.ToString()));
                }

                if (!r.Excluded.IsEmpty)
                {
                    WriteStrings(writer, "except", r.Excluded.Select(region => region.ToString()));
                }

                if (r.Of == RegionSource.ShippingAddress)
                {
                    writer.WriteString("of", "shippingAddress");
                }

                break;
            case ChannelRestriction r:
                writer.WriteString("type", "channels");
                WriteStrings(writer, "channels", r.Allowed);
                break;
            case SegmentRestriction r:
                writer.WriteString("type", "segments");
                WriteStrings(writer, "segments", r.Allowed);
                break;
            case ShippingMethodRestriction r:
                writer.WriteString("type", "shippingMethods");
                WriteStrings(writer, "methods", r.Allowed);
                break;
            case OrderHistoryRestriction r:
                writer.WriteString("type", "previousOrders");
                if (r.AtLeast is { } atLeast)
                {
                    writer.WriteNumber("atLeast", atLeast);
                }

                if (r.AtMost is { } atMost)
                {
                    writer.WriteNumber("atMost", atMost);
                }

                break;
            case CartConditionRestriction r:
                writer.WriteString("type", "cartHolds");
                writer.WritePropertyName("items");
                WriteFilter(writer, r.Items);
                if (r.Units is { } units)
                {
                    writer.WriteNumber("units", units);
                }
                else
                {
                    WriteMoney(writer, "amount", r.Amount!.Value);
                }

                if (r.HasOwnLabel)
                {
                    writer.WriteString("label", r.Label);
                }

                WriteBasis(writer, r.MeasuredOn);

                break;
            default:
                writer.WriteString("type", "firstOrderOnly");
                break;
        }

        writer.WriteEndObject();
    }

    private static void WriteBasis(Utf8JsonWriter writer, ThresholdBasis basis)
    {
        if (basis == ThresholdBasis.AfterHigherLanes)
        {
            writer.WriteString("measuredOn", "afterHigherLanes");
        }
    }

    internal static void WriteFilter(Utf8JsonWriter writer, ItemFilter filter)
    {
        var (kind, names, filters) = filter.Shape();
        writer.WriteStartObject();
        writer.WriteString("type", kind);
        switch (kind)
        {
            case "skus" or "categories" or "tags" or "brands":
                WriteStrings(writer, "values", names);
                break;
            case "unitPrice":
                var (atLeast, atMost) = filter.PriceBounds!.Value;
                if (atLeast is { } low)
                {
                    WriteMoney(writer, "atLeast", low);
                }

                if (atMost is { } high)
                {
                    WriteMoney(writer, "atMost", high);
                }

                break;
            case "anyOf" or "allOf":
                writer.WriteStartArray("filters");
                foreach (var inner in filters)
                {
                    WriteFilter(writer, inner);
                }

                writer.WriteEndArray();
                break;
            case "not":
                writer.WritePropertyName("filter");
                WriteFilter(writer, filters[0]);
                break;
        }

        writer.WriteEndObject();
    }

    /// <summary>Writes a discount: each strategy writes its own properties.</summary>
    private static void WriteDiscount(Utf8JsonWriter writer, Discount discount)
    {
        writer.WriteStartObject();
        discount.WriteJson(writer);
        writer.WriteEndObject();
    }

    private static void WriteLimits(Utf8JsonWriter writer, UsageLimits limits)
    {
        if (limits.Total is null && limits.PerCode is null && limits.PerCustomer is null && limits.Budget is null)
        {
            return;
        }

        writer.WriteStartObject("limits");
        if (limits.Total is { } total)
        {
            writer.WriteNumber("total", total);
        }

        if (limits.PerCode is { } perCode)
        {
            writer.WriteNumber("perCode", perCode);
        }

        if (limits.PerCustomer is { } perCustomer)
        {
            writer.WriteNumber("perCustomer", perCustomer);
        }

        if (limits.Budget is { } budget)
        {
            WriteMoney(writer, "budget", budget);
            writer.WriteString("budgetPolicy", limits.BudgetPolicy == BudgetPolicy.Hard ? "hard" : "soft");
        }

        if (limits.CountPolicy == LimitPolicy.Soft)
        {
            writer.WriteString("countPolicy", "soft");
        }

        writer.WriteEndObject();
    }

    private static void WriteMoney(Utf8JsonWriter writer, string name, Money money) => JsonWriting.Money(writer, name, money);

    private static void WriteStrings(Utf8JsonWriter writer, string name, IEnumerable<string> values) => JsonWriting.Strings(writer, name, values);
}
