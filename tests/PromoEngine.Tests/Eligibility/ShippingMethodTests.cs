using System;
using System.Globalization;
using Xunit;
using static PromoEngine.Tests.Shop;

namespace PromoEngine.Tests;

/// <summary>A condition on the shipping method the cart names (issue 11, capability 9, second half).</summary>
public sealed class ShippingMethodTests
{
    private static readonly Promotion FreeStandard =
        Promotion.Create("ship", "Free standard shipping").Require(Restriction.ShippingMethods("standard")).Giving(Discount.FreeShipping).Build();

    private static Cart ShippedBy(string? method) => Cart(CustomerProfile.Guest, 9m, Line("a", 40m)).WithShippingMethod(method);

    [Fact]
    public void Evaluate_NamedMethod_Applies() => Assert.Equal(9m, Evaluate(ShippedBy("standard"), FreeStandard).Applied("ship"));

    [Fact]
    public void Evaluate_OtherMethod_RejectsNamingTheAllowedOnes()
    {
        var rejection = Evaluate(ShippedBy("express"), FreeStandard).Rejection("ship");

        Assert.Equal(RejectionReason.ShippingMethodNotEligible, rejection.Reason);
        Assert.Equal("standard", Assert.Single(rejection.Allowed));
        Assert.Equal("Free standard shipping is only for shipping by standard, not express.", rejection.Message);
    }

    [Fact]
    public void Evaluate_NoMethodChosen_Rejects()
    {
        var rejection = Evaluate(ShippedBy(null), FreeStandard).Rejection("ship");

        Assert.Equal(RejectionReason.ShippingMethodNotEligible, rejection.Reason);
        Assert.Equal("Free standard shipping is only for shipping by standard: choose one of them.", rejection.Message);
    }

    [Fact]
    public void Evaluate_MethodsCompareOrdinally() =>
        Assert.Equal(RejectionReason.ShippingMethodNotEligible, Evaluate(ShippedBy("Standard"), FreeStandard).Rejection("ship").Reason);

    [Fact]
    public void WithShippingMethod_TrimsKeepsEverythingElseAndIsANoOpWhenUnchanged()
    {
        var cart = new Cart(Usd, [Line("a", 1m)], CustomerProfile.Registered("c"), D(3m), "web", new Region("US")).WithShippingMethod(" express ");

        Assert.Equal("express", cart.ShippingMethod);
        Assert.Equal(("web", new Region("US"), D(3m)), (cart.Channel, cart.ShippingRegion!.Value, cart.Shipping));
        Assert.Same(cart, cart.WithShippingMethod("express"));
        Assert.Equal("express", cart.WithShippingRegion(new Region("CA")).ShippingMethod);
        Assert.Null(cart.WithShippingMethod(null).ShippingMethod);
    }

    [Fact]
    public void WithShippingMethod_Empty_Throws() =>
        Assert.Equal("method", Assert.Throws<ArgumentException>(() => ShippedBy(" ")).ParamName);

    [Fact]
    public void ShippingMethods_None_Throws() =>
        Assert.Throws<ArgumentException>(() => Restriction.ShippingMethods());

    [Fact]
    public void Messages_ShippingMethod_InEnglishAndGerman()
    {
        var rejection = Evaluate(ShippedBy("express"), FreeStandard).Rejection("ship");
        var text = new ShopperText(new PromoEngine.Messages.German.GermanMessages());
        var catalog = PromotionCatalog.Create([FreeStandard]);

        Assert.Equal("Free standard shipping is only for shipping by standard.", text.Describe(rejection, catalog, CultureInfo.GetCultureInfo("en-US")));
        Assert.Equal("Free standard shipping gilt nur für die Versandart standard.", text.Describe(rejection, catalog, CultureInfo.GetCultureInfo("de-DE")));
    }

    [Fact]
    public void Lint_ShippingMethodListsSharingNothing_NeverMet()
    {
        var never = Promo("p", Discount.FreeShipping).Require(Restriction.ShippingMethods("standard")).Require(Restriction.ShippingMethods("express")).Build();

        var finding = Assert.Single(CatalogLinter.Lint([never, FreeStandard], Now));

        Assert.Equal((LintRule.ShippingMethodsNeverMet, "p"), (finding.Rule, finding.Promotions[0].Value));
    }

    [Fact]
    public void Json_ShippingMethods_RoundTripsWithSchema_AndCartJsonNamesTheMethod()
    {
        const string json = """
            { "schemaVersion": 1, "promotions": [ { "id": "ship", "name": "ship",
              "restrictions": [ { "type": "shippingMethods", "methods": ["standard", "pickup"] } ],
              "discount": { "type": "freeShipping" } } ] }
            """;

        var promotion = Assert.Single(PromotionJson.Read(json));
        var written = PromotionJson.Write([promotion]);

        Assert.Equal(written, PromotionJson.Write(PromotionJson.Read(written)));
        Assert.Empty(PromotionSchemaTests.Validate(written));
        Assert.Equal(9m, Evaluate(ShippedBy("pickup"), promotion).Applied("ship"));
        Assert.Contains("\"shippingMethod\": \"pickup\"", EvaluationJson.Write(ShippedBy("pickup")), StringComparison.Ordinal);
    }

    [Fact]
    public void Json_ShippingMethodsEmpty_IsAnError()
    {
        const string json = """{ "schemaVersion": 1, "promotions": [ { "id": "p", "name": "p", "restrictions": [ { "type": "shippingMethods", "methods": [] } ], "discount": { "type": "freeShipping" } } ] }""";

        Assert.StartsWith("$.promotions[0].restrictions[0].methods: ", Assert.Single(Assert.Throws<PromotionDefinitionException>(() => PromotionJson.Read(json)).Errors), StringComparison.Ordinal);
    }

    [Fact]
    public void Return_KeepsTheShippingMethod_SoAShippingMethodPromotionStillApplies()
    {
        var tenOffStandard = Promo("p", Discount.PercentOffItems(10)).Require(Restriction.ShippingMethods("standard")).Build();
        var evaluator = new PromotionEvaluator(PromotionCatalog.Create([tenOffStandard]), new EvaluationOptions { IncludeUnits = true });
        var cart = Cart(Line("a", 40m, 2)).WithShippingMethod("standard");
        var order = OrderRecord.Of(evaluator, cart, evaluator.Evaluate(cart, [], Now));

        var result = order.Return([new ReturnedUnits("a", 1)]);

        Assert.Equal(36m, result.Refund.Amount);
    }
}
