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
