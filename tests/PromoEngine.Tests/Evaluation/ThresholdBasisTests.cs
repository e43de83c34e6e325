using System;
using Xunit;
using static PromoEngine.Tests.Shop;

namespace PromoEngine.Tests;

/// <summary>Per restriction, whether a threshold is measured before discounts or after the discounts of higher lanes
/// ("spend $50 after your other discounts"; issue 11, capability 13c).</summary>
public sealed class ThresholdBasisTests
{
    private static readonly Promotion TwentyOffAbove = Promo("sale", Discount.PercentOffItems(20)).WithPriority(10).Build();

    private static Promotion TenOffOrderFrom50(ThresholdBasis basis, int priority = 0) =>
        Promotion.Create("ten", "$10 off $50").Require(Restriction.MinimumSubtotal(D(50m), basis)).Giving(Discount.AmountOffOrder(D(10m))).WithPriority(priority).Build();

    // The README's example: a $55 cart, 20% off everything in a higher lane, $10 off an order of $50.
    [Theory]
    [InlineData(ThresholdBasis.BeforeDiscounts, 10, 34)]
    [InlineData(ThresholdBasis.AfterHigherLanes, 0, 44)]
    public void MinimumSubtotal_FiftyAfterYourOtherDiscounts_ByBasis(ThresholdBasis basis, decimal ten, decimal total)
    {
        var result = Evaluate(Cart(Line("a", 55m)), [TwentyOffAbove, TenOffOrderFrom50(basis)]);

        Assert.Equal((11m, ten, total), (result.Applied("sale"), result.Applied("ten"), result.Total.Amount));
    }

    [Fact]
    public void MinimumSubtotal_AfterHigherLanes_Short_RejectsWithTheShortfallLeftAndHints()
    {
        var result = Evaluate(Cart(Line("a", 55m)), [TwentyOffAbove, TenOffOrderFrom50(ThresholdBasis.AfterHigherLanes)]);

        var rejection = result.Rejection("ten");
        Assert.Equal(RejectionReason.MinimumSubtotalNotMet, rejection.Reason);
        Assert.Equal(D(6m), rejection.Shortfall);
        Assert.Equal("Spend 6.00 USD more on qualifying items to get $10 off $50.", rejection.Message);
        Assert.Equal(D(6m), Assert.Single(result.Hints).Shortfall);
    }

    [Fact]
    public void MinimumSubtotal_AfterHigherLanes_TheSameLaneDoesNotCount()
    {
        var sameLane = Promo("sale", Discount.PercentOffItems(20)).Build();

        var result = Evaluate(Cart(Line("a", 55m)), [sameLane, TenOffOrderFrom50(ThresholdBasis.AfterHigherLanes)]);

        Assert.Equal((11m, 10m), (result.Applied("sale"), result.Applied("ten")));
    }

    [Fact]
    public void MinimumSubtotal_AfterHigherLanes_NoHigherLane_IsTheSameAsBefore() =>
        Assert.Equal(10m, Evaluate(Cart(Line("a", 50m)), TenOffOrderFrom50(ThresholdBasis.AfterHigherLanes)).Applied("ten"));

    [Fact]
    public void MinimumSubtotal_AfterHigherLanes_BelowBeforeDiscounts_IsRejectedInItsLane()
    {
        var rejection = Evaluate(Cart(Line("a", 40m)), TenOffOrderFrom50(ThresholdBasis.AfterHigherLanes)).Rejection("ten");

        Assert.Equal((RejectionReason.MinimumSubtotalNotMet, D(10m)), (rejection.Reason, rejection.Shortfall));
    }

    [Fact]
    public void BestForShopper_AHigherLaneThatCostsTheThreshold_IsLeftOut()
    {
        // 1% off takes 50.40 to 49.90, below the $50 the lower lane measures after it: better without the 1%.
        var onePercent = Promo("one", Discount.PercentOffItems(1)).WithPriority(10).Build();

        var result = Evaluate(Cart(Line("a", 50.40m)), [onePercent, TenOffOrderFrom50(ThresholdBasis.AfterHigherLanes)]);

        Assert.Equal(40.40m, result.Total.Amount);
        Assert.Equal(RejectionReason.BetterDealChosen, result.Rejection("one").Reason);
    }

    [Theory]
    [InlineData(ThresholdBasis.BeforeDiscounts, 7)]
    [InlineData(ThresholdBasis.AfterHigherLanes, 0)]
    public void CartHoldsAmount_HundredOnShoesAfterYourOtherDiscounts_ByBasis(ThresholdBasis basis, decimal shipping)
    {
        var shoeSale = Promo("sale", Discount.PercentOffItems(10)).ForItems(ItemFilter.Categories("shoes")).WithPriority(5).Build();
        var ship = Promotion.Create("ship", "Free shipping on $100 of shoes")
            .Require(Restriction.CartHoldsAmount(ItemFilter.Categories("shoes"), D(100m), "shoes", basis))
            .Giving(Discount.FreeShipping).Build();

        var result = Evaluate(Cart(CustomerProfile.Guest, 7m, Line("a", 100m, 1, "run", "shoes")), [shoeSale, ship]);

        Assert.Equal(shipping, result.Applied("ship"));
        if (basis == ThresholdBasis.AfterHigherLanes)
        {
            Assert.Equal((RejectionReason.CartConditionNotMet, D(10m)), (result.Rejection("ship").Reason, result.Rejection("ship").Shortfall));
        }
    }

    [Fact]
    public void MinimumSubtotal_UndefinedBasis_Throws() =>
        Assert.Equal("measuredOn", Assert.Throws<ArgumentOutOfRangeException>(() => Restriction.MinimumSubtotal(D(5m), (ThresholdBasis)5)).ParamName);

    [Fact]
    public void Json_MeasuredOn_RoundTripsWithSchema()
    {
        const string json = """
            { "schemaVersion": 1, "promotions": [ { "id": "p", "name": "p",
              "restrictions": [
                { "type": "minimumSubtotal", "amount": { "amount": 50, "currency": "USD" }, "measuredOn": "afterHigherLanes" },
                { "type": "cartHolds", "items": { "type": "all" }, "amount": { "amount": 20, "currency": "USD" }, "measuredOn": "afterHigherLanes" },
                { "type": "minimumSubtotal", "amount": { "amount": 10, "currency": "USD" }, "measuredOn": "beforeDiscounts" } ],
              "discount": { "type": "amountOffOrder", "amount": { "amount": 10, "currency": "USD" } } } ] }
            """;

        var promotion = Assert.Single(PromotionJson.Read(json));
        var written = PromotionJson.Write([promotion]);

        Assert.Equal(written, PromotionJson.Write(PromotionJson.Read(written)));
        Assert.Equal(2, written.Split("\"measuredOn\": \"afterHigherLanes\"").Length - 1);
        Assert.Empty(PromotionSchemaTests.Validate(written));
        Assert.Equal(RejectionReason.MinimumSubtotalNotMet, Evaluate(Cart(Line("a", 55m)), [TwentyOffAbove, promotion]).Rejection("p").Reason);
    }

    [Theory]
    [InlineData("""{ "type": "minimumSubtotal", "amount": { "amount": 50, "currency": "USD" }, "measuredOn": "later" }""", "$.promotions[0].restrictions[0].measuredOn: ")]
    [InlineData("""{ "type": "cartHolds", "items": { "type": "all" }, "units": 2, "measuredOn": "afterHigherLanes" }""", "$.promotions[0].restrictions[0].measuredOn: applies to an amount; units are counted whatever the prices.")]
    public void Json_BadMeasuredOn_IsAnErrorAtItsPath(string restriction, string expected)
    {
        var json = $$"""{ "schemaVersion": 1, "promotions": [ { "id": "p", "name": "p", "restrictions": [ {{restriction}} ], "discount": { "type": "percentOffItems", "percent": 20 } } ] }""";

        var error = Assert.Single(Assert.Throws<PromotionDefinitionException>(() => PromotionJson.Read(json)).Errors);

        Assert.StartsWith(expected, error, StringComparison.Ordinal);
        Assert.NotEmpty(PromotionSchemaTests.Validate(json));
    }
}

/// <summary>The linter on thresholds measured after higher lanes.</summary>
public sealed class ThresholdBasisLintTests
{
    [Fact]
    public void Lint_AfterHigherLanesWithNothingAbove_IsInformation()
    {
        var alone = Promo("p", Discount.AmountOffOrder(D(10m))).Require(Restriction.MinimumSubtotal(D(50m), ThresholdBasis.AfterHigherLanes)).Build();
        var above = Promo("q", Discount.PercentOffItems(10)).WithPriority(3).Build();

        var finding = Assert.Single(CatalogLinter.Lint([alone], Now));

        Assert.Equal((LintRule.ThresholdBasisHasNoEffect, LintSeverity.Info), (finding.Rule, finding.Severity));
        Assert.DoesNotContain(CatalogLinter.Lint([alone, above], Now), f => f.Rule == LintRule.ThresholdBasisHasNoEffect);
    }
}
