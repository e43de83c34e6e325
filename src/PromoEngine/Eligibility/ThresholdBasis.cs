namespace PromoEngine;

/// <summary>What prices a spending threshold (<see cref="Restriction.MinimumSubtotal(Money, ThresholdBasis)"/>,
/// <see cref="Restriction.CartHoldsAmount"/>) is measured on.</summary>
public enum ThresholdBasis
{
    /// <summary>The prices before any discount (the cart's prices): "spend $50" counts what the items cost.</summary>
    BeforeDiscounts = 0,

    /// <summary>What is left to pay of the items after the promotions of higher lanes (higher priority): "spend $50
    /// after your other discounts". Promotions of the same lane and below do not count; shipping never counts. The
    /// threshold is checked when the promotion's lane begins, and a shortfall is reported from what is left then.</summary>
    AfterHigherLanes = 1,
}
