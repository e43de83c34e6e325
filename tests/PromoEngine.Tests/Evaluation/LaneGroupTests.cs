using System.Collections.Generic;
using System.Linq;
using Xunit;
using static PromoEngine.Tests.Shop;

namespace PromoEngine.Tests;

/// <summary>How the lane solver's search splits groups of alike units: which units of a group each promotion is
/// given, which additive promotion a unit is kept for, the order groups are decided in (it breaks ties), and the
/// counts a large group is split at, each with exact figures.</summary>
public sealed class LaneGroupTests
{
    private static LaneSolution Solve(Cart cart, params Promotion[] promotions) => LaneSolverTests.Solve(cart, promotions);

    private static List<Span> Set(LaneSolution solution, string id) => solution.Sets.Single(kv => kv.Key.Id.Value == id).Value;

    private static List<(string Id, int Units)> Given(LaneSolution solution) =>
        [.. solution.Sets.Select(kv => (kv.Key.Id.Value, kv.Value.Sum(s => s.Count))).OrderBy(x => x.Item1, System.StringComparer.Ordinal)];

    private static Promotion Capped(string id, decimal percent, decimal cap) =>
        Promo(id, Discount.PercentOffItems(percent)).WithMaxDiscount(D(cap)).Build();

    [Fact]
    public void Solve_AGroupOfAShortAndALongLineSplitOverTwo_GivesTheFirstUnitsToTheSmallestId()
    {
        // Lines "a1" (1 unit) and "a2" (2 units) are one item: 50 % capped at 5 takes one unit (5), 20 % (capped far
        // off) the other two (4). The first unit in the canonical order goes to "c", the rest to "p".
        var solution = Solve(Cart(Line("a1", 10m, 1, "a"), Line("a2", 10m, 2, "a")), Capped("c", 50m, 5m), Capped("p", 20m, 1000m));

        Assert.Equal(9m, solution.Total);
        Assert.Equal([new Span(0, 0, 1)], Set(solution, "c"));
        Assert.Equal([new Span(1, 0, 2)], Set(solution, "p"));
    }

    [Fact]
    public void Solve_AGroupOfALongAndAShortLineSplitOverTwo_GivesTheRestOfTheFirstLineAndTheNext()
    {
        // As above with the lines the other way round: "p" gets the second unit of "a1" and the unit of "a2".
        var solution = Solve(Cart(Line("a1", 10m, 2, "a"), Line("a2", 10m, 1, "a")), Capped("c", 50m, 5m), Capped("p", 20m, 1000m));

        Assert.Equal(9m, solution.Total);
        Assert.Equal([new Span(0, 0, 1)], Set(solution, "c"));
        Assert.Equal([new Span(0, 1, 1), new Span(1, 0, 1)], Set(solution, "p"));
    }

    [Fact]
    public void Solve_TwoAdditivePromotionsBesideAnother_KeepAUnitForTheLargerPercentage()
    {
        // "x" (100) is for 20 % ("b", 20), not 10 % ("a"); the two units of "y" for "buy 1 get 1" (10 against 4). The
        // greedy pass, "b" first (24 alone), would give "b" everything (24).
        var solution = Solve(Cart(Line("x", 100m), Line("y", 10m, 2)),
            Promo("a", Discount.PercentOffItems(10)).Build(), Promo("b", Discount.PercentOffItems(20)).Build(),
            Promo("c", Discount.BuyXGetY(1, 1)).ForItems(ItemFilter.Skus("y")).Build());

        Assert.Equal(30m, solution.Total);
        Assert.Equal([("b", 1), ("c", 2)], Given(solution));
    }

    [Fact]
    public void Solve_TwoEqualAdditivePromotionsBesideAnother_KeepAUnitForTheSmallestId()
    {
        var solution = Solve(Cart(Line("x", 10m), Line("y", 10m, 2)),
            Promo("a", Discount.PercentOffItems(10)).Build(), Promo("b", Discount.PercentOffItems(10)).Build(),
            Promo("c", Discount.BuyXGetY(1, 1)).ForItems(ItemFilter.Skus("y")).Build());

        Assert.Equal(11m, solution.Total);
        Assert.Equal([("a", 1), ("c", 2)], Given(solution));
    }

    [Fact]
    public void Solve_TwoEqualGroupsAndTwoEqualCappedPromotions_DecidesTheFirstLineFirst()
    {
        // Each capped promotion saves 5 on one unit of 10: one unit each (10). The groups tie, so "x" (first in the
        // canonical order) is decided first, and most of it goes to the smallest id.
        var solution = Solve(Cart(Line("x", 10m), Line("y", 10m)), Capped("a", 50m, 5m), Capped("b", 50m, 5m));

        Assert.Equal(10m, solution.Total);
        Assert.Equal([new Span(0, 0, 1)], Set(solution, "a"));
        Assert.Equal([new Span(1, 0, 1)], Set(solution, "b"));
    }

    [Fact]
    public void Solve_TheGroupWithTheLargerPossibleDiscount_IsDecidedFirst()
    {
        // "x" (2 units, 10 possible) is decided before "y" (1 unit, 5 possible): "a" gets both units of "x".
        var solution = Solve(Cart(Line("x", 10m, 2), Line("y", 10m)), Capped("a", 50m, 5m), Capped("b", 50m, 5m));

        Assert.Equal(10m, solution.Total);
        Assert.Equal([new Span(0, 0, 2)], Set(solution, "a"));
        Assert.Equal([new Span(1, 0, 1)], Set(solution, "b"));
    }

    [Fact]
    public void Solve_ALargeGroupAndABuyOneGetOne_OffersItTheWholeSets()
    {
        // 101 units of 10: "buy 1 get 1" on the 100 in whole sets (500), 50 % capped at 501 on the last one (5): 505.
        // All 101 to "b" save 500 (one unit is no set), none 501 (the greedy pass: "p" saves most alone).
        var solution = Solve(Cart(Line("a", 10m, 101)), Promo("b", Discount.BuyXGetY(1, 1)).Build(), Capped("p", 50m, 501m));

        Assert.True(solution.UsedFallback);
        Assert.Equal(505m, solution.Total);
        Assert.Equal([("b", 100), ("p", 1)], Given(solution));
    }

    [Fact]
    public void Solve_ALargeGroupAndTwoEqualPromotions_OffersAllToTheSmallestIdFirst()
    {
        // Two equal (capped, so searched) 20 % on 100 units tie: the first offer, all to "a", is kept.
        var solution = Solve(Cart(Line("a", 10m, 100)), Capped("a", 20m, 1000m), Capped("b", 20m, 1000m));

        Assert.True(solution.UsedFallback);
        Assert.Equal(200m, solution.Total);
        Assert.Equal([("a", 100)], Given(solution));
    }

    [Fact]
    public void Solve_ALargeGroupSplitCoarsely_IsOfferedOnlyTheCountsWhereTheRulesChange()
    {
        // "Buy 2 get 1" capped at 25 on units of 10 against 20 %: offered all, whole sets, the sets that reach the cap
        // or none, it takes 9 units (25) and 20 % the other 91 (182). Six units (20 + 188 = 208) would save more, but
        // six is not a count where its rules change: the search is coarse and says so.
        var solution = Solve(Cart(Line("a", 10m, 100)),
            Promo("b", Discount.BuyXGetY(2, 1)).WithMaxDiscount(D(25m)).Build(), Promo("p", Discount.PercentOffItems(20)).Build());

        Assert.True(solution.UsedFallback);
        Assert.Equal(207m, solution.Total);
        Assert.Equal([("b", 9), ("p", 91)], Given(solution));
    }

    [Fact]
    public void Solve_ALargeGroupOverThreePromotions_OffersTheSecondTheWholeSetsOfWhatTheFirstLeft()
    {
        // 101 units of 10. "a" (50 % capped at 10) is offered 2 units (its cap), leaving 99: "b" (buy 1 get 1) is offered
        // the 98 in whole sets (490), "c" (50 % capped at 5) the last one (5): 505, found first (the greedy pass gives
        // "a" one unit, "b" 100, also 505).
        var solution = Solve(Cart(Line("a", 10m, 101)), Capped("a", 50m, 10m), Promo("b", Discount.BuyXGetY(1, 1)).Build(), Capped("c", 50m, 5m));

        Assert.True(solution.UsedFallback);
        Assert.Equal(505m, solution.Total);
        Assert.Equal([("a", 2), ("b", 98), ("c", 1)], Given(solution));
    }

    [Fact]
    public void Solve_AGiftThatACheaperGiftWouldSpoil_IsNotGivenTheCheaperOne()
    {
        // Buy "s", get an "h" free, the cheapest "h" it has: with both hats it frees the 10 one; kept from the cheaper hat
        // (no one else wants it), it frees the 30 one. Its saving drops with more units, so a unit may go to no one.
        var solution = Solve(Cart(Line("h1", 30m, 1, "h"), Line("h2", 10m, 1, "h"), Line("s", 20m)),
            Promo("b", Discount.BuyXGetY(1, 1, getItems: ItemFilter.Skus("h"))).ForItems(ItemFilter.Skus("s")).Build());

        Assert.Equal(30m, solution.Total);
        Assert.Equal([("b", 2)], Given(solution));
    }

    [Fact]
    public void Solve_ACheapGiftThatWouldSpoilEitherOfTwoGifts_GoesToNeither()
    {
        // "b" (buy "s", get "h1" or "h2") and "c" (buy "t", get "g1" or "h2") each free their 30 gift; "h2" (10) would
        // be freed instead by whichever got it, so it goes to neither: 60, not 40.
        var solution = Solve(Cart(Line("g1", 30m), Line("h1", 30m), Line("h2", 10m), Line("s", 20m), Line("t", 20m)),
            Promo("b", Discount.BuyXGetY(1, 1, getItems: ItemFilter.Skus("h1", "h2"))).ForItems(ItemFilter.Skus("s")).Build(),
            Promo("c", Discount.BuyXGetY(1, 1, getItems: ItemFilter.Skus("g1", "h2"))).ForItems(ItemFilter.Skus("t")).Build());

        Assert.Equal(60m, solution.Total);
        Assert.Equal([("b", 2), ("c", 2)], Given(solution));
    }

    [Fact]
    public void Solve_GroupsRankedByTheirBestPerUnitSaving_DecideTheDearerItemFirst()
    {
        // "b" (2 x 10) can save 5 a unit (50 %, "a"), "a" (2 x 8) 4; both 3 with "c" (3 off each). Ranked by the best,
        // "b" is decided first, and most of it goes to "a" (capped at 5): "a" takes both units of "b", "c" (capped at 6)
        // both of "a": 11. (Giving "a" the units of line "a" instead also saves 11; the order decides.)
        var solution = Solve(Cart(Line("a", 8m, 2), Line("b", 10m, 2)),
            Capped("a", 50m, 5m), Promo("c", Discount.AmountOffEachItem(D(3m))).WithMaxDiscount(D(6m)).Build());

        Assert.Equal(11m, solution.Total);
        Assert.Equal([new Span(1, 0, 2)], Set(solution, "a"));
        Assert.Equal([new Span(0, 0, 2)], Set(solution, "c"));
    }
}
