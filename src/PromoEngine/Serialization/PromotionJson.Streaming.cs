using System;
using System.Buffers;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace PromoEngine;

/// <remarks>
/// Implementation note: the streaming reader. A catalog of 100,000 promotions must compile in well under 2 s in a fresh
/// process (issue 13), and building a <see cref="JsonDocument"/> of it, then searching each object for each property,
/// costs most of that. So <see cref="Read"/> first reads the document in one pass of a <see cref="Utf8JsonReader"/>,
/// straight into the same builders and factories the document reader calls, for the shapes most promotions have: an
/// id, a name, a status, an automatic or single-code activation, the common restrictions, item filters, a discount that
/// is a percentage or an amount alone, a priority, exclusivity. A promotion of any other shape is cut out of the text and read by the document reader
/// (<see cref="ReadPromotion"/>), so every shape stays supported. The streaming reader never reports an error: anything
/// it does not expect (an unknown or repeated property, a null, a value of another type, a factory's refusal, invalid
/// JSON, an error in a promotion the document reader read) makes <see cref="Read"/> read the whole document again with
/// the document reader, whose errors, paths and order are the contract.
/// </remarks>
public static partial class PromotionJson
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Reads a valid document in one pass; <see langword="false"/> when the document reader must read it (an
    /// error, or a document not written in the usual order).</summary>
    private static bool TryStream(string json, out ImmutableArray<Promotion> promotions)
    {
        promotions = default;
        byte[]? utf8 = null;
        try
        {
            utf8 = ArrayPool<byte>.Shared.Rent(StrictUtf8.GetByteCount(json));
            var length = StrictUtf8.GetBytes(json, utf8);
            var text = new ReadOnlyMemory<byte>(utf8, 0, length);
            var reader = new Utf8JsonReader(text.Span, new JsonReaderOptions { MaxDepth = 64 });
            return TryStreamDocument(ref reader, text, out promotions);
        }
        catch (Exception e) when (e is JsonException or ArgumentException or InvalidOperationException or FormatException
            or OverflowException or PromotionDefinitionException)
        {
            // Invalid text or JSON, or a definition the builders refuse: the document reader reports it.
            return false;
        }
        finally
        {
            if (utf8 is not null)
            {
                ArrayPool<byte>.Shared.Return(utf8);
            }
        }
    }

    private static bool TryStreamDocument(ref Utf8JsonReader reader, ReadOnlyMemory<byte> text, out ImmutableArray<Promotion> promotions)
    {
        promotions = default;
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        bool hasVersion = false, hasPromotions = false;
        var read = ImmutableArray.CreateBuilder<Promotion>();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("schemaVersion"u8) && !hasVersion)
            {
                hasVersion = reader.Read() && reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var version) && version == SchemaVersion;
                if (!hasVersion)
                {
                    return false;
                }
            }
            else if (reader.ValueTextEquals("promotions"u8) && !hasPromotions)
            {
                hasPromotions = true;
                if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray || !TryStreamPromotions(ref reader, text, read))
                {
                    return false;
                }
            }
            else
            {
                return false;
            }
        }

        // The root object ends here, and nothing follows it (the reader throws on anything but white space).
        if (reader.TokenType != JsonTokenType.EndObject || !hasVersion || !hasPromotions || reader.Read())
        {
            return false;
        }

        promotions = read.DrainToImmutable();
        return true;
    }

    private static bool TryStreamPromotions(ref Utf8JsonReader reader, ReadOnlyMemory<byte> text, ImmutableArray<Promotion>.Builder read)
    {
        var errors = new JsonErrors();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.StartObject || read.Count == PromotionCatalog.MaxPromotions)
            {
                return false;
            }

            var start = reader;
            var promotion = TryStreamPromotion(ref reader);
            if (promotion is null)
            {
                // Another shape: the document reader reads this promotion alone, at its path in the document.
                reader = start;
                var from = (int)reader.TokenStartIndex;
                reader.Skip();
                using var document = JsonDocument.Parse(text[from..(int)reader.BytesConsumed], new JsonDocumentOptions { MaxDepth = 64 });
                promotion = ReadPromotion(document.RootElement, string.Create(CultureInfo.InvariantCulture, $"$.promotions[{read.Count}]"), errors);
                if (promotion is null || errors.Errors.Count > 0)
                {
                    return false;
                }
            }

            read.Add(promotion);
        }

        return reader.TokenType == JsonTokenType.EndArray;
    }

    /// <summary>A promotion of the usual shape, read from its start object to its end object; <see langword="null"/>
    /// for any other (the reader is then anywhere inside it).</summary>
    private static Promotion? TryStreamPromotion(ref Utf8JsonReader reader)
    {
        string? id = null, name = null, code = null;
        var status = PromotionStatus.Active;
        var foldLookAlikes = false;
        List<Restriction>? restrictions = null;
        ItemFilter? items = null;
        Discount? discount = null;
        int? priority = null;
        var exclusive = false;
        var seen = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var property = PropertyIndex(ref reader, PromotionPropertyNames);
            if (property < 0 || (seen & (1 << property)) != 0 || !reader.Read())
            {
                return null;
            }

            seen |= 1 << property;
            bool ok;
            switch (property)
            {
                case 0:
                    ok = TryStreamString(ref reader, out id);
                    break;
                case 1:
                    ok = TryStreamString(ref reader, out name);
                    break;
                case 2:
                    ok = TryStreamStatus(ref reader, out status);
                    break;
                case 3:
                    ok = TryStreamActivation(ref reader, out code, out foldLookAlikes);
                    break;
                case 4:
                    ok = TryStreamRestrictions(ref reader, restrictions = []);
                    break;
                case 5:
                    items = TryStreamFilter(ref reader);
                    ok = items is not null;
                    break;
                case 6:
                    discount = TryStreamDiscount(ref reader);
                    ok = discount is not null;
                    break;
                case 7:
                    var number = 0;
                    ok = reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out number);
                    priority = number;
                    break;
                default:
                    ok = reader.TokenType is JsonTokenType.True or JsonTokenType.False;
                    exclusive = ok && reader.GetBoolean();
                    break;
            }

            if (!ok)
            {
                return null;
            }
        }

        if (reader.TokenType != JsonTokenType.EndObject || id is null || name is null || discount is null)
        {
            return null;
        }

        // The same calls, in the same order, as the document reader makes.
        var builder = Promotion.Create(id, name).WithStatus(status);
        if (code is not null)
        {
            builder.WithCode(code, foldLookAlikes);
        }

        if (restrictions is not null)
        {
            foreach (var restriction in restrictions)
            {
                builder.Require(restriction);
            }
        }

        if (items is not null)
        {
            builder.ForItems(items);
        }

        builder.Giving(discount);
        if (priority is { } lane)
        {
            builder.WithPriority(lane);
        }

        if (exclusive)
        {
            builder.Exclusive();
        }

        return builder.Build();
    }

    // The properties the streaming reader knows, by position (see TryStreamPromotion).
    private static readonly byte[][] PromotionPropertyNames =
        ["id"u8.ToArray(), "name"u8.ToArray(), "status"u8.ToArray(), "activation"u8.ToArray(), "restrictions"u8.ToArray(),
            "items"u8.ToArray(), "discount"u8.ToArray(), "priority"u8.ToArray(), "exclusive"u8.ToArray()];

    private static int PropertyIndex(ref Utf8JsonReader reader, byte[][] names)
    {
        for (var i = 0; i < names.Length; i++)
        {
            if (reader.ValueTextEquals(names[i]))
            {
                return i;
            }
        }

        return -1;
    }

    private static bool TryStreamString(ref Utf8JsonReader reader, out string? value)
    {
        value = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
        return value is not null;
    }

    private static bool TryStreamStrings(ref Utf8JsonReader reader, out List<string>? values)
    {
        values = null;
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            return false;
        }

        var list = new List<string>();
        while (reader.Read() && reader.TokenType == JsonTokenType.String)
        {
            list.Add(reader.GetString()!);
        }

        values = list;
        return reader.TokenType == JsonTokenType.EndArray;
    }

    private static bool TryStreamStatus(ref Utf8JsonReader reader, out PromotionStatus status)
    {
        status = PromotionStatus.Active;
        if (reader.TokenType != JsonTokenType.String)
        {
            return false;
        }

        if (reader.ValueTextEquals("active"u8))
        {
            return true;
        }

        if (reader.ValueTextEquals("paused"u8))
        {
            status = PromotionStatus.Paused;
            return true;
        }

        status = PromotionStatus.Cancelled;
        return reader.ValueTextEquals("cancelled"u8);
    }

    /// <summary><c>{"type": "automatic"}</c>, or <c>{"type": "code", "code": "..."}</c> with an optional
    /// <c>foldLookAlikes</c>.</summary>
    private static bool TryStreamActivation(ref Utf8JsonReader reader, out string? code, out bool foldLookAlikes)
    {
        code = null;
        foldLookAlikes = false;
        string? type = null;
        bool? fold = null;
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("type"u8) && type is null)
            {
                if (!reader.Read() || !TryStreamString(ref reader, out type))
                {
                    return false;
                }
            }
            else if (reader.ValueTextEquals("code"u8) && code is null)
            {
                if (!reader.Read() || !TryStreamString(ref reader, out code))
                {
                    return false;
                }
            }
            else if (reader.ValueTextEquals("foldLookAlikes"u8) && fold is null && reader.Read() && reader.TokenType is JsonTokenType.True or JsonTokenType.False)
            {
                fold = reader.GetBoolean();
            }
            else
            {
                return false;
            }
        }

        foldLookAlikes = fold == true;
        return type switch
        {
            "automatic" => code is null && fold is null,
            "code" => code is not null,
            _ => false,
        };
    }

    private static bool TryStreamRestrictions(ref Utf8JsonReader reader, List<Restriction> restrictions)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            return false;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
        {
            if (TryStreamRestriction(ref reader) is not { } restriction)
            {
                return false;
            }

            restrictions.Add(restriction);
        }

        return reader.TokenType == JsonTokenType.EndArray;
    }

    /// <summary>The parts a typed object may have in the usual shapes, each read once (a struct: one per object
    /// read).</summary>
    private struct StreamedParts
    {
        public string? Type { get; set; }

        public List<string>? Values { get; set; }

        public string? ValuesName { get; set; }

        public int? AtLeastCount { get; set; }

        public int? AtMostCount { get; set; }

        public Money? Amount { get; set; }

        public Money? AtLeast { get; set; }

        public Money? AtMost { get; set; }

        public ThresholdBasis? MeasuredOn { get; set; }

        public decimal? Percent { get; set; }
    }

    // The properties that hold a list of strings: a filter's values, a restriction's segments, memberships and so on.
    private static readonly string[] ValueLists = ["values", "segments", "memberships", "channels", "methods", "regions"];

    private static readonly byte[][] ValueListNames = Array.ConvertAll(ValueLists, Encoding.UTF8.GetBytes);

    /// <summary>Reads a typed object's properties into <paramref name="parts"/>; false for a property it does not know,
    /// given twice, or of another type.</summary>
    private static bool TryStreamParts(ref Utf8JsonReader reader, ref StreamedParts parts)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var list = PropertyIndex(ref reader, ValueListNames);
            if (list >= 0)
            {
                if (parts.ValuesName is not null || !reader.Read() || !TryStreamStrings(ref reader, out var values))
                {
                    return false;
                }

                parts.ValuesName = ValueLists[list];
                parts.Values = values;
                continue;
            }

            var ok = false;
            if (reader.ValueTextEquals("type"u8))
            {
                ok = parts.Type is null && reader.Read() && TryStreamString(ref reader, out var type) && (parts.Type = type) is not null;
            }
            else if (reader.ValueTextEquals("atLeast"u8) || reader.ValueTextEquals("atMost"u8))
            {
                var least = reader.ValueTextEquals("atLeast"u8);
                ok = reader.Read() && (reader.TokenType == JsonTokenType.Number
                    ? TryStreamCount(ref reader, ref parts, least)
                    : TryStreamBound(ref reader, ref parts, least));
            }
            else if (reader.ValueTextEquals("amount"u8))
            {
                ok = parts.Amount is null && reader.Read() && (parts.Amount = TryStreamMoney(ref reader)) is not null;
            }
            else if (reader.ValueTextEquals("measuredOn"u8))
            {
                ok = parts.MeasuredOn is null && reader.Read() && reader.TokenType == JsonTokenType.String
                    && (parts.MeasuredOn = reader.ValueTextEquals("beforeDiscounts"u8) ? ThresholdBasis.BeforeDiscounts
                        : reader.ValueTextEquals("afterHigherLanes"u8) ? ThresholdBasis.AfterHigherLanes
                        : null) is not null;
            }
            else if (reader.ValueTextEquals("percent"u8))
            {
                ok = parts.Percent is null && reader.Read() && reader.TokenType == JsonTokenType.Number && reader.TryGetDecimal(out var percent)
                    && (parts.Percent = percent) is not null;
            }

            if (!ok)
            {
                return false;
            }
        }

        return reader.TokenType == JsonTokenType.EndObject && parts.Type is not null;
    }

    private static bool TryStreamCount(ref Utf8JsonReader reader, ref StreamedParts parts, bool least)
    {
        if ((least ? parts.AtLeastCount : parts.AtMostCount) is not null || parts.AtLeast is not null || parts.AtMost is not null || !reader.TryGetInt32(out var count))
        {
            return false;
        }

        _ = least ? parts.AtLeastCount = count : parts.AtMostCount = count;
        return true;
    }

    private static bool TryStreamBound(ref Utf8JsonReader reader, ref StreamedParts parts, bool least)
    {
        if ((least ? parts.AtLeast : parts.AtMost) is not null || parts.AtLeastCount is not null || parts.AtMostCount is not null
            || TryStreamMoney(ref reader) is not { } bound)
        {
            return false;
        }

        _ = least ? parts.AtLeast = bound : parts.AtMost = bound;
        return true;
    }

    /// <summary><c>{"amount": 12.50, "currency": "USD"}</c>, in either order.</summary>
    private static Money? TryStreamMoney(ref Utf8JsonReader reader)
    {
        decimal? amount = null;
        Currency? currency = null;
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return null;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("amount"u8) && amount is null && reader.Read() && reader.TokenType == JsonTokenType.Number
                && reader.TryGetDecimal(out var value))
            {
                amount = value;
            }
            else if (reader.ValueTextEquals("currency"u8) && currency is null && reader.Read() && TryStreamString(ref reader, out var code)
                && Currency.TryFromCode(code!, out var found))
            {
                currency = found;
            }
            else
            {
                return null;
            }
        }

        return reader.TokenType == JsonTokenType.EndObject && amount is { } a && currency is { } c ? new Money(a, c) : null;
    }

    private static Restriction? TryStreamRestriction(ref Utf8JsonReader reader)
    {
        var parts = new StreamedParts();
        if (!TryStreamParts(ref reader, ref parts) || parts.Percent is not null || parts.AtLeast is not null || parts.AtMost is not null)
        {
            return null;
        }

        var values = parts.Values;
        var onlyValues = parts.Amount is null && parts.MeasuredOn is null && parts.AtLeastCount is null && parts.AtMostCount is null;
        return (parts.Type, parts.ValuesName) switch
        {
            ("segments", "segments") when onlyValues => Restriction.Segments(values!),
            ("membersOnly", "memberships") when onlyValues => Restriction.MembersOnly(values!),
            ("channels", "channels") when onlyValues => Restriction.Channels(values!),
            ("shippingMethods", "methods") when onlyValues => Restriction.ShippingMethods(values!),
            ("regions", "regions") when onlyValues && values!.Count > 0 => Restriction.Regions(StreamRegions(values), [], RegionSource.Customer),
            ("previousOrders", null) when parts.Amount is null && parts.MeasuredOn is null && (parts.AtLeastCount ?? parts.AtMostCount) is not null =>
                Restriction.PreviousOrders(parts.AtLeastCount, parts.AtMostCount),
            ("minimumSubtotal", null) when parts.Amount is { } amount && parts.AtLeastCount is null && parts.AtMostCount is null =>
                Restriction.MinimumSubtotal(amount, parts.MeasuredOn ?? ThresholdBasis.BeforeDiscounts),
            ("firstOrderOnly", null) when onlyValues => Restriction.FirstOrderOnly,
            _ => null,
        };
    }

    private static List<Region> StreamRegions(List<string> codes)
    {
        var regions = new List<Region>(codes.Count);
        foreach (var code in codes)
        {
            var parts = code.Split('-', 2);
            regions.Add(new Region(parts[0], parts.Length > 1 ? parts[1] : null));
        }

        return regions;
    }

    private static ItemFilter? TryStreamFilter(ref Utf8JsonReader reader)
    {
        var parts = new StreamedParts();
        if (!TryStreamParts(ref reader, ref parts) || parts.Amount is not null || parts.MeasuredOn is not null || parts.Percent is not null
            || parts.AtLeastCount is not null || parts.AtMostCount is not null)
        {
            return null;
        }

        var values = parts.Values;
        var noBounds = parts.AtLeast is null && parts.AtMost is null;
        return (parts.Type, parts.ValuesName) switch
        {
            ("all", null) when noBounds => ItemFilter.All,
            ("skus", "values") when noBounds => ItemFilter.Skus(values!),
            ("categories", "values") when noBounds => ItemFilter.Categories(values!),
            ("tags", "values") when noBounds => ItemFilter.Tags(values!),
            ("brands", "values") when noBounds => ItemFilter.Brands(values!),
            ("unitPrice", null) when !noBounds => ItemFilter.UnitPrice(parts.AtLeast, parts.AtMost, "atLeast", "atMost"),
            _ => null,
        };
    }

    /// <summary>A discount of a kind whose whole shape is a type and a percentage or an amount (see
    /// <see cref="DiscountKinds.PercentOnlyFactory"/>).</summary>
    private static Discount? TryStreamDiscount(ref Utf8JsonReader reader)
    {
        var parts = new StreamedParts();
        if (!TryStreamParts(ref reader, ref parts) || parts.ValuesName is not null || parts.MeasuredOn is not null
            || parts.AtLeast is not null || parts.AtMost is not null || parts.AtLeastCount is not null || parts.AtMostCount is not null)
        {
            return null;
        }

        return (parts.Percent, parts.Amount) switch
        {
            ({ } percent, null) => DiscountKinds.PercentOnlyFactory(parts.Type!)?.Invoke(percent),
            (null, { } amount) => DiscountKinds.AmountOnlyFactory(parts.Type!)?.Invoke(amount),
            _ => null,
        };
    }
}
