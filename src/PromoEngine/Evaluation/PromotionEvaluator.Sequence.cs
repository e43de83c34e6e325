using System;
using System.Collections.Generic;
using System.Linq;

namespace PromoEngine;

public sealed partial class PromotionEvaluator
{
    /// <summary>The most order (or shipping) promotions of one lane whose every order of application is tried.</summary>
    /// <remarks>Six give 720 orders, each a few roundings and allocations: well under a millisecond.</remarks>
    internal const int MaxExactSequence = 6;

    private sealed partial class Run
    {
        /// <summary>
        /// The order in which a lane's order (or shipping) promotions take their turn, each on what the ones before it
        /// left. Under strict priority: by id. Under "best for the shopper": the order that saves most in all, since
        /// the order matters (50 % then $45 off $80 leaves nothing; $45 then 50 % leaves 17.50, though $45 alone saves
        /// more). Every order is tried for up to <see cref="MaxExactSequence"/> promotions, ties going to the first
        /// found from "larger saving alone first, then smaller id"; beyond that, starting there, neighbours are
        /// swapped while a swap saves more, and the result says a fallback was used.
        /// </summary>
        /// <param name="promotions">The promotions of one class in one lane.</param>
        /// <param name="alone">What a promotion alone saves now.</param>
        /// <param name="saving">What a whole order of application saves, rounded exactly as applying it would.</param>
        private List<Promotion> Sequence(IEnumerable<Promotion> promotions, Func<Promotion, decimal> alone, Func<Promotion[], decimal> saving)
        {
            var start = OrderByAloneAmount(promotions, alone);
            if (start.Count < 2 || Options.Selection == SelectionPolicy.StrictPriority)
            {
                return start;
            }

            var best = start.ToArray();
            var bestSaving = saving(best);
            if (start.Count > MaxExactSequence)
            {
                _usedFallback = true;
                return ImproveBySwaps(best, bestSaving, saving);
            }

            var indices = Enumerable.Range(0, start.Count).ToArray();
            var trial = new Promotion[start.Count];
            while (NextPermutation(indices))
            {
                for (var i = 0; i < indices.Length; i++)
                {
                    trial[i] = start[indices[i]];
                }

                var trialSaving = saving(trial);
                if (trialSaving > bestSaving)
                {
                    bestSaving = trialSaving;
                    best = [.. trial];
                }
            }

            return [.. best];
        }

        private static List<Promotion> ImproveBySwaps(Promotion[] order, decimal saving, Func<Promotion[], decimal> savingOf)
        {
            // Each accepted swap saves strictly more, so this ends.
            bool improved;
            do
            {
                improved = false;
                for (var i = 0; i + 1 < order.Length; i++)
                {
                    (order[i], order[i + 1]) = (order[i + 1], order[i]);
                    var swapped = savingOf(order);
                    if (swapped > saving)
                    {
                        saving = swapped;
                        improved = true;
                    }
                    else
                    {
                        (order[i], order[i + 1]) = (order[i + 1], order[i]);
                    }
                }
            }
            while (improved);

            return [.. order];
        }

        /// <summary>The next permutation in lexicographic order; false after the last.</summary>
        private static bool NextPermutation(int[] items)
        {
            var i = items.Length - 2;
            while (i >= 0 && items[i] >= items[i + 1])
            {
                i--;
            }

            if (i < 0)
            {
                return false;
            }

            var j = items.Length - 1;
            while (items[j] <= items[i])
            {
                j--;
            }

            (items[i], items[j]) = (items[j], items[i]);
            Array.Reverse(items, i + 1, items.Length - i - 1);
            return true;
        }

        /// <summary>What order promotions save applied in this order: the same rounding and allocation over lines as
        /// <see cref="ApplyOrderPromotion"/>, on a copy of what is left of each line.</summary>
        private decimal OrderSequenceSaving(Promotion[] sequence)
        {
            var left = new Dictionary<int, decimal>();
            var total = 0m;
            foreach (var promotion in sequence)
            {
                var (original, quantity, lines) = Scope(promotion);
                var weights = new decimal[lines.Count];
                for (var i = 0; i < lines.Count; i++)
                {
                    weights[i] = left.TryGetValue(lines[i], out var w) ? w : left[lines[i]] = LineLeft(lines[i]);
                }

                var remaining = weights.Sum();
                var rounded = RoundDiscount(remaining, Capped(promotion, ((OrderDiscount)promotion.Discount).Amount(remaining, original, quantity)));
                if (rounded <= 0m)
                {
                    continue;
                }

                var shares = M(rounded).Allocate(weights);
                for (var i = 0; i < lines.Count; i++)
                {
                    left[lines[i]] -= shares[i].Amount;
                }

                total += rounded;
            }

            return total;
        }

        /// <summary>What shipping promotions save applied in this order, rounded as <see cref="ApplyShippingPromotion"/>
        /// rounds.</summary>
        private decimal ShippingSequenceSaving(Promotion[] sequence)
        {
            var left = _shippingRemaining;
            var total = 0m;
            foreach (var promotion in sequence)
            {
                var rounded = RoundDiscount(left, ShippingAmount(promotion, left));
                left -= rounded;
                total += rounded;
            }

            return total;
        }
    }
}
