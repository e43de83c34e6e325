namespace PromoEngine;

/// <summary>One promotion's share of the discount on a line or a unit.</summary>
/// <remarks>Immutable and thread-safe, with value equality.</remarks>
public sealed record Adjustment
{
    internal Adjustment(PromotionId promotionId, DiscountClass discountClass, Money amount)
    {
        PromotionId = promotionId;
        Class = discountClass;
        Amount = amount;
    }

    /// <summary>Gets the promotion that gave it.</summary>
    /// <value>Its id.</value>
    public PromotionId PromotionId { get; }

    /// <summary>Gets whether it came from an item or an order discount.</summary>
    /// <value><see cref="DiscountClass.Item"/> or <see cref="DiscountClass.Order"/>.</value>
    public DiscountClass Class { get; }

    /// <summary>Gets the amount off.</summary>
    /// <value>More than zero, rounded.</value>
    public Money Amount { get; }
}
