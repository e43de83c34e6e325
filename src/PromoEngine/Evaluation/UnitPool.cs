using System;
using System.Collections.Generic;

namespace PromoEngine;

/// <summary>
/// The units of a cart, one slot each, in a canonical order (by line id, then unit index) so that the result does
/// not depend on the order of the cart's lines. Holds what is left of each unit's price as lanes apply.
/// </summary>
internal sealed class UnitPool
{
    public UnitPool(Cart cart)
    {
        var order = new int[cart.Lines.Length];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        Array.Sort(order, (a, b) => string.CompareOrdinal(cart.Lines[a].LineId, cart.Lines[b].LineId));
        var count = 0;
        foreach (var line in cart.Lines)
        {
            count += line.Quantity;
        }

        LineOf = new int[count];
        IndexInLine = new int[count];
        Original = new decimal[count];
        Remaining = new decimal[count];
        FirstUnitOfLine = new int[cart.Lines.Length];
        var slot = 0;
        foreach (var lineIndex in order)
        {
            var line = cart.Lines[lineIndex];
            FirstUnitOfLine[lineIndex] = slot;
            for (var k = 0; k < line.Quantity; k++)
            {
                LineOf[slot] = lineIndex;
                IndexInLine[slot] = k;
                Original[slot] = line.UnitPrice.Amount;
                Remaining[slot] = line.UnitPrice.Amount;
                slot++;
            }
        }

        LinesInOrder = order;
    }

    /// <summary>A pool of the same units at their original prices; shares everything that never changes.</summary>
    private UnitPool(UnitPool other)
    {
        LineOf = other.LineOf;
        IndexInLine = other.IndexInLine;
        Original = other.Original;
        Remaining = (decimal[])other.Original.Clone();
        FirstUnitOfLine = other.FirstUnitOfLine;
        LinesInOrder = other.LinesInOrder;
    }

    /// <summary>The same units, every price back to its original.</summary>
    public UnitPool Fresh() => new(this);

    public int Count => Remaining.Length;

    /// <summary>The cart line index of each unit.</summary>
    public int[] LineOf { get; }

    /// <summary>The index of each unit in its line.</summary>
    public int[] IndexInLine { get; }

    public decimal[] Original { get; }

    /// <summary>What is left of each unit's price.</summary>
    public decimal[] Remaining { get; }

    /// <summary>The slot of each cart line's first unit; a line's units are consecutive.</summary>
    public int[] FirstUnitOfLine { get; }

    /// <summary>Cart line indices in canonical (line id) order.</summary>
    public int[] LinesInOrder { get; }

    /// <summary>Sorts units by what is left of their price; ties keep the canonical order.</summary>
    public List<int> SortByRemaining(List<int> units, bool descending)
    {
        var sorted = new List<int>(units);
        var remaining = Remaining;
        sorted.Sort((a, b) =>
        {
            var byPrice = descending ? remaining[b].CompareTo(remaining[a]) : remaining[a].CompareTo(remaining[b]);
            return byPrice != 0 ? byPrice : a.CompareTo(b);
        });
        return sorted;
    }
}
