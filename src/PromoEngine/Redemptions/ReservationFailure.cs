namespace PromoEngine;

/// <summary>A redemption the ledger refused, and which limit refused it.</summary>
/// <remarks>Immutable and thread-safe, with value equality.</remarks>
public sealed record ReservationFailure
{
    internal ReservationFailure(PromotionId promotionId, string? code, RejectionReason reason, int? limit, int? used)
    {
        PromotionId = promotionId;
        Code = code;
        Reason = reason;
        Limit = limit;
        Used = used;
    }

    /// <summary>Gets the promotion refused.</summary>
    /// <value>Its id.</value>
    public PromotionId PromotionId { get; }

    /// <summary>Gets the code it was redeemed with.</summary>
    /// <value><see langword="null"/> for an automatic promotion.</value>
    public string? Code { get; }

    /// <summary>Gets the limit that refused it.</summary>
    /// <value><see cref="RejectionReason.AlreadyRedeemed"/>, <see cref="RejectionReason.UsageLimitReached"/>,
    /// <see cref="RejectionReason.CustomerLimitReached"/>, <see cref="RejectionReason.GuestNotAllowed"/> or
    /// <see cref="RejectionReason.BudgetExhausted"/>.</value>
    public RejectionReason Reason { get; }

    /// <summary>Gets the limit.</summary>
    /// <value>Set for the count limits.</value>
    public int? Limit { get; }

    /// <summary>Gets the uses already held or committed.</summary>
    /// <value>Set for the count limits.</value>
    public int? Used { get; }
}
