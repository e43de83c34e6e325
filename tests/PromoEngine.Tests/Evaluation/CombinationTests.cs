using System.Linq;
using Xunit;
using static PromoEngine.Tests.Shop;

namespace PromoEngine.Tests;

/// <summary>Exclusive promotions, groups, and DOMAIN.md's stacking hard cases 1, 2, 16 and 17.</summary>
public sealed class CombinationTests
{
    private static readonly Cart Hundred = Cart(Line("a", 100m));

    private static Promotion[] TenAndFive(decimal exclusivePercent) =>
    [
        Promo("ten", Discount.PercentOffItems(10)).Build(),
        Promo("five", Discount.AmountOffOrder(D(5))).Build(),
        Promo("solo", Discount.PercentOffItems(exclusivePercent)).Exclusive().Build(),
    ];

    [Fact]
    public void Exclusive_SavingLessThanTheOthersTogether_Loses()
    {
        // 10 % then $5 off: 15 saved together; the exclusive 12 % alone saves 12.
        var result = Evaluate(Hundred, TenAndFive(12));

        Assert.Equal(85m, result.Total.Amount);
        var rejection = result.Rejection("solo");
        Assert.Equal(RejectionReason.NotCombinable, rejection.Reason);
        Assert.Equal(D(12m), rejection.AloneAmount);
        Assert.Equal("ten", rejection.Winner?.Value);
    }

    [Fact]
    public void Exclusive_SavingMoreThanTheOthersTogether_AppliesAlone()
    {
        var result = Evaluate(Hundred, TenAndFive(20));

        Assert.Equal(80m, result.Total.Amount);
        Assert.Equal(["solo"], result.Applied.Select(a => a.PromotionId.Value));
        Assert.All(new[] { "ten", "five" }, id =>
        {
            var rejection = result.Rejection(id);
            Assert.Equal(RejectionReason.NotCombinable, rejection.Reason);
            Assert.Equal("solo", rejection.Winner?.Value);
        });
        Assert.Equal(D(10m), result.Rejection("ten").AloneAmount);
    }

    [Fact]
    public void Group_TwoMembers_OnlyTheBetterApplies()
    {
        var promotions = new[]
        {
            Promo("vip10", Discount.PercentOffOrder(10)).InGroup("vip").Build(),
            Promo("vip15", Discount.PercentOffOrder(15)).InGroup("vip").Build(),
            Promo("ship", Discount.FreeShipping).Build(),
        };

        var result = Evaluate(Cart(CustomerProfile.Guest, 5m, Line("a", 100m)), promotions);

        Assert.Equal(["ship", "vip15"], result.Applied.Select(a => a.PromotionId.Value).Order());
        Assert.Equal(85m, result.Total.Amount);
        var rejection = result.Rejection("vip10");
        Assert.Equal(RejectionReason.BetterDealChosen, rejection.Reason);
        Assert.Equal("vip15", rejection.Winner?.Value);
        Assert.Equal(D(10m), rejection.AloneAmount);
    }

    [Fact]
    public void TwoUnrestrictedHalfOffCodes_InOneLane_NeverMakeTheOrderFree()
    {
        // Hard case 16: Amazon warns that two unrestricted 50 % codes give 100 % off.
        var catalog = PromotionCatalog.Create([
            Promo("half1", Discount.PercentOffItems(50)).WithCode("HALF1").Build(),
            Promo("half2", Discount.PercentOffItems(50)).WithCode("HALF2").Build()]);

        var result = new PromotionEvaluator(catalog, new EvaluationOptions { MaxCodesPerOrder = 2 }).Evaluate(Hundred, ["HALF1", "HALF2"], Now);

        Assert.Equal(50m, result.Total.Amount);
        Assert.Equal(RejectionReason.BetterDealChosen, result.Rejection("half2").Reason);
    }

    [Fact]
    public void FortyPercentThenSeventyPercentVoucher_StacksOnWhatIsLeft()
    {
        // Hard case 2 (Saleor #17453): both computed on the undiscounted total made the order free. Here the voucher
        // takes 70 % of what the 40 % left: 100 -> 60 -> 18.
        var promotions = new[]
        {
            Promo("forty", Discount.PercentOffItems(40)).WithPriority(1).Build(),
            Promo("voucher", Discount.PercentOffOrder(70)).Build(),
        };

        var result = Evaluate(Hundred, promotions);

        Assert.Equal(18m, result.Total.Amount);
        Assert.Equal(42m, result.Applied("voucher"));
    }

    [Fact]
    public void EveryClassInEveryLane_EachPromotionAppliesAtMostOnce_AndEvaluationEnds()
    {
        // Hard case 17 (NRules #60): a rule revoking free shipping made an engine loop forever. Evaluation here is
        // a fixed number of passes (one per lane), and nothing re-triggers.
        var promotions = Enumerable.Range(0, 3).SelectMany(lane => new[]
        {
            Promo($"item{lane}", Discount.PercentOffItems(10)).WithPriority(lane).Build(),
            Promo($"order{lane}", Discount.AmountOffOrder(D(3))).WithPriority(lane).Build(),
            Promo($"ship{lane}", Discount.FreeShipping).WithPriority(lane).Require(Restriction.MinimumSubtotal(D(50))).Build(),
        });

        var result = Evaluate(Cart(CustomerProfile.Guest, 6m, Line("a", 40m), Line("b", 25m)), promotions);

        Assert.Equal(result.Applied.Length, result.Applied.Select(a => a.PromotionId).Distinct().Count());
        Assert.Equal(6m, result.ShippingDiscount.Amount);
        Assert.False(result.Total.IsNegative);
    }
}

/// <summary>DOMAIN.md hard case 10: "stop further rules" and its scope.</summary>
public sealed class StopLowerLanesTests
{
    private static readonly Cart Shop2 = Cart(CustomerProfile.Guest, 5m, Line("a", 50m, 1, "A"), Line("b", 50m, 1, "B"));

    private static Promotion StopOnA(StopScope scope) =>
        Promo("a30", Discount.PercentOffItems(30)).ForItems(ItemFilter.Skus("A")).WithPriority(2).StopLowerLanes(scope).Build();

    private static readonly Promotion TenOffAll = Promo("all10", Discount.PercentOffItems(10)).WithPriority(1).Build();
    private static readonly Promotion FreeShipping = Promo("ship", Discount.FreeShipping).WithPriority(1).Build();

    [Fact]
    public void StopOnItsItems_LowerLanesLeaveThoseUnitsAlone_ButNotOtherProducts()
    {
        // Magento #35707: a stop on product A blocked an unrelated rule on product B.
        var result = Evaluate(Shop2, [StopOnA(StopScope.ItsItems), TenOffAll]);

        Assert.Equal(15m, result.Line("a").Discount.Amount);
        Assert.Equal(5m, result.Line("b").Discount.Amount);
        Assert.Equal(["a30"], result.Line("a").Adjustments.Select(x => x.PromotionId.Value));
    }

    [Fact]
    public void StopOnItsItems_DoesNotStopShipping()
    {
        var result = Evaluate(Shop2, [StopOnA(StopScope.ItsItems), FreeShipping]);

        Assert.Equal(5m, result.ShippingDiscount.Amount);
    }

    [Fact]
    public void StopOnItsItems_LowerPromotionOnlyForThoseItems_IsToldWhoStoppedIt()
    {
        var onlyA = Promo("a5", Discount.AmountOffEachItem(D(5))).ForItems(ItemFilter.Skus("A")).WithPriority(1).Build();

        var result = Evaluate(Shop2, [StopOnA(StopScope.ItsItems), onlyA]);

        var rejection = result.Rejection("a5");
        Assert.Equal(RejectionReason.StoppedByHigherLane, rejection.Reason);
        Assert.Equal("a30", rejection.Winner?.Value);
    }

    [Fact]
    public void StopAllLowerLanes_StopsEveryClassIncludingShipping()
    {
        var result = Evaluate(Shop2, [StopOnA(StopScope.AllLowerLanes), TenOffAll, FreeShipping]);

        Assert.Equal(["a30"], result.Applied.Select(a => a.PromotionId.Value));
        Assert.Equal(RejectionReason.StoppedByHigherLane, result.Rejection("all10").Reason);
        Assert.Equal(RejectionReason.StoppedByHigherLane, result.Rejection("ship").Reason);
    }

    [Fact]
    public void Stop_DoesNotAffectItsOwnLane()
    {
        var sameLane = Promo("b10", Discount.PercentOffItems(10)).ForItems(ItemFilter.Skus("B")).WithPriority(2).Build();

        var result = Evaluate(Shop2, [StopOnA(StopScope.AllLowerLanes), sameLane]);

        Assert.Equal(5m, result.Applied("b10"));
    }

    [Fact]
    public void Stop_ThatDoesNotApply_StopsNothing()
    {
        var cartWithoutA = Cart(Line("b", 50m, 1, "B"));

        var result = Evaluate(cartWithoutA, [StopOnA(StopScope.AllLowerLanes), TenOffAll]);

        Assert.Equal(5m, result.Applied("all10"));
    }
}

/// <summary>The classic rule list: the first applicable promotion wins, not the best one.</summary>
public sealed class StrictPriorityTests
{
    private static EvaluationResult Strict(Cart cart, params Promotion[] promotions) =>
        new PromotionEvaluator(PromotionCatalog.Create(promotions), new EvaluationOptions { Selection = SelectionPolicy.StrictPriority })
            .Evaluate(cart, [], Now);

    [Fact]
    public void StrictPriority_FirstPromotionByIdTakesTheUnits_EvenWhenAnotherSavesMore()
    {
        var thirty = Promo("a-thirty", Discount.PercentOffItems(30)).Build();
        var bogo = Promo("b-bogo", Discount.BuyXGetY(1, 1)).Build();

        var strict = Strict(Cart(Line("shirt", 10m, 2)), thirty, bogo);
        var best = Evaluate(Cart(Line("shirt", 10m, 2)), [thirty, bogo]);

        Assert.Equal(6m, strict.TotalDiscount.Amount);
        Assert.Equal("b-bogo", strict.Rejected.Single().PromotionId?.Value);
        Assert.Equal("a-thirty comes first in the rule order for the same items.", strict.Rejected.Single().Message);
        Assert.Equal(10m, best.TotalDiscount.Amount);
    }

    [Fact]
    public void StrictPriority_ExclusiveThatComesFirst_AppliesAloneEvenIfWorse()
    {
        var solo = Promo("solo", Discount.PercentOffItems(5)).Exclusive().WithPriority(9).Build();
        var big = Promo("big", Discount.PercentOffItems(50)).Build();

        var result = Strict(Cart(Line("a", 100m)), solo, big);

        Assert.Equal(["solo"], result.Applied.Select(a => a.PromotionId.Value));
        Assert.Equal(RejectionReason.NotCombinable, result.Rejection("big").Reason);
    }

    [Fact]
    public void StrictPriority_ExclusiveThatDoesNotComeFirst_IsLeftOut_AndGroupsTakeTheirFirstMember()
    {
        var solo = Promo("solo", Discount.PercentOffItems(90)).Exclusive().Build();
        var first = Promo("g-first", Discount.PercentOffOrder(5)).InGroup("g").WithPriority(1).Build();
        var second = Promo("g-second", Discount.PercentOffOrder(20)).InGroup("g").WithPriority(1).Build();

        var result = Strict(Cart(Line("a", 100m)), solo, first, second);

        Assert.Equal(["g-first"], result.Applied.Select(a => a.PromotionId.Value));
        Assert.Equal(RejectionReason.NotCombinable, result.Rejection("solo").Reason);
        Assert.Equal(RejectionReason.BetterDealChosen, result.Rejection("g-second").Reason);
    }
}

/// <summary>Promotions that compound inside a lane (hard case 1: $72 one after the other, $70 on the original).</summary>
public sealed class CompoundingTests
{
    private static readonly Promotion Ten = Promo("ten", Discount.PercentOffItems(10)).CompoundWithAll().Build();
    private static readonly Promotion Twenty = Promo("twenty", Discount.PercentOffItems(20)).CompoundWithAll().Build();

    private static EvaluationResult Run(CompoundingMode mode, Cart cart, params Promotion[] promotions) =>
        new PromotionEvaluator(PromotionCatalog.Create(promotions), new EvaluationOptions { Compounding = mode }).Evaluate(cart, [], Now);

    [Fact]
    public void CompoundingInALane_Sequential_Leaves72()
    {
        var result = Run(CompoundingMode.Sequential, Cart(Line("a", 100m)), Ten, Twenty);

        Assert.Equal(72m, result.Total.Amount);
        Assert.Equal(["ten", "twenty"], result.Line("a").Adjustments.Select(a => a.PromotionId.Value));
    }

    [Fact]
    public void CompoundingInALane_OnOriginalPrice_Leaves70()
    {
        var result = Run(CompoundingMode.OnOriginalPrice, Cart(Line("a", 100m)), Ten, Twenty);

        Assert.Equal(70m, result.Total.Amount);
        Assert.Equal(10m, result.Applied("ten"));
        Assert.Equal(20m, result.Applied("twenty"));
    }

    [Fact]
    public void CompoundingOnOriginalPrice_NeverPastThePrice()
    {
        var sixty = Promo("sixty", Discount.PercentOffItems(60)).CompoundWithAll().Build();
        var seventy = Promo("seventy", Discount.PercentOffItems(70)).CompoundWithAll().Build();

        var result = Run(CompoundingMode.OnOriginalPrice, Cart(Line("a", 100m)), sixty, seventy);

        Assert.Equal(0m, result.Total.Amount);
        Assert.Equal(100m, result.TotalDiscount.Amount);
    }

    [Fact]
    public void NamedCompounding_NeedsBothSidesToAgree()
    {
        var a = Promo("a", Discount.PercentOffItems(10)).CompoundWith("b").Build();
        var b = Promo("b", Discount.PercentOffItems(20)).Build();
        var bBack = Promo("b", Discount.PercentOffItems(20)).CompoundWith("a").Build();

        Assert.Equal(80m, Evaluate(Cart(Line("x", 100m)), [a, b]).Total.Amount);
        Assert.Equal(72m, Evaluate(Cart(Line("x", 100m)), [a, bBack]).Total.Amount);
    }

    [Fact]
    public void CompoundingStack_CompetesWithOtherPromotionsAsOne()
    {
        var bogo = Promo("bogo", Discount.BuyXGetY(1, 1)).Build();

        // Two $10 shirts: the stack saves 2.80 a shirt (5.60), the buy-one-get-one 10: it wins both.
        var result = Evaluate(Cart(Line("shirt", 10m, 2)), [Ten, Twenty, bogo]);

        Assert.Equal(["bogo"], result.Applied.Select(a => a.PromotionId.Value));
        Assert.Equal(RejectionReason.BetterDealChosen, result.Rejection("ten").Reason);
    }

    [Fact]
    public void CompoundingStack_Sequential_TakesPercentagesBeforeAmounts_WhateverTheIds()
    {
        // $5 off then 50 % off a $20 item leaves 7.50; 50 % off then $5 off leaves 5.00. The ids put the amount first.
        var amount = Promo("a-five", Discount.AmountOffEachItem(D(5))).CompoundWithAll().Build();
        var half = Promo("b-half", Discount.PercentOffItems(50)).CompoundWithAll().Build();

        var result = Run(CompoundingMode.Sequential, Cart(Line("x", 20m)), amount, half);

        Assert.Equal(5m, result.Total.Amount);
        Assert.Equal(10m, result.Applied("b-half"));
        Assert.Equal(5m, result.Applied("a-five"));
        Assert.Equal(["b-half", "a-five"], result.Line("x").Adjustments.Select(a => a.PromotionId.Value));
    }

    [Fact]
    public void CompoundingStack_AnAmountAfterAPercentage_TakesWhatTheRoundedPercentageLeft()
    {
        // Found by a long run of the properties: the amount off each shirt was computed on the exact price the
        // percentage left (15.97 less 12.5 %: 13.97375), but the percentage, rounded once over shirts and shoes and
        // spread by largest remainder, left the shirts a cent less in all, and the evaluation failed.
        var percent = Promo("a-percent", Discount.PercentOffItems(12.5m)).CompoundWithAll().Build();
        var amount = Promo("b-amount", Discount.AmountOffEachItem(D(28.74m))).ForItems(ItemFilter.Categories("shirts")).CompoundWithAll().Build();
        var cart = Cart(Line("shoes", 56.42m, 6), Line("shirts", 15.97m, 5, null, "shirts"));

        var result = Run(CompoundingMode.Sequential, cart, percent, amount);

        var shirts = result.Line("shirts");
        Assert.Equal(0m, shirts.Final.Amount);
        Assert.Equal(shirts.Original.Amount - shirts.Adjustments.Single(a => a.PromotionId.Value == "a-percent").Amount.Amount, result.Applied("b-amount"));
    }

    [Fact]
    public void Compounding_IsOnlyForPercentagesAndAmountsOffEachItemWithoutACap()
    {
        var e = Assert.Throws<PromotionDefinitionException>(() => Promo("b", Discount.BuyXGetY(1, 1)).CompoundWithAll().Build());

        Assert.Equal(["compoundsWith: only a percentage or an amount off each item, without a cap, can compound with other promotions."], e.Errors.ToArray());
    }
}

/// <summary>Classes that combine (Shopify's combinations): two promotions apply together only when each combines
/// with the other's class.</summary>
public sealed class ClassCombinationTests
{
    private static readonly Cart Hundred = Cart(CustomerProfile.Guest, 5m, Line("a", 100m));

    [Fact]
    public void OrderDiscountThatDoesNotCombineWithItems_WinsWhenItSavesMore()
    {
        var items = Promo("items10", Discount.PercentOffItems(10)).Build();
        var order = Promo("order20", Discount.PercentOffOrder(20)).CombiningWith(DiscountClasses.Shipping).Build();
        var shipping = Promo("ship", Discount.FreeShipping).Build();

        var result = Evaluate(Hundred, [items, order, shipping]);

        Assert.Equal(["order20", "ship"], result.Applied.Select(a => a.PromotionId.Value).Order());
        var rejection = result.Rejection("items10");
        Assert.Equal(RejectionReason.NotCombinable, rejection.Reason);
        Assert.Equal("order20", rejection.Winner?.Value);
        Assert.Equal(D(10m), rejection.AloneAmount);
        Assert.Equal(80m, result.Total.Amount);
    }

    [Fact]
    public void OrderDiscountThatDoesNotCombineWithItems_LosesWhenTheItemsSaveMore()
    {
        var items = Promo("items50", Discount.PercentOffItems(50)).Build();
        var order = Promo("order20", Discount.PercentOffOrder(20)).CombiningWith(DiscountClasses.None).Build();

        var result = Evaluate(Hundred, [items, order]);

        Assert.Equal(["items50"], result.Applied.Select(a => a.PromotionId.Value));
        Assert.Equal(RejectionReason.NotCombinable, result.Rejection("order20").Reason);
    }

    [Fact]
    public void CombiningIsMutual_OneSideRefusingIsEnough()
    {
        var items = Promo("items10", Discount.PercentOffItems(10)).CombiningWith(DiscountClasses.Item | DiscountClasses.Shipping).Build();
        var order = Promo("order5", Discount.AmountOffOrder(D(5))).Build();

        Assert.False(items.CanCombineWith(order));
        Assert.False(order.CanCombineWith(items));
        Assert.Single(Evaluate(Hundred, [items, order]).Applied);
    }
}

public sealed class StopCostsTheShopperTests
{
    [Fact]
    public void BestForTheShopper_AStopThatWouldCostTheShopper_IsLeftOut()
    {
        // Found by the property "adding a promotion never raises the total": a $1 promotion that stops a 50 % one
        // below it would make the order dearer. The shopper may always go without a promotion.
        var small = Promo("small", Discount.AmountOffOrder(D(1))).WithPriority(2).StopLowerLanes(StopScope.AllLowerLanes).Build();
        var half = Promo("half", Discount.PercentOffItems(50)).Build();

        var best = Evaluate(Cart(Line("a", 100m)), [small, half]);
        var strict = new PromotionEvaluator(PromotionCatalog.Create([small, half]), new EvaluationOptions { Selection = SelectionPolicy.StrictPriority })
            .Evaluate(Cart(Line("a", 100m)), [], Now);

        Assert.Equal(50m, best.Total.Amount);
        Assert.Equal(RejectionReason.BetterDealChosen, best.Rejection("small").Reason);
        Assert.Equal(99m, strict.Total.Amount);
        Assert.Equal(RejectionReason.StoppedByHigherLane, strict.Rejection("half").Reason);
    }
}

/// <summary>Order and shipping promotions of one lane apply one after the other; under "best for the shopper" in the
/// order that saves most, whatever each would save alone.</summary>
public sealed class LaneSequenceTests
{
    private static EvaluationResult Strict(Cart cart, params Promotion[] promotions) =>
        new PromotionEvaluator(PromotionCatalog.Create(promotions), new EvaluationOptions { Selection = SelectionPolicy.StrictPriority })
            .Evaluate(cart, [], Now);

    [Fact]
    public void PercentAndAmountOffTheOrder_PercentFirst_EvenWhenTheAmountSavesMoreAlone()
    {
        // $80: 50 % alone saves 40, $45 alone saves 45. $45 then 50 % leaves 17.50; 50 % then $45 leaves nothing.
        var half = Promo("half", Discount.PercentOffOrder(50)).Build();
        var amount = Promo("amount", Discount.AmountOffOrder(D(45))).Build();

        var result = Evaluate(Cart(Line("a", 80m)), [half, amount]);

        Assert.Equal(0m, result.Total.Amount);
        Assert.Equal(["half", "amount"], result.Applied.Select(a => a.PromotionId.Value));
        Assert.Equal(40m, result.Applied("half"));
        Assert.Equal(40m, result.Applied("amount"));
    }

    [Fact]
    public void AddingAPromotionInAHigherLane_NeverReordersTheLaneBelowAgainstTheShopper()
    {
        // Found by the property "adding a promotion never raises the total" (CI, 2026-11-23). Alone, the lane below
        // takes 50 % then $145.43 off 310.76; the higher promotion left 264.15, where $145.43 alone saves more than
        // 50 %, and taking it first left 59.36 to pay instead of nothing.
        var higher = Promo("higher", Discount.AmountOffOrder(D(46.61m))).WithPriority(1).Build();
        var half = Promo("half", Discount.PercentOffOrder(50)).Build();
        var amount = Promo("amount", Discount.AmountOffOrder(D(145.43m))).Build();
        var cart = Cart(Line("a", 310.76m));

        var without = Evaluate(cart, [half, amount]);
        var with = Evaluate(cart, [higher, half, amount]);

        Assert.Equal(9.95m, without.Total.Amount);
        Assert.Equal(0m, with.Total.Amount);
    }

    [Fact]
    public void OrderPromotionsOnDifferentItems_TakeTheOrderThatSavesMost()
    {
        // 50 % off shoes and $50 off everything, on $60 shoes and a $40 hat. Alone, $50 saves more (50 against 30);
        // taken first it leaves the shoes at 30, so 50 % saves 15: 65 in all. 50 % first saves 30, then 50: 80.
        var shoesHalf = Promo("b-half", Discount.PercentOffOrder(50)).ForItems(ItemFilter.Categories("shoes")).Build();
        var fifty = Promo("a-fifty", Discount.AmountOffOrder(D(50))).Build();
        var cart = Cart(Line("shoes", 60m, 1, null, "shoes"), Line("hat", 40m));

        var result = Evaluate(cart, [shoesHalf, fifty]);

        Assert.Equal(20m, result.Total.Amount);
        Assert.Equal(["b-half", "a-fifty"], result.Applied.Select(a => a.PromotionId.Value));
    }

    [Fact]
    public void ShippingPercentAndAmount_PercentFirst()
    {
        // Shipping 10: $6 off alone saves more than 50 %, but $6 then 50 % leaves 2.00; 50 % then $6 leaves nothing.
        var half = Promo("half", Discount.ShippingPercentOff(50)).Build();
        var six = Promo("six", Discount.ShippingAmountOff(D(6))).Build();

        var result = Evaluate(Cart(CustomerProfile.Guest, 10m, Line("a", 50m)), [half, six]);

        Assert.Equal(10m, result.ShippingDiscount.Amount);
        Assert.Equal(5m, result.Applied("half"));
        Assert.Equal(5m, result.Applied("six"));
    }

    [Fact]
    public void ManyShippingOffers_OneThatTakesEverything_NeedsNoSearch()
    {
        var offers = Enumerable.Range(0, PromotionEvaluator.MaxExactSequence + 2)
            .Select(i => Promo($"ship{i}", i == 0 ? Discount.FreeShipping : Discount.ShippingAmountOff(D(1 + i))).Build());

        var result = Evaluate(Cart(CustomerProfile.Guest, 9.99m, Line("a", 50m)), offers);

        Assert.Equal(9.99m, result.ShippingDiscount.Amount);
        Assert.False(result.UsedGreedyFallback);
    }

    [Fact]
    public void OrderPromotionsOnLinesTheyDoNotShare_AreOrderedApart()
    {
        // Eight categories, a percentage and an amount on each: eight groups of two, no search past the bound.
        var lines = Enumerable.Range(0, 8).Select(i => Line($"l{i}", 80m, 1, null, $"c{i}")).ToArray();
        var promotions = Enumerable.Range(0, 8).SelectMany(i => new[]
        {
            Promo($"half{i}", Discount.PercentOffOrder(50)).ForItems(ItemFilter.Categories($"c{i}")).Build(),
            Promo($"amount{i}", Discount.AmountOffOrder(D(45))).ForItems(ItemFilter.Categories($"c{i}")).Build(),
        });

        var result = Evaluate(Cart(lines), promotions);

        Assert.Equal(0m, result.Total.Amount);
        Assert.False(result.UsedGreedyFallback);
    }

    [Fact]
    public void StrictPriority_KeepsTheIdOrder()
    {
        var half = Promo("b-half", Discount.PercentOffOrder(50)).Build();
        var amount = Promo("a-amount", Discount.AmountOffOrder(D(45))).Build();

        var result = Strict(Cart(Line("a", 80m)), half, amount);

        Assert.Equal(17.5m, result.Total.Amount);
        Assert.Equal(["a-amount", "b-half"], result.Applied.Select(a => a.PromotionId.Value));
    }
}

public sealed class FallbackFlagTests
{
    [Fact]
    public void ACombinationThatLostAfterAShortcut_FlagsTheResult()
    {
        // Found while checking the property "adding a promotion never raises the total": the result said every search
        // was exhaustive, but the combination that lost had been solved greedily. Here the one with the stopper wins
        // (90 % off); the one without it has more competing promotions than are searched exactly.
        var stopper = Promo("stopper", Discount.PercentOffItems(90)).WithPriority(1).StopLowerLanes(StopScope.AllLowerLanes).Build();
        var many = Enumerable.Range(0, LaneSolver.MaxExactCandidates + 1)
            .Select(i => Promo($"p{i:D2}", Discount.PercentOffItems(1 + i)).Build());

        var result = Evaluate(Cart(Line("a", 10m, 3)), [stopper, .. many]);

        Assert.Equal(["stopper"], result.Applied.Select(a => a.PromotionId.Value));
        Assert.True(result.UsedGreedyFallback);
    }
}

/// <summary>Under "best for the shopper", a promotion that would make the shopper pay more through the lanes below it
/// is left out.</summary>
public sealed partial class LeaveOutTests
{
    private static readonly Promotion TenOffHats = Promo("ten-hats", Discount.PercentOffItems(10)).ForItems(ItemFilter.Skus("hat")).WithPriority(2).Build();
    private static readonly Promotion TwoForHundred = Promo("two-for-100", Discount.FixedPrice(2, D(100))).WithPriority(1).Build();
    private static readonly Promotion HalfOffHats = Promo("half-hats", Discount.PercentOffOrder(50)).ForItems(ItemFilter.Skus("hat")).Build();
    private static readonly Cart ShirtAndHat = Cart(Line("shirt", 100m, 1, "shirt"), Line("hat", 100m, 1, "hat"));

    [Fact]
    public void APromotionThatMovesTheSetPriceOntoOtherItems_IsLeftOut()
    {
        // With the 10 %, the hat is 90 when "2 for $100" is spread: the shirt takes 52.63, the hat 47.37, and 50 % off
        // the hat leaves 76.32 in all. Without it: 50 and 50, the hat ends at 25, 75 in all.
        var without = Evaluate(ShirtAndHat, [TwoForHundred, HalfOffHats]);
        var with = Evaluate(ShirtAndHat, [TenOffHats, TwoForHundred, HalfOffHats]);

        Assert.Equal(75m, without.Total.Amount);
        Assert.Equal(without.Total, with.Total);
        Assert.Equal(["two-for-100", "half-hats"], with.Applied.Select(a => a.PromotionId.Value));
        var rejection = with.Rejection("ten-hats");
        Assert.Equal(RejectionReason.BetterDealChosen, rejection.Reason);
        Assert.Equal(10m, rejection.AloneAmount!.Value.Amount);
        Assert.False(with.UsedGreedyFallback);
    }

    [Fact]
    public void TwoPromotionsThatOnlyTogetherKeepALowerLaneUnderItsThreshold_AreLeftOutTogether()
    {
        // Higher lane: 6 % off the shirt and 6 % off the hat, 3.06 each. Lower lane: $50 off an order of at least $100
        // after higher lanes. With both: 95.88 and no $50. Without either one alone: 98.94, still under $100. Without
        // both: 102, so the $50 applies and 52 is left. Only leaving out the two at once finds it.
        var cart = Cart(Line("shirt", 51m, 1, "shirt"), Line("hat", 51m, 1, "hat"));
        var shirts = Promo("six-shirts", Discount.PercentOffItems(6)).ForItems(ItemFilter.Skus("shirt")).WithPriority(2).Build();
        var hats = Promo("six-hats", Discount.PercentOffItems(6)).ForItems(ItemFilter.Skus("hat")).WithPriority(2).Build();
        var fifty = Promo("fifty", Discount.AmountOffOrder(D(50))).Require(Restriction.MinimumSubtotal(D(100), ThresholdBasis.AfterHigherLanes)).Build();

        var result = Evaluate(cart, [shirts, hats, fifty]);

        Assert.Equal(52m, result.Total.Amount);
        Assert.Equal(["fifty"], result.Applied.Select(a => a.PromotionId.Value));
        Assert.Equal(RejectionReason.BetterDealChosen, result.Rejection("six-shirts").Reason);
        Assert.Equal(RejectionReason.BetterDealChosen, result.Rejection("six-hats").Reason);
        Assert.False(result.UsedGreedyFallback);
    }

    [Fact]
    public void ABuyOneGetOneSavingOnlyOnItemsThatAreFreeAnyway_IsLeftOut()
    {
        // Found by the property "adding a promotion never raises the total". One lane: the buy-one-get-one saves more
        // on the items (10 against 3), but its free sock would be free anyway: 100 % off socks comes after the items.
        // Without it, 10 % takes 2 off the hat, and the order is 18; with it, 20.
        var cart = Cart(Line("hat", 20m, 1, "hat", "c1"), Line("sock", 10m, 1, "sock", "c1"));
        var freeSocks = Promo("free-socks", Discount.PercentOffOrder(100)).ForItems(ItemFilter.Skus("sock")).Build();
        var ten = Promo("ten", Discount.PercentOffItems(10)).ForItems(ItemFilter.Categories("c1")).Build();
        var bogo = Promo("bogo", Discount.BuyXGetY(1, 1)).ForItems(ItemFilter.Categories("c1")).Build();

        var without = Evaluate(cart, [freeSocks, ten]);
        var with = Evaluate(cart, [freeSocks, ten, bogo]);

        Assert.Equal(18m, without.Total.Amount);
        Assert.Equal(18m, with.Total.Amount);
        Assert.Equal(RejectionReason.BetterDealChosen, with.Rejection("bogo").Reason);
    }

    [Fact]
    public void ABuyThreeGetOneGivenUnitsOnWhichItSavesNothing_GivesThemBack_AndTheSetPriceApplies()
    {
        // Found by a long run of the property "adding a promotion never raises the total", and first pinned at 512.98
        // (the set price and the buy-3-get-1 both left out). That was the lane's tie rule at work: the capped $29.16 off
        // each item saves as much without some of the $89.53 items, so the first best assignment (most units to the
        // smallest id) gave them to the buy-3-get-1, which had nothing to get and held them for nothing; the set price
        // then cost the shopper. README: a share that rounds to nothing gives its units back, so they go to the
        // $29.16, the set price saves 10.83 beside it, and the order is what it is without the buy-3-get-1: 506.34.
        var cart = Cart(CustomerProfile.Registered("c1"), 0m,
            new CartLine("L0", "s5", D(89.53m), 6, ["c2", "c3"]),
            new CartLine("L1", "s1", D(4.39m), 4, ["c1"]),
            new CartLine("L2", "s1", D(68.32m), 1, ["c3"]));
        var notC1 = ItemFilter.Not(ItemFilter.Categories("c1"));
        var buy3Get1 = Promo("buy3get1", Discount.BuyXGetY(3, 1, 10m, null, UnitSelection.MostExpensive, 2)).ForItems(notC1).WithPriority(1).Build();
        var setPrice = Promo("set", Discount.FixedPrice(3, D(6.76m))).ForItems(ItemFilter.Categories("c2")).WithMaxDiscount(D(10.83m)).WithPriority(1).Build();
        var eachItem = Promo("each", Discount.AmountOffEachItem(D(29.16m))).WithMaxDiscount(D(30.67m)).WithPriority(1).Build();
        var order = Promo("order", Discount.AmountOffOrder(D(410.77m))).ForItems(ItemFilter.Not(ItemFilter.Categories("c2"))).Build();

        var result = Evaluate(cart, [buy3Get1, setPrice, eachItem, order]);
        var without = Evaluate(cart, [setPrice, eachItem, order]);

        Assert.Equal(506.34m, result.Total.Amount);
        Assert.Equal(without.Total, result.Total);
        Assert.Equal(["each", "set", "order"], result.Applied.Select(a => a.PromotionId.Value));
        Assert.Equal(RejectionReason.BetterDealChosen, result.Rejection("buy3get1").Reason);
    }

    [Fact]
    public void StrictPriority_KeepsEveryPromotion()
    {
        var result = new PromotionEvaluator(PromotionCatalog.Create([TenOffHats, TwoForHundred, HalfOffHats]), new EvaluationOptions { Selection = SelectionPolicy.StrictPriority })
            .Evaluate(ShirtAndHat, [], Now);

        Assert.Equal(76.32m, result.Total.Amount);
    }

    [Fact]
    public void WithoutAPromotionThatMovesValue_NothingIsLeftOut()
    {
        // 10 % off hats, then 50 % off hats: nothing in between moves value, so both apply.
        var result = Evaluate(ShirtAndHat, [TenOffHats, HalfOffHats]);

        Assert.Equal(145m, result.Total.Amount);
        Assert.Empty(result.Rejected);
    }
}
