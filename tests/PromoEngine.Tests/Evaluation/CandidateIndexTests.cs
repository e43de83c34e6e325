using System.Linq;
using Xunit;
using static PromoEngine.Tests.Shop;

namespace PromoEngine.Tests;

/// <summary>The catalog's index of automatic promotions finds every one that concerns a cart whatever order the catalog
/// lists them in: unit-price ranges (found from either end), minimum subtotals (sorted before they are read).</summary>
public sealed class CandidateIndexTests
{
    private static Promotion PriceBand(string id, decimal? atLeast, decimal atMost) =>
        Promo(id, Discount.PercentOffItems(10))
            .ForItems(atLeast is { } low ? ItemFilter.UnitPriceBetween(D(low), D(atMost)) : ItemFilter.UnitPriceAtMost(D(atMost))).Build();

    [Fact]
    public void Evaluate_UnitPriceBandListedAfterHigherOnes_IsFound()
    {
        // Listed (and named) from the highest lower bound down but the last: the index must sort by lower bound.
        var result = Evaluate(Cart(Line("a", 5m)), [PriceBand("a", 30m, 50m), PriceBand("b", 40m, 60m), PriceBand("z", 0m, 10m)]);

        Assert.Equal([("z", 0.5m)], result.Applied.Select(a => (a.PromotionId.Value, a.Amount.Amount)));
    }

    [Fact]
    public void Evaluate_UnitPriceAboveMostBands_IsFoundFromTheUpperEnd()
    {
        // Four bands start at or below 50 and one ends at or above it: the index scans from the upper bounds, sorted.
        var result = Evaluate(Cart(Line("a", 50m)), [PriceBand("a", null, 100m), PriceBand("b", null, 10m), PriceBand("c", null, 20m), PriceBand("d", null, 30m)]);

        Assert.Equal([("a", 5m)], result.Applied.Select(a => (a.PromotionId.Value, a.Amount.Amount)));
    }

    [Fact]
    public void Evaluate_UnitPriceBandStartingAtThePrice_IsFoundFromTheUpperEnd()
    {
        // Four bands start at or below 50 and one ends at or above it, and that one starts at 50 exactly: inclusive.
        var result = Evaluate(Cart(Line("a", 50m)), [PriceBand("a", 50m, 100m), PriceBand("b", null, 10m), PriceBand("c", null, 20m), PriceBand("d", null, 30m)]);

        Assert.Equal([("a", 5m)], result.Applied.Select(a => (a.PromotionId.Value, a.Amount.Amount)));
    }

    [Fact]
    public void Evaluate_MinimumSubtotalListedAfterAHigherOne_IsFound()
    {
        var high = Promo("a", Discount.PercentOffItems(10)).Require(Restriction.MinimumSubtotal(D(1000m))).Build();
        var low = Promo("b", Discount.PercentOffItems(20)).Require(Restriction.MinimumSubtotal(D(10m))).Build();

        var result = Evaluate(Cart(Line("a", 50m)), [high, low]);

        Assert.Equal([("b", 10m)], result.Applied.Select(a => (a.PromotionId.Value, a.Amount.Amount)));
    }
}
