namespace PromoEngine;

/// <summary>What cut an applied promotion's amount below its nominal one. The names and values are stable.</summary>
public enum ClampedBy
{
    /// <summary>Nothing: the promotion took its nominal amount.</summary>
    None = 0,

    /// <summary>What was left to pay: an amount off bigger than the price, the order or the shipping it reduces ("$50 off"
    /// on a $30 order takes $30).</summary>
    Price = 1,

    /// <summary>The promotion's own cap, <see cref="Promotion.MaxDiscount"/>.</summary>
    MaxDiscount = 2,

    /// <summary>What was left of the promotion's hard budget, as the usage snapshot told it: the evaluator never offers
    /// more, so the ledger accepts what it offers.</summary>
    Budget = 3,

    /// <summary>A price floor of the discount (<see cref="Discount.WithPriceFloor"/>,
    /// <see cref="Discount.WithPriceFloorPercent"/>): "20% off, but nothing under $5" on an $6 item takes $1.</summary>
    PriceFloor = 4,
}
