using System;

namespace PromoEngine;

/// <summary>The redemption ledger could not do what was asked for a technical reason (its store is down, a connection
/// failed, a call timed out): never a limit, and never a business "no".</summary>
/// <remarks>
/// <para>When <see cref="IRedemptionLedger.GetUsageAsync"/> throws it, evaluate with
/// <see cref="UsageSnapshot.Unavailable"/>: promotions without limits still apply, and those with limits are rejected
/// with <see cref="RejectionReason.UsageUnavailable"/> ("try again in a moment"). When a reservation throws it, nothing
/// is known to be held: retry with the same order id (reservations are idempotent), or place the order without the
/// promotions that need the ledger.</para>
/// <para>Ledgers wrap the store's own exception in <see cref="Exception.InnerException"/>.</para>
/// </remarks>
public sealed class LedgerUnavailableException : Exception
{
    /// <summary>Initializes a new instance of the <see cref="LedgerUnavailableException"/> class.</summary>
    public LedgerUnavailableException()
        : base("The redemption ledger is unavailable.")
    {
    }

    /// <summary>Initializes a new instance of the <see cref="LedgerUnavailableException"/> class.</summary>
    /// <param name="message">What failed.</param>
    public LedgerUnavailableException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="LedgerUnavailableException"/> class.</summary>
    /// <param name="message">What failed.</param>
    /// <param name="innerException">The store's own exception.</param>
    public LedgerUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
