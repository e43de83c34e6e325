using System;
using System.Linq;
using NodaTime;
using Xunit;
using static PromoEngine.Tests.Shop;

namespace PromoEngine.Tests;

public sealed class PromotionDefinitionTests
{
    [Fact]
    public void Build_ReportsEveryErrorAtOnce()
    {
        var builder = Promotion.Create(" ", "\u0001")
            .WithMaxDiscount(new Money(5m, Currency.Eur))
            .Require(Restriction.MinimumSubtotal(D(10)));

        var e = Assert.Throws<PromotionDefinitionException>(builder.Build);

        Assert.Equal(
            [
                "id: must not be empty or white space.",
                "name: must not contain control characters (found U+0001).",
                "discount: is required.",
                "restrictions[0]: is in USD but the promotion's other amounts are in EUR.",
            ],
            e.Errors.ToArray());
    }

    [Fact]
    public void Build_BudgetInAnotherCurrencyThanTheDiscount_IsRefused()
    {
        // Found in review: a EUR budget on a USD amount off was accepted, and every cart then met a budget it could
        // never compare with.
        var builder = Promo("p", Discount.AmountOffOrder(D(5m))).WithLimits(new UsageLimits(budget: new Money(100m, Currency.Eur)));

        var e = Assert.Throws<PromotionDefinitionException>(builder.Build);

        Assert.Equal(["limits.budget: is in EUR but the promotion's other amounts are in USD."], e.Errors.ToArray());
    }

    [Fact]
    public void Build_BudgetOnAPercentOff_TakesTheBudgetsCurrency()
    {
        var promotion = Promo("p", Discount.PercentOffOrder(10m))
            .WithLimits(new UsageLimits(budget: new Money(100m, Currency.Eur)))
            .Require(Restriction.MinimumSubtotal(new Money(20m, Currency.Eur)))
            .Build();

        Assert.Equal(new Money(100m, Currency.Eur), promotion.Limits.Budget);
        Assert.Throws<PromotionDefinitionException>(() => Promo("q", Discount.PercentOffOrder(10m))
            .WithLimits(new UsageLimits(budget: new Money(100m, Currency.Eur)))
            .Require(Restriction.MinimumSubtotal(D(20m)))
            .Build());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(100.01)]
    public void PercentOutOfRange_IsRefused(decimal percent)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Discount.PercentOffItems(percent));

        Assert.Equal("percent", e.ParamName);
    }

    [Fact]
    public void AmountNotPositive_IsRefused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Discount.AmountOffOrder(D(0m)));
        Assert.Throws<ArgumentOutOfRangeException>(() => Discount.AmountOffEachItem(D(1.001m)));
    }

    [Fact]
    public void BuyXGetY_ZeroCounts_AreRefused()
    {
        Assert.Equal("buy", Assert.Throws<ArgumentOutOfRangeException>(() => Discount.BuyXGetY(0, 1)).ParamName);
        Assert.Equal("get", Assert.Throws<ArgumentOutOfRangeException>(() => Discount.BuyXGetY(1, 0)).ParamName);
    }

    [Fact]
    public void Tiered_DuplicateThresholds_AreRefused()
    {
        var e = Assert.Throws<ArgumentException>(() => Discount.Tiered(TierBasis.Subtotal, Tier.PercentOffFrom(100, 10), Tier.PercentOffFrom(100, 20)));

        Assert.Equal("tiers", e.ParamName);
    }

    [Fact]
    public void Schedule_EndBeforeStart_IsRefused()
    {
        var e = Assert.Throws<ArgumentException>(() =>
            Schedule.Between(new LocalDateTime(2026, 2, 1, 0, 0), new LocalDateTime(2026, 1, 1, 0, 0), DateTimeZone.Utc));

        Assert.Equal("end", e.ParamName);
    }

    [Fact]
    public void Catalog_DuplicateIdsAndCollidingCodes_AreAllReported()
    {
        var promotions = new[]
        {
            Promo("a", Discount.PercentOffItems(10)).WithCode("SAVE-10").Build(),
            Promo("b", Discount.PercentOffItems(10)).WithCode("save10").Build(),
            Promo("a", Discount.PercentOffItems(5)).Build(),
        };

        var e = Assert.Throws<PromotionDefinitionException>(() => PromotionCatalog.Create(promotions));

        Assert.Equal(
            ["promotions[1].codes: 'SAVE10' is also a code of 'a'.", "promotions[2].id: 'a' is also the id of promotions[0]."],
            e.Errors.ToArray());
    }

    [Fact]
    public void ClaimCodes_RepeatedOnceNormalized_AreRefused()
    {
        var e = Assert.Throws<ArgumentException>(() => PromotionActivation.ClaimCodes(["abc-1", "ABC1"]));

        Assert.Equal("codes", e.ParamName);
    }

    [Fact]
    public void Catalog_FindsByIdAndByCodeInAnyForm()
    {
        var catalog = PromotionCatalog.Create([Promo("a", Discount.PercentOffItems(10)).WithCode("SAVE10").Build()]);

        Assert.Equal("a", catalog.FindByCode(" save-10 ")?.Id.Value);
        Assert.Null(catalog.FindByCode("OTHER"));
        Assert.NotNull(catalog.Find(new PromotionId("a")));
        Assert.Single(catalog.Promotions);
    }

    [Theory]
    [InlineData(" summer-20 ", "SUMMER20")]
    [InlineData("SUMMER 20", "SUMMER20")]
    [InlineData("ｓｕｍｍｅｒ２０", "SUMMER20")]
    [InlineData("café", "CAFÉ")]
    public void PromotionCode_Normalize_IsOneFormEverywhere(string typed, string normalized)
    {
        Assert.Equal(normalized, PromotionCode.Normalize(typed));
    }

    [Theory]
    [InlineData("", "A code must have at least one letter or digit.")]
    [InlineData(" - ", "A code must have at least one letter or digit.")]
    [InlineData("AB\u0007C", "A code must not contain control or invisible characters (found U+0007).")]
    [InlineData("A\u200BB", "A code must not contain control or invisible characters (found U+200B).")]
    public void PromotionCode_Malformed_IsRefusedWithAReason(string code, string reason)
    {
        Assert.False(PromotionCode.TryNormalize(code, out _, out var error));
        Assert.Equal(reason, error);
    }

    [Fact]
    public void PromotionCode_Overlong_IsRefused()
    {
        var e = Assert.Throws<ArgumentException>(() => PromotionCode.Normalize(new string('A', 65)));

        Assert.Equal("code", e.ParamName);
        Assert.StartsWith("A code must be at most 64 characters; this one has 65.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_MalformedEnteredCode_IsRejectedNotThrown()
    {
        var evaluator = new PromotionEvaluator(PromotionCatalog.Create([]));

        var result = evaluator.Evaluate(Cart(Line("a", 1m)), ["OK", new string('x', 100)], Now);

        Assert.Equal([RejectionReason.UnknownCode, RejectionReason.MalformedCode], result.Rejected.Select(r => r.Reason));
        Assert.StartsWith("The code entered cannot be read: A code must be at most 64 characters", result.Rejected[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EvaluationOptions_OutOfRange_AreRefused()
    {
        var catalog = PromotionCatalog.Create([]);

        Assert.Throws<ArgumentOutOfRangeException>(() => new PromotionEvaluator(catalog, new EvaluationOptions { MaxCodesPerOrder = -1 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new PromotionEvaluator(catalog, new EvaluationOptions { Rounding = (MidpointRounding)9 }));
    }

    [Fact]
    public void Restrictions_WithNothing_AreRefused()
    {
        Assert.Throws<ArgumentException>(() => Restriction.MembersOnly());
        Assert.Throws<ArgumentException>(() => ItemFilter.Skus());
    }
}
