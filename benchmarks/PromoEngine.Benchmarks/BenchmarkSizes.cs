using System;
using System.Collections.Generic;
using System.Linq;

namespace PromoEngine.Benchmarks;

/// <summary>
/// The catalog sizes of the issue-13 benchmarks, full or small. Small sizes keep CI's dry run cheap: the scale series at
/// 100,000 promotions would cost minutes on 2 cores while a dry run only checks that every benchmark runs and that its
/// correctness check (in <c>[GlobalSetup]</c>) holds.
/// </summary>
/// <remarks>
/// Small when the environment variable <see cref="Variable"/> is <c>small</c>; the smallest and largest of the full sizes
/// when it is <c>ends</c> (issue 13 reads the ratio of those two, and the sizes between cost most of a full run); <see cref="Program"/> sets it for a run
/// with <c>--job dry</c> unless it is set already, and BenchmarkDotNet's benchmark processes inherit it. Set it to
/// <c>full</c> to dry-run the full sizes.
/// </remarks>
public static class BenchmarkSizes
{
    /// <summary>The environment variable that chooses the sizes: <c>small</c>, <c>ends</c> or <c>full</c> (the default).</summary>
    public const string Variable = "PROMOENGINE_BENCH_SIZES";

    /// <summary>Gets a value indicating whether this run uses the small sizes.</summary>
    public static bool Small => string.Equals(Environment.GetEnvironmentVariable(Variable), "small", StringComparison.OrdinalIgnoreCase);

    /// <summary>Gets a value indicating whether this run uses only the smallest and largest of the full sizes.</summary>
    public static bool Ends => string.Equals(Environment.GetEnvironmentVariable(Variable), "ends", StringComparison.OrdinalIgnoreCase);

    /// <summary>The sizes: <paramref name="full"/>, or <paramref name="small"/> in a small run, or the first and last of
    /// <paramref name="full"/> in a run of the ends.</summary>
    public static IEnumerable<int> Choose(int[] full, int[] small) => Small ? small : Ends ? [full.Min(), full.Max()] : full;

    /// <summary>Sets the small sizes for a dry run (<c>--job dry</c>, <c>-j dry</c>, <c>--job=dry</c>) unless the variable
    /// is set already.</summary>
    public static void ForArguments(string[] args)
    {
        if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable(Variable)))
        {
            return;
        }

        var dry = args.Select((arg, i) => (arg, next: i + 1 < args.Length ? args[i + 1] : string.Empty))
            .Any(a => ((a.arg is "--job" or "-j") && string.Equals(a.next, "dry", StringComparison.OrdinalIgnoreCase))
                || string.Equals(a.arg, "--job=dry", StringComparison.OrdinalIgnoreCase));
        if (dry)
        {
            Environment.SetEnvironmentVariable(Variable, "small");
            Console.WriteLine($"// {Variable}=small (a dry run): the issue-13 benchmarks use their small catalog sizes");
        }
    }
}
