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
    /// <summary>Proposes amounts for the eligible units (unclaimed in this lane, qualifying, in stable order).</summary>
    public abstract ItemProposal Propose(UnitPool pool, List<int> eligible, List<int> getEligible);

    /// <summary>The filter of units that can be discounted, when it differs from the promotion's qualifying items.</summary>
    public virtual ItemFilter? GetItems => null;

    /// <summary>The most one unit with this much left of its price can contribute to the saving: a bound for the solver.</summary>
    public abstract decimal MostPerUnit(decimal remaining);

    /// <summary>What one unit with this much left would take if its price did not hold the discount back.</summary>
    public virtual decimal NominalPerUnit(decimal remaining) => MostPerUnit(remaining);

    /// <summary>Whether giving the promotion more units can never lower its saving (the solver then gives every unit away).</summary>
    public virtual bool IsMonotone => true;

    /// <summary>The eligible units dearest first, and how many complete sets of <paramref name="size"/> they make (at
    /// most <paramref name="max"/>); when none, the proposal learns how many units are missing.</summary>
    private protected static (List<int> Units, int Sets) CompleteSets(UnitPool pool, List<int> eligible, int size, int? max, ItemProposal proposal)
    {
        var units = pool.SortByRemaining(eligible, descending: true);
        var sets = units.Count / size;
        if (max is { } limit)
        {
            sets = Math.Min(sets, limit);
        }

        if (sets == 0)
        {
            proposal.MissingQuantity = size - units.Count;
        }

        return (units, sets);
    }

    /// <summary>Whether the saving on a set of units is exactly the sum of <see cref="MostPerUnit"/> over them (per-item
    /// percentages and amounts): the solver then only needs the best such promotion for each unit.</summary>
    public virtual bool IsAdditive => false;
}

/// <summary>Exact per-unit amounts a discount proposes, the units it uses, and how far it is from applying.</summary>
internal sealed class ItemProposal
{
    public List<(int Unit, decimal Amount)> Amounts { get; } = [];

    public List<int> Claimed { get; } = [];

    /// <summary>When nothing applies: how many more qualifying units would make it apply (0 when unknown).</summary>
    public int MissingQuantity { get; set; }

    /// <summary>What the discount would take if no price held it back (an amount off each unit on units that cost
    /// less); <see langword="null"/> when that is <see cref="Total"/>.</summary>
    public decimal? Nominal { get; set; }

    public decimal Total
    {
        get
        {
            var total = 0m;
            foreach (var (_, amount) in Amounts)
            {
                total += amount;
            }

            return total;
        }
    }
}

internal sealed class PercentOffItemsDiscount(decimal percent) : ItemDiscount(DiscountClass.Item)
{
    public decimal Percent { get; } = percent;

    internal override Currency? AmountCurrency => null;

    public override ItemProposal Propose(UnitPool pool, List<int> eligible, List<int> getEligible)
    {
        var proposal = new ItemProposal();
        foreach (var unit in eligible)
        {
            proposal.Amounts.Add((unit, pool.Remaining[unit] * Percent / 100m));
            proposal.Claimed.Add(unit);
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

    public override ItemProposal Propose(UnitPool pool, List<int> eligible, List<int> getEligible)
    {
        var proposal = new ItemProposal();
        foreach (var unit in eligible)
        {
            proposal.Amounts.Add((unit, Math.Min(Amount.Amount, pool.Remaining[unit])));
            proposal.Claimed.Add(unit);
        }

        proposal.Nominal = Amount.Amount * eligible.Count;
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

    public override ItemProposal Propose(UnitPool pool, List<int> eligible, List<int> getEligible)
    {
        var proposal = new ItemProposal();
        var (units, groups) = CompleteSets(pool, eligible, Quantity, MaxApplications, proposal);
        for (var g = 0; g < groups; g++)
        {
            var sum = 0m;
            for (var k = 0; k < Quantity; k++)
            {
                sum += pool.Remaining[units[(g * Quantity) + k]];
            }

            var saving = sum - Price.Amount;
            for (var k = 0; k < Quantity; k++)
            {
                var unit = units[(g * Quantity) + k];
                proposal.Claimed.Add(unit);
                if (saving > 0m)
                {
                    // The group's saving is shared by the units in proportion to their prices.
                    proposal.Amounts.Add((unit, saving * pool.Remaining[unit] / sum));
                }
            }
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

    public override ItemProposal Propose(UnitPool pool, List<int> eligible, List<int> getEligible)
    {
        return GetItems is null && Selection == UnitSelection.Cheapest
            ? ProposeInGroups(pool, eligible)
            : ProposeFromBothEnds(pool, eligible, getEligible);
    }

    /// <summary>One pool of items, cheapest discounted: the units are sorted dearest first and cut into consecutive
    /// sets of X + Y; in each set the Y cheapest are discounted. This is the usual "cheapest item in each set"
    /// rule, and of all ways to form the sets it saves the shopper most.</summary>
    private ItemProposal ProposeInGroups(UnitPool pool, List<int> eligible)
    {
        var proposal = new ItemProposal();
        var size = Buy + Get;
        var (units, sets) = CompleteSets(pool, eligible, size, MaxApplications, proposal);
        for (var set = 0; set < sets; set++)
        {
            for (var k = 0; k < size; k++)
            {
                var unit = units[(set * size) + k];
                proposal.Claimed.Add(unit);
                if (k >= Buy)
                {
                    proposal.Amounts.Add((unit, pool.Remaining[unit] * PercentOff / 100m));
                }
            }
        }

        return proposal;
    }

    /// <summary>Discounted units from one end of the price order, bought units from the other: with
    /// <see cref="UnitSelection.MostExpensive"/> the dearest eligible units are discounted and the cheapest count as
    /// bought; with separate get items, the cheapest (or dearest) of those are discounted.</summary>
    private ItemProposal ProposeFromBothEnds(UnitPool pool, List<int> eligible, List<int> getEligible)
    {
        var proposal = new ItemProposal();
        var cheapestFirst = Selection == UnitSelection.Cheapest;

        var getOrder = pool.SortByRemaining(getEligible, descending: !cheapestFirst);
        var buyOrder = pool.SortByRemaining(eligible, descending: cheapestFirst);
        var used = new HashSet<int>();
        var sets = 0;
        var getIndex = 0;
        var buyIndex = 0;
        while (MaxApplications is not { } max || sets < max)
        {
            var gets = new List<int>(Get);
            var probe = getIndex;
            while (gets.Count < Get && probe < getOrder.Count)
            {
                if (!used.Contains(getOrder[probe]))
                {
                    gets.Add(getOrder[probe]);
                }

                probe++;
            }

            var buys = new List<int>(Buy);
            var buyProbe = buyIndex;
            while (buys.Count < Buy && buyProbe < buyOrder.Count)
            {
                var unit = buyOrder[buyProbe];
                if (!used.Contains(unit) && !gets.Contains(unit))
                {
                    buys.Add(unit);
                }

                buyProbe++;
            }

            if (gets.Count < Get || buys.Count < Buy)
            {
                if (sets == 0)
                {
                    proposal.MissingQuantity = MissingForFirstSet(eligible, getEligible);
                }

                break;
            }

            foreach (var unit in buys)
            {
                used.Add(unit);
                proposal.Claimed.Add(unit);
            }

            foreach (var unit in gets)
            {
                used.Add(unit);
                proposal.Claimed.Add(unit);
                proposal.Amounts.Add((unit, pool.Remaining[unit] * PercentOff / 100m));
            }

            getIndex = probe;
            buyIndex = buyProbe;
            sets++;
        }

        return proposal;
    }

    private int MissingForFirstSet(List<int> eligible, List<int> getEligible)
    {
        var overlap = eligible.Intersect(getEligible).Count();
        var union = eligible.Count + getEligible.Count - overlap;
        if (GetItems is null || overlap == union)
        {
            return Math.Max(0, Buy + Get - union);
        }

        return Math.Max(0, Buy - eligible.Count) + Math.Max(0, Get - getEligible.Count);
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
internal sealed class StackDiscount(IReadOnlyList<(Promotion Promotion, HashSet<int> Units)> members, CompoundingMode mode)
    : ItemDiscount(DiscountClass.Item)
{
    public IReadOnlyList<(Promotion Promotion, HashSet<int> Units)> Members { get; } =
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

    public override ItemProposal Propose(UnitPool pool, List<int> eligible, List<int> getEligible)
    {
        var proposal = new ItemProposal();
        foreach (var unit in eligible)
        {
            var total = 0m;
            foreach (var (_, amount) in OnUnit(unit, pool.Remaining[unit]))
            {
                total += amount;
            }

            proposal.Amounts.Add((unit, total));
            proposal.Claimed.Add(unit);
        }

        return proposal;
    }

    /// <summary>Each member's exact discount on one unit, given what was left of its price when the lane began.</summary>
    public List<(Promotion Promotion, decimal Amount)> OnUnit(int unit, decimal start)
    {
        var result = new List<(Promotion, decimal)>();
        var left = start;
        foreach (var (promotion, units) in Members)
        {
            if (!units.Contains(unit) || result.Exists(r => !promotion.Compounds(r.Item1)))
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
