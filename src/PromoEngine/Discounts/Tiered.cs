using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text.Json;
using PromoEngine.Internal;

namespace PromoEngine;

/// <summary>Tiers by subtotal or quantity of the qualifying items; the highest tier reached applies
/// (<see cref="Discount.Tiered"/>).</summary>
internal sealed class TieredDiscount : OrderDiscount
{
    private readonly Currency? _currency;

    // Definition and factory.
    private TieredDiscount(TierBasis basis, ImmutableArray<Tier> tiers, Currency? currency)
    {
        Basis = basis;
        Tiers = tiers;
        _currency = currency;
    }

    public TierBasis Basis { get; }

    /// <summary>The tiers, by ascending threshold.</summary>
    public ImmutableArray<Tier> Tiers { get; }

    internal override Currency? AmountCurrency => _currency;

    public static TieredDiscount Create(TierBasis basis, IEnumerable<Tier> tiers)
    {
        if (basis is not (TierBasis.Subtotal or TierBasis.Quantity))
        {
            throw new ArgumentOutOfRangeException(nameof(basis), basis, "Not a defined TierBasis value.");
        }

        var (sorted, currency) = Sorted(tiers);
        return new TieredDiscount(basis, sorted, currency);
    }

    /// <summary>Tiers by ascending threshold, checked: at least one, distinct thresholds, one currency for amounts.</summary>
    internal static (ImmutableArray<Tier> Tiers, Currency? Currency) Sorted(IEnumerable<Tier> tiers)
    {
        var sorted = Guard.NotNull(tiers).Select(t => Guard.NotNull(t, nameof(tiers))).OrderBy(t => t.Threshold).ToImmutableArray();
        if (sorted.IsEmpty)
        {
            throw new ArgumentException("A tiered discount needs at least one tier.", nameof(tiers));
        }

        for (var i = 1; i < sorted.Length; i++)
        {
            if (sorted[i].Threshold == sorted[i - 1].Threshold)
            {
                throw new ArgumentException(FormattableString.Invariant($"Two tiers share the threshold {sorted[i].Threshold}."), nameof(tiers));
            }
        }

        var currencies = sorted.Where(t => t.AmountOff is not null).Select(t => t.AmountOff!.Value.Currency).Distinct().ToList();
        if (currencies.Count > 1)
        {
            throw new CurrencyMismatchException(currencies[0], currencies[1], nameof(tiers));
        }

        return (sorted, currencies.Count == 1 ? currencies[0] : null);
    }

    // Calculator.
    private Tier? Reached(decimal originalSubtotal, int quantity) => Reached(Basis, Tiers, originalSubtotal, quantity);

    public override TierReach? Reach(decimal originalSubtotal, int quantity) => Reach(Basis, Tiers, originalSubtotal, quantity);

    public override decimal Amount(decimal remaining, decimal originalSubtotal, int quantity) =>
        AmountOf(Reached(originalSubtotal, quantity), remaining);

    /// <summary>The highest of <paramref name="tiers"/> (ascending) that the measure of <paramref name="basis"/> reaches,
    /// or <see langword="null"/>; shared by every discount in tiers.</summary>
    internal static Tier? Reached(TierBasis basis, ImmutableArray<Tier> tiers, decimal subtotal, int quantity)
    {
        var measure = basis == TierBasis.Subtotal ? subtotal : quantity;
        Tier? reached = null;
        foreach (var tier in tiers)
        {
            if (measure >= tier.Threshold)
            {
                reached = tier;
            }
        }

        return reached;
    }

    /// <summary>Where the measure stands among <paramref name="tiers"/>: short of the first, or below the next one (none
    /// when the highest is reached).</summary>
    internal static TierReach Reach(TierBasis basis, ImmutableArray<Tier> tiers, decimal subtotal, int quantity)
    {
        var measure = basis == TierBasis.Subtotal ? subtotal : quantity;
        if (measure < tiers[0].Threshold)
        {
            return new TierReach(basis, tiers[0], null);
        }

        foreach (var tier in tiers)
        {
            if (tier.Threshold > measure)
            {
                return new TierReach(basis, null, tier);
            }
        }

        return new TierReach(basis, null, null);
    }

    /// <summary>What a reached tier takes off this much left (exact), nothing when none is reached.</summary>
    internal static decimal AmountOf(Tier? reached, decimal remaining) => reached switch
    {
        { PercentOff: { } percent } => Decimals.DividedByPowerOfTen(remaining * percent, 2),
        { AmountOff: { } amount } => Math.Min(amount.Amount, remaining),
        _ => 0m,
    };

    public override decimal Nominal(decimal remaining, decimal originalSubtotal, int quantity) =>
        Reached(originalSubtotal, quantity) is { AmountOff: { } amount } ? amount.Amount : Amount(remaining, originalSubtotal, quantity);

    // JSON: {"type": "tiered", "basis": "subtotal" | "quantity", "tiers": [{"threshold": 100, "percentOff": 10} |
    // {"threshold": 100, "amountOff": money}]}; schema: the discount oneOf entry whose type is "tiered".
    public const string JsonType = "tiered";

    public static Discount? Read(DiscountJsonReader json)
    {
        json.Properties("type", "basis", "tiers");
        var basis = json.Enum("basis", ("subtotal", TierBasis.Subtotal), ("quantity", TierBasis.Quantity));
        var tiers = new List<Tier>();
        var before = json.ErrorCount;
        json.Array("tiers", item =>
        {
            if (ReadTier(item) is { } tier)
            {
                tiers.Add(tier);
            }
        });

        return basis is { } bs && json.ErrorCount == before ? json.Make(".tiers", () => Create(bs, tiers)) : null;
    }

    /// <summary>Reads one tier: <c>{"threshold": n, "percentOff": p}</c> or <c>{"threshold": n, "amountOff": money}</c>.</summary>
    internal static Tier? ReadTier(DiscountJsonReader json)
    {
        if (!json.Properties("threshold", "percentOff", "amountOff"))
        {
            return null;
        }

        var threshold = json.Decimal("threshold");
        var hasPercent = json.Has("percentOff");
        if (hasPercent == json.Has("amountOff"))
        {
            json.Error("needs exactly one of percentOff and amountOff.");
            return null;
        }

        if (threshold is not { } th)
        {
            return null;
        }

        if (hasPercent)
        {
            return json.Decimal("percentOff") is { } percent ? json.Make(string.Empty, () => Tier.PercentOffFrom(th, percent)) : null;
        }

        return json.Money("amountOff") is { } amount ? json.Make(string.Empty, () => Tier.AmountOffFrom(th, amount)) : null;
    }

    internal override void WriteJson(Utf8JsonWriter writer)
    {
        writer.WriteString("type", JsonType);
        writer.WriteString("basis", Basis == TierBasis.Subtotal ? "subtotal" : "quantity");
        WriteTiers(writer, Tiers);
    }

    /// <summary>Writes <c>"tiers": [...]</c>.</summary>
    internal static void WriteTiers(Utf8JsonWriter writer, ImmutableArray<Tier> tiers)
    {
        writer.WriteStartArray("tiers");
        foreach (var tier in tiers)
        {
            writer.WriteStartObject();
            writer.WriteNumber("threshold", tier.Threshold);
            if (tier.PercentOff is { } percent)
            {
                writer.WriteNumber("percentOff", percent);
            }
            else
            {
                DiscountJsonWriting.Money(writer, "amountOff", tier.AmountOff!.Value);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    // What may be asked of it.
    internal override bool TakesSameShare => Tiers.All(t => t.AmountOff is null);

    internal override bool MovesValue => Tiers.Any(t => t.AmountOff is not null);

    internal override bool CannotApply(decimal subtotal, int quantity, Func<ItemFilter, int> unitsOf) => Reached(subtotal, quantity) is null;

    public override string ToString() => "tiers by " + Basis.ToString().ToLowerInvariant() + ": " + string.Join(", ", Tiers);
}
