using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text.Json;

namespace PromoEngine;

/// <summary>Tiers of shipping discounts by the qualifying items' subtotal or quantity: the highest tier reached takes
/// its percentage or amount off the shipping charge (<see cref="Discount.TieredShipping"/>).</summary>
internal sealed class TieredShippingDiscount : ShippingDiscount
{
    private readonly Currency? _currency;

    // Definition and factory.
    private TieredShippingDiscount(TierBasis basis, ImmutableArray<Tier> tiers, Currency? currency)
    {
        Basis = basis;
        Tiers = tiers;
        _currency = currency;
    }

    public TierBasis Basis { get; }

    /// <summary>The tiers, by ascending threshold.</summary>
    public ImmutableArray<Tier> Tiers { get; }

    public static TieredShippingDiscount Create(TierBasis basis, IEnumerable<Tier> tiers)
    {
        if (basis is not (TierBasis.Subtotal or TierBasis.Quantity))
        {
            throw new ArgumentOutOfRangeException(nameof(basis), basis, "Not a defined TierBasis value.");
        }

        var (sorted, currency) = TieredDiscount.Sorted(tiers);
        return new TieredShippingDiscount(basis, sorted, currency);
    }

    internal override Currency? AmountCurrency => _currency;

    // Calculator: the tiers are read as an order discount in tiers reads them.
    private Tier? Reached(decimal originalSubtotal, int quantity) => TieredDiscount.Reached(Basis, Tiers, originalSubtotal, quantity);

    public override TierReach? Reach(decimal originalSubtotal, int quantity) => TieredDiscount.Reach(Basis, Tiers, originalSubtotal, quantity);

    public override bool MeasuresItems => true;

    public override decimal Amount(decimal remaining, decimal originalSubtotal, int quantity) =>
        TieredDiscount.AmountOf(Reached(originalSubtotal, quantity), remaining);

    public override decimal Nominal(decimal remaining, decimal originalSubtotal, int quantity) =>
        Reached(originalSubtotal, quantity) is { AmountOff: { } amount } ? amount.Amount : Amount(remaining, originalSubtotal, quantity);

    // JSON: {"type": "tieredShipping", "basis": "subtotal" | "quantity", "tiers": [{"threshold": 50, "percentOff": 50} |
    // {"threshold": 50, "amountOff": money}]}; schema: the discount oneOf entry whose type is "tieredShipping".
    public const string JsonType = "tieredShipping";

    public static Discount? Read(DiscountJsonReader json)
    {
        json.Properties("type", "basis", "tiers");
        var basis = json.Enum("basis", ("subtotal", TierBasis.Subtotal), ("quantity", TierBasis.Quantity));
        var tiers = new List<Tier>();
        var before = json.ErrorCount;
        json.Array("tiers", item =>
        {
            if (TieredDiscount.ReadTier(item) is { } tier)
            {
                tiers.Add(tier);
            }
        });

        return basis is { } bs && json.ErrorCount == before ? json.Make(".tiers", () => Create(bs, tiers)) : null;
    }

    internal override void WriteJson(Utf8JsonWriter writer)
    {
        writer.WriteString("type", JsonType);
        writer.WriteString("basis", Basis == TierBasis.Subtotal ? "subtotal" : "quantity");
        TieredDiscount.WriteTiers(writer, Tiers);
    }

    // What may be asked of it.
    internal override bool TakesSameShare => Tiers.All(t => t.AmountOff is null);

    internal override bool CannotApply(decimal subtotal, int quantity, Func<ItemFilter, int> unitsOf) => Reached(subtotal, quantity) is null;

    public override string ToString() => "shipping tiers by " + Basis.ToString().ToLowerInvariant() + ": " + string.Join(", ", Tiers);
}
