using System;
using PromoEngine.Internal;

namespace PromoEngine;

/// <summary>The limits a ledger checks for one redemption: per promotion, per code, per customer, and a spend budget,
/// each with how it is enforced.</summary>
/// <remarks>Immutable and thread-safe, with value equality.</remarks>
public sealed record RedemptionLimits
{
    private RedemptionLimits(int? total, int? perCode, int? perCustomer, Money? budget, BudgetPolicy budgetPolicy, LimitPolicy totalPolicy, LimitPolicy perCodePolicy)
    {
        Total = total;
        PerCode = perCode;
        PerCustomer = perCustomer;
        Budget = budget;
        BudgetPolicy = budgetPolicy;
        TotalPolicy = totalPolicy;
        PerCodePolicy = perCodePolicy;
    }

    /// <summary>Gets the limit on uses of the promotion in all.</summary>
    /// <value><see langword="null"/> for none.</value>
    public int? Total { get; }

    /// <summary>Gets the limit on uses of the code: 1 for a single-use claim code, N for a group code.</summary>
    /// <value><see langword="null"/> for none.</value>
    public int? PerCode { get; }

    /// <summary>Gets the limit on uses by one customer; always enforced.</summary>
    /// <value><see langword="null"/> for none.</value>
    public int? PerCustomer { get; }

    /// <summary>Gets the most the promotion may give away in all.</summary>
    /// <value><see langword="null"/> for no budget.</value>
    public Money? Budget { get; }

    /// <summary>Gets how the budget is enforced.</summary>
    /// <value>Hard unless the promotion says soft.</value>
    public BudgetPolicy BudgetPolicy { get; }

    /// <summary>Gets how <see cref="Total"/> is enforced: a soft limit is counted but never refused by the ledger.</summary>
    /// <value>Hard unless the promotion says soft.</value>
    public LimitPolicy TotalPolicy { get; }

    /// <summary>Gets how <see cref="PerCode"/> is enforced: a soft limit is counted but never refused by the ledger.</summary>
    /// <value>Hard for single-use claim codes; otherwise as the promotion says.</value>
    public LimitPolicy PerCodePolicy { get; }

    /// <summary>Gets the limits of a promotion as a ledger checks them.</summary>
    /// <param name="promotion">The promotion.</param>
    /// <returns>Its limits; a pool of claim codes is limited to one use per code, hard, whatever else it says.</returns>
    public static RedemptionLimits For(Promotion promotion) => Guard.NotNull(promotion).LedgerLimits;

    /// <summary>Judges one redemption against these limits, given the uses held or committed before the reservation: the
    /// one statement of the rule that the built-in ledgers and the evaluator share, for a ledger of a host's own to
    /// call inside its atomic step so that it accepts exactly what the evaluator offers.</summary>
    /// <param name="redemption">The redemption.</param>
    /// <param name="promotionUses">The promotion's uses in all, held or committed.</param>
    /// <param name="codeUses">The uses of the redemption's code (read only when it has a code).</param>
    /// <param name="customerUses">The customer's uses of the promotion (read only when it has a customer).</param>
    /// <param name="spent">What the promotion has given away, or <see langword="null"/> when nothing was recorded.</param>
    /// <returns>The failure (which limit refused it, with the limit and the uses), or <see langword="null"/> when every
    /// limit passes.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="redemption"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative, or <paramref name="spent"/> is negative.</exception>
    /// <exception cref="InvalidOperationException"><paramref name="spent"/> or the redemption is in another currency
    /// than the budget.</exception>
    public ReservationFailure? Check(Redemption redemption, int promotionUses, int codeUses, int customerUses, Money? spent)
    {
        Guard.NotNull(redemption);
        if (promotionUses < 0 || codeUses < 0 || customerUses < 0)
        {
            throw new ArgumentOutOfRangeException(
                promotionUses < 0 ? nameof(promotionUses) : codeUses < 0 ? nameof(codeUses) : nameof(customerUses), "A count of uses must not be negative.");
        }

        if (spent is { IsNegative: true })
        {
            throw new ArgumentOutOfRangeException(nameof(spent), spent, "An amount spent must not be negative.");
        }

        return LimitCheck.Check(redemption, this, promotionUses, codeUses, customerUses, spent);
    }

    /// <summary>Gets a value indicating whether any limit needs usage to be checked.</summary>
    internal bool NeedsUsage => Total is not null || PerCode is not null || PerCustomer is not null || Budget is not null;

    /// <summary>The limits of an activation and its usage limits, computed once per promotion.</summary>
    internal static RedemptionLimits Of(PromotionActivation activation, UsageLimits limits)
    {
        var claimCodes = activation.Kind == ActivationKind.ClaimCodes;
        return new(
            limits.Total,
            claimCodes ? 1 : limits.PerCode,
            limits.PerCustomer,
            limits.Budget,
            limits.BudgetPolicy,
            limits.CountPolicy,
            claimCodes ? LimitPolicy.Hard : limits.CountPolicy);
    }
}
