using System.Linq;
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

        Assert.Equal(["free"], result.Applied.Select(a => a.PromotionId.Value));
        Assert.Equal(8.00m, result.Applied("free"));
        var rejection = result.Rejection("five");
        Assert.Equal(RejectionReason.NothingToDiscount, rejection.Reason);
        Assert.Equal("Shipping is free already.", rejection.Message);
    }

    private static Promotion QuantityTiers(string id = "tiers") =>
        Promo(id, Discount.Tiered(TierBasis.Quantity, Tier.PercentOffFrom(2.5m, 10), Tier.AmountOffFrom(4.5m, D(12m)))).Build();

    [Fact]
    public void Evaluate_QuantityTierWithAFractionalThreshold_BelowTheFirst_AsksForTheWholeItemsMissing()
    {
        var result = Evaluate(Cart(Line("a", 10m)), QuantityTiers());

        var rejection = result.Rejection("tiers");
        Assert.Equal((RejectionReason.MinimumQuantityNotMet, 2), (rejection.Reason, rejection.MissingQuantity));
        Assert.Equal("Add 2 more qualifying items to get tiers.", rejection.Message);
    }

    [Theory]
    [InlineData(3, 3.00, 2, "Add 2 more qualifying items to get 12.00 USD off with tiers.")]
    [InlineData(4, 4.00, 1, "Add 1 more qualifying item to get 12.00 USD off with tiers.")]
    public void Evaluate_QuantityTierReached_HintsAtTheNextAmountTier(int quantity, decimal off, int missing, string message)
    {
        var result = Evaluate(Cart(Line("a", 10m, quantity)), QuantityTiers());

        Assert.Equal(off, result.Applied("tiers"));
        var hint = Assert.Single(result.Hints);
        Assert.Equal((HintKind.AddItems, (int?)missing, (Money?)null), (hint.Kind, hint.MissingQuantity, hint.Shortfall));
        Assert.Equal(message, hint.Message);
    }

    [Fact]
    public void Evaluate_ShippingTierByQuantityReached_HintsAtTheNextShippingTier()
    {
        var ship = Promo("ship", Discount.TieredShipping(TierBasis.Quantity, Tier.PercentOffFrom(2, 50), Tier.PercentOffFrom(5, 100))).Build();

        var result = Evaluate(WithShipping(8m, Line("a", 10m, 3)), ship);

        Assert.Equal(4.00m, result.ShippingDiscount.Amount);
        var hint = Assert.Single(result.Hints);
        Assert.Equal((HintKind.AddItems, (int?)2), (hint.Kind, hint.MissingQuantity));
        Assert.Equal("Add 2 more qualifying items to get 100% off shipping with ship.", hint.Message);
    }

    [Fact]
    public void Evaluate_ThresholdsAfterHigherLanes_OnlyTheShortPromotionsOfTheLaneAreLeftOut()
    {
        // Two of five in one lane fall short on what the 50% above left (50.00): the other three still apply.
        Promotion Short(string id, decimal minimum) => Promo(id, Discount.AmountOffOrder(D(10m)))
            .Require(Restriction.MinimumSubtotal(D(minimum), ThresholdBasis.AfterHigherLanes)).Build();
        var sale = Promo("sale", Discount.PercentOffItems(50)).WithPriority(10).Build();
        Promotion[] lane = [Promo("a", Discount.PercentOffItems(10)).Build(), Short("b", 80m), Promo("c", Discount.PercentOffOrder(10)).Build(), Short("d", 90m), Promo("e", Discount.AmountOffOrder(D(1m))).Build()];

        var result = Evaluate(Cart(Line("x", 100m)), [sale, .. lane]);

        Assert.Equal(["a", "c", "e", "sale"], result.Applied.Select(a => a.PromotionId.Value).Order());
        Assert.Equal((50.00m, 5.00m, 4.50m, 1.00m, 39.50m), (result.Applied("sale"), result.Applied("a"), result.Applied("c"), result.Applied("e"), result.Total.Amount));
        Assert.Equal((RejectionReason.MinimumSubtotalNotMet, D(30m)), (result.Rejection("b").Reason, result.Rejection("b").Shortfall));
        Assert.Equal((RejectionReason.MinimumSubtotalNotMet, D(40m)), (result.Rejection("d").Reason, result.Rejection("d").Shortfall));
    }

    private static readonly Promotion ShirtsHalf = Promo("s50", Discount.PercentOffItems(50)).ForItems(ItemFilter.Categories("shirts")).Build();
    private static readonly Promotion HatsForty = Promo("h40", Discount.PercentOffItems(40)).ForItems(ItemFilter.Categories("hats")).Build();

    [Fact]
    public void Evaluate_LoserBeatenOnItsItemsByTwoPromotions_NamesTheOneThatTookMostUnits()
    {
        var cart = Cart(Line("hat", 10m, 1, null, "hats"), Line("shirt", 10m, 2, null, "shirts"));

        var result = Evaluate(cart, [Promo("all10", Discount.PercentOffItems(10)).Build(), ShirtsHalf, HatsForty]);

        var rejection = result.Rejection("all10");
        Assert.Equal((RejectionReason.BetterDealChosen, new PromotionId("s50"), D(3.00m)), (rejection.Reason, rejection.Winner, rejection.AloneAmount));
    }

    [Fact]
    public void Evaluate_LoserBeatenOnAsManyUnitsByTwoPromotions_NamesTheSmallerId()
    {
        var cart = Cart(Line("hat", 10m, 1, null, "hats"), Line("shirt", 10m, 1, null, "shirts"));

        var result = Evaluate(cart, [Promo("all10", Discount.PercentOffItems(10)).Build(), ShirtsHalf, HatsForty]);

        var rejection = result.Rejection("all10");
        Assert.Equal((RejectionReason.BetterDealChosen, new PromotionId("h40"), D(2.00m)), (rejection.Reason, rejection.Winner, rejection.AloneAmount));
    }

    [Fact]
    public void Evaluate_BuyXGetYWhoseGetItemsAnotherTook_NamesThePromotionOnTheGetItems()
    {
        var cart = Cart(Line("hat", 10m, 1, null, "hats"), Line("shirt", 10m, 1, null, "shirts"));
        var bxgy = Promo("bxgy", Discount.BuyXGetY(1, 1, 50, ItemFilter.Categories("hats"))).ForItems(ItemFilter.Categories("shirts")).Build();
        var hats = Promo("h80", Discount.PercentOffItems(80)).ForItems(ItemFilter.Categories("hats")).Build();

        var result = Evaluate(cart, [bxgy, hats]);

        Assert.Equal(8.00m, result.Applied("h80"));
        var rejection = result.Rejection("bxgy");
        Assert.Equal((RejectionReason.BetterDealChosen, new PromotionId("h80"), D(5.00m)), (rejection.Reason, rejection.Winner, rejection.AloneAmount));
    }
}
