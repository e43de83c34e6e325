using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using BenchmarkDotNet.Attributes;
using NodaTime;
using PromoEngine.Benchmarks.Scale;

namespace PromoEngine.Benchmarks;

/// <summary>
/// Issue 13's scale series: one 20-line cart against catalogs of N = 100, 1,000, 10,000 and 100,000 promotions, one
/// series per way a promotion can target a cart (<see cref="TargetingKind"/>), with the same two matching promotions at
/// every N. What a flat engine shows is the same time at every N of a kind; issue 13 reads the ratio N = 100,000 / N = 100
/// per kind from this report.
/// </summary>
/// <remarks>
/// <para><c>[GlobalSetup]</c> evaluates the cart against the catalog and against a catalog of the two matching promotions
/// alone, and fails the run unless both apply the same promotions with the same amounts (and apply at least one):
/// the promotions that do not concern the cart change nothing but the time.</para>
/// <para>The cart: line 0 (SKU <c>s0</c>, category <c>c0</c>, tag <c>t0</c>, brand <c>b0</c>, $500) and line 1 (the same
/// with 1, $501) are the ones item-targeting promotions can match; 18 lines of SKUs, categories, tags and brands no
/// promotion names, at $3 to $20. The customer is registered, in segments <c>seg0</c> and <c>seg1</c>, a member of
/// <c>m0</c> and <c>m1</c>, in <c>DE-BE</c>, with no previous order; the channel is <c>web</c>. Every promotion takes
/// 10 to 30 percent off its items. Where the two matching promotions take every item (the customer kinds, codes,
/// everything), both are gated and the better one, <c>p000001</c>, wins the items; elsewhere both apply.</para>
/// <para>Sizes: 100, 1,000, 10,000, 100,000; in a dry run (<see cref="BenchmarkSizes"/>) N = 100, one kind timed and
/// every kind checked.</para>
/// </remarks>
[MemoryDiagnoser]
public class ScaleBenchmarks
{
    private static readonly Instant Now = Instant.FromUtc(2026, 11, 27, 18, 0);
    private PromotionEvaluator _evaluator = null!;
    private Cart _cart = null!;
    private string[] _codes = [];

    /// <summary>The promotions in the catalog, 2 of which target the cart.</summary>
    [ParamsSource(nameof(Sizes))]
    public int Promotions { get; set; }

    /// <summary>How every promotion of the catalog targets a cart.</summary>
    [ParamsSource(nameof(Kinds))]
    public TargetingKind Kind { get; set; }

    /// <summary>The catalog sizes: 100, 1,000, 10,000, 100,000 (100 in a dry run).</summary>
    public static IEnumerable<int> Sizes => BenchmarkSizes.Choose([100, 1_000, 10_000, 100_000], [100]);

    /// <summary>The kinds: all of them (in a dry run, <see cref="TargetingKind.Everything"/> is timed and every kind
    /// checked).</summary>
    public static IEnumerable<TargetingKind> Kinds => BenchmarkSizes.Small ? [TargetingKind.Everything] : Enum.GetValues<TargetingKind>();

    [GlobalSetup]
    public void Setup()
    {
        _cart = ScaleCatalog.Cart();
        _codes = Codes(Kind);
        _evaluator = new PromotionEvaluator(PromotionCatalog.Create(ScaleCatalog.Promotions(Kind, Promotions)));
        Check(Kind, Promotions, _evaluator);
        if (BenchmarkSizes.Small)
        {
            // A dry run times one kind (each case costs a process); the check still covers every kind.
            foreach (var kind in Enum.GetValues<TargetingKind>().Where(k => k != Kind))
            {
                Check(kind, Promotions, new PromotionEvaluator(PromotionCatalog.Create(ScaleCatalog.Promotions(kind, Promotions))));
            }
        }
    }

    [Benchmark]
    public EvaluationResult Evaluate() => _evaluator.Evaluate(_cart, _codes, Now);

    private static string[] Codes(TargetingKind kind) => kind == TargetingKind.Code ? ["CODE0", "CODE1"] : [];

    /// <summary>Fails the run unless the catalog applies what its two matching promotions alone apply (and something).</summary>
    private static void Check(TargetingKind kind, int promotions, PromotionEvaluator evaluator)
    {
        var cart = ScaleCatalog.Cart();
        var codes = Codes(kind);
        var reference = new PromotionEvaluator(PromotionCatalog.Create(ScaleCatalog.Promotions(kind, 2))).Evaluate(cart, codes, Now);
        var result = evaluator.Evaluate(cart, codes, Now);
        var expected = Show(reference);
        var actual = Show(result);
        if (reference.Applied.IsEmpty || expected != actual || reference.TotalDiscount != result.TotalDiscount)
        {
            throw new InvalidOperationException(
                $"{kind} at N = {promotions}: the two matching promotions alone apply {expected}, the whole catalog applies {actual}.");
        }

        Console.WriteLine($"// {kind} at N = {promotions} applies {actual}, as the two matching promotions alone do");
    }

    private static string Show(EvaluationResult result) =>
        "{" + string.Join(", ", result.Applied.Select(a => string.Create(CultureInfo.InvariantCulture, $"{a.PromotionId}: {a.Amount}"))) + "}";
}
