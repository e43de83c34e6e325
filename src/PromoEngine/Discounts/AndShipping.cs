using System;
using System.Collections.Generic;
using System.Text.Json;

namespace PromoEngine;

/// <summary>An item or order discount and a shipping discount given together by one promotion
/// (<see cref="Discount.AndShipping"/>): "20% off and free shipping". The evaluator applies the shipping part in the
/// same lane once the promotion's own part applied, or came to nothing only because nothing is left of its items, and
/// the promotion counts as one use.</summary>
/// <remarks>The shipping part sits outside a unit limit or a price floor (they belong to the items), so every
/// combination has one shape, written and read back alike.</remarks>
internal static class WithShippingDiscount
{
    // Definition and factory.
    public static Discount Create(Discount discount, Discount shipping)
    {
        if (shipping is not ShippingDiscount part)
        {
            throw new ArgumentException("The shipping part must be a shipping discount.", nameof(shipping));
        }

        var inner = discount switch
        {
            ItemsAndShippingDiscount items => items.Inner,
            OrderAndShippingDiscount order => order.Inner,
            ShippingDiscount => throw new ArgumentException("A shipping discount has no shipping part of its own.", nameof(discount)),
            _ => discount,
        };
        if (inner.AmountCurrency is { } a && part.AmountCurrency is { } b && a != b)
        {
            throw new CurrencyMismatchException(a, b, nameof(shipping));
        }

        return inner switch
        {
            ItemDiscount item => new ItemsAndShippingDiscount(item, part),
            OrderDiscount order => new OrderAndShippingDiscount(order, part),
            _ => throw new ArgumentException("Only an item or order discount can have a shipping part.", nameof(discount)),
        };
    }

    /// <summary>Puts a unit limit or a price floor inside the shipping part, where it belongs.</summary>
    public static Discount? Around(Discount discount, Func<Discount, Discount> inside) => discount is ItemsAndShippingDiscount items
        ? new ItemsAndShippingDiscount((ItemDiscount)inside(items.Inner), items.Shipping)
        : null;

    // JSON: the discount's own properties and "shipping": a shipping discount; schema: "shipping" ($defs/shippingPart)
    // on every item and order discount of the discount oneOf. DiscountKinds reads it around every item and order kind.
    public const string JsonProperty = "shipping";

    public static Discount? ReadAround(DiscountJsonReader json, Func<DiscountJsonReader, Discount?> read)
    {
        if (!json.Has(JsonProperty))
        {
            return read(json);
        }

        var inner = read(json.Allowing(JsonProperty));
        var before = json.ErrorCount;
        var shipping = json.Discount(JsonProperty);
        if (shipping is not null && shipping.Class != DiscountClass.Shipping)
        {
            json.Error("shipping: must be a shipping discount (freeShipping, shippingPercentOff, shippingAmountOff, tieredShipping).");
            return null;
        }

        return inner is not null && shipping is not null && json.ErrorCount == before ? json.Make("." + JsonProperty, (inner, shipping), static d => Create(d.inner, d.shipping)) : null;
    }

    public static void Write(Utf8JsonWriter writer, Discount inner, ShippingDiscount shipping)
    {
        inner.WriteJson(writer);
        writer.WriteStartObject(JsonProperty);
        shipping.WriteJson(writer);
        writer.WriteEndObject();
    }
}

/// <summary>An item discount with a shipping part (see <see cref="WithShippingDiscount"/>).</summary>
internal sealed class ItemsAndShippingDiscount(ItemDiscount inner, ShippingDiscount shipping) : ItemDiscount(DiscountClass.Item)
{
    public ItemDiscount Inner { get; } = inner;

    public ShippingDiscount Shipping { get; } = shipping;

    internal override Currency? AmountCurrency => Inner.AmountCurrency ?? Shipping.AmountCurrency;

    // Calculator: the items part is the inner discount's.
    public override ItemProposal Propose(IUnitPrices pool, List<Span> eligible, List<Span> getEligible) => Inner.Propose(pool, eligible, getEligible);

    public override decimal MostPerUnit(decimal remaining) => Inner.MostPerUnit(remaining);

    public override bool HasOwnNominal => Inner.HasOwnNominal;

    public override decimal NominalPerUnit(decimal remaining) => Inner.NominalPerUnit(remaining);

    public override bool IsMonotone => Inner.IsMonotone;

    public override bool IsAdditive => Inner.IsAdditive;

    public override int Granularity => Inner.Granularity;

    public override int? MaxSets => Inner.MaxSets;

    internal override ShippingDiscount? ShippingPart(decimal taken) => Shipping;

    internal override void WriteJson(Utf8JsonWriter writer) => WithShippingDiscount.Write(writer, Inner, Shipping);

    // What may be asked of it: the items part's answers.
    internal override ItemFilter? GetItems => Inner.GetItems;

    internal override bool MovesValue => Inner.MovesValue;

    internal override bool DependsOnLines => Inner.DependsOnLines;

    internal override bool DependsOnlyOnTotal(bool capped) => Inner.DependsOnlyOnTotal(capped);

    internal override decimal? FlatPercent => Inner.FlatPercent;

    internal override bool CannotApply(decimal subtotal, int quantity, Func<ItemFilter, int> unitsOf) => Inner.CannotApply(subtotal, quantity, unitsOf);

    internal override bool LintsItemsThatNeverMatch => Inner.LintsItemsThatNeverMatch;

    internal override void Lint(Promotion promotion, List<LintFinding> findings) => Inner.Lint(promotion, findings);

    public override string ToString() => $"{Inner} and {Shipping}";
}

/// <summary>An order discount with a shipping part (see <see cref="WithShippingDiscount"/>).</summary>
internal sealed class OrderAndShippingDiscount(OrderDiscount inner, ShippingDiscount shipping) : OrderDiscount
{
    public OrderDiscount Inner { get; } = inner;

    public ShippingDiscount Shipping { get; } = shipping;

    internal override Currency? AmountCurrency => Inner.AmountCurrency ?? Shipping.AmountCurrency;

    // Calculator: the order part is the inner discount's.
    public override decimal Amount(decimal remaining, decimal originalSubtotal, int quantity) => Inner.Amount(remaining, originalSubtotal, quantity);

    public override decimal Nominal(decimal remaining, decimal originalSubtotal, int quantity) => Inner.Nominal(remaining, originalSubtotal, quantity);

    public override TierReach? Reach(decimal originalSubtotal, int quantity) => Inner.Reach(originalSubtotal, quantity);

    internal override ShippingDiscount? ShippingPart(decimal taken) => Shipping;

    internal override void WriteJson(Utf8JsonWriter writer) => WithShippingDiscount.Write(writer, Inner, Shipping);

    // What may be asked of it: the order part's answers.
    internal override bool TakesSameShare => Inner.TakesSameShare;

    internal override bool MovesValue => Inner.MovesValue;

    internal override decimal? FlatPercent => Inner.FlatPercent;

    internal override Money? FullAmount => Inner.FullAmount;

    internal override bool CannotApply(decimal subtotal, int quantity, Func<ItemFilter, int> unitsOf) => Inner.CannotApply(subtotal, quantity, unitsOf);

    internal override void Lint(Promotion promotion, List<LintFinding> findings) => Inner.Lint(promotion, findings);

    public override string ToString() => $"{Inner} and {Shipping}";
}
