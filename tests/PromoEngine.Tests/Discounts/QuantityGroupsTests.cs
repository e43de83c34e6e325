using System;
using Xunit;
using static PromoEngine.Tests.Shop;

namespace PromoEngine.Tests;

/// <summary>Units that complete a group of N are discounted, leftovers pay full price
/// (<see cref="Discount.PercentOffGroups"/>).</summary>
public sealed class QuantityGroupsTests
{
    [Fact]
    public void QuantityGroups_SevenUnitsInGroupsOfThree_DiscountsSixDearestUnits()
    {
        var result = Evaluate(Cart(Line("a", 10.00m, 4), Line("b", 20.00m, 3)), Promo("p", Discount.PercentOffGroups(3, 10m)).Build());

        // Three of b and three of a are grouped; the cheapest unit (of a) pays full price.
        Assert.Equal(6.00m + 3.00m, result.Applied("p"));
        Assert.Equal(3.00m, result.Line("a").Discount.Amount);
    }

    [Fact]
    public void QuantityGroups_EachLine_LeftoversOfEveryLinePayFullPrice()
    {
        var result = Evaluate(Cart(Line("a", 10.00m, 4), Line("b", 20.00m, 2)), Promo("p", Discount.PercentOffGroups(3, 10m, UnitScope.EachLine)).Build());

        Assert.Equal(3.00m, result.Applied("p"));
        Assert.Equal(0m, result.Line("b").Discount.Amount);
    }

    [Fact]
    public void QuantityGroups_AmountOffEachUnit_NeverMoreThanTheUnit()
    {
        var result = Evaluate(Cart(Line("a", 1.50m, 2)), Promo("p", Discount.AmountOffGroups(2, D(2m))).Build());

        Assert.Equal(3.00m, result.Applied("p"));
        Assert.Equal(ClampedBy.Price, Assert.Single(result.Applied).ClampedBy);
    }

    [Fact]
    public void QuantityGroups_TiersByNumberOfGroups_TheHighestReachedApplies()
    {
        var discount = Discount.QuantityGroups(2, UnitScope.AcrossLines, Tier.PercentOffFrom(1, 10m), Tier.PercentOffFrom(2, 20m));

        Assert.Equal(2.00m, Evaluate(Cart(Line("a", 10m, 3)), Promo("p", discount).Build()).Applied("p"));
        Assert.Equal(8.00m, Evaluate(Cart(Line("a", 10m, 4)), Promo("p", discount).Build()).Applied("p"));
    }

    [Fact]
    public void QuantityGroups_NoCompleteGroup_AsksForTheMissingUnits()
    {
        var result = Evaluate(Cart(Line("a", 10m, 2)), Promo("p", Discount.PercentOffGroups(3, 10m)).Build());

        var rejection = result.Rejection("p");
        Assert.Equal(RejectionReason.MinimumQuantityNotMet, rejection.Reason);
        Assert.Equal(1, rejection.MissingQuantity);
    }

    [Fact]
    public void QuantityGroups_FirstTierNeedsTwoGroups_CountsTheUnitsWaiting()
    {
        var discount = Discount.QuantityGroups(3, UnitScope.AcrossLines, Tier.PercentOffFrom(2, 10m));

        var result = Evaluate(Cart(Line("a", 10m, 4)), Promo("p", discount).Build());

        Assert.Equal(2, result.Rejection("p").MissingQuantity);
    }

    [Fact]
    public void QuantityGroups_LeftoverUnits_GoToAnotherPromotion()
    {
        var groups = Promo("groups", Discount.PercentOffGroups(2, 50m)).Build();
        var tenth = Promo("tenth", Discount.PercentOffItems(10)).Build();

        var result = Evaluate(Cart(Line("a", 10m, 3)), [groups, tenth]);

        Assert.Equal(10.00m, result.Applied("groups"));
        Assert.Equal(1.00m, result.Applied("tenth"));
    }

    [Theory]
    [InlineData(1, "size")]
    [InlineData(0, "size")]
    public void QuantityGroups_GroupBelowTwo_Throws(int size, string parameter)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Discount.PercentOffGroups(size, 10m));

        Assert.Equal(parameter, e.ParamName);
    }

    [Fact]
    public void QuantityGroups_TierOfPartGroups_Throws()
    {
        var e = Assert.Throws<ArgumentException>(() => Discount.QuantityGroups(3, UnitScope.AcrossLines, Tier.PercentOffFrom(1.5m, 10m)));

        Assert.Equal("tiers", e.ParamName);
        Assert.StartsWith("A tier counts whole groups; 1.5 is not a whole number.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void QuantityGroups_Json_RoundTrips()
    {
        var promotions = new[]
        {
            Promo("a", Discount.PercentOffGroups(3, 10m)).Build(),
            Promo("b", Discount.QuantityGroups(2, UnitScope.EachLine, Tier.AmountOffFrom(1, D(1m)), Tier.PercentOffFrom(3, 25m))).Build(),
        };

        var json = PromotionJson.Write(promotions);

        Assert.Contains("\"type\": \"quantityGroups\"", json, StringComparison.Ordinal);
        Assert.Equal(json, PromotionJson.Write(PromotionJson.Read(json)));
    }

    [Theory]
    [InlineData("""{ "type": "quantityGroups", "size": 1, "tiers": [ { "threshold": 1, "percentOff": 10 } ] }""", "$.promotions[0].discount: a group has at least two units.")]
    [InlineData("""{ "type": "quantityGroups", "size": 3 }""", "$.promotions[0].discount.tiers: is required.")]
    [InlineData("""{ "type": "quantityGroups", "size": 3, "tiers": [ { "threshold": 1 } ] }""", "$.promotions[0].discount.tiers[0]: needs exactly one of percentOff and amountOff.")]
    public void Read_BadQuantityGroups_SaysWhere(string discount, string error)
    {
        var json = $$"""{ "schemaVersion": 1, "promotions": [ { "id": "p", "name": "P", "discount": {{discount}} } ] }""";

        var e = Assert.Throws<PromotionDefinitionException>(() => PromotionJson.Read(json));

        Assert.StartsWith(error, Assert.Single(e.Errors), StringComparison.Ordinal);
    }

    [Fact]
    public void Lint_MoreGroupsGiveLess_Warns()
    {
        var promotion = Promo("p", Discount.QuantityGroups(2, UnitScope.AcrossLines, Tier.PercentOffFrom(1, 20m), Tier.PercentOffFrom(3, 10m))).Build();

        var finding = Assert.Single(CatalogLinter.Lint([promotion], Now));

        Assert.Equal(LintRule.TierSavesLessForMore, finding.Rule);
        Assert.Equal("p gives less from 3 groups on (10% from 3) than from 1 (20% from 1): a bigger basket saves less per unit.", finding.Message);
    }
}
