using System;
using System.Globalization;
using Xunit;
using static PromoEngine.Tests.Shop;

namespace PromoEngine.Tests;

/// <summary>Conditions on the customer's order history: first order, at least N, exactly the Nth (issue 11,
/// capability 11).</summary>
public sealed class OrderHistoryTests
{
    private static Promotion TenOff(Restriction restriction) => Promo("p", Discount.PercentOffItems(10)).Require(restriction).Build();

    private static Cart CartOf(CustomerProfile customer) => Cart(customer, null, Line("a", 50m));

    private static CustomerProfile WithOrders(int? count) => CustomerProfile.Registered("c").WithPreviousOrders(count);

    [Theory]
    [InlineData(0, true)]
    [InlineData(1, false)]
    public void NthOrderOne_IsTheFirstOrder(int previous, bool applies)
    {
        var result = Evaluate(CartOf(WithOrders(previous)), TenOff(Restriction.NthOrder(1)));

        Assert.Equal(applies ? 5m : 0m, result.Applied("p"));
    }

    [Theory]
    [InlineData(2, false)]
    [InlineData(3, true)]
    [InlineData(10, true)]
    public void PreviousOrdersAtLeastThree_FromTheFourthOrder(int previous, bool applies) =>
        Assert.Equal(applies ? 5m : 0m, Evaluate(CartOf(WithOrders(previous)), TenOff(Restriction.PreviousOrders(atLeast: 3))).Applied("p"));

    [Theory]
    [InlineData(3, false)]
    [InlineData(4, true)]
    [InlineData(5, false)]
    public void NthOrderFive_OnlyTheFifth(int previous, bool applies) =>
        Assert.Equal(applies ? 5m : 0m, Evaluate(CartOf(WithOrders(previous)), TenOff(Restriction.NthOrder(5))).Applied("p"));

    [Fact]
    public void PreviousOrders_Rejected_CarriesTheBoundsAndTheCount()
    {
        var rejection = Diagnose(CartOf(WithOrders(1)), TenOff(Restriction.PreviousOrders(atLeast: 3))).Rejection("p");

        Assert.Equal(RejectionReason.OrderHistoryNotEligible, rejection.Reason);
        Assert.Equal((1, 3, (int?)null), (rejection.PreviousOrders, rejection.PreviousOrdersAtLeast, rejection.PreviousOrdersAtMost));
        Assert.Equal("p is only for at least 3 previous orders.", rejection.Message);
    }

    [Fact]
    public void Guest_HistoryUnknown_NeverQualifiesAndIsToldToSignIn()
    {
        var rejection = Diagnose(CartOf(CustomerProfile.Guest), TenOff(Restriction.NthOrder(1))).Rejection("p");

        Assert.Equal(RejectionReason.OrderHistoryNotEligible, rejection.Reason);
        Assert.Null(rejection.PreviousOrders);
        Assert.Equal("p is only for order number 1, and your order history is not known: sign in to use it.", rejection.Message);
    }

    [Fact]
    public void Guest_WithAHistoryTheHostKnows_Qualifies() =>
        Assert.Equal(5m, Evaluate(CartOf(CustomerProfile.Guest.WithPreviousOrders(0)), TenOff(Restriction.NthOrder(1))).Applied("p"));

    [Fact]
    public void WithPreviousOrders_SetsIsFirstOrder_AndWithFirstOrderSetsTheCount()
    {
        Assert.True(WithOrders(0).IsFirstOrder);
        Assert.False(WithOrders(2).IsFirstOrder);
        Assert.Equal(0, CustomerProfile.Registered("c").WithFirstOrder().PreviousOrders);
        Assert.Null(WithOrders(0).WithFirstOrder(false).PreviousOrders);
        Assert.Equal(2, WithOrders(2).WithFirstOrder(false).PreviousOrders);
        var profile = WithOrders(2);
        Assert.Same(profile, profile.WithPreviousOrders(2));
        Assert.Equal(2, profile.WithSegments(["vip"]).WithRegion(new Region("US")).WithMemberships(["prime"]).PreviousOrders);
    }

    [Fact]
    public void WithPreviousOrders_Negative_Throws() =>
        Assert.Equal("count", Assert.Throws<ArgumentOutOfRangeException>(() => CustomerProfile.Guest.WithPreviousOrders(-1)).ParamName);

    [Fact]
    public void PreviousOrders_NoBound_Throws() =>
        Assert.Throws<ArgumentException>(() => Restriction.PreviousOrders());

    [Fact]
    public void PreviousOrders_AtMostBelowAtLeast_Throws() =>
        Assert.Equal("atMost", Assert.Throws<ArgumentOutOfRangeException>(() => Restriction.PreviousOrders(3, 2)).ParamName);

    [Fact]
    public void NthOrder_Zero_Throws() =>
        Assert.Equal("n", Assert.Throws<ArgumentOutOfRangeException>(() => Restriction.NthOrder(0)).ParamName);

    [Fact]
    public void Messages_OrderHistory_InEnglishAndGerman()
    {
        var promotion = Promotion.Create("p", "Loyalty 10%").Require(Restriction.NthOrder(5)).Giving(Discount.PercentOffItems(10)).Build();
        var rejection = Diagnose(CartOf(WithOrders(1)), promotion).Rejection("p");
        var text = new ShopperText(new PromoEngine.Messages.German.GermanMessages());
        var catalog = PromotionCatalog.Create([promotion]);

        Assert.Equal("Loyalty 10% is for order number 5 only.", text.Describe(rejection, catalog, CultureInfo.GetCultureInfo("en-US")));
        Assert.Equal("Loyalty 10% gilt nur für Ihre 5. Bestellung.", text.Describe(rejection, catalog, CultureInfo.GetCultureInfo("de-DE")));
    }

    [Fact]
    public void Lint_FirstOrderOnlyAndFromTheThirdOrder_NeverMet()
    {
        var never = Promo("p", Discount.PercentOffItems(10)).Require(Restriction.FirstOrderOnly).Require(Restriction.PreviousOrders(atLeast: 2)).Build();
        var fine = Promo("q", Discount.PercentOffItems(10)).Require(Restriction.PreviousOrders(atLeast: 2)).Require(Restriction.PreviousOrders(atMost: 2)).Build();

        var finding = Assert.Single(CatalogLinter.Lint([never, fine], Now));

        Assert.Equal((LintRule.OrderHistoryNeverMet, "p"), (finding.Rule, finding.Promotions[0].Value));
    }

    [Fact]
    public void Json_PreviousOrders_RoundTripsWithSchema()
    {
        const string json = """
            { "schemaVersion": 1, "promotions": [ { "id": "p", "name": "p",
              "restrictions": [ { "type": "previousOrders", "atLeast": 4, "atMost": 4 }, { "type": "previousOrders", "atLeast": 1 } ],
              "discount": { "type": "percentOffItems", "percent": 10 } } ] }
            """;

        var promotion = Assert.Single(PromotionJson.Read(json));
        var written = PromotionJson.Write([promotion]);

        Assert.Equal(written, PromotionJson.Write(PromotionJson.Read(written)));
        Assert.Empty(PromotionSchemaTests.Validate(written));
        Assert.Equal(5m, Evaluate(CartOf(WithOrders(4)), promotion).Applied("p"));
        Assert.Contains("\"previousOrders\": 4", EvaluationJson.Write(CartOf(WithOrders(4))), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{ "type": "previousOrders" }""", "$.promotions[0].restrictions[0].atLeast: is required (or atMost, or both).")]
    [InlineData("""{ "type": "previousOrders", "atLeast": -1 }""", "$.promotions[0].restrictions[0].atLeast: a number of previous orders must be zero or more.")]
    [InlineData("""{ "type": "previousOrders", "atLeast": 3, "atMost": 1 }""", "$.promotions[0].restrictions[0].atMost: must be zero or more, and not below atLeast.")]
    public void Json_BadPreviousOrders_IsAnErrorAtItsPath(string restriction, string expected)
    {
        var json = $$"""{ "schemaVersion": 1, "promotions": [ { "id": "p", "name": "p", "restrictions": [ {{restriction}} ], "discount": { "type": "percentOffItems", "percent": 20 } } ] }""";

        Assert.Equal(expected, Assert.Single(Assert.Throws<PromotionDefinitionException>(() => PromotionJson.Read(json)).Errors));
    }
}
