namespace PromoEngine;

/// <summary>What a discount reduces: item prices, the order subtotal, or shipping.</summary>
public enum DiscountClass
{
    /// <summary>Reduces the prices of qualifying units; within a priority lane a unit takes at most one.</summary>
    Item = 0,

    /// <summary>Reduces the subtotal of the qualifying lines after the item discounts, allocated over those lines.</summary>
    Order = 1,

    /// <summary>Reduces the shipping charge.</summary>
    Shipping = 2,
}
