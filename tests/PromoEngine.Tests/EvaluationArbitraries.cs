using System;
using System.Collections.Generic;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using PromoEngine.Tests.Reference;

namespace PromoEngine.Tests;

/// <summary>A generated cart, catalog, codes, instant, usage and options, with a seed for shuffling.</summary>
public sealed record EvaluationCase(Cart Cart, Promotion[] Promotions, string[] Codes, Instant At, int ShuffleSeed, EvaluationOptions Options, UsageSnapshot Usage)
{
    public SelectionPolicy Selection => Options.Selection;

    public CompoundingMode Compounding => Options.Compounding;

    public EvaluationResult Evaluate(IEnumerable<CartLine>? lines = null, IEnumerable<Promotion>? promotions = null)
    {
        var cart = lines is null ? Cart : new Cart(Cart.Currency, lines, Cart.Customer, Cart.Shipping, Cart.Channel, Cart.ShippingRegion).WithShippingMethod(Cart.ShippingMethod);
        var evaluator = new PromotionEvaluator(PromotionCatalog.Create(promotions ?? Promotions), Options);
        return evaluator.Evaluate(cart, Codes, At, Usage);
    }

    public override string ToString() =>
        $"cart {Cart.Currency.Code}: [{string.Join("; ", Cart.Lines.Select(l => $"{l.LineId} {l.Sku} {l.Quantity}x{l.UnitPrice.Amount} [{string.Join(",", l.Categories)}] [{string.Join(",", l.Tags)}] {l.Brand}"))}] shipping {Cart.Shipping.Amount}"
        + $" | promotions: [{string.Join("; ", Promotions.Select(p => $"{p.Id} prio {p.Priority} {p.Discount} on {p.QualifyingItems} codes [{string.Join(",", p.Activation.Codes)}]{(p.Activation.IssuedTo is { } o ? " issued to " + o : "")} cap {p.MaxDiscount} {(p.IsExclusive ? "exclusive" : p.Group)} {(p.CompoundsWithAll ? "compounds" : "")} {p.Stops} combines {p.CombinesWith} {p.Status} limits {p.Limits.Total}/{p.Limits.PerCode}/{p.Limits.PerCustomer}/{p.Limits.Budget}"))}]"
        + $" | codes [{string.Join(",", Codes)}] at {At} | options: {Options} | usage complete {Usage.IsComplete}";
}

/// <summary>Generators of carts and catalogs for the evaluator's properties: the kinds (filters, restrictions,
/// discounts, limits, usage) come from <see cref="DifferentialArbitraries"/>, one place per kind, and this adds what
/// only the library's own properties cover: stops, compounding, classes, weekly windows and zones, look-alike
/// folding, strict priority, and larger carts (up to 8 lines, up to 50 units a line).</summary>
public static class EvaluationArbitraries
{
    private static readonly Instant Base = DifferentialArbitraries.Base;

    private static Gen<CartLine> LineGen(int index, Currency currency) =>
        from sku in Gen.Elements("s1", "s2", "s3", "s4", "s5")
        from price in DifferentialArbitraries.PriceGen(currency)
        from quantity in Gen.Frequency((16, Gen.Choose(1, 2)), (5, Gen.Choose(3, 6)), (1, Gen.Choose(7, 50)))
        from categories in Gen.SubListOf("c1", "c2", "c3")
        from tags in Gen.Frequency((3, Gen.Constant<string[]>([])), (1, Gen.SubListOf("t1", "t2").Select(t => t.ToArray())))
        from brand in Gen.Elements<string?>(null, "b1", "b2")
        select new CartLine($"L{index}", sku, new Money(price, currency), quantity, categories, tags, brand);

    private static Gen<Cart> CartGen(Currency currency) =>
        from count in Gen.Frequency((3, Gen.Choose(0, 4)), (1, Gen.Choose(5, 8)))
        from lines in Gen.CollectToArray(Enumerable.Range(0, count), i => LineGen(i, currency))
        from shipping in Gen.Frequency((1, Gen.Constant<decimal?>(null)), (2, DifferentialArbitraries.PriceGen(currency).Select(s => (decimal?)s)))
        from customer in Gen.Elements(
            CustomerProfile.Guest,
            CustomerProfile.Registered("u1"),
            CustomerProfile.Registered("u2").WithMemberships(["prime"]).WithFirstOrder(),
            CustomerProfile.Registered("u3").WithSegments(["vip"]).WithRegion(new Region("US", "AK")),
            CustomerProfile.Registered("u4").WithPreviousOrders(3))
        from channel in Gen.Elements<string?>(null, "web", "app")
        from shippingRegion in Gen.Elements<Region?>(null, new Region("US", "NY"), new Region("US", "HI"), new Region("CA"))
        from shippingMethod in Gen.Elements<string?>(null, "standard", "express")
        select new Cart(currency, lines, customer, shipping is { } s ? new Money(s, currency) : null, channel, shippingRegion).WithShippingMethod(shippingMethod);

    /// <summary>The discount kinds only the library's own properties cover (the reference does not model them yet):
    /// amounts off each line, flexi rates, quantity groups, items with a shipping part, gifts with purchase, shipping
    /// tiers, unit limits and price floors, each in the promotion's currency.</summary>
    private static Gen<Discount> NewKindsGen(Currency currency)
    {
        Gen<Money> Amount(int minCents, int maxCents) => Gen.Choose(minCents, maxCents).Select(c => new Money(Math.Round(c / 100m, currency.MinorUnits) is var a && a > 0m ? a : 1m, currency));
        var percent = Gen.Elements(5m, 10m, 12.5m, 15m, 20m, 33m, 50m, 70m, 100m);
        var filter = DifferentialArbitraries.FilterGen().Select(f => f.ToFilter());
        var flexi =
            from first in Amount(1, 2_000)
            from additional in Gen.Elements(0m, 0.5m, 1m, 25m).Select(a => new Money(Math.Round(a, currency.MinorUnits, MidpointRounding.ToZero), currency))
            from scope in Gen.Elements(UnitScope.EachLine, UnitScope.AcrossLines)
            from limit in Gen.Elements<int?>(null, null, 1, 3)
            let discount = Discount.FirstAndAdditional(first, additional, scope)
            select limit is { } n ? discount.LimitUnits(perOrder: n, selection: UnitSelection.MostExpensive) : discount;
        var groups =
            from size in Gen.Choose(2, 4)
            from scope in Gen.Elements(UnitScope.EachLine, UnitScope.AcrossLines)
            from p in percent
            from amount in Amount(1, 2_000)
            from higher in percent
            from shape in Gen.Choose(0, 2)
            select shape switch
            {
                0 => Discount.PercentOffGroups(size, p, scope),
                1 => Discount.AmountOffGroups(size, amount, scope),
                _ => Discount.QuantityGroups(size, scope, Tier.AmountOffFrom(1, amount), Tier.PercentOffFrom(2, higher)),
            };
        var inners = Gen.OneOf(
            percent.Select(Discount.PercentOffItems),
            Amount(1, 3_000).Select(Discount.AmountOffEachItem),
            Amount(1, 5_000).Select(Discount.AmountOffEachLine),
            from n in Gen.Choose(1, 3) from price in Amount(0, 5_000) select Discount.FixedPrice(n, price),
            from x in Gen.Choose(1, 2)
            from getItems in Gen.Frequency((3, Gen.Constant<ItemFilter?>(null)), (1, filter.Select(f => (ItemFilter?)f)))
            select Discount.BuyXGetY(x, 1, getItems: getItems));
        var withShipping =
            from inner in Gen.OneOf(
                percent.Select(Discount.PercentOffItems),
                Amount(1, 3_000).Select(Discount.AmountOffEachItem),
                from x in Gen.Choose(1, 2) select Discount.BuyXGetY(x, 1),
                percent.Select(Discount.PercentOffOrder),
                Amount(1, 50_000).Select(Discount.AmountOffOrder))
            from shipping in Gen.OneOf(
                Gen.Constant(Discount.FreeShipping),
                percent.Select(Discount.ShippingPercentOff),
                Amount(1, 2_000).Select(Discount.ShippingAmountOff))
            from limited in Gen.Frequency((4, Gen.Constant(false)), (1, Gen.Constant(true)))
            let both = inner.AndShipping(shipping)
            select limited && both.Class == DiscountClass.Item ? both.LimitUnits(perOrder: 3) : both;
        return Gen.OneOf(
            Amount(1, 5_000).Select(Discount.AmountOffEachLine),
            flexi,
            groups,
            Amount(1, 50_000).Select(Discount.AmountOffOrderAndShipping),
            withShipping,
            from sku in Gen.Elements("s1", "s2", "s3", "s4", "s5")
            from quantity in Gen.Choose(1, 2)
            from buy in Gen.Choose(1, 3)
            from p in percent
            from max in Gen.Elements<int?>(null, 1)
            select Discount.GiftWithPurchase(sku, quantity, buy, p, max),
            from low in Gen.Choose(1, 200) from lowPercent in percent from high in Gen.Choose(201, 600) from highAmount in Amount(1, 2_000)
            select Discount.TieredShipping(TierBasis.Subtotal, Tier.PercentOffFrom(low, lowPercent), Tier.AmountOffFrom(high, highAmount)),
            from low in Gen.Choose(1, 4) from p in percent
            select Discount.TieredShipping(TierBasis.Quantity, Tier.PercentOffFrom(low, p)),
            from inner in inners
            from perLine in Gen.Elements<int?>(null, 1, 2, 3)
            from perOrder in Gen.Elements<int?>(null, 3, 4, 7)
            from selection in Gen.Elements(UnitSelection.Cheapest, UnitSelection.MostExpensive)
            select inner.LimitUnits(perLine, perLine is null && perOrder is null ? 3 : perOrder, selection),
            from inner in inners
            from amount in Gen.Frequency((1, Gen.Constant<Money?>(null)), (1, Amount(1, 4_000).Select(m => (Money?)m)))
            from floorPercent in Gen.Elements(10m, 50m, 60m, 99m)
            from limited in Gen.Frequency((3, Gen.Constant(false)), (1, Gen.Constant(true)))
            let floored = amount is { } a ? inner.WithPriceFloor(a) : inner.WithPriceFloorPercent(floorPercent)
            select limited ? floored.LimitUnits(perOrder: 3) : floored);
    }

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

    /// <summary>A promotion of every shared kind (<see cref="DifferentialArbitraries.PromotionGen"/>), with what only the
    /// library's properties cover added: a schedule with zones and weekly windows, look-alike folding, stops,
    /// compounding and classes.</summary>
    private static Gen<(RefPromotion Spec, Promotion Promotion)> PromotionGen(int index, Currency currency) =>
        from spec in DifferentialArbitraries.PromotionGen(index, currency)
        from schedule in Gen.Frequency((3, Gen.Constant<Schedule?>(null)), (1, ScheduleGen.Select(s => (Schedule?)s)))
        from foldLookAlikes in Gen.Elements(false, true)
        from combination in Gen.Frequency((12, Gen.Constant<string?>(null)), (1, Gen.Elements<string?>("stop-items", "stop-all")), (3, Gen.Constant<string?>("compound")), (2, Gen.Elements<string?>("combine-none", "combine-shipping", "combine-items")))
        // The promotion's own currency (now and then another than the cart's) for every amount it holds.
        from priceFilter in Gen.Frequency((8, Gen.Constant<ItemFilter?>(null)), (1, UnitPriceFilterGen(spec.Currency).Select(f => (ItemFilter?)f)))
        from condition in Gen.Frequency((6, Gen.Constant<Restriction?>(null)), (1, CartConditionGen(spec.Currency).Select(r => (Restriction?)r)), (1, OrderHistoryGen.Select(r => (Restriction?)r)))
        from newKind in Gen.Frequency((4, Gen.Constant<Discount?>(null)), (1, NewKindsGen(spec.Currency).Select(d => (Discount?)d)))
        from afterHigherLanes in Gen.Frequency((6, Gen.Constant<Restriction?>(null)), (1, DifferentialArbitraries.PriceGen(spec.Currency).Where(a => a > 0m).Select(a => (Restriction?)Restriction.MinimumSubtotal(new Money(a, spec.Currency), ThresholdBasis.AfterHigherLanes))))
        select (spec, Make(spec, schedule, foldLookAlikes, combination, priceFilter, condition, afterHigherLanes, newKind));

    /// <summary>Unit prices at least, at most, or between amounts, alone or with a category or SKU.</summary>
    private static Gen<ItemFilter> UnitPriceFilterGen(Currency currency) =>
        from low in DifferentialArbitraries.PriceGen(currency)
        from high in DifferentialArbitraries.PriceGen(currency)
        from kind in Gen.Choose(0, 4)
        let money = new Money(Math.Min(low, high), currency)
        let most = new Money(Math.Max(low, high), currency)
        select kind switch
        {
            0 => ItemFilter.UnitPriceAtLeast(money),
            1 => ItemFilter.UnitPriceAtMost(most),
            2 => ItemFilter.UnitPriceBetween(money, most),
            3 => ItemFilter.AllOf(ItemFilter.Categories("c1"), ItemFilter.UnitPriceAtLeast(money)),
            _ => ItemFilter.AnyOf(ItemFilter.Skus("s2"), ItemFilter.UnitPriceAtMost(most)),
        };

    /// <summary>Conditions on other items of the cart: units or an amount of items that pass a filter.</summary>
    private static Gen<Restriction> CartConditionGen(Currency currency) =>
        Gen.OneOf(
            from items in DifferentialArbitraries.FilterGen() from units in Gen.Choose(1, 4) from label in Gen.Elements<string?>(null, "shoes")
            select Restriction.CartHoldsUnits(items.ToFilter(), units, label),
            from items in DifferentialArbitraries.FilterGen() from amount in DifferentialArbitraries.PriceGen(currency).Where(a => a > 0m)
            from basis in Gen.Elements(ThresholdBasis.BeforeDiscounts, ThresholdBasis.AfterHigherLanes)
            select Restriction.CartHoldsAmount(items.ToFilter(), new Money(amount, currency), null, basis));

    /// <summary>Conditions on the customer's order history (the generated customers have 0, 3 or unknown) and on the
    /// shipping method.</summary>
    private static Gen<Restriction> OrderHistoryGen =>
        Gen.OneOf(
            Gen.Choose(1, 5).Select(Restriction.NthOrder),
            Gen.Choose(0, 4).Select(n => Restriction.PreviousOrders(atLeast: n)),
            Gen.Choose(0, 4).Select(n => Restriction.PreviousOrders(atMost: n)),
            Gen.Elements(Restriction.ShippingMethods("standard"), Restriction.ShippingMethods("express", "pickup")));

    private static Promotion Make(RefPromotion spec, Schedule? schedule, bool foldLookAlikes, string? combination, ItemFilter? priceFilter, Restriction? condition, Restriction? afterHigherLanes, Discount? newKind)
    {
        var builder = spec.ToBuilder();
        if (newKind is not null)
        {
            builder.Giving(newKind);
        }

        if (priceFilter is not null)
        {
            builder.ForItems(priceFilter);
        }

        if (condition is not null)
        {
            builder.Require(condition);
        }

        if (afterHigherLanes is not null)
        {
            builder.Require(afterHigherLanes);
        }

        if (schedule is not null)
        {
            builder.WithSchedule(schedule);
        }

        if (spec.Code is { } code && foldLookAlikes)
        {
            builder.WithCode(code, foldLookAlikes: true).IssuedTo(spec.IssuedTo);
        }

        if (spec.Exclusive || spec.Group is not null || spec.Combines != DiscountClasses.All || spec.Stops != StopScope.None)
        {
            return builder.Build();
        }

        if (combination?.StartsWith("combine", StringComparison.Ordinal) == true)
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
            if (newKind is null && spec.Discount is RefPercentOffItems or RefAmountOffEachItem && spec.Cap is null)
            {
                builder.CompoundWithAll();
            }
        }
        else if (combination?.StartsWith("stop", StringComparison.Ordinal) == true)
        {
            builder.StopLowerLanes(combination == "stop-all" ? StopScope.AllLowerLanes : StopScope.ItsItems);
        }

        return builder.Build();
    }

    private static Gen<EvaluationOptions> OptionsGen =>
        from slots in Gen.Frequency((1, Gen.Constant(0)), (3, Gen.Constant(1)), (4, Gen.Constant(2)), (1, Gen.Constant(3)))
        from rounding in Gen.Frequency(
            (4, Gen.Constant(MidpointRounding.AwayFromZero)),
            (1, Gen.Elements(MidpointRounding.ToEven, MidpointRounding.ToZero, MidpointRounding.ToPositiveInfinity, MidpointRounding.ToNegativeInfinity)))
        from selection in Gen.Frequency((3, Gen.Constant(SelectionPolicy.BestForShopper)), (1, Gen.Constant(SelectionPolicy.StrictPriority)))
        from compounding in Gen.Elements(CompoundingMode.Sequential, CompoundingMode.OnOriginalPrice)
        from excludeAutomatic in Gen.Frequency((7, Gen.Constant(false)), (1, Gen.Constant(true)))
        from roundingTarget in Gen.Elements(RoundingTarget.AmountToPay, RoundingTarget.Discount)
        from allocation in Gen.Elements(OrderAllocation.LargestRemainder, OrderAllocation.RemainderToFirstLines, OrderAllocation.RemainderToLastLine, OrderAllocation.CarryForward)
        select new EvaluationOptions
        {
            IncludeUnits = true,
            MaxCodesPerOrder = slots,
            Rounding = rounding,
            Selection = selection,
            Compounding = compounding,
            ExcludeAutomaticPromotions = excludeAutomatic,
            RoundingTarget = roundingTarget,
            OrderAllocation = allocation,
        };

    public static Gen<EvaluationCase> EvaluationCaseGen =>
        from currency in Gen.Frequency((4, Gen.Constant(Currency.Usd)), (1, Gen.Constant(Currency.Jpy)), (1, Gen.Constant(DifferentialArbitraries.Currencies[2])))
        from cart in CartGen(currency)
        from count in Gen.Choose(0, 8)
        from promotions in Gen.CollectToArray(Enumerable.Range(0, count), i => PromotionGen(i, currency))
        let specs = promotions.Select(p => p.Spec).ToArray()
        from codeCount in Gen.Choose(0, 3)
        from codes in Gen.ArrayOf(DifferentialArbitraries.TypedCodeGen(specs), codeCount)
        from hours in Gen.Choose(-24 * 40, 24 * 40)
        from seed in Gen.Choose(0, int.MaxValue)
        from usage in DifferentialArbitraries.UsageGen(specs, currency)
        from options in OptionsGen
        select new EvaluationCase(cart, [.. promotions.Select(p => p.Promotion)], codes, Base.Plus(Duration.FromHours(hours)), seed, options, usage.ToSnapshot());

    public static Arbitrary<EvaluationCase> EvaluationCaseArb() => EvaluationCaseGen.ToArbitrary();

    /// <summary>Up to eight promotions of every kind, with unique ids.</summary>
    public static Arbitrary<Promotion[]> PromotionsArb() =>
        (from count in Gen.Choose(1, 8)
         from currency in Gen.Elements(DifferentialArbitraries.Currencies)
         from promotions in Gen.CollectToArray(Enumerable.Range(0, count), i => PromotionGen(i, currency))
         select promotions.Select(p => p.Promotion).ToArray())
        .ToArbitrary();

    public static T[] Shuffle<T>(IEnumerable<T> items, int seed)
    {
        var array = items.ToArray();
        new Random(seed).Shuffle(array);
        return array;
    }
}
