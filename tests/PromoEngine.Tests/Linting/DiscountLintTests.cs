using Xunit;
using static PromoEngine.Tests.Shop;

namespace PromoEngine.Tests;

/// <summary>What the linter finds in the new discount options (floors, limits, lines).</summary>
public sealed class DiscountLintTests
{
    private static LintFinding[] Lint(params Promotion[] promotions) => [.. CatalogLinter.Lint(promotions, Now)];

    [Fact]
    public void Lint_PercentFloorAboveWhatThePercentageLeaves_WarnsItAlwaysBinds()
    {
        var finding = Assert.Single(Lint(Promo("p", Discount.PercentOffItems(20).WithPriceFloorPercent(90)).Build()));

        Assert.Equal((LintRule.PriceFloorAlwaysBinds, LintSeverity.Warning), (finding.Rule, finding.Severity));
        Assert.Equal("p keeps 90% of every price, so it never takes more than 10% off, not the 20% it says.", finding.Message);
    }

    [Fact]
    public void Lint_PercentFloorAtWhatThePercentageLeaves_FindsNothing()
    {
        Assert.Empty(Lint(Promo("p", Discount.PercentOffItems(20).WithPriceFloorPercent(80)).Build()));
    }

    [Fact]
    public void Lint_AmountFloorAboveAFixedPricePerUnit_WarnsItAlwaysBinds()
    {
        var finding = Assert.Single(Lint(Promo("p", Discount.FixedPrice(3, D(10m)).WithPriceFloor(D(5m))).Build()));

        Assert.Equal(LintRule.PriceFloorAlwaysBinds, finding.Rule);
        Assert.Equal("p never leaves a unit below 5.00 USD, so a set never costs what it says (3 for 10.00 USD).", finding.Message);
    }

    [Fact]
    public void Lint_AmountFloorBelowAFixedPricePerUnit_FindsNothing()
    {
        Assert.Empty(Lint(Promo("p", Discount.FixedPrice(3, D(10m)).WithPriceFloor(D(3m))).Build()));
    }

    [Fact]
    public void Lint_LimitedBuyXGetYThatCanNeverFire_IsStillFound()
    {
        var promotion = Promo("p", Discount.BuyXGetY(1, 1, getItems: ItemFilter.Not(ItemFilter.All)).LimitUnits(perOrder: 2)).Build();

        Assert.Contains(Lint(promotion), f => f.Rule == LintRule.BuyXGetYCannotFire);
    }

    [Fact]
    public void Lint_FloorAtOrAboveEveryPriceTheFilterAdmits_IsAnError()
    {
        var under50 = ItemFilter.AllOf(ItemFilter.Categories("c"), ItemFilter.UnitPriceAtMost(D(49.99m)));

        var finding = Assert.Single(Lint(Promo("p", Discount.PercentOffItems(20).WithPriceFloor(D(50m))).ForItems(under50).Build()));

        Assert.Equal((LintRule.PriceFloorAboveEveryPrice, LintSeverity.Error), (finding.Rule, finding.Severity));
        Assert.Equal("p never leaves a unit below 50.00 USD, but its items cost at most 49.99: it can never take anything off.", finding.Message);
        Assert.Empty(Lint(Promo("p", Discount.PercentOffItems(20).WithPriceFloor(D(40m))).ForItems(under50).Build()));
        Assert.Empty(Lint(Promo("p", Discount.PercentOffItems(20).WithPriceFloor(D(50m))).ForItems(ItemFilter.AnyOf(under50, ItemFilter.Skus("x"))).Build()));
    }
}
