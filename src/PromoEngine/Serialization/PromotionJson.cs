using System;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Runtime.CompilerServices;
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
        return TryStream(json, out var promotions) ? promotions : ReadWithDocument(json);
    }

    /// <summary>Reads a document through a <see cref="JsonDocument"/>: every shape, every error with its path (see
    /// <see cref="Read"/>, which takes this way for a document in error).</summary>
    internal static ImmutableArray<Promotion> ReadWithDocument(string json)
    {
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
            ImmutableArray<Promotion> promotions;
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

            return promotions;
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

    private static ImmutableArray<Promotion> ReadDocument(JsonElement root, JsonErrors errors)
    {
        ImmutableArray<Promotion> promotions = [];
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

        // Implementation note: the array is made at its final size and handed over without a copy (at 100,000
        // promotions it is a large object, and a copy or a growing list would cost more garbage collections).
        var read = ImmutableArray.CreateBuilder<Promotion>(list.GetArrayLength());
        var index = 0;
        foreach (var element in list.EnumerateArray())
        {
            if (ReadPromotion(element, string.Create(CultureInfo.InvariantCulture, $"$.promotions[{index}]"), errors) is { } promotion)
            {
                read.Add(promotion);
            }

            index++;
        }

        return read.Count == read.Capacity ? read.MoveToImmutable() : read.ToImmutable();
    }

    private static readonly string[] PromotionProperties =
    [
        "id", "name", "status", "activation", "schedule", "restrictions", "items", "discount", "limits", "priority",
        "maxDiscount", "exclusive", "group", "stops", "combinesWith", "compoundsWithAll", "compoundsWith",
    ];

    /// <summary>Room for the values of a promotion's properties, one per name of <see cref="PromotionProperties"/>.</summary>
    [InlineArray(17)]
    private struct PromotionValues
    {
        private JsonElement _first;
    }

    private static Promotion? ReadPromotion(JsonElement element, string path, JsonErrors errors)
    {
        var before = errors.Errors.Count;
        var values = new PromotionValues();
        if (!errors.Object(element, path, PromotionProperties, values, out var properties))
        {
            return null;
        }

        var id = properties.Required("id", path, errors, out var idElement) ? errors.String(idElement, new JsonPath(path, "id")) : null;
        var name = properties.Required("name", path, errors, out var nameElement) ? errors.String(nameElement, new JsonPath(path, "name")) : null;
        var builder = Promotion.Create(id ?? string.Empty, name ?? string.Empty);

        if (properties.Optional("status", out var status)
            && errors.Enum(status, new JsonPath(path, "status"), ("active", PromotionStatus.Active), ("paused", PromotionStatus.Paused), ("cancelled", PromotionStatus.Cancelled)) is { } s)
        {
            builder.WithStatus(s);
        }

        if (properties.Optional("activation", out var activation))
        {
            ReadActivation(activation, path + ".activation", errors, builder);
        }

        if (properties.Optional("schedule", out var schedule) && ReadSchedule(schedule, path + ".schedule", errors) is { } sc)
        {
            builder.WithSchedule(sc);
        }

        if (properties.Optional("restrictions", out var restrictions))
        {
            ReadRestrictions(restrictions, path + ".restrictions", errors, builder);
        }

        if (properties.Optional("items", out var items) && ReadFilter(items, path + ".items", errors) is { } filter)
        {
            builder.ForItems(filter);
        }

        if (properties.Required("discount", path, errors, out var discount) && ReadDiscount(discount, path + ".discount", errors) is { } d)
        {
            builder.Giving(d);
        }

        if (properties.Optional("limits", out var limits) && ReadLimits(limits, path + ".limits", errors) is { } l)
        {
            builder.WithLimits(l);
        }

        if (properties.Optional("priority", out var priority) && errors.Int(priority, new JsonPath(path, "priority")) is { } p)
        {
            builder.WithPriority(p);
        }

        if (properties.Optional("maxDiscount", out var cap) && ReadMoney(cap, path + ".maxDiscount", errors) is { } money)
        {
            builder.WithMaxDiscount(money);
        }

        if (properties.Optional("exclusive", out var exclusive) && errors.Bool(exclusive, new JsonPath(path, "exclusive")) == true)
        {
            builder.Exclusive();
        }

        if (properties.Optional("group", out var group) && errors.String(group, new JsonPath(path, "group")) is { } g)
        {
            errors.Make(new JsonPath(path, "group"), (builder, g), static a => a.builder.InGroup(a.g));
        }

        if (properties.Optional("stops", out var stops)
            && errors.Enum(stops, new JsonPath(path, "stops"), ("none", StopScope.None), ("itsItems", StopScope.ItsItems), ("allLowerLanes", StopScope.AllLowerLanes)) is { } stop)
        {
            builder.StopLowerLanes(stop);
        }

        if (properties.Optional("combinesWith", out var combines) && ReadClasses(combines, path + ".combinesWith", errors) is { } classes)
        {
            builder.CombiningWith(classes);
        }

        if (properties.Optional("compoundsWithAll", out var all) && errors.Bool(all, new JsonPath(path, "compoundsWithAll")) == true)
        {
            builder.CompoundWithAll();
        }

        if (properties.Optional("compoundsWith", out var named) && errors.Strings(named, new JsonPath(path, "compoundsWith")) is { } ids)
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

    private static void ReadRestrictions(JsonElement element, string path, JsonErrors errors, PromotionBuilder builder)
    {
        foreach (var (item, itemPath) in Items(element, path, errors))
        {
            if (ReadRestriction(item, itemPath, errors) is { } restriction)
            {
                builder.Require(restriction);
            }
        }
    }

    /// <summary>The items of an array with their paths; an error, and none, when the element is not an array.</summary>
    internal static JsonArrayItems Items(JsonElement element, string path, JsonErrors errors)
    {
        if (element.ValueKind != JsonValueKind.Array)
        {
            errors.Add(path, $"must be an array, not {JsonErrors.Describe(element)}.");
            return default;
        }

        return new JsonArrayItems(element.EnumerateArray(), path);
    }

    /// <summary>The <c>type</c> of a typed object, checked against the known types.</summary>
    private static string? TypeOf(JsonElement element, string path, JsonErrors errors, ReadOnlySpan<string> types)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            errors.Add(path, $"must be an object, not {JsonErrors.Describe(element)}.");
            return null;
        }

        if (!errors.Required(element, "type", path, out var typeElement))
        {
            return null;
        }

        // The known names are matched on the document's text, so a valid type costs no string.
        if (typeElement.ValueKind == JsonValueKind.String)
        {
            foreach (var known in types)
            {
                if (typeElement.ValueEquals(known))
                {
                    return known;
                }
            }
        }

        if (errors.String(typeElement, new JsonPath(path, "type")) is not { } type)
        {
            return null;
        }

        if (!types.Contains(type))
        {
            errors.Add(path + ".type", $"'{type}' is not a known type (expected one of: {string.Join(", ", types.ToArray())}).");
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

        var amount = errors.Required(element, "amount", path, out var a) ? errors.Decimal(a, new JsonPath(path, "amount")) : null;
        Currency? currency = null;
        if (errors.Required(element, "currency", path, out var c) && errors.String(c, new JsonPath(path, "currency")) is { } code)
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
