using System;
using System.Collections.Generic;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using PromoEngine.Benchmarks.Scale;

namespace PromoEngine.Benchmarks;

/// <summary>
/// Issue 13's cold start: reading and compiling a catalog of 100,000 promotions (every <see cref="TargetingKind"/>
/// mixed) from one JSON document, as the first thing a fresh process does: the job <c>cold</c> starts a new process per
/// measurement (3 launches), with no warm-up, so the time includes loading and JIT-compiling the reader and the catalog.
/// </summary>
/// <remarks>
/// <para>Nothing in <c>[GlobalSetup]</c> touches the JSON reader (it only writes the document), so the check runs in
/// <c>[GlobalCleanup]</c>: the catalog read must write back to the same document. A failed check fails the benchmark
/// process.</para>
/// <para>Sizes: 100,000 promotions; 1,000 in a dry run (<see cref="BenchmarkSizes"/>). A job given on the command line
/// (such as <c>--job short</c>, warm) runs beside the job <c>cold</c>; a dry run has no job <c>cold</c>.</para>
/// </remarks>
[MemoryDiagnoser]
[Config(typeof(ColdJob))]
public class ColdJsonCompileBenchmarks
{
    /// <summary>The job <c>cold</c>: 3 fresh processes, one measurement each, no warm-up; left out of a dry run, whose
    /// own job already runs the benchmark once, and of a run of <c>scripts/bench-against</c>, whose jobs
    /// <c>current</c> and <c>baseline</c> take the preset <c>--job cold</c> (see <see cref="BaselineRun"/>).</summary>
    public sealed class ColdJob : ManualConfig
    {
        public ColdJob()
        {
            if (!BenchmarkSizes.Small && string.IsNullOrEmpty(Environment.GetEnvironmentVariable(BaselineRun.Variable)))
            {
                AddJob(Job.Default.WithStrategy(RunStrategy.ColdStart).WithLaunchCount(3).WithWarmupCount(0).WithIterationCount(1).WithId("cold"));
            }
        }
    }

    private string _json = string.Empty;
    private PromotionCatalog? _read;

    /// <summary>The promotions in the document.</summary>
    [ParamsSource(nameof(Sizes))]
    public int Promotions { get; set; }

    /// <summary>The catalog sizes: 100,000 (1,000 in a dry run).</summary>
    public static IEnumerable<int> Sizes => BenchmarkSizes.Choose([100_000], [1_000]);

    [GlobalSetup]
    public void Setup() => _json = PromotionJson.Write(ScaleCatalog.Mixed(Promotions));

    [Benchmark]
    public PromotionCatalog ReadCatalog() => _read = PromotionJson.ReadCatalog(_json);

    [GlobalCleanup]
    public void Check()
    {
        if (_read is null)
        {
            return;
        }

        if (_read.Promotions.Length != Promotions || PromotionJson.Write(_read.Promotions) != _json)
        {
            throw new InvalidOperationException($"The catalog read from JSON does not write back to the same {Promotions} promotions.");
        }
    }
}
