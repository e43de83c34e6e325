using System;
using System.Collections.Frozen;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using NodaTime;
using PromoEngine.Internal;

namespace PromoEngine;

/// <summary>Checks a set of promotions before launch for what can go wrong: stacking to 100 % off, ties decided only by
/// ids, buy-X-get-Y that can never fire, schedules that have ended, colliding codes, claim codes that are easy to guess,
/// limits that make a promotion unusable, shipping offers a stop always hides, region restrictions that exclude
/// what they allow, item filters no item can pass, and cart conditions that contradict their promotion's items.</summary>
/// <remarks>A pure function of its arguments: the instant is passed in, never read from a clock.</remarks>
public static partial class CatalogLinter
{
    /// <summary>The fewest bits of randomness a claim-code format's random part should hold (40: about a million
    /// million codes), below which <see cref="LintRule.GuessableClaimCodes"/> warns.</summary>
    public const int MinClaimCodeBits = 40;

    /// <summary>Lints promotions as an evaluator with the given options would use them.</summary>
    /// <param name="promotions">The promotions (need not form a valid catalog: colliding codes are findings here).</param>
    /// <param name="at">The instant to judge schedules at (launch time, say).</param>
    /// <param name="options">The evaluation options the promotions will run under; the defaults when null.</param>
    /// <returns>The findings, errors first, then by rule and promotion.</returns>
    public static ImmutableArray<LintFinding> Lint(IEnumerable<Promotion> promotions, Instant at, EvaluationOptions? options = null)
    {
        var list = Guard.NotNull(promotions).Select(p => Guard.NotNull(p, nameof(promotions))).OrderBy(p => p.Id).ToList();
        options ??= EvaluationOptions.Default;
        var findings = new List<LintFinding>();
        Stacking(list, options, findings);
        GroupTies(list, findings);
        DiscountFacts(list, findings);
        Schedules(list, at, findings);
        Codes(list, findings);
        ClaimCodes(list, findings);
        Limits(list, findings);
        HiddenShipping(list, options, findings);
        UnreachableRegions(list, findings);
        Windows(list, findings);
        Eligibility(list, findings);
        return [.. findings
            .OrderByDescending(f => f.Severity)
            .ThenBy(f => f.Rule)
            .ThenBy(f => f.Promotions[0])];
    }

    internal static LintFinding Finding(LintRule rule, LintSeverity severity, IEnumerable<Promotion> promotions, string message) =>
        new(rule, severity, [.. promotions.Select(p => p.Id).Distinct().Order()], message);

    /// <summary>Promotions that can apply to any cart: not cancelled, every item, no restriction.</summary>
    private static bool AppliesToAnyCart(Promotion p) =>
        p.Status != PromotionStatus.Cancelled && p.QualifyingItems.IsAll && p.Restrictions.IsEmpty;

    /// <summary>Promotions that stack freely on any cart: no cap, combining with every class, stopping nothing.</summary>
    private static bool Unrestricted(Promotion p) =>
        AppliesToAnyCart(p) && p.MaxDiscount is null && p.CombinesWith == DiscountClasses.All && p.Stops == StopScope.None;

    private static void Stacking(List<Promotion> promotions, EvaluationOptions options, List<LintFinding> findings)
    {
        // The worst case for the merchant: the largest percentages that can all apply to one cart together.
        var percent = promotions
            .Where(p => Unrestricted(p) && !p.IsExclusive && p.Discount.FlatPercent is not null && p.Discount.Class != DiscountClass.Shipping)
            .ToList();

        // One member per group (the largest), and no more coded promotions than an order may carry (typed, and held in a
        // wallet when its codes do not count toward the limit).
        var chosen = percent
            .GroupBy(p => p.Group ?? "\u0000" + p.Id.Value, StringComparer.Ordinal)
            .Select(g => g.OrderByDescending(Percent).ThenBy(p => p.Id).First())
            .ToList();
        var coded = chosen.Where(p => p.Activation.Kind != ActivationKind.Automatic).OrderByDescending(Percent).ThenBy(p => p.Id).ToList();
        // Wallet codes outside the code limit let a customer hold coded promotions beside the typed ones.
        var codeSlots = options.WalletCountsTowardCodeLimit ? options.MaxCodesPerOrder : options.MaxCodesPerOrder + CustomerWallet.MaxEntries;
        chosen = chosen.Except(coded.Skip(codeSlots)).ToList();

        var left = 1m;
        var contributors = new List<Promotion>();
        foreach (var lane in chosen.GroupBy(p => p.Priority))
        {
            // Item percentages in one lane share units only when they compound; order percentages stack on what is left.
            var items = lane.Where(p => p.Discount.Class == DiscountClass.Item).OrderByDescending(Percent).ThenBy(p => p.Id).ToList();
            if (items.Count > 0)
            {
                var stack = items.Where(p => items.Any(q => p.Compounds(q))).ToList();
                var stackFraction = options.Compounding == CompoundingMode.OnOriginalPrice
                    ? Math.Min(1m, stack.Sum(Percent) / 100m)
                    : 1m - stack.Aggregate(1m, (keep, p) => keep * (1m - (Percent(p) / 100m)));
                var best = Percent(items[0]) / 100m;
                if (stack.Count > 1 && stackFraction > best)
                {
                    left *= 1m - stackFraction;
                    contributors.AddRange(stack);
                }
                else
                {
                    left *= 1m - best;
                    contributors.Add(items[0]);
                }
            }

            foreach (var order in lane.Where(p => p.Discount.Class == DiscountClass.Order))
            {
                left *= 1m - (Percent(order) / 100m);
                contributors.Add(order);
            }
        }

        if (contributors.Count > 1 && left <= 0m)
        {
            findings.Add(Finding(LintRule.StackingReachesFullPrice, LintSeverity.Warning, contributors,
                $"{string.Join(", ", contributors.Select(p => p.Id))} can all apply to one cart and together take 100% off. Restrict them, group them, or make one exclusive."));
        }
    }

    private static decimal Percent(Promotion p) => p.Discount.FlatPercent ?? 0m;

    private static void GroupTies(List<Promotion> promotions, List<LintFinding> findings)
    {
        foreach (var tie in promotions
            .Where(p => p.Group is not null)
            .GroupBy(p => (p.Group, p.Priority, Discount: p.Discount.ToString(), Items: p.QualifyingItems.ToString()))
            .Where(g => g.Count() > 1))
        {
            findings.Add(Finding(LintRule.AmbiguousGroupTie, LintSeverity.Warning, tie,
                string.Create(CultureInfo.InvariantCulture,
                    $"{string.Join(", ", tie.Select(p => p.Id))} share the group {tie.Key.Group}, the priority {tie.Key.Priority} and the same discount: which one applies is decided only by their ids. Give them different priorities.")));
        }
    }

    /// <summary>What each strategy finds wrong with its own discount (see <see cref="Discount.Lint"/>).</summary>
    private static void DiscountFacts(List<Promotion> promotions, List<LintFinding> findings)
    {
        foreach (var promotion in promotions)
        {
            promotion.Discount.Lint(promotion, findings);
        }
    }

    private static void Schedules(List<Promotion> promotions, Instant at, List<LintFinding> findings)
    {
        foreach (var promotion in promotions)
        {
            if (promotion.Status == PromotionStatus.Cancelled)
            {
                findings.Add(Finding(LintRule.NeverActive, LintSeverity.Info, [promotion], $"{promotion.Id} is cancelled: it can never apply."));
            }
            else if (promotion.Schedule.EndInstant is { } end && end <= at)
            {
                findings.Add(Finding(LintRule.NeverActive, LintSeverity.Warning, [promotion],
                    $"{promotion.Id} ended at {end} ({promotion.Schedule.Zone.Id}): it can never apply again."));
            }
        }
    }

    private static void Codes(List<Promotion> promotions, List<LintFinding> findings)
    {
        var byCode = new Dictionary<string, List<Promotion>>(StringComparer.Ordinal);
        var byLookAlike = new Dictionary<string, List<(Promotion Promotion, string Code)>>(StringComparer.Ordinal);
        foreach (var promotion in promotions)
        {
            foreach (var code in promotion.Activation.Codes)
            {
                (byCode.TryGetValue(code, out var owners) ? owners : byCode[code] = []).Add(promotion);
                var folded = Skeleton(code);
                (byLookAlike.TryGetValue(folded, out var similar) ? similar : byLookAlike[folded] = []).Add((promotion, code));
            }
        }

        foreach (var (code, owners) in byCode.Where(kv => kv.Value.Distinct().Count() > 1).OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            findings.Add(Finding(LintRule.CodeCollision, LintSeverity.Error, owners,
                $"The code {code} belongs to {string.Join(" and ", owners.Select(p => p.Id).Distinct())} once normalized; a catalog refuses it."));
        }

        foreach (var (_, similar) in byLookAlike.Where(kv => kv.Value.Select(x => x.Code).Distinct().Count() > 1).OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            var codes = similar.Select(x => x.Code).Distinct().Order(StringComparer.Ordinal).ToList();
            var folding = similar.Any(x => x.Promotion.Activation.FoldsLookAlikes) && similar.Select(x => x.Promotion.Id).Distinct().Count() > 1;
            findings.Add(folding
                ? Finding(LintRule.CodeCollision, LintSeverity.Error, similar.Select(x => x.Promotion),
                    $"The codes {string.Join(" and ", codes)} differ only by look-alike characters, and one of them folds look-alikes: a catalog refuses it.")
                : Finding(LintRule.CodeCollision, LintSeverity.Warning, similar.Select(x => x.Promotion),
                    $"The codes {string.Join(" and ", codes)} differ only by look-alike characters (such as O and 0, I, L and 1, or a Cyrillic or Greek letter for a Latin one): a shopper may type one for the other."));
        }

        foreach (var promotion in promotions)
        {
            foreach (var code in promotion.Activation.Codes)
            {
                if (FirstConfusable(code) is { } c)
                {
                    findings.Add(Finding(LintRule.ConfusableCharacters, LintSeverity.Warning, [promotion], string.Create(CultureInfo.InvariantCulture,
                        $"The code {code} of {promotion.Id} holds U+{(int)c:X4}, a letter of another script that looks like the Latin {Confusables[c]}: a shopper typing what they see cannot enter it.")));
                }
            }
        }
    }

    /// <summary>Capital letters of the Cyrillic and Greek scripts that look like a Latin capital (codes are upper case
    /// once normalized), from the Unicode confusables data, restricted to what a code can hold.</summary>
    private static readonly FrozenDictionary<char, char> Confusables = new Dictionary<char, char>
    {
        ['\u0410'] = 'A', ['\u0412'] = 'B', ['\u0415'] = 'E', ['\u041A'] = 'K', ['\u041C'] = 'M', ['\u041D'] = 'H',
        ['\u041E'] = 'O', ['\u0420'] = 'P', ['\u0421'] = 'C', ['\u0422'] = 'T', ['\u0423'] = 'Y', ['\u0425'] = 'X',
        ['\u0405'] = 'S', ['\u0406'] = 'I', ['\u0408'] = 'J', ['\u04AE'] = 'Y', ['\u04C0'] = 'I', ['\u0417'] = '3',
        ['\u0391'] = 'A', ['\u0392'] = 'B', ['\u0395'] = 'E', ['\u0396'] = 'Z', ['\u0397'] = 'H', ['\u0399'] = 'I',
        ['\u039A'] = 'K', ['\u039C'] = 'M', ['\u039D'] = 'N', ['\u039F'] = 'O', ['\u03A1'] = 'P', ['\u03A4'] = 'T',
        ['\u03A5'] = 'Y', ['\u03A7'] = 'X',
    }.ToFrozenDictionary();

    private static char? FirstConfusable(string code)
    {
        foreach (var c in code)
        {
            if (Confusables.ContainsKey(c))
            {
                return c;
            }
        }

        return null;
    }

    /// <summary>What a code looks like: confusable letters of other scripts read as their Latin twins, then the
    /// look-alikes of <see cref="ClaimCodeFormat"/> (O as 0, I and L as 1...). Two codes with one skeleton can be
    /// mistaken for each other.</summary>
    private static string Skeleton(string code) =>
        ClaimCodeFormat.LookAlikeKey(string.Create(code.Length, code, static (span, source) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = Confusables.TryGetValue(source[i], out var latin) ? latin : source[i];
            }
        }));

    private static void ClaimCodes(List<Promotion> promotions, List<LintFinding> findings)
    {
        foreach (var promotion in promotions)
        {
            if (promotion.Activation.Format is not { } format)
            {
                continue;
            }

            if (format.EntropyBits < MinClaimCodeBits)
            {
                findings.Add(Finding(LintRule.GuessableClaimCodes, LintSeverity.Warning, [promotion], string.Create(CultureInfo.InvariantCulture,
                    $"{promotion.Id}'s claim codes hold {format.EntropyBits:F1} bits of randomness ({format.Length} characters of {format.Alphabet.Length}), fewer than {MinClaimCodeBits}: use a longer length.")));
            }

            var share = promotion.Activation.Codes.Length / format.Capacity;
            if (share > ClaimCodeGenerator.DefaultMaxShare)
            {
                findings.Add(Finding(LintRule.GuessableClaimCodes, LintSeverity.Warning, [promotion], string.Create(CultureInfo.InvariantCulture,
                    $"{promotion.Id} has {promotion.Activation.Codes.Length} claim codes of a format that can make {format.Capacity:G3}: one guess in {1 / share:G3} finds one, more than one in {1 / ClaimCodeGenerator.DefaultMaxShare:G3}. Use a longer length.")));
            }
        }
    }

    private static void Limits(List<Promotion> promotions, List<LintFinding> findings)
    {
        foreach (var promotion in promotions)
        {
            if (promotion.Limits.Budget is not { } budget)
            {
                continue;
            }

            // A budget in another currency than the promotion's amounts cannot be built (PromotionBuilder.Build).
            // An amount off the order, capped or not, that is more than a hard budget: any order big enough to get the
            // whole amount is refused at checkout.
            if (promotion.Limits.BudgetPolicy == BudgetPolicy.Hard && promotion.Discount.FullAmount is { } amount)
            {
                var full = promotion.MaxDiscount is { } cap ? Money.Min(amount, cap) : amount;
                if (full > budget)
                {
                    findings.Add(Finding(LintRule.UnusableLimit, LintSeverity.Warning, [promotion],
                        $"{promotion.Id} takes {full} off, more than its hard budget of {budget}: every order worth that much is refused at checkout."));
                }
            }
        }
    }

    private static void HiddenShipping(List<Promotion> promotions, EvaluationOptions options, List<LintFinding> findings)
    {
        // A stop that applies to every cart: automatic, always running, every item, no restriction, and a discount
        // that always gives something (a percentage off items or the order).
        var alwaysStops = promotions
            .Where(p => p.Stops == StopScope.AllLowerLanes && p.Status == PromotionStatus.Active
                && p.Activation.Kind == ActivationKind.Automatic && p.Schedule.StartInstant is null && p.Schedule.EndInstant is null
                && p.Schedule.Windows.IsEmpty
                && AppliesToAnyCart(p) && p.Discount.FlatPercent is not null && p.Discount.Class != DiscountClass.Shipping)
            .ToList();
        foreach (var shipping in promotions.Where(p => p.Discount.Class == DiscountClass.Shipping))
        {
            if (alwaysStops.FirstOrDefault(s => s.Priority > shipping.Priority) is not { } stopper)
            {
                continue;
            }

            findings.Add(options.Selection == SelectionPolicy.StrictPriority
                ? Finding(LintRule.HiddenByStop, LintSeverity.Warning, [shipping, stopper],
                    $"{shipping.Id} can never apply: {stopper.Id}, in a higher lane, applies to every cart and stops every lane below it.")
                : Finding(LintRule.HiddenByStop, LintSeverity.Info, [shipping, stopper],
                    $"{shipping.Id} applies only when it saves more than {stopper.Id}, which applies to every cart from a higher lane and stops every lane below it."));
        }
    }

    private static void UnreachableRegions(List<Promotion> promotions, List<LintFinding> findings)
    {
        // One region restriction alone is checked when it is made; two or more on the same region may still exclude
        // what another allows (US-CA or CA, then anywhere but CA).
        foreach (var promotion in promotions)
        {
            foreach (var group in promotion.Restrictions.OfType<RegionRestriction>().GroupBy(r => r.Of).Where(g => g.Count() > 1))
            {
                var restrictions = group.ToList();
                var candidates = RegionCandidates(restrictions);
                var dead = new List<Region>();
                var never = false;
                foreach (var restriction in restrictions.Where(r => !r.Allowed.IsEmpty))
                {
                    var reachable = restriction.Allowed.Where(a => candidates.Any(c => a.Contains(c) && restrictions.All(r => r.Admits(c)))).ToList();
                    never |= reachable.Count == 0;
                    dead.AddRange(restriction.Allowed.Except(reachable));
                }

                var whose = group.Key == RegionSource.Customer ? "customer's region" : "shipping address";
                if (never)
                {
                    findings.Add(Finding(LintRule.UnreachableRegion, LintSeverity.Error, [promotion],
                        $"{promotion.Id} can never apply: no {whose} meets all of its region restrictions ({string.Join("; ", restrictions)})."));
                }
                else if (dead.Count > 0)
                {
                    findings.Add(Finding(LintRule.UnreachableRegion, LintSeverity.Warning, [promotion],
                        $"{promotion.Id} allows {string.Join(", ", dead.Distinct())}, which its other region restrictions exclude entirely: remove the region or the exclusion."));
                }
            }
        }
    }

    private static void Windows(List<Promotion> promotions, List<LintFinding> findings)
    {
        foreach (var promotion in promotions)
        {
            var schedule = promotion.Schedule;
            if (schedule.Windows.IsEmpty)
            {
                continue;
            }

            // Only a schedule with a start can be too short for its windows: without one it has run for ever.
            if (schedule.StartInstant is { } start && schedule.NextRunning(start) is null)
            {
                findings.Add(Finding(LintRule.WindowNeverOpen, LintSeverity.Error, [promotion],
                    $"{promotion.Id} can never apply: none of its windows ({string.Join("; ", schedule.Windows)}) opens between its start and end ({schedule.Zone.Id})."));
            }

            for (var i = 0; i < schedule.Windows.Length; i++)
            {
                for (var j = i + 1; j < schedule.Windows.Length; j++)
                {
                    if (Overlap(schedule.Windows[i], schedule.Windows[j]))
                    {
                        findings.Add(Finding(LintRule.OverlappingWindows, LintSeverity.Warning, [promotion],
                            $"{promotion.Id} has windows that overlap: {schedule.Windows[i]} and {schedule.Windows[j]}. Merge them or fix the times."));
                    }
                }
            }
        }
    }

    /// <summary>Whether two windows share a local time: each is a set of spans of the week, Monday 00:00 first, a span
    /// that crosses midnight running into the next day (Sunday into Monday wraps around).</summary>
    private static bool Overlap(WeeklyWindow a, WeeklyWindow b)
    {
        var weekNanoseconds = NodaConstants.NanosecondsPerDay * 7;
        foreach (var (aStart, aEnd) in Spans(a))
        {
            foreach (var (bStart, bEnd) in Spans(b))
            {
                // Compare on a line of two weeks, so a span that wraps past Sunday midnight is met from either side.
                for (var shift = -weekNanoseconds; shift <= weekNanoseconds; shift += weekNanoseconds)
                {
                    if (aStart < bEnd + shift && bStart + shift < aEnd)
                    {
                        return true;
                    }
                }
            }
        }

        return false;

        static IEnumerable<(long Start, long End)> Spans(WeeklyWindow window)
        {
            foreach (var day in window.Days)
            {
                var dayStart = ((int)day - 1) * NodaConstants.NanosecondsPerDay;
                var start = dayStart + window.Start.NanosecondOfDay;
                var end = dayStart + window.End.NanosecondOfDay + (window.End <= window.Start ? NodaConstants.NanosecondsPerDay : 0);
                yield return (start, end);
            }
        }
    }

    /// <summary>Regions that stand for every case the restrictions tell apart: each region they name, each country
    /// they name with no subdivision and with one they do not name, and a country they do not name.</summary>
    private static List<Region> RegionCandidates(List<RegionRestriction> restrictions)
    {
        var named = restrictions.SelectMany(r => r.Allowed.Concat(r.Excluded)).Distinct().ToList();
        var candidates = new List<Region>(named);
        foreach (var country in named.Select(r => r.Country).Distinct(StringComparer.Ordinal))
        {
            candidates.Add(new Region(country));
            var other = Enumerable.Range(0, named.Count + 1).Select(i => "X" + i.ToString(CultureInfo.InvariantCulture))
                .First(s => !named.Contains(new Region(country, s)));
            candidates.Add(new Region(country, other));
        }

        var countries = named.Select(r => r.Country).ToHashSet(StringComparer.Ordinal);
        var fresh = Enumerable.Range(0, 26 * 26).Select(i => $"{(char)('A' + (i / 26))}{(char)('A' + (i % 26))}").First(c => !countries.Contains(c));
        candidates.Add(new Region(fresh));
        return candidates;
    }
}
