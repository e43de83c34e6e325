using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.ConsoleArguments;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace PromoEngine.Benchmarks;

/// <summary>
/// Baseline mode, used by <c>scripts/bench-against</c>: each chosen benchmark runs twice in one BenchmarkDotNet run,
/// as job <c>current</c> (this source) and as job <c>baseline</c> (the same benchmark code compiled against an older
/// PromoEngine.dll), so Ratio and Alloc Ratio read current/baseline.
/// </summary>
/// <remarks>
/// Implementation note: BenchmarkDotNet 0.15.8, given a method baseline (<c>[Benchmark(Baseline = true)]</c>) and a job
/// baseline together, groups the cases by parameters only and takes the baseline method on the baseline job as the one
/// denominator, so <c>WithOneCode</c> on <c>current</c> would be divided by <c>AutomaticOnly</c> on <c>baseline</c>.
/// This mode therefore rebuilds the cases without their method baselines: with job baselines only, BenchmarkDotNet
/// groups by method and parameters, and each pair is current against baseline. The benchmark cases are built here
/// rather than by <see cref="BenchmarkSwitcher"/>, which offers no hook for that.
/// </remarks>
public static class BaselineRun
{
    /// <summary>The environment variable that selects this mode: the folder holding the baseline PromoEngine.dll.</summary>
    public const string Variable = "PROMOENGINE_BASELINE";

    private static readonly Dictionary<string, Job> Presets = new(StringComparer.OrdinalIgnoreCase)
    {
        ["default"] = Job.Default,
        ["dry"] = Job.Dry,
        ["short"] = Job.ShortRun,
        ["medium"] = Job.MediumRun,
        ["long"] = Job.LongRun,
        ["verylong"] = Job.VeryLongRun,

        // A fresh process per measurement, as ColdJsonCompileBenchmarks' own job "cold" (which steps aside here).
        ["cold"] = Job.Default.WithStrategy(RunStrategy.ColdStart).WithLaunchCount(3).WithWarmupCount(0).WithIterationCount(1),
    };

    /// <summary>Runs the benchmarks chosen by <paramref name="args"/> against the current and the baseline library.</summary>
    /// <returns>The summaries, or <see langword="null"/> when the arguments or the baseline build are not usable.</returns>
    public static Summary[]? Run(string baselineDirectory, string[] args)
    {
        var logger = ConsoleLogger.Default;
        if (!TryTakeJob(args, out var preset, out var rest))
        {
            logger.WriteLineError($"// baseline mode: --job takes one of {string.Join(", ", Presets.Keys)}");
            return null;
        }

        var (parsed, parsedConfig, _) = ConfigParser.Parse(rest, logger, null);
        if (!parsed)
        {
            return null;
        }

        if (parsedConfig.GetJobs().Any(job => !job.Meta.IsMutator))
        {
            // --runtimes, --inProcess and the like add jobs of their own; a third job would have no pair.
            logger.WriteLineError("// baseline mode runs two jobs of its own (current, baseline): leave out --runtimes, --inProcess and the like");
            return null;
        }

        // The baseline job's generated project builds this project with the swap in PromoEngine.Benchmarks.csproj.
        var baseline = new Job("baseline", preset)
            .WithArguments([new MsBuildArgument($"/p:PromoEngineBaseline={baselineDirectory}")])
            .AsBaseline();
        var config = ManualConfig.Union(DefaultConfig.Instance, parsedConfig)
            .AddJob(new Job("current", preset), baseline)
            .HideColumns(Column.Arguments); // the temporary folder of the baseline says nothing

        var (allValid, runnable) = TypeFilter.GetTypesWithRunnableBenchmarks([], [typeof(BaselineRun).Assembly], logger);
        if (!allValid)
        {
            return null;
        }

        // Only classes that compile against the baseline API can run on both jobs: the baseline build holds those.
        var compiled = TopLevelTypeNames(BaselineBenchmarksAssembly(baselineDirectory));
        var left = runnable.Where(type => !compiled.Contains(type.FullName!)).Select(type => type.Name).ToArray();
        if (left.Length > 0)
        {
            logger.WriteLineInfo($"// baseline mode: not compiled against the baseline, so not run: {string.Join(", ", left)}");
        }

        var runs = TypeFilter.Filter(config, runnable.Where(type => compiled.Contains(type.FullName!)))
            .Where(run => run.BenchmarksCases.Length > 0)
            .Select(WithoutMethodBaselines)
            .ToArray();
        if (runs.Length == 0)
        {
            logger.WriteLineError("// baseline mode: no benchmark that compiles against the baseline matches the filter");
            return null;
        }

        return BenchmarkRunner.Run(runs);
    }

    private static BenchmarkRunInfo WithoutMethodBaselines(BenchmarkRunInfo run)
    {
        var cases = run.BenchmarksCases
            .Select(c => BenchmarkCase.Create(WithoutBaseline(c.Descriptor), c.Job, c.Parameters, c.Config))
            .ToArray();
        return new BenchmarkRunInfo(cases, run.Type, run.Config);
    }

    private static Descriptor WithoutBaseline(Descriptor d) => new(
        d.Type,
        d.WorkloadMethod,
        d.GlobalSetupMethod,
        d.GlobalCleanupMethod,
        d.IterationSetupMethod,
        d.IterationCleanupMethod,
        description: d.WorkloadMethodDisplayInfo == d.WorkloadMethod.Name ? null : d.WorkloadMethodDisplayInfo,
        additionalLogic: d.AdditionalLogic,
        baseline: false,
        categories: d.Categories,
        operationsPerInvoke: d.OperationsPerInvoke,
        methodIndex: d.MethodIndex);

    /// <summary>Takes <c>--job NAME</c> (or <c>-j NAME</c>, <c>--job=NAME</c>) out of the arguments: both jobs copy it.</summary>
    private static bool TryTakeJob(string[] args, out Job preset, out string[] rest)
    {
        preset = Job.Default;
        var kept = new List<string>(args.Length);
        for (var i = 0; i < args.Length; i++)
        {
            string? name = null;
            if (string.Equals(args[i], "--job", StringComparison.OrdinalIgnoreCase) || args[i] == "-j")
            {
                name = i + 1 < args.Length ? args[++i] : "";
            }
            else if (args[i].StartsWith("--job=", StringComparison.OrdinalIgnoreCase))
            {
                name = args[i]["--job=".Length..];
            }

            if (name is null)
            {
                kept.Add(args[i]);
            }
            else if (!Presets.TryGetValue(name, out preset!))
            {
                rest = [];
                return false;
            }
        }

        rest = [.. kept];
        return true;
    }

    private static string BaselineBenchmarksAssembly(string baselineDirectory)
    {
        // Where Directory.Build.props puts this project's build in baseline mode (scripts/bench-against builds it first).
        var bin = Path.Combine(baselineDirectory, "benchmarks", "bin");
        var path = Directory.Exists(bin)
            ? Directory.EnumerateFiles(bin, "PromoEngine.Benchmarks.dll", SearchOption.AllDirectories).FirstOrDefault()
            : null;
        return path ?? throw new InvalidOperationException(
            $"No baseline build of PromoEngine.Benchmarks under {bin}: run scripts/bench-against, which builds it first.");
    }

    private static HashSet<string> TopLevelTypeNames(string assemblyPath)
    {
        using var stream = File.OpenRead(assemblyPath);
        using var pe = new PEReader(stream);
        var metadata = pe.GetMetadataReader();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var handle in metadata.TypeDefinitions)
        {
            var type = metadata.GetTypeDefinition(handle);
            if (!type.GetDeclaringType().IsNil)
            {
                continue;
            }

            var ns = metadata.GetString(type.Namespace);
            var name = metadata.GetString(type.Name);
            names.Add(ns.Length == 0 ? name : $"{ns}.{name}");
        }

        return names;
    }
}
