using System;
using System.Text.Json;

namespace PromoEngine;

/// <summary>What a discount's JSON reader may ask of its object: typed properties, each error collected at its JSON
/// path (every error of a document is reported at once). A strategy reads its own shape with it (see
/// <see cref="DiscountKinds"/>).</summary>
internal readonly struct DiscountJsonReader(JsonElement element, string path, JsonErrors errors, string[]? also = null)
{
    /// <summary>The JSON path of the object.</summary>
    public string Path => path;

    /// <summary>How many errors the document has so far: a reader compares it to see whether its parts read cleanly.</summary>
    public int ErrorCount => errors.Errors.Count;

    /// <summary>Checks that the element is an object and reports each property that is not one of these (the type's own
    /// name included); false when it is not an object.</summary>
    public bool Properties(params ReadOnlySpan<string> known) => errors.Object(element, path, known, also);

    /// <summary>The same reader, that also accepts a property read by someone else (an option around the kind).</summary>
    public DiscountJsonReader Allowing(string name) => new(element, path, errors, also is null ? [name] : [.. also, name]);

    /// <summary>A reader of a required object property.</summary>
    public DiscountJsonReader? Object(string name) =>
        errors.Required(element, name, path, out var e) ? new DiscountJsonReader(e, $"{path}.{name}", errors) : null;

    /// <summary>A required number.</summary>
    public decimal? Decimal(string name) => errors.Required(element, name, path, out var e) ? errors.Decimal(e, new JsonPath(path, name)) : null;

    /// <summary>An optional number, or <paramref name="absent"/> when the property is not there.</summary>
    public decimal? Decimal(string name, decimal absent) => JsonErrors.Optional(element, name, out var e) ? errors.Decimal(e, new JsonPath(path, name)) : absent;

    /// <summary>An optional number, or <see langword="null"/> when the property is not there.</summary>
    public decimal? OptionalDecimal(string name) => JsonErrors.Optional(element, name, out var e) ? errors.Decimal(e, new JsonPath(path, name)) : null;

    /// <summary>An optional true or false, <see langword="false"/> when the property is not there.</summary>
    public bool? OptionalBool(string name) => JsonErrors.Optional(element, name, out var e) ? errors.Bool(e, new JsonPath(path, name)) : false;

    /// <summary>A required discount (any registered kind), read by its own reader.</summary>
    public Discount? Discount(string name) =>
        errors.Required(element, name, path, out var e) ? PromotionJson.ReadDiscount(e, $"{path}.{name}", errors) : null;

    /// <summary>A required string.</summary>
    public string? String(string name) => errors.Required(element, name, path, out var e) ? errors.String(e, new JsonPath(path, name)) : null;

    /// <summary>A required whole number.</summary>
    public int? Int(string name) => errors.Required(element, name, path, out var e) ? errors.Int(e, new JsonPath(path, name)) : null;

    /// <summary>An optional whole number, or <see langword="null"/> when the property is not there.</summary>
    public int? OptionalInt(string name) => JsonErrors.Optional(element, name, out var e) ? errors.Int(e, new JsonPath(path, name)) : null;

    /// <summary>A required amount of money (<c>{"amount": 5, "currency": "EUR"}</c>).</summary>
    public Money? Money(string name) => errors.Required(element, name, path, out var e) ? PromotionJson.ReadMoney(e, $"{path}.{name}", errors) : null;

    /// <summary>An optional amount of money, or <see langword="null"/> when the property is not there.</summary>
    public Money? OptionalMoney(string name) =>
        JsonErrors.Optional(element, name, out var e) ? PromotionJson.ReadMoney(e, $"{path}.{name}", errors) : null;

    /// <summary>An optional item filter, or <see langword="null"/> when the property is not there.</summary>
    public ItemFilter? OptionalFilter(string name) =>
        JsonErrors.Optional(element, name, out var e) ? PromotionJson.ReadFilter(e, $"{path}.{name}", errors) : null;

    /// <summary>A required item filter.</summary>
    public ItemFilter? Filter(string name) =>
        errors.Required(element, name, path, out var e) ? PromotionJson.ReadFilter(e, $"{path}.{name}", errors) : null;

    /// <summary>A required name from a closed set.</summary>
    public TEnum? Enum<TEnum>(string name, params ReadOnlySpan<(string Name, TEnum Value)> values)
        where TEnum : struct =>
        errors.Required(element, name, path, out var e) ? errors.Enum(e, new JsonPath(path, name), values) : null;

    /// <summary>An optional name from a closed set, or <paramref name="absent"/> when the property is not there.</summary>
    public TEnum? Enum<TEnum>(string name, TEnum absent, params ReadOnlySpan<(string Name, TEnum Value)> values)
        where TEnum : struct =>
        JsonErrors.Optional(element, name, out var e) ? errors.Enum(e, new JsonPath(path, name), values) : absent;

    /// <summary>Reads each element of a required array with a reader of its own (at <c>path.name[i]</c>).</summary>
    public void Array(string name, Action<DiscountJsonReader> read)
    {
        if (errors.Required(element, name, path, out var list))
        {
            foreach (var (item, itemPath) in PromotionJson.Items(list, $"{path}.{name}", errors))
            {
                read(new DiscountJsonReader(item, itemPath, errors));
            }
        }
    }

    /// <summary>Whether the object has this property.</summary>
    public bool Has(string name) => JsonErrors.Optional(element, name, out _);

    /// <summary>Reports an error at the object's path.</summary>
    public void Error(string message) => errors.Add(path, message);

    /// <summary>Runs a factory, turning its argument errors into an error at the object's path plus
    /// <paramref name="suffix"/>.</summary>
    public T? Make<T>(string suffix, Func<T> make)
        where T : class => errors.Make(JsonPath.Suffixed(path, suffix), make);

    /// <summary>Runs a factory on an argument, turning its argument errors into an error at the object's path plus
    /// <paramref name="suffix"/>; a static factory (such as a strategy's <c>Create</c>) allocates nothing for a valid
    /// value.</summary>
    public T? Make<TArgument, T>(string suffix, TArgument argument, Func<TArgument, T> make)
        where T : class => errors.Make(JsonPath.Suffixed(path, suffix), argument, make);
}

/// <summary>What a discount's JSON writer uses besides the <see cref="Utf8JsonWriter"/>: the shapes shared with the rest
/// of a promotion.</summary>
internal static class DiscountJsonWriting
{
    /// <summary>Writes <c>"name": {"amount": .., "currency": ..}</c>.</summary>
    public static void Money(Utf8JsonWriter writer, string name, Money money) => JsonWriting.Money(writer, name, money);

    /// <summary>Writes <c>"name": filter</c>.</summary>
    public static void Filter(Utf8JsonWriter writer, string name, ItemFilter filter)
    {
        writer.WritePropertyName(name);
        PromotionJson.WriteFilter(writer, filter);
    }

    /// <summary>Writes a whole number when there is one.</summary>
    public static void Optional(Utf8JsonWriter writer, string name, int? value)
    {
        if (value is { } v)
        {
            writer.WriteNumber(name, v);
        }
    }
}
