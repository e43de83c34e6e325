using System;
using PromoEngine.Internal;

namespace PromoEngine;

/// <summary>How often a promotion may be redeemed: in total, per code, and per customer. Each limit is optional.</summary>
/// <remarks>
/// <para>A single-use claim code is limited to one use per code whatever <see cref="PerCode"/> says. A group claim
/// code for "the first 50 customers" is a shared code with <see cref="PerCode"/> 50 (or <see cref="Total"/> 50) and
/// <see cref="PerCustomer"/> 1.</para>
/// <para>The evaluator checks these against a <see cref="UsageSnapshot"/> to say "already redeemed" early, and keeps a
/// hard budget by never offering more than is left of it; the redemption ledger is the authority at checkout.</para>
/// <para>Immutable and thread-safe.</para>
/// </remarks>
public sealed class UsageLimits
{
    /// <summary>Initializes a new instance of the <see cref="UsageLimits"/> class.</summary>
    /// <param name="total">Redemptions of the promotion in all, or <see langword="null"/> for no limit.</param>
    /// <param name="perCode">Redemptions of each of its codes, or <see langword="null"/> for no limit.</param>
    /// <param name="perCustomer">Redemptions by one customer, or <see langword="null"/> for no limit. A guest cannot
    /// use a promotion with this limit.</param>
    /// <param name="budget">The most the promotion may give away in all, or <see langword="null"/> for no budget.</param>
    /// <param name="budgetPolicy">Whether the budget is hard (never exceeded) or soft (the last order may pass it).</param>
    /// <param name="countPolicy">Whether <paramref name="total"/> and <paramref name="perCode"/> are hard (the ledger
    /// refuses a use past them) or soft (the evaluator stops offering at the limit, and the ledger accepts every offer
    /// made before: checkouts in flight when the limit is reached may pass it). Single-use claim codes and per-customer
    /// limits are always hard.</param>
    /// <exception cref="ArgumentOutOfRangeException">A limit is below one, the budget is not positive and rounded, or a
    /// policy is not defined.</exception>
    public UsageLimits(
        int? total = null,
        int? perCode = null,
        int? perCustomer = null,
        Money? budget = null,
        BudgetPolicy budgetPolicy = BudgetPolicy.Hard,
        LimitPolicy countPolicy = LimitPolicy.Hard)
    {
        Total = Check(total, nameof(total));
        PerCode = Check(perCode, nameof(perCode));
        PerCustomer = Check(perCustomer, nameof(perCustomer));
        if (budget is { } b && (b.Currency.IsDefault || b.Amount <= 0m || !b.IsRounded))
        {
            throw new ArgumentOutOfRangeException(nameof(budget), budget, "A budget must be more than zero and rounded to its minor unit.");
        }

        if (budget is { } within)
        {
            Guard.WithinMaxAmount(within, nameof(budget));
        }

        if (budgetPolicy is not (BudgetPolicy.Hard or BudgetPolicy.Soft))
        {
            throw new ArgumentOutOfRangeException(nameof(budgetPolicy), budgetPolicy, "Not a defined BudgetPolicy value.");
        }

        if (countPolicy is not (LimitPolicy.Hard or LimitPolicy.Soft))
        {
            throw new ArgumentOutOfRangeException(nameof(countPolicy), countPolicy, "Not a defined LimitPolicy value.");
        }

        Budget = budget;
        BudgetPolicy = budgetPolicy;
        CountPolicy = countPolicy;
    }

    /// <summary>Gets no limits at all.</summary>
    /// <value>Every limit <see langword="null"/>.</value>
    public static UsageLimits None { get; } = new();

    /// <summary>Gets the limit on redemptions of the promotion in all.</summary>
    /// <value><see langword="null"/> for none.</value>
    public int? Total { get; }

    /// <summary>Gets the limit on redemptions of each code.</summary>
    /// <value><see langword="null"/> for none.</value>
    public int? PerCode { get; }

    /// <summary>Gets the limit on redemptions by one customer.</summary>
    /// <value><see langword="null"/> for none.</value>
    public int? PerCustomer { get; }

    /// <summary>Gets the most the promotion may give away in all.</summary>
    /// <value><see langword="null"/> for no budget.</value>
    public Money? Budget { get; }

    /// <summary>Gets how the budget is enforced.</summary>
    /// <value><see cref="BudgetPolicy.Hard"/> unless said.</value>
    public BudgetPolicy BudgetPolicy { get; }

    /// <summary>Gets how <see cref="Total"/> and <see cref="PerCode"/> are enforced.</summary>
    /// <value><see cref="LimitPolicy.Hard"/> unless said.</value>
    public LimitPolicy CountPolicy { get; }

    private static int? Check(int? limit, string name) =>
        limit is < 1 ? throw new ArgumentOutOfRangeException(name, limit, "A usage limit must be one or more.") : limit;
}
