using System.Linq;
using Xunit;
using static PromoEngine.Tests.Shop;

namespace PromoEngine.Tests;

/// <summary>Which promotions are suspects (see <c>LeaveOut</c>'s remarks), each rule on a cart where only that rule
/// finds the promotion to leave out; and promotions no rule makes suspect, on carts where one more suspect than four
/// would make the search give up (<see cref="EvaluationResult.UsedGreedyFallback"/>).</summary>
public sealed partial class LeaveOutTests
{
    private static readonly Cart HatAndSock = Cart(Line("hat", 100m, 1, "hat"), Line("sock", 100m, 1, "sock"));
    private static readonly Promotion SixtyOffSocks = Promo("sixty-socks", Discount.PercentOffItems(60)).ForItems(ItemFilter.Skus("sock")).Build();
    private static readonly Promotion TwoFor150 = Promo("two-for-150", Discount.FixedPrice(2, D(150))).ForItems(ItemFilter.Skus("hat", "sock")).Build();

    private static Promotion AtPriority(Promotion p, int priority) =>
        Promotion.Create(p.Id.Value, p.Name).Giving(p.Discount).ForItems(p.QualifyingItems).WithPriority(priority).Build();

    [Fact]
    public void Rivalry_APercentageThatTakesTheSetPricesUnit_IsLeftOut_WhenAnOrderDiscountMakesThatUnitFreeAnyway()
    {
        // One lane, and two order discounts after it. The lane gives the sock to 60 % off (60 saved) rather than the hat
        // and the sock to "2 for $150" (50 saved); but the sock is then free anyway: 100 at the end. Without the 60 %,
        // the set price takes both, the hat keeps 75 of it and 10 % off the order leaves 67.50. Only the rivalry rule
        // finds it: the 60 % moves no value, and nothing after it does.
        var freeSocks = Promo("free-socks", Discount.PercentOffOrder(100)).ForItems(ItemFilter.Skus("sock")).Build();
        var tenOffOrder = Promo("ten-order", Discount.PercentOffOrder(10)).Build();

        var result = Evaluate(HatAndSock, [SixtyOffSocks, TwoFor150, freeSocks, tenOffOrder]);

        Assert.Equal(67.5m, result.Total.Amount);
        Assert.Equal(["two-for-150", "free-socks", "ten-order"], result.Applied.Select(a => a.PromotionId.Value));
        Assert.Equal(RejectionReason.BetterDealChosen, result.Rejection("sixty-socks").Reason);
        Assert.False(result.UsedGreedyFallback);
    }

    [Fact]
    public void Rivalry_InALowerLane_AboveAnItemDiscountOfTheLaneBelow_IsFound()
    {
        // The same rivals in the middle lane (a shirt's 10 % above them), and the free sock an item discount of the lane
        // below: lanes are told apart by priority, each counted once, and rivalry is looked for in every lane's items.
        var cart = Cart(Line("shirt", 100m, 1, "shirt"), Line("hat", 100m, 1, "hat"), Line("sock", 100m, 1, "sock"));
        var tenOffShirts = Promo("ten-shirts", Discount.PercentOffItems(10)).ForItems(ItemFilter.Skus("shirt")).WithPriority(3).Build();
        var freeSocks = Promo("free-socks", Discount.PercentOffItems(100)).ForItems(ItemFilter.Skus("sock")).WithPriority(1).Build();

        var result = Evaluate(cart, [tenOffShirts, AtPriority(SixtyOffSocks, 2), AtPriority(TwoFor150, 2), freeSocks]);

        Assert.Equal(165m, result.Total.Amount); // 90 + 75 + 0; with the 60 %: 90 + 100 + 0
        Assert.Equal(["ten-shirts", "two-for-150", "free-socks"], result.Applied.Select(a => a.PromotionId.Value));
        Assert.Equal(RejectionReason.BetterDealChosen, result.Rejection("sixty-socks").Reason);
    }

    [Fact]
    public void Rivalry_OrderDiscountsSharingALine_AreNotSuspects_SoNoFallback()
    {
        // Five order percentages on the hat, above 50 % off hats: order discounts take no units from each other, so none
        // is a rival (five suspects would make the search give up).
        var promotions = Enumerable.Range(1, 5)
            .Select(i => Promo("half" + i, Discount.PercentOffOrder(50)).ForItems(ItemFilter.Skus("hat")).WithPriority(2).Build())
            .Append(Promo("half-last", Discount.PercentOffOrder(50)).ForItems(ItemFilter.Skus("hat")).WithPriority(1).Build());

        var result = Evaluate(Cart(Line("hat", 320m, 1, "hat"), Line("shirt", 10m, 1, "shirt")), promotions);

        Assert.Equal(15m, result.Total.Amount); // 320 halved six times, and the shirt
        Assert.False(result.UsedGreedyFallback);
        Assert.Empty(result.Rejected);
    }

    [Fact]
    public void PercentagesEachAloneOnTheirLines_AboveAnOrderDiscountOnSomeItems_AreNotSuspects_SoNoFallback()
    {
        // Five uncapped percentages, each on a line of its own (no rival, moving no value), above 50 % off A..E, then
        // $10 off the order: an amount spread over lines, but nothing after it treats items unlike, so it hurts none.
        var skus = new[] { "A", "B", "C", "D", "E" };
        var promotions = skus.Select(s => Promo("p" + s, Discount.PercentOffItems(10)).ForItems(ItemFilter.Skus(s)).WithPriority(2).Build())
            .Append(Promo("half", Discount.PercentOffOrder(50)).ForItems(ItemFilter.Skus(skus)).WithPriority(1).Build())
            .Append(Promo("ten-off", Discount.AmountOffOrder(D(10))).Build());

        var result = Evaluate(Cart([.. skus.Select(s => Line(s.ToLowerInvariant(), 100m, 1, s)), Line("f", 100m, 1, "F")]), promotions);

        Assert.Equal(315m, result.Total.Amount); // 5 x 45 + 100 - 10
        Assert.False(result.UsedGreedyFallback);
        Assert.Empty(result.Rejected);
    }

    [Fact]
    public void SetPricesAboveAnUncappedPercentageOffEveryItem_AreNotSuspects_SoNoFallback()
    {
        // An uncapped percentage off every item takes the same share of any spread of the same total: five set prices
        // above it cannot cost the shopper.
        var skus = new[] { "A", "B", "C", "D", "E" };
        var promotions = skus.Select(s => Promo("set" + s, Discount.FixedPrice(1, D(80))).ForItems(ItemFilter.Skus(s)).WithPriority(1).Build())
            .Append(Promo("ten-all", Discount.PercentOffItems(10)).Build());

        var result = Evaluate(Cart([.. skus.Select(s => Line(s.ToLowerInvariant(), 100m, 1, s))]), promotions);

        Assert.Equal(360m, result.Total.Amount); // 5 x 80 x 0.9
        Assert.False(result.UsedGreedyFallback);
        Assert.Empty(result.Rejected);
    }

    [Fact]
    public void APercentageThatMakesABuyOneGetOneFreeTheOtherItem_IsLeftOut_ThoughOnlyTheMoverReachesItsLine()
    {
        // 10 % off the hat (top lane) makes the $95 shirt the dearest, so "buy one, get the dearest free" frees the shirt
        // instead of the hat, and 50 % off shirts (last) then halves nothing: 90. Without the 10 %: the hat is free and
        // the shirt halved, 47.50. The 50 % never touches the hat: the 10 % is found through the buy-one-get-one alone.
        var cart = Cart(Line("hat", 100m, 1, "hat"), Line("shirt", 95m, 1, "shirt"));
        var tenOffHats = Promo("ten-hats", Discount.PercentOffItems(10)).ForItems(ItemFilter.Skus("hat")).WithPriority(2).Build();
        var bogo = Promo("bogo", Discount.BuyXGetY(1, 1, selection: UnitSelection.MostExpensive)).WithPriority(1).Build();
        var halfOffShirts = Promo("half-shirts", Discount.PercentOffOrder(50)).ForItems(ItemFilter.Skus("shirt")).Build();

        var result = Evaluate(cart, [tenOffHats, bogo, halfOffShirts]);

        Assert.Equal(47.5m, result.Total.Amount);
        Assert.Equal(["bogo", "half-shirts"], result.Applied.Select(a => a.PromotionId.Value));
        Assert.Equal(RejectionReason.BetterDealChosen, result.Rejection("ten-hats").Reason);
    }

    [Fact]
    public void TheSecondOfTwoSuspects_IsLeftOutAlone_WhenThatIsCheapest()
    {
        // $50 off an order of at least $104 after higher lanes; above it 10 % off X (6) and 2 % off Y (1). With both:
        // 103, no $50. Without the 2 %: 104, so 54. Without the 10 %: 109, so 59. Without both: 60. The suspects come by
        // priority then id (a-ten, b-two); the cheapest leaves out the second and keeps the first.
        var cart = Cart(Line("x", 60m, 1, "X"), Line("y", 50m, 1, "Y"));
        var ten = Promo("a-ten", Discount.PercentOffItems(10)).ForItems(ItemFilter.Skus("X")).WithPriority(2).Build();
        var two = Promo("b-two", Discount.PercentOffItems(2)).ForItems(ItemFilter.Skus("Y")).WithPriority(2).Build();
        var fifty = Promo("fifty", Discount.AmountOffOrder(D(50))).Require(Restriction.MinimumSubtotal(D(104), ThresholdBasis.AfterHigherLanes)).Build();

        var result = Evaluate(cart, [ten, two, fifty]);

        Assert.Equal(54m, result.Total.Amount);
        Assert.Equal(["a-ten", "fifty"], result.Applied.Select(a => a.PromotionId.Value));
        Assert.Equal(RejectionReason.BetterDealChosen, result.Rejection("b-two").Reason);
    }

    [Fact]
    public void TwoSuspectsWhoseLeavingOutSavesAlike_TheFirstByPriorityThenIdIsLeftOut()
    {
        // As above with 10 % off each of two $60 lines and a $110 minimum: without either, 114 and so 64; with both, 108.
        // Subsets of one size are tried in the suspects' order, so the first (a-ten) is left out.
        var cart = Cart(Line("x", 60m, 1, "X"), Line("y", 60m, 1, "Y"));
        var a = Promo("a-ten", Discount.PercentOffItems(10)).ForItems(ItemFilter.Skus("X")).WithPriority(2).Build();
        var b = Promo("b-ten", Discount.PercentOffItems(10)).ForItems(ItemFilter.Skus("Y")).WithPriority(2).Build();
        var fifty = Promo("fifty", Discount.AmountOffOrder(D(50))).Require(Restriction.MinimumSubtotal(D(110), ThresholdBasis.AfterHigherLanes)).Build();

        var result = Evaluate(cart, [a, b, fifty]);

        Assert.Equal(64m, result.Total.Amount);
        Assert.Equal(["b-ten", "fifty"], result.Applied.Select(x => x.PromotionId.Value));
        Assert.Equal(RejectionReason.BetterDealChosen, result.Rejection("a-ten").Reason);
    }

    [Fact]
    public void ACombinationWhoseIdsRunTogetherLikeAnotherPromotionsId_IsStillTried()
    {
        // The class's example with the set price named "set" and the 50 % "half", beside an exclusive named "halfset"
        // (1 % off shirts): the combination {half, set} and the exclusive alone are different combinations.
        var set = Promo("set", Discount.FixedPrice(2, D(100))).WithPriority(1).Build();
        var half = Promo("half", Discount.PercentOffOrder(50)).ForItems(ItemFilter.Skus("hat")).Build();
        var halfset = Promo("halfset", Discount.PercentOffItems(1)).ForItems(ItemFilter.Skus("shirt")).Exclusive().Build();

        var result = Evaluate(ShirtAndHat, [TenOffHats, set, half, halfset]);

        Assert.Equal(75m, result.Total.Amount);
        Assert.Equal(["set", "half"], result.Applied.Select(a => a.PromotionId.Value));
        Assert.Equal(RejectionReason.BetterDealChosen, result.Rejection("ten-hats").Reason);
        Assert.Equal(RejectionReason.NotCombinable, result.Rejection("halfset").Reason);
    }

    [Fact]
    public void TwoOrderDiscountsOnTheHatInTheLastLane_BothMakeItSensitive()
    {
        // The class's example with 10 % off hats beside the 50 % in the last lane: the hat is still treated unlike the
        // shirt after the set price (the two lines do not cancel out), so the 10 % above is left out: 50 + 22.50.
        var tenthOffHats = Promo("tenth-hats", Discount.PercentOffOrder(10)).ForItems(ItemFilter.Skus("hat")).Build();

        var result = Evaluate(ShirtAndHat, [TenOffHats, TwoForHundred, HalfOffHats, tenthOffHats]);

        Assert.Equal(72.5m, result.Total.Amount);
        Assert.Equal(RejectionReason.BetterDealChosen, result.Rejection("ten-hats").Reason);
    }

    [Fact]
    public void LeavingOutOneOrTwoSavesAlike_FewerAreLeftOut()
    {
        // As above with $200 off (all that is left) once the $110 is reached: leaving out a-ten, b-ten or both ends at 0.
        // Fewer left out first, so only a-ten goes and b-ten keeps its 6.
        var cart = Cart(Line("x", 60m, 1, "X"), Line("y", 60m, 1, "Y"));
        var a = Promo("a-ten", Discount.PercentOffItems(10)).ForItems(ItemFilter.Skus("X")).WithPriority(2).Build();
        var b = Promo("b-ten", Discount.PercentOffItems(10)).ForItems(ItemFilter.Skus("Y")).WithPriority(2).Build();
        var all = Promo("all", Discount.AmountOffOrder(D(200))).Require(Restriction.MinimumSubtotal(D(110), ThresholdBasis.AfterHigherLanes)).Build();

        var result = Evaluate(cart, [a, b, all]);

        Assert.Equal(0m, result.Total.Amount);
        Assert.Equal(["b-ten", "all"], result.Applied.Select(x => x.PromotionId.Value));
        Assert.Equal(RejectionReason.BetterDealChosen, result.Rejection("a-ten").Reason);
    }
}
