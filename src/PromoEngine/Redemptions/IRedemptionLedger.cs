using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace PromoEngine;

/// <summary>The authority on usage limits: reserves an order's redemptions atomically, commits them when the order is
/// placed, and releases them on cancel or return. Every operation is idempotent by order id.</summary>
/// <remarks>
/// <para>Reserve is all-or-nothing: every limit of every redemption is checked and, when all pass, all are held,
/// as one atomic step, so a limit can never be oversold by concurrent checkouts. Reserved and committed uses both
/// count against limits; released and expired ones do not.</para>
/// <para>A retried reserve of the same order returns the reservation it already has; a retried commit or release
/// changes nothing. A reservation not committed within the ledger's timeout expires and gives its uses back.</para>
/// <para>Implementations must be thread-safe. The contract tests in the PromoEngine test suite
/// (<c>RedemptionLedgerContract</c>) check an implementation against these rules.</para>
/// </remarks>
public interface IRedemptionLedger
{
    /// <summary>Reserves an order's redemptions, all or none.</summary>
    /// <param name="request">The order and its redemptions with their limits.</param>
    /// <param name="cancellationToken">Cancels the call before it takes effect.</param>
    /// <returns>Success with the expiry, or every refused redemption.</returns>
    /// <exception cref="System.InvalidOperationException">The order already holds a different reservation.</exception>
    ValueTask<ReservationResult> ReserveAsync(ReservationRequest request, CancellationToken cancellationToken = default);

    /// <summary>Commits an order's reservation when the order is placed.</summary>
    /// <param name="orderId">The order's id.</param>
    /// <param name="cancellationToken">Cancels the call before it takes effect.</param>
    /// <returns>The state after the call: <see cref="ReservationState.Committed"/> on success (also when it was
    /// committed already); otherwise the state that prevented it (none, released, expired).</returns>
    ValueTask<ReservationState> CommitAsync(string orderId, CancellationToken cancellationToken = default);

    /// <summary>Releases an order's reservation or commitment (cancel, return), giving its uses back.</summary>
    /// <param name="orderId">The order's id.</param>
    /// <param name="cancellationToken">Cancels the call before it takes effect.</param>
    /// <returns>The state after the call: <see cref="ReservationState.Released"/>, or the state it already had
    /// (none, expired).</returns>
    ValueTask<ReservationState> ReleaseAsync(string orderId, CancellationToken cancellationToken = default);

    /// <summary>Gets the state of an order's reservation.</summary>
    /// <param name="orderId">The order's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The state.</returns>
    ValueTask<ReservationState> GetStateAsync(string orderId, CancellationToken cancellationToken = default);

    /// <summary>Gets the usage the evaluator needs for a cart: counts and spend of the promotions, counts of the codes,
    /// and the customer's counts; held and committed uses both count.</summary>
    /// <param name="promotions">The promotions of interest (a catalog's, say).</param>
    /// <param name="codes">The codes entered, in any form.</param>
    /// <param name="customerId">The customer's key, or <see langword="null"/> for a guest.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A snapshot to pass to the evaluator.</returns>
    ValueTask<UsageSnapshot> GetUsageAsync(
        IEnumerable<PromotionId> promotions,
        IEnumerable<string> codes,
        string? customerId,
        CancellationToken cancellationToken = default);
}
