using System;
using System.Linq;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Running;

namespace PromoEngine.Benchmarks;

/// <summary>Runs the benchmarks chosen on the command line (<c>--filter '*'</c> for all).</summary>
/// <remarks>With <see cref="BaselineRun.Variable"/> set (by <c>scripts/bench-against</c>), each benchmark runs against the
/// current source and against a baseline build in the same run; see <see cref="BaselineRun"/>.</remarks>
public static class Program
{
    /// <returns>1 when a benchmark failed or did not validate, so CI's dry run catches a broken benchmark.</returns>
    public static int Main(string[] args)
    {
        var baseline = Environment.GetEnvironmentVariable(BaselineRun.Variable);
        var summaries = string.IsNullOrEmpty(baseline)
            ? BenchmarkSwitcher.FromTypes(BenchmarkTypes()).Run(args).ToArray()
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
