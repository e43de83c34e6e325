using System;
using System.Collections.Frozen;
using System.Collections.Generic;
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

    private static readonly FrozenDictionary<string, Func<DiscountJsonReader, Discount?>> ByType =
        Registered.ToFrozenDictionary(k => k.Type, k => k.Read, StringComparer.Ordinal);

    /// <summary>An item kind: its reader also reads the options every item discount has (<c>shipping</c>,
    /// <c>maxUnits</c>, <c>priceFloor</c>).</summary>
    private static (string, Func<DiscountJsonReader, Discount?>) Item(string type, Func<DiscountJsonReader, Discount?> read) =>
        (type, json => WithShippingDiscount.ReadAround(json, outer => UnitLimitedDiscount.ReadAround(outer, inner => PriceFlooredDiscount.ReadAround(inner, read))));

    /// <summary>An order kind: its reader also reads the option every order discount has (<c>shipping</c>).</summary>
    private static (string, Func<DiscountJsonReader, Discount?>) Order(string type, Func<DiscountJsonReader, Discount?> read) =>
        (type, json => WithShippingDiscount.ReadAround(json, read));

    /// <summary>The JSON type names, in registration order.</summary>
    public static IReadOnlyList<string> Types { get; } = [.. Registered.Select(k => k.Type)];

    /// <summary>The reader of a JSON type name.</summary>
    public static Func<DiscountJsonReader, Discount?> ReaderOf(string type) => ByType[type];
}
