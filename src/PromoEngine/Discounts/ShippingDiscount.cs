namespace PromoEngine;

/// <summary>A shipping discount: its calculator says what exact amount it takes off what is left of the shipping
/// charge.</summary>
internal abstract class ShippingDiscount() : Discount(DiscountClass.Shipping)
{
    /// <summary>The exact amount off, given what is left of the shipping charge.</summary>
    public abstract decimal Amount(decimal remaining);

    /// <summary>What <see cref="Amount"/> would be if the charge did not hold it back.</summary>
    public abstract decimal Nominal(decimal remaining);
}
