namespace PromoEngine;

/// <summary>A shipping discount: its calculator says what exact amount it takes off what is left of the shipping
/// charge.</summary>
internal abstract class ShippingDiscount() : Discount(DiscountClass.Shipping)
{
    /// <summary>The exact amount off, given what is left of the shipping charge and what the qualifying lines cost at
    /// first and hold.</summary>
    public abstract decimal Amount(decimal remaining, decimal originalSubtotal, int quantity);

    /// <summary>What <see cref="Amount"/> would be if the charge did not hold it back.</summary>
    public abstract decimal Nominal(decimal remaining, decimal originalSubtotal, int quantity);

    /// <summary>Where the cart stands against the discount's thresholds, or <see langword="null"/> when it has none.</summary>
    public virtual TierReach? Reach(decimal originalSubtotal, int quantity) => null;

    /// <summary>Whether <see cref="Amount"/>, <see cref="Nominal"/> or <see cref="Reach"/> read the qualifying subtotal
    /// and quantity: when not, the evaluator does not measure the promotion's items for it.</summary>
    public virtual bool MeasuresItems => false;
}
