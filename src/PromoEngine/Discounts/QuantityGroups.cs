using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text.Json;
using PromoEngine.Internal;

namespace PromoEngine;

/// <summary>A discount on the units that complete a group of N, leftovers at full price
/// (<see cref="Discount.PercentOffGroups"/>): "10% off every full set of 3". Each tier gives a
/// percentage or an amount off each grouped unit from so many groups on; the highest tier reached applies.</summary>
internal sealed class QuantityGroupsDiscount : ItemDiscount
{
    private readonly Currency? _currency;

    // Definition and factory.
    private QuantityGroupsDiscount(int size, UnitScope scope, ImmutableArray<Tier> tiers, Currency? currency)
        : base(DiscountClass.Item)
    {
        Size = size;
        Scope = scope;
        Tiers = tiers;
        _currency = currency;
    }

    /// <summary>How many units make a group.</summary>
    public int Size { get; }

    /// <summary>Whether groups are made within each line or across the qualifying lines.</summary>
    public UnitScope Scope { get; }

    /// <summary>The tiers by number of groups, ascending; the first from one group on or more.</summary>
    public ImmutableArray<Tier> Tiers { get; }

    public static QuantityGroupsDiscount Create(int size, UnitScope scope, IEnumerable<Tier> tiers)
    {
        if (size < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(size), size, "A group has at least two units.");
        }

        if (scope is not (UnitScope.EachLine or UnitScope.AcrossLines))
        {
            throw new ArgumentOutOfRangeException(nameof(scope), scope, "Not a defined UnitScope value.");
        }

        var (sorted, currency) = TieredDiscount.Sorted(tiers);
        if (sorted.FirstOrDefault(t => t.Threshold != decimal.Truncate(t.Threshold)) is { } odd)
        {
            throw new ArgumentException(FormattableString.Invariant($"A tier counts whole groups; {odd.Threshold} is not a whole number."), nameof(tiers));
        }

        return new QuantityGroupsDiscount(size, scope, sorted, currency);
    }

    internal override Currency? AmountCurrency => _currency;

    // Calculator.

    /// <remarks>The dearest units are grouped first, so the leftovers that pay full price are the cheapest.</remarks>
    public override ItemProposal Propose(IUnitPrices pool, List<Span> eligible, List<Span> getEligible)
    {
        var proposal = new ItemProposal();
        var parts = pool.SortByRemaining(pool.Read(eligible), descending: true);

        // How many units of each scope (a line, or the order as -1) are grouped.
        var units = new Dictionary<int, int>();
        foreach (var part in parts)
        {
            var key = Key(part);
            units[key] = units.GetValueOrDefault(key) + part.Count;
        }

        var groups = 0;
        var grouped = new Dictionary<int, int>();
        foreach (var (key, count) in units)
        {
            grouped[key] = count / Size * Size;
            groups += count / Size;
        }

        var tier = Reached(groups);
        if (tier is null)
        {
            // The missing groups, less the units already waiting in the scope with most of them (a line, or the order).
            var waiting = units.Count == 0 ? 0 : units.Values.Max(count => count % Size);
            proposal.MissingQuantity = (((int)Tiers[0].Threshold - groups) * Size) - waiting;
            return proposal;
        }

        foreach (var part in parts)
        {
            var key = Key(part);
            var take = Math.Min(part.Count, grouped[key]);
            if (take > 0)
            {
                proposal.Discount(part.Slice(0, take), PerUnit(tier, part.Remaining));
                grouped[key] -= take;
            }
        }

        // An amount off each unit that a cheaper unit holds back is said to be clamped by the price.
        if (tier.AmountOff is { } amount)
        {
            proposal.Nominal = amount.Amount * groups * Size;
        }

        return proposal;
    }

    private int Key(Part part) => Scope == UnitScope.EachLine ? part.Span.Line : -1;

    private Tier? Reached(int groups)
    {
        Tier? reached = null;
        foreach (var tier in Tiers)
        {
            if (groups >= tier.Threshold)
            {
                reached = tier;
            }
        }

        return reached;
    }

    private static decimal PerUnit(Tier tier, decimal remaining) =>
        tier.PercentOff is { } percent ? Decimals.DividedByPowerOfTen(remaining * percent, 2) : Math.Min(tier.AmountOff!.Value.Amount, remaining);

    public override decimal MostPerUnit(decimal remaining)
    {
        var most = 0m;
        foreach (var tier in Tiers)
        {
            most = Math.Max(most, PerUnit(tier, remaining));
        }

        return most;
    }

    public override bool HasOwnNominal => true;

    public override decimal NominalPerUnit(decimal remaining)
    {
        var most = 0m;
        foreach (var tier in Tiers)
        {
            most = Math.Max(most, tier.AmountOff?.Amount ?? PerUnit(tier, remaining));
        }

        return most;
    }

    // One more unit may complete a group, or push a cheaper unit out of one; with one tier that never saves less.
    public override bool IsMonotone => Tiers.Length == 1;

    public override int Granularity => Size;

    // JSON: {"type": "quantityGroups", "size": 3, "scope": "eachLine" | "acrossLines", "tiers": [{"threshold": 1,
    // "percentOff": 10} | {"threshold": 2, "amountOff": money}]}, thresholds in groups; schema: the discount oneOf entry
    // whose type is "quantityGroups".
    public const string JsonType = "quantityGroups";

    public static Discount? Read(DiscountJsonReader json)
    {
        json.Properties("type", "size", "scope", "tiers");
        var size = json.Int("size");
        var scope = json.Enum("scope", UnitScope.AcrossLines, ("eachLine", UnitScope.EachLine), ("acrossLines", UnitScope.AcrossLines));
        var tiers = new List<Tier>();
        var before = json.ErrorCount;
        json.Array("tiers", item =>
        {
            if (TieredDiscount.ReadTier(item) is { } tier)
            {
                tiers.Add(tier);
            }
        });

        return size is { } n && scope is { } s && json.ErrorCount == before ? json.Make(string.Empty, () => Create(n, s, tiers)) : null;
    }

    internal override void WriteJson(Utf8JsonWriter writer)
    {
        writer.WriteString("type", JsonType);
        writer.WriteNumber("size", Size);
        writer.WriteString("scope", Scope == UnitScope.EachLine ? "eachLine" : "acrossLines");
        TieredDiscount.WriteTiers(writer, Tiers);
    }

    // What may be asked of it.
    internal override bool MovesValue => true;

    internal override bool DependsOnLines => Scope == UnitScope.EachLine;

    internal override bool CannotApply(decimal subtotal, int quantity, Func<ItemFilter, int> unitsOf) => quantity < Tiers[0].Threshold * Size;

    internal override void Lint(Promotion promotion, List<LintFinding> findings)
    {
        // A tier of more groups that takes a smaller percentage, or a smaller amount, than one of fewer groups.
        for (var i = 1; i < Tiers.Length; i++)
        {
            var (lower, higher) = (Tiers[i - 1], Tiers[i]);
            if ((lower.PercentOff, higher.PercentOff) is ({ } a, { } b) && b < a
                || (lower.AmountOff, higher.AmountOff) is ({ } x, { } y) && y.Amount < x.Amount)
            {
                findings.Add(CatalogLinter.Finding(LintRule.TierSavesLessForMore, LintSeverity.Warning, [promotion],
                    FormattableString.Invariant($"{promotion.Id} gives less from {higher.Threshold} groups on ({higher}) than from {lower.Threshold} ({lower}): a bigger basket saves less per unit.")));
            }
        }
    }

    public override string ToString() =>
        FormattableString.Invariant($"groups of {Size}{(Scope == UnitScope.EachLine ? " within each line" : string.Empty)}: ") + string.Join(", ", Tiers);
}
