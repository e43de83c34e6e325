namespace PromoEngine;

/// <summary>An order discount: its calculator says what exact amount it takes off what is left of the qualifying
/// lines; the evaluator allocates it over them.</summary>
internal abstract class OrderDiscount() : Discount(DiscountClass.Order)
{
    /// <summary>The exact amount off, given what is left of the qualifying lines and how much they were at first.</summary>
    public abstract decimal Amount(decimal remaining, decimal originalSubtotal, int quantity);

    /// <summary>What <see cref="Amount"/> would be if what is left of the lines did not hold it back.</summary>
    public virtual decimal Nominal(decimal remaining, decimal originalSubtotal, int quantity) => Amount(remaining, originalSubtotal, quantity);

    /// <summary>Where the cart stands against the discount's thresholds, or <see langword="null"/> when it has none. Short
    /// of the first (<see cref="TierReach.First"/> set), <see cref="Amount"/> is nothing whatever is left: the evaluator
    /// relies on it.</summary>
    public virtual TierReach? Reach(decimal originalSubtotal, int quantity) => null;

    // Whatever an order discount saves on all items depends only on what is left of them all.
    internal override bool DependsOnlyOnTotal(bool capped) => true;
}

/// <summary>Where a cart stands against a discount's thresholds: the first one, when none is reached (it does not apply),
/// or the next one above the tier reached (a near-miss hint).</summary>
/// <param name="Basis">What the thresholds measure.</param>
/// <param name="First">The lowest threshold's tier when none is reached; otherwise <see langword="null"/>.</param>
/// <param name="Next">The next tier above the one reached, if any.</param>
internal readonly record struct TierReach(TierBasis Basis, Tier? First, Tier? Next);
