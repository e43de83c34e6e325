using System;
using System.Collections.Immutable;

namespace PromoEngine;

/// <summary>A cart's lines in canonical order: by line id (ordinal), so that no result depends on the order the lines
/// were given in.</summary>
internal sealed class LineOrder
{
    public LineOrder(ImmutableArray<CartLine> lines)
    {
        var order = new int[lines.Length];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        if (order.Length <= 64)
        {
            // Line ids are unique, so any sort gives this order; a few lines are sorted in place without a comparer.
            for (var i = 1; i < order.Length; i++)
            {
                var at = i;
                while (at > 0 && string.CompareOrdinal(lines[order[at - 1]].LineId, lines[i].LineId) > 0)
                {
                    order[at] = order[at - 1];
                    at--;
                }

                order[at] = i;
            }
        }
        else
        {
            Array.Sort(order, (a, b) => string.CompareOrdinal(lines[a].LineId, lines[b].LineId));
        }

        Order = order;
        Rank = new int[order.Length];
        for (var rank = 0; rank < order.Length; rank++)
        {
            Rank[order[rank]] = rank;
        }
    }

    /// <summary>Line indices in canonical order.</summary>
    public int[] Order { get; }

    /// <summary>Each line's place in <see cref="Order"/>.</summary>
    public int[] Rank { get; }

    public void Deconstruct(out int[] order, out int[] rank) => (order, rank) = (Order, Rank);
}
