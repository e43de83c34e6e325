using System;
using System.Collections.Generic;
using System.Linq;
using PromoEngine.Internal;

namespace PromoEngine;

/// <summary>
/// Under "best for the shopper": the promotions of a chosen combination whose presence may cost the shopper, and the
/// search for the cheapest combination without some of them.
/// </summary>
/// <remarks>
/// <para>Lanes apply one after another, so a promotion changes the prices every later stage sees. That helps the
/// shopper, except through a promotion that moves value between units: a fixed price for a set, a buy-X-get-Y (which
/// unit is free), a capped discount or an amount spread over lines. Take a $100 shirt and a $100 hat, "2 for $100" in
/// a lane below "10 % off hats", and "50 % off hats" in the lowest lane. Without the 10 %, the set price gives 50 and
/// 50, and the hat ends at 25: 75 in all. With it, the hat is 90 when the set price is spread, so the shirt takes
/// 52.63 and the hat 47.37, which ends at 23.68: 76.32. The 10 % costs the shopper 1.32.</para>
/// <para>Stages: lanes from the highest priority down; inside a lane items, then order. A promotion is suspect when, on
/// lines it can reach, a later stage has a promotion that does not treat every item alike (anything but an order
/// discount on all items or an uncapped percentage off all items), and either the suspect moves value itself, or a promotion that moves value shares its
/// lines in a stage between them, or the suspect competes for units with other item promotions of its lane: taking
/// units, it changes which units the others take (on every line of the item promotions linked to it by shared lines),
/// and the lane's best is not always the order's best when an order discount on some items follows (a buy-X-get-Y
/// saving on items that "100 % off" makes free anyway, instead of on items it does not). Every combination the evaluator
/// considered (groups, exclusives, classes) is searched so: up to <see cref="MaxSuspects"/> suspects each, every subset
/// of them is tried without, and the cheapest total over all wins (ties: the earlier combination, then fewer left
/// out). A combination with more suspects, or past <see cref="MaxEvaluations"/> evaluations in all, is not searched,
/// and the result says a fallback was used. Each combination tried is then searched the same way, breadth first, while
/// the evaluations last (leaving one promotion out may let another apply that costs the shopper too); running out
/// there is not called a fallback, as the combinations the evaluator considered were all searched. Shipping promotions are never suspect: shipping is one amount, and
/// discounting it earlier never makes a later shipping discount leave more to pay.</para>
/// <para>A promotion with a shipping part (<see cref="Discount.ShippingPart"/>) that did not apply makes the applied
/// promotions sharing its lines suspect: the lanes choose by item and order savings alone.</para>
/// </remarks>
internal static class LeaveOut
{
    /// <summary>The most suspects of one combination whose every subset is tried (15 more evaluations).</summary>
    public const int MaxSuspects = 4;

    /// <summary>The most evaluations spent leaving promotions out, over all the combinations of one cart.</summary>
    public const int MaxEvaluations = 32;

    /// <summary>A combination's identity: its promotions' ids, sorted.</summary>
    public static string Key(List<Promotion> combination) =>
        string.Join("\n", combination.Select(p => p.Id.Value).Order(System.StringComparer.Ordinal));

    /// <summary>The applied promotions of a combination that may cost the shopper, by priority then id.</summary>
    /// <param name="scenario">The combination.</param>
    /// <param name="result">Its evaluation.</param>
    /// <param name="linesOf">The cart lines a promotion can use (to qualify or to discount).</param>
    /// <param name="lineCount">How many lines the cart has.</param>
    /// <param name="measuredLinesOf">The cart lines whose amounts a promotion measures after higher lanes (see
    /// <see cref="ThresholdBasis.AfterHigherLanes"/>): an applied promotion of a higher lane that touches them is a
    /// suspect too, since it may keep that promotion from reaching its threshold.</param>
    /// <remarks>What lies after each stage is summed up once, from the last stage back, as sets of lines: a promotion
    /// can only reach the lines it touches, and through them the promotions that share them.</remarks>
    public static List<Promotion> Suspects(List<Promotion> scenario, EvaluationResult result, Func<Promotion, int[]> linesOf, int lineCount, Func<Promotion, int[]> measuredLinesOf)
    {
        var suspects = ValueSuspects(scenario, result, linesOf, lineCount);
        HashSet<PromotionId>? applied = null; // made for the first promotion that measures a threshold after higher lanes
        foreach (var measuring in scenario)
        {
            if (measuredLinesOf(measuring) is not { Length: > 0 } measured)
            {
                continue;
            }

            applied ??= result.Applied.Select(a => a.PromotionId).ToHashSet();
            var lines = LineSet.Of(measured, lineCount);
            foreach (var promotion in scenario)
            {
                if (promotion.Priority > measuring.Priority && promotion.Discount.Class != DiscountClass.Shipping
                    && applied.Contains(promotion.Id) && !suspects.Contains(promotion)
                    && LineSet.Of(linesOf(promotion), lineCount).Overlaps(lines))
                {
                    suspects.Add(promotion);
                }
            }
        }

        // A promotion with a shipping part that did not apply: the lanes choose by what promotions save on items and the
        // order, so the applied promotions that share its lines may have cost the shopper its shipping part.
        foreach (var blocked in scenario)
        {
            if (blocked.Discount.ShippingPart(0m) is null)
            {
                continue;
            }

            applied ??= result.Applied.Select(a => a.PromotionId).ToHashSet();
            if (applied.Contains(blocked.Id))
            {
                continue;
            }

            var lines = LineSet.Of(linesOf(blocked), lineCount);
            foreach (var promotion in scenario)
            {
                if (promotion != blocked && promotion.Discount.Class != DiscountClass.Shipping && applied.Contains(promotion.Id)
                    && !suspects.Contains(promotion) && LineSet.Of(linesOf(promotion), lineCount).Overlaps(lines))
                {
                    suspects.Add(promotion);
                }
            }
        }

        return suspects.Count == 0 ? suspects : [.. suspects.OrderByDescending(p => p.Priority).ThenBy(p => p.Id)];
    }

    /// <summary>The applied promotions that may cost the shopper by moving value onto lines a later promotion treats
    /// unlike the others (see <see cref="Suspects"/>).</summary>
    private static List<Promotion> ValueSuspects(List<Promotion> scenario, EvaluationResult result, Func<Promotion, int[]> linesOf, int lineCount)
    {
        // Lanes, highest priority first; one lane without order promotions has one stage, where nothing comes after.
        var priorities = new List<int>();
        var hasOrder = false;
        foreach (var promotion in scenario)
        {
            if (promotion.Discount.Class != DiscountClass.Shipping && !priorities.Contains(promotion.Priority))
            {
                priorities.Add(promotion.Priority);
            }

            hasOrder |= promotion.Discount.Class == DiscountClass.Order;
        }

        if (priorities.Count == 0 || (priorities.Count == 1 && !hasOrder) || result.Applied.Length == 0)
        {
            return [];
        }

        priorities.Sort((a, b) => b.CompareTo(a));
        var laneIndex = new Dictionary<int, int>(priorities.Count);
        foreach (var priority in priorities)
        {
            laneIndex[priority] = laneIndex.Count;
        }

        int Stage(Promotion p) => (2 * laneIndex[p.Priority]) + (p.Discount.Class == DiscountClass.Order ? 1 : 0);

        // Only promotions that reach a line of this cart matter; each is placed in its stage once.
        var stages = 2 * priorities.Count;
        var byStage = new List<(Promotion Promotion, int[] Indices, LineSet Lines)>[stages];
        for (var s = 0; s < stages; s++)
        {
            byStage[s] = [];
        }

        foreach (var promotion in scenario)
        {
            if (promotion.Discount.Class != DiscountClass.Shipping && linesOf(promotion) is { Length: > 0 } indices)
            {
                byStage[Stage(promotion)].Add((promotion, indices, LineSet.Of(indices, lineCount)));
            }
        }

        // sensitiveAfter[s]: the lines of promotions after stage s that do not treat all items alike.
        var sensitiveAfter = new LineSet[stages];
        sensitiveAfter[stages - 1] = LineSet.Empty(lineCount);
        for (var s = stages - 2; s >= 0; s--)
        {
            sensitiveAfter[s] = sensitiveAfter[s + 1].Copy();
            foreach (var (promotion, _, lines) in byStage[s + 1])
            {
                if (!TreatsAllAlike(promotion))
                {
                    sensitiveAfter[s].UnionWith(lines);
                }
            }
        }

        if (sensitiveAfter[0].IsEmpty)
        {
            return []; // nothing later can be hurt
        }

        // moversAfter[s]: the lines of promotions after stage s that move value onto lines a later sensitive one uses.
        var moversAfter = new LineSet[stages];
        moversAfter[stages - 1] = LineSet.Empty(lineCount);
        for (var s = stages - 2; s >= 0; s--)
        {
            moversAfter[s] = moversAfter[s + 1].Copy();
            foreach (var (promotion, _, lines) in byStage[s + 1])
            {
                if (MovesValue(promotion) && lines.Overlaps(sensitiveAfter[s + 1]))
                {
                    moversAfter[s].UnionWith(lines);
                }
            }
        }

        var applied = result.Applied.Select(a => a.PromotionId).ToHashSet();
        var suspects = new List<Promotion>();
        for (var stage = 0; stage < stages; stage++)
        {
            var appliedHere = byStage[stage].Where(x => applied.Contains(x.Promotion.Id)).ToList();
            if (appliedHere.Count == 0)
            {
                continue;
            }

            // Competing for units in its own lane, an item promotion changes which units the others take: the lines
            // of every item promotion linked to it by shared lines (its rivals) may end up priced otherwise.
            var rivalry = new Dictionary<Promotion, LineSet>();
            if (stage % 2 == 0 && byStage[stage].Count > 1)
            {
                foreach (var rivals in Connected.Groups(byStage[stage], x => x.Indices).Where(g => g.Count > 1))
                {
                    var zone = LineSet.Empty(lineCount);
                    rivals.ForEach(r => zone.UnionWith(r.Lines));
                    rivals.ForEach(r => rivalry[r.Promotion] = zone);
                }
            }

            foreach (var (promotion, _, lines) in appliedHere)
            {
                // A promotion that itself moves value between units (a set price, a capped or spread amount) changes
                // which units a later sensitive promotion prefers: $45 off a hat can make it the cheapest "get" item of
                // a buy-X-get-Y below, which then finds no unit left to buy.
                if (lines.Overlaps(moversAfter[stage])
                    || (MovesValue(promotion) && lines.Overlaps(sensitiveAfter[stage]))
                    || (rivalry.TryGetValue(promotion, out var zone) && zone.Overlaps(sensitiveAfter[stage])))
                {
                    suspects.Add(promotion);
                }
            }
        }

        return suspects;
    }

    /// <summary>Every non-empty subset of the suspects, fewer first, each as the combination without it.</summary>
    public static IEnumerable<List<Promotion>> Without(List<Promotion> scenario, List<Promotion> suspects)
    {
        var count = suspects.Count;
        return Enumerable.Range(1, (1 << count) - 1)
            .OrderBy(mask => System.Numerics.BitOperations.PopCount((uint)mask))
            .ThenBy(mask => mask)
            .Select(mask =>
            {
                var dropped = suspects.Where((_, i) => (mask & (1 << i)) != 0).ToHashSet();
                return scenario.Where(p => !dropped.Contains(p)).ToList();
            });
    }

    /// <summary>Whether a promotion can lower one unit's price by raising another's share: a set price, a choice of
    /// which unit is free, a cap, or an amount spread over lines.</summary>
    private static bool MovesValue(Promotion promotion) => promotion.MaxDiscount is not null || promotion.Discount.MovesValue;

    /// <summary>Whether what a promotion saves depends only on the sum of what is left of every item.</summary>
    private static bool TreatsAllAlike(Promotion promotion) =>
        promotion.QualifyingItems.IsAll
        && promotion.Discount.DependsOnlyOnTotal(capped: promotion.MaxDiscount is not null);

    /// <summary>A set of cart lines as bits.</summary>
    private readonly struct LineSet
    {
        private readonly ulong[] _bits;

        private LineSet(ulong[] bits) => _bits = bits;

        public static LineSet Empty(int lineCount) => new(new ulong[(lineCount + 63) / 64]);

        public static LineSet Of(int[] lines, int lineCount)
        {
            var set = Empty(lineCount);
            foreach (var line in lines)
            {
                set._bits[line / 64] |= 1UL << (line % 64);
            }

            return set;
        }

        public bool IsEmpty => Array.TrueForAll(_bits, b => b == 0);

        public LineSet Copy() => new((ulong[])_bits.Clone());

        public void UnionWith(LineSet other)
        {
            for (var i = 0; i < _bits.Length; i++)
            {
                _bits[i] |= other._bits[i];
            }
        }

        public bool Overlaps(LineSet other)
        {
            for (var i = 0; i < _bits.Length; i++)
            {
                if ((_bits[i] & other._bits[i]) != 0)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
