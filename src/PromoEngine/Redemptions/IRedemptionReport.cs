using System.Collections.Immutable;
using System.Threading;
using System.Threading.Tasks;
using NodaTime;

namespace PromoEngine;

/// <summary>Reports from a ledger's records: redemptions and discount given per affiliate, channel, campaign or tag.
/// The in-memory and PostgreSQL ledgers implement it beside <see cref="IRedemptionLedger"/>.</summary>
/// <remarks>
/// <para>Implementation note: a separate interface rather than a member of <see cref="IRedemptionLedger"/>, so a host's
/// own ledger keeps compiling and working without it (the ledger is the authority on limits; reporting is an extra a
/// store may or may not answer), and a reporting host can depend on the reporting part alone (a read replica, say).</para>
/// <para>Only committed orders count: a reservation is not yet a sale, and a released order is none. A partial return
/// lowers the discount by the spend it gave back, and the count by the uses it gave back.</para>
/// <para>Implementations must be thread-safe. The contract suite of PromoEngine.Testing checks a ledger that implements
/// it.</para>
/// </remarks>
public interface IRedemptionReport
{
    /// <summary>Gets the committed redemptions and the discount they gave, grouped by one part of their attribution and
    /// by currency.</summary>
    /// <param name="by">What to group by.</param>
    /// <param name="redeemedDuring">Only redemptions whose <see cref="Redemption.At"/> is in this interval (half-open);
    /// all when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>One row per value and currency, by key (ordinal; the row of no value last), then currency code; no row
    /// for a group with nothing in it.</returns>
    /// <exception cref="System.ArgumentOutOfRangeException"><paramref name="by"/> is not a defined value.</exception>
    /// <exception cref="LedgerUnavailableException">The store cannot be reached.</exception>
    ValueTask<ImmutableArray<AttributionTotal>> GetAttributionTotalsAsync(
        AttributionDimension by, Interval? redeemedDuring = null, CancellationToken cancellationToken = default);
}
