using System;
using System.Globalization;
using System.Linq;
using PromoEngine.Messages.German;
using Xunit;
using static PromoEngine.Tests.Shop;

namespace PromoEngine.Tests;

/// <summary>Conditions on other items of the cart: at least so many units, or so much, of items that pass a filter,
/// whichever items the discount targets (issue 11, capability 2).</summary>
public sealed class CartConditionTests
{
    private static readonly ItemFilter Shoes = ItemFilter.Categories("shoes");

    private static Promotion SocksWithShoes(int pairs = 1) =>
        Promotion.Create("socks", "30% off socks with shoes")
            .ForItems(ItemFilter.Categories("socks"))
            .Require(Restriction.CartHoldsUnits(Shoes, pairs, "shoes"))
            .Giving(Discount.PercentOffItems(30))
            .Build();

    private static Promotion ShipFreeOverHundredOnShoes() =>
        Promotion.Create("ship", "Free shipping on $100 of shoes")
            .Require(Restriction.CartHoldsAmount(Shoes, D(100m), "shoes"))
            .Giving(Discount.FreeShipping)
            .Build();

    private static CartLine Shoe(string id, decimal price, int quantity = 1) => Line(id, price, quantity, id, "shoes");

    private static CartLine Sock(string id, decimal price, int quantity = 1) => Line(id, price, quantity, id, "socks");

    [Fact]
    public void Evaluate_BuyAnyShoes_ThirtyOffTheSocksOnly()
    {
        var result = Evaluate(Cart(Shoe("runner", 80m), Sock("sock", 10m, 2)), SocksWithShoes());

        Assert.Equal(6m, result.Applied("socks"));
        Assert.Empty(result.Line("runner").Adjustments);
    }

    [Fact]
    public void Evaluate_NoShoes_RejectsWithCartConditionNotMetAndHintsToAddOne()
    {
        var result = Evaluate(Cart(Sock("sock", 10m, 2)), SocksWithShoes());

        var rejection = result.Rejection("socks");
        Assert.Equal(RejectionReason.CartConditionNotMet, rejection.Reason);
        Assert.Equal(1, rejection.MissingQuantity);
        Assert.Equal("shoes", rejection.ItemsLabel);
        Assert.Equal("Add 1 more item from shoes to get 30% off socks with shoes.", rejection.Message);
        var hint = Assert.Single(result.Hints);
        Assert.Equal((HintKind.AddRequiredItems, 1, "shoes"), (hint.Kind, hint.MissingQuantity, hint.ItemsLabel));
        Assert.Equal(2, System.Text.RegularExpressions.Regex.Count(EvaluationJson.Write(result), "\"itemsLabel\": \"shoes\""));
    }

    [Fact]
    public void Evaluate_UnitsCountAcrossLines_TwoLinesOfOneMeetTwo()
    {
        var promotion = SocksWithShoes(pairs: 2);

        Assert.Equal(3m, Evaluate(Cart(Shoe("a", 50m), Shoe("b", 60m), Sock("s", 10m)), promotion).Applied("socks"));
        Assert.Equal(1, Evaluate(Cart(Shoe("a", 50m), Sock("s", 10m)), promotion).Rejection("socks").MissingQuantity);
    }

    [Fact]
    public void Evaluate_SpendHundredOnShoes_ExactlyHundredGetsFreeShipping()
    {
        var result = Evaluate(Cart(CustomerProfile.Guest, 7m, Shoe("a", 60m), Shoe("b", 40m)), ShipFreeOverHundredOnShoes());

        Assert.Equal(7m, result.Applied("ship"));
    }

    [Fact]
    public void Evaluate_SpendHundredOnShoes_OtherItemsDoNotCount_ShortfallAndHint()
    {
        var result = Evaluate(Cart(CustomerProfile.Guest, 7m, Shoe("a", 80m), Sock("s", 50m)), ShipFreeOverHundredOnShoes());

        var rejection = result.Rejection("ship");
        Assert.Equal(RejectionReason.CartConditionNotMet, rejection.Reason);
        Assert.Equal(D(20m), rejection.Shortfall);
        Assert.Null(rejection.MissingQuantity);
        Assert.Equal("Spend 20.00 USD more on shoes to get Free shipping on $100 of shoes.", rejection.Message);
        var hint = Assert.Single(result.Hints);
        Assert.Equal((HintKind.SpendMoreOnRequiredItems, D(20m)), (hint.Kind, hint.Shortfall));
    }

    [Fact]
    public void Evaluate_ConditionAmount_IsMeasuredBeforeDiscounts()
    {
        var shoeSale = Promo("sale", Discount.PercentOffItems(50)).ForItems(Shoes).WithPriority(10).Build();

        var result = Evaluate(Cart(CustomerProfile.Guest, 7m, Shoe("a", 100m)), [shoeSale, ShipFreeOverHundredOnShoes()]);

        Assert.Equal(50m, result.Applied("sale"));
        Assert.Equal(7m, result.Applied("ship"));
    }

    [Fact]
    public void CartHolds_WithoutLabel_NamesTheItemsByTheFilter()
    {
        var promotion = Promo("p", Discount.PercentOffItems(10)).Require(Restriction.CartHoldsUnits(Shoes, 1)).Build();

        var rejection = Evaluate(Cart(Sock("s", 10m)), promotion).Rejection("p");

        Assert.Equal("category shoes", rejection.ItemsLabel);
    }

    [Fact]
    public void CartHolds_ConditionOnItemsItDiscounts_IsAllowed()
    {
        // "Buy 2 shoes, get 10% off shoes": the condition and the targets may overlap.
        var promotion = Promo("p", Discount.PercentOffItems(10)).ForItems(Shoes).Require(Restriction.CartHoldsUnits(Shoes, 2)).Build();

        Assert.Equal(12m, Evaluate(Cart(Shoe("a", 60m, 2)), promotion).Applied("p"));
    }

    [Fact]
    public void Messages_CartConditionNotMet_InEnglishAndGerman()
    {
        var result = Evaluate(Cart(Sock("s", 10m)), SocksWithShoes());
        var catalog = PromotionCatalog.Create([SocksWithShoes()]);
        var text = new ShopperText(new GermanMessages());
        var rejection = result.Rejection("socks");

        Assert.Equal("Add 1 more item from shoes to get 30% off socks with shoes.", text.Describe(rejection, catalog, CultureInfo.GetCultureInfo("en-US")));
        Assert.Equal("Legen Sie einen weiteren Artikel aus „shoes“ in den Warenkorb, um 30% off socks with shoes zu erhalten.",
            text.Describe(rejection, catalog, CultureInfo.GetCultureInfo("de-DE")));
    }

    [Fact]
    public void CartHoldsUnits_Zero_Throws() =>
        Assert.Equal("units", Assert.Throws<ArgumentOutOfRangeException>(() => Restriction.CartHoldsUnits(Shoes, 0)).ParamName);

    [Fact]
    public void CartHoldsAmount_NotRounded_Throws() =>
        Assert.Equal("amount", Assert.Throws<ArgumentException>(() => Restriction.CartHoldsAmount(Shoes, D(10.005m))).ParamName);

    [Fact]
    public void CartHoldsAmount_Zero_Throws() =>
        Assert.Equal("amount", Assert.Throws<ArgumentOutOfRangeException>(() => Restriction.CartHoldsAmount(Shoes, D(0m))).ParamName);

    [Fact]
    public void CartHoldsAmount_FilterInAnotherCurrency_Throws() =>
        Assert.Equal("amount", Assert.Throws<ArgumentException>(() =>
            Restriction.CartHoldsAmount(ItemFilter.UnitPriceAtLeast(new Money(5m, Currency.Eur)), D(10m))).ParamName);

    [Fact]
    public void CartHolds_EmptyLabel_Throws() =>
        Assert.Equal("label", Assert.Throws<ArgumentException>(() => Restriction.CartHoldsUnits(Shoes, 1, " ")).ParamName);

    [Fact]
    public void Build_ConditionAmountInAnotherCurrency_IsRefusedAtItsPath()
    {
        var builder = Promo("p", Discount.AmountOffOrder(D(5m))).Require(Restriction.CartHoldsAmount(Shoes, new Money(10m, Currency.Eur)));

        Assert.Equal("restrictions[0]: is in EUR but the promotion's other amounts are in USD.",
            Assert.Single(Assert.Throws<PromotionDefinitionException>(builder.Build).Errors));
    }

    [Fact]
    public void Lint_ConditionFilterAdmitsNoItem_IsAnError()
    {
        var never = Promo("p", Discount.PercentOffItems(10))
            .Require(Restriction.CartHoldsUnits(ItemFilter.AllOf(ItemFilter.Skus("A"), ItemFilter.Skus("B")), 1))
            .Build();

        var finding = Assert.Single(CatalogLinter.Lint([never], Now));

        Assert.Equal((LintRule.CartConditionContradictsItems, LintSeverity.Error), (finding.Rule, finding.Severity));
    }

    [Fact]
    public void Lint_ConditionOnTheOwnItems_IsAWarning_ConditionOnOtherItemsIsFine()
    {
        var own = Promo("own", Discount.PercentOffItems(10)).ForItems(Shoes).Require(Restriction.CartHoldsUnits(Shoes, 2)).Build();

        var finding = Assert.Single(CatalogLinter.Lint([own, SocksWithShoes()], Now));

        Assert.Equal((LintRule.CartConditionContradictsItems, LintSeverity.Warning, "own"), (finding.Rule, finding.Severity, finding.Promotions.Single().Value));
    }

    [Fact]
    public void Json_CartHolds_RoundTripsWithSchemaAndApplies()
    {
        const string json = """
            { "schemaVersion": 1, "promotions": [
              { "id": "socks", "name": "socks", "items": { "type": "categories", "values": ["socks"] },
                "restrictions": [ { "type": "cartHolds", "items": { "type": "categories", "values": ["shoes"] }, "units": 1, "label": "shoes" } ],
                "discount": { "type": "percentOffItems", "percent": 30 } },
              { "id": "ship", "name": "ship",
                "restrictions": [ { "type": "cartHolds", "items": { "type": "categories", "values": ["shoes"] }, "amount": { "amount": 100, "currency": "USD" } } ],
                "discount": { "type": "freeShipping" } } ] }
            """;

        var promotions = PromotionJson.Read(json);
        var written = PromotionJson.Write(promotions);

        Assert.Equal(written, PromotionJson.Write(PromotionJson.Read(written)));
        Assert.Empty(PromotionSchemaTests.Validate(written));
        var result = Evaluate(Cart(CustomerProfile.Guest, 5m, Shoe("a", 120m), Sock("s", 10m)), promotions);
        Assert.Equal((3m, 5m), (result.Applied("socks"), result.Applied("ship")));
        Assert.Equal("category shoes", Evaluate(Cart(Sock("s", 10m)), promotions).Rejection("ship").ItemsLabel);
    }

    [Theory]
    [InlineData("""{ "type": "cartHolds", "items": { "type": "all" } }""", "$.promotions[0].restrictions[0].units: is required (or amount).")]
    [InlineData("""{ "type": "cartHolds", "items": { "type": "all" }, "units": 1, "amount": { "amount": 5, "currency": "USD" } }""", "$.promotions[0].restrictions[0].units: give units or amount, not both.")]
    [InlineData("""{ "type": "cartHolds", "items": { "type": "all" }, "units": 0 }""", "$.promotions[0].restrictions[0].units: must be greater than zero.")]
    [InlineData("""{ "type": "cartHolds", "units": 1 }""", "$.promotions[0].restrictions[0].items: is required.")]
    public void Json_BadCartHolds_IsAnErrorAtItsPath(string restriction, string expected)
    {
        var json = $$"""{ "schemaVersion": 1, "promotions": [ { "id": "p", "name": "p", "restrictions": [ {{restriction}} ], "discount": { "type": "percentOffItems", "percent": 20 } } ] }""";

        var error = Assert.Throws<PromotionDefinitionException>(() => PromotionJson.Read(json));

        Assert.Equal(expected, error.Errors.First());
    }
}
