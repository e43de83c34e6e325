using System;
using System.Collections.Generic;
using System.Linq;

namespace PromoEngine.Tests.Reference;

/// <summary>
/// The best exact saving of one lane of item promotions on a fresh cart, computed with the reference's own arithmetic
/// (<see cref="RefItemDiscount.Propose"/>, caps): every subset of the units is valued for every promotion, then a
/// dynamic program over promotions and sets of used units finds the best way to give disjoint subsets to distinct
/// promotions. Exact for any number of promotions; costs promotions × 3^units, so a few units only.
/// </summary>
public static class ReferenceLane
{
    /// <summary>The most units a lane may hold here (3^12 states per promotion).</summary>
    public const int MaxUnits = 12;

    public static decimal Optimum(Cart cart, IReadOnlyList<RefPromotion> promotions)
    {
        var order = Enumerable.Range(0, cart.Lines.Length).OrderBy(i => cart.Lines[i].LineId, StringComparer.Ordinal).ToArray();
        var units = order.SelectMany(l => Enumerable.Range(0, cart.Lines[l].Quantity).Select(k => new RefUnit(l, k, cart.Lines[l].UnitPrice.Amount))).ToArray();
        if (units.Length > MaxUnits)
        {
            throw new ArgumentException($"At most {MaxUnits} units.", nameof(cart));
        }

        var full = (1 << units.Length) - 1;
        var best = new decimal[full + 1]; // best[mask]: the most the promotions so far save using only units of mask
        foreach (var promotion in promotions)
        {
            var discount = (RefItemDiscount)promotion.Discount;
            var value = new decimal[full + 1];
            for (var set = 1; set <= full; set++)
            {
                var chosen = Enumerable.Range(0, units.Length).Where(i => (set & (1 << i)) != 0).Select(i => units[i]).ToList();
                var qualifying = chosen.Where(u => promotion.Filter.Matches(cart.Lines[u.Line])).ToList();
                var get = discount.GetItems is { } g ? chosen.Where(u => g.Matches(cart.Lines[u.Line])).ToList() : qualifying;
                // A unit neither qualifying nor a "get" item cannot go to this promotion.
                if (chosen.Count != chosen.Count(u => qualifying.Contains(u) || get.Contains(u)))
                {
                    value[set] = decimal.MinValue;
                    continue;
                }

                var total = discount.Propose(qualifying, get).Total;
                value[set] = promotion.Cap is { } cap && total > cap ? cap : total;
            }

            var next = (decimal[])best.Clone();
            for (var mask = 1; mask <= full; mask++)
            {
                // Every non-empty subset of mask given to this promotion.
                for (var set = mask; set > 0; set = (set - 1) & mask)
                {
                    if (value[set] != decimal.MinValue && best[mask & ~set] + value[set] > next[mask])
                    {
                        next[mask] = best[mask & ~set] + value[set];
                    }
                }
            }

            best = next;
        }

        return best[full];
    }
}
