using System;
using System.Collections.Generic;
using PromoEngine.Internal;

namespace PromoEngine;

/// <summary>The automatic promotions that may concern a cart, each once, in the order first added (what the catalog's
/// indexes gather for <see cref="PromotionEvaluator"/>).</summary>
/// <remarks>Implementation note: a common cart gathers a few promotions, the same one once per line that finds it; a
/// hash set made for them cost its own object and two arrays, grown twice, and a hash per add. A few are kept in an array
/// and found again by reference; past <see cref="Inline"/> an index by reference gives each one's place. Promotions
/// compare by reference, as they do everywhere in an evaluation.</remarks>
internal sealed class CandidateSet
{
    /// <summary>The most promotions looked up by scanning the array.</summary>
    private const int Inline = 16;

    private Promotion[] _items = []; // made for the first promotion: a cart may concern none
    private IdentityMap<Promotion, int>? _index; // each promotion's place, made past Inline

    // The lines through which the index found promotions by one name, as (slot, line), in the order found; kept until
    // something is removed.
    private (int Slot, int Line)[]? _found;
    private int _foundCount;
    private bool _foundKept = true;

    /// <summary>Gets the number of promotions gathered.</summary>
    public int Count { get; private set; }

    /// <summary>The promotions gathered, in the order first added.</summary>
    public ReadOnlySpan<Promotion> Items => _items.AsSpan(0, Count);

    /// <summary>Makes room for this many promotions more (a list of many about to be added), so the array and the
    /// index are made once at their size rather than grown.</summary>
    public void Reserve(int more)
    {
        var needed = Count + more;
        if (needed > _items.Length)
        {
            Array.Resize(ref _items, Math.Max(needed + Inline, _items.Length * 2));
        }

        if (needed > Inline)
        {
            if (_index is null)
            {
                MakeIndex(needed + (4 * Inline));
            }
        }
    }

    /// <summary>Adds a promotion unless it is there already.</summary>
    public void Add(Promotion promotion) => Add(promotion, -1);

    /// <summary>Adds a promotion unless it is there already, and a line through which the index found it by its one item
    /// name, if not -1 (see <see cref="Found"/>).</summary>
    public void Add(Promotion promotion, int line)
    {
        int slot;
        if (_index is null)
        {
            slot = SlotOf(promotion);
        }
        else
        {
            // One look-up finds the place or makes it (then the promotion goes at the end).
            ref var place = ref _index.GetValueRefOrAddDefault(promotion, out var exists);
            if (!exists)
            {
                place = Count;
            }

            slot = exists ? place : -1;
        }

        if (slot < 0)
        {
            if (Count == _items.Length)
            {
                Array.Resize(ref _items, Math.Max(8, _items.Length * 2));
            }

            slot = Count;
            _items[Count++] = promotion;
            if (_index is null && Count > Inline)
            {
                MakeIndex(8 * Inline);
            }
        }

        if (line >= 0 && _foundKept)
        {
            _found ??= new (int, int)[8];
            if (_foundCount == _found.Length)
            {
                Array.Resize(ref _found, _found.Length * 2);
            }

            _found[_foundCount++] = (slot, line);
        }
    }

    /// <summary>Makes the index of places, of the promotions gathered so far.</summary>
    private void MakeIndex(int capacity)
    {
        _index = new IdentityMap<Promotion, int>(capacity);
        for (var i = 0; i < Count; i++)
        {
            _index.Set(_items[i], i);
        }
    }

    /// <summary>The lines through which the index found promotions by the one SKU or category their filters name, each
    /// with the place of its promotion in <see cref="Items"/>, in the order found; none after a removal (places moved).
    /// A promotion's lines found are its filter's matching lines, in another order.</summary>
    public ReadOnlySpan<(int Slot, int Line)> Found => _foundKept && _found is not null ? _found.AsSpan(0, _foundCount) : default;

    /// <summary>Adds each promotion unless it is there already.</summary>
    public void AddRange(IEnumerable<Promotion> promotions)
    {
        foreach (var promotion in promotions)
        {
            Add(promotion);
        }
    }

    /// <summary>Removes the promotions of <paramref name="other"/>: walks it to find any that is here, and the gathered
    /// promotions only when one is.</summary>
    public void ExceptWith(HashSet<Promotion> other)
    {
        foreach (var promotion in other)
        {
            if (_index is not null ? _index.TryGetValue(promotion, out _) : SlotOf(promotion) >= 0)
            {
                RemoveWhere(other.Contains);
                return;
            }
        }
    }

    /// <summary>Where the array holds a promotion, found by reference, or -1.</summary>
    private int SlotOf(Promotion promotion)
    {
        for (var i = 0; i < Count; i++)
        {
            if (ReferenceEquals(_items[i], promotion))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Removes the promotions that match, keeping the others in their order.</summary>
    public void RemoveWhere(Predicate<Promotion> match)
    {
        var kept = 0;
        for (var i = 0; i < Count; i++)
        {
            if (!match(_items[i]))
            {
                _items[kept++] = _items[i];
            }
        }

        Array.Clear(_items, kept, Count - kept);
        if (kept < Count)
        {
            // The lines found are kept by place: after a removal, each filter matches the cart's lines itself; the
            // index of places is made again for those kept (the map removes nothing).
            (_found, _foundCount, _foundKept) = (null, 0, false);
            Count = kept;
            if (_index is not null)
            {
                MakeIndex(kept);
            }
        }
    }
}
