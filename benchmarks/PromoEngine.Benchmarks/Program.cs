using System;
using System.Linq;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;

namespace PromoEngine.Benchmarks;

/// <summary>Runs the benchmarks chosen on the command line (<c>--filter '*'</c> for all).</summary>
/// <remarks>With <see cref="BaselineRun.Variable"/> set (by <c>scripts/bench-against</c>), each benchmark runs against the
/// current source and against a baseline build in the same run; see <see cref="BaselineRun"/>.</remarks>
public static class Program
{
    /// <summary>The default configuration with room for BenchmarkDotNet's generated project to build on a busy 2-core
    /// machine (with PromoEngine.PostgreSql and Npgsql in it, that build passed the default 2 minutes there).</summary>
    private static readonly IConfig Config = ManualConfig.Create(DefaultConfig.Instance).WithBuildTimeout(TimeSpan.FromMinutes(10));

    /// <returns>1 when a benchmark failed or did not validate, so CI's dry run catches a broken benchmark.</returns>
    public static int Main(string[] args)
    {
        BenchmarkSizes.ForArguments(args);
        var baseline = Environment.GetEnvironmentVariable(BaselineRun.Variable);
        var summaries = string.IsNullOrEmpty(baseline)
            ? BenchmarkSwitcher.FromTypes(BenchmarkTypes()).Run(args, Config).ToArray()
            : BaselineRun.Run(baseline, args);
        if (summaries is null)
        {
            return 1;
        }

        var failed = summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success));
        return failed ? 1 : 0;
    }

    /// <summary>Every benchmark class, less those whose server cannot be had here (said on the console).</summary>
    private static Type[] BenchmarkTypes()
    {
        var types = typeof(Program).Assembly.GetTypes()
            .Where(t => t.IsPublic && !t.IsAbstract && t.GetMethods().Any(m => m.IsDefined(typeof(BenchmarkAttribute), inherit: false)));
#if POSTGRES_BENCHMARKS
        if (PostgreSqlLedgerBenchmarks.LeftOutBecause is { } reason)
        {
            Console.WriteLine($"PostgreSqlLedgerBenchmarks left out of this run: {reason}");
            types = types.Where(t => t != typeof(PostgreSqlLedgerBenchmarks));
        }
#endif
        return [.. types];
    }
}
