using System;
using System.Linq;
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
            ? BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args).ToArray()
            : BaselineRun.Run(baseline, args);
        if (summaries is null)
        {
            return 1;
        }

        var failed = summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success));
        return failed ? 1 : 0;
    }
}
