using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using NodaTime;

namespace PromoEngine.Tests.Reference;

// The reference evaluator's own description of a catalog. A differential case is generated as these specs; each spec
// builds the production definition (ToPromotion, ToFilter, ToDiscount, ...) and, beside it, says what it means in the
// README's words (Matches, Propose, Amount, ...). The reference never reads a production definition back, so it
// shares no calculation with src/: a new kind is one more record here (and one line in the generator).

/// <summary>Which items a promotion targets.</summary>
public abstract record RefFilter
{
    public abstract ItemFilter ToFilter();

    public abstract bool Matches(CartLine line);

    /// <summary>The SKUs and categories that name every item the filter can let through, or null when it cannot be
    /// said (all items, negations, tags, brands): an automatic promotion named this way is not listed for a cart
    /// none of whose lines carries one of them (README: "a promotion that could never concern this cart is not
    /// listed").</summary>
    public abstract (string[] Skus, string[] Categories)? Keys { get; }
}

public sealed record RefAll : RefFilter
{
    public override ItemFilter ToFilter() => ItemFilter.All;

    public override bool Matches(CartLine line) => true;

    public override (string[] Skus, string[] Categories)? Keys => null;

    public override string ToString() => "all";
}

public sealed record RefSkus(string[] Skus) : RefFilter
{
    public override ItemFilter ToFilter() => ItemFilter.Skus(Skus);

    public override bool Matches(CartLine line) => Skus.Contains(line.Sku, StringComparer.Ordinal);

    public override (string[] Skus, string[] Categories)? Keys => (Skus, []);

    public override string ToString() => $"skus({string.Join(",", Skus)})";
}

public sealed record RefCategories(string[] Categories) : RefFilter
{
    public override ItemFilter ToFilter() => ItemFilter.Categories(Categories);

    public override bool Matches(CartLine line) => Categories.Any(c => line.Categories.Contains(c, StringComparer.Ordinal));

    public override (string[] Skus, string[] Categories)? Keys => ([], Categories);

    public override string ToString() => $"categories({string.Join(",", Categories)})";
}

public sealed record RefTags(string[] Tags) : RefFilter
{
    public override ItemFilter ToFilter() => ItemFilter.Tags(Tags);

    public override bool Matches(CartLine line) => Tags.Any(c => line.Tags.Contains(c, StringComparer.Ordinal));

    public override (string[] Skus, string[] Categories)? Keys => null;

    public override string ToString() => $"tags({string.Join(",", Tags)})";
}

public sealed record RefBrands(string[] Brands) : RefFilter
{
    public override ItemFilter ToFilter() => ItemFilter.Brands(Brands);

    public override bool Matches(CartLine line) => line.Brand is { } brand && Brands.Contains(brand, StringComparer.Ordinal);

    public override (string[] Skus, string[] Categories)? Keys => null;

    public override string ToString() => $"brands({string.Join(",", Brands)})";
}

public sealed record RefNot(RefFilter Inner) : RefFilter
{
    public override ItemFilter ToFilter() => ItemFilter.Not(Inner.ToFilter());

    public override bool Matches(CartLine line) => !Inner.Matches(line);

    public override (string[] Skus, string[] Categories)? Keys => null;

    public override string ToString() => $"not({Inner})";
}

public sealed record RefAnyOf(RefFilter[] Filters) : RefFilter
{
    public override ItemFilter ToFilter() => ItemFilter.AnyOf(Filters.Select(f => f.ToFilter()));

    public override bool Matches(CartLine line) => Filters.Any(f => f.Matches(line));

    public override (string[] Skus, string[] Categories)? Keys =>
        Filters.Select(f => f.Keys).ToArray() is var keys && keys.All(k => k is not null)
            ? (keys.SelectMany(k => k!.Value.Skus).ToArray(), keys.SelectMany(k => k!.Value.Categories).ToArray())
            : null;

    public override string ToString() => $"anyOf({string.Join(";", Filters.Select(f => f.ToString()))})";
}

public sealed record RefAllOf(RefFilter[] Filters) : RefFilter
{
    public override ItemFilter ToFilter() => ItemFilter.AllOf(Filters.Select(f => f.ToFilter()));

    public override bool Matches(CartLine line) => Filters.All(f => f.Matches(line));

    // Passing all means passing the first that names its items.
    public override (string[] Skus, string[] Categories)? Keys => Filters.Select(f => f.Keys).FirstOrDefault(k => k is not null);

    public override string ToString() => $"allOf({string.Join(";", Filters.Select(f => f.ToString()))})";
}

/// <summary>A condition on the customer or the cart.</summary>
public abstract record RefRestriction
{
    public abstract Restriction ToRestriction();

    /// <summary>The currency of the restriction's amount, when it has one.</summary>
    public virtual Currency? AmountCurrency => null;

    /// <summary>Whether this is a check on the customer (judged before usage) rather than on the items (after).</summary>
    public abstract bool OnCustomer { get; }

    /// <summary>The reason the cart fails it, or null when it passes.</summary>
    /// <param name="cart">The cart.</param>
    /// <param name="subtotal">What the qualifying lines cost before discounts.</param>
    /// <param name="quantity">How many units they hold.</param>
    public abstract RejectionReason? Fails(Cart cart, decimal subtotal, int quantity);
}

public sealed record RefMinimumSubtotal(decimal Amount, Currency Currency) : RefRestriction
{
    public override Restriction ToRestriction() => Restriction.MinimumSubtotal(new Money(Amount, Currency));

    public override Currency? AmountCurrency => Currency;

    public override bool OnCustomer => false;

    public override RejectionReason? Fails(Cart cart, decimal subtotal, int quantity) => subtotal < Amount ? RejectionReason.MinimumSubtotalNotMet : null;

    public override string ToString() => $"min {Amount}";
}

public sealed record RefMinimumQuantity(int Quantity) : RefRestriction
{
    public override Restriction ToRestriction() => Restriction.MinimumQuantity(Quantity);

    public override bool OnCustomer => false;

    public override RejectionReason? Fails(Cart cart, decimal subtotal, int quantity) => quantity < Quantity ? RejectionReason.MinimumQuantityNotMet : null;

    public override string ToString() => $"min {Quantity} units";
}

public sealed record RefMembers(string[] Memberships) : RefRestriction
{
    public override Restriction ToRestriction() => Restriction.MembersOnly(Memberships);

    public override bool OnCustomer => true;

    public override RejectionReason? Fails(Cart cart, decimal subtotal, int quantity) =>
        Memberships.Any(m => cart.Customer.Memberships.Contains(m)) ? null : RejectionReason.MembersOnly;

    public override string ToString() => $"members({string.Join(",", Memberships)})";
}

public sealed record RefSegments(string[] Segments) : RefRestriction
{
    public override Restriction ToRestriction() => Restriction.Segments(Segments);

    public override bool OnCustomer => true;

    public override RejectionReason? Fails(Cart cart, decimal subtotal, int quantity) =>
        Segments.Any(m => cart.Customer.Segments.Contains(m)) ? null : RejectionReason.SegmentNotEligible;

    public override string ToString() => $"segments({string.Join(",", Segments)})";
}

public sealed record RefChannels(string[] Channels) : RefRestriction
{
    public override Restriction ToRestriction() => Restriction.Channels(Channels);

    public override bool OnCustomer => true;

    public override RejectionReason? Fails(Cart cart, decimal subtotal, int quantity) =>
        cart.Channel is { } channel && Channels.Contains(channel, StringComparer.Ordinal) ? null : RejectionReason.ChannelNotEligible;

    public override string ToString() => $"channels({string.Join(",", Channels)})";
}

public sealed record RefFirstOrder : RefRestriction
{
    public override Restriction ToRestriction() => Restriction.FirstOrderOnly;

    public override bool OnCustomer => true;

    public override RejectionReason? Fails(Cart cart, decimal subtotal, int quantity) => cart.Customer.IsFirstOrder ? null : RejectionReason.FirstOrderOnly;

    public override string ToString() => "first order";
}

/// <summary>Regions as the README says: a region includes its subdivisions; allowed (any, when none is named) and
/// not excluded; an unknown region never qualifies.</summary>
public sealed record RefRegions(Region[] Allowed, Region[] Except, RegionSource Of) : RefRestriction
{
    public override Restriction ToRestriction() => Allowed.Length == 0
        ? (Of == RegionSource.Customer ? Restriction.ExceptRegions(Except) : Restriction.Regions([], Except, Of))
        : Restriction.Regions(Allowed, Except, Of);

    public override bool OnCustomer => true;

    public override RejectionReason? Fails(Cart cart, decimal subtotal, int quantity)
    {
        var region = Of == RegionSource.Customer ? cart.Customer.Region : cart.ShippingRegion;
        if (region is not { } known)
        {
            return RejectionReason.RegionNotEligible;
        }

        var allowed = Allowed.Length == 0 || Allowed.Any(a => Within(known, a));
        return allowed && !Except.Any(e => Within(known, e)) ? null : RejectionReason.RegionNotEligible;
    }

    private static bool Within(Region region, Region area) =>
        region.Country == area.Country && (area.Subdivision is null || area.Subdivision == region.Subdivision);

    public override string ToString() => $"regions({string.Join(",", Allowed)} except {string.Join(",", Except)} of {Of})";
}

/// <summary>One unit as a discount sees it: where it is, what is left of its price, and what it has been given so
/// far (units of a line alike in both are one run).</summary>
public readonly record struct RefUnit(int Line, int Index, decimal Left, string History = "");

/// <summary>What an item discount does with the units it is given: the exact amount off each discounted unit (in the
/// order it lists them, which is the order a leftover minor unit follows), the units it uses, and how many more units
/// it would need when it makes no set.</summary>
/// <remarks>The total is exact: a group's saving is its units' prices less the price, whatever its shares come to
/// once divided (28 digits).</remarks>
public sealed record RefProposal(List<(RefUnit Unit, decimal Amount)> Amounts, List<RefUnit> Claimed, int Missing, decimal? ExactTotal = null)
{
    public decimal Total => ExactTotal ?? Amounts.Sum(a => a.Amount);
}

/// <summary>What a promotion gives.</summary>
public abstract record RefDiscount
{
    public abstract Discount ToDiscount();

    public abstract DiscountClass Class { get; }

    public virtual Currency? AmountCurrency => null;

    /// <summary>Whether units outside the qualifying items can be the discounted ones.</summary>
    public virtual RefFilter? GetItems => null;
}

/// <summary>An item discount: proposes amounts for the units given (qualifying, and those it may discount).</summary>
public abstract record RefItemDiscount : RefDiscount
{
    public override DiscountClass Class => DiscountClass.Item;

    /// <param name="units">The qualifying units it is given, in canonical order (line id, then unit).</param>
    /// <param name="getUnits">The units it may discount when they differ (<see cref="RefDiscount.GetItems"/>).</param>
    public abstract RefProposal Propose(List<RefUnit> units, List<RefUnit> getUnits);

    /// <summary>Dearest first; ties in canonical order.</summary>
    protected static List<RefUnit> Dearest(IEnumerable<RefUnit> units) => units.OrderByDescending(u => u.Left).ThenBy(u => u.Line).ThenBy(u => u.Index).ToList();

    protected static List<RefUnit> Cheapest(IEnumerable<RefUnit> units) => units.OrderBy(u => u.Left).ThenBy(u => u.Line).ThenBy(u => u.Index).ToList();
}

public sealed record RefPercentOffItems(decimal Percent) : RefItemDiscount
{
    public override Discount ToDiscount() => Discount.PercentOffItems(Percent);

    public override RefProposal Propose(List<RefUnit> units, List<RefUnit> getUnits) =>
        new([.. units.Select(u => (u, u.Left * Percent / 100m))], [.. units], 0);

    public override string ToString() => $"{Percent}% off items";
}

public sealed record RefAmountOffEachItem(decimal Amount, Currency Currency) : RefItemDiscount
{
    public override Discount ToDiscount() => Discount.AmountOffEachItem(new Money(Amount, Currency));

    public override Currency? AmountCurrency => Currency;

    public override RefProposal Propose(List<RefUnit> units, List<RefUnit> getUnits) =>
        new([.. units.Select(u => (u, Math.Min(Amount, u.Left)))], [.. units], 0);

    public override string ToString() => $"{Amount} off each";
}

/// <summary>"n for a price": the dearest units in groups of n; a group that costs less than the price is left alone;
/// a group's saving is shared by its units in proportion to their prices.</summary>
public sealed record RefFixedPrice(int Quantity, decimal Price, Currency Currency, int? Max) : RefItemDiscount
{
    public override Discount ToDiscount() => Discount.FixedPrice(Quantity, new Money(Price, Currency), Max);

    public override Currency? AmountCurrency => Currency;

    public override RefProposal Propose(List<RefUnit> units, List<RefUnit> getUnits)
    {
        var sorted = Dearest(units);
        var groups = Math.Min(sorted.Count / Quantity, Max ?? int.MaxValue);
        var amounts = new List<(RefUnit, decimal)>();
        var claimed = new List<RefUnit>();
        var exact = 0m;
        for (var g = 0; g < groups; g++)
        {
            var group = sorted.Skip(g * Quantity).Take(Quantity).ToList();
            var sum = group.Sum(u => u.Left);
            var saving = sum - Price;
            exact += Math.Max(0m, saving);
            foreach (var unit in group)
            {
                claimed.Add(unit);
                if (saving > 0m)
                {
                    amounts.Add((unit, saving * unit.Left / sum));
                }
            }
        }

        return new(amounts, claimed, groups == 0 ? Quantity - sorted.Count : 0, exact);
    }

    public override string ToString() => $"{Quantity} for {Price}{(Max is { } m ? $" max {m}" : "")}";
}

/// <summary>Buy x get y: with one pool of items and the cheapest discounted, the units dearest first in consecutive
/// sets of x + y, the y cheapest of each discounted; otherwise set by set the next discounted unit from one end of the
/// price order (of the get items) and the next bought ones from the other.</summary>
public sealed record RefBuyXGetY(int Buy, int Get, decimal Percent, RefFilter? GetFilter, UnitSelection Selection, int? Max) : RefItemDiscount
{
    public override Discount ToDiscount() => Discount.BuyXGetY(Buy, Get, Percent, GetFilter?.ToFilter(), Selection, Max);

    public override RefFilter? GetItems => GetFilter;

    public override RefProposal Propose(List<RefUnit> units, List<RefUnit> getUnits)
    {
        var amounts = new List<(RefUnit, decimal)>();
        var claimed = new List<RefUnit>();
        if (GetFilter is null && Selection == UnitSelection.Cheapest)
        {
            // Sets of alike units (one line, one price left, one history) taken together from a run: its first units bought, its
            // last discounted (which of two alike units is discounted decides where a later leftover minor unit falls).
            var sorted = Dearest(units);
            var size = Buy + Get;
            var sets = Math.Min(sorted.Count / size, Max ?? int.MaxValue);
            var at = 0;
            for (var done = 0; done < sets;)
            {
                var run = 1;
                while (at + run < sorted.Count && sorted[at + run].Line == sorted[at].Line && sorted[at + run].Left == sorted[at].Left
                    && sorted[at + run].History == sorted[at].History && sorted[at + run].Index == sorted[at].Index + run)
                {
                    run++;
                }

                var alike = Math.Max(Math.Min(run / size, sets - done), 1);
                claimed.AddRange(sorted.Skip(at).Take(alike * Buy));
                foreach (var unit in sorted.Skip(at + (alike * Buy)).Take(alike * Get))
                {
                    amounts.Add((unit, unit.Left * Percent / 100m));
                }

                at += alike * size;
                done += alike;
            }

            return new(amounts, claimed, sets == 0 ? size - sorted.Count : 0);
        }

        var cheapest = Selection == UnitSelection.Cheapest;
        var getOrder = cheapest ? Cheapest(getUnits) : Dearest(getUnits);
        var buyOrder = cheapest ? Dearest(units) : Cheapest(units);
        var used = new HashSet<(int, int)>();
        var made = 0;
        while (Max is not { } max || made < max)
        {
            // When the next unit to discount and the next to buy are of one run of alike units (a line's units with
            // one price left and one history), the sets it holds are made together: its first units discounted, the
            // next ones bought.
            var getFront = getOrder.FirstOrDefault(u => !used.Contains((u.Line, u.Index)));
            var buyFront = buyOrder.FirstOrDefault(u => !used.Contains((u.Line, u.Index)));
            if (getOrder.Any(u => !used.Contains((u.Line, u.Index))) && buyOrder.Any(u => !used.Contains((u.Line, u.Index))) && getFront == buyFront)
            {
                var run = new List<RefUnit> { getFront };
                while (true)
                {
                    var index = run[^1].Index + 1;
                    var next = getUnits.Where(u => u.Line == getFront.Line && u.Index == index).ToList();
                    if (next.Count == 0 || !units.Contains(next[0]) || next[0].Left != getFront.Left || next[0].History != getFront.History
                        || used.Contains((getFront.Line, index)))
                    {
                        break;
                    }

                    run.Add(next[0]);
                }

                var together = Math.Min(run.Count / (Get + Buy), (Max ?? int.MaxValue) - made);
                if (together > 0)
                {
                    var runGets = run.Take(together * Get).ToList();
                    var runBuys = run.Skip(together * Get).Take(together * Buy).ToList();
                    foreach (var unit in runGets.Concat(runBuys))
                    {
                        used.Add((unit.Line, unit.Index));
                    }

                    claimed.AddRange(runBuys);
                    amounts.AddRange(runGets.Select(u => (u, u.Left * Percent / 100m)));
                    made += together;
                    continue;
                }
            }

            var gets = getOrder.Where(u => !used.Contains((u.Line, u.Index))).Take(Get).ToList();
            if (gets.Count < Get)
            {
                break;
            }

            var taken = gets.Select(u => (u.Line, u.Index)).ToHashSet();
            var buys = buyOrder.Where(u => !used.Contains((u.Line, u.Index)) && !taken.Contains((u.Line, u.Index))).Take(Buy).ToList();
            if (buys.Count < Buy)
            {
                break;
            }

            foreach (var unit in gets.Concat(buys))
            {
                used.Add((unit.Line, unit.Index));
            }

            claimed.AddRange(buys);
            amounts.AddRange(gets.Select(u => (u, u.Left * Percent / 100m)));
            made++;
        }

        var missing = 0;
        if (made == 0)
        {
            var union = units.Concat(getUnits).Select(u => (u.Line, u.Index)).Distinct().Count();
            var overlap = units.Select(u => (u.Line, u.Index)).Intersect(getUnits.Select(u => (u.Line, u.Index))).Count();
            missing = GetFilter is null || overlap == union
                ? Math.Max(0, Buy + Get - union)
                : Math.Max(0, Buy - units.Count) + Math.Max(0, Get - getUnits.Count);
        }

        return new(amounts, claimed, missing);
    }

    public override string ToString() => $"buy {Buy} get {Get} at {Percent}% {Selection}{(GetFilter is null ? "" : $" get {GetFilter}")}{(Max is { } m ? $" max {m}" : "")}";
}

/// <summary>An order discount: an exact amount off what is left of the qualifying lines.</summary>
public abstract record RefOrderDiscount : RefDiscount
{
    public override DiscountClass Class => DiscountClass.Order;

    /// <summary>The exact amount, or null when it does not apply at all (a tier not reached).</summary>
    public abstract decimal Amount(decimal left, decimal originalSubtotal, int quantity);

    /// <summary>The reason it does not apply before any amount, or null.</summary>
    public virtual RejectionReason? NotReached(decimal originalSubtotal, int quantity) => null;
}

public sealed record RefPercentOffOrder(decimal Percent) : RefOrderDiscount
{
    public override Discount ToDiscount() => Discount.PercentOffOrder(Percent);

    public override decimal Amount(decimal left, decimal originalSubtotal, int quantity) => left * Percent / 100m;

    public override string ToString() => $"{Percent}% off order";
}

public sealed record RefAmountOffOrder(decimal Value, Currency Currency) : RefOrderDiscount
{
    public override Discount ToDiscount() => Discount.AmountOffOrder(new Money(Value, Currency));

    public override Currency? AmountCurrency => Currency;

    public override decimal Amount(decimal left, decimal originalSubtotal, int quantity) => Math.Min(Value, left);

    public override string ToString() => $"{Value} off order";
}

/// <summary>Tiers: the highest tier reached (by the qualifying items' subtotal before discounts, or their units).</summary>
public sealed record RefTiered(TierBasis Basis, (decimal Threshold, decimal? Percent, decimal? AmountOff)[] Tiers, Currency Currency) : RefOrderDiscount
{
    public override Discount ToDiscount() => Discount.Tiered(Basis, Tiers.Select(t => t.Percent is { } p
        ? Tier.PercentOffFrom(t.Threshold, p)
        : Tier.AmountOffFrom(t.Threshold, new Money(t.AmountOff!.Value, Currency))));

    public override Currency? AmountCurrency => Tiers.Any(t => t.AmountOff is not null) ? Currency : null;

    private (decimal Threshold, decimal? Percent, decimal? AmountOff)? Reached(decimal originalSubtotal, int quantity)
    {
        var measure = Basis == TierBasis.Subtotal ? originalSubtotal : quantity;
        return Tiers.Where(t => t.Threshold <= measure).OrderByDescending(t => t.Threshold).Select(t => ((decimal, decimal?, decimal?)?)t).FirstOrDefault();
    }

    public override RejectionReason? NotReached(decimal originalSubtotal, int quantity) =>
        Reached(originalSubtotal, quantity) is null
            ? (Basis == TierBasis.Subtotal ? RejectionReason.MinimumSubtotalNotMet : RejectionReason.MinimumQuantityNotMet)
            : null;

    public override decimal Amount(decimal left, decimal originalSubtotal, int quantity) =>
        Reached(originalSubtotal, quantity) is not { } tier ? 0m
        : tier.Percent is { } p ? left * p / 100m
        : Math.Min(tier.AmountOff!.Value, left);

    public override string ToString() => $"tiers by {Basis} [{string.Join(", ", Tiers.Select(t => $"{t.Threshold}:{t.Percent}%{t.AmountOff}"))}]";
}

/// <summary>A shipping discount: an exact amount off what is left of shipping.</summary>
public sealed record RefShipping(decimal? Percent, decimal? Value, Currency Currency) : RefDiscount
{
    public override Discount ToDiscount() =>
        Percent == 100m ? Discount.FreeShipping
        : Percent is { } p ? Discount.ShippingPercentOff(p)
        : Discount.ShippingAmountOff(new Money(Value!.Value, Currency));

    public override DiscountClass Class => DiscountClass.Shipping;

    public override Currency? AmountCurrency => Value is null ? null : Currency;

    public decimal Amount(decimal left) => Percent is { } p ? left * p / 100m : Math.Min(Value!.Value, left);

    public override string ToString() => Percent == 100m ? "free shipping" : Percent is { } p ? $"{p}% off shipping" : $"{Value} off shipping";
}

/// <summary>Usage limits as written on the promotion.</summary>
public sealed record RefLimits(int? Total, int? PerCode, int? PerCustomer, decimal? Budget, Currency Currency, BudgetPolicy BudgetPolicy, LimitPolicy CountPolicy)
{
    public UsageLimits ToLimits() => new(Total, PerCode, PerCustomer, Budget is { } b ? new Money(b, Currency) : null, BudgetPolicy, CountPolicy);

    public override string ToString() => $"limits(total {Total}, code {PerCode}, customer {PerCustomer}, budget {Budget} {BudgetPolicy}, count {CountPolicy})";
}

/// <summary>A promotion as the reference sees it.</summary>
public sealed record RefPromotion(
    string Id,
    int Priority,
    RefDiscount Discount,
    RefFilter Filter,
    RefRestriction[] Restrictions,
    string? Code,
    string[]? ClaimCodes,
    decimal? Cap,
    Currency Currency,
    RefLimits? Limits,
    PromotionStatus Status,
    LocalDateTime? Start,
    LocalDateTime? End,
    bool Exclusive,
    string? Group,
    DiscountClasses Combines = DiscountClasses.All,
    StopScope Stops = StopScope.None,
    string? IssuedTo = null)
{
    /// <summary>README: "two promotions apply together only when each combines with the other's class".</summary>
    public bool CanCombineWith(RefPromotion other) => Combines.HasFlag(Flag(other.Discount.Class)) && other.Combines.HasFlag(Flag(Discount.Class));

    private static DiscountClasses Flag(DiscountClass c) => c switch
    {
        DiscountClass.Item => DiscountClasses.Item,
        DiscountClass.Order => DiscountClasses.Order,
        _ => DiscountClasses.Shipping,
    };

    public bool IsCoded => Code is not null || ClaimCodes is not null;

    public IEnumerable<string> Codes => Code is { } c ? [c] : ClaimCodes ?? [];

    public Instant? StartInstant => Start?.InUtc().ToInstant();

    public Instant? EndInstant => End?.InUtc().ToInstant();

    public Promotion ToPromotion() => ToBuilder().Build();

    /// <summary>The production builder, so generators of the library's own properties can add what the reference does
    /// not model (stops, compounding, classes, weekly windows).</summary>
    public PromotionBuilder ToBuilder()
    {
        var builder = Promotion.Create(Id, $"Promotion {Id}")
            .Giving(Discount.ToDiscount())
            .ForItems(Filter.ToFilter())
            .WithPriority(Priority);
        if (Code is { } code)
        {
            builder.WithCode(code).IssuedTo(IssuedTo);
        }
        else if (ClaimCodes is { } claims)
        {
            builder.WithClaimCodes(claims, ClaimFormat);
        }

        foreach (var restriction in Restrictions)
        {
            builder.Require(restriction.ToRestriction());
        }

        if (Cap is { } cap)
        {
            builder.WithMaxDiscount(new Money(cap, Currency));
        }

        if (Limits is { } limits)
        {
            builder.WithLimits(limits.ToLimits());
        }

        if (Status != PromotionStatus.Active)
        {
            builder.WithStatus(Status);
        }

        if (Start is not null || End is not null)
        {
            builder.WithSchedule(Schedule.Between(Start, End, DateTimeZone.Utc));
        }

        if (Exclusive)
        {
            builder.Exclusive();
        }
        else if (Group is { } group)
        {
            builder.InGroup(group);
        }

        if (Combines != DiscountClasses.All)
        {
            builder.CombiningWith(Combines);
        }

        if (Stops != StopScope.None)
        {
            builder.StopLowerLanes(Stops);
        }

        return builder;
    }

    /// <summary>Claim codes of the tests: plain upper-case codes of five characters, no check character.</summary>
    public static readonly ClaimCodeFormat ClaimFormat = new(length: 5, groupSize: 0, checkCharacter: false, alphabet: "ABCDEFGHJKLMNPQRSTUVWXYZ23456789");

    public override string ToString() =>
        $"{Id} p{Priority} {Discount} on {Filter}"
        + (Restrictions.Length > 0 ? $" req [{string.Join("; ", Restrictions.Select(r => r.ToString()))}]" : "")
        + (Code is { } c ? $" code {c}{(IssuedTo is { } owner ? $" issued to {owner}" : "")}" : ClaimCodes is { } cc ? $" claim [{string.Join(",", cc)}]" : "")
        + (Cap is { } cap ? $" cap {cap}" : "")
        + (Limits is { } l ? $" {l}" : "")
        + (Status != PromotionStatus.Active ? $" {Status}" : "")
        + (Start is not null || End is not null ? $" from {Start} to {End}" : "")
        + (Exclusive ? " exclusive" : Group is { } g ? $" group {g}" : "")
        + (Combines != DiscountClasses.All ? $" combines {Combines}" : "")
        + (Stops != StopScope.None ? $" stops {Stops}" : "");
}

/// <summary>Usage so far, as the reference reads it: complete (unset counters are zero) or partial (unknown).</summary>
public sealed record RefUsage(
    bool Complete,
    ImmutableDictionary<string, int> PromotionUses,
    ImmutableDictionary<string, int> CodeUses,
    ImmutableDictionary<(string, string), int> CustomerUses,
    ImmutableDictionary<string, decimal> Spent,
    Currency Currency)
{
    public static RefUsage Empty(Currency currency) => new(true, ImmutableDictionary<string, int>.Empty, ImmutableDictionary<string, int>.Empty,
        ImmutableDictionary<(string, string), int>.Empty, ImmutableDictionary<string, decimal>.Empty, currency);

    public UsageSnapshot ToSnapshot()
    {
        var snapshot = Complete ? UsageSnapshot.Empty : UsageSnapshot.Unavailable;
        foreach (var (id, uses) in PromotionUses)
        {
            snapshot = snapshot.WithPromotionUses(new PromotionId(id), uses);
        }

        foreach (var (code, uses) in CodeUses)
        {
            snapshot = snapshot.WithCodeUses(code, uses);
        }

        foreach (var ((id, customer), uses) in CustomerUses)
        {
            snapshot = snapshot.WithCustomerUses(new PromotionId(id), customer, uses);
        }

        foreach (var (id, spent) in Spent)
        {
            snapshot = snapshot.WithPromotionSpent(new PromotionId(id), new Money(spent, Currency));
        }

        return snapshot;
    }

    // A spend set makes the promotion's uses known (zero unless set).
    public int? Uses(string id) => PromotionUses.TryGetValue(id, out var u) ? u : Spent.ContainsKey(id) ? 0 : Complete ? 0 : null;

    public int? Code(string code) => CodeUses.TryGetValue(code, out var u) ? u : Complete ? 0 : null;

    public int? Customer(string id, string customer) => CustomerUses.TryGetValue((id, customer), out var u) ? u : Complete ? 0 : null;

    public decimal? SpentBy(string id) => Spent.TryGetValue(id, out var s) ? s : null;

    public override string ToString() =>
        $"usage({(Complete ? "complete" : "partial")}; uses {string.Join(",", PromotionUses.Select(kv => $"{kv.Key}={kv.Value}"))}; codes {string.Join(",", CodeUses.Select(kv => $"{kv.Key}={kv.Value}"))}; customers {string.Join(",", CustomerUses.Select(kv => $"{kv.Key}={kv.Value}"))}; spent {string.Join(",", Spent.Select(kv => $"{kv.Key}={kv.Value}"))})";
}
