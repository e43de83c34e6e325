using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace PromoEngine;

/// <summary>
/// The combinations of admitted promotions worth evaluating whole: every exclusive promotion alone, and the others
/// with one member of each group. The evaluator keeps the one that leaves the shopper the lowest total.
/// </summary>
internal static class Combination
{
    /// <summary>Whether a promotion places no constraint on which others apply with it.</summary>
    private static bool Free(Promotion p) =>
        !p.IsExclusive && p.Group is null && p.Stops == StopScope.None && p.CombinesWith == DiscountClasses.All;

    /// <summary>The most combinations of group members evaluated exhaustively; past it groups are chosen one at a time.</summary>
    public const int MaxGroupCombinations = 64;

    public static List<List<Promotion>> Scenarios(List<Promotion> admitted, SelectionPolicy selection)
    {
        // Most carts: nothing exclusive, grouped, stopping or restricted by class, so there is one combination: all.
        if (admitted.TrueForAll(Free))
        {
            return [admitted];
        }

        if (selection == SelectionPolicy.StrictPriority)
        {
            return [StrictScenario(admitted)];
        }

        var exclusives = admitted.Where(p => p.IsExclusive)
            .OrderByDescending(p => p.Priority).ThenBy(p => p.Id).ToList();
        var others = admitted.Where(p => !p.IsExclusive).ToList();
        var groups = others.Where(p => p.Group is not null)
            .GroupBy(p => p.Group!, System.StringComparer.Ordinal)
            .Where(g => g.Count() > 1)
            .OrderBy(g => g.Key, System.StringComparer.Ordinal)
            .Select(g => g.OrderByDescending(p => p.Priority).ThenBy(p => p.Id).ToList())
            .ToList();
        var grouped = groups.SelectMany(g => g).ToHashSet();
        var free = others.Where(p => !grouped.Contains(p)).ToList();

        var combinations = new List<List<Promotion>> { free };
        foreach (var group in groups)
        {
            if (combinations.Count * group.Count > MaxGroupCombinations)
            {
                // Too many to try them all: the group's first member (highest priority, then smallest id) stays.
                combinations = combinations.Select(c => c.Append(group[0]).ToList()).ToList();
                continue;
            }

            combinations = combinations.SelectMany(c => group.Select(member => c.Append(member).ToList())).ToList();
        }

        var scenarios = new List<List<Promotion>>();
        if (others.Count > 0 || exclusives.Count == 0)
        {
            scenarios.AddRange(combinations.SelectMany(Combinable).SelectMany(WithAndWithoutStops));
        }

        scenarios.AddRange(exclusives.Select(e => new List<Promotion> { e }));
        return scenarios;
    }

    /// <summary>The most subsets of one combination tried to resolve class conflicts; past it promotions are kept in
    /// priority order, each dropped when it conflicts with one kept before.</summary>
    public const int MaxConflictSubsets = 64;

    /// <summary>The largest subsets of a combination whose promotions can all be combined by class (every one, when
    /// nothing conflicts).</summary>
    private static IEnumerable<List<Promotion>> Combinable(List<Promotion> combination)
    {
        if (combination.TrueForAll(p => p.CombinesWith == DiscountClasses.All))
        {
            return [combination];
        }

        var conflicting = combination.Where(p => combination.Any(q => q != p && !p.CanCombineWith(q))).ToList();
        if (conflicting.Count == 0)
        {
            return [combination];
        }

        var settled = combination.Where(p => !conflicting.Contains(p)).ToList();
        if (conflicting.Count > 12)
        {
            return [settled.Concat(InOrder(conflicting)).ToList()];
        }

        // Every maximal set of mutually combinable promotions among the conflicting ones.
        var subsets = new List<List<Promotion>>();
        for (var mask = (1 << conflicting.Count) - 1; mask > 0 && subsets.Count <= MaxConflictSubsets; mask--)
        {
            var chosen = conflicting.Where((_, i) => (mask & (1 << i)) != 0).ToList();
            if (chosen.All(p => chosen.All(q => p == q || p.CanCombineWith(q)))
                && conflicting.All(p => chosen.Contains(p) || chosen.Any(q => !p.CanCombineWith(q))))
            {
                subsets.Add(chosen);
            }
        }

        return subsets.Count > MaxConflictSubsets
            ? [settled.Concat(InOrder(conflicting)).ToList()]
            : subsets.Select(s => settled.Concat(s).ToList());
    }

    /// <summary>The most promotions that stop lower lanes tried both with and without; past it they all stay.</summary>
    public const int MaxStopsTried = 4;

    /// <summary>A combination with each promotion that stops lower lanes, and without it: the shopper may be better off
    /// without a small discount that would stop larger ones below it.</summary>
    private static IEnumerable<List<Promotion>> WithAndWithoutStops(List<Promotion> combination)
    {
        var stoppers = combination.Where(p => p.Stops != StopScope.None).OrderBy(p => p.Id).ToList();
        if (stoppers.Count == 0 || stoppers.Count > MaxStopsTried)
        {
            yield return combination;
            yield break;
        }

        for (var mask = (1 << stoppers.Count) - 1; mask >= 0; mask--)
        {
            var dropped = stoppers.Where((_, i) => (mask & (1 << i)) == 0).ToHashSet();
            yield return combination.Where(p => !dropped.Contains(p)).ToList();
        }
    }

    /// <summary>Promotions by priority, then id, each kept unless it conflicts with one kept before.</summary>
    private static List<Promotion> InOrder(IEnumerable<Promotion> promotions)
    {
        var kept = new List<Promotion>();
        foreach (var promotion in promotions.OrderByDescending(p => p.Priority).ThenBy(p => p.Id))
        {
            if (kept.All(k => k.CanCombineWith(promotion)))
            {
                kept.Add(promotion);
            }
        }

        return kept;
    }

    /// <summary>A rule list's one combination: an exclusive promotion that comes first applies alone; otherwise the
    /// others apply, with the first member of each group.</summary>
    private static List<Promotion> StrictScenario(List<Promotion> admitted)
    {
        var ordered = admitted.OrderByDescending(p => p.Priority).ThenBy(p => p.Id).ToList();
        if (ordered.Count > 0 && ordered[0].IsExclusive)
        {
            return [ordered[0]];
        }

        var groups = new HashSet<string>(System.StringComparer.Ordinal);
        return InOrder(ordered.Where(p => !p.IsExclusive && (p.Group is null || groups.Add(p.Group))));
    }

    /// <summary>Why each admitted promotion outside the winning combination did not apply.</summary>
    public static List<Rejection> Explain(
        List<Promotion> admitted,
        (List<Promotion> Scenario, EvaluationResult Result) best,
        List<(List<Promotion> Scenario, EvaluationResult Result)> outcomes,
        System.Func<Promotion, string?> codeOf,
        SelectionPolicy selection)
    {
        var strict = selection == SelectionPolicy.StrictPriority;
        var chosen = best.Scenario.ToHashSet();
        var exclusiveWinner = best.Scenario.Count == 1 && best.Scenario[0].IsExclusive ? best.Scenario[0] : null;
        var leading = best.Result.Applied.OrderByDescending(a => a.Amount.Amount).ThenBy(a => a.PromotionId).FirstOrDefault();
        var rejections = new List<Rejection>();
        foreach (var promotion in admitted.Where(p => !chosen.Contains(p)))
        {
            var alone = BestAmount(promotion, outcomes);
            var code = codeOf(promotion);
            Rejection rejection;
            if (exclusiveWinner is not null)
            {
                rejection = new Rejection(promotion.Id, code, RejectionReason.NotCombinable, strict
                    ? $"{promotion.Name} cannot be combined with {exclusiveWinner.Name}, which comes first and applies alone."
                    : $"{promotion.Name} cannot be combined with {exclusiveWinner.Name}, which saves more on its own.") { Winner = exclusiveWinner.Id };
            }
            else if (promotion.IsExclusive)
            {
                var winner = leading is null ? string.Empty : $" ({leading.Name} and the others)";
                rejection = new Rejection(promotion.Id, code, RejectionReason.NotCombinable, strict
                    ? $"{promotion.Name} applies only alone, and other promotions come before it."
                    : $"{promotion.Name} applies only alone, and the promotions that can be combined{winner} save more.") { Winner = leading?.PromotionId };
            }
            else if (best.Scenario.FirstOrDefault(p => !p.CanCombineWith(promotion)) is { } conflict)
            {
                rejection = new Rejection(promotion.Id, code, RejectionReason.NotCombinable,
                    $"{promotion.Name} cannot be combined with {conflict.Name} ({conflict.Discount.Class.ToString().ToLowerInvariant()} and {promotion.Discount.Class.ToString().ToLowerInvariant()} discounts).") { Winner = conflict.Id };
            }
            else if (promotion.Group is not null && best.Scenario.FirstOrDefault(p => p.Group == promotion.Group) is { } member)
            {
                rejection = new Rejection(promotion.Id, code, RejectionReason.BetterDealChosen,
                    string.Create(CultureInfo.InvariantCulture, $"Only one promotion of the group {promotion.Group} applies: {member.Name} was chosen.")) { Winner = member.Id };
            }
            else
            {
                rejection = new Rejection(promotion.Id, code, RejectionReason.BetterDealChosen,
                    $"A better combination was chosen without {promotion.Name}.") { Winner = leading?.PromotionId };
            }

            rejections.Add(alone is { } amount ? rejection with { AloneAmount = amount } : rejection);
        }

        return rejections;
    }

    /// <summary>The most a promotion took off in any evaluated combination that included it.</summary>
    private static Money? BestAmount(Promotion promotion, List<(List<Promotion> Scenario, EvaluationResult Result)> outcomes) =>
        outcomes.SelectMany(o => o.Result.Applied)
            .Where(a => a.PromotionId == promotion.Id)
            .Select(a => (Money?)a.Amount)
            .OrderByDescending(m => m!.Value.Amount)
            .FirstOrDefault();
}
