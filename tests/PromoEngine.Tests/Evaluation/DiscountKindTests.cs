using System.Linq;
using Xunit;
using static PromoEngine.Tests.Shop;

namespace PromoEngine.Tests;

/// <summary>Every discount kind, with numbers checked by hand; DOMAIN.md's hard cases 3 to 9 among them.</summary>
public sealed class DiscountKindTests
{
    [Fact]
    public void PercentOffItems_TwentyPercent_TakesExactlyTwentyPercent()
    {
        var result = Evaluate(Cart(Line("a", 50.00m, 2)), Promo("p20", Discount.PercentOffItems(20)).Build());

        Assert.Equal(20.00m, result.Applied("p20"));
        Assert.Equal(80.00m, result.Total.Amount);
        Assert.Equal(20.00m, result.ItemDiscounts.Amount);
    }

    [Fact]
    public void PercentOffItems_QuarterOff1999_Leaves1499()
    {
        // Hard case 4 (Saleor #12040): 19.99 at 25 % off is 14.9925, so 14.99, not 15.00.
        var result = Evaluate(Cart(Line("a", 19.99m)), Promo("p", Discount.PercentOffItems(25)).Build());

        Assert.Equal(14.99m, result.Line("a").Final.Amount);
        Assert.Equal(5.00m, result.Applied("p"));
    }

    [Fact]
    public void PercentOffItems_MidpointPrice_RoundsThePriceAwayFromZero()
    {
        // Hard case 4 (Sylius #14522): 10.50 at 15 % off is 8.925; the price rounds half up to 8.93.
        var result = Evaluate(Cart(Line("a", 10.50m)), Promo("p", Discount.PercentOffItems(15)).Build());

        Assert.Equal(8.93m, result.Line("a").Final.Amount);
        Assert.Equal(1.57m, result.Applied("p"));
    }

    [Fact]
    public void PercentOffItems_MidpointPriceWithBankersRounding_RoundsToEven()
    {
        var evaluator = new PromotionEvaluator(
            PromotionCatalog.Create([Promo("p", Discount.PercentOffItems(15)).Build()]),
            new EvaluationOptions { Rounding = System.MidpointRounding.ToEven });

        var result = evaluator.Evaluate(Cart(Line("a", 10.50m)), [], Now);

        Assert.Equal(8.92m, result.Line("a").Final.Amount);
    }

    [Fact]
    public void PercentOffItems_HundredPercent_LeavesExactlyZero()
    {
        // Hard case 5 (Medusa #12226): floating point left -1.6e-14.
        var result = Evaluate(Cart(Line("a", 33.33m, 3)), Promo("free", Discount.PercentOffItems(100)).Build());

        Assert.Equal(0m, result.Total.Amount);
        Assert.False(result.Total.IsNegative);
    }

    [Fact]
    public void PercentOffItems_OnlyQualifyingItems()
    {
        var promotion = Promo("shoes20", Discount.PercentOffItems(20)).ForItems(ItemFilter.Categories("shoes")).Build();

        var result = Evaluate(Cart(Line("shoe", 80m, 1, null, "shoes"), Line("sock", 10m, 1, null, "socks")), promotion);

        Assert.Equal(16m, result.Line("shoe").Discount.Amount);
        Assert.Equal(0m, result.Line("sock").Discount.Amount);
    }

    [Fact]
    public void PercentOffItems_ThreeUnitsOfAPenny_AllocatesTheRoundedDiscountExactly()
    {
        // 50 % off three 0.01 units: 0.015 exact, the price 0.015 rounds to 0.02, so the discount is 0.01, on one unit.
        var result = Evaluate(Cart(Line("a", 0.01m, 3)), Promo("half", Discount.PercentOffItems(50)).Build());

        Assert.Equal(0.01m, result.Applied("half"));
        Assert.Equal(0.01m, result.Line("a").Units.Sum(u => u.Adjustments.Sum(a => a.Amount.Amount)));
        Assert.Equal([0.00m, 0.01m, 0.01m], result.Line("a").Units.Select(u => u.Final.Amount).Order());
    }

    [Fact]
    public void AmountOffEachItem_NeverMoreThanTheUnit()
    {
        var result = Evaluate(Cart(Line("cheap", 3.00m, 2), Line("dear", 20.00m)), Promo("five", Discount.AmountOffEachItem(D(5))).Build());

        Assert.Equal(6.00m, result.Line("cheap").Discount.Amount);
        Assert.Equal(5.00m, result.Line("dear").Discount.Amount);
        Assert.Equal(0m, result.Line("cheap").Final.Amount);
    }

    [Fact]
    public void AmountOffOrder_TwoDollarsOverThreeFiveDollarLines_SumsToTwo()
    {
        // Hard case 3 (Broadleaf #1113): 0.67 + 0.67 + 0.68 = 2.02 was charged.
        var result = Evaluate(Cart(Line("a", 5m), Line("b", 5m), Line("c", 5m)), Promo("two", Discount.AmountOffOrder(D(2))).Build());

        Assert.Equal(2.00m, result.OrderDiscounts.Amount);
        Assert.Equal(2.00m, result.Lines.Sum(l => l.Discount.Amount));
        Assert.Equal([0.66m, 0.67m, 0.67m], result.Lines.Select(l => l.Discount.Amount).Order());
        Assert.Equal(13.00m, result.Total.Amount);
    }

    [Fact]
    public void AmountOffOrder_TenOverThreeLines_IsTenNotNineNinetyEight()
    {
        // Hard case 3 (ERPNext): 10 over 3 lines stored 9.98.
        var result = Evaluate(Cart(Line("a", 10m), Line("b", 10m), Line("c", 10m)), Promo("ten", Discount.AmountOffOrder(D(10))).Build());

        Assert.Equal(10.00m, result.Lines.Sum(l => l.Discount.Amount));
    }

    [Fact]
    public void AmountOffOrder_OnlyOverQualifyingLines_NoDilution()
    {
        // Hard case 7 (Solidus #2582): spreading over all lines made the discount fall as items were added.
        var promotion = Promo("shoes10", Discount.AmountOffOrder(D(10))).ForItems(ItemFilter.Categories("shoes")).Build();
        var small = Cart(Line("shoe", 50m, 1, null, "shoes"));
        var large = Cart(Line("shoe", 50m, 1, null, "shoes"), Line("hat", 30m, 1, null, "hats"), Line("bag", 70m, 1, null, "bags"));

        var before = Evaluate(small, promotion);
        var after = Evaluate(large, promotion);

        Assert.Equal(10m, before.Line("shoe").Discount.Amount);
        Assert.Equal(10m, after.Line("shoe").Discount.Amount);
        Assert.Equal(0m, after.Line("hat").Discount.Amount);
        Assert.Equal(0m, after.Line("bag").Discount.Amount);
    }

    [Fact]
    public void AmountOffOrder_MoreThanTheCart_ClampsAtZero()
    {
        var result = Evaluate(Cart(Line("a", 12.34m)), Promo("big", Discount.AmountOffOrder(D(500))).Build());

        Assert.Equal(12.34m, result.Applied("big"));
        Assert.Equal(0m, result.Total.Amount);
    }

    [Fact]
    public void FlatOrderDiscountAfterFullItemDiscount_NeverGoesNegative()
    {
        // Hard case 6 (Solidus #2741): a $500 flat promotion plus a 100 % line promotion went negative.
        var full = Promo("full", Discount.PercentOffItems(100)).WithPriority(10).Build();
        var flat = Promo("flat", Discount.AmountOffOrder(D(500))).Build();

        var result = Evaluate(Cart(Line("a", 120m), Line("b", 30m)), [full, flat]);

        Assert.Equal(0m, result.Total.Amount);
        Assert.Equal(150m, result.TotalDiscount.Amount);
        Assert.Equal(RejectionReason.NothingToDiscount, result.Rejection("flat").Reason);
    }

    [Fact]
    public void PercentOffOrder_AppliesToWhatItemDiscountsLeft()
    {
        var items = Promo("items", Discount.PercentOffItems(10)).WithPriority(1).Build();
        var order = Promo("order", Discount.PercentOffOrder(20)).Build();

        var result = Evaluate(Cart(Line("a", 100m)), [items, order]);

        Assert.Equal(10m, result.Applied("items"));
        Assert.Equal(18m, result.Applied("order"));
        Assert.Equal(72m, result.Total.Amount);
    }

    [Fact]
    public void FixedPrice_ThreeForTen_GroupsTheDearestUnits()
    {
        var promotion = Promo("3for10", Discount.FixedPrice(3, D(10))).Build();

        var result = Evaluate(Cart(Line("a", 5m, 2), Line("b", 4m, 2)), promotion);

        // Units 5, 5, 4, 4: the group is 5 + 5 + 4 = 14 for 10, saving 4; the fourth unit (4) pays full price.
        Assert.Equal(4.00m, result.Applied("3for10"));
        Assert.Equal(14.00m, result.Total.Amount);
    }

    [Fact]
    public void FixedPrice_GroupCheaperThanThePrice_IsLeftAlone()
    {
        var result = Evaluate(Cart(Line("a", 2m, 3)), Promo("3for10", Discount.FixedPrice(3, D(10))).Build());

        Assert.Equal(RejectionReason.NothingToDiscount, result.Rejection("3for10").Reason);
        Assert.Equal(6m, result.Total.Amount);
    }

    [Fact]
    public void FixedPrice_TooFewUnits_SaysHowManyMore()
    {
        var result = Evaluate(Cart(Line("a", 5m)), Promo("3for10", Discount.FixedPrice(3, D(10))).Build());

        var rejection = result.Rejection("3for10");
        Assert.Equal(RejectionReason.MinimumQuantityNotMet, rejection.Reason);
        Assert.Equal(2, rejection.MissingQuantity);
        Assert.Contains(result.Hints, h => h.PromotionId.Value == "3for10" && h.MissingQuantity == 2);
    }

    [Fact]
    public void BuyTwoGetOne_FourItems_AppliesOncePerCompleteSet()
    {
        // Hard case 8 (Medusa #13265): once per complete set, up to the limit.
        var promotion = Promo("b2g1", Discount.BuyXGetY(2, 1)).Build();

        Assert.Equal(10m, Evaluate(Cart(Line("a", 10m, 4)), promotion).Applied("b2g1"));
        Assert.Equal(20m, Evaluate(Cart(Line("a", 10m, 6)), promotion).Applied("b2g1"));
    }

    [Fact]
    public void BuyTwoGetOne_MaxApplications_StopsAtTheLimit()
    {
        var promotion = Promo("b2g1", Discount.BuyXGetY(2, 1, maxApplications: 1)).Build();

        Assert.Equal(10m, Evaluate(Cart(Line("a", 10m, 9)), promotion).Applied("b2g1"));
    }

    [Fact]
    public void BuyOneGetOne_SameProductSingleUnit_DoesNotDiscountTheQualifyingUnit()
    {
        // Hard case 8 (Medusa #9002): with X and Y the same product a set needs X + Y units.
        var result = Evaluate(Cart(Line("a", 10m)), Promo("bogo", Discount.BuyXGetY(1, 1)).Build());

        Assert.Equal(10m, result.Total.Amount);
        Assert.Equal(RejectionReason.MinimumQuantityNotMet, result.Rejection("bogo").Reason);
        Assert.Equal(1, result.Rejection("bogo").MissingQuantity);
    }

    [Fact]
    public void BuyOneGetTwo_YGreaterThanX_Works()
    {
        // Hard case 8 (Magento #37987): Y greater than X must work. The two cheapest are free.
        var result = Evaluate(Cart(Line("a", 10m), Line("b", 8m), Line("c", 6m)), Promo("b1g2", Discount.BuyXGetY(1, 2)).Build());

        Assert.Equal(14m, result.Applied("b1g2"));
        Assert.Equal(0m, result.Line("b").Final.Amount);
        Assert.Equal(0m, result.Line("c").Final.Amount);
        Assert.Equal(10m, result.Line("a").Final.Amount);
    }

    [Fact]
    public void BuyTenGetTwenty_OnlyTenItems_DoesNotGoNegative()
    {
        // Hard case 6 (Medusa #8829).
        var result = Evaluate(Cart(Line("a", 3m, 10)), Promo("b10g20", Discount.BuyXGetY(10, 20)).Build());

        Assert.Equal(30m, result.Total.Amount);
        Assert.Equal(20, result.Rejection("b10g20").MissingQuantity);
    }

    [Fact]
    public void BuyTwoGetOne_CheapestEligibleUnit_NotTheCheapestLine()
    {
        // Hard case 9 (Saleor #12107): the cheapest *eligible* unit is free, not the $1 socks.
        var promotion = Promo("shirts", Discount.BuyXGetY(2, 1)).ForItems(ItemFilter.Categories("shirts")).Build();
        var cart = Cart(
            Line("socks", 1m, 1, null, "socks"),
            Line("s1", 20m, 1, null, "shirts"),
            Line("s2", 15m, 1, null, "shirts"),
            Line("s3", 12m, 1, null, "shirts"));

        var result = Evaluate(cart, promotion);

        Assert.Equal(12m, result.Applied("shirts"));
        Assert.Equal(0m, result.Line("s3").Final.Amount);
        Assert.Equal(1m, result.Line("socks").Final.Amount);
    }

    [Fact]
    public void BuyOneGetOne_CheapestInEachSet_PairsTheDearestUnitsTogether()
    {
        // Sorted dearest first, the sets are (10, 10) and (2): the cheaper of the first set is free. Pairing the
        // globally cheapest unit with the dearest would give only 2 off.
        var result = Evaluate(Cart(Line("a", 10m, 2), Line("b", 2m)), Promo("bogo", Discount.BuyXGetY(1, 1)).Build());

        Assert.Equal(10m, result.Applied("bogo"));
        Assert.Equal(2m, result.Line("b").Final.Amount);
    }

    [Fact]
    public void BuyOneGetOne_MostExpensiveSelection_DiscountsTheDearestUnits()
    {
        var promotion = Promo("bogo", Discount.BuyXGetY(1, 1, selection: UnitSelection.MostExpensive)).Build();

        // 10 and 9 are discounted; 2 and 1 count as the bought units.
        var result = Evaluate(Cart(Line("a", 10m), Line("b", 9m), Line("c", 2m), Line("d", 1m)), promotion);

        Assert.Equal(19m, result.Applied("bogo"));
    }

    [Fact]
    public void BuyOneGetOne_MostExpensiveSelection_DiscountsTheDearer()
    {
        var promotion = Promo("bogo", Discount.BuyXGetY(1, 1, selection: UnitSelection.MostExpensive)).Build();

        var result = Evaluate(Cart(Line("a", 10m), Line("b", 4m)), promotion);

        Assert.Equal(10m, result.Applied("bogo"));
    }

    [Fact]
    public void BuyShirtGetSocksHalfOff_DifferentItems_DiscountsOnlyTheGetItems()
    {
        var promotion = Promo("shirt-socks", Discount.BuyXGetY(1, 1, 50, getItems: ItemFilter.Categories("socks")))
            .ForItems(ItemFilter.Categories("shirts"))
            .Build();
        var cart = Cart(Line("shirt", 30m, 2, null, "shirts"), Line("socks", 8m, 3, null, "socks"));

        var result = Evaluate(cart, promotion);

        Assert.Equal(8m, result.Applied("shirt-socks"));
        Assert.Equal(0m, result.Line("shirt").Discount.Amount);
        Assert.Equal(8m, result.Line("socks").Discount.Amount);
    }

    [Fact]
    public void BuyXGetY_ItsGetItemsTakenByABetterDeal_NamesTheWinner()
    {
        // Found by the evaluator's properties: the winner took the loser's get items, not its qualifying items, and
        // looking for the winner among the qualifying items alone threw.
        var bundle = Promo("shirt-socks", Discount.BuyXGetY(1, 1, 50, getItems: ItemFilter.Categories("socks")))
            .ForItems(ItemFilter.Categories("shirts"))
            .Build();
        var socksHalf = Promo("socks-half", Discount.AmountOffEachItem(D(8))).ForItems(ItemFilter.Categories("socks")).Build();
        var cart = Cart(Line("shirt", 30m, 1, null, "shirts"), Line("socks", 8m, 1, null, "socks"));

        var result = Evaluate(cart, [bundle, socksHalf]);

        Assert.Equal(8m, result.Applied("socks-half"));
        var rejection = result.Rejection("shirt-socks");
        Assert.Equal(RejectionReason.BetterDealChosen, rejection.Reason);
        Assert.Equal("socks-half", rejection.Winner?.Value);
    }

    [Fact]
    public void Tiered_HighestTierReached_NotTheSum()
    {
        // Hard case 11 (Spree #1923): 10 % over $100 plus 20 % over $200 on $400 gave 30 %.
        var promotion = Promo("tiers", Discount.Tiered(TierBasis.Subtotal, Tier.PercentOffFrom(100, 10), Tier.PercentOffFrom(200, 20))).Build();

        var result = Evaluate(Cart(Line("a", 400m)), promotion);

        Assert.Equal(80m, result.Applied("tiers"));
        Assert.Equal(320m, result.Total.Amount);
    }

    [Fact]
    public void Tiered_BelowTheFirstTier_SaysTheShortfall()
    {
        var promotion = Promo("tiers", Discount.Tiered(TierBasis.Subtotal, Tier.PercentOffFrom(100, 10), Tier.PercentOffFrom(200, 20))).Build();

        var result = Evaluate(Cart(Line("a", 87.50m)), promotion);

        Assert.Equal(RejectionReason.MinimumSubtotalNotMet, result.Rejection("tiers").Reason);
        Assert.Equal(D(12.50m), result.Rejection("tiers").Shortfall);
    }

    [Fact]
    public void Tiered_BetweenTiers_HintsAtTheNextOne()
    {
        var promotion = Promo("tiers", Discount.Tiered(TierBasis.Subtotal, Tier.PercentOffFrom(100, 10), Tier.PercentOffFrom(200, 20))).Build();

        var result = Evaluate(Cart(Line("a", 150m)), promotion);

        Assert.Equal(15m, result.Applied("tiers"));
        var hint = Assert.Single(result.Hints);
        Assert.Equal(D(50m), hint.Shortfall);
        Assert.Equal("Spend 50.00 USD more on qualifying items to get 20% off with tiers.", hint.Message);
    }

    [Fact]
    public void Tiered_ByQuantityWithAmounts_TakesTheReachedAmount()
    {
        var promotion = Promo("qty", Discount.Tiered(TierBasis.Quantity, Tier.AmountOffFrom(3, D(5)), Tier.AmountOffFrom(5, D(12)))).Build();

        Assert.Equal(5m, Evaluate(Cart(Line("a", 10m, 4)), promotion).Applied("qty"));
        Assert.Equal(12m, Evaluate(Cart(Line("a", 10m, 6)), promotion).Applied("qty"));
    }

    [Fact]
    public void FreeShipping_TakesTheWholeCharge()
    {
        var promotion = Promo("ship", Discount.FreeShipping).Require(Restriction.MinimumSubtotal(D(50))).Build();

        var result = Evaluate(Cart(CustomerProfile.Guest, 7.99m, Line("a", 60m)), promotion);

        Assert.Equal(7.99m, result.ShippingDiscount.Amount);
        Assert.Equal(60m, result.Total.Amount);
    }

    [Fact]
    public void ShippingAmountOff_MoreThanTheCharge_Clamps()
    {
        var result = Evaluate(Cart(CustomerProfile.Guest, 4.50m, Line("a", 10m)), Promo("ship", Discount.ShippingAmountOff(D(10))).Build());

        Assert.Equal(4.50m, result.ShippingDiscount.Amount);
        Assert.Equal(10m, result.Total.Amount);
    }

    [Fact]
    public void ShippingPercentOff_HalfOff()
    {
        var result = Evaluate(Cart(CustomerProfile.Guest, 9.99m, Line("a", 10m)), Promo("ship", Discount.ShippingPercentOff(50)).Build());

        // 9.99 - 4.995 = 4.995 left, rounded away from zero to 5.00: the discount is 4.99.
        Assert.Equal(4.99m, result.ShippingDiscount.Amount);
    }

    [Fact]
    public void ShippingDiscount_NoShippingCharge_IsNothingToDiscount()
    {
        var result = Evaluate(Cart(Line("a", 10m)), Promo("ship", Discount.FreeShipping).Build());

        Assert.Equal(RejectionReason.NothingToDiscount, result.Rejection("ship").Reason);
    }

    [Fact]
    public void MaxDiscount_CapsThePromotionAndSaysSo()
    {
        var promotion = Promo("half", Discount.PercentOffItems(50)).WithMaxDiscount(D(20)).Build();

        var result = Evaluate(Cart(Line("a", 60m), Line("b", 40m)), promotion);

        var applied = Assert.Single(result.Applied);
        Assert.Equal(20m, applied.Amount.Amount);
        Assert.True(applied.Capped);
        Assert.Equal(20m, result.Lines.Sum(l => l.Discount.Amount));
        Assert.Equal([8m, 12m], result.Lines.Select(l => l.Discount.Amount).Order());
    }

    [Fact]
    public void Lanes_CompoundFromHighestPriorityDown()
    {
        // Hard case 1: $100 with 10 % and 20 % is $72 compounded across lanes.
        var first = Promo("ten", Discount.PercentOffItems(10)).WithPriority(2).Build();
        var second = Promo("twenty", Discount.PercentOffItems(20)).WithPriority(1).Build();

        var result = Evaluate(Cart(Line("a", 100m)), [second, first]);

        Assert.Equal(72m, result.Total.Amount);
        Assert.Equal(["ten", "twenty"], result.Applied.Select(a => a.PromotionId.Value));
    }

    [Fact]
    public void SameLane_UnitTakesOnlyTheBetterItemDiscount()
    {
        var ten = Promo("ten", Discount.PercentOffItems(10)).Build();
        var twenty = Promo("twenty", Discount.PercentOffItems(20)).Build();

        var result = Evaluate(Cart(Line("a", 100m)), [ten, twenty]);

        Assert.Equal(80m, result.Total.Amount);
        var rejection = result.Rejection("ten");
        Assert.Equal(RejectionReason.BetterDealChosen, rejection.Reason);
        Assert.Equal("twenty", rejection.Winner?.Value);
        Assert.Equal(D(10m), rejection.AloneAmount);
    }

    [Fact]
    public void SameLane_BuyOneGetOneBeatsThirtyPercentOnTwoShirts()
    {
        // Hard case 11 (Broadleaf #818): a smaller discount was chosen over a better buy-one-get-one.
        var bogo = Promo("bogo", Discount.BuyXGetY(1, 1)).Build();
        var thirty = Promo("thirty", Discount.PercentOffItems(30)).Build();

        var result = Evaluate(Cart(Line("shirt", 10m, 2)), [bogo, thirty]);

        Assert.Equal(10m, result.TotalDiscount.Amount);
        Assert.Equal(RejectionReason.BetterDealChosen, result.Rejection("thirty").Reason);
    }

    [Fact]
    public void LineAdjustments_SumToTheLineDiscount_AndUnitsToTheLine()
    {
        var items = Promo("items", Discount.PercentOffItems(15)).WithPriority(1).Build();
        var order = Promo("order", Discount.AmountOffOrder(D(7))).Build();

        var result = Evaluate(Cart(Line("a", 9.99m, 3), Line("b", 4.55m, 2)), [items, order]);

        foreach (var line in result.Lines)
        {
            Assert.Equal(line.Discount.Amount, line.Adjustments.Sum(a => a.Amount.Amount));
            Assert.Equal(line.Discount.Amount, line.Units.Sum(u => u.Original.Amount - u.Final.Amount));
        }

        Assert.Equal(result.ItemDiscounts.Amount + result.OrderDiscounts.Amount, result.Lines.Sum(l => l.Discount.Amount));
        Assert.Equal(result.Applied.Sum(a => a.Amount.Amount), result.TotalDiscount.Amount);
    }
}
