using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using NodaTime;
using NodaTime.Text;

namespace PromoEngine;

public static partial class PromotionJson
{
    private static readonly string[] ActivationTypes = ["automatic", "code", "claimCodes"];
    private static readonly string[] RestrictionTypes = ["minimumSubtotal", "minimumQuantity", "membersOnly", "regions", "channels", "segments", "firstOrderOnly", "cartHolds", "previousOrders", "shippingMethods"];
    private static readonly string[] FilterTypes = ["all", "skus", "categories", "tags", "brands", "unitPrice", "anyOf", "allOf", "not"];

    /// <summary>The patterns of schedules, in a class of their own: they are made when a schedule is first read or
    /// written, not when any promotion is (NodaTime builds a pattern from many small methods, which a process
    /// compiles at its start).</summary>
    private static class Patterns
    {
        public static readonly LocalDateTimePattern Local = LocalDateTimePattern.ExtendedIso;

        // Seconds may be left out when reading: 2026-11-27T00:00.
        public static readonly LocalDateTimePattern Minutes = LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm");

        // Seconds may be left out: 17:00 or 17:00:30.
        public static readonly LocalTimePattern MinutesTime = LocalTimePattern.CreateWithInvariantCulture("HH':'mm");
    }

    private static void ReadActivation(JsonElement element, string path, JsonErrors errors, PromotionBuilder builder)
    {
        switch (TypeOf(element, path, errors, ActivationTypes))
        {
            case "automatic":
                errors.Object(element, path, "type");
                builder.Automatic();
                break;
            case "code":
                errors.Object(element, path, "type", "code", "foldLookAlikes", "attribution", "issuedTo");
                var foldLookAlikes = JsonErrors.Optional(element, "foldLookAlikes", out var fold) && errors.Bool(fold, new JsonPath(path, "foldLookAlikes")) == true;
                if (errors.Required(element, "code", path, out var code) && errors.String(code, new JsonPath(path, "code")) is { } c)
                {
                    errors.Make(new JsonPath(path, "code"), () => builder.WithCode(c, foldLookAlikes));
                }

                ReadAttribution(element, path, errors, builder);
                ReadOwners(element, path, errors, builder);

                break;
            case "claimCodes":
                errors.Object(element, path, "type", "codes", "format", "attribution", "issuedTo", "owners");
                ClaimCodeFormat? format = null;
                if (JsonErrors.Optional(element, "format", out var f))
                {
                    format = ReadFormat(f, path + ".format", errors);
                }

                if (errors.Required(element, "codes", path, out var codes)
                    && errors.AtMost(codes, new JsonPath(path, "codes"), PromotionActivation.MaxClaimCodes, "codes", "PromotionActivation.MaxClaimCodes")
                    && errors.Strings(codes, new JsonPath(path, "codes")) is { } list)
                {
                    errors.Make(new JsonPath(path, "codes"), () => builder.WithClaimCodes(list, format));
                }

                ReadAttribution(element, path, errors, builder);
                ReadOwners(element, path, errors, builder);

                break;
        }
    }

    private static ClaimCodeFormat? ReadFormat(JsonElement element, string path, JsonErrors errors)
    {
        if (!errors.Object(element, path, "length", "prefix", "groupSize", "checkCharacter", "alphabet", "foldLookAlikes"))
        {
            return null;
        }

        int Int(string name, int fallback) => JsonErrors.Optional(element, name, out var e) ? errors.Int(e, new JsonPath(path, name)) ?? fallback : fallback;
        bool Bool(string name, bool fallback) => JsonErrors.Optional(element, name, out var e) ? errors.Bool(e, new JsonPath(path, name)) ?? fallback : fallback;
        string Text(string name, string fallback) => JsonErrors.Optional(element, name, out var e) ? errors.String(e, new JsonPath(path, name)) ?? fallback : fallback;
        var length = Int("length", ClaimCodeFormat.Default.Length);
        var prefix = Text("prefix", string.Empty);
        var groupSize = Int("groupSize", 4);
        var check = Bool("checkCharacter", true);
        var alphabet = Text("alphabet", ClaimCodeFormat.DefaultAlphabet);
        var fold = Bool("foldLookAlikes", false);
        return errors.Make(path, () => new ClaimCodeFormat(length, prefix, groupSize, check, alphabet, fold));
    }

    private static Schedule? ReadSchedule(JsonElement element, string path, JsonErrors errors)
    {
        if (!errors.Object(element, path, "start", "end", "zone", "endInclusive", "firstDay", "lastDay", "windows"))
        {
            return null;
        }

        LocalDateTime? Local(string name)
        {
            if (!JsonErrors.Optional(element, name, out var value) || errors.String(value, new JsonPath(path, name)) is not { } text)
            {
                return null;
            }

            var parsed = Patterns.Local.Parse(text);
            if (parsed.Success)
            {
                return parsed.Value;
            }

            parsed = Patterns.Minutes.Parse(text);
            if (parsed.Success)
            {
                return parsed.Value;
            }

            errors.Add($"{path}.{name}", $"'{text}' is not an ISO 8601 local date and time such as 2026-11-27T00:00.");
            return null;
        }

        LocalDate? Day(string name)
        {
            if (!JsonErrors.Optional(element, name, out var value) || errors.String(value, new JsonPath(path, name)) is not { } text)
            {
                return null;
            }

            var parsed = LocalDatePattern.Iso.Parse(text);
            if (parsed.Success)
            {
                return parsed.Value;
            }

            errors.Add($"{path}.{name}", $"'{text}' is not an ISO 8601 date such as 2026-11-27.");
            return null;
        }

        var before = errors.Errors.Count;
        var days = Array.Find(["firstDay", "lastDay"], name => element.TryGetProperty(name, out _));
        var times = Array.Find(["start", "end", "endInclusive"], name => element.TryGetProperty(name, out _));
        if (days is not null && times is not null)
        {
            errors.Add($"{path}.{days}", $"cannot be given with {times}: a schedule is either whole days (firstDay, lastDay) or local date-times (start, end, endInclusive).");
        }

        var start = Local("start");
        var end = Local("end");
        var firstDay = Day("firstDay");
        var lastDay = Day("lastDay");
        DateTimeZone? zone = null;
        if (errors.Required(element, "zone", path, out var zoneElement) && errors.String(zoneElement, new JsonPath(path, "zone")) is { } zoneId)
        {
            zone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(zoneId);
            if (zone is null)
            {
                errors.Add(path + ".zone", $"'{zoneId}' is not an IANA time zone id such as America/Los_Angeles.");
            }
        }

        var inclusive = JsonErrors.Optional(element, "endInclusive", out var inc) && errors.Bool(inc, new JsonPath(path, "endInclusive")) == true;
        var windows = JsonErrors.Optional(element, "windows", out var windowsElement) ? ReadWindows(windowsElement, path + ".windows", errors) : [];
        if (errors.Errors.Count > before || zone is null)
        {
            return null;
        }

        var schedule = days is not null
            ? errors.Make(new JsonPath(path, "lastDay"), () => Schedule.Days(firstDay, lastDay, zone))
            : errors.Make(new JsonPath(path, "end"), () => Schedule.Between(start, end, zone, inclusive));
        return schedule?.WithWeeklyWindows(windows);
    }

    private static readonly string[] DayNames = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];


    /// <summary>Weekly windows: <c>{ "days": ["friday"], "start": "17:00", "end": "20:00" }</c>, or days alone for whole days.</summary>
    private static List<WeeklyWindow> ReadWindows(JsonElement element, string path, JsonErrors errors)
    {
        var windows = new List<WeeklyWindow>();
        if (element.ValueKind != JsonValueKind.Array)
        {
            errors.Add(path, $"must be an array of windows, not {JsonErrors.Describe(element)}.");
            return windows;
        }

        var index = 0;
        foreach (var item in element.EnumerateArray())
        {
            var itemPath = string.Create(CultureInfo.InvariantCulture, $"{path}[{index++}]");
            if (!errors.Object(item, itemPath, "days", "start", "end"))
            {
                continue;
            }

            var before = errors.Errors.Count;
            var days = new List<IsoDayOfWeek>();
            if (errors.Required(item, "days", itemPath, out var daysElement))
            {
                if (daysElement.ValueKind != JsonValueKind.Array)
                {
                    errors.Add(itemPath + ".days", $"must be an array of days such as \"friday\", not {JsonErrors.Describe(daysElement)}.");
                }
                else if (daysElement.GetArrayLength() == 0)
                {
                    errors.Add(itemPath + ".days", "needs at least one day.");
                }
                else
                {
                    var dayIndex = 0;
                    foreach (var day in daysElement.EnumerateArray())
                    {
                        var dayPath = string.Create(CultureInfo.InvariantCulture, $"{itemPath}.days[{dayIndex++}]");
                        if (errors.Enum(day, dayPath, DayNames.Select((name, i) => (name, (IsoDayOfWeek)(i + 1))).ToArray()) is { } d)
                        {
                            if (days.Contains(d))
                            {
                                errors.Add(dayPath, $"'{DayNames[(int)d - 1]}' is given more than once.");
                            }

                            days.Add(d);
                        }
                    }
                }
            }

            LocalTime? Time(string name)
            {
                if (!JsonErrors.Optional(item, name, out var value) || errors.String(value, new JsonPath(itemPath, name)) is not { } text)
                {
                    return null;
                }

                var parsed = Patterns.MinutesTime.Parse(text);
                if (!parsed.Success)
                {
                    parsed = LocalTimePattern.ExtendedIso.Parse(text);
                }

                if (parsed.Success)
                {
                    return parsed.Value;
                }

                errors.Add($"{itemPath}.{name}", $"'{text}' is not a local time such as 17:00 or 17:00:30.");
                return null;
            }

            var start = Time("start");
            var end = Time("end");
            var hasStart = JsonErrors.Optional(item, "start", out _);
            var hasEnd = JsonErrors.Optional(item, "end", out _);
            if (hasStart != hasEnd)
            {
                errors.Add($"{itemPath}.{(hasStart ? "end" : "start")}", $"is required with {(hasStart ? "start" : "end")} (leave both out for whole days).");
            }

            if (errors.Errors.Count > before)
            {
                continue;
            }

            if (errors.Make(new JsonPath(itemPath, "end"), () => new WeeklyWindow(days, start ?? LocalTime.Midnight, end ?? LocalTime.Midnight)) is { } window)
            {
                windows.Add(window);
            }
        }

        return windows;
    }

    private static Restriction? ReadRestriction(JsonElement element, string path, JsonErrors errors)
    {
        var type = TypeOf(element, path, errors, RestrictionTypes);
        switch (type)
        {
            case "minimumSubtotal":
            {
                errors.Object(element, path, "type", "amount", "measuredOn");
                var basis = ReadBasis(element, path, errors);
                return errors.Required(element, "amount", path, out var amount) && ReadMoney(amount, path + ".amount", errors) is { } money && basis is { } b
                    ? errors.Make(new JsonPath(path, "amount"), (money, b), static m => Restriction.MinimumSubtotal(m.money, m.b))
                    : null;
            }

            case "minimumQuantity":
                errors.Object(element, path, "type", "quantity");
                return errors.Required(element, "quantity", path, out var quantity) && errors.Int(quantity, new JsonPath(path, "quantity")) is { } q
                    ? errors.Make(new JsonPath(path, "quantity"), q, Restriction.MinimumQuantity)
                    : null;
            case "firstOrderOnly":
                errors.Object(element, path, "type");
                return Restriction.FirstOrderOnly;
            case "cartHolds":
                return ReadCartCondition(element, path, errors);
            case "previousOrders":
            {
                errors.Object(element, path, "type", "atLeast", "atMost");
                var errorsBefore = errors.Errors.Count;
                var atLeast = JsonErrors.Optional(element, "atLeast", out var low) ? errors.Int(low, new JsonPath(path, "atLeast")) : null;
                var atMost = JsonErrors.Optional(element, "atMost", out var high) ? errors.Int(high, new JsonPath(path, "atMost")) : null;
                if (errors.Errors.Count > errorsBefore)
                {
                    return null;
                }

                try
                {
                    return Restriction.PreviousOrders(atLeast, atMost);
                }
                catch (ArgumentException e)
                {
                    errors.Add(path + "." + (e.ParamName == "atMost" ? "atMost" : "atLeast"),
                        e.ParamName == "atMost" || atLeast is not null ? JsonErrors.Plain(e) : "is required (or atMost, or both).");
                    return null;
                }
            }

            case "regions":
            {
                errors.Object(element, path, "type", "regions", "except", "of");
                var before = errors.Errors.Count;
                var hasAllowed = JsonErrors.Optional(element, "regions", out var allowedElement);
                var hasExcluded = JsonErrors.Optional(element, "except", out var exceptElement);
                if (!hasAllowed && !hasExcluded)
                {
                    errors.Add(path + ".regions", "is required (or except, for anywhere but the excluded regions).");
                }

                var allowed = hasAllowed ? ReadRegions(allowedElement, path + ".regions", errors) : [];
                var excluded = hasExcluded ? ReadRegions(exceptElement, path + ".except", errors) : [];
                var of = JsonErrors.Optional(element, "of", out var ofElement)
                    ? errors.Enum(ofElement, new JsonPath(path, "of"), ("customer", RegionSource.Customer), ("shippingAddress", RegionSource.ShippingAddress))
                    : RegionSource.Customer;
                if (errors.Errors.Count > before || of is not { } source)
                {
                    return null;
                }

                // A factory error about an exclusion belongs to except, any other to regions.
                try
                {
                    return Restriction.Regions(allowed, excluded, source);
                }
                catch (ArgumentException e)
                {
                    errors.Add(e.ParamName == "except" ? path + ".except" : path + ".regions", JsonErrors.Plain(e));
                    return null;
                }
            }

            case { } named:
                var property = named switch
                {
                    "membersOnly" => "memberships",
                    "channels" => "channels",
                    "shippingMethods" => "methods",
                    _ => "segments",
                };
                errors.Object(element, path, "type", property);
                if (!errors.Required(element, property, path, out var values) || errors.Strings(values, new JsonPath(path, property)) is not { } list)
                {
                    return null;
                }

                return errors.Make<List<string>, Restriction>(new JsonPath(path, property), list, named switch
                {
                    "membersOnly" => static (List<string> list) => Restriction.MembersOnly(list),
                    "channels" => static (List<string> list) => Restriction.Channels(list),
                    "shippingMethods" => static (List<string> list) => Restriction.ShippingMethods(list),
                    _ => static (List<string> list) => Restriction.Segments(list),
                });
            default:
                return null;
        }
    }

    /// <summary>Reads <c>{ "type": "cartHolds", "items": filter, "units": n }</c> or <c>"amount": money</c> instead of
    /// units, with an optional <c>"label"</c>.</summary>
    private static Restriction? ReadCartCondition(JsonElement element, string path, JsonErrors errors)
    {
        errors.Object(element, path, "type", "items", "units", "amount", "label", "measuredOn");
        var errorsBefore = errors.Errors.Count;
        var basis = ReadBasis(element, path, errors);
        var items = errors.Required(element, "items", path, out var itemsElement) ? ReadFilter(itemsElement, path + ".items", errors) : null;
        var label = JsonErrors.Optional(element, "label", out var labelElement) ? errors.String(labelElement, new JsonPath(path, "label")) : null;
        var hasUnits = JsonErrors.Optional(element, "units", out var unitsElement);
        var hasAmount = JsonErrors.Optional(element, "amount", out var amountElement);
        if (hasUnits == hasAmount)
        {
            errors.Add(path + ".units", hasUnits ? "give units or amount, not both." : "is required (or amount).");
            return null;
        }

        if (hasUnits && basis == ThresholdBasis.AfterHigherLanes)
        {
            errors.Add(path + ".measuredOn", "applies to an amount; units are counted whatever the prices.");
        }

        var units = hasUnits ? errors.Int(unitsElement, new JsonPath(path, "units")) : null;
        var amount = hasAmount ? ReadMoney(amountElement, path + ".amount", errors) : null;
        if (errors.Errors.Count > errorsBefore || items is null)
        {
            return null;
        }

        // A factory error about the label belongs to label, any other to the units or the amount.
        try
        {
            return units is { } n ? Restriction.CartHoldsUnits(items, n, label) : Restriction.CartHoldsAmount(items, amount!.Value, label, basis!.Value);
        }
        catch (ArgumentException e)
        {
            errors.Add(path + "." + (e.ParamName == "label" ? "label" : hasUnits ? "units" : "amount"), JsonErrors.Plain(e));
            return null;
        }
    }

    /// <summary>Reads the optional <c>"measuredOn"</c> of a threshold: <c>"beforeDiscounts"</c> (the default) or
    /// <c>"afterHigherLanes"</c>; null after an error.</summary>
    private static ThresholdBasis? ReadBasis(JsonElement element, string path, JsonErrors errors) =>
        JsonErrors.Optional(element, "measuredOn", out var basis)
            ? errors.Enum(basis, new JsonPath(path, "measuredOn"), ("beforeDiscounts", ThresholdBasis.BeforeDiscounts), ("afterHigherLanes", ThresholdBasis.AfterHigherLanes))
            : ThresholdBasis.BeforeDiscounts;

    private static List<Region> ReadRegions(JsonElement element, string path, JsonErrors errors)
    {
        var parsed = new List<Region>();
        if (errors.Strings(element, path) is not { } codes)
        {
            return parsed;
        }

        if (codes.Count == 0)
        {
            errors.Add(path, "at least one value is required.");
        }

        for (var i = 0; i < codes.Count; i++)
        {
            var parts = codes[i].Split('-', 2);
            if (errors.Make(new JsonPath(path, i), () => (object)new Region(parts[0], parts.Length > 1 ? parts[1] : null)) is Region region)
            {
                parsed.Add(region);
            }
        }

        return parsed;
    }

    internal static ItemFilter? ReadFilter(JsonElement element, string path, JsonErrors errors)
    {
        var type = TypeOf(element, path, errors, FilterTypes);
        switch (type)
        {
            case "all":
                errors.Object(element, path, "type");
                return ItemFilter.All;
            case "skus" or "categories" or "tags" or "brands":
                errors.Object(element, path, "type", "values");
                if (!errors.Required(element, "values", path, out var values) || errors.Strings(values, new JsonPath(path, "values")) is not { } list)
                {
                    return null;
                }

                return errors.Make<List<string>, ItemFilter>(new JsonPath(path, "values"), list, type switch
                {
                    "skus" => static (List<string> list) => ItemFilter.Skus(list),
                    "categories" => static (List<string> list) => ItemFilter.Categories(list),
                    "tags" => static (List<string> list) => ItemFilter.Tags(list),
                    _ => static (List<string> list) => ItemFilter.Brands(list),
                });
            case "unitPrice":
            {
                errors.Object(element, path, "type", "atLeast", "atMost");
                var errorsBefore = errors.Errors.Count;
                var atLeast = JsonErrors.Optional(element, "atLeast", out var low) ? ReadMoney(low, path + ".atLeast", errors) : null;
                var atMost = JsonErrors.Optional(element, "atMost", out var high) ? ReadMoney(high, path + ".atMost", errors) : null;
                if (errors.Errors.Count > errorsBefore)
                {
                    return null;
                }

                if (atLeast is null && atMost is null)
                {
                    errors.Add(path + ".atLeast", "is required (or atMost, or both).");
                    return null;
                }

                // A factory error about the upper bound belongs to atMost, any other to atLeast.
                try
                {
                    return ItemFilter.UnitPrice(atLeast, atMost, "atLeast", "atMost");
                }
                catch (ArgumentException e)
                {
                    errors.Add(e.ParamName == "atMost" ? path + ".atMost" : path + ".atLeast", JsonErrors.Plain(e));
                    return null;
                }
            }

            case "anyOf" or "allOf":
                errors.Object(element, path, "type", "filters");
                if (!errors.Required(element, "filters", path, out var filters))
                {
                    return null;
                }

                var inner = new List<ItemFilter>();
                var before = errors.Errors.Count;
                foreach (var (item, itemPath) in Items(filters, path + ".filters", errors))
                {
                    if (ReadFilter(item, itemPath, errors) is { } f)
                    {
                        inner.Add(f);
                    }
                }

                return errors.Errors.Count > before ? null
                    : errors.Make<List<ItemFilter>, ItemFilter>(new JsonPath(path, "filters"), inner, type == "anyOf" ? static (List<ItemFilter> all) => ItemFilter.AnyOf(all) : static (List<ItemFilter> all) => ItemFilter.AllOf(all));
            case "not":
                errors.Object(element, path, "type", "filter");
                return errors.Required(element, "filter", path, out var negated) && ReadFilter(negated, path + ".filter", errors) is { } n
                    ? errors.Make(path, n, ItemFilter.Not)
                    : null;
            default:
                return null;
        }
    }

    /// <summary>Reads a discount: its type picks the strategy's own reader (see <see cref="DiscountKinds"/>).</summary>
    internal static Discount? ReadDiscount(JsonElement element, string path, JsonErrors errors) =>
        TypeOf(element, path, errors, DiscountKinds.Types.AsSpan()) is { } type ? DiscountKinds.ReaderOf(type)(new DiscountJsonReader(element, path, errors)) : null;

    private static UsageLimits? ReadLimits(JsonElement element, string path, JsonErrors errors)
    {
        if (!errors.Object(element, path, "total", "perCode", "perCustomer", "budget", "budgetPolicy", "countPolicy"))
        {
            return null;
        }

        int? Count(string name) => JsonErrors.Optional(element, name, out var e) ? errors.Int(e, new JsonPath(path, name)) : null;
        var total = Count("total");
        var perCode = Count("perCode");
        var perCustomer = Count("perCustomer");
        var budget = JsonErrors.Optional(element, "budget", out var b) ? ReadMoney(b, path + ".budget", errors) : null;
        var policy = JsonErrors.Optional(element, "budgetPolicy", out var bp)
            ? errors.Enum(bp, new JsonPath(path, "budgetPolicy"), ("hard", BudgetPolicy.Hard), ("soft", BudgetPolicy.Soft))
            : BudgetPolicy.Hard;
        var countPolicy = JsonErrors.Optional(element, "countPolicy", out var cp)
            ? errors.Enum(cp, new JsonPath(path, "countPolicy"), ("hard", LimitPolicy.Hard), ("soft", LimitPolicy.Soft))
            : LimitPolicy.Hard;
        return policy is { } pol && countPolicy is { } counts
            ? errors.Make(path, () => new UsageLimits(total, perCode, perCustomer, budget, pol, counts))
            : null;
    }
}
