using System.Collections.Immutable;
using PromoEngine.Internal;

namespace PromoEngine;

/// <summary>One unit of a line: its price, the adjustments on it, and what is left to pay.</summary>
/// <remarks>Immutable and thread-safe, with value equality (adjustments compared in order).</remarks>
public sealed record UnitResult
{
    private readonly EquatableArray<Adjustment> _adjustments;

    internal UnitResult(int index, Money original, ImmutableArray<Adjustment> adjustments, Money final)
    {
        Index = index;
        Original = original;
        _adjustments = new(adjustments);
        Final = final;
    }

    /// <summary>Gets the unit's position in its line.</summary>
    /// <value>From 0 to the quantity less one.</value>
    public int Index { get; }

    /// <summary>Gets the unit's price before discounts.</summary>
    /// <value>The line's unit price.</value>
    public Money Original { get; }

    /// <summary>Gets the adjustments on this unit, in the order they applied.</summary>
    /// <value>Possibly empty.</value>
    public ImmutableArray<Adjustment> Adjustments => _adjustments.Items;

    /// <summary>Gets what is left to pay for the unit.</summary>
    /// <value>Zero or more.</value>
    public Money Final { get; }
}
