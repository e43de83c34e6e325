using System;
using NodaTime;
using PromoEngine.Internal;

namespace PromoEngine;

/// <summary>One use of a promotion by one order: what checkout reserves with the ledger and commits when the order is
/// placed.</summary>
/// <remarks>Immutable and thread-safe, with value equality.</remarks>
public sealed record Redemption
{
    internal Redemption(PromotionId promotionId, string? code, string? customerId, string? orderId, Money amount, Instant at, CodeAttribution? attribution = null)
    {
        Attribution = attribution;
        PromotionId = promotionId;
        Code = code;
        CustomerId = customerId;
        OrderId = orderId;
        Amount = amount;
        At = at;
    }

    /// <summary>Gets the promotion redeemed.</summary>
    /// <value>Its id.</value>
    public PromotionId PromotionId { get; }

    /// <summary>Gets the normalized code it was redeemed with.</summary>
    /// <value><see langword="null"/> for an automatic promotion.</value>
    public string? Code { get; }

    /// <summary>Gets the customer's key.</summary>
    /// <value><see langword="null"/> for a guest.</value>
    public string? CustomerId { get; }

    /// <summary>Gets the order it belongs to.</summary>
    /// <value><see langword="null"/> until checkout sets it with <see cref="ForOrder"/>.</value>
    public string? OrderId { get; }

    /// <summary>Gets the amount the promotion took off.</summary>
    /// <value>More than zero, rounded.</value>
    public Money Amount { get; }

    /// <summary>Gets the instant of the evaluation.</summary>
    /// <value>The instant passed to the evaluator.</value>
    public Instant At { get; }

    /// <summary>Gets where the code it was redeemed with was distributed (see <see cref="PromotionActivation.Attribution"/>).</summary>
    /// <value><see langword="null"/> for an automatic promotion or a code without attribution.</value>
    public CodeAttribution? Attribution { get; }

    /// <summary>Returns a copy that belongs to an order.</summary>
    /// <param name="orderId">The order's id.</param>
    /// <returns>The changed copy, or this instance when nothing changes.</returns>
    /// <exception cref="ArgumentException"><paramref name="orderId"/> is empty or malformed.</exception>
    public Redemption ForOrder(string orderId)
    {
        var id = Text.Identifier(orderId);
        return id == OrderId ? this : new Redemption(PromotionId, Code, CustomerId, id, Amount, At, Attribution);
    }
}
