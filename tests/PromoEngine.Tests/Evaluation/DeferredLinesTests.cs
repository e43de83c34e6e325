using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using NodaTime;
using Xunit;

namespace PromoEngine.Tests;

/// <summary>The independent path builds a result's lines when they are first read: these check the lines read are the
/// general path's, the same on every read and in every copy, and that readers racing on the first read agree.</summary>
public sealed class DeferredLinesTests
{
    private static readonly Instant Now = Instant.FromUtc(2026, 11, 27, 18, 0);

    private static readonly PromotionCatalog Catalog = PromotionCatalog.Create([
        Promotion.Create("a", "15% off shoes").ForItems(ItemFilter.Categories("shoes")).Giving(Discount.PercentOffItems(15m)).Build(),
        Promotion.Create("b", "$0.35 off each hat").ForItems(ItemFilter.Categories("hats")).Giving(Discount.AmountOffEachItem(new Money(0.35m, Currency.Usd))).Build(),
    ]);

    private static readonly Cart Cart = new(Currency.Usd, [
        new CartLine("l1", "s1", new Money(10.50m, Currency.Usd), 3, ["shoes"]),
        new CartLine("l2", "s2", new Money(7m, Currency.Usd), 1, ["socks"]),
        new CartLine("l3", "s3", new Money(4.20m, Currency.Usd), 2, ["hats"]),
        new CartLine("l4", "s4", new Money(3.33m, Currency.Usd), 1, ["shoes"]),
        new CartLine("l5", "s5", new Money(1m, Currency.Usd), 4, ["gloves"]),
    ]);

    [Fact]
    public void Lines_OfTheIndependentPath_AreTheGeneralPathsLinesInCartOrder()
    {
        var general = new PromotionEvaluator(Catalog) { GeneralPathOnly = true }.Evaluate(Cart, [], Now);
        var taken = 0;
        var result = new PromotionEvaluator(Catalog) { IndependentPathTaken = () => taken++ }.Evaluate(Cart, [], Now);

        Assert.Equal(1, taken);
        Assert.Equal(["l1", "l2", "l3", "l4", "l5"], result.Lines.Select(l => l.LineId));
        Assert.Equal(general.Lines.ToArray(), result.Lines.ToArray());
        // 15 % of 34.83 is 5.2245 (5.22), spread 4.72 and 0.50 by the units' exact amounts; 0.35 off each of two hats.
        Assert.Equal([4.72m, 0m, 0.70m, 0.50m, 0m], result.Lines.Select(l => l.Discount.Amount));
        Assert.Equal(["a", "b", "a"], result.Lines.SelectMany(l => l.Adjustments).Select(a => a.PromotionId.ToString()));
        Assert.All(result.Lines, l => Assert.Empty(l.Units));
    }

    [Fact]
    public void Lines_ReadAgainOrInACopy_AreTheSameArray()
    {
        var result = new PromotionEvaluator(Catalog).Evaluate(Cart, [], Now);
        var copy = result with { UsedGreedyFallback = true };

        var first = result.Lines;

        Assert.Equal(first, result.Lines); // ImmutableArray compares the array it wraps: built once
        Assert.Equal(first, copy.Lines);
    }

    [Fact]
    public void Equals_ADeferredAndABuiltResultOfTheSameLines_AreEqualWithTheSameHashCode()
    {
        var general = new PromotionEvaluator(Catalog) { GeneralPathOnly = true }.Evaluate(Cart, [], Now);
        var deferred = new PromotionEvaluator(Catalog).Evaluate(Cart, [], Now);
        var other = new PromotionEvaluator(Catalog).Evaluate(Cart, [], Now);

        // Compared before either has read its lines, and after.
        Assert.Equal(deferred, other);
        Assert.Equal(general, deferred);
        Assert.Equal(general.GetHashCode(), deferred.GetHashCode());
        var longer = new Cart(Currency.Usd, [.. Cart.Lines, new CartLine("l6", "s6", new Money(2m, Currency.Usd), 1, ["shoes"])]);
        Assert.NotEqual(deferred, new PromotionEvaluator(Catalog).Evaluate(longer, [], Now));
    }

    [Fact]
    public async Task Lines_ReadByManyThreadsAtOnce_AllAgreeAndOneArrayIsKept()
    {
        var expected = new PromotionEvaluator(Catalog) { GeneralPathOnly = true }.Evaluate(Cart, [], Now).Lines;
        var evaluator = new PromotionEvaluator(Catalog);
        for (var round = 0; round < 50; round++)
        {
            var result = evaluator.Evaluate(Cart, [], Now);
            using var start = new Barrier(4);
            var read = Enumerable.Range(0, 4)
                .Select(_ => Task.Factory.StartNew(() =>
                {
                    start.SignalAndWait();
                    return result.Lines;
                }, TaskCreationOptions.LongRunning))
                .ToArray();
            var arrays = await Task.WhenAll(read);

            // Equal to the general path's lines, and one array for every reader (the one kept: a reader that lost the race
            // is given the winner's).
            Assert.All(arrays, lines => Assert.Equal(expected.ToArray(), lines.ToArray()));
            Assert.All(arrays, lines => Assert.True(lines == result.Lines));
        }
    }
}
