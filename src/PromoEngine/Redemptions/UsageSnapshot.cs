using System;
using System.Collections.Immutable;
using System.Diagnostics.Contracts;
using PromoEngine.Internal;

namespace PromoEngine;

/// <summary>The redemptions known so far, as the evaluator needs them: per promotion, per code, and per customer of a
/// promotion. The evaluator uses it to say "already redeemed" before checkout; the ledger decides at reserve time.</summary>
/// <remarks>Immutable and thread-safe. Codes are normalized when recorded and looked up.</remarks>
public sealed class UsageSnapshot
{
    private readonly ImmutableDictionary<PromotionId, int> _promotions;
    private readonly ImmutableDictionary<string, int> _codes;
    private readonly ImmutableDictionary<(PromotionId, string), int> _customers;
    private readonly ImmutableDictionary<PromotionId, Money> _spent;

    private UsageSnapshot(
        ImmutableDictionary<PromotionId, int> promotions,
        ImmutableDictionary<string, int> codes,
        ImmutableDictionary<(PromotionId, string), int> customers,
        ImmutableDictionary<PromotionId, Money> spent)
    {
        _promotions = promotions;
        _codes = codes;
        _customers = customers;
        _spent = spent;
    }

    /// <summary>Gets the snapshot with no redemptions.</summary>
    /// <value>Every count zero.</value>
    public static UsageSnapshot Empty { get; } = new(
        ImmutableDictionary<PromotionId, int>.Empty,
        ImmutableDictionary.Create<string, int>(StringComparer.Ordinal),
        ImmutableDictionary<(PromotionId, string), int>.Empty,
        ImmutableDictionary<PromotionId, Money>.Empty);

    /// <summary>Gets how often a promotion has been redeemed in all.</summary>
    /// <param name="promotion">The promotion.</param>
    /// <returns>The count; zero when unknown.</returns>
    public int PromotionUses(PromotionId promotion) => _promotions.GetValueOrDefault(promotion);

    /// <summary>Gets how often a code has been redeemed.</summary>
    /// <param name="code">The code, in any form; it is normalized.</param>
    /// <returns>The count; zero when unknown.</returns>
    public int CodeUses(string code) => _codes.GetValueOrDefault(PromotionCode.Normalize(Guard.NotNull(code)));

    /// <summary>Gets how often a customer has redeemed a promotion.</summary>
    /// <param name="promotion">The promotion.</param>
    /// <param name="customerId">The customer's key.</param>
    /// <returns>The count; zero when unknown.</returns>
    public int CustomerUses(PromotionId promotion, string customerId) => _customers.GetValueOrDefault((promotion, Guard.NotNull(customerId)));

    /// <summary>Returns a copy with a promotion's total count set.</summary>
    /// <param name="promotion">The promotion.</param>
    /// <param name="uses">The count, zero or more.</param>
    /// <returns>The changed copy.</returns>
    [Pure]
    public UsageSnapshot WithPromotionUses(PromotionId promotion, int uses) =>
        new(_promotions.SetItem(promotion, NotNegative(uses)), _codes, _customers, _spent);

    /// <summary>Returns a copy with a code's count set.</summary>
    /// <param name="code">The code; it is normalized.</param>
    /// <param name="uses">The count, zero or more.</param>
    /// <returns>The changed copy.</returns>
    [Pure]
    public UsageSnapshot WithCodeUses(string code, int uses) =>
        new(_promotions, _codes.SetItem(PromotionCode.Normalize(Guard.NotNull(code)), NotNegative(uses)), _customers, _spent);

    /// <summary>Returns a copy with a customer's count for a promotion set.</summary>
    /// <param name="promotion">The promotion.</param>
    /// <param name="customerId">The customer's key.</param>
    /// <param name="uses">The count, zero or more.</param>
    /// <returns>The changed copy.</returns>
    [Pure]
    public UsageSnapshot WithCustomerUses(PromotionId promotion, string customerId, int uses) =>
        new(_promotions, _codes, _customers.SetItem((promotion, Text.Identifier(customerId)), NotNegative(uses)), _spent);

    /// <summary>Gets how much a promotion has given away in all.</summary>
    /// <param name="promotion">The promotion.</param>
    /// <returns>The amount, or <see langword="null"/> when nothing is recorded.</returns>
    public Money? PromotionSpent(PromotionId promotion) => _spent.TryGetValue(promotion, out var spent) ? spent : null;

    /// <summary>Returns a copy with what a promotion has given away set.</summary>
    /// <param name="promotion">The promotion.</param>
    /// <param name="spent">The amount, zero or more.</param>
    /// <returns>The changed copy.</returns>
    [Pure]
    public UsageSnapshot WithPromotionSpent(PromotionId promotion, Money spent) =>
        spent.IsNegative || spent.Currency.IsDefault
            ? throw new ArgumentOutOfRangeException(nameof(spent), spent, "An amount spent must be zero or more.")
            : new(_promotions, _codes, _customers, _spent.SetItem(promotion, spent));

    private static int NotNegative(int uses, [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(uses))] string? name = null) =>
        uses < 0 ? throw new ArgumentOutOfRangeException(name, uses, "A count of uses must not be negative.") : uses;
}
