namespace PromoEngine;

/// <summary>One unit the order keeps after a return, and what it now pays.</summary>
/// <remarks>Immutable and thread-safe, with value equality.</remarks>
public sealed record KeptUnit
{
    internal KeptUnit(string lineId, int index, Money paid)
    {
        LineId = lineId;
        Index = index;
        Paid = paid;
    }

    /// <summary>Gets the order line.</summary>
    /// <value>Its id.</value>
    public string LineId { get; }

    /// <summary>Gets the unit's position in its line, as in <see cref="UnitResult.Index"/>.</summary>
    /// <value>From 0 to the line's quantity less one.</value>
    public int Index { get; }

    /// <summary>Gets what the unit now pays: what it paid in the order, plus its share of what the returns took back.</summary>
    /// <value>At least its <see cref="UnitResult.Final"/> in the order, at most its unit price; never below zero.</value>
    public Money Paid { get; }
}
