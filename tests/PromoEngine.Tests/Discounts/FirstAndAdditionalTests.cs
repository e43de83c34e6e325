using System;
using Xunit;
using static PromoEngine.Tests.Shop;

namespace PromoEngine.Tests;

/// <summary>A flexi rate: an amount off the first unit and another off each additional
/// (<see cref="Discount.FirstAndAdditional"/>).</summary>
public sealed class FirstAndAdditionalTests
{
    private static Discount Flexi(UnitScope scope = UnitScope.EachLine) => Discount.FirstAndAdditional(D(5m), D(1m), scope);

    [Fact]
    public void FirstAndAdditional_EachLine_EveryLineHasItsFirstUnit()
    {
        var result = Evaluate(Cart(Line("a", 10.00m, 3), Line("b", 4.00m, 2)), Promo("p", Flexi()).Build());

        // a: 5 + 1 + 1; b: the first unit is worth 4.00, so 4 + 1.
        Assert.Equal(7.00m, result.Line("a").Discount.Amount);
        Assert.Equal(5.00m, result.Line("b").Discount.Amount);
        var applied = Assert.Single(result.Applied);
        Assert.Equal((12.00m, 13.00m, ClampedBy.Price), (applied.Amount.Amount, applied.NominalAmount.Amount, applied.ClampedBy));
    }

    [Fact]
    public void FirstAndAdditional_AcrossLines_TheDearestUnitIsTheOnlyFirst()
    {
        var result = Evaluate(Cart(Line("a", 4.00m, 2), Line("b", 10.00m, 3)), Promo("p", Flexi(UnitScope.AcrossLines)).Build());

        Assert.Equal(5.00m + 1.00m + 1.00m, result.Line("b").Discount.Amount);
        Assert.Equal(2.00m, result.Line("a").Discount.Amount);
        Assert.Equal((9.00m, ClampedBy.None), (result.Applied("p"), Assert.Single(result.Applied).ClampedBy));
    }

    [Fact]
    public void FirstAndAdditional_AtMostThreeUnitsDearestFirst_StopsAtThree()
    {
        var discount = Flexi(UnitScope.AcrossLines).LimitUnits(perOrder: 3, selection: UnitSelection.MostExpensive);

        var result = Evaluate(Cart(Line("a", 4.00m, 2), Line("b", 10.00m, 3)), Promo("p", discount).Build());

        Assert.Equal(7.00m, result.Applied("p"));
        Assert.Equal(0m, result.Line("a").Discount.Amount);
    }

    [Fact]
    public void FirstAndAdditional_NothingOffAdditionalUnits_LeavesThemToOtherPromotions()
    {
        var first = Promo("first", Discount.FirstAndAdditional(D(5m), D(0m))).Build();
        var tenth = Promo("tenth", Discount.PercentOffItems(10)).Build();

        var result = Evaluate(Cart(Line("a", 10.00m, 3)), [first, tenth]);

        Assert.Equal(5.00m, result.Applied("first"));
        Assert.Equal(2.00m, result.Applied("tenth"));
    }

    [Fact]
    public void FirstAndAdditional_OneUnit_TakesOnlyTheFirstAmount()
    {
        var result = Evaluate(Cart(Line("a", 10.00m)), Promo("p", Flexi()).Build());

        Assert.Equal(5.00m, result.Applied("p"));
    }

    [Theory]
    [InlineData(0, 1, "first")]
    [InlineData(5, -1, "additional")]
    [InlineData(5, 0.001, "additional")]
    public void FirstAndAdditional_AmountOutOfRange_Throws(decimal first, decimal additional, string parameter)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Discount.FirstAndAdditional(D(first), D(additional)));

        Assert.Equal(parameter, e.ParamName);
    }

    [Fact]
    public void FirstAndAdditional_TwoCurrencies_Throws()
    {
        var e = Assert.Throws<CurrencyMismatchException>(() => Discount.FirstAndAdditional(D(5m), new Money(1m, Currency.Eur)));

        Assert.Equal("additional", e.ParamName);
    }

    [Fact]
    public void FirstAndAdditional_UndefinedScope_Throws()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Discount.FirstAndAdditional(D(5m), D(1m), (UnitScope)9));

        Assert.Equal("scope", e.ParamName);
    }

    [Fact]
    public void FirstAndAdditional_Json_RoundTrips()
    {
        var promotions = new[]
        {
            Promo("a", Flexi()).Build(),
            Promo("b", Flexi(UnitScope.AcrossLines).LimitUnits(perOrder: 4, selection: UnitSelection.MostExpensive)).Build(),
        };

        var json = PromotionJson.Write(promotions);

        Assert.Contains("\"scope\": \"acrossLines\"", json, StringComparison.Ordinal);
        Assert.Equal(json, PromotionJson.Write(PromotionJson.Read(json)));
    }

    [Theory]
    [InlineData("""{ "type": "firstAndAdditional", "first": { "amount": 5, "currency": "USD" } }""", "$.promotions[0].discount.additional: is required.")]
    [InlineData("""{ "type": "firstAndAdditional", "first": { "amount": 5, "currency": "USD" }, "additional": { "amount": 1, "currency": "EUR" } }""", "$.promotions[0].discount: ")]
    [InlineData("""{ "type": "firstAndAdditional", "first": { "amount": 5, "currency": "USD" }, "additional": { "amount": 1, "currency": "USD" }, "scope": "perCustomer" }""", "$.promotions[0].discount.scope: ")]
    public void Read_BadFirstAndAdditional_SaysWhere(string discount, string error)
    {
        var json = $$"""{ "schemaVersion": 1, "promotions": [ { "id": "p", "name": "P", "discount": {{discount}} } ] }""";

        var e = Assert.Throws<PromotionDefinitionException>(() => PromotionJson.Read(json));

        Assert.StartsWith(error, Assert.Single(e.Errors), StringComparison.Ordinal);
    }
}
