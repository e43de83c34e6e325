using System;
using System.Linq;
using Xunit;
using static PromoEngine.Tests.Shop;

namespace PromoEngine.Tests;

/// <summary>Disagreements the differential test against the reference evaluator found, each pinned by the smallest
/// case it shrank to.</summary>
public sealed class ReferenceFindingsTests
{
    [Fact]
    public void TwoPercentagesOffTheOrder_WhoseOrderOnlyChangesTheRounding_TakeTheOrderThatSavesMost()
    {
        // 62.72: 20 % first takes 12.54 (50.18 left), then 70 % leaves 15.054, so 15.05; 70 % first leaves 18.82,
        // then 20 % leaves 15.056, so 15.06. The percentages commute exactly, not once rounded.
        var cart = Cart(Line("a", 31.36m, 2));

        var result = Evaluate(cart, [Promo("p20", Discount.PercentOffOrder(20)).Build(), Promo("p70", Discount.PercentOffOrder(70)).Build()]);

        Assert.Equal(15.05m, result.Total.Amount);
        Assert.Equal(12.54m, result.Applied("p20"));
    }

    [Fact]
    public void TwoPercentagesOffShipping_WhoseOrderOnlyChangesTheRounding_TakeTheOrderThatSavesMost()
    {
        // Shipping 62.72 alike: 20 % then 70 % leaves 15.05, the other way 15.06.
        var cart = Cart(CustomerProfile.Guest, 62.72m, Line("a", 10m));

        var result = Evaluate(cart, [Promo("s20", Discount.ShippingPercentOff(20)).Build(), Promo("s70", Discount.ShippingPercentOff(70)).Build()]);

        Assert.Equal(15.05m, result.Shipping.Amount - result.ShippingDiscount.Amount);
    }

    [Fact]
    public void AnOrderAmountThatMakesALowerBuyXGetYPickOtherUnits_IsLeftOut_WhenTheOrderIsCheaperWithout()
    {
        // All at 99, the shirts come first (line order) among the "get" items and the hat is bought: 99 in all. But $45
        // off the hat (a higher lane) makes it the cheapest "get" item of the buy-1-get-2 below, which then finds no
        // unit left to buy and saves nothing: 252 in all, unless the $45 is left out.
        var cart = Cart(Line("1", 99m, 2, "shirt", "tops"), Line("2", 99m, 1, "hat", "tops"));
        var amount = Promo("45-off-hat", Discount.AmountOffOrder(D(45))).ForItems(ItemFilter.Skus("hat")).WithPriority(2).Build();
        var buyGet = Promo("hat-gets-2", Discount.BuyXGetY(1, 2, getItems: ItemFilter.Categories("tops"))).ForItems(ItemFilter.Skus("hat")).Build();

        var result = Evaluate(cart, [amount, buyGet]);

        Assert.Equal(99m, result.Total.Amount);
        Assert.Equal(["hat-gets-2"], result.Applied.Select(a => a.PromotionId.Value));
        Assert.Equal(RejectionReason.BetterDealChosen, result.Rejection("45-off-hat").Reason);
    }

    [Theory]
    [InlineData(MidpointRounding.ToZero, 28.50, 19)]
    [InlineData(MidpointRounding.ToPositiveInfinity, 194.12, 17)]
    [InlineData(MidpointRounding.ToPositiveInfinity, 24.50, 29)]
    public void FixedPrice_UnderARoundingRuleTowardZeroOrAnInfinity_ChargesExactlyThePrice(MidpointRounding rounding, double price, int setPrice)
    {
        // "3 for 19" on three 28.50 items saves exactly 66.50; its thirds (22.1666...) summed to 28 digits missed it in
        // the last digit, and rounding toward zero made the set cost 18.99.
        var cart = Cart(Line("a", (decimal)price, 3));
        var evaluator = new PromotionEvaluator(
            PromotionCatalog.Create([Promo("set", Discount.FixedPrice(3, D(setPrice))).Build()]),
            new EvaluationOptions { Rounding = rounding });

        var result = evaluator.Evaluate(cart, [], Now);

        Assert.Equal(setPrice, result.Total.Amount);
    }

    [Fact]
    public void AWinnerOfTheLaneWhoseShareRoundsToNothing_GivesUpItsUnits()
    {
        // Buy 2 get 1 at 15 % takes the two 129.37 items and one 0.02 one (0.003 exact) and 12.5 % takes the other
        // two 0.02 ones (0.005): the lane's best exact saving, but each rounds to nothing. Solved again without the
        // buy-2-get-1, the 12.5 % takes all three (0.0075), which rounds to 0.01.
        var cart = Cart(Line("1", 129.37m, 2, "a"), Line("2", 0.02m, 3, "b", "c2"));
        var result = Evaluate(cart, [
            Promo("b2g1", Discount.BuyXGetY(2, 1, percentOff: 15)).Build(),
            Promo("pct", Discount.PercentOffItems(12.5m)).ForItems(ItemFilter.Categories("c2")).Build()]);

        Assert.Equal(258.79m, result.Total.Amount);
        Assert.Equal(0.01m, result.Applied("pct"));
        Assert.Equal(RejectionReason.BetterDealChosen, result.Rejection("b2g1").Reason);
    }
}
