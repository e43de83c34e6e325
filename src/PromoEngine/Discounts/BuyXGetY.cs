using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using PromoEngine.Internal;

namespace PromoEngine;

/// <summary>Buy X qualifying units, get Y free or at a percentage off (<see cref="Discount.BuyXGetY"/>).</summary>
internal sealed class BuyXGetYDiscount(int buy, int get, decimal percentOff, ItemFilter? getItems, UnitSelection selection, int? maxApplications)
    : ItemDiscount(DiscountClass.Item)
{
    // Definition and factory.
    public static BuyXGetYDiscount Create(int buy, int get, decimal percentOff, ItemFilter? getItems, UnitSelection selection, int? maxApplications)
    {
        Guard.Positive(buy);
        Guard.Positive(get);
        if (selection is not (UnitSelection.Cheapest or UnitSelection.MostExpensive))
        {
            throw new ArgumentOutOfRangeException(nameof(selection), selection, "Not a defined UnitSelection value.");
        }

        return new BuyXGetYDiscount(buy, get, CheckPercent(percentOff), getItems, selection, CheckMax(maxApplications));
    }

    public int Buy { get; } = buy;

    public int Get { get; } = get;

    public decimal PercentOff { get; } = percentOff;

    public UnitSelection Selection { get; } = selection;

    public int? MaxApplications { get; } = maxApplications;

    internal override ItemFilter? GetItems { get; } = getItems;

    internal override Currency? AmountCurrency => null;

    public override int Granularity => Buy + Get;

    public override int? MaxSets => MaxApplications;

    // Calculator.
    public override ItemProposal Propose(IUnitPrices pool, List<Span> eligible, List<Span> getEligible)
    {
        return GetItems is null && Selection == UnitSelection.Cheapest
            ? ProposeInGroups(pool, eligible)
            : ProposeFromBothEnds(pool, eligible, getEligible);
    }

    /// <summary>One pool of items, cheapest discounted: the units are sorted dearest first and cut into consecutive
    /// sets of X + Y; in each set the Y cheapest are discounted. This is the usual "cheapest item in each set"
    /// rule, and of all ways to form the sets it saves the shopper most.</summary>
    /// <remarks>Sets that lie in one run of alike units are proposed together: the run's first units are the bought
    /// ones and its last the discounted ones.</remarks>
    private ItemProposal ProposeInGroups(IUnitPrices pool, List<Span> eligible)
    {
        var proposal = new ItemProposal();
        var size = Buy + Get;
        var (units, sets) = CompleteSets(pool, eligible, size, MaxApplications, proposal);
        for (var set = 0; set < sets;)
        {
            var alike = Math.Min(units.LeftInPart / size, sets - set);
            var count = Math.Max(alike, 1);
            foreach (var part in units.Take(count * Buy))
            {
                proposal.Claimed.Add(part.Span);
            }

            foreach (var part in units.Take(count * Get))
            {
                proposal.Discount(part, Decimals.DividedByPowerOfTen(part.Remaining * PercentOff, 2));
            }

            set += count;
        }

        return proposal;
    }

    /// <summary>Discounted units from one end of the price order, bought units from the other: with
    /// <see cref="UnitSelection.MostExpensive"/> the dearest eligible units are discounted and the cheapest count as
    /// bought; with separate get items, the cheapest (or dearest) of those are discounted.</summary>
    /// <remarks>Set by set, the discounted units are the first unused ones in the discount order and the bought units
    /// the first unused ones in the other order; a run's units are used from its front. Sets whose units all come
    /// from the same two runs are alike and are made together.</remarks>
    private ItemProposal ProposeFromBothEnds(IUnitPrices pool, List<Span> eligible, List<Span> getEligible)
    {
        var proposal = new ItemProposal();
        var cheapestFirst = Selection == UnitSelection.Cheapest;

        // Cut at each other's edges, a unit in both lists is in parts of the same span in both.
        var cut = Parts.CutAtEdges([pool.Read(getEligible), pool.Read(eligible)]);
        var getOrder = pool.SortByRemaining(cut[0], descending: !cheapestFirst);
        var buyOrder = pool.SortByRemaining(cut[1], descending: cheapestFirst);
        var used = new Dictionary<Span, int>();
        var changes = new List<(Span Span, int Before)>();
        var gets = new List<Part>();
        var buys = new List<Part>();
        int Left(Part part) => part.Count - used.GetValueOrDefault(part.Span);
        Part Use(Part part, int count)
        {
            var before = used.GetValueOrDefault(part.Span);
            changes.Add((part.Span, before));
            used[part.Span] = before + count;
            return part.Slice(before, count);
        }

        var sets = 0;
        int getIndex = 0, buyIndex = 0;
        while (MaxApplications is not { } max || sets < max)
        {
            while (getIndex < getOrder.Count && Left(getOrder[getIndex]) == 0)
            {
                getIndex++;
            }

            while (buyIndex < buyOrder.Count && Left(buyOrder[buyIndex]) == 0)
            {
                buyIndex++;
            }

            gets.Clear();
            buys.Clear();
            changes.Clear();
            var alike = 0;
            if (getIndex < getOrder.Count && buyIndex < buyOrder.Count)
            {
                var (getPart, buyPart) = (getOrder[getIndex], buyOrder[buyIndex]);
                alike = getPart.Span == buyPart.Span
                    ? Left(getPart) / (Get + Buy)
                    : Math.Min(Left(getPart) / Get, Left(buyPart) / Buy);
                alike = Math.Min(alike, (MaxApplications ?? int.MaxValue) - sets);
                if (alike > 0)
                {
                    gets.Add(Use(getPart, alike * Get));
                    buys.Add(Use(buyPart, alike * Buy));
                }
            }

            if (alike == 0)
            {
                // One set, from as many parts as it takes; a set that cannot be completed uses nothing.
                if (!TakeUnused(getOrder, getIndex, Get, gets) || !TakeUnused(buyOrder, buyIndex, Buy, buys))
                {
                    foreach (var (span, before) in Enumerable.Reverse(changes))
                    {
                        used[span] = before;
                    }

                    if (sets == 0)
                    {
                        proposal.MissingQuantity = MissingForFirstSet(eligible, getEligible);
                    }

                    break;
                }

                alike = 1;
            }

            foreach (var part in buys)
            {
                proposal.Claimed.Add(part.Span);
            }

            foreach (var part in gets)
            {
                proposal.Discount(part, Decimals.DividedByPowerOfTen(part.Remaining * PercentOff, 2));
            }

            sets += alike;
        }

        return proposal;

        bool TakeUnused(List<Part> order, int from, int count, List<Part> into)
        {
            for (var i = from; i < order.Count && count > 0; i++)
            {
                var n = Math.Min(Left(order[i]), count);
                if (n > 0)
                {
                    into.Add(Use(order[i], n));
                    count -= n;
                }
            }

            return count == 0;
        }
    }

    private int MissingForFirstSet(List<Span> eligible, List<Span> getEligible)
    {
        var overlap = new SpanSet(getEligible).Intersect(eligible).Sum(s => s.Count);
        var union = eligible.Sum(s => s.Count) + getEligible.Sum(s => s.Count) - overlap;
        if (GetItems is null || overlap == union)
        {
            return Math.Max(0, Buy + Get - union);
        }

        return Math.Max(0, Buy - eligible.Sum(s => s.Count)) + Math.Max(0, Get - getEligible.Sum(s => s.Count));
    }

    // In sets of X + Y sorted dearest first, the Y discounted units are the cheapest: at most Y / (X + Y) of the set.
    public override decimal MostPerUnit(decimal remaining) =>
        IsMonotone ? Decimals.DividedByPowerOfTen(remaining * PercentOff, 2) * Get / (Buy + Get) : Decimals.DividedByPowerOfTen(remaining * PercentOff, 2);

    // With separate get items the cheapest of them are discounted, so one more cheap get item can lower the saving.
    public override bool IsMonotone => GetItems is null && Selection == UnitSelection.Cheapest;

    // JSON: {"type": "buyXGetY", "buy": 2, "get": 1, "percentOff": 100, "getItems"?: filter, "selection": "cheapest" |
    // "mostExpensive", "maxApplications"?: n}; schema: the discount oneOf entry whose type is "buyXGetY".
    public const string JsonType = "buyXGetY";

    public static Discount? Read(DiscountJsonReader json)
    {
        json.Properties("type", "buy", "get", "percentOff", "getItems", "selection", "maxApplications");
        var buy = json.Int("buy");
        var get = json.Int("get");
        var percent = json.Decimal("percentOff", 100m);
        var getItems = json.OptionalFilter("getItems");
        var selection = json.Enum("selection", UnitSelection.Cheapest, ("cheapest", UnitSelection.Cheapest), ("mostExpensive", UnitSelection.MostExpensive));
        var max = json.OptionalInt("maxApplications");
        return buy is { } x && get is { } y && percent is { } pct && selection is { } sel
            ? json.Make(string.Empty, () => Create(x, y, pct, getItems, sel, max))
            : null;
    }

    internal override void WriteJson(Utf8JsonWriter writer)
    {
        writer.WriteString("type", JsonType);
        writer.WriteNumber("buy", Buy);
        writer.WriteNumber("get", Get);
        writer.WriteNumber("percentOff", PercentOff);
        if (GetItems is { } getItems)
        {
            DiscountJsonWriting.Filter(writer, "getItems", getItems);
        }

        writer.WriteString("selection", Selection == UnitSelection.Cheapest ? "cheapest" : "mostExpensive");
        DiscountJsonWriting.Optional(writer, "maxApplications", MaxApplications);
    }

    // What may be asked of it.
    internal override bool MovesValue => true;

    internal override bool LintsItemsThatNeverMatch => true;

    internal override bool CannotApply(decimal subtotal, int quantity, Func<ItemFilter, int> unitsOf) =>
        GetItems is null ? quantity < Buy + Get : quantity < Buy || unitsOf(GetItems) < Get;

    internal override void Lint(Promotion promotion, List<LintFinding> findings)
    {
        if (promotion.QualifyingItems.CanNeverMatch() || GetItems?.CanNeverMatch() == true)
        {
            var which = promotion.QualifyingItems.CanNeverMatch() ? "bought" : "discounted";
            findings.Add(CatalogLinter.Finding(LintRule.BuyXGetYCannotFire, LintSeverity.Error, [promotion],
                $"{promotion.Id} can never fire: no item can be among its {which} items."));
        }
    }

    public override string ToString() =>
        PercentOff == 100m
            ? FormattableString.Invariant($"buy {Buy} get {Get} free")
            : FormattableString.Invariant($"buy {Buy} get {Get} at {PercentOff}% off");
}
