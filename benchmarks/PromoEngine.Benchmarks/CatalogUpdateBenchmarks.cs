using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using BenchmarkDotNet.Attributes;
using NodaTime;
using PromoEngine.Benchmarks.Scale;

namespace PromoEngine.Benchmarks;

/// <summary>
/// Issue 13's catalog changes at scale: adding, replacing, pausing and removing one promotion of a 100,000-promotion
/// catalog (every <see cref="TargetingKind"/> mixed), against a full rebuild of the same catalog (the baseline).
/// </summary>
/// <remarks>
/// <para>Today <see cref="PromotionCatalog"/> offers only <see cref="PromotionCatalog.Create"/>: every change is a full
/// rebuild from the changed list of promotions (prepared in setup, so only the catalog is timed). The four change
/// benchmarks are where a catalog that shares what did not change will be measured; until then their ratios read about
/// 1.</para>
/// <para><c>[GlobalSetup]</c> checks every changed catalog: it holds what the change says, and it evaluates the benchmark
/// cart (<see cref="ScaleCatalog.Cart"/>) as a catalog built from scratch of the expected promotions does.</para>
/// <para>Sizes: 100,000 promotions; 1,000 in a dry run (<see cref="BenchmarkSizes"/>).</para>
/// </remarks>
[MemoryDiagnoser]
public class CatalogUpdateBenchmarks
{
    private static readonly Instant Now = Instant.FromUtc(2026, 11, 27, 18, 0);
    private List<Promotion> _all = [];
    private List<Promotion> _added = [];
    private List<Promotion> _replaced = [];
    private List<Promotion> _paused = [];
    private List<Promotion> _removed = [];

    /// <summary>The promotions in the catalog before the change.</summary>
    [ParamsSource(nameof(Sizes))]
    public int Promotions { get; set; }

    /// <summary>The catalog sizes: 100,000 (1,000 in a dry run).</summary>
    public static IEnumerable<int> Sizes => BenchmarkSizes.Choose([100_000], [1_000]);

    [GlobalSetup]
    public void Setup()
    {
        _all = ScaleCatalog.Mixed(Promotions);
        // The changed promotion is p000000, one of the two the cart matches, so every change shows in an evaluation.
        var first = _all[0];
        var kind = TargetingKind.Sku;
        _added = [.. _all, ScaleCatalog.Promotion(TargetingKind.Category, Promotions)];
        _replaced = [ScaleCatalog.Promotion(kind, 0, percent: 50m), .. _all.Skip(1)];
        _paused = [ScaleCatalog.Promotion(kind, 0, PromotionStatus.Paused), .. _all.Skip(1)];
        _removed = [.. _all.Skip(1)];

        Check(Add(), _added, c => c.Promotions.Length == Promotions + 1 && c.Find(new PromotionId($"p{Promotions:D6}")) is not null);
        Check(Replace(), _replaced, c => c.Promotions.Length == Promotions && c.Find(first.Id) is { } p && !ReferenceEquals(p, first));
        Check(Pause(), _paused, c => c.Promotions.Length == Promotions && c.Find(first.Id)?.Status == PromotionStatus.Paused);
        Check(Remove(), _removed, c => c.Promotions.Length == Promotions - 1 && c.Find(first.Id) is null);
    }

    [Benchmark(Baseline = true)]
    public PromotionCatalog FullRebuild() => PromotionCatalog.Create(_all);

    [Benchmark]
    public PromotionCatalog Add() => PromotionCatalog.Create(_added);

    [Benchmark]
    public PromotionCatalog Replace() => PromotionCatalog.Create(_replaced);

    [Benchmark]
    public PromotionCatalog Pause() => PromotionCatalog.Create(_paused);

    [Benchmark]
    public PromotionCatalog Remove() => PromotionCatalog.Create(_removed);

    private static void Check(PromotionCatalog changed, List<Promotion> expected, Func<PromotionCatalog, bool> holds)
    {
        if (!holds(changed))
        {
            throw new InvalidOperationException("A changed catalog does not hold what the change says.");
        }

        var cart = ScaleCatalog.Cart();
        var actual = Show(new PromotionEvaluator(changed).Evaluate(cart, [], Now));
        var fromScratch = Show(new PromotionEvaluator(PromotionCatalog.Create(expected)).Evaluate(cart, [], Now));
        if (actual != fromScratch)
        {
            throw new InvalidOperationException($"A changed catalog applies {actual}; built from scratch, it applies {fromScratch}.");
        }
    }

    private static string Show(EvaluationResult result) =>
        "{" + string.Join(", ", result.Applied.Select(a => string.Create(CultureInfo.InvariantCulture, $"{a.PromotionId}: {a.Amount}"))) + "}";
}
