namespace PromoEngine;

/// <summary>A promotion that applied, and how much it took off in all.</summary>
/// <remarks>Immutable and thread-safe, with value equality.</remarks>
public sealed record AppliedPromotion
{
    internal AppliedPromotion(PromotionId promotionId, string name, string? code, DiscountClass discountClass, Money amount, bool capped)
    {
        PromotionId = promotionId;
        Name = name;
        Code = code;
        Class = discountClass;
        Amount = amount;
        Capped = capped;
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

    /// <summary>Gets a value indicating whether the promotion's cap reduced its amount.</summary>
    /// <value><see langword="true"/> when <see cref="Promotion.MaxDiscount"/> clamped it.</value>
    public bool Capped { get; }
}
