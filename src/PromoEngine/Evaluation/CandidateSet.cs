using System;
using System.Collections.Generic;

namespace PromoEngine;

/// <summary>The automatic promotions that may concern a cart, each once, in the order first added (what the catalog's
/// indexes gather for <see cref="PromotionEvaluator"/>).</summary>
/// <remarks>Implementation note: a common cart gathers a few promotions, the same one once per line that finds it; a
/// hash set made for them cost its own object and two arrays, grown twice, and a hash per add. A few are kept in an array
/// and found again by reference; past <see cref="Inline"/> a set by reference is made for the look-ups. Promotions compare
/// by reference, as they do everywhere in an evaluation.</remarks>
internal sealed class CandidateSet
{
    /// <summary>The most promotions looked up by scanning the array.</summary>
    private const int Inline = 16;

    private Promotion[] _items = new Promotion[8];
    private HashSet<Promotion>? _index; // made past Inline

    /// <summary>Gets the number of promotions gathered.</summary>
    public int Count { get; private set; }

    /// <summary>The promotions gathered, in the order first added.</summary>
    public ReadOnlySpan<Promotion> Items => _items.AsSpan(0, Count);

    /// <summary>Adds a promotion unless it is there already.</summary>
    public void Add(Promotion promotion)
    {
        if (_index is null)
        {
            for (var i = 0; i < Count; i++)
            {
                if (ReferenceEquals(_items[i], promotion))
                {
                    return;
                }
            }
        }
        else if (!_index.Add(promotion))
        {
            return;
        }

        if (Count == _items.Length)
        {
            Array.Resize(ref _items, _items.Length * 2);
        }

        _items[Count++] = promotion;
        if (_index is null && Count > Inline)
        {
            _index = new HashSet<Promotion>(Items.ToArray(), ReferenceEqualityComparer.Instance);
        }
    }

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
            if (_index?.Contains(promotion) ?? Holds(promotion))
            {
                RemoveWhere(other.Contains);
                return;
            }
        }
    }

    /// <summary>Whether the array holds a promotion (while there is no index).</summary>
    private bool Holds(Promotion promotion)
    {
        foreach (var item in Items)
        {
            if (ReferenceEquals(item, promotion))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Removes the promotions that match, keeping the others in their order.</summary>
    public void RemoveWhere(Predicate<Promotion> match)
    {
        var kept = 0;
        for (var i = 0; i < Count; i++)
        {
            if (match(_items[i]))
            {
                _index?.Remove(_items[i]);
            }
            else
            {
                _items[kept++] = _items[i];
            }
        }

        Array.Clear(_items, kept, Count - kept);
        Count = kept;
    }
}
