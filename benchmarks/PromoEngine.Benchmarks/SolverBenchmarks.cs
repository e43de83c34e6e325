using System;
using System.Collections.Generic;
using System.Linq;
using BenchmarkDotNet.Attributes;

namespace PromoEngine.Benchmarks;

/// <summary>
/// The lane solver on 4, 8, 16 and 32 item promotions all competing for the same units (a cart of 8 units on 4
/// lines): percentages, amounts off each item, buy-X-get-Y and fixed prices. Exact search (the baseline is the
/// greedy order the fallback uses) up to <see cref="LaneSolver.MaxExactCandidates"/>; past it the fallback.
/// </summary>
[MemoryDiagnoser]
public class SolverBenchmarks
{
    private UnitPool _pool = null!;
    private List<LaneCandidate> _candidates = [];

    [Params(4, 8, 16, 32)]
    public int Candidates { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var usd = Currency.Usd;
        var cart = new Cart(usd,
        [
            new CartLine("a", "shirt", new Money(24.99m, usd), 2, ["apparel"]),
            new CartLine("b", "jeans", new Money(59.00m, usd), 2, ["apparel"]),
            new CartLine("c", "socks", new Money(6.50m, usd), 3, ["apparel", "socks"]),
            new CartLine("d", "belt", new Money(19.00m, usd), 1, ["apparel"]),
        ]);
        _pool = new UnitPool(cart);
        var random = new Random(42);
        _candidates = Enumerable.Range(0, Candidates).Select(i =>
        {
            var discount = (i % 4) switch
            {
                0 => Discount.PercentOffItems(5 + random.Next(40)),
                1 => Discount.AmountOffEachItem(new Money(1 + random.Next(8), usd)),
                2 => Discount.BuyXGetY(1 + random.Next(2), 1, 50 + random.Next(51)),
                _ => Discount.FixedPrice(2 + random.Next(2), new Money(20 + random.Next(60), usd)),
            };
            var promotion = Promotion.Create($"p{i:D2}", $"p{i}").Giving(discount).Build();
            var units = Enumerable.Range(0, cart.Lines.Length).Select(line => new Span(line, 0, cart.Lines[line].Quantity)).ToList();
            return new LaneCandidate(promotion, units, units);
        }).ToList();
    }

    [Benchmark(Baseline = true)]
    public decimal Greedy() => GreedyTotal();

    [Benchmark]
    public decimal Solve() => LaneSolver.Solve(_pool, _candidates, static (_, exact) => exact).Total;

    private decimal GreedyTotal()
    {
        var taken = new SpanSet();
        var total = 0m;
        foreach (var candidate in _candidates
            .OrderByDescending(c => c.Discount.Propose(_pool, c.Qualifying, c.Get).Total)
            .ThenBy(c => c.Promotion.Id))
        {
            var free = taken.Except(candidate.Qualifying);
            var proposal = candidate.Discount.Propose(_pool, free, free);
            taken.AddRange(proposal.Claimed);
            total += proposal.Total;
        }

        return total;
    }
}
