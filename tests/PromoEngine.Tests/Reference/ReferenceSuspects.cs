using System;
using System.Collections.Generic;
using System.Linq;
using PromoEngine.Internal;

namespace PromoEngine.Tests.Reference;

/// <summary>The first reading of <c>LeaveOut.Suspects</c>, kept as it was written (stages as lists, lines as one array
/// per set, groups of rivals by <c>Connected.Groups</c>), for <c>LeaveOutProperties</c> to check the faster one against.</summary>
internal static class ReferenceSuspects
{
    /// <summary>The applied promotions of a combination that may cost the shopper, by priority then id.</summary>
    public static List<Promotion> Of(List<Promotion> scenario, EvaluationResult result, Func<Promotion, int[]> linesOf, int lineCount, Func<Promotion, int[]> measuredLinesOf)
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
    /// unlike the others (see <see cref="Of"/>).</summary>
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
