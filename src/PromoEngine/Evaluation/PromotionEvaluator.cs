using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using NodaTime;
using PromoEngine.Internal;

namespace PromoEngine;

/// <summary>Evaluates carts against a catalog: which promotions apply, to which units, for how much, and why each of
/// the others does not.</summary>
/// <remarks>
/// <para><see cref="Evaluate"/> is a pure function of its arguments, the catalog and the options: it reads no clock,
/// does no I/O and keeps no state, so one evaluator serves all threads.</para>
/// <para>Combination: promotions apply lane by lane, from the highest priority down, each lane working on the prices
/// the lanes above left. Within a lane, a unit takes at most one item discount: promotions claim units in order of
/// what each alone would save (ties: smaller id first), each on the units still free. Order discounts then apply to
/// what is left of their qualifying lines, one after another, and shipping discounts to what is left of shipping.</para>
/// <para>Money: each application's exact amount is rounded once (see <see cref="EvaluationOptions.Rounding"/> for the
/// rule) and allocated to lines and units by largest remainder, so every sum is exact and nothing goes below zero.</para>
/// <para>Immutable and thread-safe.</para>
/// </remarks>
public sealed partial class PromotionEvaluator
{
    /// <summary>Initializes a new instance of the <see cref="PromotionEvaluator"/> class.</summary>
    /// <param name="catalog">The promotions.</param>
    /// <param name="options">How to evaluate; <see cref="EvaluationOptions.Default"/> when <see langword="null"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public PromotionEvaluator(PromotionCatalog catalog, EvaluationOptions? options = null)
    {
        Catalog = Guard.NotNull(catalog);
        Options = options ?? EvaluationOptions.Default;
        Options.Validate();
    }

    /// <summary>Gets the promotions.</summary>
    /// <value>As given.</value>
    public PromotionCatalog Catalog { get; }

    /// <summary>Gets the options.</summary>
    /// <value>As given, or the defaults.</value>
    public EvaluationOptions Options { get; }

    /// <summary>Evaluates a cart.</summary>
    /// <param name="cart">The cart.</param>
    /// <param name="codes">The codes the shopper entered, in the order entered; repeats (after normalization) are
    /// ignored.</param>
    /// <param name="at">The instant to judge schedules at; never read from a clock.</param>
    /// <param name="usage">The redemptions known so far; none when <see langword="null"/>.</param>
    /// <returns>The result.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="cart"/> or <paramref name="codes"/> is null.</exception>
    /// <exception cref="ArgumentException">A code is malformed (empty, longer than <see cref="PromotionCode.MaxLength"/>,
    /// or with control characters): hosts should check typed codes with <see cref="PromotionCode.TryNormalize"/>.</exception>
    public EvaluationResult Evaluate(Cart cart, IEnumerable<string> codes, Instant at, UsageSnapshot? usage = null)
    {
        Guard.NotNull(cart);
        Guard.NotNull(codes);
        var normalized = NormalizeCodes(codes);
        var snapshot = usage ?? UsageSnapshot.Empty;
        Run NewRun(out List<Promotion> admitted)
        {
            var run = new Run(this, cart, at, snapshot);
            run.ResolveCodes(normalized);
            admitted = run.Admit();
            return run;
        }

        var first = NewRun(out var admitted);
        var scenarios = Combination.Scenarios(admitted, Options.Selection);
        if (scenarios.Count == 1 && scenarios[0].Count == admitted.Count)
        {
            return first.Apply(admitted, []);
        }

        // Exclusive promotions and groups: every combination that may apply is evaluated whole, and the one that
        // leaves the shopper the lowest total wins (ties: the earlier scenario, combinations before exclusives).
        var outcomes = scenarios.Select(scenario => (Scenario: scenario, Result: NewRun(out _).Apply(scenario, []))).ToList();
        var best = outcomes.OrderBy(o => o.Result.Total.Amount).First();
        var leftOut = Combination.Explain(admitted, best, outcomes, first.CodeOf, Options.Selection);
        return NewRun(out _).Apply(best.Scenario, leftOut);
    }

    private static List<string> NormalizeCodes(IEnumerable<string> codes)
    {
        var result = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var code in codes)
        {
            if (!PromotionCode.TryNormalize(code, out var normalized, out var error))
            {
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture, $"Code {result.Count + 1} is malformed: {error}"), nameof(codes));
            }

            if (seen.Add(normalized))
            {
                result.Add(normalized);
            }
        }

        return result;
    }
}
