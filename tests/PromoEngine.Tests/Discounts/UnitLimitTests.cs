using System;
using Xunit;
using static PromoEngine.Tests.Shop;

namespace PromoEngine.Tests;

/// <summary>Item discounts on at most so many units of each line and of the order (<see cref="Discount.LimitUnits"/>).</summary>
public sealed class UnitLimitTests
{
    private static Cart Socks() => Cart(Line("red", 8.00m, 2), Line("wool", 15.00m, 2));

    [Fact]
    public void LimitUnits_TwoPerOrderCheapestFirst_DiscountsTheTwoCheapestUnits()
    {
        var result = Evaluate(Socks(), Promo("p", Discount.PercentOffItems(10).LimitUnits(perOrder: 2)).Build());

        Assert.Equal(1.60m, result.Applied("p"));
        Assert.Equal(1.60m, result.Line("red").Discount.Amount);
        Assert.Equal(0m, result.Line("wool").Discount.Amount);
    }

    [Fact]
    public void LimitUnits_TwoPerOrderDearestFirst_DiscountsTheTwoDearestUnits()
    {
        var result = Evaluate(Socks(), Promo("p", Discount.PercentOffItems(10).LimitUnits(perOrder: 2, selection: UnitSelection.MostExpensive)).Build());

        Assert.Equal(3.00m, result.Applied("p"));
        Assert.Equal(3.00m, result.Line("wool").Discount.Amount);
    }

    [Fact]
    public void LimitUnits_OnePerLine_DiscountsOneUnitOfEachLine()
    {
        var result = Evaluate(Socks(), Promo("p", Discount.AmountOffEachItem(D(2m)).LimitUnits(perLine: 1)).Build());

        Assert.Equal(4.00m, result.Applied("p"));
        Assert.Equal(2.00m, result.Line("red").Discount.Amount);
        Assert.Equal(2.00m, result.Line("wool").Discount.Amount);
    }

    [Fact]
    public void LimitUnits_PerLineAndPerOrder_BothBind()
    {
        var cart = Cart(Line("a", 10m, 3), Line("b", 20m, 3), Line("c", 30m, 3));

        var result = Evaluate(cart, Promo("p", Discount.PercentOffItems(50).LimitUnits(perLine: 2, perOrder: 3, selection: UnitSelection.MostExpensive)).Build());

        // Two of c (the dearest), then one of b: the order's limit stops there.
        Assert.Equal(30.00m + 10.00m, result.Applied("p"));
        Assert.Equal(30.00m, result.Line("c").Discount.Amount);
        Assert.Equal(10.00m, result.Line("b").Discount.Amount);
        Assert.Equal(0m, result.Line("a").Discount.Amount);
    }

    [Fact]
    public void LimitUnits_FewerUnitsThanTheLimit_DiscountsEveryUnit()
    {
        var result = Evaluate(Cart(Line("a", 10m, 2)), Promo("p", Discount.PercentOffItems(10).LimitUnits(perLine: 5, perOrder: 9)).Build());

        Assert.Equal(2.00m, result.Applied("p"));
    }

    [Fact]
    public void LimitUnits_UnitsLeftOut_GoToAnotherPromotionOfTheLane()
    {
        var half = Promo("half", Discount.PercentOffItems(50).LimitUnits(perOrder: 1)).Build();
        var tenth = Promo("tenth", Discount.PercentOffItems(10)).Build();

        var result = Evaluate(Cart(Line("a", 10m, 3)), [half, tenth]);

        // 5.00 on one unit and 1.00 on each of the two others: better than 3.00 on all three.
        Assert.Equal(5.00m, result.Applied("half"));
        Assert.Equal(2.00m, result.Applied("tenth"));
        Assert.Equal(23.00m, result.Total.Amount);
    }

    [Fact]
    public void LimitUnits_BuyOneGetOneTwoUnitsPerOrder_GivesOneFreeUnit()
    {
        var result = Evaluate(Cart(Line("a", 10m, 4)), Promo("p", Discount.BuyXGetY(1, 1).LimitUnits(perOrder: 2)).Build());

        Assert.Equal(10.00m, result.Applied("p"));
        Assert.Equal(30.00m, result.Total.Amount);
    }

    [Fact]
    public void LimitUnits_ALimitedDiscountLimitedAgain_ReplacesTheLimit()
    {
        var twice = Discount.PercentOffItems(10).LimitUnits(perOrder: 1).LimitUnits(perOrder: 3);

        Assert.Equal(Evaluate(Socks(), Promo("p", Discount.PercentOffItems(10).LimitUnits(perOrder: 3)).Build()).Total,
            Evaluate(Socks(), Promo("p", twice).Build()).Total);
        Assert.Equal("10% off each qualifying item, at most 3 per order, cheapest first", twice.ToString());
    }

    [Fact]
    public void LimitUnits_OrderDiscount_Throws()
    {
        var e = Assert.Throws<ArgumentException>(() => Discount.PercentOffOrder(10).LimitUnits(perOrder: 1));

        Assert.Equal("discount", e.ParamName);
    }

    [Fact]
    public void LimitUnits_NoLimit_Throws()
    {
        var e = Assert.Throws<ArgumentException>(() => Discount.PercentOffItems(10).LimitUnits());

        Assert.Equal("perLine", e.ParamName);
    }

    [Theory]
    [InlineData(0, null, "perLine")]
    [InlineData(null, 0, "perOrder")]
    [InlineData(-1, 2, "perLine")]
    public void LimitUnits_BelowOne_Throws(int? perLine, int? perOrder, string parameter)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Discount.PercentOffItems(10).LimitUnits(perLine, perOrder));

        Assert.Equal(parameter, e.ParamName);
    }

    [Fact]
    public void LimitUnits_PerOrderBelowTheSetSize_Throws()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Discount.BuyXGetY(2, 1).LimitUnits(perOrder: 2));

        Assert.Equal("perOrder", e.ParamName);
        Assert.StartsWith("The discount works on sets of 3 units: a limit of 2 per order means it never applies.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LimitUnits_UndefinedSelection_Throws()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Discount.PercentOffItems(10).LimitUnits(perOrder: 1, selection: (UnitSelection)7));

        Assert.Equal("selection", e.ParamName);
    }

    [Fact]
    public void LimitUnits_Json_RoundTrips()
    {
        var promotion = Promo("p", Discount.BuyXGetY(1, 1, getItems: ItemFilter.Skus("cap")).LimitUnits(perLine: 2, perOrder: 4, selection: UnitSelection.MostExpensive)).Build();

        var json = PromotionJson.Write([promotion]);

        Assert.Contains("\"maxUnits\": {\n", json.Replace("\r\n", "\n", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Equal(json, PromotionJson.Write(PromotionJson.Read(json)));
    }

    [Theory]
    [InlineData("""{ "type": "percentOffOrder", "percent": 10, "maxUnits": { "perOrder": 1 } }""", "$.promotions[0].discount.maxUnits: is not a known property")]
    [InlineData("""{ "type": "percentOffItems", "percent": 10, "maxUnits": { } }""", "$.promotions[0].discount.maxUnits: a unit limit needs a limit per line, per order, or both.")]
    [InlineData("""{ "type": "percentOffItems", "percent": 10, "maxUnits": { "perOrder": 0 } }""", "$.promotions[0].discount.maxUnits: must be one or more.")]
    [InlineData("""{ "type": "percentOffItems", "percent": 10, "maxUnits": { "perDay": 1 } }""", "$.promotions[0].discount.maxUnits.perDay: is not a known property")]
    [InlineData("""{ "type": "percentOffItems", "percent": 10, "maxUnits": 2 }""", "$.promotions[0].discount.maxUnits: must be an object, not a number.")]
    [InlineData("""{ "type": "percentOffItems", "percent": 10, "maxUnits": { "perOrder": 1, "selection": "random" } }""", "$.promotions[0].discount.maxUnits.selection: ")]
    public void Read_BadUnitLimit_SaysWhere(string discount, string error)
    {
        var json = $$"""{ "schemaVersion": 1, "promotions": [ { "id": "p", "name": "P", "discount": {{discount}} } ] }""";

        var e = Assert.Throws<PromotionDefinitionException>(() => PromotionJson.Read(json));

        Assert.StartsWith(error, Assert.Single(e.Errors), StringComparison.Ordinal);
    }
}
