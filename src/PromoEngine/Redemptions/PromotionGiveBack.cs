using System;

namespace PromoEngine;

/// <summary>What a partial return gives back to one promotion's limits: spend to its budget, and its use when the
/// order no longer uses it.</summary>
/// <remarks>Immutable and thread-safe, with value equality.</remarks>
public sealed record PromotionGiveBack
{
    /// <summary>Initializes a new instance of the <see cref="PromotionGiveBack"/> class.</summary>
    /// <param name="promotionId">The promotion, one the order redeemed.</param>
    /// <param name="spend">The spend given back to its budget, in the redemption's currency; zero or more, rounded to
    /// the minor unit.</param>
    /// <param name="noLongerUsed">Whether the order no longer uses the promotion at all: its use (promotion, code and
    /// customer counts) is given back.</param>
    /// <exception cref="ArgumentException"><paramref name="promotionId"/> is default, or <paramref name="spend"/> has
    /// no currency or is not rounded.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="spend"/> is negative.</exception>
    public PromotionGiveBack(PromotionId promotionId, Money spend, bool noLongerUsed)
    {
        if (promotionId.Value.Length == 0)
        {
            throw new ArgumentException("A give-back needs a promotion.", nameof(promotionId));
        }

        if (spend.Currency.IsDefault)
        {
            throw new ArgumentException("The spend given back needs a currency.", nameof(spend));
        }

        if (spend.IsNegative)
        {
            throw new ArgumentOutOfRangeException(nameof(spend), spend, "The spend given back must not be negative.");
        }

        if (!spend.IsRounded)
        {
            throw new ArgumentException($"The spend given back {spend} is not a whole number of minor units.", nameof(spend));
        }

        PromotionId = promotionId;
        Spend = spend;
        NoLongerUsed = noLongerUsed;
    }

    /// <summary>Gets the promotion.</summary>
    /// <value>Its id.</value>
    public PromotionId PromotionId { get; }

    /// <summary>Gets the spend given back to its budget.</summary>
    /// <value>Zero or more.</value>
    public Money Spend { get; }

    /// <summary>Gets a value indicating whether the order no longer uses the promotion, so its use is given back.</summary>
    /// <value>As given.</value>
    public bool NoLongerUsed { get; }
}
