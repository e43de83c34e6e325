using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using PromoEngine.Internal;

namespace PromoEngine;

/// <summary>What a promotion gives: percent or amount off items, the order or shipping; a fixed price for N items;
/// buy X get Y; tiers.</summary>
/// <remarks>
/// <para>Immutable and thread-safe. Build discounts with the static factories. Amounts are computed exactly and
/// rounded once per application, then allocated to lines and units so every sum is exact; no unit, line or shipping
/// charge goes below zero.</para>
/// </remarks>
public abstract class Discount
{
    private protected Discount(DiscountClass discountClass) => Class = discountClass;

    /// <summary>Gets what the discount reduces.</summary>
    /// <value>Item prices, the order subtotal, or shipping.</value>
    public DiscountClass Class { get; }

    /// <summary>The currency of the discount's amounts, or null when it has none (percentages only).</summary>
    internal abstract Currency? AmountCurrency { get; }

    /// <summary>A percentage off each qualifying unit.</summary>
    /// <param name="percent">In (0, 100].</param>
    /// <returns>An item discount.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="percent"/> is out of range.</exception>
    public static Discount PercentOffItems(decimal percent) => new PercentOffItemsDiscount(CheckPercent(percent));

    /// <summary>An amount off each qualifying unit, never more than the unit's price.</summary>
    /// <param name="amount">More than zero, rounded to the minor unit.</param>
    /// <returns>An item discount.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="amount"/> is not positive or not rounded.</exception>
    public static Discount AmountOffEachItem(Money amount) => new AmountOffEachItemDiscount(CheckAmount(amount));

    /// <summary>A fixed price for each group of <paramref name="quantity"/> qualifying units ("3 for $10"); the
    /// dearest units are grouped first, and a group whose units cost less than the price is left alone.</summary>
    /// <param name="quantity">Units in a group; at least one.</param>
    /// <param name="price">The price of a group; zero or more, rounded.</param>
    /// <param name="maxApplications">How many groups at most, or <see langword="null"/> for no limit.</param>
    /// <returns>An item discount.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A count is below one or the price is negative or not rounded.</exception>
    public static Discount FixedPrice(int quantity, Money price, int? maxApplications = null)
    {
        Guard.Positive(quantity);
        if (price.Currency.IsDefault || price.IsNegative || !price.IsRounded)
        {
            throw new ArgumentOutOfRangeException(nameof(price), price, "A fixed price must be zero or more and rounded to its minor unit.");
        }

        Guard.WithinMaxAmount(price);

        return new FixedPriceDiscount(quantity, price, CheckMax(maxApplications));
    }

    /// <summary>Buy <paramref name="buy"/> qualifying units, get <paramref name="get"/> units free or at a percentage
    /// off; repeated for each complete set.</summary>
    /// <param name="buy">Units to buy in a set; at least one.</param>
    /// <param name="get">Units discounted in a set; at least one (it may exceed <paramref name="buy"/>).</param>
    /// <param name="percentOff">The percentage off the discounted units, in (0, 100]; 100 (free) unless said.</param>
    /// <param name="getItems">Which items can be the discounted ones; the promotion's qualifying items unless said.
    /// When the two overlap, a set needs <paramref name="buy"/> + <paramref name="get"/> units and the bought units
    /// are not discounted.</param>
    /// <param name="selection">Which eligible units are discounted; the cheapest unless said.</param>
    /// <param name="maxApplications">How many sets at most, or <see langword="null"/> for no limit.</param>
    /// <returns>An item discount.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A count or the percentage is out of range.</exception>
    public static Discount BuyXGetY(
        int buy,
        int get,
        decimal percentOff = 100m,
        ItemFilter? getItems = null,
        UnitSelection selection = UnitSelection.Cheapest,
        int? maxApplications = null)
    {
        Guard.Positive(buy);
        Guard.Positive(get);
        if (selection is not (UnitSelection.Cheapest or UnitSelection.MostExpensive))
        {
            throw new ArgumentOutOfRangeException(nameof(selection), selection, "Not a defined UnitSelection value.");
        }

        return new BuyXGetYDiscount(buy, get, CheckPercent(percentOff), getItems, selection, CheckMax(maxApplications));
    }

    /// <summary>Tiers by subtotal or quantity of the qualifying items; the highest tier reached applies, never the sum.</summary>
    /// <param name="basis">What the thresholds measure.</param>
    /// <param name="tiers">The tiers, at least one, with distinct thresholds; any order.</param>
    /// <returns>An order discount over the qualifying items.</returns>
    /// <exception cref="ArgumentException">There is no tier, two share a threshold, or amount tiers mix currencies.</exception>
    public static Discount Tiered(TierBasis basis, params IEnumerable<Tier> tiers)
    {
        if (basis is not (TierBasis.Subtotal or TierBasis.Quantity))
        {
            throw new ArgumentOutOfRangeException(nameof(basis), basis, "Not a defined TierBasis value.");
        }

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

        return new TieredDiscount(basis, sorted, currencies.Count == 1 ? currencies[0] : null);
    }

    /// <summary>A percentage off the subtotal of the qualifying lines, after their item discounts.</summary>
    /// <param name="percent">In (0, 100].</param>
    /// <returns>An order discount.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="percent"/> is out of range.</exception>
    public static Discount PercentOffOrder(decimal percent) => new PercentOffOrderDiscount(CheckPercent(percent));

    /// <summary>An amount off the qualifying lines, allocated over them by what is left of their price (never over
    /// lines that do not qualify), and never more than that.</summary>
    /// <param name="amount">More than zero, rounded to the minor unit.</param>
    /// <returns>An order discount.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="amount"/> is not positive or not rounded.</exception>
    public static Discount AmountOffOrder(Money amount) => new AmountOffOrderDiscount(CheckAmount(amount));

    /// <summary>Gets free shipping.</summary>
    /// <value>The whole shipping charge off.</value>
    public static Discount FreeShipping { get; } = new ShippingDiscount(100m, null);

    /// <summary>A percentage off the shipping charge.</summary>
    /// <param name="percent">In (0, 100].</param>
    /// <returns>A shipping discount.</returns>
    public static Discount ShippingPercentOff(decimal percent) => new ShippingDiscount(CheckPercent(percent), null);

    /// <summary>An amount off the shipping charge, never more than the charge.</summary>
    /// <param name="amount">More than zero, rounded.</param>
    /// <returns>A shipping discount.</returns>
    public static Discount ShippingAmountOff(Money amount) => new ShippingDiscount(null, CheckAmount(amount));

    internal static decimal CheckPercent(decimal percent, string name = "percent") =>
        percent is > 0m and <= 100m ? percent : throw new ArgumentOutOfRangeException(name, percent, "A percentage must be in (0, 100].");

    internal static Money CheckAmount(Money amount, string name = "amount") =>
        !amount.Currency.IsDefault && amount.Amount > 0m && amount.IsRounded
            ? Guard.WithinMaxAmount(amount, name)
            : throw new ArgumentOutOfRangeException(name, amount, "An amount off must be more than zero and rounded to its minor unit.");

    private static int? CheckMax(int? max) =>
        max is < 1 ? throw new ArgumentOutOfRangeException("maxApplications", max, "Must be one or more.") : max;
}

/// <summary>An item discount: proposes exact amounts for units of a pool.</summary>
internal abstract class ItemDiscount(DiscountClass discountClass) : Discount(discountClass)
{
    /// <summary>Proposes amounts for the eligible units (unclaimed in this lane, qualifying, in canonical order).</summary>
    public abstract ItemProposal Propose(UnitPool pool, List<Span> eligible, List<Span> getEligible);

    /// <summary>The filter of units that can be discounted, when it differs from the promotion's qualifying items.</summary>
    public virtual ItemFilter? GetItems => null;

    /// <summary>The most one unit with this much left of its price can contribute to the saving: a bound for the solver.</summary>
    public abstract decimal MostPerUnit(decimal remaining);

    /// <summary>What one unit with this much left would take if its price did not hold the discount back.</summary>
    public virtual decimal NominalPerUnit(decimal remaining) => MostPerUnit(remaining);

    /// <summary>Whether giving the promotion more units can never lower its saving (the solver then gives every unit away).</summary>
    public virtual bool IsMonotone => true;

    /// <summary>Whether the saving on a set of units is exactly the sum of <see cref="MostPerUnit"/> over them (per-item
    /// percentages and amounts): the solver then only needs the best such promotion for each unit.</summary>
    public virtual bool IsAdditive => false;

    /// <summary>How many units the discount works on at a time (a set or group size; 1 for a discount on each unit).</summary>
    public virtual int Granularity => 1;

    /// <summary>The most sets (or groups) the discount makes, or <see langword="null"/> for no limit.</summary>
    public virtual int? MaxSets => null;

    /// <summary>The eligible units dearest first, and how many complete sets of <paramref name="size"/> they make (at
    /// most <paramref name="max"/>); when none, the proposal learns how many units are missing.</summary>
    private protected static (PartCursor Units, int Sets) CompleteSets(UnitPool pool, List<Span> eligible, int size, int? max, ItemProposal proposal)
    {
        var parts = pool.SortByRemaining(pool.Read(eligible), descending: true);
        var count = ItemProposal.CountOf(parts);
        var sets = count / size;
        if (max is { } limit)
        {
            sets = Math.Min(sets, limit);
        }

        if (sets == 0)
        {
            proposal.MissingQuantity = size - count;
        }

        return (new PartCursor(parts), sets);
    }
}

/// <summary>Walks sorted parts unit by unit, handing out runs of them.</summary>
internal sealed class PartCursor(List<Part> parts)
{
    private readonly List<Part> _taken = [];
    private int _index;
    private int _offset;

    /// <summary>How many units are left in the part the cursor is in.</summary>
    public int LeftInPart => _index < parts.Count ? parts[_index].Count - _offset : 0;

    /// <summary>Takes the next units, which may come from several parts; the list is reused by the next call.</summary>
    public List<Part> Take(int count)
    {
        _taken.Clear();
        while (count > 0 && _index < parts.Count)
        {
            var n = Math.Min(LeftInPart, count);
            _taken.Add(parts[_index].Slice(_offset, n));
            _offset += n;
            count -= n;
            if (_offset == parts[_index].Count)
            {
                _index++;
                _offset = 0;
            }
        }

        return _taken;
    }
}

/// <summary>Exact per-unit amounts a discount proposes, the units it uses, and how far it is from applying.</summary>
internal sealed class ItemProposal
{
    /// <summary>Each discounted span, with the exact amount off each of its units.</summary>
    public List<(Span Span, decimal Amount)> Amounts { get; } = [];

    public List<Span> Claimed { get; } = [];

    /// <summary>When nothing applies: how many more qualifying units would make it apply (0 when unknown).</summary>
    public int MissingQuantity { get; set; }

    /// <summary>What the discount would take if no price held it back (an amount off each unit on units that cost
    /// less); <see langword="null"/> when that is <see cref="Total"/>.</summary>
    public decimal? Nominal { get; set; }

    /// <summary>The exact saving when the per-unit amounts only share it out (a group's saving divided by its units'
    /// prices is rounded to 28 digits, and their sum can miss the saving in its last digit, which a rounding rule
    /// toward zero or an infinity would then turn into a minor unit); <see langword="null"/> when the amounts are exact.</summary>
    public decimal? Exact { get; set; }

    public decimal Total
    {
        get
        {
            if (Exact is { } exact)
            {
                return exact;
            }

            var total = 0m;
            foreach (var (span, amount) in Amounts)
            {
                total += amount * span.Count;
            }

            return total;
        }
    }

    public static int CountOf(List<Part> parts)
    {
        var count = 0;
        foreach (var part in parts)
        {
            count += part.Count;
        }

        return count;
    }

    /// <summary>Claims the units of a part and takes an exact amount off each.</summary>
    public void Discount(Part part, decimal perUnit)
    {
        Amounts.Add((part.Span, perUnit));
        Claimed.Add(part.Span);
    }
}

internal sealed class PercentOffItemsDiscount(decimal percent) : ItemDiscount(DiscountClass.Item)
{
    public decimal Percent { get; } = percent;

    internal override Currency? AmountCurrency => null;

    public override ItemProposal Propose(UnitPool pool, List<Span> eligible, List<Span> getEligible)
    {
        var proposal = new ItemProposal();
        foreach (var part in pool.Read(eligible))
        {
            proposal.Discount(part, part.Remaining * Percent / 100m);
        }

        return proposal;
    }

    public override decimal MostPerUnit(decimal remaining) => remaining * Percent / 100m;

    public override bool IsAdditive => true;

    public override string ToString() => FormattableString.Invariant($"{Percent}% off each qualifying item");
}

internal sealed class AmountOffEachItemDiscount(Money amount) : ItemDiscount(DiscountClass.Item)
{
    public Money Amount { get; } = amount;

    internal override Currency? AmountCurrency => Amount.Currency;

    public override ItemProposal Propose(UnitPool pool, List<Span> eligible, List<Span> getEligible)
    {
        var proposal = new ItemProposal();
        var count = 0;
        foreach (var part in pool.Read(eligible))
        {
            proposal.Discount(part, Math.Min(Amount.Amount, part.Remaining));
            count += part.Count;
        }

        proposal.Nominal = Amount.Amount * count;
        return proposal;
    }

    public override decimal MostPerUnit(decimal remaining) => Math.Min(Amount.Amount, remaining);

    public override decimal NominalPerUnit(decimal remaining) => Amount.Amount;

    public override bool IsAdditive => true;

    public override string ToString() => $"{Amount} off each qualifying item";
}

internal sealed class FixedPriceDiscount(int quantity, Money price, int? maxApplications) : ItemDiscount(DiscountClass.Item)
{
    public int Quantity { get; } = quantity;

    public Money Price { get; } = price;

    public int? MaxApplications { get; } = maxApplications;

    internal override Currency? AmountCurrency => Price.Currency;

    public override int Granularity => Quantity;

    public override int? MaxSets => MaxApplications;

    /// <remarks>Groups that lie in one run of alike units are all alike, and are proposed together.</remarks>
    public override ItemProposal Propose(UnitPool pool, List<Span> eligible, List<Span> getEligible)
    {
        var proposal = new ItemProposal();
        var (units, groups) = CompleteSets(pool, eligible, Quantity, MaxApplications, proposal);
        for (var g = 0; g < groups;)
        {
            var alike = Math.Min(units.LeftInPart / Quantity, groups - g);
            var group = units.Take(alike > 0 ? alike * Quantity : Quantity);
            var sum = 0m;
            foreach (var part in group)
            {
                sum += part.Remaining * (alike > 0 ? Quantity : part.Count);
            }

            // The group's saving is shared by the units in proportion to their prices; the total stays exact.
            var saving = sum - Price.Amount;
            if (saving > 0m)
            {
                proposal.Exact = (proposal.Exact ?? 0m) + (saving * Math.Max(alike, 1));
            }

            foreach (var part in group)
            {
                if (saving > 0m)
                {
                    proposal.Discount(part, saving * part.Remaining / sum);
                }
                else
                {
                    proposal.Claimed.Add(part.Span);
                }
            }

            g += Math.Max(alike, 1);
        }

        return proposal;
    }

    // A group saves its units' prices less the price, so each unit at most its price less its share of the price.
    public override decimal MostPerUnit(decimal remaining) => Math.Max(0m, remaining - (Price.Amount / Quantity));

    public override string ToString() => FormattableString.Invariant($"{Quantity} for {Price}");
}

internal sealed class BuyXGetYDiscount(int buy, int get, decimal percentOff, ItemFilter? getItems, UnitSelection selection, int? maxApplications)
    : ItemDiscount(DiscountClass.Item)
{
    public int Buy { get; } = buy;

    public int Get { get; } = get;

    public decimal PercentOff { get; } = percentOff;

    public UnitSelection Selection { get; } = selection;

    public int? MaxApplications { get; } = maxApplications;

    public override ItemFilter? GetItems { get; } = getItems;

    internal override Currency? AmountCurrency => null;

    public override int Granularity => Buy + Get;

    public override int? MaxSets => MaxApplications;

    public override ItemProposal Propose(UnitPool pool, List<Span> eligible, List<Span> getEligible)
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
    private ItemProposal ProposeInGroups(UnitPool pool, List<Span> eligible)
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
                proposal.Discount(part, part.Remaining * PercentOff / 100m);
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
    private ItemProposal ProposeFromBothEnds(UnitPool pool, List<Span> eligible, List<Span> getEligible)
    {
        var proposal = new ItemProposal();
        var cheapestFirst = Selection == UnitSelection.Cheapest;

        // Cut at each other's edges, a unit in both lists is in parts of the same span in both.
        var cut = UnitPool.CutAtEdges([pool.Read(getEligible), pool.Read(eligible)]);
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
                proposal.Discount(part, part.Remaining * PercentOff / 100m);
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
        IsMonotone ? remaining * PercentOff / 100m * Get / (Buy + Get) : remaining * PercentOff / 100m;

    // With separate get items the cheapest of them are discounted, so one more cheap get item can lower the saving.
    public override bool IsMonotone => GetItems is null && Selection == UnitSelection.Cheapest;

    public override string ToString() =>
        PercentOff == 100m
            ? FormattableString.Invariant($"buy {Buy} get {Get} free")
            : FormattableString.Invariant($"buy {Buy} get {Get} at {PercentOff}% off");
}

/// <summary>An order discount: an exact amount off what is left of the qualifying lines.</summary>
internal abstract class OrderDiscount() : Discount(DiscountClass.Order)
{
    /// <summary>The exact amount off, given what is left of the qualifying lines and how much they were at first.</summary>
    public abstract decimal Amount(decimal remaining, decimal originalSubtotal, int quantity);

    /// <summary>What <see cref="Amount"/> would be if what is left of the lines did not hold it back.</summary>
    public virtual decimal Nominal(decimal remaining, decimal originalSubtotal, int quantity) => Amount(remaining, originalSubtotal, quantity);
}

internal sealed class PercentOffOrderDiscount(decimal percent) : OrderDiscount
{
    public decimal Percent { get; } = percent;

    internal override Currency? AmountCurrency => null;

    public override decimal Amount(decimal remaining, decimal originalSubtotal, int quantity) => remaining * Percent / 100m;

    public override string ToString() => FormattableString.Invariant($"{Percent}% off the order");
}

internal sealed class AmountOffOrderDiscount(Money amount) : OrderDiscount
{
    public Money Value { get; } = amount;

    internal override Currency? AmountCurrency => Value.Currency;

    public override decimal Amount(decimal remaining, decimal originalSubtotal, int quantity) => Math.Min(Value.Amount, remaining);

    public override decimal Nominal(decimal remaining, decimal originalSubtotal, int quantity) => Value.Amount;

    public override string ToString() => $"{Value} off the order";
}

internal sealed class TieredDiscount(TierBasis basis, ImmutableArray<Tier> tiers, Currency? currency) : OrderDiscount
{
    public TierBasis Basis { get; } = basis;

    /// <summary>The tiers, by ascending threshold.</summary>
    public ImmutableArray<Tier> Tiers { get; } = tiers;

    internal override Currency? AmountCurrency => currency;

    public Tier? Reached(decimal originalSubtotal, int quantity)
    {
        var measure = Basis == TierBasis.Subtotal ? originalSubtotal : quantity;
        Tier? reached = null;
        foreach (var tier in Tiers)
        {
            if (measure >= tier.Threshold)
            {
                reached = tier;
            }
        }

        return reached;
    }

    public Tier? Next(decimal originalSubtotal, int quantity)
    {
        var measure = Basis == TierBasis.Subtotal ? originalSubtotal : quantity;
        return Tiers.FirstOrDefault(t => t.Threshold > measure);
    }

    public override decimal Amount(decimal remaining, decimal originalSubtotal, int quantity) => Reached(originalSubtotal, quantity) switch
    {
        null => 0m,
        { PercentOff: { } percent } => remaining * percent / 100m,
        { AmountOff: { } amount } => Math.Min(amount.Amount, remaining),
        _ => 0m,
    };

    public override decimal Nominal(decimal remaining, decimal originalSubtotal, int quantity) =>
        Reached(originalSubtotal, quantity) is { AmountOff: { } amount } ? amount.Amount : Amount(remaining, originalSubtotal, quantity);

    public override string ToString() => "tiers by " + Basis.ToString().ToLowerInvariant() + ": " + string.Join(", ", Tiers);
}

internal sealed class ShippingDiscount(decimal? percent, Money? amount) : Discount(DiscountClass.Shipping)
{
    /// <summary>Writes the discount's JSON properties (its type and value).</summary>
    public void Write(System.Text.Json.Utf8JsonWriter writer)
    {
        if (percent == 100m)
        {
            writer.WriteString("type", "freeShipping");
        }
        else if (percent is { } p)
        {
            writer.WriteString("type", "shippingPercentOff");
            writer.WriteNumber("percent", p);
        }
        else
        {
            writer.WriteString("type", "shippingAmountOff");
            JsonWriting.Money(writer, "amount", amount!.Value);
        }
    }

    internal override Currency? AmountCurrency => amount?.Currency;

    /// <summary>Gets a value indicating whether the discount is a share of shipping rather than an amount.</summary>
    public bool IsPercentage => percent is not null;

    public decimal Amount(decimal remaining) =>
        percent is { } p ? remaining * p / 100m : Math.Min(amount!.Value.Amount, remaining);

    /// <summary>What <see cref="Amount"/> would be if the charge did not hold it back.</summary>
    public decimal Nominal(decimal remaining) => percent is { } p ? remaining * p / 100m : amount!.Value.Amount;

    public override string ToString() =>
        percent == 100m ? "free shipping" : percent is { } p ? FormattableString.Invariant($"{p}% off shipping") : $"{amount} off shipping";
}

/// <summary>
/// Item promotions of one lane that compound with each other, seen by the lane solver as one: on each unit every
/// member that can use it and compounds with the members already on it adds its discount, one after the other or
/// each on the lane's starting price (<see cref="CompoundingMode"/>), never past the unit's price.
/// </summary>
/// <remarks>Members take their turn percentages first, then amounts, each kind by id. One after the other, that order
/// is the best for the shopper on every unit: 50 % then $5 off $20 leaves 5.00, $5 then 50 % leaves 7.50 (a
/// percentage taken after an amount shrinks by the amount; percentages commute among themselves, and so do amounts).
/// On the starting price the order only decides which member is clamped when the unit reaches zero.</remarks>
internal sealed class StackDiscount(IReadOnlyList<(Promotion Promotion, SpanSet Units)> members, CompoundingMode mode)
    : ItemDiscount(DiscountClass.Item)
{
    public IReadOnlyList<(Promotion Promotion, SpanSet Units)> Members { get; } =
        [.. members.OrderBy(m => m.Promotion.Discount is PercentOffItemsDiscount ? 0 : 1).ThenBy(m => m.Promotion.Id)];

    internal override Currency? AmountCurrency => null;

    /// <summary>At most what every member could take on its own from the unit's price, and never past it: a member
    /// that comes later, or works on the starting price, takes no more than it would first.</summary>
    public override decimal MostPerUnit(decimal remaining)
    {
        var most = 0m;
        foreach (var (promotion, _) in Members)
        {
            most += ((ItemDiscount)promotion.Discount).MostPerUnit(remaining);
        }

        return Math.Min(most, remaining);
    }

    public override ItemProposal Propose(UnitPool pool, List<Span> eligible, List<Span> getEligible)
    {
        var proposal = new ItemProposal();
        foreach (var part in pool.Read(eligible))
        {
            var total = 0m;
            foreach (var (_, amount) in OnUnits(part.Span, part.Remaining))
            {
                total += amount;
            }

            proposal.Discount(part, total);
        }

        return proposal;
    }

    /// <summary>Each member's exact discount on each unit of a span of alike units, given what was left of their
    /// price when the lane began. The members' units are whole runs of the lane's start, so a member has all of the
    /// span or none of it.</summary>
    public List<(Promotion Promotion, decimal Amount)> OnUnits(Span units, decimal start)
    {
        var result = new List<(Promotion, decimal)>();
        var left = start;
        foreach (var (promotion, memberUnits) in Members)
        {
            if (!memberUnits.Contains(units) || result.Exists(r => !promotion.Compounds(r.Item1)))
            {
                continue;
            }

            var discount = (ItemDiscount)promotion.Discount;
            var amount = mode == CompoundingMode.Sequential ? discount.MostPerUnit(left) : Math.Min(discount.MostPerUnit(start), left);
            left -= amount;
            result.Add((promotion, amount));
        }

        return result;
    }

    public override string ToString() => "compounding " + string.Join(" + ", Members.Select(m => m.Promotion.Id));
}
