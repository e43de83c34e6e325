using System;
using System.Buffers;
using System.Collections.Generic;

namespace PromoEngine.Internal;

/// <summary>Sorts promotions and rejections by id (and promotions by priority first), on keys copied out once.</summary>
/// <remarks>Implementation note: an evaluation of a large catalog sorts a few hundred admitted promotions and rejections
/// by id, and a comparison that reads two promotions and two strings scattered in memory made sorting a tenth of the
/// realistic mix's time. Each item's key (the first six characters of its id, see <see cref="IdOrder"/>, above its place
/// in the list) is one 128-bit number: the numbers are sorted as numbers, with no comparer, and the items put in their
/// order; ids whose first six characters tie are then put in order by their whole text. Ids are unique, so the order is
/// the one a full comparison gives. By priority: a list already in id order (as the admitted promotions of a run are) is
/// split into its lanes, in order, without comparing ids again.</remarks>
internal static class IdSort
{
    /// <summary>Sorts promotions by id, ordinal (unless they are in order already: the first pair out of order says
    /// not, most often early).</summary>
    public static void ById(List<Promotion> promotions)
    {
        if (!InIdOrder(promotions))
        {
            Sort(promotions, static p => (p.IdOrder, p.Id.Value));
        }
    }

    /// <summary>Sorts rejections of promotions (each has a promotion id) by that id.</summary>
    public static void ById(List<Rejection> rejections) => Sort(rejections, static r => (r.IdOrder, r.PromotionId!.Value.Value));

    /// <summary>Sorts promotions by priority, highest first, then by id.</summary>
    public static void ByPriorityThenId(List<Promotion> promotions)
    {
        ById(promotions);
        ByPriorityKeepingOrder(promotions);
    }

    /// <summary>Whether promotions are in id order already.</summary>
    private static bool InIdOrder(List<Promotion> promotions)
    {
        for (var i = 1; i < promotions.Count; i++)
        {
            if (Promotion.CompareIds(promotions[i - 1], promotions[i]) > 0)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A stable sort by priority, highest first: one pass for each priority there is (a catalog has a few).</summary>
    private static void ByPriorityKeepingOrder(List<Promotion> promotions)
    {
        var count = promotions.Count;
        if (count < 2)
        {
            return;
        }

        // The priorities, highest first; most lists have one, and then nothing moves.
        Span<int> priorities = stackalloc int[8];
        var distinct = 0;
        foreach (var promotion in promotions)
        {
            var priority = promotion.Priority;
            if (priorities[..distinct].Contains(priority))
            {
                continue;
            }

            if (distinct == priorities.Length)
            {
                var more = new int[priorities.Length * 2];
                priorities.CopyTo(more);
                priorities = more;
            }

            priorities[distinct++] = priority;
        }

        if (distinct == 1)
        {
            return;
        }

        priorities = priorities[..distinct];
        priorities.Sort(static (a, b) => b.CompareTo(a));
        var copy = ArrayPool<Promotion>.Shared.Rent(count);
        try
        {
            promotions.CopyTo(copy);
            var at = 0;
            foreach (var priority in priorities)
            {
                for (var i = 0; i < count; i++)
                {
                    if (copy[i].Priority == priority)
                    {
                        promotions[at++] = copy[i];
                    }
                }
            }
        }
        finally
        {
            ArrayPool<Promotion>.Shared.Return(copy, clearArray: true);
        }
    }

    private static void Sort<T>(List<T> items, Func<T, (IdOrder Order, string Id)> keyOf)
    {
        var count = items.Count;
        if (count < 2)
        {
            return;
        }

        // The key: the id's first six characters in the top 96 bits, the item's place in the low 32 (so keys are distinct).
        var keys = ArrayPool<UInt128>.Shared.Rent(count);
        var copy = ArrayPool<T>.Shared.Rent(count);
        try
        {
            for (var i = 0; i < count; i++)
            {
                var order = keyOf(items[i]).Order;
                keys[i] = new UInt128(order.First, (order.Second & 0xFFFF_FFFF_0000_0000UL) | (uint)i);
                copy[i] = items[i];
            }

            var sorted = keys.AsSpan(0, count);
            sorted.Sort();
            var tied = false;
            for (var i = 0; i < count; i++)
            {
                items[i] = copy[unchecked((int)(uint)sorted[i])];
                tied |= i > 0 && sorted[i] >> 32 == sorted[i - 1] >> 32;
            }

            if (tied)
            {
                SortTies(items, sorted, keyOf);
            }
        }
        finally
        {
            ArrayPool<UInt128>.Shared.Return(keys);
            ArrayPool<T>.Shared.Return(copy, clearArray: true);
        }
    }

    /// <summary>Puts each run of items whose ids share their first six characters in order by the whole id.</summary>
    private static void SortTies<T>(List<T> items, Span<UInt128> sorted, Func<T, (IdOrder Order, string Id)> keyOf)
    {
        var start = 0;
        while (start < sorted.Length)
        {
            var end = start + 1;
            while (end < sorted.Length && sorted[end] >> 32 == sorted[start] >> 32)
            {
                end++;
            }

            if (end - start > 1)
            {
                items.Sort(start, end - start, Comparer<T>.Create((a, b) =>
                {
                    var (x, y) = (keyOf(a), keyOf(b));
                    return IdOrder.Compare(x.Order, x.Id, y.Order, y.Id);
                }));
            }

            start = end;
        }
    }
}
