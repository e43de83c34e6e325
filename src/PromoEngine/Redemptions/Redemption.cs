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

    /// <summary>Makes a redemption outside an evaluation: for a host's own ledger tests, an import of redemptions made
    /// elsewhere, or a ledger that rebuilds what it stored. Checkout takes its redemptions from
    /// <see cref="EvaluationResult"/> instead.</summary>
    /// <param name="promotionId">The promotion redeemed.</param>
    /// <param name="code">The code it was redeemed with, as typed or stored (it is normalized), or
    /// <see langword="null"/> for an automatic promotion.</param>
    /// <param name="customerId">The customer's key (trimmed and checked), or <see langword="null"/> for a guest.</param>
    /// <param name="amount">The amount taken off: more than zero, with a currency.</param>
    /// <param name="at">The instant of the evaluation.</param>
    /// <param name="attribution">Where its code was distributed, if known.</param>
    /// <returns>The redemption, of no order yet (see <see cref="ForOrder"/>).</returns>
    /// <exception cref="ArgumentException"><paramref name="promotionId"/> is the default value, or
    /// <paramref name="code"/> or <paramref name="customerId"/> is malformed.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="amount"/> is not more than zero, has no currency,
    /// or is past what its currency supports.</exception>
    public static Redemption Create(PromotionId promotionId, string? code, string? customerId, Money amount, Instant at, CodeAttribution? attribution = null)
    {
        if (promotionId == default)
        {
            throw new ArgumentException("A promotion id is required.", nameof(promotionId));
        }

        if (amount.Currency.IsDefault || amount.Amount <= 0m)
        {
            throw new ArgumentOutOfRangeException(nameof(amount), amount, "A redemption takes off more than zero, in a currency.");
        }

        Guard.WithinMaxAmount(amount);
        return new(
            promotionId,
            code is null ? null : PromotionCode.Normalize(code),
            customerId is null ? null : Text.Identifier(customerId),
            null,
            amount,
            at,
            attribution);
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
