using System;
using System.Collections.Immutable;
using System.Linq;

namespace PromoEngine;

/// <summary>The registry of discount kinds: each JSON type name with the reader of its strategy, one line per kind
/// (a strategy writes itself, see <see cref="Discount.WriteJson"/>). Registering a kind here is all the serializer
/// needs to know of it.</summary>
internal static class DiscountKinds
{
    // Implementation note: the order is the order of the names in the "not a known type" message.
    private static readonly (string Type, Func<DiscountJsonReader, Discount?> Read)[] Registered =
    [
        Item(PercentOffItemsDiscount.JsonType, PercentOffItemsDiscount.Read),
        Item(AmountOffEachItemDiscount.JsonType, AmountOffEachItemDiscount.Read),
        Item(FixedPriceDiscount.JsonType, FixedPriceDiscount.Read),
        Item(BuyXGetYDiscount.JsonType, BuyXGetYDiscount.Read),
        Order(TieredDiscount.JsonType, TieredDiscount.Read),
        Order(PercentOffOrderDiscount.JsonType, PercentOffOrderDiscount.Read),
        Order(AmountOffOrderDiscount.JsonType, AmountOffOrderDiscount.Read),
        (ShippingPercentOffDiscount.FreeJsonType, ShippingPercentOffDiscount.ReadFree),
        (ShippingPercentOffDiscount.JsonType, ShippingPercentOffDiscount.Read),
        (ShippingAmountOffDiscount.JsonType, ShippingAmountOffDiscount.Read),
        Item(AmountOffEachLineDiscount.JsonType, AmountOffEachLineDiscount.Read),
        Item(FirstAndAdditionalDiscount.JsonType, FirstAndAdditionalDiscount.Read),
        Item(QuantityGroupsDiscount.JsonType, QuantityGroupsDiscount.Read),
        (TieredShippingDiscount.JsonType, TieredShippingDiscount.Read),
        Item(GiftWithPurchaseDiscount.JsonType, GiftWithPurchaseDiscount.Read),
    ];


    /// <summary>An item kind: its reader also reads the options every item discount has (<c>shipping</c>,
    /// <c>maxUnits</c>, <c>priceFloor</c>).</summary>
    private static (string, Func<DiscountJsonReader, Discount?>) Item(string type, Func<DiscountJsonReader, Discount?> read)
    {
        // Each layer's reader is made once here, not once per discount read.
        Func<DiscountJsonReader, Discount?> floored = json => PriceFlooredDiscount.ReadAround(json, read);
        Func<DiscountJsonReader, Discount?> limited = json => UnitLimitedDiscount.ReadAround(json, floored);
        return (type, json => WithShippingDiscount.ReadAround(json, limited));
    }

    /// <summary>An order kind: its reader also reads the option every order discount has (<c>shipping</c>).</summary>
    private static (string, Func<DiscountJsonReader, Discount?>) Order(string type, Func<DiscountJsonReader, Discount?> read) =>
        (type, json => WithShippingDiscount.ReadAround(json, read));

    // Implementation note: the kinds whose whole JSON shape is {"type", "percent": p} or {"type", "amount": money}, with
    // the factory their reader ends in, so PromotionJson's streaming reader makes them without a document (see
    // PromotionJson.Streaming.cs); any other shape of them (an option such as shipping or maxUnits) is read by Read.
    private static readonly (string Type, Func<decimal, Discount> Create)[] PercentOnly =
    [
        (PercentOffItemsDiscount.JsonType, PercentOffItemsDiscount.Create),
        (PercentOffOrderDiscount.JsonType, PercentOffOrderDiscount.Create),
        (ShippingPercentOffDiscount.JsonType, ShippingPercentOffDiscount.Create),
    ];

    private static readonly (string Type, Func<Money, Discount> Create)[] AmountOnly =
    [
        (AmountOffEachItemDiscount.JsonType, AmountOffEachItemDiscount.Create),
        (AmountOffEachLineDiscount.JsonType, AmountOffEachLineDiscount.Create),
        (ShippingAmountOffDiscount.JsonType, ShippingAmountOffDiscount.Create),
    ];

    /// <summary>The factory of a kind whose whole shape is a type and a percentage, or <see langword="null"/>.</summary>
    public static Func<decimal, Discount>? PercentOnlyFactory(string type) => Find(PercentOnly, type);

    /// <summary>The factory of a kind whose whole shape is a type and an amount of money, or <see langword="null"/>.</summary>
    public static Func<Money, Discount>? AmountOnlyFactory(string type) => Find(AmountOnly, type);

    private static T? Find<T>((string Type, T Value)[] kinds, string type)
        where T : class
    {
        foreach (var (name, value) in kinds)
        {
            if (string.Equals(name, type, StringComparison.Ordinal))
            {
                return value;
            }
        }

        return null;
    }

    /// <summary>The JSON type names, in registration order.</summary>
    public static ImmutableArray<string> Types { get; } = [.. Registered.Select(k => k.Type)];

    /// <summary>The reader of a JSON type name.</summary>
    /// <remarks>Implementation note: a search of the few kinds, rather than a frozen dictionary, which a process would
    /// compile at its start for no gain.</remarks>
    public static Func<DiscountJsonReader, Discount?> ReaderOf(string type)
    {
        foreach (var (name, read) in Registered)
        {
            if (string.Equals(name, type, StringComparison.Ordinal))
            {
                return read;
            }
        }

        throw new ArgumentException($"'{type}' is not a registered discount kind.", nameof(type));
    }
}
