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

    [Theory]
    [InlineData(5.00, "a")]
    [InlineData(70.00, "d")]
    [InlineData(40.00, "c")]
    public void Evaluate_PriceOnABandsBound_FindsTheBand(decimal price, string band)
    {
        // A price on a lower bound, searched from the low end (few bands start at or below it), and on an upper bound,
        // from the high end: the bounds are inclusive.
        var result = Evaluate(Cart(Line("x", price)), [PriceBand("a", 5m, 10m), PriceBand("b", 20m, 30m), PriceBand("c", 40m, 50m), PriceBand("d", 60m, 70m)]);

        Assert.Equal([band], result.Applied.Select(a => a.PromotionId.Value));
    }

    [FsCheck.Xunit.Property(MaxTest = 300)]
    public void Evaluate_AnyUnitPriceBands_FindsWhatCheckingEveryPromotionFinds(FsCheck.PositiveInt seed)
    {
        // Bands with open ends and bounds of a few places (searched as whole ten-thousandths), now and then a bound of
        // more places or a price of more places (then searched as decimals), prices on the bounds and between them.
        var random = new System.Random(seed.Get);
        var currency = random.Next(3) == 0 ? Currency.Custom("QQF", 5) : Usd;
        decimal Price() => random.Next(6) switch
        {
            0 => random.Next(0, 100),
            1 => random.Next(0, 10_000) / 100m,
            2 => random.Next(0, 100) + 0.5m,
            _ => currency.MinorUnits == 5 && random.Next(2) == 0 ? random.Next(0, 10_000_000) / 100_000m : random.Next(0, 1_000) / 10m,
        };
        var promotions = Enumerable.Range(0, random.Next(1, 40)).Select(k =>
        {
            var (low, high) = (Price(), Price());
            (low, high) = low <= high ? (low, high) : (high, low);
            var filter = random.Next(4) switch
            {
                0 => ItemFilter.UnitPriceAtMost(new Money(high, currency)),
                1 => ItemFilter.UnitPriceAtLeast(new Money(low, currency)),
                _ => ItemFilter.UnitPriceBetween(new Money(low, currency), new Money(high, currency)),
            };
            return Promo($"p{k:D2}", Discount.PercentOffItems(10)).ForItems(filter).Build();
        }).ToList();
        var cart = new Cart(currency, Enumerable.Range(0, random.Next(1, 8))
            .Select(i => new CartLine($"l{i}", $"s{i}", new Money(Price(), currency), 1)));
        var catalog = PromotionCatalog.Create(promotions);

        var indexed = new PromotionEvaluator(catalog).Evaluate(cart, [], Now);
        var everyOne = new PromotionEvaluator(catalog, new EvaluationOptions { ListEveryRejection = true }).Evaluate(cart, [], Now);

        Assert.Equal(everyOne.Applied.Select(a => a.PromotionId).Order(), indexed.Applied.Select(a => a.PromotionId).Order());
        Assert.Equal(everyOne.Total, indexed.Total);
    }

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
