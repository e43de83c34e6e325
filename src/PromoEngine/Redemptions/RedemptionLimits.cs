using PromoEngine.Internal;

namespace PromoEngine;

/// <summary>The limits a ledger checks for one redemption: per promotion, per code, per customer, and a spend budget.</summary>
/// <remarks>Immutable and thread-safe, with value equality.</remarks>
public sealed record RedemptionLimits
{
    private RedemptionLimits(int? total, int? perCode, int? perCustomer, Money? budget, BudgetPolicy budgetPolicy)
    {
        Total = total;
        PerCode = perCode;
        PerCustomer = perCustomer;
        Budget = budget;
        BudgetPolicy = budgetPolicy;
    }

    /// <summary>Gets the limit on uses of the promotion in all.</summary>
    /// <value><see langword="null"/> for none.</value>
    public int? Total { get; }

    /// <summary>Gets the limit on uses of the code: 1 for a single-use claim code, N for a group code.</summary>
    /// <value><see langword="null"/> for none.</value>
    public int? PerCode { get; }

    /// <summary>Gets the limit on uses by one customer.</summary>
    /// <value><see langword="null"/> for none.</value>
    public int? PerCustomer { get; }

    /// <summary>Gets the most the promotion may give away in all.</summary>
    /// <value><see langword="null"/> for no budget.</value>
    public Money? Budget { get; }

    /// <summary>Gets how the budget is enforced.</summary>
    /// <value>Hard unless the promotion says soft.</value>
    public BudgetPolicy BudgetPolicy { get; }

    /// <summary>Gets the limits of a promotion as a ledger checks them.</summary>
    /// <param name="promotion">The promotion.</param>
    /// <returns>Its limits; a pool of claim codes is limited to one use per code whatever else it says.</returns>
    public static RedemptionLimits For(Promotion promotion)
    {
        Guard.NotNull(promotion);
        var limits = promotion.Limits;
        var perCode = promotion.Activation.Kind == ActivationKind.ClaimCodes ? 1 : limits.PerCode;
        return new(limits.Total, perCode, limits.PerCustomer, limits.Budget, limits.BudgetPolicy);
    }
}
