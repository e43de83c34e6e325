using System;
using System.Collections.Generic;
using System.Linq;
using PromoEngine.Internal;

namespace PromoEngine;

public sealed partial class PromotionEvaluator
{
    /// <summary>The most order (or shipping) promotions of one lane whose every order of application is tried.</summary>
    /// <remarks>Six give 720 orders, each a few roundings and allocations: well under a millisecond. Uncapped
    /// percentages keep their order among themselves, so a group may hold more of them (see
    /// <see cref="MaxExactOrders"/>).</remarks>
    internal const int MaxExactSequence = 6;

    /// <summary>The most orders of application of one group that are tried one by one: every order of
    /// <see cref="MaxExactSequence"/> promotions.</summary>
    internal const int MaxExactOrders = 720;

    private sealed partial class Run
    {
        /// <summary>
        /// The order in which a lane's order (or shipping) promotions take their turn, each on what the ones before it
        /// left. Under strict priority: by id. Under "best for the shopper": the order that saves most in all, since
        /// the order matters (50 % then $45 off $80 leaves nothing; $45 then 50 % leaves 17.50, though $45 alone saves
        /// more).
        /// </summary>
        /// <remarks>
        /// <para>Promotions that save nothing now would save nothing later either (what is left only falls): they go
        /// last. The others are split into groups that share no line (shipping is one group); a group's order does
        /// not touch another's. In each group, from "larger saving alone first, then smaller id", every order is
        /// tried while there are at most <see cref="MaxExactOrders"/>, ties going to the first found; beyond that,
        /// neighbours are swapped while a swap saves more, and the result says a fallback was used. A group whose
        /// order already takes everything left of its lines stops there.</para>
        /// <para>Uncapped percentages (<see cref="Commutes"/>) keep that starting order among themselves: their exact
        /// amounts are the same in any order, and only where a rounded minor unit falls could tell two of their orders
        /// apart (20 % then 70 % off 62.72 leaves 15.05; 70 % then 20 % leaves 15.06). So a group of them alone is not
        /// searched, and only the places of the other promotions among them are: a $10 off among thirty percentages is
        /// 31 orders, not 31!.</para>
        /// </remarks>
        /// <param name="promotions">The promotions of one class in one lane.</param>
        /// <param name="alone">What a promotion alone saves now.</param>
        /// <param name="saving">What an order of application saves, rounded exactly as applying it would.</param>
        /// <param name="linesOf">The lines a promotion works on; <see langword="null"/> for shipping.</param>
        private List<Promotion> Sequence(
            IEnumerable<Promotion> promotions, Func<Promotion, decimal> alone, Func<Promotion[], decimal> saving, Func<Promotion, int[]>? linesOf)
        {
            if (Options.Selection == SelectionPolicy.StrictPriority)
            {
                return [.. promotions]; // a lane comes in id order
            }

            if (promotions is List<Promotion> { Count: < 2 } few)
            {
                // Nothing to order: one promotion goes alone (active or idle), and its amount alone is not needed.
                return few;
            }

            // Larger saving alone first, then by id (then as given, as a stable sort would); those that save nothing
            // come last, so the active ones are the first.
            var start = new List<(Promotion Promotion, decimal Alone, int Index)>(promotions is List<Promotion> list ? list.Count : 4);
            foreach (var promotion in promotions)
            {
                start.Add((promotion, alone(promotion), start.Count));
            }

            // Implementation note: often already so (promotions that save alike come in id order): then not sorted.
            // Otherwise the active ones and the others are sorted apart (every active one comes first), the others
            // most often in order already: a lane's many promotions that save nothing now are not sorted.
            var activeCount = 0;
            if (!InOrder(start, 0, start.Count))
            {
                activeCount = PartitionActive(start);
                if (!InOrder(start, 0, activeCount))
                {
                    start.Sort(0, activeCount, StartComparer);
                }

                if (!InOrder(start, activeCount, start.Count - activeCount))
                {
                    start.Sort(activeCount, start.Count - activeCount, StartComparer);
                }
            }

            while (activeCount < start.Count && start[activeCount].Alone > 0m)
            {
                activeCount++;
            }

            var active = new List<Promotion>(activeCount);
            for (var i = 0; i < activeCount; i++)
            {
                active.Add(start[i].Promotion);
            }

            var ordered = new List<Promotion>(start.Count);
            foreach (var group in linesOf is null ? [active] : Connected.Groups(active, linesOf))
            {
                if (group.Count < 2)
                {
                    ordered.AddRange(group);
                    continue;
                }

                ordered.AddRange(BestOrder(group, saving, linesOf));
            }

            for (var i = activeCount; i < start.Count; i++)
            {
                ordered.Add(start[i].Promotion);
            }

            return ordered;
        }

        /// <summary>Larger saving alone first, then by id, then as given (a total order).</summary>
        private static readonly Comparison<(Promotion Promotion, decimal Alone, int Index)> StartOrder = static (a, b) =>
        {
            var byAlone = b.Alone.CompareTo(a.Alone);
            var byId = byAlone != 0 ? byAlone : Promotion.CompareIds(a.Promotion, b.Promotion);
            return byId != 0 ? byId : a.Index.CompareTo(b.Index);
        };

        /// <summary><see cref="StartOrder"/> as a comparer, for sorting part of a list.</summary>
        private static readonly IComparer<(Promotion Promotion, decimal Alone, int Index)> StartComparer =
            Comparer<(Promotion Promotion, decimal Alone, int Index)>.Create(StartOrder);

        /// <summary>Whether each promotion of a range already comes before the next in <see cref="StartOrder"/>.</summary>
        private static bool InOrder(List<(Promotion Promotion, decimal Alone, int Index)> start, int from, int count)
        {
            for (var i = from + 1; i < from + count; i++)
            {
                if (StartOrder(start[i - 1], start[i]) > 0)
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>Moves the promotions that save something alone before the others, each kept in the order given;
        /// returns how many save something.</summary>
        private static int PartitionActive(List<(Promotion Promotion, decimal Alone, int Index)> start)
        {
            var others = new List<(Promotion Promotion, decimal Alone, int Index)>(start.Count);
            var active = 0;
            for (var i = 0; i < start.Count; i++)
            {
                var entry = start[i];
                if (entry.Alone > 0m)
                {
                    start[active++] = entry;
                }
                else
                {
                    others.Add(entry);
                }
            }

            for (var i = 0; i < others.Count; i++)
            {
                start[active + i] = others[i];
            }

            return active;
        }

        /// <summary>What is left of the lines a group of promotions works on, each line counted once, summed in the order
        /// the lines first appear.</summary>
        private decimal LeftOfLines(List<Promotion> group, Func<Promotion, int[]> linesOf)
        {
            var seen = new HashSet<int>();
            var left = 0m;
            foreach (var promotion in group)
            {
                foreach (var line in linesOf(promotion))
                {
                    if (seen.Add(line))
                    {
                        left += LineLeft(line);
                    }
                }
            }

            return left;
        }

        /// <summary>Whether a promotion takes the same share of whatever is left when its turn comes, so that the exact
        /// amounts of such promotions are the same in any order: an uncapped (and unbudgeted) percentage off the order or
        /// shipping, or tiers of percentages only (a tier is reached on prices before discounts).</summary>
        internal static bool Commutes(Promotion promotion) => promotion.MaxDiscount is null && promotion.Discount.TakesSameShare;

        /// <summary>The order of one group that saves most, searched from the order given, with the promotions that
        /// <see cref="Commutes"/> kept in that order among themselves.</summary>
        /// <param name="start">The group, larger saving alone first.</param>
        /// <param name="saving">What an order saves.</param>
        /// <param name="linesOf">The lines a promotion works on (<see langword="null"/> for shipping): the most the group
        /// could save is all that is left of them (or of shipping), worked out only when some order is searched (a group
        /// of promotions that all commute is not).</param>
        private List<Promotion> BestOrder(List<Promotion> start, Func<Promotion[], decimal> saving, Func<Promotion, int[]>? linesOf)
        {
            // A label a place: 0 for each promotion that commutes (they take the 0s in the starting order), 1, 2...
            // for the others; every distinct arrangement of the labels is one order to try.
            var labels = new int[start.Count];
            var commuting = new List<Promotion>(start.Count);
            var others = new List<Promotion>();
            foreach (var promotion in start)
            {
                if (Commutes(promotion))
                {
                    commuting.Add(promotion);
                }
                else
                {
                    others.Add(promotion);
                }
            }

            if (others.Count == 0)
            {
                return start;
            }

            var most = linesOf is null ? _shippingRemaining : LeftOfLines(start, linesOf);
            var best = start.ToArray();
            var bestSaving = saving(best);
            if (bestSaving >= most)
            {
                return start;
            }

            if (Orders(commuting.Count, others.Count) > MaxExactOrders)
            {
                _usedFallback = true;
                return ImproveBySwaps(best, bestSaving, saving);
            }

            for (var i = 0; i < others.Count; i++)
            {
                labels[commuting.Count + i] = i + 1;
            }

            var trial = new Promotion[start.Count];
            do
            {
                var next = 0;
                for (var i = 0; i < labels.Length; i++)
                {
                    trial[i] = labels[i] == 0 ? commuting[next++] : others[labels[i] - 1];
                }

                var trialSaving = saving(trial);
                if (trialSaving > bestSaving)
                {
                    bestSaving = trialSaving;
                    best = [.. trial];
                }
            }
            while (bestSaving < most && NextPermutation(labels));

            return [.. best];
        }

        /// <summary>How many orders keep <paramref name="commuting"/> promotions in one order among themselves and place
        /// <paramref name="others"/> anywhere: (c + o)! / c!, counted only up to just past <see cref="MaxExactOrders"/>.</summary>
        private static int Orders(int commuting, int others)
        {
            var orders = 1;
            for (var n = commuting + 1; n <= commuting + others && orders <= MaxExactOrders; n++)
            {
                orders *= n;
            }

            return orders;
        }

        private static List<Promotion> ImproveBySwaps(Promotion[] order, decimal saving, Func<Promotion[], decimal> savingOf)
        {
            // Each accepted swap saves strictly more, so this ends. Two promotions that commute keep their order.
            bool improved;
            do
            {
                improved = false;
                for (var i = 0; i + 1 < order.Length; i++)
                {
                    if (Commutes(order[i]) && Commutes(order[i + 1]))
                    {
                        continue;
                    }

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

        /// <summary>The next permutation in lexicographic order (repeated items give each distinct arrangement once);
        /// false after the last.</summary>
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

        /// <summary>What order promotions save applied in this order: the same rounding and allocation over items as
        /// <see cref="ApplyOrderPromotion"/>, on a copy of what is left of each line.</summary>
        private decimal OrderSequenceSaving(Promotion[] sequence)
        {
            var left = new Dictionary<int, decimal>(); // by item
            var total = 0m;
            foreach (var promotion in sequence)
            {
                var (original, quantity, lines) = Scope(promotion);
                var items = Pool.ByItem(lines);
                var weights = new decimal[items.Count];
                for (var i = 0; i < items.Count; i++)
                {
                    var item = Pool.ItemOf[items[i][0]];
                    weights[i] = left.TryGetValue(item, out var w) ? w : left[item] = ItemLeft(items[i]);
                }

                var remaining = weights.Sum();
                var rounded = RoundDiscount(remaining, Capped(promotion, ((OrderDiscount)promotion.Discount).Amount(remaining, original, quantity)));
                if (rounded <= 0m)
                {
                    continue;
                }

                var shares = Spread(rounded, weights);
                for (var i = 0; i < items.Count; i++)
                {
                    left[Pool.ItemOf[items[i][0]]] -= shares[i].Amount;
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
