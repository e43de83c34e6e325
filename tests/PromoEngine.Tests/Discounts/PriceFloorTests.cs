using System;
using Xunit;
using static PromoEngine.Tests.Shop;

namespace PromoEngine.Tests;

/// <summary>Item discounts that never take a unit below a minimum price (<see cref="Discount.WithPriceFloor"/>,
/// <see cref="Discount.WithPriceFloorPercent"/>).</summary>
public sealed class PriceFloorTests
{
    [Fact]
    public void WithPriceFloor_FloorBinds_TakesOnlyDownToTheFloorAndSaysSo()
    {
        var result = Evaluate(Cart(Line("a", 6.00m, 2), Line("b", 40.00m)), Promo("p", Discount.PercentOffItems(50).WithPriceFloor(D(5m))).Build());

        // a: 50 % of 6.00 would leave 3.00; the floor leaves 5.00. b: 20.00 is above the floor.
        Assert.Equal(5.00m, result.Line("a").Final.Amount / 2);
        Assert.Equal(20.00m, result.Line("b").Final.Amount);
        var applied = Assert.Single(result.Applied);
        Assert.Equal((22.00m, 26.00m, ClampedBy.PriceFloor), (applied.Amount.Amount, applied.NominalAmount.Amount, applied.ClampedBy));
    }

    [Fact]
    public void WithPriceFloor_FloorDoesNotBind_SaysNothingClamped()
    {
        var result = Evaluate(Cart(Line("a", 40.00m)), Promo("p", Discount.PercentOffItems(50).WithPriceFloor(D(5m))).Build());

        Assert.Equal((20.00m, ClampedBy.None), (result.Applied("p"), Assert.Single(result.Applied).ClampedBy));
    }

    [Fact]
    public void WithPriceFloor_EveryUnitAtOrBelowTheFloor_NothingToDiscount()
    {
        var result = Evaluate(Cart(Line("a", 4.00m, 3)), Promo("p", Discount.AmountOffEachItem(D(1m)).WithPriceFloor(D(4m))).Build());

        Assert.Empty(result.Applied);
        Assert.Equal(RejectionReason.NothingToDiscount, result.Rejection("p").Reason);
        Assert.Equal(12.00m, result.Total.Amount);
    }

    [Fact]
    public void WithPriceFloorPercent_ShareOfThePriceBeforeThePromotion_IsKept()
    {
        var higher = Promo("higher", Discount.PercentOffItems(50)).WithPriority(2).Build();
        var floored = Promo("floored", Discount.AmountOffEachItem(D(30m)).WithPriceFloorPercent(60)).Build();

        var result = Evaluate(Cart(Line("a", 100.00m)), [higher, floored]);

        // 100.00 -> 50.00 in the higher lane; then at most 40 % of 50.00 (20.00), not 30.00.
        Assert.Equal(20.00m, result.Applied("floored"));
        Assert.Equal(30.00m, result.Total.Amount);
    }

    [Fact]
    public void WithPriceFloor_OnBuyOneGetOne_TheFreeUnitPaysTheFloor()
    {
        var result = Evaluate(Cart(Line("a", 10.00m, 2)), Promo("p", Discount.BuyXGetY(1, 1).WithPriceFloor(D(1m))).Build());

        Assert.Equal(9.00m, result.Applied("p"));
        Assert.Equal(11.00m, result.Total.Amount);
    }

    [Fact]
    public void WithPriceFloor_AndLimitUnits_InEitherOrder_AreTheSameDiscount()
    {
        var a = Discount.PercentOffItems(50).WithPriceFloor(D(5m)).LimitUnits(perOrder: 1);
        var b = Discount.PercentOffItems(50).LimitUnits(perOrder: 1).WithPriceFloor(D(5m));

        Assert.Equal(PromotionJson.Write([Promo("p", a).Build()]), PromotionJson.Write([Promo("p", b).Build()]));
        Assert.Equal("50% off each qualifying item, never below 5.00 USD, at most 1 per order, cheapest first", b.ToString());
    }

    [Fact]
    public void WithPriceFloor_Twice_ReplacesTheFloor()
    {
        var result = Evaluate(Cart(Line("a", 10.00m)), Promo("p", Discount.PercentOffItems(50).WithPriceFloor(D(9m)).WithPriceFloorPercent(70)).Build());

        Assert.Equal(3.00m, result.Applied("p"));
    }

    [Fact]
    public void WithPriceFloor_OrderDiscount_Throws()
    {
        var e = Assert.Throws<ArgumentException>(() => Discount.AmountOffOrder(D(5m)).WithPriceFloor(D(1m)));

        Assert.Equal("discount", e.ParamName);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-2)]
    [InlineData(1.001)]
    public void WithPriceFloor_NotPositiveOrNotRounded_Throws(decimal floor)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Discount.PercentOffItems(10).WithPriceFloor(D(floor)));

        Assert.Equal("floor", e.ParamName);
    }

    [Fact]
    public void WithPriceFloor_OtherCurrencyThanTheDiscount_Throws()
    {
        var e = Assert.Throws<CurrencyMismatchException>(() => Discount.AmountOffEachItem(D(2m)).WithPriceFloor(new Money(1m, Currency.Eur)));

        Assert.Equal("floor", e.ParamName);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(100)]
    [InlineData(120)]
    public void WithPriceFloorPercent_OutOfRange_Throws(decimal percent)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Discount.PercentOffItems(10).WithPriceFloorPercent(percent));

        Assert.Equal("percent", e.ParamName);
    }

    [Fact]
    public void WithPriceFloor_Json_RoundTrips()
    {
        var promotions = new[]
        {
            Promo("a", Discount.PercentOffItems(50).WithPriceFloor(D(5m))).Build(),
            Promo("b", Discount.BuyXGetY(2, 1).WithPriceFloorPercent(12.5m).LimitUnits(perLine: 3)).Build(),
        };

        var json = PromotionJson.Write(promotions);

        Assert.Contains("\"priceFloor\"", json, StringComparison.Ordinal);
        Assert.Equal(json, PromotionJson.Write(PromotionJson.Read(json)));
    }

    [Theory]
    [InlineData("""{ "type": "percentOffItems", "percent": 10, "priceFloor": { } }""", "$.promotions[0].discount.priceFloor: needs exactly one of amount and percent.")]
    [InlineData("""{ "type": "percentOffItems", "percent": 10, "priceFloor": { "percent": 100 } }""", "$.promotions[0].discount.priceFloor: a price floor's share must be in (0, 100).")]
    [InlineData("""{ "type": "percentOffItems", "percent": 10, "priceFloor": { "amount": { "amount": 0, "currency": "USD" } } }""", "$.promotions[0].discount.priceFloor: an amount off must be more than zero")]
    [InlineData("""{ "type": "amountOffOrder", "amount": { "amount": 1, "currency": "USD" }, "priceFloor": { "percent": 10 } }""", "$.promotions[0].discount.priceFloor: is not a known property")]
    public void Read_BadPriceFloor_SaysWhere(string discount, string error)
    {
        var json = $$"""{ "schemaVersion": 1, "promotions": [ { "id": "p", "name": "P", "discount": {{discount}} } ] }""";

        var e = Assert.Throws<PromotionDefinitionException>(() => PromotionJson.Read(json));

        Assert.StartsWith(error, Assert.Single(e.Errors), StringComparison.Ordinal);
    }
}
