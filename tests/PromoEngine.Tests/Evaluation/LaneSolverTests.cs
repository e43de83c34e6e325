using System;
using System.Collections.Generic;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Xunit;
using PromoEngine.Tests.Reference;
using static PromoEngine.Tests.Shop;

namespace PromoEngine.Tests;

/// <summary>A small cart and item promotions competing for its units in one lane, with the reference's spec of each.</summary>
public sealed record LaneCase(Cart Cart, Promotion[] Promotions, RefPromotion[] Specs)
{
    public LaneCase(Cart cart, Promotion[] promotions)
        : this(cart, promotions, [])
    {
    }

    public override string ToString() =>
        $"cart: [{string.Join("; ", Cart.Lines.Select(l => $"{l.LineId} {l.Quantity}x{l.UnitPrice.Amount} [{string.Join(",", l.Categories)}]"))}]"
        + $" | promotions: [{string.Join("; ", Specs.Select(p => p.ToString()))}]";
}

public static class LaneArbitraries
{
    private static readonly string[] Categories = ["c1", "c2"];

    public static Gen<LaneCase> LaneCaseGen(int minPromotions, int maxPromotions, int maxUnits) =>
        from lineCount in Gen.Choose(1, 4)
        from lines in Gen.CollectToArray(Enumerable.Range(0, lineCount), i =>
            from price in Gen.Elements(1m, 2.50m, 5m, 7.99m, 10m, 20m)
            from quantity in Gen.Choose(1, 2)
            from categories in Gen.SubListOf(Categories)
            select new CartLine($"L{i}", $"s{i}", D(price), quantity, categories))
        where lines.Sum(l => l.Quantity) <= maxUnits
        from count in Gen.Choose(minPromotions, maxPromotions)
        from specs in Gen.CollectToArray(Enumerable.Range(0, count), PromotionGen)
        select new LaneCase(Cart(lines), [.. specs.Select(p => p.ToPromotion())], specs);

    public static Arbitrary<LaneCase> LaneCaseArb() => LaneCaseGen(1, 8, 5).ToArbitrary();

    private static Gen<RefFilter> Filter =>
        Gen.OneOf(
            Gen.Constant<RefFilter>(new RefAll()),
            Gen.Elements(Categories).Select(c => (RefFilter)new RefCategories([c])),
            Gen.Elements("s0", "s1", "s2").Select(s => (RefFilter)new RefSkus([s])));

    private static Gen<RefPromotion> PromotionGen(int index) =>
        from discount in Gen.OneOf(
            Gen.Elements(10m, 25m, 30m, 50m, 100m).Select(p => (RefDiscount)new RefPercentOffItems(p)),
            Gen.Elements(0.50m, 2m, 3m, 6m).Select(a => (RefDiscount)new RefAmountOffEachItem(a, Usd)),
            from n in Gen.Choose(2, 3) from price in Gen.Elements(3m, 8m, 12m) select (RefDiscount)new RefFixedPrice(n, price, Usd, null),
            from x in Gen.Choose(1, 2) from y in Gen.Choose(1, 2) from pct in Gen.Elements(50m, 100m)
            from selection in Gen.Elements(UnitSelection.Cheapest, UnitSelection.MostExpensive)
            from get in Gen.Frequency((3, Gen.Constant<RefFilter?>(null)), (1, Filter.Select(f => (RefFilter?)f)))
            select (RefDiscount)new RefBuyXGetY(x, y, pct, get, selection, null))
        from filter in Filter
        from cap in Gen.Frequency((4, Gen.Constant<decimal?>(null)), (1, Gen.Elements<decimal?>(1m, 4m, 9m)))
        select new RefPromotion($"P{index:D2}", 0, discount, filter, [], null, null, cap, Usd, null, PromotionStatus.Active, null, null, false, null);
}

/// <summary>The lane solver against the reference's exact optimum (<see cref="ReferenceLane"/>: its own arithmetic,
/// every way to give disjoint sets of units to the promotions).</summary>
public sealed class LaneSolverTests
{
    internal static decimal Cap(Promotion promotion, decimal exact) =>
        promotion.MaxDiscount is { } cap && exact > cap.Amount ? cap.Amount : exact;

    /// <summary>Solves one lane of these promotions on the cart, each on every unit its filter takes.</summary>
    internal static LaneSolution Solve(Cart cart, params Promotion[] promotions)
    {
        var (pool, candidates) = Setup(new LaneCase(cart, promotions));
        return LaneSolver.Solve(pool, candidates, Cap);
    }

    internal static (UnitPool Pool, List<LaneCandidate> Candidates) Setup(LaneCase c)
    {
        var pool = new UnitPool(c.Cart);
        List<Span> Units(ItemFilter filter) => pool.LinesInOrder
            .Where(line => filter.Matches(c.Cart.Lines[line]))
            .Select(line => new Span(line, 0, c.Cart.Lines[line].Quantity))
            .ToList();
        var candidates = c.Promotions.Select(p =>
        {
            var qualifying = Units(p.QualifyingItems);
            var get = ((ItemDiscount)p.Discount).GetItems is { } g ? Units(g) : qualifying;
            return new LaneCandidate(p, qualifying, get);
        }).ToList();
        return (pool, candidates);
    }

    /// <summary>A line as lines of one unit each, alike in all else, in its place in the canonical order.</summary>
    private static IEnumerable<CartLine> OneByOne(CartLine line) =>
        Enumerable.Range(0, line.Quantity).Select(i => new CartLine(
            i == 0 ? line.LineId : $"{line.LineId}~{i:D2}", line.Sku, line.UnitPrice, 1, line.Categories, line.Tags, line.Brand, line.Attributes));

    [Property(MaxTest = 300, Arbitrary = [typeof(LaneArbitraries)])]
    public void Solver_SavesExactlyAsMuchAsTheReferenceOptimum(LaneCase c)
    {
        var (pool, candidates) = Setup(c);

        var solution = LaneSolver.Solve(pool, candidates, Cap);

        Assert.False(solution.UsedFallback);
        Assert.Equal(Math.Round(ReferenceLane.Optimum(c.Cart, c.Specs), 20), Math.Round(solution.Total, 20));
    }

    [Property(MaxTest = 500, Arbitrary = [typeof(LaneArbitraries)])]
    public void AdditiveShortcut_GivesWhatTheSearchGives(LaneCase c)
    {
        // Also on the additive promotions alone (uncapped percentages and amounts off each), which the shortcut solves
        // whole; splitting lines one unit each makes more runs to group.
        var (pool, candidates) = Setup(c);
        var additive = candidates.Where(x => x.Discount.IsAdditive && x.Promotion.MaxDiscount is null).ToList();
        var (onePool, oneCandidates) = Setup(c with { Cart = new Cart(c.Cart.Currency, c.Cart.Lines.SelectMany(OneByOne)) });
        var oneAdditive = oneCandidates.Where(x => x.Discount.IsAdditive && x.Promotion.MaxDiscount is null).ToList();

        foreach (var (p, lane) in new[] { (pool, candidates), (pool, additive), (onePool, oneCandidates), (onePool, oneAdditive) })
        {
            var direct = LaneSolver.Solve(p, lane, Cap);
            var searched = LaneSolver.Solve(p, lane, Cap, additiveShortcut: false);

            Assert.Equal(searched.Total, direct.Total);
            Assert.Equal(searched.UsedFallback, direct.UsedFallback);
            Assert.Equal(searched.Sets.Keys.Select(k => k.Id).Order(), direct.Sets.Keys.Select(k => k.Id).Order());
            foreach (var (promotion, units) in searched.Sets)
            {
                Assert.Equal(units, direct.Sets[promotion]);
            }
        }
    }

    [Property(MaxTest = 300, Arbitrary = [typeof(LaneArbitraries)])]
    public void Solver_ChoosesAFeasibleSet(LaneCase c)
    {
        var (pool, candidates) = Setup(c);

        var solution = LaneSolver.Solve(pool, candidates, Cap);

        var given = solution.Sets.SelectMany(kv => kv.Value).SelectMany(s => Enumerable.Range(s.Start, s.Count).Select(k => (s.Line, k))).ToList();
        Assert.Equal(given.Count, given.Distinct().Count());
        var byPromotion = candidates.ToDictionary(x => x.Promotion);
        foreach (var (promotion, units) in solution.Sets)
        {
            Assert.Equal(units, new SpanSet(byPromotion[promotion].Units).Intersect(units));
        }

        Assert.Equal(
            Math.Round(solution.Total, 20),
            Math.Round(solution.Sets.Sum(kv => LaneSolver.Saving(pool, byPromotion[kv.Key], kv.Value, Cap)), 20));
    }

    [Property(MaxTest = 300, Arbitrary = [typeof(LaneArbitraries)])]
    public void AddingAPromotion_NeverLowersTheExactSaving(LaneCase c)
    {
        var (pool, candidates) = Setup(c);

        var without = LaneSolver.Solve(pool, candidates[1..], Cap);
        var with = LaneSolver.Solve(pool, candidates, Cap);

        Assert.True(with.Total >= without.Total, $"{with.Total} < {without.Total}");
    }

    /// <remarks>Each application is rounded once, so a promotion that ties with another on a unit and takes it splits
    /// one application in two, which may round a cent the other way (found in a long run: 33.26 against 33.25 when a
    /// capped 25 % took a 2.50 unit from an uncapped 25 %). Hence one minor unit per application.</remarks>
    [Property(MaxTest = 300, Arbitrary = [typeof(LaneArbitraries)])]
    public void AddingAPromotion_NeverRaisesTheTotal_ButForRounding(LaneCase c)
    {
        var without = Evaluate(c.Cart, c.Promotions[1..]);
        var with = Evaluate(c.Cart, c.Promotions);

        Assert.True(with.Total.Amount <= without.Total.Amount + (0.01m * with.Applied.Length), $"{with.Total} > {without.Total}");
    }

    [Fact]
    public void BuyOneGetOneAgainstThirtyPercent_TwoShirts_PicksTheBuyOneGetOne()
    {
        var result = Evaluate(Cart(Line("shirt", 10m, 2)), [Promo("bogo", Discount.BuyXGetY(1, 1)).Build(), Promo("thirty", Discount.PercentOffItems(30)).Build()]);

        Assert.Equal(10m, result.TotalDiscount.Amount);
        Assert.Equal(["bogo"], result.Applied.Select(a => a.PromotionId.Value));
    }

    [Fact]
    public void BuyOneGetOneAgainstThirtyPercent_ThreeShirts_PicksTheBetterAssignmentPerUnit()
    {
        var result = Evaluate(Cart(Line("shirt", 10m, 3)), [Promo("bogo", Discount.BuyXGetY(1, 1)).Build(), Promo("thirty", Discount.PercentOffItems(30)).Build()]);

        // Two shirts to the buy-one-get-one (10 off), the third at 30 % off (3): 13, better than 9 (30 % of all).
        Assert.Equal(13m, result.TotalDiscount.Amount);
        Assert.Equal(["bogo", "thirty"], result.Applied.Select(a => a.PromotionId.Value));
    }

    [Fact]
    public void TwoPercentagesAndAnAmount_EachUnitGoesToItsBestPromotion()
    {
        // No order of whole promotions does this: 10 % is best on the dear item, $2 off on the cheap one.
        var result = Evaluate(Cart(Line("dear", 100m), Line("cheap", 5m)), [Promo("ten", Discount.PercentOffItems(10)).Build(), Promo("two", Discount.AmountOffEachItem(D(2))).Build()]);

        Assert.Equal(12m, result.TotalDiscount.Amount);
        Assert.Equal(10m, result.Line("dear").Discount.Amount);
        Assert.Equal(2m, result.Line("cheap").Discount.Amount);
    }

    [Fact]
    public void TwoFixedPricesThatTie_SplittingALine_KeepsWhichPromotionGetsWhat()
    {
        // 2 x 50, 1 x 0 and 3 x 30 against "2 for 20" (A) and "4 for 1" (B): several assignments save 169. B on
        // 50, 30, 30, 30 computes as 139.000...001 (its 139 shared in proportion to the prices, in decimal), which
        // once beat the tie when the 30s were three lines and not when they were one.
        Promotion[] promotions = [Promo("A", Discount.FixedPrice(2, D(20m))).Build(), Promo("B", Discount.FixedPrice(4, D(1m))).Build()];
        CartLine[] lines = [new("L0", "s0", D(50m), 2, ["b"]), new("L1", "s1", D(0m), 1, []), new("L2", "s2", D(30m), 3, ["a", "b"])];

        var whole = Evaluate(Cart(lines), promotions);
        var ones = Evaluate(Cart([.. lines.SelectMany(OneByOne)]), promotions);

        // The first tie in the search order: the dearest group (the 50s) all to A, the smallest id; then the 30s
        // and the 0 to B.
        Assert.Equal((80m, 89m), (whole.Applied("A"), whole.Applied("B")));
        Assert.Equal((80m, 89m), (ones.Applied("A"), ones.Applied("B")));
    }

    [Fact]
    public void FixedPricesInOneLane_TheFlakyPropertyCase_SplittingLinesChangesNoAmount()
    {
        // The case QuantityProperties once found (its printed seed no longer replays): equal totals, split differently.
        CartLine[] lines =
        [
            new("L0", "s1", D(50.91m), 2, ["c2"]), new("L1", "s5", D(165.71m), 2, ["c1", "c3"]), new("L2", "s1", D(52.56m), 5, ["c1", "c3"]),
            new("L3", "s4", D(28.74m), 3, ["c1", "c3"]), new("L4", "s5", D(26.19m), 2, ["c1", "c2", "c3"]), new("L5", "s1", D(0m), 1, ["c2", "c3"]),
            new("L6", "s1", D(0m), 1, []),
        ];
        Promotion[] promotions =
        [
            Promo("P0", Discount.FixedPrice(4, D(45.29m))).ForItems(ItemFilter.Categories("c3")).Build(),
            Promo("P4", Discount.PercentOffItems(5)).ForItems(ItemFilter.Skus("s1")).WithPriority(1).WithMaxDiscount(D(11.76m)).Build(),
            Promo("P5", Discount.FixedPrice(3, D(29.94m))).ForItems(ItemFilter.Not(ItemFilter.Categories("c2"))).Build(),
            Promo("P6", Discount.PercentOffOrder(20)).ForItems(ItemFilter.Categories("c2")).WithPriority(1).Build(),
        ];

        var whole = Evaluate(Cart(lines), promotions);
        var ones = Evaluate(Cart([.. lines.SelectMany(OneByOne)]), promotions);

        Assert.Equal(578.76m, whole.ItemDiscounts.Amount - whole.Applied("P4"));
        Assert.Equal(whole.Applied.Select(a => (a.PromotionId, a.Amount)), ones.Applied.Select(a => (a.PromotionId, a.Amount)));
    }

    [Theory]
    [InlineData(4)]
    [InlineData(8)]
    [InlineData(16)]
    public void CompetingPromotions_UpToTheBound_AreSolvedExactly(int count)
    {
        // The solver benchmark's lane: 8 units on 4 lines, every promotion competing for every unit.
        var cart = Cart(Line("a", 24.99m, 2), Line("b", 59.00m, 2), Line("c", 6.50m, 3), Line("d", 19.00m, 1));
        var random = new Random(42);
        var promotions = Enumerable.Range(0, count).Select(i => Promo($"p{i:D2}", (i % 4) switch
        {
            0 => Discount.PercentOffItems(5 + random.Next(40)),
            1 => Discount.AmountOffEachItem(D(1 + random.Next(8))),
            2 => Discount.BuyXGetY(1 + random.Next(2), 1, 50 + random.Next(51)),
            _ => Discount.FixedPrice(2 + random.Next(2), D(20 + random.Next(60))),
        }).Build()).ToArray();
        var (pool, candidates) = Setup(new LaneCase(cart, promotions));

        var solution = LaneSolver.Solve(pool, candidates, Cap);

        Assert.False(solution.UsedFallback);
        Assert.False(Evaluate(cart, promotions).UsedGreedyFallback);
    }

    [Fact]
    public void ACompoundingStackAndTwoBuyXGetY_OnSeventeenUnits_AreSolvedExactly()
    {
        // Found by a long run of the properties: the stack's optimistic bound was the whole price of every unit, so
        // nothing was pruned and three promotions ran past the node budget.
        var cart = Cart(
            new CartLine("L0", "s2", D(0.01m), 1, ["c3"]),
            new CartLine("L1", "s4", D(55.08m), 2, ["c1", "c2", "c3"]),
            new CartLine("L2", "s3", D(36.12m), 4, ["c2", "c3"]),
            new CartLine("L3", "s5", D(126.99m), 1, ["c2", "c3"]),
            new CartLine("L4", "s5", D(0.02m), 3, ["c2", "c3"]),
            new CartLine("L5", "s4", D(34.73m), 1, ["c2"]),
            new CartLine("L6", "s4", D(31.04m), 5, ["c1", "c3"]));
        var promotions = new[]
        {
            Promo("P0", Discount.BuyXGetY(1, 3, 5m, null, UnitSelection.MostExpensive, 2)).ForItems(ItemFilter.Categories("c2")).WithMaxDiscount(D(41.48m)).Build(),
            Promo("P1", Discount.PercentOffItems(12.5m)).ForItems(ItemFilter.Not(ItemFilter.Categories("c1"))).CompoundWithAll().Build(),
            Promo("P2", Discount.PercentOffItems(5m)).ForItems(ItemFilter.Not(ItemFilter.Categories("c2"))).CompoundWithAll().Build(),
            Promo("P4", Discount.BuyXGetY(3, 3, 15m, null, UnitSelection.MostExpensive, 2)).ForItems(ItemFilter.Categories("c1")).Build(),
        };

        var with = Evaluate(cart, promotions);
        var without = Evaluate(cart, promotions[1..]);

        Assert.False(with.UsedGreedyFallback);
        Assert.True(with.Total <= without.Total);
    }

    [Fact]
    public void ManyCompetingPromotions_FallBackToGreedyAndSaySo()
    {
        var promotions = Enumerable.Range(0, LaneSolver.MaxExactCandidates + 1)
            .Select(i => Promo($"p{i:D2}", Discount.PercentOffItems(10 + i)).Build());

        var result = Evaluate(Cart(Line("a", 10m, 3)), promotions);

        Assert.True(result.UsedGreedyFallback);
        Assert.Equal(7.80m, result.TotalDiscount.Amount);
    }
}
