using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using PromoEngine.Internal;

namespace PromoEngine;

/// <summary>Promotions as versioned JSON documents: read with every error reported at once (with its JSON path),
/// written so that reading gives the same definitions back.</summary>
/// <remarks>
/// <para>A document is <c>{ "schemaVersion": 1, "promotions": [ ... ] }</c>. Restrictions, item filters, discounts and
/// activations are objects with a <c>type</c>; money is <c>{ "amount": 12.50, "currency": "USD" }</c>; schedules use
/// ISO 8601 local date-times (<c>start</c>, <c>end</c>, <c>endInclusive</c>) or whole days (<c>firstDay</c>,
/// <c>lastDay</c>, the last day included), not both, with an IANA time zone id and optional weekly <c>windows</c>
/// (<c>{ "days": ["friday"], "start": "17:00", "end": "20:00" }</c>, or days alone for whole days), and are written back
/// in the form they were made in. Unknown properties are errors, so typos do not pass
/// silently. The JSON Schema is <c>schemas/promotions.schema.json</c> in the repository.</para>
/// <para>Reading walks a <see cref="JsonDocument"/>, with no reflection. Thread-safe: it keeps no state.</para>
/// </remarks>
public static partial class PromotionJson
{
    /// <summary>The schema version this library reads and writes.</summary>
    public const int SchemaVersion = 1;

    /// <summary>Reads the promotions of a document.</summary>
    /// <param name="json">The document.</param>
    /// <returns>The promotions, in document order.</returns>
    /// <exception cref="PromotionDefinitionException">The document has errors; every one is listed with its JSON path
    /// (such as <c>$.promotions[3].discount.percent: a percentage must be in (0, 100].</c>), and nothing is read.</exception>
    public static ImmutableArray<Promotion> Read(string json)
    {
        Guard.NotNull(json);
        var errors = new JsonErrors();
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 64 });
        }
        catch (JsonException e)
        {
            throw new PromotionDefinitionException("document", [$"$: is not valid JSON: {e.Message}"]);
        }
        catch (ArgumentException)
        {
            // The document is a string that cannot be UTF-8 at all (a lone surrogate outside any escape).
            throw new PromotionDefinitionException("document", ["$: is not valid JSON: it holds a lone surrogate, so it is not valid Unicode text."]);
        }

        using (document)
        {
            List<Promotion> promotions;
            try
            {
                promotions = ReadDocument(document.RootElement, errors);
            }
            catch (Exception e) when (e is InvalidOperationException or OverflowException or FormatException)
            {
                // Implementation note: every value is read through JsonErrors, which turns what it knows into errors
                // with paths; this is the net under it, so the contract (a definition error, never another type)
                // holds for any input.
                throw new PromotionDefinitionException("document", [.. errors.Errors, $"$: could not be read ({e.GetType().Name}: {e.Message})"]);
            }

            if (errors.Errors.Count > 0)
            {
                throw new PromotionDefinitionException("document", [.. errors.Errors]);
            }

            return [.. promotions];
        }
    }

    /// <summary>Reads a document and compiles its promotions into a catalog.</summary>
    /// <param name="json">The document.</param>
    /// <returns>The catalog.</returns>
    /// <exception cref="PromotionDefinitionException">The document or the catalog has errors (duplicate ids, codes that
    /// collide once normalized); every one is listed with its JSON path.</exception>
    public static PromotionCatalog ReadCatalog(string json)
    {
        var promotions = Read(json);
        try
        {
            return PromotionCatalog.Create(promotions);
        }
        catch (PromotionDefinitionException e)
        {
            throw new PromotionDefinitionException("document", [.. e.Errors.Select(error => "$." + error)]);
        }
    }

    private static List<Promotion> ReadDocument(JsonElement root, JsonErrors errors)
    {
        var promotions = new List<Promotion>();
        if (!errors.Object(root, "$", "schemaVersion", "promotions"))
        {
            return promotions;
        }

        if (errors.Required(root, "schemaVersion", "$", out var version) && errors.Int(version, "$.schemaVersion") is { } v && v != SchemaVersion)
        {
            errors.Add("$.schemaVersion", string.Create(CultureInfo.InvariantCulture, $"version {v} is not supported; this library reads version {SchemaVersion}."));
            return promotions;
        }

        if (!errors.Required(root, "promotions", "$", out var list))
        {
            return promotions;
        }

        if (list.ValueKind != JsonValueKind.Array)
        {
            errors.Add("$.promotions", $"must be an array, not {JsonErrors.Describe(list)}.");
            return promotions;
        }

        if (!errors.AtMost(list, "$.promotions", PromotionCatalog.MaxPromotions, "promotions", "PromotionCatalog.MaxPromotions"))
        {
            return promotions;
        }

        var index = 0;
        foreach (var element in list.EnumerateArray())
        {
            if (ReadPromotion(element, string.Create(CultureInfo.InvariantCulture, $"$.promotions[{index}]"), errors) is { } promotion)
            {
                promotions.Add(promotion);
            }

            index++;
        }

        return promotions;
    }

    private static readonly string[] PromotionProperties =
    [
        "id", "name", "status", "activation", "schedule", "restrictions", "items", "discount", "limits", "priority",
        "maxDiscount", "exclusive", "group", "stops", "combinesWith", "compoundsWithAll", "compoundsWith",
    ];

    private static Promotion? ReadPromotion(JsonElement element, string path, JsonErrors errors)
    {
        var before = errors.Errors.Count;
        if (!errors.Object(element, path, PromotionProperties))
        {
            return null;
        }

        var id = errors.Required(element, "id", path, out var idElement) ? errors.String(idElement, path + ".id") : null;
        var name = errors.Required(element, "name", path, out var nameElement) ? errors.String(nameElement, path + ".name") : null;
        var builder = Promotion.Create(id ?? string.Empty, name ?? string.Empty);

        if (JsonErrors.Optional(element, "status", out var status)
            && errors.Enum(status, path + ".status", ("active", PromotionStatus.Active), ("paused", PromotionStatus.Paused), ("cancelled", PromotionStatus.Cancelled)) is { } s)
        {
            builder.WithStatus(s);
        }

        if (JsonErrors.Optional(element, "activation", out var activation))
        {
            ReadActivation(activation, path + ".activation", errors, builder);
        }

        if (JsonErrors.Optional(element, "schedule", out var schedule) && ReadSchedule(schedule, path + ".schedule", errors) is { } sc)
        {
            builder.WithSchedule(sc);
        }

        if (JsonErrors.Optional(element, "restrictions", out var restrictions))
        {
            ReadArray(restrictions, path + ".restrictions", errors, (item, itemPath) =>
            {
                if (ReadRestriction(item, itemPath, errors) is { } restriction)
                {
                    builder.Require(restriction);
                }
            });
        }

        if (JsonErrors.Optional(element, "items", out var items) && ReadFilter(items, path + ".items", errors) is { } filter)
        {
            builder.ForItems(filter);
        }

        if (errors.Required(element, "discount", path, out var discount) && ReadDiscount(discount, path + ".discount", errors) is { } d)
        {
            builder.Giving(d);
        }

        if (JsonErrors.Optional(element, "limits", out var limits) && ReadLimits(limits, path + ".limits", errors) is { } l)
        {
            builder.WithLimits(l);
        }

        if (JsonErrors.Optional(element, "priority", out var priority) && errors.Int(priority, path + ".priority") is { } p)
        {
            builder.WithPriority(p);
        }

        if (JsonErrors.Optional(element, "maxDiscount", out var cap) && ReadMoney(cap, path + ".maxDiscount", errors) is { } money)
        {
            builder.WithMaxDiscount(money);
        }

        if (JsonErrors.Optional(element, "exclusive", out var exclusive) && errors.Bool(exclusive, path + ".exclusive") == true)
        {
            builder.Exclusive();
        }

        if (JsonErrors.Optional(element, "group", out var group) && errors.String(group, path + ".group") is { } g)
        {
            errors.Make(path + ".group", () => builder.InGroup(g));
        }

        if (JsonErrors.Optional(element, "stops", out var stops)
            && errors.Enum(stops, path + ".stops", ("none", StopScope.None), ("itsItems", StopScope.ItsItems), ("allLowerLanes", StopScope.AllLowerLanes)) is { } stop)
        {
            builder.StopLowerLanes(stop);
        }

        if (JsonErrors.Optional(element, "combinesWith", out var combines) && ReadClasses(combines, path + ".combinesWith", errors) is { } classes)
        {
            builder.CombiningWith(classes);
        }

        if (JsonErrors.Optional(element, "compoundsWithAll", out var all) && errors.Bool(all, path + ".compoundsWithAll") == true)
        {
            builder.CompoundWithAll();
        }

        if (JsonErrors.Optional(element, "compoundsWith", out var named) && errors.Strings(named, path + ".compoundsWith") is { } ids)
        {
            builder.CompoundWith(ids);
        }

        if (errors.Errors.Count > before)
        {
            return null;
        }

        try
        {
            return builder.Build();
        }
        catch (PromotionDefinitionException e)
        {
            foreach (var error in e.Errors)
            {
                errors.Errors.Add($"{path}.{error}");
            }

            return null;
        }
    }

    internal static void ReadArray(JsonElement element, string path, JsonErrors errors, Action<JsonElement, string> read)
    {
        if (element.ValueKind != JsonValueKind.Array)
        {
            errors.Add(path, $"must be an array, not {JsonErrors.Describe(element)}.");
            return;
        }

        var index = 0;
        foreach (var item in element.EnumerateArray())
        {
            read(item, string.Create(CultureInfo.InvariantCulture, $"{path}[{index++}]"));
        }
    }

    /// <summary>The <c>type</c> of a typed object, checked against the known types.</summary>
    private static string? TypeOf(JsonElement element, string path, JsonErrors errors, IReadOnlyCollection<string> types)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            errors.Add(path, $"must be an object, not {JsonErrors.Describe(element)}.");
            return null;
        }

        if (!errors.Required(element, "type", path, out var typeElement) || errors.String(typeElement, path + ".type") is not { } type)
        {
            return null;
        }

        if (!types.Contains(type))
        {
            errors.Add(path + ".type", $"'{type}' is not a known type (expected one of: {string.Join(", ", types)}).");
            return null;
        }

        return type;
    }

    internal static Money? ReadMoney(JsonElement element, string path, JsonErrors errors)
    {
        if (!errors.Object(element, path, "amount", "currency"))
        {
            return null;
        }

        var amount = errors.Required(element, "amount", path, out var a) ? errors.Decimal(a, path + ".amount") : null;
        Currency? currency = null;
        if (errors.Required(element, "currency", path, out var c) && errors.String(c, path + ".currency") is { } code)
        {
            if (Currency.TryFromCode(code, out var found))
            {
                currency = found;
            }
            else
            {
                errors.Add(path + ".currency", $"'{code}' is not an active ISO 4217 currency code.");
            }
        }

        return amount is { } value && currency is { } cur ? new Money(value, cur) : null;
    }

    private static DiscountClasses? ReadClasses(JsonElement element, string path, JsonErrors errors)
    {
        if (errors.Strings(element, path) is not { } names)
        {
            return null;
        }

        var classes = DiscountClasses.None;
        foreach (var (name, i) in names.Select((n, i) => (n, i)))
        {
            switch (name)
            {
                case "item": classes |= DiscountClasses.Item; break;
                case "order": classes |= DiscountClasses.Order; break;
                case "shipping": classes |= DiscountClasses.Shipping; break;
                default:
                    errors.Add(string.Create(CultureInfo.InvariantCulture, $"{path}[{i}]"), $"'{name}' is not one of: item, order, shipping.");
                    return null;
            }
        }

        return classes;
    }
}
