namespace PromoEngine;

/// <summary>What the thresholds of a tiered discount measure.</summary>
public enum TierBasis
{
    /// <summary>The subtotal of the qualifying items, at their prices before any discount.</summary>
    Subtotal = 0,

    /// <summary>The number of qualifying units.</summary>
    Quantity = 1,
}
