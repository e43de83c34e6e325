using System.Data;
using System.Threading;
using System.Threading.Tasks;
using NodaTime;
using Npgsql;

namespace PromoEngine.PostgreSql;

/// <summary>Commit and release: lock the order's row, then its counters, and move its uses.</summary>
public sealed partial class PostgreSqlRedemptionLedger
{
    /// <inheritdoc/>
    public ValueTask<ReservationState> CommitAsync(string orderId, CancellationToken cancellationToken = default) =>
        SettleAsync(orderId, ReservationState.Committed, cancellationToken);

    /// <inheritdoc/>
    public ValueTask<ReservationState> ReleaseAsync(string orderId, CancellationToken cancellationToken = default) =>
        SettleAsync(orderId, ReservationState.Released, cancellationToken);

    /// <summary>Moves an order to <paramref name="target"/> (committed or released) when its state allows it; returns its
    /// state afterwards.</summary>
    private async ValueTask<ReservationState> SettleAsync(string orderId, ReservationState target, CancellationToken cancellationToken)
    {
        var id = Identifiers.Normalize(orderId);
        cancellationToken.ThrowIfCancellationRequested();
        var now = _clock.GetCurrentInstant();
        return await RunAsync(
            async connection =>
            {
                await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken).ConfigureAwait(false);
                var state = await LockOrderAsync(connection, transaction, id, now, cancellationToken).ConfigureAwait(false);

                // Held uses become committed ones (+1), committed ones are given back (-1), and held ones given back
                // simply stop being held (0).
                int? sign = (state, target) switch
                {
                    (ReservationState.Reserved, ReservationState.Committed) => +1,
                    (ReservationState.Reserved, ReservationState.Released) => 0,
                    (ReservationState.Committed, ReservationState.Released) => -1,
                    _ => null,
                };
                if (sign is not { } delta)
                {
                    return state;
                }

                await using var batch = new NpgsqlBatch(connection, transaction);
                foreach (var sql in _sql.LockOrderCounters)
                {
                    batch.BatchCommands.Add(BatchCommand(sql, id));
                }

                for (var i = 0; i < 3; i++)
                {
                    batch.BatchCommands.Add(BatchCommand(_sql.Settle[i], id, delta));
                }

                batch.BatchCommands.Add(BatchCommand(_sql.Settle[3], id));
                batch.BatchCommands.Add(BatchCommand(_sql.Settle[4], id, (short)target));
                await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                return target;
            },
            target == ReservationState.Committed ? "commit" : "release",
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Locks an order's row (the first lock of every change to an order) and reads its state at
    /// <paramref name="now"/>.</summary>
    private async Task<ReservationState> LockOrderAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string id, Instant now, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, transaction, _sql.LockOrder, id);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await ReadStateAsync(reader, now, cancellationToken).ConfigureAwait(false);
    }
}
