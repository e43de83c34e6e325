namespace PromoEngine;

/// <summary>Over which units a discount that counts units counts them: each cart line on its own, or all the
/// qualifying lines together.</summary>
public enum UnitScope
{
    /// <summary>Each qualifying line on its own: every line has its own first unit (or its own groups).</summary>
    EachLine = 0,

    /// <summary>All qualifying lines together: the order has one first unit (or its groups mix lines).</summary>
    AcrossLines = 1,
}
