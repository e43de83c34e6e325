using System.Linq;
using NodaTime;
using Xunit;
using static PromoEngine.Tests.Shop;

namespace PromoEngine.Tests;

/// <summary>Each lint rule with a catalog that triggers it and one that does not.</summary>
public sealed class CatalogLinterTests
{
    private static LintFinding[] Lint(EvaluationOptions? options, params Promotion[] promotions) =>
        [.. CatalogLinter.Lint(promotions, Now, options)];

    private static LintFinding[] Lint(params Promotion[] promotions) => Lint(null, promotions);

    private static Promotion Half(string id, string code) => Promo(id, Discount.PercentOffItems(50)).WithCode(code).CompoundWithAll().Build();

    [Fact]
    public void Stacking_TwoUnrestrictedHalfOffCodesOnTheOriginalPrice_ReachFullPrice()
    {
        var options = new EvaluationOptions { MaxCodesPerOrder = 2, Compounding = CompoundingMode.OnOriginalPrice };

        var finding = Assert.Single(Lint(options, Half("a", "HALF1"), Half("b", "HALF2")));

        Assert.Equal(LintRule.StackingReachesFullPrice, finding.Rule);
        Assert.Equal(LintSeverity.Warning, finding.Severity);
        Assert.Equal(["a", "b"], finding.Promotions.Select(p => p.Value));
    }

    [Theory]
    [InlineData(1, CompoundingMode.OnOriginalPrice)] // one code per order: they never meet
    [InlineData(2, CompoundingMode.Sequential)]      // 50 % then 50 % of what is left: 75 %
    public void Stacking_HalfOffCodesThatCannotReachFullPrice_AreFine(int codes, CompoundingMode mode)
    {
        var options = new EvaluationOptions { MaxCodesPerOrder = codes, Compounding = mode };

        Assert.DoesNotContain(Lint(options, Half("a", "HALF1"), Half("b", "HALF2")), f => f.Rule == LintRule.StackingReachesFullPrice);
    }

    /// <summary>With wallet codes outside the code limit, a customer may hold any coded promotion beside the one typed:
    /// one code per order no longer keeps two half-off codes apart.</summary>
    [Fact]
    public void Stacking_WalletOutsideTheCodeLimit_LetsCodesMeet()
    {
        var counted = new EvaluationOptions { MaxCodesPerOrder = 1, Compounding = CompoundingMode.OnOriginalPrice };
        var outside = counted with { WalletCountsTowardCodeLimit = false };

        Assert.DoesNotContain(Lint(counted, Half("a", "HALF1"), Half("b", "HALF2")), f => f.Rule == LintRule.StackingReachesFullPrice);
        Assert.Contains(Lint(outside, Half("a", "HALF1"), Half("b", "HALF2")), f => f.Rule == LintRule.StackingReachesFullPrice);
    }

    [Fact]
    public void Stacking_AcrossLanesWithAFullOrderPercentage_ReachesFullPrice_UnlessGrouped()
    {
        var items = Promo("items", Discount.PercentOffItems(40)).WithPriority(1).Build();
        var order = Promo("order", Discount.PercentOffOrder(100)).Build();
        var groupedItems = Promo("items", Discount.PercentOffItems(40)).WithPriority(1).InGroup("g").Build();
        var groupedOrder = Promo("order", Discount.PercentOffOrder(100)).InGroup("g").Build();

        Assert.Contains(Lint(items, order), f => f.Rule == LintRule.StackingReachesFullPrice);
        Assert.DoesNotContain(Lint(groupedItems, groupedOrder), f => f.Rule == LintRule.StackingReachesFullPrice);
    }

    [Fact]
    public void GroupTie_SameGroupLaneAndDiscount_IsAmbiguous()
    {
        var a = Promo("a", Discount.PercentOffItems(10)).InGroup("vip").Build();
        var b = Promo("b", Discount.PercentOffItems(10)).InGroup("vip").Build();
        var c = Promo("b", Discount.PercentOffItems(10)).InGroup("vip").WithPriority(1).Build();

        var finding = Assert.Single(Lint(a, b));
        Assert.Equal(LintRule.AmbiguousGroupTie, finding.Rule);
        Assert.Empty(Lint(a, c));
    }

    [Fact]
    public void BuyXGetY_GetItemsThatCanNeverBeInACart_CannotFire()
    {
        var impossible = ItemFilter.AllOf(ItemFilter.Skus("socks"), ItemFilter.Skus("hat"));
        var broken = Promo("b", Discount.BuyXGetY(1, 1, getItems: impossible)).ForItems(ItemFilter.Skus("shirt")).Build();
        var fine = Promo("b", Discount.BuyXGetY(1, 1, getItems: ItemFilter.Skus("socks"))).ForItems(ItemFilter.Skus("shirt")).Build();
        var nothing = Promo("n", Discount.BuyXGetY(1, 1)).ForItems(ItemFilter.Not(ItemFilter.All)).Build();

        var finding = Assert.Single(Lint(broken));
        Assert.Equal((LintRule.BuyXGetYCannotFire, LintSeverity.Error), (finding.Rule, finding.Severity));
        Assert.Equal("b can never fire: no item can be among its discounted items.", finding.Message);
        Assert.Empty(Lint(fine));
        Assert.Equal("n can never fire: no item can be among its bought items.", Assert.Single(Lint(nothing)).Message);
    }

    [Fact]
    public void Schedule_Ended_OrCancelled_IsNeverActive()
    {
        var ended = Promo("old", Discount.PercentOffItems(10)).WithSchedule(Schedule.Days(new LocalDate(2026, 1, 1), new LocalDate(2026, 1, 31), DateTimeZone.Utc)).Build();
        var cancelled = Promo("gone", Discount.PercentOffItems(10)).WithStatus(PromotionStatus.Cancelled).Build();
        var future = Promo("later", Discount.PercentOffItems(10)).WithSchedule(Schedule.Days(new LocalDate(2026, 12, 1), new LocalDate(2026, 12, 31), DateTimeZone.Utc)).Build();

        var findings = Lint(ended, cancelled, future);

        Assert.Equal(["gone", "old"], findings.Select(f => f.Promotions.Single().Value).Order());
        Assert.All(findings, f => Assert.Equal(LintRule.NeverActive, f.Rule));
        Assert.Equal(LintSeverity.Warning, findings.Single(f => f.Promotions[0].Value == "old").Severity);
    }

    [Fact]
    public void Schedule_InclusiveEndInItsLastMinute_IsNotEnded()
    {
        var schedule = Schedule.Between(null, new LocalDateTime(2026, 6, 15, 12, 0), DateTimeZone.Utc, endInclusive: true);
        var promotion = Promo("p", Discount.PercentOffItems(10)).WithSchedule(schedule).Build();

        Assert.Empty(CatalogLinter.Lint([promotion], Instant.FromUtc(2026, 6, 15, 12, 0, 30)));
        Assert.Equal(LintRule.NeverActive, Assert.Single(CatalogLinter.Lint([promotion], Instant.FromUtc(2026, 6, 15, 12, 1))).Rule);
    }

    [Fact]
    public void Regions_AnAllowedRegionAnotherRestrictionExcludesEntirely_IsAWarning()
    {
        var promotion = Promo("p", Discount.PercentOffItems(10))
            .Require(Restriction.Regions(new Region("US"), new Region("CA")))
            .Require(Restriction.ExceptRegions(new Region("CA")))
            .Build();

        var finding = Assert.Single(Lint(promotion));

        Assert.Equal(LintRule.UnreachableRegion, finding.Rule);
        Assert.Equal(LintSeverity.Warning, finding.Severity);
        Assert.Equal("p allows CA, which its other region restrictions exclude entirely: remove the region or the exclusion.", finding.Message);
    }

    [Fact]
    public void Regions_NoRegionMeetsEveryRestriction_IsAnError()
    {
        var promotion = Promo("p", Discount.PercentOffItems(10))
            .Require(Restriction.Regions(new Region("US", "CA")))
            .Require(Restriction.ExceptRegions(new Region("US")))
            .Build();

        var finding = Assert.Single(Lint(promotion));

        Assert.Equal(LintSeverity.Error, finding.Severity);
        Assert.Equal("p can never apply: no customer's region meets all of its region restrictions (customers in US-CA; customers anywhere except US).", finding.Message);
    }

    [Fact]
    public void Regions_RestrictionsThatLeaveEachAllowedRegionSomewhere_OrJudgeDifferentRegions_AreFine()
    {
        var exceptAlaska = Promo("a", Discount.PercentOffItems(10))
            .Require(Restriction.Regions(new Region("US"), new Region("CA")))
            .Require(Restriction.ExceptRegions(new Region("US", "AK")))
            .Build();
        var byShipping = Promo("b", Discount.PercentOffItems(10))
            .Require(Restriction.Regions(new Region("US", "CA")))
            .Require(Restriction.Regions([], except: [new Region("US")], of: RegionSource.ShippingAddress))
            .Build();

        Assert.Empty(Lint(exceptAlaska, byShipping));
    }

    [Fact]
    public void Codes_CollidingOnceNormalized_OrByLookAlikes()
    {
        var a = Promo("a", Discount.PercentOffItems(10)).WithCode("SAVE-10").Build();
        var b = Promo("b", Discount.PercentOffItems(10)).WithCode("save10").Build();
        var c = Promo("c", Discount.PercentOffItems(10)).WithCode("SAVEI0").Build();
        var d = Promo("d", Discount.PercentOffItems(10)).WithCode("WINTER").Build();

        var findings = Lint(a, b, c, d);

        var collision = findings.Single(f => f.Severity == LintSeverity.Error);
        Assert.Equal(LintRule.CodeCollision, collision.Rule);
        Assert.Equal(["a", "b"], collision.Promotions.Select(p => p.Value));
        var lookAlike = findings.Single(f => f.Severity == LintSeverity.Warning);
        Assert.Equal(["a", "b", "c"], lookAlike.Promotions.Select(p => p.Value));
        Assert.Empty(Lint(a, d));
    }

    [Fact]
    public void Codes_LookAlikes_AreTheSameSetsClaimCodeFormatsFold()
    {
        var s = Promo("s", Discount.PercentOffItems(10)).WithCode("BOGUS").Build();
        var digits = Promo("d", Discount.PercentOffItems(10)).WithCode("8OGU5").Build();

        Assert.Equal(LintRule.CodeCollision, Assert.Single(Lint(s, digits)).Rule);
    }

    [Fact]
    public void Limits_BudgetSmallerThanTheAmount_IsUnusable()
    {
        // A budget in another currency is refused by Build (PromotionDefinitionTests), so the linter never sees one.
        var tooSmall = Promo("small", Discount.AmountOffOrder(D(50))).WithLimits(new UsageLimits(budget: D(20))).Build();
        var soft = Promo("soft", Discount.AmountOffOrder(D(50))).WithLimits(new UsageLimits(budget: D(20), budgetPolicy: BudgetPolicy.Soft)).Build();
        var fine = Promo("fine", Discount.AmountOffOrder(D(5))).WithLimits(new UsageLimits(budget: D(1_000))).Build();

        var finding = Assert.Single(Lint(tooSmall, soft, fine));

        Assert.Equal("small", finding.Promotions.Single().Value);
        Assert.Equal((LintRule.UnusableLimit, LintSeverity.Warning), (finding.Rule, finding.Severity));
    }

    [Fact]
    public void FreeShipping_HiddenByAStopThatAppliesToEveryCart()
    {
        var stop = Promo("storewide", Discount.PercentOffItems(5)).WithPriority(5).StopLowerLanes(StopScope.AllLowerLanes).Build();
        var ship = Promo("ship", Discount.FreeShipping).Build();
        var itemsOnly = Promo("storewide", Discount.PercentOffItems(5)).WithPriority(5).StopLowerLanes(StopScope.ItsItems).Build();
        var shoesOnly = Promo("storewide", Discount.PercentOffItems(5)).ForItems(ItemFilter.Categories("shoes")).WithPriority(5).StopLowerLanes(StopScope.AllLowerLanes).Build();
        var strict = new EvaluationOptions { Selection = SelectionPolicy.StrictPriority };

        var finding = Assert.Single(Lint(strict, stop, ship));
        Assert.Equal((LintRule.HiddenByStop, LintSeverity.Warning), (finding.Rule, finding.Severity));
        Assert.Equal(LintSeverity.Info, Assert.Single(Lint(stop, ship)).Severity);
        Assert.Empty(Lint(strict, itemsOnly, ship));
        Assert.Empty(Lint(strict, shoesOnly, ship));
    }

    [Fact]
    public void Lint_ACleanCatalog_HasNoFindings()
    {
        var demo = new[]
        {
            Promo("save20", Discount.PercentOffItems(20)).WithCode("SAVE20").ForItems(ItemFilter.Categories("apparel")).Build(),
            Promo("bogo", Discount.BuyXGetY(1, 1)).ForItems(ItemFilter.Categories("socks")).WithPriority(10).Build(),
            Promo("ship75", Discount.FreeShipping).Require(Restriction.MinimumSubtotal(D(75))).Build(),
        };

        Assert.Empty(Lint(demo));
    }
}
