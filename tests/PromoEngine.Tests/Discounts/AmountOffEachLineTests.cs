using System;
using System.Linq;
using Xunit;
using static PromoEngine.Tests.Shop;

namespace PromoEngine.Tests;

/// <summary>An amount off each qualifying line, whatever its quantity (<see cref="Discount.AmountOffEachLine"/>).</summary>
public sealed class AmountOffEachLineTests
{
    [Fact]
    public void AmountOffEachLine_LineOfThree_TakesTheAmountOnceSplitToTheCent()
    {
        var result = Evaluate(Cart(Line("a", 8.00m, 3)), Promo("p", Discount.AmountOffEachLine(D(10m))).Build());

        Assert.Equal(10.00m, result.Applied("p"));
        Assert.Equal(14.00m, result.Total.Amount);
        Assert.Equal([3.33m, 3.33m, 3.34m], result.Line("a").Units.Select(u => u.Original.Amount - u.Final.Amount).Order());
        Assert.Equal(ClampedBy.None, Assert.Single(result.Applied).ClampedBy);
    }

    [Fact]
    public void AmountOffEachLine_TwoLines_TakesTheAmountOffEach()
    {
        var result = Evaluate(Cart(Line("a", 8.00m, 3), Line("b", 30.00m, 1)), Promo("p", Discount.AmountOffEachLine(D(10m))).Build());

        Assert.Equal(20.00m, result.Applied("p"));
        Assert.Equal(10.00m, result.Line("a").Discount.Amount);
        Assert.Equal(10.00m, result.Line("b").Discount.Amount);
    }

    [Fact]
    public void AmountOffEachLine_LineWorthLess_TakesTheLineAndSaysThePriceClamped()
    {
        var result = Evaluate(Cart(Line("a", 3.00m, 2), Line("b", 30.00m, 1)), Promo("p", Discount.AmountOffEachLine(D(10m))).Build());

        var applied = Assert.Single(result.Applied);
        Assert.Equal(16.00m, applied.Amount.Amount);
        Assert.Equal(20.00m, applied.NominalAmount.Amount);
        Assert.Equal(ClampedBy.Price, applied.ClampedBy);
        Assert.Equal(0m, result.Line("a").Final.Amount);
    }

    [Fact]
    public void AmountOffEachLine_OnlyQualifyingLines_AreDiscounted()
    {
        var cart = Cart(Line("a", 20m, 2, "shoe", "shoes"), Line("b", 20m, 2, "hat", "hats"));

        var result = Evaluate(cart, Promo("p", Discount.AmountOffEachLine(D(5m))).ForItems(ItemFilter.Categories("shoes")).Build());

        Assert.Equal(5.00m, result.Line("a").Discount.Amount);
        Assert.Equal(0m, result.Line("b").Discount.Amount);
    }

    [Fact]
    public void AmountOffEachLine_WithAUnitLimit_SharesTheAmountOverTheLimitedUnits()
    {
        var result = Evaluate(Cart(Line("a", 4.00m, 5)), Promo("p", Discount.AmountOffEachLine(D(10m)).LimitUnits(perLine: 2)).Build());

        // Two units worth 8.00 are all the line may give.
        Assert.Equal(8.00m, result.Applied("p"));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(0.005)]
    public void AmountOffEachLine_NotPositiveOrNotRounded_Throws(decimal amount)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Discount.AmountOffEachLine(D(amount)));

        Assert.Equal("amount", e.ParamName);
    }

    [Fact]
    public void AmountOffEachLine_Json_RoundTrips()
    {
        var promotion = Promo("p", Discount.AmountOffEachLine(D(10m))).Build();

        var json = PromotionJson.Write([promotion]);

        Assert.Contains("\"type\": \"amountOffEachLine\"", json, StringComparison.Ordinal);
        Assert.Equal(json, PromotionJson.Write(PromotionJson.Read(json)));
        Assert.Equal("10.00 USD off each qualifying line", Assert.Single(PromotionJson.Read(json)).Discount.ToString());
    }

    [Fact]
    public void Read_AmountOffEachLineWithoutAmount_SaysWhere()
    {
        var json = """{ "schemaVersion": 1, "promotions": [ { "id": "p", "name": "P", "discount": { "type": "amountOffEachLine" } } ] }""";

        var e = Assert.Throws<PromotionDefinitionException>(() => PromotionJson.Read(json));

        Assert.Equal("$.promotions[0].discount.amount: is required.", Assert.Single(e.Errors));
    }
}
