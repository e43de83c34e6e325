namespace PromoEngine;

/// <summary>The refund of one returned unit: what it paid, what the order's promotions take back from it, and what is
/// refunded.</summary>
/// <remarks>Immutable and thread-safe, with value equality. Always <c>Refund = Paid - TakenBack</c>, and
/// <c>0 &lt;= Refund &lt;= Paid</c>.</remarks>
public sealed record UnitRefund
{
    internal UnitRefund(string lineId, string sku, int index, Money paid, Money takenBack)
    {
        LineId = lineId;
        Sku = sku;
        Index = index;
        Paid = paid;
        TakenBack = takenBack;
        Refund = paid - takenBack;
    }

    /// <summary>Gets the order line.</summary>
    /// <value>Its id.</value>
    public string LineId { get; }

    /// <summary>Gets the item's SKU.</summary>
    /// <value>As in the cart.</value>
    public string Sku { get; }

    /// <summary>Gets the unit's position in its line, as in <see cref="UnitResult.Index"/>.</summary>
    /// <value>From 0 to the line's quantity less one.</value>
    public int Index { get; }

    /// <summary>Gets what the unit paid before this return: its <see cref="UnitResult.Final"/>, plus what earlier
    /// returns of the order took back onto it.</summary>
    /// <value>Zero or more.</value>
    public Money Paid { get; }

    /// <summary>Gets what the order's promotions take back from this unit's refund because the kept units no longer
    /// earn what they did.</summary>
    /// <value>Zero or more, never more than <see cref="Paid"/>; zero under <see cref="ReturnPolicy.KeepDiscounts"/>.</value>
    public Money TakenBack { get; }

    /// <summary>Gets what is refunded for the unit.</summary>
    /// <value><see cref="Paid"/> less <see cref="TakenBack"/>; zero or more.</value>
    public Money Refund { get; }

    /// <summary>Describes the refund.</summary>
    /// <returns>For example <c>TEE #0 paid 20.00 USD, taken back 20.00 USD, refund 0.00 USD</c>.</returns>
    public override string ToString() => $"{Sku} #{Index} paid {Paid}, taken back {TakenBack}, refund {Refund}";
}
