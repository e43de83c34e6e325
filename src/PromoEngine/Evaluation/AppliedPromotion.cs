namespace PromoEngine;

/// <summary>A promotion that applied, and how much it took off in all.</summary>
/// <remarks>Immutable and thread-safe, with value equality.</remarks>
public sealed record AppliedPromotion
{
    internal AppliedPromotion(PromotionId promotionId, string name, string? code, DiscountClass discountClass, Money amount, Money nominalAmount, ClampedBy clampedBy)
    {
        PromotionId = promotionId;
        Name = name;
        Code = code;
        Class = discountClass;
        Amount = amount;
        NominalAmount = nominalAmount;
        ClampedBy = clampedBy;
    }

    /// <summary>Gets the promotion.</summary>
    /// <value>Its id.</value>
    public PromotionId PromotionId { get; }

    /// <summary>Gets the promotion's name.</summary>
    /// <value>As defined.</value>
    public string Name { get; }

    /// <summary>Gets the normalized code that activated it.</summary>
    /// <value><see langword="null"/> for an automatic promotion.</value>
    public string? Code { get; }

    /// <summary>Gets what it reduced.</summary>
    /// <value>Items, the order, or shipping.</value>
    public DiscountClass Class { get; }

    /// <summary>Gets the amount it took off, rounded once to the minor unit.</summary>
    /// <value>More than zero.</value>
    public Money Amount { get; }

    /// <summary>Gets what the promotion would have taken off had nothing cut it: exact, before rounding.</summary>
    /// <value>At least <see cref="Amount"/> less rounding; more when <see cref="ClampedBy"/> says what cut it.</value>
    public Money NominalAmount { get; }

    /// <summary>Gets what cut the amount below <see cref="NominalAmount"/>: the price left to pay, the promotion's cap,
    /// or what was left of its budget (the one that bound last).</summary>
    /// <value><see cref="PromoEngine.ClampedBy.None"/> when nothing did.</value>
    public ClampedBy ClampedBy { get; }

    /// <summary>Gets a value indicating whether its code came from the customer's wallet
    /// (<see cref="CustomerProfile.Wallet"/>) rather than being typed.</summary>
    /// <value><see langword="false"/> for a typed code and for an automatic promotion.</value>
    public bool FromWallet { get; init; }

    /// <summary>Gets a value indicating whether the promotion's cap or budget reduced its amount.</summary>
    /// <value><see langword="true"/> when <see cref="ClampedBy"/> is the cap or the budget.</value>
    public bool Capped => ClampedBy is ClampedBy.MaxDiscount or ClampedBy.Budget;
}
