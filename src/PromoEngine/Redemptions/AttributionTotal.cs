namespace PromoEngine;

/// <summary>One row of a report of redemptions by attribution: for one value of the dimension (one affiliate, say) and
/// one currency, how many committed redemptions there are and how much discount they gave.</summary>
/// <remarks>Immutable and thread-safe, with value equality.</remarks>
public sealed record AttributionTotal
{
    internal AttributionTotal(AttributionDimension dimension, string? key, int redemptions, Money discount)
    {
        Dimension = dimension;
        Key = key;
        Redemptions = redemptions;
        Discount = discount;
    }

    /// <summary>Gets what the report groups by.</summary>
    /// <value>As asked.</value>
    public AttributionDimension Dimension { get; }

    /// <summary>Gets the value this row sums: the affiliate's id, say.</summary>
    /// <value><see langword="null"/> for the redemptions whose attribution says nothing of the dimension (automatic
    /// promotions, codes without attribution).</value>
    public string? Key { get; }

    /// <summary>Gets how many committed redemptions count: those whose use no return has given back.</summary>
    /// <value>Zero or more.</value>
    public int Redemptions { get; }

    /// <summary>Gets the discount those redemptions gave, less what returns gave back.</summary>
    /// <value>In the row's one currency.</value>
    public Money Discount { get; }
}
