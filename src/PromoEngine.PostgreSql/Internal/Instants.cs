using NodaTime;

namespace PromoEngine.PostgreSql.Internal;

/// <summary>Instants as the ledger stores them: bigint nanoseconds since the Unix epoch.</summary>
/// <remarks>Implementation note: exact for every instant from 1678 to 2262, where timestamptz would round to
/// microseconds (a retried reserve must return the very expiry of the first).</remarks>
internal static class Instants
{
    public static long ToNanoseconds(Instant instant) => (instant - NodaConstants.UnixEpoch).ToInt64Nanoseconds();

    public static Instant FromNanoseconds(long nanoseconds) => NodaConstants.UnixEpoch + Duration.FromNanoseconds(nanoseconds);
}
