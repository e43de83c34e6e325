using System;
using System.Linq;
using Xunit;
using static PromoEngine.Tests.Shop;

namespace PromoEngine.Tests;

/// <summary>Item filters on a unit's price: at least, at most, between, composed with all / any / not (issue 11,
/// capability 1).</summary>
public sealed class UnitPriceFilterTests
{
    private static Promotion TwentyOff(ItemFilter filter) => Promo("p", Discount.PercentOffItems(20)).ForItems(filter).Build();

    [Fact]
    public void Evaluate_TwentyOffEverythingUnderFifty_DiscountsOnlyTheCheaperItems()
    {
        var cart = Cart(Line("cheap", 49.99m), Line("edge", 50m), Line("dear", 80m, 2));

        var result = Evaluate(cart, TwentyOff(ItemFilter.UnitPriceAtMost(D(49.99m))));

        Assert.Equal(10m, result.Applied("p"));
        Assert.Empty(result.Line("edge").Adjustments);
        Assert.Empty(result.Line("dear").Adjustments);
    }

    [Fact]
    public void UnitPriceBetween_BothBoundsInclusive_AdmitsPricesOnTheBounds()
    {
        var filter = ItemFilter.UnitPriceBetween(D(10m), D(20m));

        Assert.True(filter.Matches(Line("a", 10m)));
        Assert.True(filter.Matches(Line("b", 20m)));
        Assert.False(filter.Matches(Line("c", 9.99m)));
        Assert.False(filter.Matches(Line("d", 20.01m)));
    }

    [Fact]
    public void UnitPriceAtLeast_IsJudgedPerUnitNotPerLine()
    {
        // Three units of 40 make a line of 120, but no unit costs 100.
        var result = Evaluate(Cart(Line("a", 40m, 3), Line("b", 100m)), TwentyOff(ItemFilter.UnitPriceAtLeast(D(100m))));

        Assert.Equal(20m, result.Applied("p"));
        Assert.Empty(result.Line("a").Adjustments);
    }

    [Fact]
    public void UnitPriceAtMostZero_AdmitsOnlyFreeItems_SoNothingToDiscount()
    {
        var result = Evaluate(Cart(Line("free", 0m), Line("paid", 5m)), TwentyOff(ItemFilter.UnitPriceAtMost(D(0m))));

        Assert.Equal(0m, result.Applied("p"));
        Assert.Equal(RejectionReason.NothingToDiscount, result.Rejection("p").Reason);
    }

    [Fact]
    public void UnitPrice_ComposedWithCategoryAndNot_SelectsShoesUnderFiftyThatAreNotOnSale()
    {
        var filter = ItemFilter.AllOf(
            ItemFilter.Categories("shoes"),
            ItemFilter.UnitPriceAtMost(D(49.99m)),
            ItemFilter.Not(ItemFilter.Tags("sale")));
        var cart = Cart(
            Line("cheap-shoe", 30m, 1, "s1", "shoes"),
            Line("dear-shoe", 90m, 1, "s2", "shoes"),
            new CartLine("sale-shoe", "s3", D(20m), 1, ["shoes"], ["sale"]),
            Line("cheap-sock", 5m, 1, "s4", "socks"));

        var result = Evaluate(cart, TwentyOff(filter));

        Assert.Equal(6m, result.Applied("p"));
        Assert.Single(result.Lines, l => !l.Adjustments.IsEmpty);
    }

    [Fact]
    public void Catalog_AnyOfSkuOrUnitPrice_IsCheckedForCartsWithoutThatSku()
    {
        // Were the promotion indexed by the SKU it names, a cart of cheap items without that SKU would never see it.
        var promotion = TwentyOff(ItemFilter.AnyOf(ItemFilter.Skus("GIFTBOX"), ItemFilter.UnitPriceAtMost(D(10m))));

        var result = Evaluate(Cart(Line("a", 10m), Line("b", 30m)), promotion);

        Assert.Equal(2m, result.Applied("p"));
    }

    [Fact]
    public void Catalog_NotUnitPrice_IsCheckedForEveryCart()
    {
        var promotion = TwentyOff(ItemFilter.Not(ItemFilter.UnitPriceAtMost(D(10m))));

        Assert.Equal(6m, Evaluate(Cart(Line("a", 10m), Line("b", 30m)), promotion).Applied("p"));
    }

    [Fact]
    public void Catalog_AllOfCategoryAndUnitPrice_IsFoundByTheCategory()
    {
        var promotion = TwentyOff(ItemFilter.AllOf(ItemFilter.UnitPriceAtMost(D(50m)), ItemFilter.Categories("shoes")));

        Assert.Equal(8m, Evaluate(Cart(Line("a", 40m, 1, "x", "shoes"), Line("b", 40m)), promotion).Applied("p"));
    }

    [Fact]
    public void Evaluate_PriceFilterInAnotherCurrency_IsRejectedAsCurrencyNotSupported()
    {
        var promotion = TwentyOff(ItemFilter.UnitPriceAtMost(new Money(50m, Currency.Eur)));

        Assert.Equal(RejectionReason.CurrencyNotSupported, Diagnose(Cart(Line("a", 10m)), promotion).Rejection("p").Reason);
    }

    [Fact]
    public void Build_PriceFilterInAnotherCurrencyThanTheDiscount_IsRefusedAtItems()
    {
        var builder = Promo("p", Discount.AmountOffEachItem(D(5m))).ForItems(ItemFilter.UnitPriceAtLeast(new Money(50m, Currency.Eur)));

        var error = Assert.Throws<PromotionDefinitionException>(builder.Build);

        Assert.Equal("items: is in EUR but the promotion's other amounts are in USD.", Assert.Single(error.Errors));
    }

    [Fact]
    public void UnitPriceBetween_HighestBelowLowest_Throws()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => ItemFilter.UnitPriceBetween(D(20m), D(10m)));

        Assert.Equal("atMost", error.ParamName);
    }

    [Fact]
    public void UnitPriceBetween_TwoCurrencies_Throws()
    {
        var error = Assert.Throws<CurrencyMismatchException>(() => ItemFilter.UnitPriceBetween(D(1m), new Money(2m, Currency.Eur)));

        Assert.Equal("atMost", error.ParamName);
    }

    [Fact]
    public void UnitPriceAtMost_Negative_Throws()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => ItemFilter.UnitPriceAtMost(D(-1m)));

        Assert.Equal("amount", error.ParamName);
    }

    [Fact]
    public void UnitPriceAtLeast_NoCurrency_Throws()
    {
        Assert.Throws<ArgumentException>(() => ItemFilter.UnitPriceAtLeast(default));
    }

    [Fact]
    public void AnyOf_PriceFiltersInTwoCurrencies_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            ItemFilter.AnyOf(ItemFilter.UnitPriceAtMost(D(5m)), ItemFilter.Not(ItemFilter.UnitPriceAtLeast(new Money(9m, Currency.Eur)))));

        Assert.Equal("filters", error.ParamName);
    }

    [Fact]
    public void Lint_PriceBoundsThatExcludeEachOther_ItemsCanNeverQualify()
    {
        var never = TwentyOff(ItemFilter.AllOf(ItemFilter.UnitPriceAtLeast(D(50m)), ItemFilter.UnitPriceAtMost(D(20m))));
        var fine = Promo("q", Discount.PercentOffItems(20)).ForItems(ItemFilter.AllOf(ItemFilter.UnitPriceAtLeast(D(20m)), ItemFilter.UnitPriceAtMost(D(20m)))).Build();

        var finding = Assert.Single(CatalogLinter.Lint([never, fine], Now));

        Assert.Equal(LintRule.ItemsCanNeverQualify, finding.Rule);
        Assert.Equal(LintSeverity.Error, finding.Severity);
        Assert.Equal("p", finding.Promotions.Single().Value);
        Assert.Equal(0m, Evaluate(Cart(Line("a", 20m), Line("b", 50m)), never).Applied("p"));
    }

    [Fact]
    public void Json_UnitPrice_RoundTripsAndApplies()
    {
        const string json = """
            { "schemaVersion": 1, "promotions": [ { "id": "p", "name": "p",
              "items": { "type": "allOf", "filters": [
                { "type": "unitPrice", "atMost": { "amount": 49.99, "currency": "USD" } },
                { "type": "unitPrice", "atLeast": { "amount": 5, "currency": "USD" }, "atMost": { "amount": 100, "currency": "USD" } } ] },
              "discount": { "type": "percentOffItems", "percent": 20 } } ] }
            """;

        var promotion = Assert.Single(PromotionJson.Read(json));
        var written = PromotionJson.Write([promotion]);

        Assert.Equal(written, PromotionJson.Write(PromotionJson.Read(written)));
        Assert.Contains("\"type\": \"unitPrice\"", written, StringComparison.Ordinal);
        Assert.Empty(PromotionSchemaTests.Validate(written));
        Assert.Equal(8m, Evaluate(Cart(Line("a", 40m), Line("b", 60m), Line("c", 4m)), promotion).Applied("p"));
    }

    [Theory]
    [InlineData("""{ "type": "unitPrice" }""", "$.promotions[0].items.atLeast: is required (or atMost, or both).")]
    [InlineData("""{ "type": "unitPrice", "atLeast": { "amount": 20, "currency": "USD" }, "atMost": { "amount": 10, "currency": "USD" } }""", "$.promotions[0].items.atMost: the highest price (10.00 USD) is below the lowest (20.00 USD).")]
    [InlineData("""{ "type": "unitPrice", "atMost": { "amount": -1, "currency": "USD" } }""", "$.promotions[0].items.atMost: a price bound must not be negative.")]
    public void Json_BadUnitPrice_IsAnErrorAtItsPath(string filter, string expected)
    {
        var json = $$"""{ "schemaVersion": 1, "promotions": [ { "id": "p", "name": "p", "items": {{filter}}, "discount": { "type": "percentOffItems", "percent": 20 } } ] }""";

        var error = Assert.Throws<PromotionDefinitionException>(() => PromotionJson.Read(json));

        Assert.Equal(expected, Assert.Single(error.Errors));
    }
}
