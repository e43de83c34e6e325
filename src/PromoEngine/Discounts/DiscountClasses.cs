using System;

namespace PromoEngine;

/// <summary>A set of discount classes: which classes of promotions a promotion may be combined with.</summary>
[Flags]
public enum DiscountClasses
{
    /// <summary>No class: the promotion combines with nothing (but it is not exclusive: it may still lose to the
    /// others together).</summary>
    None = 0,

    /// <summary>Item discounts.</summary>
    Item = 1,

    /// <summary>Order discounts.</summary>
    Order = 2,

    /// <summary>Shipping discounts.</summary>
    Shipping = 4,

    /// <summary>Every class.</summary>
    All = Item | Order | Shipping,
}
