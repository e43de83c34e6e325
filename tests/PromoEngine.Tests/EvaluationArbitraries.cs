using System;
using System.Collections.Generic;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;

namespace PromoEngine.Tests;

/// <summary>A generated cart, catalog, codes and instant, with a seed for shuffling.</summary>
public sealed record EvaluationCase(Cart Cart, Promotion[] Promotions, string[] Codes, Instant At, int ShuffleSeed, SelectionPolicy Selection, CompoundingMode Compounding)
{
    /// <summary>The other options generated (conventions, leaving out automatic promotions); the properties' own
    /// settings (units listed, two codes, selection, compounding) are laid over them.</summary>
    public EvaluationOptions Options { get; init; } = EvaluationOptions.Default;

    public EvaluationResult Evaluate(IEnumerable<CartLine>? lines = null, IEnumerable<Promotion>? promotions = null)
    {
        var cart = lines is null ? Cart : new Cart(Cart.Currency, lines, Cart.Customer, Cart.Shipping, Cart.Channel, Cart.ShippingRegion).WithShippingMethod(Cart.ShippingMethod);
        var evaluator = new PromotionEvaluator(
            PromotionCatalog.Create(promotions ?? Promotions),
            Options with { IncludeUnits = true, MaxCodesPerOrder = 2, Selection = Selection, Compounding = Compounding });
        return evaluator.Evaluate(cart, Codes, At);
    }

    public override string ToString() =>
        $"cart: [{string.Join("; ", Cart.Lines.Select(l => $"{l.LineId} {l.Sku} {l.Quantity}x{l.UnitPrice.Amount} [{string.Join(",", l.Categories)}]"))}] shipping {Cart.Shipping.Amount}"
        + $" | promotions: [{string.Join("; ", Promotions.Select(p => $"{p.Id} prio {p.Priority} {p.Discount} on {p.QualifyingItems} codes [{string.Join(",", p.Activation.Codes)}]{(p.Activation.IssuedTo is { } o ? " issued to " + o : "")} cap {p.MaxDiscount} {(p.IsExclusive ? "exclusive" : p.Group)} {(p.CompoundsWithAll ? "compounds" : "")} {p.Stops} combines {p.CombinesWith}"))}]"
        + $" | codes [{string.Join(",", Codes)}] at {At} {Selection} {Compounding} | {Options}";
}

/// <summary>Generators of carts and catalogs for the evaluator's properties.</summary>
public static class EvaluationArbitraries
{
    private static readonly string[] Skus = ["s1", "s2", "s3", "s4", "s5"];
    private static readonly string[] CategoryNames = ["c1", "c2", "c3"];
    private static readonly Instant Base = Instant.FromUtc(2026, 6, 15, 12, 0);

    private static Gen<decimal> Price =>
        Gen.Frequency((1, Gen.Constant(0m)), (8, Gen.Choose(1, 20_000).Select(c => c / 100m)), (1, Gen.Choose(1, 3).Select(c => c / 100m)));

    private static Gen<Money> Usd(int minCents, int maxCents) => Gen.Choose(minCents, maxCents).Select(c => new Money(c / 100m, Currency.Usd));

    private static Gen<CartLine> LineGen(int index) =>
        from sku in Gen.Elements(Skus)
        from price in Price
        from quantity in Gen.Frequency((4, Gen.Choose(1, 2)), (1, Gen.Choose(3, 6)))
        from categories in Gen.SubListOf(CategoryNames)
        select new CartLine($"L{index}", sku, new Money(price, Currency.Usd), quantity, categories);

    private static Gen<Cart> CartGen =>
        from count in Gen.Choose(0, 7)
        from lines in Gen.CollectToArray(Enumerable.Range(0, count), LineGen)
        from shipping in Gen.Frequency((1, Gen.Constant<decimal?>(null)), (2, Gen.Choose(0, 1_500).Select(c => (decimal?)(c / 100m))))
        from customer in Gen.Elements(
            CustomerProfile.Guest,
            CustomerProfile.Registered("c1"),
            CustomerProfile.Registered("c2").WithMemberships(["prime"]).WithFirstOrder(),
            CustomerProfile.Registered("c3").WithRegion(new Region("US", "AK")),
            CustomerProfile.Registered("c4").WithPreviousOrders(3))
        from shippingRegion in Gen.Elements<Region?>(null, new Region("US", "NY"), new Region("US", "HI"), new Region("CA"))
        from shippingMethod in Gen.Elements<string?>(null, "standard", "express")
        select new Cart(Currency.Usd, lines, customer, shipping is { } s ? new Money(s, Currency.Usd) : null, shippingRegion: shippingRegion).WithShippingMethod(shippingMethod);

    private static Gen<ItemFilter> FilterGen =>
        Gen.OneOf(
            Gen.Constant(ItemFilter.All),
            Gen.Elements(CategoryNames).Select(c => ItemFilter.Categories(c)),
            Gen.Elements(Skus).Select(s => ItemFilter.Skus(s)),
            Gen.Elements(CategoryNames).Select(c => ItemFilter.Not(ItemFilter.Categories(c))),
            UnitPriceFilterGen,
            from category in Gen.Elements(CategoryNames) from price in UnitPriceFilterGen select ItemFilter.AllOf(ItemFilter.Categories(category), price),
            from sku in Gen.Elements(Skus) from price in UnitPriceFilterGen select ItemFilter.AnyOf(ItemFilter.Skus(sku), price));

    /// <summary>Unit prices at least, at most, or between amounts, around the prices <see cref="Price"/> makes.</summary>
    private static Gen<ItemFilter> UnitPriceFilterGen =>
        Gen.OneOf(
            Usd(0, 20_000).Select(ItemFilter.UnitPriceAtLeast),
            Usd(0, 20_000).Select(ItemFilter.UnitPriceAtMost),
            from low in Gen.Choose(0, 10_000) from width in Gen.Choose(0, 10_000)
            select ItemFilter.UnitPriceBetween(new Money(low / 100m, Currency.Usd), new Money((low + width) / 100m, Currency.Usd)));

    private static Gen<decimal> Percent => Gen.Elements(5m, 10m, 12.5m, 15m, 20m, 33m, 50m, 70m, 100m);

    private static Gen<Discount> DiscountGen =>
        Gen.OneOf(
            Percent.Select(Discount.PercentOffItems),
            Usd(1, 3_000).Select(Discount.AmountOffEachItem),
            from n in Gen.Choose(1, 4) from price in Usd(0, 5_000) select Discount.FixedPrice(n, price),
            from x in Gen.Choose(1, 3)
            from y in Gen.Choose(1, 3)
            from percent in Percent
            from selection in Gen.Elements(UnitSelection.Cheapest, UnitSelection.MostExpensive)
            from getItems in Gen.Frequency((3, Gen.Constant<ItemFilter?>(null)), (1, FilterGen.Select(f => (ItemFilter?)f)))
            from max in Gen.Elements<int?>(null, 1, 2)
            select Discount.BuyXGetY(x, y, percent, getItems, selection, max),
            Percent.Select(Discount.PercentOffOrder),
            Usd(1, 50_000).Select(Discount.AmountOffOrder),
            from low in Gen.Choose(1, 200) from lowPercent in Percent from high in Gen.Choose(201, 600) from highAmount in Usd(1, 20_000)
            select Discount.Tiered(TierBasis.Subtotal, Tier.PercentOffFrom(low, lowPercent), Tier.AmountOffFrom(high, highAmount)),
            from low in Gen.Choose(1, 3) from percent in Percent
            select Discount.Tiered(TierBasis.Quantity, Tier.PercentOffFrom(low, percent)),
            Gen.Constant(Discount.FreeShipping),
            Percent.Select(Discount.ShippingPercentOff),
            Usd(1, 2_000).Select(Discount.ShippingAmountOff),
            Usd(1, 5_000).Select(Discount.AmountOffEachLine),
            FlexiGen,
            GroupsGen,
            Usd(1, 50_000).Select(Discount.AmountOffOrderAndShipping),
            from inner in Gen.OneOf(
                Percent.Select(Discount.PercentOffItems),
                Usd(1, 3_000).Select(Discount.AmountOffEachItem),
                from x in Gen.Choose(1, 2) select Discount.BuyXGetY(x, 1),
                Percent.Select(Discount.PercentOffOrder),
                Usd(1, 50_000).Select(Discount.AmountOffOrder))
            from shipping in Gen.OneOf(
                Gen.Constant(Discount.FreeShipping),
                Percent.Select(Discount.ShippingPercentOff),
                Usd(1, 2_000).Select(Discount.ShippingAmountOff))
            from limited in Gen.Frequency((4, Gen.Constant(false)), (1, Gen.Constant(true)))
            let both = inner.AndShipping(shipping)
            select limited && both.Class == DiscountClass.Item ? both.LimitUnits(perOrder: 3) : both,
            from sku in Gen.Elements(Skus)
            from quantity in Gen.Choose(1, 2)
            from buy in Gen.Choose(1, 3)
            from percent in Percent
            from max in Gen.Elements<int?>(null, 1)
            select Discount.GiftWithPurchase(sku, quantity, buy, percent, max),
            from low in Gen.Choose(1, 200) from lowPercent in Percent from high in Gen.Choose(201, 600) from highAmount in Usd(1, 2_000)
            select Discount.TieredShipping(TierBasis.Subtotal, Tier.PercentOffFrom(low, lowPercent), Tier.AmountOffFrom(high, highAmount)),
            from low in Gen.Choose(1, 4) from percent in Percent
            select Discount.TieredShipping(TierBasis.Quantity, Tier.PercentOffFrom(low, percent)),
            LimitedGen,
            FlooredGen);

    /// <summary>Flexi rates: an amount off the first unit and another off each additional, per line or across lines.</summary>
    private static Gen<Discount> FlexiGen =>
        from first in Usd(1, 2_000)
        from additional in Gen.Elements(0m, 0.5m, 1m, 25m).Select(a => new Money(a, Currency.Usd))
        from scope in Gen.Elements(UnitScope.EachLine, UnitScope.AcrossLines)
        from limit in Gen.Elements<int?>(null, null, 1, 3)
        let flexi = Discount.FirstAndAdditional(first, additional, scope)
        select limit is { } n ? flexi.LimitUnits(perOrder: n, selection: UnitSelection.MostExpensive) : flexi;

    /// <summary>Quantity groups: a percentage or an amount off each unit of a complete group, some with tiers.</summary>
    private static Gen<Discount> GroupsGen =>
        from size in Gen.Choose(2, 4)
        from scope in Gen.Elements(UnitScope.EachLine, UnitScope.AcrossLines)
        from percent in Percent
        from amount in Usd(1, 2_000)
        from higher in Percent
        from shape in Gen.Choose(0, 2)
        select shape switch
        {
            0 => Discount.PercentOffGroups(size, percent, scope),
            1 => Discount.AmountOffGroups(size, amount, scope),
            _ => Discount.QuantityGroups(size, scope, Tier.AmountOffFrom(1, amount), Tier.PercentOffFrom(2, higher)),
        };

    /// <summary>Item discounts held back by a price floor (an amount, or a share of the price), some also limited.</summary>
    private static Gen<Discount> FlooredGen =>
        from inner in Gen.OneOf(
            Percent.Select(Discount.PercentOffItems),
            Usd(1, 3_000).Select(Discount.AmountOffEachItem),
            Usd(1, 5_000).Select(Discount.AmountOffEachLine),
            from n in Gen.Choose(1, 3) from price in Usd(0, 5_000) select Discount.FixedPrice(n, price),
            from x in Gen.Choose(1, 2) select Discount.BuyXGetY(x, 1))
        from amount in Gen.Frequency((1, Gen.Constant<Money?>(null)), (1, Usd(1, 4_000).Select(m => (Money?)m)))
        from percent in Gen.Elements(10m, 50m, 60m, 99m)
        from limited in Gen.Frequency((3, Gen.Constant(false)), (1, Gen.Constant(true)))
        let floored = amount is { } a ? inner.WithPriceFloor(a) : inner.WithPriceFloorPercent(percent)
        select limited ? floored.LimitUnits(perOrder: 3) : floored;

    /// <summary>Item discounts on at most so many units of each line or of the order.</summary>
    private static Gen<Discount> LimitedGen =>
        from inner in Gen.OneOf(
            Percent.Select(Discount.PercentOffItems),
            Usd(1, 3_000).Select(Discount.AmountOffEachItem),
            Usd(1, 5_000).Select(Discount.AmountOffEachLine),
            from n in Gen.Choose(1, 3) from price in Usd(0, 5_000) select Discount.FixedPrice(n, price),
            from x in Gen.Choose(1, 2)
            from getItems in Gen.Frequency((3, Gen.Constant<ItemFilter?>(null)), (1, FilterGen.Select(f => (ItemFilter?)f)))
            select Discount.BuyXGetY(x, 1, getItems: getItems))
        from perLine in Gen.Elements<int?>(null, 1, 2, 3)
        from perOrder in Gen.Elements<int?>(null, 3, 4, 7)
        from selection in Gen.Elements(UnitSelection.Cheapest, UnitSelection.MostExpensive)
        select inner.LimitUnits(perLine, perLine is null && perOrder is null ? 3 : perOrder, selection);

    /// <summary>A weekly window at minute (sometimes second) precision, biased to the small hours and Sundays, where
    /// daylight-saving changes happen; whole days and windows crossing midnight included.</summary>
    public static Gen<WeeklyWindow> WindowGen =>
        from days in Gen.Frequency(
            (2, Gen.Constant(new[] { IsoDayOfWeek.Sunday })),
            (1, Gen.Constant(new[] { IsoDayOfWeek.Saturday })),
            (3, from n in Gen.Choose(1, 7) from list in Gen.ArrayOf(Gen.Choose(1, 7).Select(d => (IsoDayOfWeek)d), n) select list))
        from start in TimeGen
        from end in TimeGen
        from whole in Gen.Frequency((9, Gen.Constant(false)), (1, Gen.Constant(true)))
        select whole ? WeeklyWindow.WholeDays(days) : new WeeklyWindow(days, start, end == start ? start.PlusMinutes(1) : end);

    private static Gen<LocalTime> TimeGen =>
        Gen.Frequency(
            (3, from h in Gen.Choose(0, 3) from m in Gen.Elements(0, 15, 30, 45, 59) select new LocalTime(h, m)),
            (3, from m in Gen.Choose(0, (24 * 60) - 1) select LocalTime.FromMinutesSinceMidnight(m)),
            (1, from m in Gen.Choose(0, (24 * 60) - 1) from sec in Gen.Choose(1, 59) select LocalTime.FromMinutesSinceMidnight(m).PlusSeconds(sec)));

    private static Gen<Schedule> ScheduleGen =>
        from schedule in PlainScheduleGen
        from windows in Gen.Frequency((4, Gen.Constant(Array.Empty<WeeklyWindow>())), (1, from n in Gen.Choose(1, 3) from list in Gen.ArrayOf(WindowGen, n) select list))
        select schedule.WithWeeklyWindows(windows);

    private static Gen<Schedule> PlainScheduleGen =>
        Gen.Frequency(
            (3, Gen.Constant(Schedule.Always)),
            (2, from startDays in Gen.Choose(-20, 20)
                from lengthDays in Gen.Choose(1, 30)
                from zone in Gen.Elements("UTC", "America/New_York", "Asia/Tokyo")
                let tz = DateTimeZoneProviders.Tzdb[zone]
                let start = Base.Plus(Duration.FromDays(startDays)).InZone(tz).Date
                from open in Gen.Elements("none", "start", "end")
                select Schedule.Days(open == "start" ? null : start, open == "end" ? null : start.PlusDays(lengthDays), tz)),
            (1, from startHours in Gen.Choose(-24 * 20, 24 * 20)
                from lengthMinutes in Gen.Choose(0, 60 * 24 * 10)
                from seconds in Gen.Elements(0, 0, 30)
                from inclusive in Gen.Elements(false, true)
                from zone in Gen.Elements("UTC", "America/Los_Angeles", "Europe/Berlin")
                let tz = DateTimeZoneProviders.Tzdb[zone]
                let start = Base.Plus(Duration.FromHours(startHours)).InZone(tz).LocalDateTime
                select Schedule.Between(start, start.PlusMinutes(lengthMinutes + (inclusive ? 0 : 1)).PlusSeconds(seconds), tz, inclusive)));

    private static Gen<Promotion> PromotionGen(int index) =>
        from discount in DiscountGen
        from filter in FilterGen
        from priority in Gen.Choose(0, 2)
        from schedule in ScheduleGen
        from coded in Gen.Frequency((3, Gen.Constant(false)), (1, Gen.Constant(true)))
        from foldLookAlikes in Gen.Elements(false, true)
        from cap in Gen.Frequency((4, Gen.Constant<Money?>(null)), (1, Usd(1, 5_000).Select(m => (Money?)m)))
        from minimum in Gen.Frequency((4, Gen.Constant<Money?>(null)), (1, Usd(100, 20_000).Select(m => (Money?)m)))
        from minimumBasis in Gen.Elements(ThresholdBasis.BeforeDiscounts, ThresholdBasis.AfterHigherLanes)
        from paused in Gen.Frequency((9, Gen.Constant(false)), (1, Gen.Constant(true)))
        from region in Gen.Frequency((8, Gen.Constant<Restriction?>(null)), (1, Gen.Elements<Restriction?>(
            Restriction.Regions(new Region("US")),
            Restriction.Regions([new Region("US")], except: [new Region("US", "AK"), new Region("US", "HI")], of: RegionSource.ShippingAddress),
            Restriction.ExceptRegions(new Region("CA"), new Region("MX")))))
        from condition in Gen.Frequency((6, Gen.Constant<Restriction?>(null)), (1, CartConditionGen.Select(r => (Restriction?)r)), (1, OrderHistoryGen.Select(r => (Restriction?)r)))
        from combination in Gen.Frequency((12, Gen.Constant<string?>(null)), (1, Gen.Constant<string?>("exclusive")), (2, Gen.Elements<string?>("g1", "g2")), (1, Gen.Elements<string?>("stop-items", "stop-all")), (3, Gen.Constant<string?>("compound")), (2, Gen.Elements<string?>("combine-none", "combine-shipping", "combine-items")))
        from owner in Gen.Frequency((5, Gen.Constant<string?>(null)), (1, Gen.Elements<string?>("c1", "c2")))
        select Make(index, discount, filter, priority, schedule, coded, foldLookAlikes, cap, minimum is { } m ? Restriction.MinimumSubtotal(m, minimumBasis) : null, paused, combination, region, condition, owner);

    /// <summary>Conditions on other items of the cart: units or an amount of items that pass a filter.</summary>
    private static Gen<Restriction> CartConditionGen =>
        Gen.OneOf(
            from items in FilterGen from units in Gen.Choose(1, 4) from label in Gen.Elements<string?>(null, "shoes")
            select Restriction.CartHoldsUnits(items, units, label),
            from items in FilterGen from amount in Usd(1, 30_000) from basis in Gen.Elements(ThresholdBasis.BeforeDiscounts, ThresholdBasis.AfterHigherLanes)
            select Restriction.CartHoldsAmount(items, amount, null, basis));

    /// <summary>Conditions on the customer's order history (the generated customers have 0, 3 or unknown) and on the
    /// shipping method.</summary>
    private static Gen<Restriction> OrderHistoryGen =>
        Gen.OneOf(
            Gen.Choose(1, 5).Select(Restriction.NthOrder),
            Gen.Choose(0, 4).Select(n => Restriction.PreviousOrders(atLeast: n)),
            Gen.Choose(0, 4).Select(n => Restriction.PreviousOrders(atMost: n)),
            Gen.Elements(Restriction.ShippingMethods("standard"), Restriction.ShippingMethods("express", "pickup")));

    private static Promotion Make(int index, Discount discount, ItemFilter filter, int priority, Schedule schedule, bool coded, bool foldLookAlikes, Money? cap, Restriction? minimum, bool paused, string? combination, Restriction? region, Restriction? condition, string? owner)
    {
        var builder = Promotion.Create($"P{index}", $"Promotion {index}").Giving(discount).ForItems(filter).WithPriority(priority).WithSchedule(schedule);
        if (coded)
        {
            // A personal code now and then, issued to one of the generated customers (another, or a guest, is refused).
            builder.WithCode($"CODE{index}", foldLookAlikes).IssuedTo(owner);
        }

        if (cap is { } c)
        {
            builder.WithMaxDiscount(c);
        }

        if (minimum is not null)
        {
            builder.Require(minimum);
        }

        if (region is not null)
        {
            builder.Require(region);
        }

        if (condition is not null)
        {
            builder.Require(condition);
        }

        if (paused)
        {
            builder.WithStatus(PromotionStatus.Paused);
        }

        if (combination == "exclusive")
        {
            builder.Exclusive();
        }
        else if (combination?.StartsWith("combine", System.StringComparison.Ordinal) == true)
        {
            builder.CombiningWith(combination switch
            {
                "combine-none" => DiscountClasses.None,
                "combine-shipping" => DiscountClasses.Shipping,
                _ => DiscountClasses.Item | DiscountClasses.Shipping,
            });
        }
        else if (combination == "compound")
        {
            if (discount is PercentOffItemsDiscount or AmountOffEachItemDiscount && cap is null)
            {
                builder.CompoundWithAll();
            }
        }
        else if (combination?.StartsWith("stop", System.StringComparison.Ordinal) == true)
        {
            builder.StopLowerLanes(combination == "stop-all" ? StopScope.AllLowerLanes : StopScope.ItsItems);
        }
        else if (combination is not null)
        {
            builder.InGroup(combination);
        }

        return builder.Build();
    }

    public static Arbitrary<EvaluationCase> EvaluationCaseArb() =>
        (from cart in CartGen
         from count in Gen.Choose(0, 8)
         from promotions in Gen.CollectToArray(Enumerable.Range(0, count), PromotionGen)
         from codeCount in Gen.Choose(0, 3)
         from codes in Gen.ArrayOf(Gen.Choose(0, 8).Select(i => $"code{i}"), codeCount)
         from hours in Gen.Choose(-24 * 40, 24 * 40)
         from seed in Gen.Choose(0, int.MaxValue)
         from selection in Gen.Frequency((3, Gen.Constant(SelectionPolicy.BestForShopper)), (1, Gen.Constant(SelectionPolicy.StrictPriority)))
         from compounding in Gen.Elements(CompoundingMode.Sequential, CompoundingMode.OnOriginalPrice)
         from options in OptionsGen
         select new EvaluationCase(cart, promotions.ToArray(), codes, Base.Plus(Duration.FromHours(hours)), seed, selection, compounding) { Options = options })
        .ToArbitrary();

    /// <summary>The evaluation options the properties vary beside selection and compounding.</summary>
    private static Gen<EvaluationOptions> OptionsGen =>
        from excludeAutomatic in Gen.Frequency((7, Gen.Constant(false)), (1, Gen.Constant(true)))
        from roundingTarget in Gen.Elements(RoundingTarget.AmountToPay, RoundingTarget.Discount)
        from rounding in Gen.Frequency((4, Gen.Constant(MidpointRounding.AwayFromZero)), (1, Gen.Elements(MidpointRounding.ToEven, MidpointRounding.ToZero, MidpointRounding.ToPositiveInfinity)))
        from allocation in Gen.Elements(OrderAllocation.LargestRemainder, OrderAllocation.RemainderToFirstLines, OrderAllocation.RemainderToLastLine, OrderAllocation.CarryForward)
        select new EvaluationOptions { ExcludeAutomaticPromotions = excludeAutomatic, RoundingTarget = roundingTarget, Rounding = rounding, OrderAllocation = allocation };

    /// <summary>Up to eight promotions of every kind, with unique ids.</summary>
    public static Arbitrary<Promotion[]> PromotionsArb() =>
        (from count in Gen.Choose(1, 8)
         from promotions in Gen.CollectToArray(Enumerable.Range(0, count), PromotionGen)
         select promotions)
        .ToArbitrary();

    public static T[] Shuffle<T>(IEnumerable<T> items, int seed)
    {
        var array = items.ToArray();
        new Random(seed).Shuffle(array);
        return array;
    }
}
