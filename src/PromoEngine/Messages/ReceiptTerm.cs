namespace PromoEngine;

/// <summary>The fixed wording of a receipt or a checkout summary, rendered in the shopper's language by
/// <see cref="ShopperText"/>. The names and values are stable.</summary>
public enum ReceiptTerm
{
    /// <summary>The items before discounts: "Subtotal".</summary>
    Subtotal = 1,

    /// <summary>What order promotions took off: "Order discounts".</summary>
    OrderDiscounts = 2,

    /// <summary>The shipping price: "Shipping".</summary>
    Shipping = 3,

    /// <summary>What shipping promotions took off: "Shipping discount".</summary>
    ShippingDiscount = 4,

    /// <summary>What is left to pay: "Total".</summary>
    Total = 5,

    /// <summary>Every discount together: "You saved".</summary>
    YouSaved = 6,

    /// <summary>How a promotion without a code applied: "automatic".</summary>
    Automatic = 7,

    /// <summary>The label before the code a promotion applied through: "code".</summary>
    Code = 8,

    /// <summary>A promotion that applied: "applied".</summary>
    Applied = 9,

    /// <summary>A code or promotion that did not apply: "not used".</summary>
    NotUsed = 10,

    /// <summary>A near-miss hint: "tip".</summary>
    Tip = 11,

    /// <summary>A promotion cut to the price of what it discounted (<see cref="ClampedBy.Price"/>): "cut to the
    /// price".</summary>
    CutToPrice = 12,

    /// <summary>A promotion cut to its maximum discount (<see cref="ClampedBy.MaxDiscount"/>): "capped".</summary>
    Capped = 13,

    /// <summary>A promotion cut to what is left of its budget (<see cref="ClampedBy.Budget"/>): "cut to what is left of
    /// its budget".</summary>
    CutToBudget = 14,

    /// <summary>A code that came from the customer's wallet (<see cref="AppliedPromotion.FromWallet"/>): "from your
    /// wallet".</summary>
    FromWallet = 15,

    /// <summary>A promotion held back by its price floor (<see cref="ClampedBy.PriceFloor"/>): "kept above its price
    /// floor".</summary>
    CutToPriceFloor = 16,
}
