using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Runtime.InteropServices;
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

    /// <summary>Whether every evaluation takes the general path, even for promotions on lines of their own (for tests
    /// that check the two paths agree).</summary>
    internal bool GeneralPathOnly { get; init; }

    /// <summary>Whether every filter matches the cart's lines itself, rather than taking the lines through which the index
    /// found a promotion (for tests that check both give the same lines).</summary>
    internal bool MatchEveryFilter { get; init; }

    /// <summary>Whether every application splits its amount over its units the general way, even when each unit takes
    /// its own weight (for tests that check both give the same shares, bit for bit).</summary>
    internal bool SplitEveryShare { get; init; }

    /// <summary>Called when an evaluation takes the path for promotions on lines of their own (for tests that check it
    /// is taken where it should be: it gives what the general path gives, so only this tells them apart).</summary>
    internal Action? IndependentPathTaken { get; init; }

    /// <summary>Gets the options.</summary>
    /// <value>As given, or the defaults.</value>
    public EvaluationOptions Options { get; }

    /// <summary>Evaluates a cart.</summary>
    /// <param name="cart">The cart.</param>
    /// <param name="codes">The codes the shopper entered, in the order entered, as typed: any string is accepted. A
    /// code that cannot be read (empty, longer than <see cref="PromotionCode.MaxLength"/>, with control, invisible or
    /// symbol characters) is rejected with <see cref="RejectionReason.MalformedCode"/> and takes no code slot; repeats
    /// (after normalization, look-alikes read alike where a promotion folds them) are ignored.</param>
    /// <param name="at">The instant to judge schedules at; never read from a clock.</param>
    /// <param name="usage">The redemptions known so far; none when <see langword="null"/>.</param>
    /// <returns>The result.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="cart"/> or <paramref name="codes"/> is null, or holds a
    /// null code.</exception>
    /// <seealso cref="CustomerProfile.Wallet"/>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="codes"/> holds more than
    /// <see cref="MaxCodesPerRequest"/> codes.</exception>
    /// <remarks>When more usable codes (codes whose promotions pass every check but the discount itself) are entered
    /// than <see cref="EvaluationOptions.MaxCodesPerOrder"/> allows, under <see cref="SelectionPolicy.StrictPriority"/>
    /// the first entered take the slots; under <see cref="SelectionPolicy.BestForShopper"/> every way to give out the
    /// slots is evaluated whole, and the one that leaves the lowest total wins (ties: the codes entered first). Past
    /// <see cref="MaxCodeChoices"/> ways, the first entered take the slots and the result says a fallback was used.
    /// Each code left out is rejected with <see cref="RejectionReason.TooManyCodes"/>, naming the code that took the
    /// slot.
    /// <para>The customer's wallet (<see cref="CustomerProfile.Wallet"/>) applies as if its codes were entered after the
    /// codes typed (a code both typed and in the wallet counts as typed): every check, limit, usage count, near-miss
    /// hint and combination rule is the same, and the entries that applied or were rejected say so
    /// (<see cref="AppliedPromotion.FromWallet"/>, <see cref="Rejection.FromWallet"/>). An entry outside its own
    /// validity is rejected as <see cref="RejectionReason.NotStarted"/> or <see cref="RejectionReason.Expired"/> with the
    /// entry's boundary. Wallet codes compete for the code slots unless
    /// <see cref="EvaluationOptions.WalletCountsTowardCodeLimit"/> says otherwise; they are not counted in
    /// <see cref="EvaluationResult.CodeAttempts"/> (the shopper guessed nothing), and
    /// <see cref="EvaluationOptions.HideCodeStatus"/> does not hide what is said of them (they were not typed, so they
    /// reveal nothing about the catalog).</para></remarks>
    public EvaluationResult Evaluate(Cart cart, IEnumerable<string> codes, Instant at, UsageSnapshot? usage = null)
    {
        Guard.NotNull(cart);
        Guard.NotNull(codes);
        // Most evaluations enter no code: no list is made for them.
        var entries = codes is ICollection<string> { Count: 0 } ? [] : CollectionsMarshal.AsSpan(ReadCodes(codes));
        var snapshot = usage ?? UsageSnapshot.Empty;
        // Codes are resolved and promotions gated once; every choice of codes and every combination starts from there.
        var admission = new Run(this, cart, at, snapshot);
        admission.ResolveCodes(entries, cart.Customer.Wallet);
        var (coded, automatic, inert) = admission.Admit();
        if (!GeneralPathOnly && inert is null && coded.Count <= Options.MaxCodesPerOrder
            && admission.ApplyIndependent(coded.Count == 0 ? automatic : [.. automatic, .. coded]) is { } independent)
        {
            // The common cart: promotions (and the codes entered, when they all fit the order's slots) that each work on
            // lines of their own, applied straight away.
            IndependentPathTaken?.Invoke();
            return independent;
        }

        // Each way to give out the code slots yields its admitted promotions and their combinations; the cheapest
        // outcome over all wins (ties: the earlier choice, which takes the codes entered first). Most carts have one.
        var (choices, fallback) = coded.Count <= Options.MaxCodesPerOrder
            ? ([coded], false)
            : CodeChoices(coded, Options.MaxCodesPerOrder, Options.Selection);
        Choice? best = null;
        foreach (var chosen in choices)
        {
            var choice = Decide(admission.WithCodes(chosen, coded), chosen, automatic, inert, cart, choices.Length == 1);
            fallback |= choice.Fallback;
            if (best is null || choice.Best.Result.Total < best.Best.Result.Total)
            {
                best = choice;
            }
        }

        var result = best!.Best.Scenario.Count == best.Admitted.Count
            ? best.Best.Result
            : best.Run.Fork().Apply(best.Best.Scenario, Combination.Explain(best.Admitted, best.Best, best.Outcomes, admission.CodeOf, Options.Selection));
        return fallback && !result.UsedGreedyFallback ? result with { UsedGreedyFallback = true } : result;
    }

    /// <summary>The most ways to give out an order's code slots that are evaluated; past it the codes entered first
    /// take the slots.</summary>
    public const int MaxCodeChoices = 64;

    /// <summary>One way of giving out the code slots, evaluated: its run, its admitted promotions, the combinations
    /// evaluated, the cheapest, and whether a search took a shortcut.</summary>
    private sealed record Choice(
        Run Run,
        List<Promotion> Admitted,
        List<(List<Promotion> Scenario, EvaluationResult Result)> Outcomes,
        (List<Promotion> Scenario, EvaluationResult Result) Best,
        bool Fallback);

    /// <summary>Evaluates the combinations of one choice of codes with the automatic promotions, and keeps the
    /// cheapest.</summary>
    /// <param name="run">The run for this choice (see <see cref="Run.WithCodes"/>).</param>
    /// <param name="chosen">The promotions whose codes take the slots.</param>
    /// <param name="automatic">The automatic promotions that may apply.</param>
    /// <param name="inert">The ids of chosen promotions that cannot apply (already rejected): they are not run when that
    /// changes nothing.</param>
    /// <param name="cart">The cart.</param>
    /// <param name="only">Whether this is the only choice: then <paramref name="automatic"/> may hold the admitted
    /// promotions itself.</param>
    private Choice Decide(Run run, List<Promotion> chosen, List<Promotion> automatic, HashSet<PromotionId>? inert, Cart cart, bool only)
    {
        // A chosen promotion that cannot apply is not run when leaving it out changes nothing: when it and every other
        // combine freely, there is one combination (all), and it takes nothing from it. Otherwise (an exclusive, a
        // group, a stop, a class that does not combine) its mere presence can decide which others apply: it is run.
        var skipInert = inert is not null && automatic.TrueForAll(CombinesFreely) && chosen.TrueForAll(CombinesFreely);
        var admitted = only ? automatic : new List<Promotion>(chosen.Count + automatic.Count);
        if (!only)
        {
            admitted.AddRange(automatic);
        }

        foreach (var promotion in chosen)
        {
            if (!skipInert || !inert!.Contains(promotion.Id))
            {
                admitted.Add(promotion);
            }
        }

        IdSort.ById(admitted);
        Run NewRun() => run.Fork();

        // Exclusive promotions and groups: every combination that may apply is evaluated whole, and the one that
        // leaves the shopper the lowest total wins (ties: the earlier scenario, combinations before exclusives). Most
        // carts have one combination: all.
        var outcomes = new List<(List<Promotion> Scenario, EvaluationResult Result)>();
        foreach (var scenario in Combination.Scenarios(admitted, Options.Selection))
        {
            outcomes.Add((scenario, NewRun().Apply(scenario, [])));
        }

        var (best, fallback) = Options.Selection == SelectionPolicy.BestForShopper
            ? WithoutWhatCosts(outcomes, run, cart.Lines.Length)
            : (Cheapest(outcomes), false);

        // A combination that lost after a shortcut might have won with an exhaustive search: the result says so.
        fallback |= outcomes.Exists(o => o.Result.UsedGreedyFallback);
        return new Choice(run, admitted, outcomes, best, fallback);
    }

    /// <summary>Whether a promotion combines with any other: not exclusive, in no group, stopping nothing, combining
    /// with every class (what <see cref="Combination"/> calls free).</summary>
    private static bool CombinesFreely(Promotion p) =>
        !p.IsExclusive && p.Group is null && p.Stops == StopScope.None && p.CombinesWith == DiscountClasses.All;

    /// <summary>The ways to give out the code slots among the usable codes, each in the order entered, the codes
    /// entered first first; and whether there were too many to try (then only the codes entered first).</summary>
    private static (List<Promotion>[] Choices, bool Fallback) CodeChoices(List<Promotion> coded, int slots, SelectionPolicy selection)
    {
        var first = coded.GetRange(0, slots);
        if (selection == SelectionPolicy.StrictPriority || slots == 0)
        {
            return ([first], false);
        }

        // C(n, k), stopping as soon as it passes the bound.
        long ways = 1;
        for (var i = 0; i < slots && ways <= MaxCodeChoices; i++)
        {
            ways = ways * (coded.Count - i) / (i + 1);
        }

        if (ways > MaxCodeChoices)
        {
            return ([first], true);
        }

        // Every k-subset, in lexicographic order of entry positions.
        var choices = new List<List<Promotion>>();
        var picks = new int[slots];
        for (var i = 0; i < slots; i++)
        {
            picks[i] = i;
        }

        while (true)
        {
            var choice = new List<Promotion>(slots);
            foreach (var pick in picks)
            {
                choice.Add(coded[pick]);
            }

            choices.Add(choice);
            var j = slots - 1;
            while (j >= 0 && picks[j] == coded.Count - slots + j)
            {
                j--;
            }

            if (j < 0)
            {
                return ([.. choices], false);
            }

            picks[j]++;
            for (var k = j + 1; k < slots; k++)
            {
                picks[k] = picks[k - 1] + 1;
            }
        }
    }

    /// <summary>The cheapest of the evaluated combinations and of each without some of its promotions that cost the
    /// shopper through the lanes below them (see <see cref="LeaveOut"/>), ties going to the earlier; true when the
    /// combinations first evaluated could not all be searched.</summary>
    /// <remarks>Each combination tried is searched in turn, breadth first, while the budget lasts: leaving one
    /// promotion out may let another apply that costs the shopper too.</remarks>
    /// <param name="outcomes">The combinations evaluated so far; those evaluated here are added.</param>
    /// <param name="run">The run every combination starts from (each is evaluated on a fork of it).</param>
    /// <param name="lineCount">How many lines the cart has.</param>
    private static ((List<Promotion> Scenario, EvaluationResult Result) Best, bool Fallback) WithoutWhatCosts(
        List<(List<Promotion> Scenario, EvaluationResult Result)> outcomes,
        Run run,
        int lineCount)
    {
        var best = Cheapest(outcomes);
        var fallback = false;
        var budget = LeaveOut.MaxEvaluations;
        HashSet<string>? seen = null; // the combinations evaluated, made when the first suspect turns up
        var first = outcomes.Count;
        for (var i = 0; i < outcomes.Count; i++)
        {
            var (scenario, result) = outcomes[i];
            var suspects = LeaveOut.Suspects(scenario, result, run.MatchingLinesDelegate, lineCount, run.MeasuredAfterHigherLanesDelegate);
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
                var outcome = (without, run.Fork().Apply(without, []));
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

    /// <summary>The most codes one evaluation (or usage request) takes: far more than any code box, few enough that a
    /// request cannot make an evaluation do unbounded work.</summary>
    public const int MaxCodesPerRequest = 32;

    /// <summary>Counts one more code entered, refusing the one past <see cref="MaxCodesPerRequest"/> (the sequence is
    /// not read further).</summary>
    internal static void CountCode(ref int count)
    {
        if (++count > MaxCodesPerRequest)
        {
            throw new ArgumentOutOfRangeException("codes", count, string.Create(CultureInfo.InvariantCulture,
                $"At most {MaxCodesPerRequest} codes can be entered for one evaluation (PromotionEvaluator.MaxCodesPerRequest)."));
        }
    }

    /// <summary>Each code entered, normalized, or with why it cannot be: a shopper's input is never an exception.</summary>
    private static List<(string? Normalized, string Typed, string? Error)> ReadCodes(IEnumerable<string> codes)
    {
        var result = new List<(string? Normalized, string Typed, string? Error)>();
        HashSet<string>? seen = null; // made for the first code
        var count = 0;
        foreach (var code in codes)
        {
            if (code is null)
            {
                throw new ArgumentNullException(nameof(codes), string.Create(CultureInfo.InvariantCulture, $"Code {result.Count + 1} is null."));
            }

            CountCode(ref count);

            if (!PromotionCode.TryNormalize(code, out var normalized, out var error))
            {
                result.Add((null, code, error));
            }
            else if ((seen ??= new(StringComparer.Ordinal)).Add(normalized))
            {
                result.Add((normalized, code, null));
            }
        }

        return result;
    }
}
