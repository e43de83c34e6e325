using System;
using System.Globalization;

namespace PromoEngine;

// The order-history kind of restriction: how many orders the customer placed before. Its parts: the factories here, the
// check in the evaluator's gate (PromotionEvaluator.Gate.cs, CheckCustomer), the JSON shape
// { "type": "previousOrders", "atLeast": n, "atMost": n } (Serialization/PromotionJson.Parts.cs).
public abstract partial class Restriction
{
    /// <summary>Only customers who placed a number of orders before this one within the bounds (both inclusive), judged
    /// on <see cref="CustomerProfile.PreviousOrders"/>: "from your fourth order" is <c>PreviousOrders(atLeast: 3)</c>,
    /// "for the first three orders" is <c>PreviousOrders(atMost: 2)</c>.</summary>
    /// <param name="atLeast">The fewest previous orders, zero or more; no lower bound when <see langword="null"/>.</param>
    /// <param name="atMost">The most previous orders, at least <paramref name="atLeast"/>; no upper bound when
    /// <see langword="null"/>.</param>
    /// <returns>The restriction; when it fails the promotion is rejected with
    /// <see cref="RejectionReason.OrderHistoryNotEligible"/>. A customer whose count is unknown (a guest, unless the
    /// host says) never qualifies.</returns>
    /// <exception cref="ArgumentException">Neither bound is given.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A bound is negative, or <paramref name="atMost"/> is below
    /// <paramref name="atLeast"/>.</exception>
    public static Restriction PreviousOrders(int? atLeast = null, int? atMost = null)
    {
        if (atLeast is null && atMost is null)
        {
            throw new ArgumentException("An order-history restriction needs at least one bound.", nameof(atLeast));
        }

        if (atLeast < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(atLeast), atLeast, "A number of previous orders must be zero or more.");
        }

        if (atMost < 0 || atMost < atLeast)
        {
            throw new ArgumentOutOfRangeException(nameof(atMost), atMost, "Must be zero or more, and not below atLeast.");
        }

        return new OrderHistoryRestriction(atLeast, atMost);
    }

    /// <summary>Only the customer's <paramref name="n"/>th order: <c>NthOrder(1)</c> is the first order,
    /// <c>NthOrder(5)</c> the fifth (four orders before it).</summary>
    /// <param name="n">Which order, one or more.</param>
    /// <returns>The restriction <c>PreviousOrders(n - 1, n - 1)</c>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="n"/> is below one.</exception>
    public static Restriction NthOrder(int n) =>
        n < 1 ? throw new ArgumentOutOfRangeException(nameof(n), n, "Orders are counted from one.") : new OrderHistoryRestriction(n - 1, n - 1);
}

/// <summary>A restriction on how many orders the customer placed before.</summary>
internal sealed class OrderHistoryRestriction(int? atLeast, int? atMost) : Restriction
{
    public int? AtLeast { get; } = atLeast;

    public int? AtMost { get; } = atMost;

    public bool Admits(int? previous) => previous is { } n && (AtLeast is not { } low || n >= low) && (AtMost is not { } high || n <= high);

    public override string ToString() => (AtLeast, AtMost) switch
    {
        ({ } low, { } high) when low == high => string.Create(CultureInfo.InvariantCulture, $"order number {low + 1}"),
        ({ } low, { } high) => string.Create(CultureInfo.InvariantCulture, $"{low} to {high} previous orders"),
        ({ } low, null) => string.Create(CultureInfo.InvariantCulture, $"at least {low} previous orders"),
        (_, { } high) => string.Create(CultureInfo.InvariantCulture, $"at most {high} previous orders"),
        _ => "any order",
    };
}
