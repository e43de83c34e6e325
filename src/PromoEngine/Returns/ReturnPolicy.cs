namespace PromoEngine;

/// <summary>How a return is refunded: what the order's promotions take back when the units the shopper keeps no
/// longer earn what the order gave them.</summary>
public enum ReturnPolicy
{
    /// <summary>The default: the units kept are evaluated again, at the order's instant, with only the promotions that
    /// applied to the order (usage limits do not reject them: this order already holds their use), and the refund is
    /// what was paid for the returned units less what the kept units now pay extra. A buy-one-get-one whose paid unit
    /// goes back, a minimum subtotal or tier no longer met, "3 for 25" broken to 2: the kept units pay what they would
    /// have paid alone. The refund never exceeds what the returned units paid, and is never negative.</summary>
    ReEvaluate = 0,

    /// <summary>The shops' common alternative: each returned unit refunds what it paid (its
    /// <see cref="UnitResult.Final"/>), and the kept units keep their discounts.</summary>
    KeepDiscounts = 1,
}
