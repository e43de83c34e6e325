using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;

namespace PromoEngine;

public sealed partial class OrderRecord
{
    /// <summary>One return's arithmetic. Kept sets are per-line counts of kept units; the units a line keeps are the
    /// last of its unit order (<c>_order</c>) (the first go back first). Amounts are exact decimals in minor units
    /// of the cart's currency.</summary>
    /// <remarks>Implementation note: what the order pays for a kept set (<see cref="Values"/>) is a function of the set
    /// alone, and never rises when fewer units are kept; so every step's refund is the difference of two such values
    /// and any sequence of steps to the same set refunds the same. The same holds for each promotion's amount, so the
    /// ledger's give-backs compose too. Both are least values over the lattice of kept sets between the set and the
    /// whole order, each point evaluated once.</remarks>
    private sealed class Calculation
    {
        private readonly OrderRecord _record;
        private readonly ReturnPolicy _policy;
        private readonly ImmutableArray<CartLine> _lines;
        private readonly int[][] _order;               // per line: unit indexes, the first to go back first
        private readonly decimal[][] _paid;            // per line, per unit index: what it paid in the order
        private readonly decimal[][][] _adjustments;   // per promotion, per line, per unit index
        private readonly Promotion[] _promotions;      // the order's item and order promotions, as applied
        private readonly decimal _orderItems;          // what the order paid for its units
        private readonly Dictionary<string, (decimal Items, decimal[] Amounts, decimal[] Lines)> _evaluated = new(StringComparer.Ordinal);
        private readonly Currency _currency;

        public Calculation(OrderRecord record, ReturnPolicy policy)
        {
            _record = record;
            _policy = policy;
            _lines = record.Cart.Lines;
            _currency = record.Cart.Currency;
            _promotions = [.. record.Promotions.Where(p => p.Discount.Class != DiscountClass.Shipping)];
            _order = new int[_lines.Length][];
            _paid = new decimal[_lines.Length][];
            _adjustments = new decimal[_promotions.Length][][];
            for (var p = 0; p < _promotions.Length; p++)
            {
                _adjustments[p] = new decimal[_lines.Length][];
            }

            for (var i = 0; i < _lines.Length; i++)
            {
                var units = record.Result.Lines[i].Units;
                _paid[i] = [.. units.Select(u => u.Final.Amount)];
                _orderItems += _paid[i].Sum();
                // Re-evaluation: the units that paid most go back first, so the cap (never more than the returned units
                // paid) leaves the re-evaluation to decide; keeping discounts, the units that paid least, since what a
                // unit paid is its refund. Ties: the higher index first.
                _order[i] = policy == ReturnPolicy.ReEvaluate
                    ? [.. units.OrderByDescending(u => u.Final.Amount).ThenByDescending(u => u.Index).Select(u => u.Index)]
                    : [.. units.OrderBy(u => u.Final.Amount).ThenByDescending(u => u.Index).Select(u => u.Index)];
                for (var p = 0; p < _promotions.Length; p++)
                {
                    var id = _promotions[p].Id;
                    _adjustments[p][i] = [.. units.Select(u => u.Adjustments.Where(a => a.PromotionId == id).Sum(a => a.Amount.Amount))];
                }
            }
        }

        /// <summary>One return: from the units returned before to those returned after it.</summary>
        public ReturnResult Step(int[] returnedBefore, int[] returnedAfter, int[] returnedNow)
        {
            var keptBefore = KeptCounts(returnedBefore);
            var keptAfter = KeptCounts(returnedAfter);
            var before = State(keptBefore);
            var after = State(keptAfter);

            // The returned units, with what each paid before this return.
            var returned = new List<(int Line, int Index, decimal Paid)>();
            for (var i = 0; i < _lines.Length; i++)
            {
                for (var position = returnedBefore[i]; position < returnedAfter[i]; position++)
                {
                    var index = _order[i][position];
                    returned.Add((i, index, before.Units[(i, index)]));
                }
            }

            var refund = before.Kept - after.Kept;
            var paid = returned.Sum(r => r.Paid);
            var takenBack = Math.Max(0m, paid - refund);
            var keptRefund = Math.Max(0m, refund - paid);
            var unitTakeBacks = TakeBacks(takenBack, returned, before.Units, after.Units);
            var refunds = returned.Select((r, k) => new UnitRefund(_lines[r.Line].LineId, _lines[r.Line].Sku, r.Index, Money(r.Paid), Money(unitTakeBacks[k]))).ToImmutableArray();

            // Each promotion: its amount before and after (never more after), and its share of what is taken back.
            var given = new decimal[_promotions.Length];
            var amountsAfter = new decimal[_promotions.Length];
            for (var p = 0; p < _promotions.Length; p++)
            {
                amountsAfter[p] = Math.Min(after.Amounts[p], before.Amounts[p]);
                given[p] = before.Amounts[p] - amountsAfter[p];
            }

            // A promotion takes back what it no longer gives the units kept: what it gave less its part on the returned
            // units (as in the order) and less what it gives after.
            var lost = new decimal[_promotions.Length];
            for (var p = 0; p < _promotions.Length; p++)
            {
                lost[p] = Math.Max(0m, before.Amounts[p] - returned.Sum(r => _adjustments[p][r.Line][r.Index]) - amountsAfter[p]);
            }

            var promotionTakeBacks = lost.Any(l => l > 0m) ? Allocate(takenBack, lost)
                : given.Any(g => g > 0m) ? Allocate(takenBack, given)
                : Allocate(takenBack, [.. _promotions.Select((_, p) => _adjustments[p].Sum(line => line.Sum()))]);
            var promotions = _promotions.Select((promotion, p) =>
                new PromotionReturn(promotion.Id, promotion.Name, Money(before.Amounts[p]), Money(amountsAfter[p]), Money(promotionTakeBacks[p]))).ToImmutableArray();

            var kept = after.Units.OrderBy(u => u.Key.Line).ThenBy(u => u.Key.Index)
                .Select(u => new KeptUnit(_lines[u.Key.Line].LineId, u.Key.Index, Money(u.Value))).ToImmutableArray();
            return new ReturnResult(
                _record,
                _policy,
                Entries(returnedNow),
                Entries(returnedAfter),
                refunds,
                Money(keptRefund),
                kept,
                promotions,
                Money(after.Kept),
                before.Fallback || after.Fallback);
        }

        /// <summary>What is taken back from each returned unit: first from the units of the lines whose kept units now
        /// pay more (in proportion to how much more, never more than those units paid), the rest from every returned
        /// unit in proportion to what it has left.</summary>
        /// <remarks>Implementation note: what the kept units pay more, line by line, sums to what is taken back; so a
        /// buy-one-get-one sock returned with a mug has the sock's take-back taken from the sock, not from the mug.</remarks>
        private decimal[] TakeBacks(
            decimal takenBack,
            List<(int Line, int Index, decimal Paid)> returned,
            Dictionary<(int Line, int Index), decimal> before,
            Dictionary<(int Line, int Index), decimal> after)
        {
            if (takenBack <= 0m)
            {
                return new decimal[returned.Count];
            }

            var more = new decimal[_lines.Length];
            foreach (var (unit, now) in after)
            {
                more[unit.Line] += now - before[unit];
            }

            return Spread(takenBack, [.. returned.Select(r => r.Line)], [.. returned.Select(r => r.Paid)], more);
        }

        /// <summary>Spreads an amount over items, each taking at most its capacity: first over groups (lines) in
        /// proportion to their positive weights, each group at most its items' capacity, and within a group in proportion
        /// to capacity; what no group takes, over every item in proportion to the capacity it has left. The amount must be
        /// at most the total capacity.</summary>
        private decimal[] Spread(decimal amount, int[] groupOf, decimal[] capacity, decimal[] groupWeights)
        {
            var result = new decimal[capacity.Length];
            var byGroup = Allocate(amount, [.. groupWeights.Select(w => Math.Max(0m, w))]);
            var overflow = amount - byGroup.Sum();
            for (var g = 0; g < groupWeights.Length; g++)
            {
                var items = Enumerable.Range(0, capacity.Length).Where(k => groupOf[k] == g).ToArray();
                var share = Math.Min(byGroup[g], items.Sum(k => capacity[k]));
                overflow += byGroup[g] - share;
                var parts = Allocate(share, [.. items.Select(k => capacity[k])]);
                for (var k = 0; k < items.Length; k++)
                {
                    result[items[k]] = parts[k];
                }
            }

            var rest = Allocate(overflow, [.. capacity.Select((c, k) => c - result[k])]);
            for (var k = 0; k < result.Length; k++)
            {
                result[k] += rest[k];
            }

            return result;
        }

        /// <summary>What the order pays for a kept set, each promotion's amount on it, and what each kept unit pays.</summary>
        private (decimal Kept, decimal[] Amounts, Dictionary<(int Line, int Index), decimal> Units, bool Fallback) State(int[] kept)
        {
            var (total, amounts, fallback) = Values(kept);
            var units = new Dictionary<(int Line, int Index), decimal>();
            var keptUnits = new List<(int Line, int Index)>();
            for (var i = 0; i < _lines.Length; i++)
            {
                for (var position = _lines[i].Quantity - kept[i]; position < _lines[i].Quantity; position++)
                {
                    keptUnits.Add((i, _order[i][position]));
                }
            }

            // What the kept units pay more than in the order goes first to the lines that pay more when evaluated again,
            // and over a line's units by the discount each had, so none pays more than its price (the extra is never
            // more than their discounts: see Values).
            var extra = total - keptUnits.Sum(u => _paid[u.Line][u.Index]);
            var more = new decimal[_lines.Length];
            if (extra > 0m && !fallback && _policy == ReturnPolicy.ReEvaluate && kept.Select((k, i) => k < _lines[i].Quantity).Any(x => x))
            {
                var lineFinals = Evaluate(kept).Lines;
                for (var i = 0; i < _lines.Length; i++)
                {
                    more[i] = lineFinals[i] - Paid(kept, i);
                }
            }

            var shares = extra <= 0m ? new decimal[keptUnits.Count]
                : Spread(extra, [.. keptUnits.Select(u => u.Line)], [.. keptUnits.Select(u => _lines[u.Line].UnitPrice.Amount - _paid[u.Line][u.Index])], more);
            for (var k = 0; k < keptUnits.Count; k++)
            {
                units[keptUnits[k]] = _paid[keptUnits[k].Line][keptUnits[k].Index] + shares[k];
            }

            return (total, amounts, units, fallback);
        }

        /// <summary>What the order pays for a kept set and each promotion's amount on it: the least over every kept set
        /// between it and the whole order of what that set pays (its re-evaluation, but never less than its units paid
        /// in the order) and of each promotion's amount there.</summary>
        private (decimal Kept, decimal[] Amounts, bool Fallback) Values(int[] kept)
        {
            if (kept.All(k => k == 0))
            {
                return (0m, new decimal[_promotions.Length], false);
            }

            var radix = new int[_lines.Length];
            var size = 1L;
            for (var i = 0; i < _lines.Length; i++)
            {
                radix[i] = _lines[i].Quantity - kept[i] + 1;
                size = Math.Min(size * radix[i], MaxEvaluations + 1L);
            }

            if (_policy == ReturnPolicy.KeepDiscounts || size > MaxEvaluations)
            {
                var amounts = new decimal[_promotions.Length];
                for (var p = 0; p < _promotions.Length; p++)
                {
                    amounts[p] = Adjustments(p, kept);
                }

                return (Paid(kept), amounts, _policy == ReturnPolicy.ReEvaluate);
            }

            // Points of the lattice in mixed radix (digit i: units of line i kept beyond the set); a point's supersets
            // one unit larger have higher indexes, so one pass from the top settles the least values.
            var points = (int)size;
            var stride = new int[_lines.Length];
            for (int i = 0, s = 1; i < _lines.Length; s *= radix[i], i++)
            {
                stride[i] = s;
            }

            var least = new decimal[points];
            var leastAmounts = new decimal[points][];
            var counts = new int[_lines.Length];
            for (var index = points - 1; index >= 0; index--)
            {
                for (int i = 0, rest = index; i < _lines.Length; rest /= radix[i], i++)
                {
                    counts[i] = kept[i] + (rest % radix[i]);
                }

                (least[index], leastAmounts[index]) = Point(counts);
                for (var i = 0; i < _lines.Length; i++)
                {
                    if (counts[i] < _lines[i].Quantity)
                    {
                        var above = index + stride[i];
                        least[index] = Math.Min(least[index], least[above]);
                        for (var p = 0; p < _promotions.Length; p++)
                        {
                            leastAmounts[index][p] = Math.Min(leastAmounts[index][p], leastAmounts[above][p]);
                        }
                    }
                }
            }

            return (least[0], leastAmounts[0], false);
        }

        /// <summary>One kept set on its own: what it pays (its re-evaluation, never less than its units paid in the
        /// order; the whole order pays what it paid) and each promotion's amount on it (what the re-evaluation gives
        /// when that is what the set pays, otherwise what the promotion gave its units in the order).</summary>
        private (decimal Kept, decimal[] Amounts) Point(int[] counts)
        {
            var amounts = new decimal[_promotions.Length];
            for (var p = 0; p < _promotions.Length; p++)
            {
                amounts[p] = Adjustments(p, counts);
            }

            var paid = Paid(counts);
            if (counts.Select((c, i) => c == _lines[i].Quantity).All(x => x))
            {
                return (_orderItems, amounts);
            }

            var (items, reevaluated, _) = Evaluate(counts);
            if (items <= paid)
            {
                return (paid, amounts);
            }

            // Evaluated again, the set pays more than its units paid: each promotion gives it what the re-evaluation says.
            return (items, reevaluated);
        }

        /// <summary>The kept cart evaluated again with the order's promotions, at the order's instant: what its lines
        /// pay, each promotion's amount on them, and what each of the order's lines pays (zero for a line kept whole
        /// back).</summary>
        private (decimal Items, decimal[] Amounts, decimal[] Lines) Evaluate(int[] counts)
        {
            var key = string.Join(',', counts);
            if (_evaluated.TryGetValue(key, out var known))
            {
                return known;
            }

            var cart = _record.Cart;
            var lines = new List<CartLine>();
            for (var i = 0; i < _lines.Length; i++)
            {
                var line = _lines[i];
                if (counts[i] > 0)
                {
                    lines.Add(counts[i] == line.Quantity ? line
                        : new CartLine(line.LineId, line.Sku, line.UnitPrice, counts[i], line.Categories, line.Tags, line.Brand, line.Attributes));
                }
            }

            var keptCart = new Cart(cart.Currency, lines, cart.Customer, cart.Shipping, cart.Channel, cart.ShippingRegion).WithShippingMethod(cart.ShippingMethod);
            var codes = _record.Result.Applied.Where(a => a.Code is not null && a.Class != DiscountClass.Shipping).Select(a => a.Code!);
            var result = _record._reevaluator.Value.Evaluate(keptCart, codes, _record.Result.At);
            var amounts = new decimal[_promotions.Length];
            for (var p = 0; p < _promotions.Length; p++)
            {
                var id = _promotions[p].Id;
                amounts[p] = result.Lines.Sum(l => l.Adjustments.Where(a => a.PromotionId == id).Sum(a => a.Amount.Amount));
            }

            var finals = new decimal[_lines.Length];
            for (int i = 0, k = 0; i < _lines.Length; i++)
            {
                // The kept cart holds the order's lines with units kept, in the order's order.
                finals[i] = counts[i] > 0 ? result.Lines[k++].Final.Amount : 0m;
            }

            var value = (result.Lines.Sum(l => l.Final.Amount), amounts, finals);
            _evaluated[key] = value;
            return value;
        }

        private decimal Paid(int[] counts) => Enumerable.Range(0, _lines.Length).Sum(i => Paid(counts, i));

        private decimal Paid(int[] counts, int line)
        {
            var sum = 0m;
            for (var position = _lines[line].Quantity - counts[line]; position < _lines[line].Quantity; position++)
            {
                sum += _paid[line][_order[line][position]];
            }

            return sum;
        }

        private decimal Adjustments(int promotion, int[] counts)
        {
            var sum = 0m;
            for (var i = 0; i < _lines.Length; i++)
            {
                for (var position = _lines[i].Quantity - counts[i]; position < _lines[i].Quantity; position++)
                {
                    sum += _adjustments[promotion][i][_order[i][position]];
                }
            }

            return sum;
        }

        private int[] KeptCounts(int[] returned) => [.. returned.Select((r, i) => _lines[i].Quantity - r)];

        private ImmutableArray<ReturnedUnits> Entries(int[] counts) =>
            [.. counts.Select((c, i) => (c, i)).Where(x => x.c > 0).Select(x => new ReturnedUnits(_lines[x.i].LineId, x.c))];

        /// <summary>An amount spread over weights by largest remainder, in minor units (nothing when it is zero or every
        /// weight is).</summary>
        private decimal[] Allocate(decimal amount, decimal[] weights)
        {
            var result = new decimal[weights.Length];
            if (amount <= 0m || weights.Length == 0 || weights.All(w => w <= 0m))
            {
                return result;
            }

            var parts = Money(amount).Allocate(weights);
            for (var k = 0; k < parts.Length; k++)
            {
                result[k] = parts[k].Amount;
            }

            return result;
        }

        private Money Money(decimal amount) => new(amount, _currency);
    }
}
