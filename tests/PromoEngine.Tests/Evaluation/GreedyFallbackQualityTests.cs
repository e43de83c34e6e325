using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using PromoEngine.Tests.Reference;
using Xunit;
using Xunit.Abstractions;

namespace PromoEngine.Tests;

/// <summary>
/// How good the lane solver's greedy fallback is: 1,000 random lanes with more promotions competing for the same
/// units than the exact search takes (<see cref="LaneSolver.MaxExactCandidates"/>), each solved by the engine (greedy)
/// and by the reference's exact optimum (<see cref="ReferenceLane"/>). The report (how often greedy is optimal, the
/// worst and median gap) is printed, and written to <c>benchmarks/results/GreedyFallbackQuality.md</c> when
/// PROMOENGINE_WRITE_REPORTS is set; the numbers are deterministic (fixed seed).
/// </summary>
public sealed class GreedyFallbackQualityTests(ITestOutputHelper output)
{
    private const int Instances = 1_000;
    private const ulong Seed = 20261206;

    private static decimal Cap(Promotion promotion, decimal exact) =>
        promotion.MaxDiscount is { } cap && exact > cap.Amount ? cap.Amount : exact;

    private static LaneSolution Greedy(LaneCase c)
    {
        var pool = new UnitPool(c.Cart);
        List<Span> Units(ItemFilter filter) => [.. pool.LinesInOrder
            .Where(line => filter.Matches(c.Cart.Lines[line]))
            .Select(line => new Span(line, 0, c.Cart.Lines[line].Quantity))];
        var candidates = c.Promotions.Select(p =>
        {
            var qualifying = Units(p.QualifyingItems);
            var get = ((ItemDiscount)p.Discount).GetItems is { } g ? Units(g) : qualifying;
            return new LaneCandidate(p, qualifying, get);
        }).ToList();
        return LaneSolver.Solve(pool, candidates, Cap);
    }

    [Fact]
    public void GreedyFallback_BeyondTheExactBound_NeverBeatsTheOptimum_AndIsMeasured()
    {
        var generator = LaneArbitraries.LaneCaseGen(LaneSolver.MaxExactCandidates + 1, LaneSolver.MaxExactCandidates + 8, 6);
        var rnd = new Rnd(Seed);
        var gaps = new List<(decimal Gap, decimal Relative)>();
        var drawn = 0;
        while (gaps.Count < Instances)
        {
            foreach (var c in generator.Sample(Instances, rnd, 50))
            {
                drawn++;
                var greedy = Greedy(c);
                if (!greedy.UsedFallback || gaps.Count == Instances)
                {
                    continue; // promotions on lines apart form components small enough to solve exactly
                }

                var optimum = ReferenceLane.Optimum(c.Cart, c.Specs);
                Assert.True(greedy.Total <= optimum + 0.000000000000000001m, $"greedy {greedy.Total} beat the optimum {optimum} on {c}");
                var gap = Math.Max(0m, optimum - greedy.Total);
                gaps.Add((gap, optimum == 0m ? 0m : gap / optimum));
            }

            rnd = new Rnd(rnd.Seed + 1, rnd.Gamma);
        }

        var optimal = gaps.Count(g => g.Gap < 0.000000000001m);
        var relative = gaps.Select(g => g.Relative).Order().ToList();
        var missed = relative.Where(r => r > 0m).ToList();
        string Percent(decimal share) => (share * 100m).ToString("0.00", CultureInfo.InvariantCulture) + " %";
        var report = new StringBuilder()
            .AppendLine("# Greedy fallback quality")
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"`GreedyFallbackQualityTests` (seed {Seed}): {Instances:N0} random lanes of one cart (1 to 4 lines, at most 6 units,")
            .AppendLine(CultureInfo.InvariantCulture, $"prices 1.00 to 20.00) with {LaneSolver.MaxExactCandidates + 1} to {LaneSolver.MaxExactCandidates + 8} item promotions (percent and amount off each item, n for a price,")
            .AppendLine("buy X get Y with and without separate get items, some capped) competing for the same units, past the exact")
            .AppendLine(CultureInfo.InvariantCulture, $"search's bound of {LaneSolver.MaxExactCandidates}: the engine's greedy fallback against the reference's exact optimum (`ReferenceLane`, its own")
            .AppendLine(CultureInfo.InvariantCulture, $"arithmetic). {drawn:N0} lanes were drawn to find {Instances:N0} that fall back.")
            .AppendLine()
            .AppendLine("| measure | value |")
            .AppendLine("| --- | --- |")
            .AppendLine(CultureInfo.InvariantCulture, $"| greedy finds the optimum | {optimal:N0} of {Instances:N0} ({Percent((decimal)optimal / Instances)}) |")
            .AppendLine(CultureInfo.InvariantCulture, $"| median gap (all lanes) | {Percent(relative[relative.Count / 2])} of the optimum |")
            .AppendLine(CultureInfo.InvariantCulture, $"| median gap (lanes where greedy misses) | {(missed.Count == 0 ? "none" : Percent(missed[missed.Count / 2]))} of the optimum |")
            .AppendLine(CultureInfo.InvariantCulture, $"| worst gap | {Percent(relative[^1])} of the optimum ({gaps.Max(g => g.Gap).ToString("0.00", CultureInfo.InvariantCulture)} USD) |")
            .AppendLine(CultureInfo.InvariantCulture, $"| mean gap | {Percent(relative.Average())} of the optimum |")
            .ToString();
        output.WriteLine(report);
        if (Environment.GetEnvironmentVariable("PROMOENGINE_WRITE_REPORTS") is { Length: > 0 })
        {
            File.WriteAllText(Repository.Path("benchmarks/results/GreedyFallbackQuality.md"), report);
        }

        Assert.Equal(Instances, gaps.Count);
    }
}
