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
/// <para>Each change is made on a catalog built in full (<see cref="PromotionCatalog.Create"/>, in setup) with
/// <see cref="PromotionCatalog.With"/>, <see cref="PromotionCatalog.WithStatus"/> or <see cref="PromotionCatalog.Without"/>,
/// which share the catalog's indexes and index only what changed. <see cref="ReplaceAfterManyChanges"/> makes the same
/// change on a catalog that already holds as many changes as it keeps before it builds itself in full again (the most a
/// change indexes); <see cref="FullRebuild"/> builds the whole catalog again, as every change cost before.</para>
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

    private PromotionCatalog _catalog = null!;
    private PromotionCatalog _changedMany = null!;
    private Promotion _new = null!;
    private Promotion _replacement = null!;
    private PromotionId _first;

    [GlobalSetup]
    public void Setup()
    {
        _all = ScaleCatalog.Mixed(Promotions);
        _catalog = PromotionCatalog.Create(_all);
        // The changed promotion is p000000, one of the two the cart matches, so every change shows in an evaluation.
        var first = _all[0];
        _first = first.Id;
        var kind = TargetingKind.Sku;
        _new = ScaleCatalog.Promotion(TargetingKind.Category, Promotions);
        _replacement = ScaleCatalog.Promotion(kind, 0, percent: 50m);
        _added = [.. _all, _new];
        _replaced = [_replacement, .. _all.Skip(1)];
        _paused = [ScaleCatalog.Promotion(kind, 0, PromotionStatus.Paused), .. _all.Skip(1)];
        _removed = [.. _all.Skip(1)];

        // Just short of a full build: as many promotions replaced (paused, then resumed: the same promotions in the end)
        // as the catalog keeps apart with the one replacement timed. A replacement counts twice (the new promotion,
        // and the old one hidden), so that is half the share, less one.
        var many = (PromotionCatalog.ChangeShare(Promotions) / 2) - 1;
        _changedMany = _catalog.With(_all.Skip(1).Take(many).Select(p => p.WithStatus(PromotionStatus.Paused))).With(_all.Skip(1).Take(many));

        Check(Add(), _added, c => c.Count == Promotions + 1 && c.Find(new PromotionId($"p{Promotions:D6}")) is not null);
        Check(Replace(), _replaced, c => c.Count == Promotions && ReferenceEquals(c.Find(first.Id), _replacement));
        Check(Pause(), _paused, c => c.Count == Promotions && c.Find(first.Id)?.Status == PromotionStatus.Paused);
        Check(Remove(), _removed, c => c.Count == Promotions - 1 && c.Find(first.Id) is null);
        Check(ReplaceAfterManyChanges(), _replaced, c => c.Count == Promotions && ReferenceEquals(c.Find(first.Id), _replacement));
        Check(FullRebuild(), _all, c => c.Count == Promotions);
    }

    [Benchmark(Baseline = true)]
    public PromotionCatalog FullRebuild() => PromotionCatalog.Create(_all);

    [Benchmark]
    public PromotionCatalog Add() => _catalog.With([_new]);

    [Benchmark]
    public PromotionCatalog Replace() => _catalog.With([_replacement]);

    [Benchmark]
    public PromotionCatalog Pause() => _catalog.WithStatus(_first, PromotionStatus.Paused);

    [Benchmark]
    public PromotionCatalog Remove() => _catalog.Without([_first]);

    [Benchmark]
    public PromotionCatalog ReplaceAfterManyChanges() => _changedMany.With([_replacement]);

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
