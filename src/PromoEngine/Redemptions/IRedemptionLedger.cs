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
/// <para>A technical failure (the store cannot be reached, a timeout) is never reported as a limit: every operation
/// throws <see cref="LedgerUnavailableException"/> for it, so checkout can tell "this code is used up" from "try again".
/// The ledger's state is then as if the call had not been made, or as if it had completed; a retry with the same order
/// id settles which.</para>
/// <para>Implementations must be thread-safe. The contract suite of the package PromoEngine.Testing
/// (<c>RedemptionLedgerContract</c>, xunit) checks an implementation against these rules.</para>
/// </remarks>
public interface IRedemptionLedger
{
    /// <summary>Reserves an order's redemptions, all or none.</summary>
    /// <param name="request">The order and its redemptions with their limits.</param>
    /// <param name="cancellationToken">Cancels the call before it takes effect.</param>
    /// <returns>Success with the expiry, or every refused redemption.</returns>
    /// <exception cref="System.InvalidOperationException">The order already holds a different reservation.</exception>
    /// <exception cref="LedgerUnavailableException">The store cannot be reached: nothing is known to be held; retry
    /// with the same order id, or place the order without its promotions.</exception>
    ValueTask<ReservationResult> ReserveAsync(ReservationRequest request, CancellationToken cancellationToken = default);

    /// <summary>Commits an order's reservation when the order is placed.</summary>
    /// <param name="orderId">The order's id.</param>
    /// <param name="cancellationToken">Cancels the call before it takes effect.</param>
    /// <returns>The state after the call: <see cref="ReservationState.Committed"/> on success (also when it was
    /// committed already); otherwise the state that prevented it (none, released, expired).</returns>
    /// <exception cref="LedgerUnavailableException">The store cannot be reached; retry with the same order id.</exception>
    ValueTask<ReservationState> CommitAsync(string orderId, CancellationToken cancellationToken = default);

    /// <summary>Releases an order's reservation or commitment (cancel, return), giving its uses back.</summary>
    /// <param name="orderId">The order's id.</param>
    /// <param name="cancellationToken">Cancels the call before it takes effect.</param>
    /// <returns>The state after the call: <see cref="ReservationState.Released"/>, or the state it already had
    /// (none, expired).</returns>
    /// <exception cref="LedgerUnavailableException">The store cannot be reached; retry with the same order id.</exception>
    ValueTask<ReservationState> ReleaseAsync(string orderId, CancellationToken cancellationToken = default);

    /// <summary>Records a partial return of a committed order: gives back to each named promotion the spend the return
    /// frees from its budget, and, for a promotion the order no longer uses at all, its use (the promotion's, the
    /// code's and the customer's counts). Idempotent by return id. Make the return with
    /// <see cref="ReturnResult.ToLedgerReturn"/>.</summary>
    /// <param name="orderId">The order's id.</param>
    /// <param name="orderReturn">The return: its id, unique within the order, and what it gives back.</param>
    /// <param name="cancellationToken">Cancels the call before it takes effect.</param>
    /// <returns>The order's state after the call: <see cref="ReservationState.Committed"/> when the return is recorded
    /// (also when it was recorded already: the same return id with the same content changes nothing); otherwise the
    /// state that prevented it (none, reserved, released, expired), and nothing changes: only a committed order can
    /// have returns.</returns>
    /// <exception cref="System.ArgumentNullException"><paramref name="orderReturn"/> is null.</exception>
    /// <exception cref="System.ArgumentException"><paramref name="orderId"/> is empty or malformed; the return names a
    /// promotion the order did not redeem; or it gives back more spend than the order's redemption of it has left
    /// (with the order's earlier returns). Nothing changes.</exception>
    /// <exception cref="CurrencyMismatchException">A spend is in another currency than the promotion's redemption;
    /// nothing changes.</exception>
    /// <exception cref="System.InvalidOperationException">The order already recorded a return with this id and other
    /// content; nothing changes.</exception>
    /// <exception cref="LedgerUnavailableException">The store cannot be reached; retry with the same return id.</exception>
    /// <remarks>
    /// <para>A use given back is given back once: a later return that names the promotion again as no longer used
    /// changes only its spend. <see cref="ReleaseAsync"/> after returns gives back only what the returns left: the
    /// uses still held and the spend not yet given back.</para>
    /// <para>Checks happen first and all of them: a refused return changes nothing (including for its return id, which
    /// a corrected call may then use).</para>
    /// </remarks>
    ValueTask<ReservationState> ReturnAsync(string orderId, LedgerReturn orderReturn, CancellationToken cancellationToken = default);

    /// <summary>Gets the state of an order's reservation.</summary>
    /// <param name="orderId">The order's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The state.</returns>
    /// <exception cref="LedgerUnavailableException">The store cannot be reached; retry with the same order id.</exception>
    ValueTask<ReservationState> GetStateAsync(string orderId, CancellationToken cancellationToken = default);

    /// <summary>Gets the usage an evaluation needs, and nothing more: the counts and spend of the requested promotions,
    /// the counts of the requested codes, and the customer's counts of the requested promotions; held and committed
    /// uses both count, released and expired ones do not.</summary>
    /// <param name="request">What to read; make it with <see cref="PromotionEvaluator.UsageRequestFor"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A partial snapshot (see <see cref="UsageSnapshot.IsComplete"/>) that knows exactly the requested
    /// counters, to pass to the evaluator.</returns>
    /// <exception cref="LedgerUnavailableException">The ledger's store cannot be reached or did not answer in time:
    /// evaluate with <see cref="UsageSnapshot.Unavailable"/> instead.</exception>
    ValueTask<UsageSnapshot> GetUsageAsync(UsageRequest request, CancellationToken cancellationToken = default);
}
