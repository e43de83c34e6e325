using System;
using System.Collections.Immutable;
using NodaTime;
using PromoEngine.Internal;

namespace PromoEngine;

/// <summary>The ledger's answer to a reservation: all held, or none (with every redemption it refused).</summary>
/// <remarks>Immutable and thread-safe, with value equality.</remarks>
public sealed record ReservationResult
{
    private readonly EquatableArray<ReservationFailure> _failures;

    internal ReservationResult(string orderId, ReservationState state, Instant? expiresAt, ImmutableArray<ReservationFailure> failures)
    {
        OrderId = orderId;
        State = state;
        ExpiresAt = expiresAt;
        _failures = new(failures);
    }

    /// <summary>Makes the answer of a ledger that holds every redemption of an order: newly reserved, or found reserved
    /// or committed by an earlier call with the same order id.</summary>
    /// <param name="orderId">The order's id; it is trimmed and checked as <see cref="Identifiers.Normalize"/> does.</param>
    /// <param name="state"><see cref="ReservationState.Reserved"/> or <see cref="ReservationState.Committed"/>.</param>
    /// <param name="expiresAt">When the reservation expires: required for <see cref="ReservationState.Reserved"/>,
    /// <see langword="null"/> for <see cref="ReservationState.Committed"/>.</param>
    /// <returns>A result that <see cref="Succeeded"/>.</returns>
    /// <exception cref="ArgumentException"><paramref name="orderId"/> is malformed, or <paramref name="expiresAt"/>
    /// does not fit <paramref name="state"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="state"/> is not a state an order is held in.</exception>
    /// <remarks>For hosts that write their own <see cref="IRedemptionLedger"/> over their own store.</remarks>
    public static ReservationResult Held(string orderId, ReservationState state, Instant? expiresAt)
    {
        var id = Identifiers.Normalize(orderId);
        return state switch
        {
            ReservationState.Reserved when expiresAt is null =>
                throw new ArgumentException("A reserved order has an expiry.", nameof(expiresAt)),
            ReservationState.Committed when expiresAt is not null =>
                throw new ArgumentException("A committed order does not expire.", nameof(expiresAt)),
            ReservationState.Reserved or ReservationState.Committed => new(id, state, expiresAt, []),
            _ => throw new ArgumentOutOfRangeException(nameof(state), state, "An order is held only when reserved or committed."),
        };
    }

    /// <summary>Makes the answer of a ledger that refuses an order's reservation: nothing is held.</summary>
    /// <param name="orderId">The order's id; it is trimmed and checked as <see cref="Identifiers.Normalize"/> does.</param>
    /// <param name="state">The order's state after the call: <see cref="ReservationState.None"/> for an order the ledger
    /// never held, or its earlier <see cref="ReservationState.Released"/> or <see cref="ReservationState.Expired"/>.</param>
    /// <param name="failures">Every redemption refused, at least one (<see cref="RedemptionLimits.Check"/> makes
    /// them).</param>
    /// <returns>A result that has not <see cref="Succeeded"/>.</returns>
    /// <exception cref="ArgumentException"><paramref name="orderId"/> is malformed, or <paramref name="failures"/> is
    /// empty or holds <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="state"/> is a state that holds the order.</exception>
    /// <remarks>For hosts that write their own <see cref="IRedemptionLedger"/> over their own store.</remarks>
    public static ReservationResult Refused(string orderId, ReservationState state, ImmutableArray<ReservationFailure> failures)
    {
        var id = Identifiers.Normalize(orderId);
        if (state is not (ReservationState.None or ReservationState.Released or ReservationState.Expired))
        {
            throw new ArgumentOutOfRangeException(nameof(state), state, "A refused order is not held: None, Released or Expired.");
        }

        if (failures.IsDefaultOrEmpty)
        {
            throw new ArgumentException("A refusal names at least one failure.", nameof(failures));
        }

        foreach (var failure in failures)
        {
            if (failure is null)
            {
                throw new ArgumentException("A failure must not be null.", nameof(failures));
            }
        }

        return new(id, state, null, failures);
    }

    /// <summary>Gets the order's id.</summary>
    /// <value>As requested.</value>
    public string OrderId { get; }

    /// <summary>Gets a value indicating whether every redemption is held (or was already committed by this order).</summary>
    /// <value><see langword="true"/> when the order may be placed with its promotions.</value>
    public bool Succeeded => _failures.Items.IsEmpty;

    /// <summary>Gets the order's reservation state after the call.</summary>
    /// <value><see cref="ReservationState.Reserved"/> or <see cref="ReservationState.Committed"/> on success;
    /// <see cref="ReservationState.None"/> (or the order's earlier state) on failure.</value>
    public ReservationState State { get; }

    /// <summary>Gets when the reservation expires unless committed.</summary>
    /// <value>Set while reserved.</value>
    public Instant? ExpiresAt { get; }

    /// <summary>Gets the redemptions refused; nothing was held when any is.</summary>
    /// <value>Empty on success.</value>
    public ImmutableArray<ReservationFailure> Failures => _failures.Items;
}
