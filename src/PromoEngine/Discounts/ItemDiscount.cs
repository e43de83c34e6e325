using System;
using System.Collections.Generic;

using PromoEngine.Internal;

namespace PromoEngine;

/// <summary>An item discount: its calculator proposes exact amounts for units it may take, through the
/// <see cref="IUnitPrices"/> it is given; the lane solver asks the bounds below of it.</summary>
internal abstract class ItemDiscount(DiscountClass discountClass) : Discount(discountClass)
{
    /// <summary>Proposes amounts for the eligible units (unclaimed in this lane, qualifying, in canonical order).</summary>
    public abstract ItemProposal Propose(IUnitPrices pool, List<Span> eligible, List<Span> getEligible);

    /// <summary>The most one unit with this much left of its price can contribute to the saving: a bound for the solver.</summary>
    public abstract decimal MostPerUnit(decimal remaining);

    /// <summary>What one unit with this much left would take if its price did not hold the discount back.</summary>
    public virtual decimal NominalPerUnit(decimal remaining) => MostPerUnit(remaining);

    /// <summary><see cref="MostPerUnit"/> of a price, in whole minor units with the places the decimal has, when it is a
    /// whole number of minor units (fitting 62 bits); false otherwise.</summary>
    /// <param name="price">The unit's price.</param>
    /// <param name="priceMantissa">The price's mantissa (<see cref="Decimals.TryParts"/>).</param>
    /// <param name="priceScale">The price's scale.</param>
    /// <param name="minorUnits">The currency's minor units.</param>
    /// <param name="share">The amount in minor units.</param>
    /// <param name="places">The places the decimal amount has.</param>
    internal virtual bool TryMostPerUnitInMinorUnits(decimal price, long priceMantissa, int priceScale, int minorUnits, out long share, out int places) =>
        Allocation.TryMinorUnits(MostPerUnit(price), minorUnits, out share, out places);

    /// <summary>Whether <see cref="NominalPerUnit"/> says something of its own (otherwise it is
    /// <see cref="MostPerUnit"/>, and need not be asked).</summary>
    public virtual bool HasOwnNominal => false;

    /// <summary>Whether giving the promotion more units can never lower its saving (the solver then gives every unit away).</summary>
    public virtual bool IsMonotone => true;

    /// <summary>Whether the saving on a set of units is exactly the sum of <see cref="MostPerUnit"/> over them (per-item
    /// percentages and amounts): the solver then only needs the best such promotion for each unit.</summary>
    public virtual bool IsAdditive => false;

    /// <summary>Whether the discount is exactly <see cref="MostPerUnit"/> on each unit it is given, what each unit would
    /// take unheld is <see cref="NominalPerUnit"/>, and it says nothing else (no shipping part, no price floor, no cap of
    /// its own): then promotions on lines of their own are applied without the lane solver.</summary>
    public virtual bool SavesUnitByUnit => false;

    /// <summary>How many units the discount works on at a time (a set or group size; 1 for a discount on each unit).</summary>
    public virtual int Granularity => 1;

    /// <summary>The most sets (or groups) the discount makes, or <see langword="null"/> for no limit.</summary>
    public virtual int? MaxSets => null;

    /// <summary>The eligible units dearest first, and how many complete sets of <paramref name="size"/> they make (at
    /// most <paramref name="max"/>); when none, the proposal learns how many units are missing.</summary>
    private protected static (PartCursor Units, int Sets) CompleteSets(IUnitPrices pool, List<Span> eligible, int size, int? max, ItemProposal proposal)
    {
        var parts = pool.SortByRemaining(pool.Read(eligible), descending: true);
        var count = ItemProposal.CountOf(parts);
        var sets = count / size;
        if (max is { } limit)
        {
            sets = Math.Min(sets, limit);
        }

        if (sets == 0)
        {
            proposal.MissingQuantity = size - count;
        }

        return (new PartCursor(parts), sets);
    }
}

/// <summary>Walks sorted parts unit by unit, handing out runs of them.</summary>
internal sealed class PartCursor(List<Part> parts)
{
    private readonly List<Part> _taken = [];
    private int _index;
    private int _offset;

    /// <summary>How many units are left in the part the cursor is in.</summary>
    public int LeftInPart => _index < parts.Count ? parts[_index].Count - _offset : 0;

    /// <summary>Takes the next units, which may come from several parts; the list is reused by the next call.</summary>
    public List<Part> Take(int count)
    {
        _taken.Clear();
        while (count > 0 && _index < parts.Count)
        {
            var n = Math.Min(LeftInPart, count);
            _taken.Add(parts[_index].Slice(_offset, n));
            _offset += n;
            count -= n;
            if (_offset == parts[_index].Count)
            {
                _index++;
                _offset = 0;
            }
        }

        return _taken;
    }
}

/// <summary>Exact per-unit amounts a discount proposes, the units it uses, and how far it is from applying.</summary>
internal sealed class ItemProposal
{
    /// <summary>Each discounted span, with the exact amount off each of its units.</summary>
    public List<(Span Span, decimal Amount)> Amounts { get; } = [];

    public List<Span> Claimed { get; } = [];

    /// <summary>When nothing applies: how many more qualifying units would make it apply (0 when unknown).</summary>
    public int MissingQuantity { get; set; }

    /// <summary>What the discount would take if no price held it back (an amount off each unit on units that cost
    /// less); <see langword="null"/> when that is <see cref="Total"/>.</summary>
    public decimal? Nominal { get; set; }

    /// <summary>The exact total when the per-unit amounts are shares of it that a decimal cannot hold to the last
    /// digit ($10 over three units); <see langword="null"/> when the total is their sum.</summary>
    public decimal? ExactTotal
    {
        get => _rare?.ExactTotal;
        set
        {
            if (value is not null || _rare is not null)
            {
                (_rare ??= new()).ExactTotal = value;
            }
        }
    }

    /// <summary>When nothing applies because a gift's line is missing (or short): its SKU and how many to add.</summary>
    public (string Sku, int Quantity)? MissingGift
    {
        get => _rare?.MissingGift;
        set
        {
            if (value is not null || _rare is not null)
            {
                (_rare ??= new()).MissingGift = value;
            }
        }
    }

    /// <summary>Whether a price floor held the discount back on some unit.</summary>
    public bool Floored
    {
        get => _rare?.Floored == true;
        set
        {
            if (value || _rare is not null)
            {
                (_rare ??= new()).Floored = value;
            }
        }
    }

    // Implementation note: what only some discount kinds say lives apart, made when first set, so the proposals of the
    // common kinds (many per evaluation: the lane solver asks for one per assignment it measures) stay small.
    private Rare? _rare;

    private sealed class Rare
    {
        public decimal? ExactTotal;
        public (string Sku, int Quantity)? MissingGift;
        public bool Floored;
    }

    public decimal Total
    {
        get
        {
            if (ExactTotal is { } exact)
            {
                return exact;
            }

            var total = 0m;
            foreach (var (span, amount) in Amounts)
            {
                total += amount * span.Count;
            }

            return total;
        }
    }

    public static int CountOf(List<Part> parts)
    {
        var count = 0;
        foreach (var part in parts)
        {
            count += part.Count;
        }

        return count;
    }

    /// <summary>Claims the units of a part and takes an exact amount off each.</summary>
    public void Discount(Part part, decimal perUnit)
    {
        Amounts.Add((part.Span, perUnit));
        Claimed.Add(part.Span);
    }
}
