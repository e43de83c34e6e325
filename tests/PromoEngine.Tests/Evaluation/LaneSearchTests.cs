using System.Linq;
using Xunit;
using static PromoEngine.Tests.Shop;

namespace PromoEngine.Tests;

/// <summary>The lane solver's edges, each with exact figures: the greedy fallback's order, components found over many
/// lines, the large groups split only where a promotion's rules change, and what a lone promotion is given.</summary>
public sealed class LaneSearchTests
{
    private static LaneSolution Solve(Cart cart, params Promotion[] promotions) => LaneSolverTests.Solve(cart, promotions);

    private static int Units(LaneSolution solution, string id) =>
        solution.Sets.Single(kv => kv.Key.Id.Value == id).Value.Sum(s => s.Count);

    [Fact]
    public void Solve_MorePromotionsThanTheBoundThatTie_GreedyGivesTheUnitsToTheSmallestId()
    {
        var promotions = Enumerable.Range(0, LaneSolver.MaxExactCandidates + 1)
            .Select(i => Promo($"p{i:D2}", Discount.PercentOffItems(10)).Build());

        var result = Evaluate(Cart(Line("a", 10m, 3)), promotions);

        Assert.True(result.UsedGreedyFallback);
        Assert.Equal([("p00", 3.00m)], result.Applied.Select(a => (a.PromotionId.Value, a.Amount.Amount)));
    }

    [Fact]
    public void Solve_TwoPromotionsOnMoreThan256Lines_EachUnitGoesToOne()
    {
        // Past 256 lines the quick test for promotions apart gives up, and the components are found on the heap.
        var cart = Cart([.. Enumerable.Range(0, 257).Select(i => Line($"L{i:D3}", 1m))]);
        Promotion[] promotions = [Promo("A", Discount.PercentOffItems(10)).Build(), Promo("B", Discount.PercentOffItems(20)).Build()];

        var solution = Solve(cart, promotions);
        var result = Evaluate(cart, promotions);

        Assert.Equal(51.40m, solution.Total);
        Assert.Equal(["B"], solution.Sets.Keys.Select(p => p.Id.Value));
        Assert.Equal(257, Units(solution, "B"));
        Assert.Equal(51.40m, result.TotalDiscount.Amount);
    }

    [Fact]
    public void Solve_ALargeGroupAndAPromotionWithMostSets_OffersItExactlyItsMostSets()
    {
        // 100 units at 10: "buy 2 get 1" at most 10 times saves 100 on 30 units; 20 % saves 2 a unit. The group is too
        // large to split every way, so the buy-X-get-Y is offered all, 99 (whole sets), 30 (its most sets) or none.
        var solution = Solve(Cart(Line("a", 10m, 100)),
            Promo("b", Discount.BuyXGetY(2, 1, maxApplications: 10)).Build(), Promo("p", Discount.PercentOffItems(20)).Build());

        Assert.Equal(240m, solution.Total);
        Assert.True(solution.UsedFallback);
        Assert.Equal((30, 70), (Units(solution, "b"), Units(solution, "p")));
    }

    [Fact]
    public void Solve_ALargeGroupAndACappedPromotion_OffersItTheUnitsThatReachItsCap()
    {
        // 50 % off capped at 29 reaches its cap on 5.8 units of 10: 6 units give 29 and leave 94 at 20 % (188).
        var solution = Solve(Cart(Line("a", 10m, 100)),
            Promo("c", Discount.PercentOffItems(50)).WithMaxDiscount(D(29m)).Build(), Promo("p", Discount.PercentOffItems(20)).Build());

        Assert.Equal(217m, solution.Total);
        Assert.True(solution.UsedFallback);
        Assert.Equal((6, 94), (Units(solution, "c"), Units(solution, "p")));
    }

    [Fact]
    public void Solve_ALargeGroupAndACappedBuyOneGetOne_OffersItTheWholeSetsThatReachItsCap()
    {
        // "Buy 1 get 1" capped at 29 saves 5 a unit of 10: 5.8 units reach the cap, 6 in whole sets of 2 (3 sets, 30,
        // capped to 29); the other 94 at 20 % save 188.
        var solution = Solve(Cart(Line("a", 10m, 100)),
            Promo("c", Discount.BuyXGetY(1, 1)).WithMaxDiscount(D(29m)).Build(), Promo("p", Discount.PercentOffItems(20)).Build());

        Assert.Equal(217m, solution.Total);
        Assert.True(solution.UsedFallback);
        Assert.Equal((6, 94), (Units(solution, "c"), Units(solution, "p")));
    }

    [Fact]
    public void Solve_ALargeGroupAndACappedPromotionThatSavesNothingOnIt_GivesItNone()
    {
        // "2 for 30" on units of 10 saves nothing (nothing per unit to reach its cap with); 20 % takes every unit.
        var solution = Solve(Cart(Line("a", 10m, 100)),
            Promo("f", Discount.FixedPrice(2, D(30m))).WithMaxDiscount(D(5m)).Build(), Promo("p", Discount.PercentOffItems(20)).Build());

        Assert.Equal(200m, solution.Total);
        Assert.Equal(["p"], solution.Sets.Keys.Select(p => p.Id.Value));
        Assert.Equal(100, Units(solution, "p"));
    }

    [Theory]
    [InlineData(LaneSolver.MaxExactGroup, false)]
    [InlineData(LaneSolver.MaxExactGroup + 1, true)]
    public void Solve_AGroupAtAndPastTheExactSize_IsSplitEveryWayOnlyUpToIt(int quantity, bool coarse)
    {
        // Units of 10, 50 % capped at 27 (5.4 units) against 20 %: 6 units to the cap give 27 + 2 x (quantity - 6).
        var solution = Solve(Cart(Line("a", 10m, quantity)),
            Promo("c", Discount.PercentOffItems(50)).WithMaxDiscount(D(27m)).Build(), Promo("p", Discount.PercentOffItems(20)).Build());

        Assert.Equal(coarse, solution.UsedFallback);
        Assert.Equal(27m + (2m * (quantity - 6)), solution.Total);
    }

    [Fact]
    public void Solve_ALargeGroupOnlyOnePromotionMayUse_IsGivenWholeAndTheSearchStaysExact()
    {
        // 100 units only "p" may use, beside two units both may: no group is split coarsely.
        var solution = Solve(Cart(Line("a", 10m, 100), Line("b", 10m, 2)),
            Promo("p", Discount.PercentOffItems(20)).Build(), Promo("q", Discount.BuyXGetY(1, 1)).ForItems(ItemFilter.Skus("b")).Build());

        Assert.False(solution.UsedFallback);
        Assert.Equal(210m, solution.Total);
        Assert.Equal((100, 2), (Units(solution, "p"), Units(solution, "q")));
    }

    [Fact]
    public void Solve_ALonePromotionThatSavesNothing_IsGivenNoUnits()
    {
        // "2 for 30" on two units of 10 saves nothing: the units are not given to it.
        var solution = Solve(Cart(Line("a", 10m, 2)), Promo("f", Discount.FixedPrice(2, D(30m))).Build());

        Assert.Equal(0m, solution.Total);
        Assert.Empty(solution.Sets);
    }

    [Fact]
    public void Solve_ALonePromotionThatTakesTheDearestFirst_IsGivenItsUnitsInTheCanonicalOrder()
    {
        // "2 for 5" takes the dearest units first (b, then a); its set is in the order of the lines' ids.
        var solution = Solve(Cart(Line("a", 1m), Line("b", 10m)), Promo("f", Discount.FixedPrice(2, D(5m))).Build());

        Assert.Equal(6m, solution.Total);
        Assert.Equal([new Span(0, 0, 1), new Span(1, 0, 1)], solution.Sets.Single().Value);
    }

    [Fact]
    public void Solve_AGiftNotInTheCartBeforeOtherPromotions_LeavesThemEveryUnit()
    {
        // The gift's units to discount are not in the cart: it is left out, and the promotions after it are solved.
        var solution = Solve(Cart(Line("a", 10m, 2), Line("b", 4m)),
            Promo("gift", Discount.GiftWithPurchase("missing")).Build(),
            Promo("ten", Discount.PercentOffItems(10)).Build(),
            Promo("one", Discount.AmountOffEachItem(D(1m))).ForItems(ItemFilter.Skus("b")).Build());

        Assert.False(solution.UsedFallback);
        Assert.Equal(3m, solution.Total);
        Assert.Equal([("one", 1), ("ten", 2)], solution.Sets.Select(kv => (kv.Key.Id.Value, kv.Value.Sum(s => s.Count))).OrderBy(x => x.Item1));
    }

    [Fact]
    public void Solve_ASearchPastTheNodeBudget_FallsBackToGreedyAndSaysSo()
    {
        // Four "buy 1 get 1, the dearer free" over ten items of 2 units: each may keep units from the others, and its
        // bound (the whole price of a unit) prunes little, so the ways to split the items pass the budget.
        var cart = Cart([.. Enumerable.Range(0, 10).Select(i => Line($"L{i}", 10m + (7 * i), 2))]);
        var promotions = Enumerable.Range(0, 4).Select(i => Promo($"b{i}", Discount.BuyXGetY(1, 1, 50m + (10 * i), selection: UnitSelection.MostExpensive)).Build()).ToArray();

        var solution = Solve(cart, promotions);

        Assert.True(solution.UsedFallback);
    }

    [Theory]
    [InlineData(new[] { 1, 25, 30, 60 }, false)]
    [InlineData(new[] { 0, 49, 26, 35 }, true)]
    public void Solve_ASearchOfExactlyTheNodeBudget_IsExactAndOneNodeMoreFallsBack(int[] units, bool fallback)
    {
        // Two "1,000 for 1.00" never reach their set, so every split saves nothing and no bound prunes (what each unit
        // could save is always above it). Both share lines of 25, 30 and 60 units (26, 31 and 61 ways to split each);
        // a 200.00 unit only "a" takes comes first and splits one way. The search visits the root and every split:
        // 1 + 1 + 26 + 26 x 31 + 26 x 31 x 61 = 50,000 nodes, the budget, and is exact. Lines of 49, 26 and 35 units
        // alone: 1 + 50 + 50 x 27 + 50 x 27 x 36 = 50,001, one node past it.
        var lines = new[] { ("only-a", 200m), ("both", 4m), ("both", 3m), ("both", 1m) }
            .Select((line, i) => (Line: line, Units: units[i]))
            .Where(x => x.Units > 0)
            .Select((x, i) => Line($"L{i}", x.Line.Item2, x.Units, x.Line.Item1));
        var solution = Solve(
            Cart([.. lines]),
            Promo("a", Discount.FixedPrice(1000, D(1m))).ForItems(ItemFilter.Skus("only-a", "both")).Build(),
            Promo("b", Discount.FixedPrice(1000, D(1m))).ForItems(ItemFilter.Skus("both")).Build());

        Assert.Equal(fallback, solution.UsedFallback);
        Assert.Equal(0m, solution.Total);
    }
}
