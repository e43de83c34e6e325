using System.Linq;
using BenchmarkDotNet.Running;

namespace PromoEngine.Benchmarks;

/// <summary>Runs the benchmarks chosen on the command line (<c>--filter '*'</c> for all).</summary>
public static class Program
{
    /// <returns>1 when a benchmark failed or did not validate, so CI's dry run catches a broken benchmark.</returns>
    public static int Main(string[] args)
    {
        var summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args).ToArray();
        var failed = summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success));
        return failed ? 1 : 0;
    }
}
