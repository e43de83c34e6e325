using Xunit;
using static PromoEngine.Tests.Shop;

namespace PromoEngine.Tests;

/// <summary>What a promotion that passed the gate is told when it applies nothing in its lane (the rejections and hints
/// made while lanes apply, PromotionEvaluator.Apply.cs): reason, details and the exact shopper text.</summary>
public sealed class ApplicationRejectionTests
{
    private static Cart WithShipping(decimal? shipping, params CartLine[] lines) => Cart(CustomerProfile.Guest, shipping, lines);

    [Fact]
    public void Evaluate_HigherLaneStopsAllLowerLanes_LowerPromotionIsToldWhoStoppedIt()
    {
        var stopper = Promo("stop", Discount.PercentOffItems(50)).WithPriority(10).StopLowerLanes(StopScope.AllLowerLanes).Build();
        var later = Promo("later", Discount.PercentOffItems(20)).Build();

        var result = Evaluate(Cart(Line("a", 100m)), [stopper, later]);

        Assert.Equal(50.00m, result.Applied("stop"));
        var rejection = result.Rejection("later");
        Assert.Equal((RejectionReason.StoppedByHigherLane, new PromotionId("stop")), (rejection.Reason, rejection.Winner));
        Assert.Equal("stop applied and stops every promotion after it.", rejection.Message);
    }

    [Fact]
    public void Evaluate_TwoPercentagesOnOneItem_TheLoserIsToldTheWinnerAndWhatItWouldHaveSaved()
    {
        var result = Evaluate(Cart(Line("a", 10m)), [Promo("p10", Discount.PercentOffItems(10)).Build(), Promo("p20", Discount.PercentOffItems(20)).Build()]);

        Assert.Equal(2.00m, result.Applied("p20"));
        var rejection = result.Rejection("p10");
        Assert.Equal((RejectionReason.BetterDealChosen, new PromotionId("p20"), D(1.00m)), (rejection.Reason, rejection.Winner, rejection.AloneAmount));
        Assert.Equal("A better deal was chosen: p20 saves more on the same items.", rejection.Message);
    }

    [Fact]
    public void Evaluate_ItemPromotionBelowHalfAMinorUnit_ComesToLessThanACent()
    {
        var result = Evaluate(Cart(Line("a", 1m)), Promo("tiny", Discount.PercentOffItems(0.1m)).Build());

        Assert.Empty(result.Applied);
        var rejection = result.Rejection("tiny");
        Assert.Equal(RejectionReason.NothingToDiscount, rejection.Reason);
        Assert.Equal("tiny comes to less than 0.01 USD on this cart.", rejection.Message);
    }

    [Fact]
    public void Evaluate_ItemPromotionOnItemsAHigherLaneMadeFree_IsToldTheyAreFreeAlready()
    {
        var free = Promo("free", Discount.PercentOffItems(100)).WithPriority(10).Build();

        var result = Evaluate(Cart(Line("a", 10m)), [free, Promo("p10", Discount.PercentOffItems(10)).Build()]);

        var rejection = result.Rejection("p10");
        Assert.Equal(RejectionReason.NothingToDiscount, rejection.Reason);
        Assert.Equal("The items p10 targets are free already.", rejection.Message);
    }

    [Fact]
    public void Evaluate_ItemPromotionOnItemsAHigherLaneStopped_IsToldWhoStoppedThem()
    {
        var stopper = Promo("stop", Discount.PercentOffItems(50)).WithPriority(10).StopLowerLanes().Build();

        var result = Evaluate(Cart(Line("a", 10m)), [stopper, Promo("p10", Discount.PercentOffItems(10)).Build()]);

        var rejection = result.Rejection("p10");
        Assert.Equal((RejectionReason.StoppedByHigherLane, new PromotionId("stop")), (rejection.Reason, rejection.Winner));
        Assert.Equal("stop applied to the same items and stops the promotions after it.", rejection.Message);
    }

    [Fact]
    public void Evaluate_OrderPromotionOnItemsAHigherLaneStopped_IsToldWhoStoppedThem()
    {
        var stopper = Promo("stop", Discount.PercentOffItems(50)).WithPriority(10).StopLowerLanes().Build();

        var result = Evaluate(Cart(Line("a", 10m)), [stopper, Promo("order", Discount.PercentOffOrder(10)).Build()]);

        var rejection = result.Rejection("order");
        Assert.Equal((RejectionReason.StoppedByHigherLane, new PromotionId("stop")), (rejection.Reason, rejection.Winner));
        Assert.Equal("stop applied to the same items and stops the promotions after it.", rejection.Message);
    }

    [Fact]
    public void Evaluate_OrderPromotionOnItemsAHigherLaneMadeFree_NothingIsLeftToDiscount()
    {
        var free = Promo("free", Discount.PercentOffItems(100)).WithPriority(10).Build();

        var result = Evaluate(Cart(Line("a", 10m)), [free, Promo("order", Discount.PercentOffOrder(10)).Build()]);

        var rejection = result.Rejection("order");
        Assert.Equal((RejectionReason.NothingToDiscount, (PromotionId?)null), (rejection.Reason, rejection.Winner));
        Assert.Equal("Nothing is left to discount for order.", rejection.Message);
    }

    [Fact]
    public void Evaluate_ShippingPromotionWithoutAShippingCharge_HasNothingToDiscount()
    {
        var result = Evaluate(WithShipping(null, Line("a", 10m)), Promo("ship", Discount.ShippingAmountOff(D(5m))).Build());

        var rejection = result.Rejection("ship");
        Assert.Equal(RejectionReason.NothingToDiscount, rejection.Reason);
        Assert.Equal("There is no shipping charge to discount.", rejection.Message);
    }

    [Fact]
    public void Evaluate_ShippingPromotionAfterAHigherLaneMadeShippingFree_IsToldShippingIsFreeAlready()
    {
        var free = Promo("free", Discount.FreeShipping).WithPriority(10).Build();

        var result = Evaluate(WithShipping(8m, Line("a", 10m)), [free, Promo("five", Discount.ShippingAmountOff(D(5m))).Build()]);

        Assert.Equal(8.00m, result.Applied("free"));
        var rejection = result.Rejection("five");
        Assert.Equal(RejectionReason.NothingToDiscount, rejection.Reason);
        Assert.Equal("Shipping is free already.", rejection.Message);
    }
}
