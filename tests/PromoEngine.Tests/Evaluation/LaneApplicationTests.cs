using System.Linq;
using Xunit;
using static PromoEngine.Tests.Shop;

namespace PromoEngine.Tests;

/// <summary>How a lane applies what it chose (PromotionEvaluator.Apply.cs): the amounts on units, stops, stacks and
/// shipping parts, with numbers checked by hand.</summary>
public sealed class LaneApplicationTests
{
    [Fact]
    public void Evaluate_StopperWhoseRoundedAmountMissesSomeUnits_StopsOnlyTheUnitsItDiscounted()
    {
        // 50% off three 0.01 units is 0.01, on one unit: the stop holds that unit only, and the lower 50% takes 0.01 off
        // the other two (0.01 exact, the price left 0.01).
        var stopper = Promo("half", Discount.PercentOffItems(50)).WithPriority(10).StopLowerLanes().Build();
        var lower = Promo("lower", Discount.PercentOffItems(50)).Build();

        var result = Evaluate(Cart(Line("a", 0.01m, 3)), [stopper, lower]);

        Assert.Equal((0.01m, 0.01m, 0.01m), (result.Applied("half"), result.Applied("lower"), result.Total.Amount));
        var units = result.Line("a").Units;
        Assert.Equal(["-", "half", "lower"], units.Select(u => u.Adjustments.SingleOrDefault()?.PromotionId.Value ?? "-").Order());
        Assert.All(units.SelectMany(u => u.Adjustments), a => Assert.Equal(0.01m, a.Amount.Amount));
    }

    [Fact]
    public void Evaluate_OrderPercentageBelowAStopOnSomeUnits_TakesNothingOffTheStoppedUnits()
    {
        // 50 % off one of three 10.00 units stops that unit; 10 % off the order below takes 1.00 off each of the two
        // others (and, on another line, off its one unit), nothing off the stopped one.
        var stopper = Promo("half", Discount.PercentOffItems(50).LimitUnits(perOrder: 1)).ForItems(ItemFilter.Skus("a"))
            .WithPriority(10).StopLowerLanes().Build();
        var order = Promo("order", Discount.PercentOffOrder(10)).Build();

        var result = Evaluate(Cart(Line("a", 10m, 3, "a"), Line("b", 10m, 1, "b")), [stopper, order]);

        Assert.Equal((5.00m, 3.00m, 32.00m), (result.Applied("half"), result.Applied("order"), result.Total.Amount));
        var units = result.Line("a").Units;
        Assert.Equal(["half", "order", "order"], units.Select(u => u.Adjustments.Single().PromotionId.Value).Order());
        Assert.All(units.SelectMany(u => u.Adjustments).Where(a => a.PromotionId.Value == "order"), a => Assert.Equal(1.00m, a.Amount.Amount));
    }

    [Fact]
    public void Evaluate_ShippingPartUnderAHardBudget_IsClampedByTheBudget()
    {
        // 15.00 left of the budget: the items part takes 10.00 (20% of 50.00), the shipping part the 5.00 left.
        var both = Promo("both", Discount.PercentOffItems(20).AndShipping(Discount.FreeShipping))
            .WithLimits(new UsageLimits(budget: D(100m))).Build();
        var evaluator = new PromotionEvaluator(PromotionCatalog.Create([both]));

        var result = evaluator.Evaluate(Cart(CustomerProfile.Guest, 10m, Line("a", 50m)), [], Now, UsageSnapshot.Empty.WithPromotionSpent(new PromotionId("both"), D(85m)));

        var item = result.Applied.Single(a => a.Class == DiscountClass.Item);
        var shipping = result.Applied.Single(a => a.Class == DiscountClass.Shipping);
        Assert.Equal((D(10m), ClampedBy.None), (item.Amount, item.ClampedBy));
        Assert.Equal((D(5m), D(10m), ClampedBy.Budget), (shipping.Amount, shipping.NominalAmount, shipping.ClampedBy));
        Assert.Equal(D(45m), result.Total);
    }

    [Fact]
    public void Evaluate_TwoPromotionsOfALaneStopAllLowerLanes_TheFirstAppliedIsNamed()
    {
        // The shirt promotion saves more, so it applies first; both stop every lower lane.
        var shirts = Promo("s1", Discount.PercentOffItems(50)).ForItems(ItemFilter.Categories("shirts")).WithPriority(10).StopLowerLanes(StopScope.AllLowerLanes).Build();
        var hats = Promo("s2", Discount.PercentOffItems(50)).ForItems(ItemFilter.Categories("hats")).WithPriority(10).StopLowerLanes(StopScope.AllLowerLanes).Build();

        var result = Evaluate(Cart(Line("hat", 10m, 1, null, "hats"), Line("shirt", 20m, 1, null, "shirts")), [hats, shirts, Promo("later", Discount.PercentOffItems(10)).Build()]);

        Assert.Equal((10.00m, 5.00m), (result.Applied("s1"), result.Applied("s2")));
        var rejection = result.Rejection("later");
        Assert.Equal((RejectionReason.StoppedByHigherLane, new PromotionId("s1")), (rejection.Reason, rejection.Winner));
        Assert.Equal("s1 applied and stops every promotion after it.", rejection.Message);
    }

    [Fact]
    public void Evaluate_TwoCompoundingStoppersOnTheSameItems_TheFirstOfTheStackIsNamed()
    {
        var ten = Promo("ten", Discount.PercentOffItems(10)).CompoundWithAll().WithPriority(10).StopLowerLanes().Build();
        var twenty = Promo("twenty", Discount.PercentOffItems(20)).CompoundWithAll().WithPriority(10).StopLowerLanes().Build();

        var result = Evaluate(Cart(Line("a", 100m)), [twenty, ten, Promo("later", Discount.PercentOffItems(5)).Build()]);

        Assert.Equal((10.00m, 18.00m, 72.00m), (result.Applied("ten"), result.Applied("twenty"), result.Total.Amount));
        var rejection = result.Rejection("later");
        Assert.Equal((RejectionReason.StoppedByHigherLane, new PromotionId("ten")), (rejection.Reason, rejection.Winner));
        Assert.Equal("ten applied to the same items and stops the promotions after it.", rejection.Message);
    }

    [Fact]
    public void Evaluate_ShippingPromotionThatStopsAllLowerLanes_StopsTheItemPromotionsBelow()
    {
        var ship = Promo("ship", Discount.FreeShipping).WithPriority(10).StopLowerLanes(StopScope.AllLowerLanes).Build();

        var result = Evaluate(Cart(CustomerProfile.Guest, 8m, Line("a", 100m)), [ship, Promo("later", Discount.PercentOffItems(5)).Build()]);

        Assert.Equal(8.00m, result.Applied("ship"));
        var rejection = result.Rejection("later");
        Assert.Equal((RejectionReason.StoppedByHigherLane, new PromotionId("ship")), (rejection.Reason, rejection.Winner));
        Assert.Equal(100.00m, result.Total.Amount);
    }

    [Fact]
    public void Evaluate_ShippingPartWhoseTierIsNotReached_TheItemsPartAppliesWithoutRejectionOrHint()
    {
        var both = Promo("both", Discount.PercentOffItems(10).AndShipping(Discount.TieredShipping(TierBasis.Subtotal, Tier.PercentOffFrom(100, 100)))).Build();

        var result = Evaluate(Cart(CustomerProfile.Guest, 8m, Line("a", 50m)), both);

        var applied = Assert.Single(result.Applied);
        Assert.Equal((DiscountClass.Item, D(5m)), (applied.Class, applied.Amount));
        Assert.Empty(result.Rejected);
        Assert.Empty(result.Hints);
        Assert.Equal(53.00m, result.Total.Amount);
    }

    [Fact]
    public void Evaluate_ShippingPartOnShippingAHigherLaneMadeFree_TheItemsPartAppliesWithoutRejection()
    {
        var free = Promo("free", Discount.FreeShipping).WithPriority(10).Build();
        var both = Promo("both", Discount.PercentOffItems(10).AndShipping(Discount.FreeShipping)).Build();

        var result = Evaluate(Cart(CustomerProfile.Guest, 8m, Line("a", 50m)), [free, both]);

        Assert.Equal((8.00m, 5.00m), (result.Applied("free"), result.Applied("both")));
        Assert.Equal(DiscountClass.Item, result.Applied.Single(a => a.PromotionId.Value == "both").Class);
        Assert.Empty(result.Rejected);
        Assert.Equal(45.00m, result.Total.Amount);
    }

    [Fact]
    public void Evaluate_TwoLanesThatBothFallBackToGreedy_SayTheFallbackWasUsed()
    {
        // More promotions compete in each lane than the exact search takes: both lanes fall back, and the flag stays set.
        var promotions = Enumerable.Range(0, LaneSolver.MaxExactCandidates + 1)
            .SelectMany(i => new[]
            {
                Promo($"a{i:D2}", Discount.PercentOffItems(10 + i)).WithPriority(10).Build(),
                Promo($"b{i:D2}", Discount.PercentOffItems(10 + i)).Build(),
            });

        var result = Evaluate(Cart(Line("a", 10m, 3)), promotions);

        Assert.True(result.UsedGreedyFallback);
    }

    [Fact]
    public void Evaluate_PromotionOnItemsTwoStoppersHeld_NamesTheStopperOfTheFirstLine()
    {
        var shirts = Promo("s1", Discount.PercentOffItems(50)).ForItems(ItemFilter.Categories("shirts")).WithPriority(10).StopLowerLanes().Build();
        var hats = Promo("s2", Discount.PercentOffItems(50)).ForItems(ItemFilter.Categories("hats")).WithPriority(10).StopLowerLanes().Build();

        var result = Evaluate(Cart(Line("hat", 10m, 1, null, "hats"), Line("shirt", 20m, 1, null, "shirts")), [shirts, hats, Promo("later", Discount.PercentOffItems(5)).Build()]);

        var rejection = result.Rejection("later");
        Assert.Equal((RejectionReason.StoppedByHigherLane, new PromotionId("s2")), (rejection.Reason, rejection.Winner));
    }

    [Fact]
    public void Evaluate_TwoLosersToOnePercentage_EachIsToldWhatItWouldHaveSavedBeforeTheWinnerApplied()
    {
        var result = Evaluate(Cart(Line("a", 10m)), [Promo("p10", Discount.PercentOffItems(10)).Build(), Promo("p15", Discount.PercentOffItems(15)).Build(), Promo("p20", Discount.PercentOffItems(20)).Build()]);

        Assert.Equal(2.00m, result.Applied("p20"));
        Assert.Equal((new PromotionId("p20"), D(1.00m)), (result.Rejection("p10").Winner, result.Rejection("p10").AloneAmount));
        Assert.Equal((new PromotionId("p20"), D(1.50m)), (result.Rejection("p15").Winner, result.Rejection("p15").AloneAmount));
    }

    [Fact]
    public void Evaluate_StackMemberThatAddsLessThanACent_IsRejectedAndTheOtherApplies()
    {
        // 99% then 1% of the 0.01 left: 0.0001, which rounds to nothing; the 1% is judged on what its units have left.
        var big = Promo("big", Discount.PercentOffItems(99)).CompoundWithAll().Build();
        var tiny = Promo("tiny", Discount.PercentOffItems(1)).CompoundWithAll().Build();

        var result = Evaluate(Cart(Line("a", 1m)), [big, tiny]);

        var applied = Assert.Single(result.Applied);
        Assert.Equal(("big", D(0.99m)), (applied.PromotionId.Value, applied.Amount));
        var rejection = result.Rejection("tiny");
        Assert.Equal((RejectionReason.BetterDealChosen, new PromotionId("big"), D(0.0001m)), (rejection.Reason, rejection.Winner, rejection.AloneAmount));
        Assert.Equal(0.01m, result.Total.Amount);
    }

    [Fact]
    public void Evaluate_LoserToACompoundingStack_IsToldTheFirstMemberOnItsUnits()
    {
        var ten = Promo("ten", Discount.PercentOffItems(10)).CompoundWithAll().Build();
        var twenty = Promo("twenty", Discount.PercentOffItems(20)).CompoundWithAll().Build();

        var result = Evaluate(Cart(Line("a", 100m)), [twenty, ten, Promo("p25", Discount.PercentOffItems(25)).Build()]);

        Assert.Equal((10.00m, 18.00m), (result.Applied("ten"), result.Applied("twenty")));
        var rejection = Assert.Single(result.Rejected);
        Assert.Equal((RejectionReason.BetterDealChosen, new PromotionId("ten"), D(25m)), (rejection.Reason, rejection.Winner, rejection.AloneAmount));
    }

    [Fact]
    public void Evaluate_TwoShippingPartsWithoutAShippingCharge_NeitherIsRejected()
    {
        var shirts = Promo("a", Discount.PercentOffItems(10).AndShipping(Discount.FreeShipping)).ForItems(ItemFilter.Categories("shirts")).Build();
        var hats = Promo("b", Discount.PercentOffItems(10).AndShipping(Discount.FreeShipping)).ForItems(ItemFilter.Categories("hats")).Build();

        var result = Evaluate(Cart(Line("hat", 10m, 1, null, "hats"), Line("shirt", 20m, 1, null, "shirts")), [shirts, hats]);

        Assert.Equal((2.00m, 1.00m), (result.Applied("a"), result.Applied("b")));
        Assert.Empty(result.Rejected);
    }

    [Fact]
    public void Evaluate_TwoShippingPartsOnItemsFreeAlready_BothApplyAndOnlyThePlainPromotionIsRejected()
    {
        var free = Promo("free", Discount.PercentOffItems(100)).WithPriority(10).Build();
        Promotion[] lane =
        [
            Promo("a", Discount.PercentOffItems(10)).Build(),
            Promo("b", Discount.PercentOffItems(10).AndShipping(Discount.ShippingPercentOff(50))).Build(),
            Promo("c", Discount.PercentOffItems(10).AndShipping(Discount.ShippingAmountOff(D(2m)))).Build(),
        ];

        var result = Evaluate(Cart(CustomerProfile.Guest, 8m, Line("x", 50m)), [free, .. lane]);

        Assert.Equal((50.00m, 4.00m, 2.00m, 2.00m), (result.Applied("free"), result.Applied("b"), result.Applied("c"), result.Total.Amount));
        var rejection = Assert.Single(result.Rejected);
        Assert.Equal(("a", RejectionReason.NothingToDiscount), (rejection.PromotionId?.Value, rejection.Reason));
    }

    [Fact]
    public void Evaluate_ItemAndShippingStoppersInOneLane_TheItemStopStillHolds()
    {
        var items = Promo("items", Discount.PercentOffItems(50)).WithPriority(10).StopLowerLanes().Build();
        var ship = Promo("ship", Discount.FreeShipping).WithPriority(10).StopLowerLanes().Build();

        var result = Evaluate(Cart(CustomerProfile.Guest, 8m, Line("a", 100m)), [items, ship, Promo("later", Discount.PercentOffItems(10)).Build()]);

        Assert.Equal((50.00m, 8.00m), (result.Applied("items"), result.Applied("ship")));
        Assert.Equal((RejectionReason.StoppedByHigherLane, new PromotionId("items")), (result.Rejection("later").Reason, result.Rejection("later").Winner));
    }

    [Fact]
    public void Evaluate_OrderStopperAfterAnItemStopperOfItsLane_StopsItsOwnItemsUnderItsName()
    {
        var shirts = Promo("a", Discount.PercentOffItems(50)).ForItems(ItemFilter.Categories("shirts")).WithPriority(10).StopLowerLanes().Build();
        var order = Promo("o", Discount.PercentOffOrder(10)).ForItems(ItemFilter.Categories("hats")).WithPriority(10).StopLowerLanes().Build();
        var hats = Promo("later", Discount.PercentOffItems(5)).ForItems(ItemFilter.Categories("hats")).Build();

        var result = Evaluate(Cart(Line("hat", 10m, 1, null, "hats"), Line("shirt", 20m, 1, null, "shirts")), [shirts, order, hats]);

        Assert.Equal((10.00m, 1.00m), (result.Applied("a"), result.Applied("o")));
        Assert.Equal((RejectionReason.StoppedByHigherLane, new PromotionId("o")), (result.Rejection("later").Reason, result.Rejection("later").Winner));
    }

    [Fact]
    public void Evaluate_CompoundingOnTheOriginalPrice_TheMemberCutShortSaysSo()
    {
        // 70% and 60% of 100.00 on two units, each on the original price, "seventy" first by id: the 60% wants 120.00
        // and takes the 60.00 left.
        var sixty = Promo("sixty", Discount.PercentOffItems(60)).CompoundWithAll().Build();
        var seventy = Promo("seventy", Discount.PercentOffItems(70)).CompoundWithAll().Build();
        var evaluator = new PromotionEvaluator(PromotionCatalog.Create([sixty, seventy]), new EvaluationOptions { Compounding = CompoundingMode.OnOriginalPrice });

        var result = evaluator.Evaluate(Cart(Line("a", 100m, 2)), [], Now);

        var cut = result.Applied.Single(a => a.PromotionId.Value == "sixty");
        Assert.Equal((D(60m), D(120m), ClampedBy.Price), (cut.Amount, cut.NominalAmount, cut.ClampedBy));
        Assert.Equal(140.00m, result.Applied("seventy"));
    }

    [Fact]
    public void Evaluate_TwoSeparateCompoundingPairsInOneLane_EachPairStacksOnItsOwnItems()
    {
        // a and b name each other, c and d name each other: two stacks in one lane, neither reaching the other.
        var a = Promo("a", Discount.PercentOffItems(10)).ForItems(ItemFilter.Skus("x")).CompoundWith("b").Build();
        var b = Promo("b", Discount.PercentOffItems(20)).ForItems(ItemFilter.Skus("x")).CompoundWith("a").Build();
        var c = Promo("c", Discount.PercentOffItems(30)).ForItems(ItemFilter.Skus("y")).CompoundWith("d").Build();
        var d = Promo("d", Discount.PercentOffItems(40)).ForItems(ItemFilter.Skus("y")).CompoundWith("c").Build();

        var result = Evaluate(Cart(Line("x", 100m), Line("y", 100m)), [a, b, c, d]);

        // Sequential: 10 then 20 % of the 90 left; 30 then 40 % of the 70 left.
        Assert.Equal((10.00m, 18.00m, 30.00m, 28.00m), (result.Applied("a"), result.Applied("b"), result.Applied("c"), result.Applied("d")));
        Assert.Empty(result.Rejected);
    }

    [Fact]
    public void Evaluate_ThreePromotionsThatAllCompound_StackOnceEach()
    {
        var ten = Promo("ten", Discount.PercentOffItems(10)).CompoundWithAll().Build();
        var twenty = Promo("twenty", Discount.PercentOffItems(20)).CompoundWithAll().Build();
        var fifty = Promo("fifty", Discount.PercentOffItems(50)).CompoundWithAll().Build();

        var result = Evaluate(Cart(Line("a", 100m)), [twenty, fifty, ten]);

        // Percentages by id: 50 % (fifty), then 10 % of the 50 left (ten), then 20 % of the 45 left (twenty).
        Assert.Equal((50.00m, 5.00m, 9.00m), (result.Applied("fifty"), result.Applied("ten"), result.Applied("twenty")));
        Assert.Equal(36.00m, result.Total.Amount);
    }

    [Fact]
    public void Evaluate_SeventeenStoppersOfALaneSixteenOfWhichSaveAlike_TheSmallestIdOfThemAppliesFirstAndIsNamed()
    {
        // Seventeen winners (past the 16 that List.Sort orders by insertion), s00 saving 1.00 and the others 5.00 each:
        // larger saving first, ties by id, so s01 applies first and is the one named to the lower lane.
        var stoppers = Enumerable.Range(0, 17)
            .Select(i => Promo($"s{i:00}", Discount.PercentOffItems(i == 0 ? 10 : 50)).ForItems(ItemFilter.Skus($"k{i:00}")).WithPriority(10).StopLowerLanes(StopScope.AllLowerLanes).Build())
            .Reverse();
        var lines = Enumerable.Range(0, 17).Select(i => Line($"l{i:00}", 10m, 1, $"k{i:00}")).ToArray();

        var result = Evaluate(Cart(lines), [.. stoppers, Promo("later", Discount.PercentOffItems(10)).Build()]);

        Assert.Equal(17, result.Applied.Length);
        var rejection = result.Rejection("later");
        Assert.Equal((RejectionReason.StoppedByHigherLane, new PromotionId("s01")), (rejection.Reason, rejection.Winner));
    }

    [Fact]
    public void Evaluate_AStackThatTiesWithAPromotion_TheTieGoesByTheStacksOwnId()
    {
        // 10 % then 10 % of what is left saves 19.00, as the rival's 19 % does: a tie, which goes to the smaller id. The
        // stack's id is "~a+b", after every letter, so "c" wins.
        var a = Promo("a", Discount.PercentOffItems(10)).CompoundWithAll().Build();
        var b = Promo("b", Discount.PercentOffItems(10)).CompoundWithAll().Build();

        var result = Evaluate(Cart(Line("x", 100m)), [a, b, Promo("c", Discount.PercentOffItems(19)).Build()]);

        Assert.Equal([("c", 19.00m)], result.Applied.Select(x => (x.PromotionId.Value, x.Amount.Amount)));
    }

    [Fact]
    public void Evaluate_AStackThatTiesWithAPromotionWhoseIdSortsAfterTheStacks_WinsTheTie()
    {
        // The stack of a and b is "~a+b" (members by id, joined by "+"): before "~aa", so the stack wins the tie.
        var a = Promo("a", Discount.PercentOffItems(10)).CompoundWithAll().Build();
        var b = Promo("b", Discount.PercentOffItems(10)).CompoundWithAll().Build();

        var result = Evaluate(Cart(Line("x", 100m)), [b, a, Promo("~aa", Discount.PercentOffItems(19)).Build()]);

        Assert.Equal([("a", 10.00m), ("b", 9.00m)], result.Applied.Select(x => (x.PromotionId.Value, x.Amount.Amount)));
    }

    [Fact]
    public void Evaluate_AStackWhoseSharesAreOddCents_TheFirstLinesTakeThem()
    {
        // 50 % of three lines of a unit at 0.01: 0.015 off, 0.015 left to pay, rounded to 0.02: a takes 0.01, and the
        // tie between the units goes to the first in the cart's order. b then takes 0.005 on each of the other two: 0.01
        // again, on the first of them.
        var a = Promo("a", Discount.PercentOffItems(50)).CompoundWithAll().Build();
        var b = Promo("b", Discount.PercentOffItems(50)).CompoundWithAll().Build();

        var result = Evaluate(Cart(Line("x", 0.01m), Line("y", 0.01m), Line("z", 0.01m)), [a, b]);

        Assert.Equal(["a", "b", ""], result.Lines.Select(l => string.Join(",", l.Units.Single().Adjustments.Select(x => x.PromotionId.Value))));
    }

    [Fact]
    public void Evaluate_ASetPriceWhoseSharesRecur_TheLeftoverCentsGoByTheRuleNotByRoundingNoise()
    {
        // Two sets of "3 for 28.84" take 33.01 off 90.69; each unit's exact share recurs (28 digits). Weighed at 12
        // places, the units of a line weigh alike, and the cent left over goes to the first of the 15.41 units with
        // the largest remainder; weighed at 28 digits, a line's run and its units could differ in the last digit.
        var result = Evaluate(Cart(Line("x0", 14.82m, 3), Line("x1", 15.41m, 3)), Promo("p0", Discount.FixedPrice(3, D(28.84m))).Build());

        Assert.Equal([5.21m, 5.21m, 5.21m], result.Line("x0").Units.Select(u => u.Adjustments.Single().Amount.Amount));
        Assert.Equal([5.80m, 5.79m, 5.79m], result.Line("x1").Units.Select(u => u.Adjustments.Single().Amount.Amount));
        Assert.Equal(33.01m, result.Applied("p0"));
    }
}
