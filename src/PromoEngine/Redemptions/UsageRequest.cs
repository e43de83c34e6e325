using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using PromoEngine.Internal;

namespace PromoEngine;

/// <summary>The usage an evaluation needs: which promotions' counts and spend, which codes' counts, and whose
/// per-customer counts. Checkout asks the ledger for this and nothing more; the snapshot the ledger returns knows
/// exactly these counters.</summary>
/// <remarks>
/// <para>Make one with <see cref="PromotionEvaluator.UsageRequestFor"/>: it resolves the codes a shopper typed to their
/// canonical form (normalized, and folded where the promotion folds look-alikes), so every spelling of a code reads the
/// same counter, and it asks only for the promotions that can concern the cart and have limits.</para>
/// <para>Immutable and thread-safe, with value equality (the same ids, codes and customer in the same order).</para>
/// </remarks>
public sealed class UsageRequest : IEquatable<UsageRequest>
{
    /// <summary>Initializes a new instance of the <see cref="UsageRequest"/> class.</summary>
    /// <param name="promotions">The promotions whose counts and spend are needed (and, with a customer, that customer's
    /// counts of them); repeats are dropped.</param>
    /// <param name="codes">The codes whose counts are needed, as the ledger records them; each is normalized, and one
    /// that cannot be (it cannot have been redeemed) is dropped, as are repeats.</param>
    /// <param name="customerId">The customer's key, or <see langword="null"/> for a guest (no per-customer counts).</param>
    /// <exception cref="ArgumentNullException"><paramref name="promotions"/> or <paramref name="codes"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="customerId"/> is empty or malformed.</exception>
    public UsageRequest(IEnumerable<PromotionId> promotions, IEnumerable<string> codes, string? customerId)
    {
        Guard.NotNull(promotions);
        Guard.NotNull(codes);
        Promotions = [.. promotions.Distinct()];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var normalized = ImmutableArray.CreateBuilder<string>();
        foreach (var code in codes)
        {
            if (code is not null && PromotionCode.TryNormalize(code, out var canonical, out _) && seen.Add(canonical))
            {
                normalized.Add(canonical);
            }
        }

        Codes = normalized.ToImmutable();
        CustomerId = customerId is null ? null : Text.Identifier(customerId);
    }

    private UsageRequest(ImmutableArray<PromotionId> promotions, ImmutableArray<string> codes, string? customerId)
    {
        Promotions = promotions;
        Codes = codes;
        CustomerId = customerId;
    }

    /// <summary>A request made by the evaluator, whose codes are already canonical and distinct and whose promotions are
    /// distinct: nothing to normalize again.</summary>
    internal static UsageRequest Canonical(ImmutableArray<PromotionId> promotions, ImmutableArray<string> codes, string? customerId) =>
        new(promotions, codes, customerId);

    /// <summary>Gets a request for nothing: an evaluation that needs no usage.</summary>
    /// <value>No promotions, no codes, no customer.</value>
    public static UsageRequest None { get; } = new([], [], null);

    /// <summary>Gets the promotions whose counts and spend are needed.</summary>
    /// <value>Without repeats, possibly empty.</value>
    public ImmutableArray<PromotionId> Promotions { get; }

    /// <summary>Gets the codes whose counts are needed, normalized.</summary>
    /// <value>Without repeats, possibly empty.</value>
    public ImmutableArray<string> Codes { get; }

    /// <summary>Gets the customer whose counts of <see cref="Promotions"/> are needed.</summary>
    /// <value><see langword="null"/> for a guest.</value>
    public string? CustomerId { get; }

    /// <summary>Gets a value indicating whether nothing is asked, so checkout need not call the ledger at all.</summary>
    /// <value><see langword="true"/> when there are no promotions and no codes.</value>
    public bool IsEmpty => Promotions.IsEmpty && Codes.IsEmpty;

    /// <summary>Tests two requests for equality.</summary>
    /// <param name="left">The first.</param>
    /// <param name="right">The second.</param>
    /// <returns><see langword="true"/> when equal.</returns>
    public static bool operator ==(UsageRequest? left, UsageRequest? right) => Equals(left, right);

    /// <summary>Tests two requests for inequality.</summary>
    /// <param name="left">The first.</param>
    /// <param name="right">The second.</param>
    /// <returns><see langword="true"/> when not equal.</returns>
    public static bool operator !=(UsageRequest? left, UsageRequest? right) => !Equals(left, right);

    /// <inheritdoc/>
    public bool Equals(UsageRequest? other) =>
        other is not null
        && CustomerId == other.CustomerId
        && Promotions.SequenceEqual(other.Promotions)
        && Codes.SequenceEqual(other.Codes, StringComparer.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as UsageRequest);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(CustomerId);
        foreach (var id in Promotions)
        {
            hash.Add(id);
        }

        foreach (var code in Codes)
        {
            hash.Add(code, StringComparer.Ordinal);
        }

        return hash.ToHashCode();
    }
}
