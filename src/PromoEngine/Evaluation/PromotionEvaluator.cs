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
/// the lanes above left. Within a lane, a unit takes at most one item discount (unless the promotions compound), and
/// the units go to the promotions so that the lane saves most (an exact search, with a documented greedy fallback).
/// Order discounts then apply to what is left of their qualifying lines, one after another, and shipping discounts to
/// what is left of shipping, each in the order that saves most. Exclusive promotions, groups, classes that do not
/// combine and stops are settled by evaluating every combination that may apply and keeping the cheapest; under
/// "best for the shopper" a promotion that would cost the shopper through the lanes below it is left out.
/// <see cref="SelectionPolicy.StrictPriority"/> replaces every "most" by a fixed order: priority, then id.</para>
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
        // Codes are resolved and promotions gated once; every combination evaluated starts from there.
        var admission = new Run(this, cart, at, snapshot);
        admission.ResolveCodes(normalized);
        var admitted = admission.Admit();
        Run NewRun() => admission.Fork();

        // Exclusive promotions and groups: every combination that may apply is evaluated whole, and the one that
        // leaves the shopper the lowest total wins (ties: the earlier scenario, combinations before exclusives). Most
        // carts have one combination: all.
        var outcomes = new List<(List<Promotion> Scenario, EvaluationResult Result)>();
        foreach (var scenario in Combination.Scenarios(admitted, Options.Selection))
        {
            outcomes.Add((scenario, NewRun().Apply(scenario, [])));
        }

        var (best, fallback) = Options.Selection == SelectionPolicy.BestForShopper
            ? WithoutWhatCosts(outcomes, NewRun, o => LeaveOut.Suspects(o.Scenario, o.Result, admission.LinesOf, cart.Lines.Length))
            : (Cheapest(outcomes), false);
        var result = best.Scenario.Count == admitted.Count
            ? best.Result
            : NewRun().Apply(best.Scenario, Combination.Explain(admitted, best, outcomes, admission.CodeOf, Options.Selection));

        // A combination that lost after a shortcut might have won with an exhaustive search: the result says so.
        fallback |= outcomes.Exists(o => o.Result.UsedGreedyFallback);
        return fallback && !result.UsedGreedyFallback ? result with { UsedGreedyFallback = true } : result;
    }

    /// <summary>The cheapest of the evaluated combinations and of each without some of its promotions that cost the
    /// shopper through the lanes below them (see <see cref="LeaveOut"/>), ties going to the earlier; true when the
    /// combinations first evaluated could not all be searched.</summary>
    /// <remarks>Each combination tried is searched in turn, breadth first, while the budget lasts: leaving one
    /// promotion out may let another apply that costs the shopper too.</remarks>
    /// <param name="outcomes">The combinations evaluated so far; those evaluated here are added.</param>
    /// <param name="newRun">Makes a fresh run.</param>
    /// <param name="suspectsOf">The promotions of an evaluated combination that may cost the shopper.</param>
    private static ((List<Promotion> Scenario, EvaluationResult Result) Best, bool Fallback) WithoutWhatCosts(
        List<(List<Promotion> Scenario, EvaluationResult Result)> outcomes,
        Func<Run> newRun,
        Func<(List<Promotion> Scenario, EvaluationResult Result), List<Promotion>> suspectsOf)
    {
        var best = Cheapest(outcomes);
        var fallback = false;
        var budget = LeaveOut.MaxEvaluations;
        HashSet<string>? seen = null; // the combinations evaluated, made when the first suspect turns up
        var first = outcomes.Count;
        for (var i = 0; i < outcomes.Count; i++)
        {
            var (scenario, result) = outcomes[i];
            var suspects = suspectsOf((scenario, result));
            if (suspects.Count == 0)
            {
                continue;
            }

            var tries = (1 << Math.Min(suspects.Count, 30)) - 1;
            if (suspects.Count > LeaveOut.MaxSuspects || tries > budget)
            {
                fallback |= i < first;
                continue;
            }

            budget -= tries;
            seen ??= outcomes.Select(o => LeaveOut.Key(o.Scenario)).ToHashSet(StringComparer.Ordinal);
            foreach (var without in LeaveOut.Without(scenario, suspects).Where(w => seen.Add(LeaveOut.Key(w))))
            {
                var outcome = (without, newRun().Apply(without, []));
                outcomes.Add(outcome);
                if (outcome.Item2.Total < best.Result.Total)
                {
                    best = outcome;
                }
            }
        }

        return (best, fallback);
    }

    /// <summary>The outcome with the lowest total; ties go to the earlier.</summary>
    private static (List<Promotion> Scenario, EvaluationResult Result) Cheapest(List<(List<Promotion> Scenario, EvaluationResult Result)> outcomes)
    {
        var best = outcomes[0];
        foreach (var outcome in outcomes)
        {
            if (outcome.Result.Total < best.Result.Total)
            {
                best = outcome;
            }
        }

        return best;
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
