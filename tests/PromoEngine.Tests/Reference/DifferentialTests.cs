using System;
using System.Globalization;
using System.Linq;
using System.Threading;
using FsCheck;
using FsCheck.Fluent;
using Microsoft.FSharp.Core;
using Xunit;
using Xunit.Abstractions;

namespace PromoEngine.Tests.Reference;

/// <summary>
/// The engine against the reference evaluator on random small cases: totals, per-line and per-unit amounts, the
/// applied promotions and every rejection's promotion, code and reason must be one of the outcomes the reference finds
/// best; each case is compared with <see cref="EvaluationOptions.ListEveryRejection"/> off (what concerns the shopper)
/// and on (every rejection). Deterministic: the cases come from a fixed seed (PROMOENGINE_DIFF_SEED overrides it, PROMOENGINE_DIFF_CASES
/// the count, for long local runs); a failure prints the seed to replay and the case shrunk to a small one.
/// </summary>
public sealed class DifferentialTests(ITestOutputHelper output)
{
    private const ulong DefaultSeed = 20261206;
    private const int DefaultCases = 10_000;

    [Fact]
    public void Evaluate_RandomCases_AgreesWithTheReference()
    {
        var seed = Environment.GetEnvironmentVariable("PROMOENGINE_DIFF_SEED") is { Length: > 0 } s ? ulong.Parse(s, CultureInfo.InvariantCulture) : DefaultSeed;
        var cases = Environment.GetEnvironmentVariable("PROMOENGINE_DIFF_CASES") is { Length: > 0 } n ? int.Parse(n, CultureInfo.InvariantCulture) : DefaultCases;
        int compared = 0, tooLarge = 0, fallback = 0;
        var config = Config.QuickThrowOnFailure
            .WithMaxTest(cases)
            .WithQuietOnSuccess(true)
            .WithReplay(FSharpOption<Replay>.Some(new Replay(new Rnd(seed, 0x9E3779B97F4A7C15UL), FSharpOption<int>.None)));
        Prop.ForAll(DifferentialArbitraries.RefCaseArb(), (RefCase c) =>
        {
            // Each case twice: listing what concerns the shopper (the default) and listing every rejection.
            foreach (var every in new[] { false, true })
            {
                switch (Check(c with { Options = c.Options with { ListEveryRejection = every } }))
                {
                    case Verdict.Compared:
                        Interlocked.Increment(ref compared);
                        break;
                    case Verdict.TooLarge:
                        Interlocked.Increment(ref tooLarge);
                        break;
                    case Verdict.Fallback:
                        Interlocked.Increment(ref fallback);
                        break;
                }
            }
        }).Check(config);

        output.WriteLine($"seed {seed}: {compared} compared, {tooLarge} too large for the reference, {fallback} where the engine or the reference took a documented shortcut (each case under both ListEveryRejection values)");
        // The cases are small so that nearly all are compared whole.
        Assert.True(tooLarge + fallback <= 2 * cases / 20, $"{tooLarge} too large and {fallback} shortcuts out of {2 * cases}");
    }

    public enum Verdict
    {
        Compared,
        TooLarge,
        Fallback,
    }

    /// <summary>Compares one case; throws with both sides when they disagree.</summary>
    public static Verdict Check(RefCase c)
    {
        var answer = ReferenceEvaluator.Evaluate(c);
        if (answer.TooLarge)
        {
            return Verdict.TooLarge;
        }

        var result = c.EvaluateProduction();
        var engine = RefOutcome.Of(result);
        if (answer.Fallback || result.UsedGreedyFallback)
        {
            // A documented shortcut: the engine may miss the best, never beat it.
            if (result.Total.Amount < answer.Lowest)
            {
                throw new Xunit.Sdk.XunitException($"The engine found a total below the lowest the reference reaches ({answer.Lowest}):\n{c}\nengine:\n{engine}");
            }

            return Verdict.Fallback;
        }

        if (!answer.Outcomes.Contains(engine))
        {
            throw new Xunit.Sdk.XunitException(
                $"The engine and the reference disagree on\n{c}\nengine:\n{engine}\nreference ({answer.Outcomes.Count} best):\n{string.Join("\n--\n", answer.Outcomes.Take(4))}");
        }

        return Verdict.Compared;
    }
}
