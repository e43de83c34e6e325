using System;
using Xunit;
using static PromoEngine.Tests.Shop;

namespace PromoEngine.Tests;

/// <summary>Shipping discounts in tiers by the qualifying subtotal or quantity (<see cref="Discount.TieredShipping"/>).</summary>
public sealed class TieredShippingTests
{
    private static Promotion Tiers(ItemFilter? items = null) =>
        Promo("ship", Discount.TieredShipping(TierBasis.Subtotal, Tier.PercentOffFrom(50, 50), Tier.PercentOffFrom(100, 100)))
            .ForItems(items ?? ItemFilter.All).Build();

    [Theory]
    [InlineData(60, 4.00)]
    [InlineData(100, 8.00)]
    [InlineData(250, 8.00)]
    public void TieredShipping_BySubtotal_TheHighestTierReachedApplies(decimal price, decimal off)
    {
        var result = Evaluate(Cart(CustomerProfile.Guest, 8m, Line("a", price)), Tiers());

        Assert.Equal(off, result.ShippingDiscount.Amount);
    }

    [Fact]
    public void TieredShipping_BelowTheFirstTier_SaysHowMuchToSpend()
    {
        var result = Evaluate(Cart(CustomerProfile.Guest, 8m, Line("a", 45m)), Tiers());

        var rejection = result.Rejection("ship");
        Assert.Equal(RejectionReason.MinimumSubtotalNotMet, rejection.Reason);
        Assert.Equal(D(5m), rejection.Shortfall);
    }

    [Fact]
    public void TieredShipping_BetweenTiers_HintsAtTheNextOne()
    {
        var result = Evaluate(Cart(CustomerProfile.Guest, 8m, Line("a", 70m)), Tiers());

        var hint = Assert.Single(result.Hints);
        Assert.Equal((HintKind.SpendMore, D(30m)), (hint.Kind, hint.Shortfall));
        Assert.Equal("Spend 30.00 USD more on qualifying items to get 100% off shipping with ship.", hint.Message);
    }

    [Fact]
    public void TieredShipping_MeasuresOnlyQualifyingItems()
    {
        var cart = Cart(CustomerProfile.Guest, 8m, Line("a", 60m, 1, "shoe", "shoes"), Line("b", 60m, 1, "hat", "hats"));

        var result = Evaluate(cart, Tiers(ItemFilter.Categories("shoes")));

        Assert.Equal(4.00m, result.ShippingDiscount.Amount);
    }

    [Fact]
    public void TieredShipping_ByQuantityWithAnAmountTier_NeverMoreThanTheCharge()
    {
        var promotion = Promo("ship", Discount.TieredShipping(TierBasis.Quantity, Tier.AmountOffFrom(2, D(3m)), Tier.AmountOffFrom(5, D(20m)))).Build();

        Assert.Equal(3.00m, Evaluate(Cart(CustomerProfile.Guest, 8m, Line("a", 10m, 3)), promotion).ShippingDiscount.Amount);
        var all = Evaluate(Cart(CustomerProfile.Guest, 8m, Line("a", 10m, 5)), promotion);
        Assert.Equal((8.00m, ClampedBy.Price), (all.ShippingDiscount.Amount, Assert.Single(all.Applied).ClampedBy));
    }

    [Fact]
    public void TieredShipping_NoShippingCharge_NothingToDiscount()
    {
        var result = Evaluate(Cart(CustomerProfile.Guest, null, Line("a", 200m)), Tiers());

        Assert.Equal(RejectionReason.NothingToDiscount, result.Rejection("ship").Reason);
    }

    [Fact]
    public void TieredShipping_NoTier_Throws()
    {
        var e = Assert.Throws<ArgumentException>(() => Discount.TieredShipping(TierBasis.Subtotal));

        Assert.Equal("tiers", e.ParamName);
    }

    [Fact]
    public void TieredShipping_Json_RoundTrips()
    {
        var json = PromotionJson.Write([Tiers()]);

        Assert.Contains("\"type\": \"tieredShipping\"", json, StringComparison.Ordinal);
        Assert.Equal(json, PromotionJson.Write(PromotionJson.Read(json)));
    }

    [Fact]
    public void Read_TieredShippingWithTwoTiersAtOneThreshold_SaysWhere()
    {
        var json = """{ "schemaVersion": 1, "promotions": [ { "id": "p", "name": "P", "discount": { "type": "tieredShipping", "basis": "subtotal", "tiers": [ { "threshold": 50, "percentOff": 10 }, { "threshold": 50, "percentOff": 20 } ] } } ] }""";

        var e = Assert.Throws<PromotionDefinitionException>(() => PromotionJson.Read(json));

        Assert.Equal("$.promotions[0].discount.tiers: two tiers share the threshold 50.", Assert.Single(e.Errors));
    }
}
