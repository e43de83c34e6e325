using System;

namespace PromoEngine;

/// <summary>The kinds of restrictions a promotion has, as the gate checks them.</summary>
[Flags]
internal enum RestrictionKinds
{
    /// <summary>None of the kinds below.</summary>
    None = 0,

    /// <summary>A restriction on the customer or the order's channel or shipping (membership, region, channel, segment,
    /// first order, order history, shipping method).</summary>
    Customer = 1,

    /// <summary>A minimum subtotal or quantity of the qualifying items measured before any discount.</summary>
    Minimum = 2,

    /// <summary>A condition on other items of the cart.</summary>
    CartCondition = 4,

    /// <summary>A minimum amount measured on what the lanes above left to pay (of the qualifying items, or of the items
    /// of a cart condition).</summary>
    AfterHigherLanes = 8,
}
