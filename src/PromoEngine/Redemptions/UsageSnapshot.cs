using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics.Contracts;
using PromoEngine.Internal;

namespace PromoEngine;

/// <summary>The redemptions known so far, as the evaluator needs them: per promotion (uses and spend), per code, and per
/// customer of a promotion. The evaluator uses it to say "already redeemed" before checkout and to keep a hard budget;
/// the ledger decides at reserve time.</summary>
/// <remarks>
/// <para>A snapshot is either <em>complete</em> or <em>partial</em>. In a complete snapshot (<see cref="Empty"/> and
/// every copy made from it) a counter that was never set is zero: the host says "nothing else was used". In a partial
/// snapshot (<see cref="Unavailable"/>, what a ledger returns for a <see cref="UsageRequest"/>, and every copy made from
/// them) only the counters set are known; the others are unknown, and the evaluator rejects a promotion whose limits it
/// cannot check with <see cref="RejectionReason.UsageUnavailable"/> rather than treat them as unused.</para>
/// <para>A promotion's uses and spend are known together: setting either makes both known (a spend never set is then
/// zero). Codes are normalized when recorded and looked up.</para>
/// <para>Immutable and thread-safe.</para>
/// </remarks>
public sealed class UsageSnapshot
{
    private readonly ImmutableDictionary<PromotionId, int> _promotions;
    private readonly ImmutableDictionary<string, int> _codes;
    private readonly ImmutableDictionary<(PromotionId, string), int> _customers;
    private readonly ImmutableDictionary<PromotionId, Money> _spent;

    private UsageSnapshot(
        bool isComplete,
        ImmutableDictionary<PromotionId, int> promotions,
        ImmutableDictionary<string, int> codes,
        ImmutableDictionary<(PromotionId, string), int> customers,
        ImmutableDictionary<PromotionId, Money> spent)
    {
        IsComplete = isComplete;
        _promotions = promotions;
        _codes = codes;
        _customers = customers;
        _spent = spent;
    }

    /// <summary>Gets the complete snapshot with no redemptions: every count zero, nothing spent.</summary>
    /// <value>Every count zero.</value>
    public static UsageSnapshot Empty { get; } = new(
        true,
        ImmutableDictionary<PromotionId, int>.Empty,
        ImmutableDictionary.Create<string, int>(StringComparer.Ordinal),
        ImmutableDictionary<(PromotionId, string), int>.Empty,
        ImmutableDictionary<PromotionId, Money>.Empty);

    /// <summary>Gets the partial snapshot that knows nothing: what to evaluate with when usage cannot be read (the
    /// ledger timed out, the database is down). Promotions without limits apply as usual; those with limits are
    /// rejected with <see cref="RejectionReason.UsageUnavailable"/>.</summary>
    /// <value>Every count unknown.</value>
    public static UsageSnapshot Unavailable { get; } = new(
        false,
        ImmutableDictionary<PromotionId, int>.Empty,
        ImmutableDictionary.Create<string, int>(StringComparer.Ordinal),
        ImmutableDictionary<(PromotionId, string), int>.Empty,
        ImmutableDictionary<PromotionId, Money>.Empty);

    /// <summary>Gets a value indicating whether counters never set are zero (complete) or unknown (partial).</summary>
    /// <value><see langword="true"/> for <see cref="Empty"/> and its copies.</value>
    public bool IsComplete { get; }

    /// <summary>Gets how often a promotion has been redeemed in all.</summary>
    /// <param name="promotion">The promotion.</param>
    /// <returns>The count; zero when never set in a complete snapshot; <see langword="null"/> when unknown.</returns>
    public int? PromotionUses(PromotionId promotion) =>
        _promotions.TryGetValue(promotion, out var uses) ? uses : IsComplete ? 0 : null;

    /// <summary>Gets how often a code has been redeemed.</summary>
    /// <param name="code">The code, in any form; it is normalized (a malformed code has no uses).</param>
    /// <returns>The count; zero when never set in a complete snapshot; <see langword="null"/> when unknown.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="code"/> is <see langword="null"/>.</exception>
    public int? CodeUses(string code)
    {
        Guard.NotNull(code);
        return PromotionCode.TryNormalize(code, out var normalized, out _) ? CanonicalCodeUses(normalized) : 0;
    }

    /// <summary>Gets how often a customer has redeemed a promotion.</summary>
    /// <param name="promotion">The promotion.</param>
    /// <param name="customerId">The customer's key.</param>
    /// <returns>The count; zero when never set in a complete snapshot; <see langword="null"/> when unknown.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="customerId"/> is <see langword="null"/>.</exception>
    public int? CustomerUses(PromotionId promotion, string customerId) =>
        _customers.TryGetValue((promotion, Guard.NotNull(customerId)), out var uses) ? uses : IsComplete ? 0 : null;

    /// <summary>Gets how much a promotion has given away in all.</summary>
    /// <param name="promotion">The promotion.</param>
    /// <returns>The amount, or <see langword="null"/> when nothing is recorded (zero if its uses are known).</returns>
    public Money? PromotionSpent(PromotionId promotion) => _spent.TryGetValue(promotion, out var spent) ? spent : null;

    /// <summary>Returns a copy with a promotion's total count set (which makes its spend known too).</summary>
    /// <param name="promotion">The promotion.</param>
    /// <param name="uses">The count, zero or more.</param>
    /// <returns>The changed copy.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="uses"/> is negative.</exception>
    [Pure]
    public UsageSnapshot WithPromotionUses(PromotionId promotion, int uses) =>
        new(IsComplete, _promotions.SetItem(promotion, NotNegative(uses)), _codes, _customers, _spent);

    /// <summary>Returns a copy with a code's count set.</summary>
    /// <param name="code">The code; it is normalized.</param>
    /// <param name="uses">The count, zero or more.</param>
    /// <returns>The changed copy.</returns>
    /// <exception cref="ArgumentException"><paramref name="code"/> is malformed.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="uses"/> is negative.</exception>
    [Pure]
    public UsageSnapshot WithCodeUses(string code, int uses) =>
        new(IsComplete, _promotions, _codes.SetItem(PromotionCode.Normalize(Guard.NotNull(code)), NotNegative(uses)), _customers, _spent);

    /// <summary>Returns a copy with a customer's count for a promotion set.</summary>
    /// <param name="promotion">The promotion.</param>
    /// <param name="customerId">The customer's key.</param>
    /// <param name="uses">The count, zero or more.</param>
    /// <returns>The changed copy.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="uses"/> is negative.</exception>
    [Pure]
    public UsageSnapshot WithCustomerUses(PromotionId promotion, string customerId, int uses) =>
        new(IsComplete, _promotions, _codes, _customers.SetItem((promotion, Text.Identifier(customerId)), NotNegative(uses)), _spent);

    /// <summary>Returns a copy with what a promotion has given away set (which makes its uses known too: zero unless
    /// set).</summary>
    /// <param name="promotion">The promotion.</param>
    /// <param name="spent">The amount, zero or more.</param>
    /// <returns>The changed copy.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="spent"/> is negative or has no currency.</exception>
    [Pure]
    public UsageSnapshot WithPromotionSpent(PromotionId promotion, Money spent) =>
        spent.IsNegative || spent.Currency.IsDefault
            ? throw new ArgumentOutOfRangeException(nameof(spent), spent, "An amount spent must be zero or more.")
            : new(IsComplete, _promotions.ContainsKey(promotion) ? _promotions : _promotions.SetItem(promotion, 0), _codes, _customers, _spent.SetItem(promotion, spent));

    /// <summary>Makes a partial snapshot in one step from what a ledger read for a <see cref="UsageRequest"/>: what a
    /// ledger of a host's own returns from <see cref="IRedemptionLedger.GetUsageAsync"/>. Only the counters given are
    /// known.</summary>
    /// <param name="promotions">Each promotion's uses in all, held or committed.</param>
    /// <param name="codes">Each code's uses; codes are normalized (stored codes already are).</param>
    /// <param name="customers">Each (promotion, customer key) pair's uses.</param>
    /// <param name="spent">What each promotion has given away; a promotion given here and not in
    /// <paramref name="promotions"/> has zero uses.</param>
    /// <returns>The partial snapshot.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A key is given twice (codes: after normalization), or a code or customer key
    /// is malformed.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A count or amount is negative, or an amount has no currency.</exception>
    public static UsageSnapshot Partial(
        IEnumerable<KeyValuePair<PromotionId, int>> promotions,
        IEnumerable<KeyValuePair<string, int>> codes,
        IEnumerable<KeyValuePair<(PromotionId Promotion, string CustomerId), int>> customers,
        IEnumerable<KeyValuePair<PromotionId, Money>> spent)
    {
        var promotionUses = ImmutableDictionary.CreateBuilder<PromotionId, int>();
        foreach (var (promotion, uses) in Guard.NotNull(promotions))
        {
            promotionUses.Add(promotion, NotNegative(uses, nameof(promotions)));
        }

        var codeUses = ImmutableDictionary.CreateBuilder<string, int>(StringComparer.Ordinal);
        foreach (var (code, uses) in Guard.NotNull(codes))
        {
            codeUses.Add(PromotionCode.Normalize(code), NotNegative(uses, nameof(codes)));
        }

        var customerUses = ImmutableDictionary.CreateBuilder<(PromotionId, string), int>();
        foreach (var ((promotion, customer), uses) in Guard.NotNull(customers))
        {
            customerUses.Add((promotion, Text.Identifier(customer)), NotNegative(uses, nameof(customers)));
        }

        var amounts = ImmutableDictionary.CreateBuilder<PromotionId, Money>();
        foreach (var (promotion, amount) in Guard.NotNull(spent))
        {
            amounts.Add(promotion, amount.IsNegative || amount.Currency.IsDefault
                ? throw new ArgumentOutOfRangeException(nameof(spent), amount, "An amount spent must be zero or more.")
                : amount);
            promotionUses.TryAdd(promotion, 0);
        }

        return new(false, promotionUses.ToImmutable(), codeUses.ToImmutable(), customerUses.ToImmutable(), amounts.ToImmutable());
    }

    /// <summary>A partial snapshot made in one step from what the in-memory ledger read (codes already canonical, counts
    /// already checked).</summary>
    internal static UsageSnapshot Canonical(
        IEnumerable<KeyValuePair<PromotionId, int>> promotions,
        IEnumerable<KeyValuePair<string, int>> codes,
        IEnumerable<KeyValuePair<(PromotionId, string), int>> customers,
        IEnumerable<KeyValuePair<PromotionId, Money>> spent) => new(
        false,
        ImmutableDictionary.CreateRange(promotions),
        ImmutableDictionary.CreateRange(StringComparer.Ordinal, codes),
        ImmutableDictionary.CreateRange(customers),
        ImmutableDictionary.CreateRange(spent));

    /// <summary>The uses of a code already in its canonical (normalized, folded) form, as the evaluator holds it.</summary>
    internal int? CanonicalCodeUses(string canonical) =>
        _codes.TryGetValue(canonical, out var uses) ? uses : IsComplete ? 0 : null;

    private static int NotNegative(int uses, [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(uses))] string? name = null) =>
        uses < 0 ? throw new ArgumentOutOfRangeException(name, uses, "A count of uses must not be negative.") : uses;
}
