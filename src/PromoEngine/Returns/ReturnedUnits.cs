using System;
using PromoEngine.Internal;

namespace PromoEngine;

/// <summary>Units of one order line that the shopper returns: the line's id and how many.</summary>
/// <remarks>
/// <para>Immutable and thread-safe, with value equality.</para>
/// <para>The units of a line are the same item, so a return names how many, not which; which units go back depends
/// on the policy (ties: the higher index first). Under <see cref="ReturnPolicy.ReEvaluate"/> the units that paid most
/// go back first: what the kept units pay is decided by evaluating them again, whichever they are, and the refund is
/// capped by what the returned units paid, so the cap is then the loosest (of a buy-one-get-one pair, the paid unit
/// goes back, the free one stays, and the re-evaluation takes its discount back). Under
/// <see cref="ReturnPolicy.KeepDiscounts"/> the units that paid least go back first, since what a unit paid is its
/// refund: of a buy-one-get-one pair, the free unit goes back and refunds nothing, so a shopper cannot keep the free
/// unit and be refunded the paid one.</para>
/// </remarks>
public readonly record struct ReturnedUnits
{
    /// <summary>Initializes a new instance of the <see cref="ReturnedUnits"/> struct.</summary>
    /// <param name="lineId">The order line's id, as in the cart.</param>
    /// <param name="quantity">How many of its units go back; at least one.</param>
    /// <exception cref="ArgumentException"><paramref name="lineId"/> is empty or malformed.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="quantity"/> is below one.</exception>
    public ReturnedUnits(string lineId, int quantity)
    {
        LineId = Text.Identifier(lineId);
        Quantity = Guard.Positive(quantity);
    }

    /// <summary>Gets the order line's id.</summary>
    /// <value>As in the cart; <see langword="null"/> only for <c>default</c>, which a return refuses.</value>
    public string LineId { get; }

    /// <summary>Gets how many units go back.</summary>
    /// <value>At least one (zero only for <c>default</c>).</value>
    public int Quantity { get; }

    /// <summary>Describes the units.</summary>
    /// <returns>For example <c>2 x line 1</c>.</returns>
    public override string ToString() => $"{Quantity} x line {LineId}";
}
