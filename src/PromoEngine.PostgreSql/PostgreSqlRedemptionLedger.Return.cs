using System;
using System.Collections.Generic;
using System.Data;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Npgsql;

namespace PromoEngine.PostgreSql;

/// <summary>Partial returns: lock the order's row, check the return whole, then its counters, and give back.</summary>
public sealed partial class PostgreSqlRedemptionLedger
{
    /// <inheritdoc/>
    /// <remarks>One READ COMMITTED transaction, locking as commit and release do (the order's row, then its counter
    /// rows in the global order). The return's content is recorded with its id (table <c>order_returns</c>,
    /// migration 2), so a repeat is recognized on any host.</remarks>
    public async ValueTask<ReservationState> ReturnAsync(string orderId, LedgerReturn orderReturn, CancellationToken cancellationToken = default)
    {
        var id = Identifiers.Normalize(orderId);
        ArgumentNullException.ThrowIfNull(orderReturn);
        cancellationToken.ThrowIfCancellationRequested();
        var now = _clock.GetCurrentInstant();
        var content = Content(orderReturn);
        return await RunAsync(
            async connection =>
            {
                await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken).ConfigureAwait(false);
                var state = await LockOrderAsync(connection, transaction, id, now, cancellationToken).ConfigureAwait(false);

                if (state != ReservationState.Committed)
                {
                    return state;
                }

                await using (var command = Command(connection, transaction, _sql.ReadReturn, id, orderReturn.ReturnId))
                {
                    if (await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is string recorded)
                    {
                        return recorded == content
                            ? state
                            : throw new InvalidOperationException(
                                $"The order {id} already recorded the return {orderReturn.ReturnId} with other content; a new return needs a new id.");
                    }
                }

                var items = new List<(int Position, PromotionId Promotion, Money Amount, decimal SpendReturned, bool UseReturned)>();
                await using (var command = Command(connection, transaction, _sql.ReadReturnItems, id))
                await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
                {
                    while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                    {
                        var currency = CurrencyOf(reader.GetString(5), reader.GetInt16(6));
                        items.Add((reader.GetInt32(0), new PromotionId(reader.GetString(1)), new Money(reader.GetDecimal(4), currency), reader.GetDecimal(7), reader.GetBoolean(8)));
                    }
                }

                // Every check first: a refused return changes nothing (the transaction is rolled back).
                var giveBacks = new List<(int Position, decimal Spend, bool UseNow)>();
                foreach (var giveBack in orderReturn.GiveBacks)
                {
                    var at = items.FindIndex(item => item.Promotion == giveBack.PromotionId);
                    if (at < 0)
                    {
                        throw new ArgumentException($"The order {id} did not redeem the promotion {giveBack.PromotionId}.", nameof(orderReturn));
                    }

                    var item = items[at];
                    if (giveBack.Spend.Currency != item.Amount.Currency)
                    {
                        throw new CurrencyMismatchException(item.Amount.Currency, giveBack.Spend.Currency, nameof(orderReturn));
                    }

                    if (item.SpendReturned + giveBack.Spend.Amount > item.Amount.Amount)
                    {
                        throw new ArgumentException(
                            $"The return {orderReturn.ReturnId} gives back {giveBack.Spend} of the promotion {giveBack.PromotionId}, but the order has only {new Money(item.Amount.Amount - item.SpendReturned, item.Amount.Currency)} of it left.",
                            nameof(orderReturn));
                    }

                    giveBacks.Add((item.Position, giveBack.Spend.Amount, giveBack.NoLongerUsed && !item.UseReturned));
                }

                await using var batch = new NpgsqlBatch(connection, transaction);
                foreach (var sql in _sql.LockOrderCounters)
                {
                    batch.BatchCommands.Add(BatchCommand(sql, id));
                }

                foreach (var (position, spend, useNow) in giveBacks)
                {
                    foreach (var sql in _sql.GiveBack)
                    {
                        batch.BatchCommands.Add(BatchCommand(sql, id, position, spend, useNow));
                    }
                }

                batch.BatchCommands.Add(BatchCommand(_sql.RecordReturn, id, orderReturn.ReturnId, content));
                await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                return state;
            },
            "record a return",
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A return's give-backs in one canonical text: equal returns (1.5 and 1.50 alike) give equal texts.</summary>
    private static string Content(LedgerReturn orderReturn) =>
        string.Join('\u001e', orderReturn.GiveBacks.Select(g => string.Join('\u001f',
            g.PromotionId.Value,
            Normalized(g.Spend.Amount),
            g.Spend.Currency.Code,
            g.Spend.Currency.MinorUnits.ToString(CultureInfo.InvariantCulture),
            g.NoLongerUsed ? "1" : "0")));

    private static string Normalized(decimal amount)
    {
        var text = amount.ToString(CultureInfo.InvariantCulture);
        return text.Contains('.', StringComparison.Ordinal) ? text.TrimEnd('0').TrimEnd('.') : text;
    }
}
