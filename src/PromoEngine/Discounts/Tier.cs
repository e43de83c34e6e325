using System;

namespace PromoEngine;

/// <summary>One tier of a tiered discount: from a threshold on, a percentage or an amount off the qualifying items.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class Tier
{
    private Tier(decimal threshold, decimal? percentOff, Money? amountOff)
    {
        if (threshold <= 0m)
        {
            throw new ArgumentOutOfRangeException(nameof(threshold), threshold, "A tier threshold must be more than zero.");
        }

        Threshold = threshold;
        PercentOff = percentOff;
        AmountOff = amountOff;
    }

    /// <summary>Gets the threshold: an amount in the cart's currency, or a number of units.</summary>
    /// <value>More than zero.</value>
    public decimal Threshold { get; }

    /// <summary>Gets the percentage off, when this tier gives one.</summary>
    /// <value>In (0, 100], or <see langword="null"/>.</value>
    public decimal? PercentOff { get; }

    /// <summary>Gets the amount off, when this tier gives one.</summary>
    /// <value>More than zero, or <see langword="null"/>.</value>
    public Money? AmountOff { get; }

    /// <summary>A tier that takes a percentage off the qualifying items.</summary>
    /// <param name="threshold">From what subtotal or quantity on; more than zero.</param>
    /// <param name="percent">The percentage, in (0, 100].</param>
    /// <returns>The tier.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The threshold or the percentage is out of range.</exception>
    public static Tier PercentOffFrom(decimal threshold, decimal percent) => new(threshold, Discount.CheckPercent(percent), null);

    /// <summary>A tier that takes an amount off the qualifying items.</summary>
    /// <param name="threshold">From what subtotal or quantity on; more than zero.</param>
    /// <param name="amount">The amount, more than zero and rounded.</param>
    /// <returns>The tier.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The threshold or the amount is out of range.</exception>
    public static Tier AmountOffFrom(decimal threshold, Money amount) => new(threshold, null, Discount.CheckAmount(amount));

    /// <summary>Describes the tier.</summary>
    /// <returns>Such as <c>10% from 100</c>.</returns>
    public override string ToString() =>
        PercentOff is { } p ? FormattableString.Invariant($"{p}% from {Threshold}") : FormattableString.Invariant($"{AmountOff} from {Threshold}");
}
