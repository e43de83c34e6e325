using System.Collections.Generic;
using System.Linq;
using Xunit;
using static PromoEngine.Tests.Shop;

namespace PromoEngine.Tests;

/// <summary>How the lane solver cuts a lane into components (the quick test for promotions apart, the union of
/// candidates by line), says when a fallback was used, and the paths that give units in a fixed order (a rule list,
/// the direct solution of additive promotions), each with exact figures.</summary>
public sealed class LaneComponentTests
{
    private static (UnitPool Pool, List<LaneCandidate> Candidates) Setup(Cart cart, params Promotion[] promotions) =>
        LaneSolverTests.Setup(new LaneCase(cart, promotions));

    private static LaneSolution Solve(Cart cart, params Promotion[] promotions)
    {
        var (pool, candidates) = Setup(cart, promotions);
        return LaneSolver.Solve(pool, candidates, LaneSolverTests.Cap);
    }

    private static List<(string Id, int Units)> Given(LaneSolution solution) =>
        [.. solution.Sets.Select(kv => (kv.Key.Id.Value, kv.Value.Sum(s => s.Count))).OrderBy(x => x.Item1, System.StringComparer.Ordinal)];

    private static Promotion Percent(string id, decimal percent, params string[] skus) =>
        Promo(id, Discount.PercentOffItems(percent)).ForItems(ItemFilter.Skus(skus)).Build();

    [Fact]
    public void Solve_AGiftNotInTheCartBeforeACappedPromotion_CountsItsCapOnce()
    {
        // The gift is left out; the capped 50 % is solved once, on both units: 5, not 5 a unit.
        var solution = Solve(Cart(Line("x", 10m, 2)),
            Promo("a", Discount.GiftWithPurchase("missing")).Build(),
            Promo("c", Discount.PercentOffItems(50)).WithMaxDiscount(D(5m)).Build());

        Assert.Equal(5m, solution.Total);
        Assert.Equal([("c", 2)], Given(solution));
    }

    [Fact]
    public void Solve_TheSecondAndThirdPromotionShareALine_AreOneComponent()
    {
        // "a" is apart; "b" and "c" both want "y": "c" (20 %) takes it, "b" gets nothing.
        var solution = Solve(Cart(Line("x", 10m), Line("y", 10m)), Percent("a", 10m, "x"), Percent("b", 10m, "y"), Percent("c", 20m, "y"));

        Assert.Equal(3m, solution.Total);
        Assert.Equal([("a", 1), ("c", 1)], Given(solution));
    }

    [Fact]
    public void Solve_AGiftOnAnEarlierPromotionsLine_CompetesWithIt()
    {
        // "b" (buy "s", get "g" free) wants "g", which "a" (10 %) qualifies with: one component, and the free "g"
        // (10) beats 10 % of it.
        var solution = Solve(Cart(Line("g", 10m), Line("s", 20m)),
            Percent("a", 10m, "g"),
            Promo("b", Discount.BuyXGetY(1, 1, getItems: ItemFilter.Skus("g"))).ForItems(ItemFilter.Skus("s")).Build());

        Assert.Equal(10m, solution.Total);
        Assert.Equal([("b", 2)], Given(solution));
    }

    [Fact]
    public void Solve_ALaterPromotionOnAGiftsLine_CompetesWithTheGift()
    {
        // "b"'s gift "g" is what "c" (10 %) qualifies with: "b" and "c" are one component; "a" is apart.
        var solution = Solve(Cart(Line("g", 10m), Line("s", 20m), Line("x", 10m)),
            Percent("a", 10m, "x"),
            Promo("b", Discount.BuyXGetY(1, 1, getItems: ItemFilter.Skus("g"))).ForItems(ItemFilter.Skus("s")).Build(),
            Percent("c", 10m, "g"));

        Assert.Equal(11m, solution.Total);
        Assert.Equal([("a", 1), ("b", 2)], Given(solution));
    }

    [Fact]
    public void Solve_SeventeenPromotionsInSixteenComponents_AreSolvedExactly()
    {
        // More promotions than the exact bound, but only "p00" and "p01" share a line: every component is small.
        var cart = Cart([.. Enumerable.Range(0, LaneSolver.MaxExactCandidates + 1).Select(i => Line($"L{i:D2}", 10m))]);
        var promotions = Enumerable.Range(0, LaneSolver.MaxExactCandidates + 1)
            .Select(i => i == 0 ? Percent("p00", 10m, "L00", "L01") : Percent($"p{i:D2}", 20m, $"L{i:D2}"))
            .ToArray();

        var solution = Solve(cart, promotions);

        Assert.False(solution.UsedFallback);
        Assert.Equal(1m + (2m * LaneSolver.MaxExactCandidates), solution.Total);
        Assert.Equal(LaneSolver.MaxExactCandidates + 1, solution.Sets.Count);
    }

    [Fact]
    public void Solve_AComponentJoinedThroughItsLastPromotion_KeepsEveryMember()
    {
        // "c" joins "b" (line "L0") and then "a" (line "L1"): all three are one component, and "a" and "b" (10 % each)
        // keep their lines from "c" (5 %).
        var solution = Solve(Cart(Line("L0", 10m), Line("L1", 10m)),
            Percent("a", 10m, "L1"), Percent("b", 10m, "L0"), Percent("c", 5m, "L0", "L1"));

        Assert.Equal(2m, solution.Total);
        Assert.Equal([("a", 1), ("b", 1)], Given(solution));
    }

    [Fact]
    public void Solve_TwoComponentsThatEachSplitALargeGroupCoarsely_SayAFallbackWasUsed()
    {
        // Two components, each a capped 50 % and a 20 % on 100 units: both split their group only where the rules
        // change, so the solution says a fallback was used (not undone by the second).
        var solution = Solve(Cart(Line("x", 10m, 100), Line("y", 10m, 100)),
            Promo("a", Discount.PercentOffItems(50)).ForItems(ItemFilter.Skus("x")).WithMaxDiscount(D(29m)).Build(),
            Percent("b", 20m, "x"),
            Promo("c", Discount.PercentOffItems(50)).ForItems(ItemFilter.Skus("y")).WithMaxDiscount(D(29m)).Build(),
            Percent("d", 20m, "y"));

        Assert.True(solution.UsedFallback);
        Assert.Equal(2 * 217m, solution.Total);
    }

    [Fact]
    public void Solve_TwoLargeGroupsInOneComponent_SayAFallbackWasUsed()
    {
        // One component, two groups of 100 units (two items), each split coarsely: the flag stays set.
        var solution = Solve(Cart(Line("x", 10m, 100), Line("y", 7m, 100)),
            Promo("a", Discount.PercentOffItems(50)).WithMaxDiscount(D(29m)).Build(), Promo("b", Discount.PercentOffItems(20)).Build());

        Assert.True(solution.UsedFallback);
    }

    [Fact]
    public void SolveInOrder_APromotionCappedToNothing_TakesNoUnits()
    {
        // A cap that leaves "a" nothing (a budget used up, say): its units stay free for "b".
        var (pool, candidates) = Setup(Cart(Line("x", 10m, 2)), Percent("a", 50m, "x"), Percent("b", 10m, "x"));

        var solution = LaneSolver.SolveInOrder(pool, candidates, (p, exact) => p.Id.Value == "a" ? 0m : exact);

        Assert.Equal(2m, solution.Total);
        Assert.Equal([("b", 2)], Given(solution));
    }

    [Fact]
    public void SolveInOrder_APromotionThatTakesTheDearestFirst_IsGivenItsUnitsInTheCanonicalOrder()
    {
        var (pool, candidates) = Setup(Cart(Line("a", 1m), Line("b", 10m)), Promo("f", Discount.FixedPrice(2, D(5m))).Build());

        var solution = LaneSolver.SolveInOrder(pool, candidates, LaneSolverTests.Cap);

        Assert.Equal(6m, solution.Total);
        Assert.Equal([new Span(0, 0, 1), new Span(1, 0, 1)], solution.Sets.Single().Value);
    }

    [Fact]
    public void Solve_AdditivePromotionsThatShareOneLine_EachKeepTheLinesOnlyItMayUse()
    {
        // Additive promotions, solved directly: "a" alone may use "x", "b" alone "y"; "z" goes to "b" (50 %).
        var solution = Solve(Cart(Line("x", 10m), Line("y", 10m), Line("z", 10m)), Percent("a", 10m, "x", "z"), Percent("b", 50m, "y", "z"));

        Assert.Equal(11m, solution.Total);
        Assert.Equal([("a", 1), ("b", 2)], Given(solution));
    }

    [Fact]
    public void Solve_AdditivePromotionsThatTieGivenOutOfIdOrder_GiveTheUnitsToTheSmallestId()
    {
        // The direct solution agrees with the search: of equal percentages the smallest id wins, whatever the order.
        var cart = Cart(Line("x", 10m, 2));
        var (pool, candidates) = Setup(cart, Percent("b", 10m, "x"), Percent("a", 10m, "x"));

        var direct = LaneSolver.Solve(pool, candidates, LaneSolverTests.Cap);
        var searched = LaneSolver.Solve(pool, candidates, LaneSolverTests.Cap, additiveShortcut: false);

        Assert.Equal([("a", 2)], Given(searched));
        Assert.Equal([("a", 2)], Given(direct));
    }

    [Fact]
    public void Solve_AdditivePromotionsOverManyRuns_GiveWhatTheSearchGives()
    {
        // Twenty lines at twenty prices: more runs and groups than the direct solution finds again by looking through
        // them (past them, an index), and three lines alike to the first three, last, which join their groups then.
        // "a" takes the dear ones (10 % beats $1 off from $10 up), "b" the cheap ones.
        var skus = Enumerable.Range(0, 20).Select(i => $"s{i:D2}").ToArray();
        var cart = Cart([.. skus.Select((sku, i) => Line(sku, 1m + i, 1 + (i % 3))), .. skus.Take(3).Select((sku, i) => Line("z" + sku, 1m + i, 2, sku))]);
        var (pool, candidates) = Setup(cart,
            Percent("a", 10m, skus),
            Promo("b", Discount.AmountOffEachItem(D(1m))).ForItems(ItemFilter.Skus(skus)).Build());

        var direct = LaneSolver.Solve(pool, candidates, LaneSolverTests.Cap);
        var searched = LaneSolver.Solve(pool, candidates, LaneSolverTests.Cap, additiveShortcut: false);

        Assert.Equal(searched.Total, direct.Total);
        Assert.Equal(Given(searched), Given(direct));
        foreach (var (promotion, units) in searched.Sets)
        {
            Assert.Equal(units, direct.Sets[promotion]);
        }
    }

    [Fact]
    public void Solve_AdditivePromotionsOnTheSameSpans_GiveWhatTheSearchGives()
    {
        // Both qualify with the same spans (read once for both): "b" (50 %) takes every unit.
        var cart = Cart(Line("x", 10m, 3), Line("y", 4m, 2));
        var (pool, candidates) = Setup(cart, Percent("a", 10m, "x", "y"), Percent("b", 50m, "x", "y"));

        var direct = LaneSolver.Solve(pool, candidates, LaneSolverTests.Cap);
        var searched = LaneSolver.Solve(pool, candidates, LaneSolverTests.Cap, additiveShortcut: false);

        Assert.Equal(19m, direct.Total);
        Assert.Equal(searched.Total, direct.Total);
        Assert.Equal([("b", 5)], Given(direct));
        Assert.Equal(searched.Sets.Values.Single(), direct.Sets.Values.Single());
    }

    [Fact]
    public void Solve_AdditivePromotionsOnTheSameOverlappingSpans_CutThemAtEachOthersEdges()
    {
        // Spans that overlap (one starting inside the other; no lane makes them) are cut at each other's edges even when
        // every candidate has the same: the direct solution reads them as the general cut does.
        var cart = Cart(Line("x", 10m, 3));
        var (pool, setup) = Setup(cart, Percent("a", 10m, "x"), Percent("b", 50m, "x"));
        List<Span> spans = [new Span(0, 0, 3), new Span(0, 1, 2)];
        var candidates = setup.Select(c => new LaneCandidate(c.Promotion, spans, spans)).ToList();

        var direct = LaneSolver.Solve(pool, candidates, LaneSolverTests.Cap);

        Assert.Equal([new Span(0, 0, 1), new Span(0, 1, 2)], direct.Sets.Values.Single());
    }

    [Fact]
    public void Solve_AGiftAndAPercentageOnItsBoughtItem_SavesTheGiftsPrice()
    {
        // Buy "s" (20), get "g" (10) free, beside 10 % on "s": the gift saves 10 on "g" (not a second "s"), so it
        // takes both; 10 % of "s" (2) is less.
        var solution = Solve(Cart(Line("g", 10m), Line("s", 20m, 2)),
            Promo("b", Discount.BuyXGetY(1, 1, getItems: ItemFilter.Skus("g"))).ForItems(ItemFilter.Skus("s")).Build(),
            Percent("p", 10m, "s"));

        Assert.Equal(12m, solution.Total);
        Assert.Equal([("b", 2), ("p", 1)], Given(solution));
    }
}
