using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Data;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using NodaTime;
using Npgsql;
using PromoEngine.PostgreSql.Internal;

namespace PromoEngine.PostgreSql;

/// <summary>Reserve: claim the order's row, lock the counters, check every limit, hold all or nothing.</summary>
public sealed partial class PostgreSqlRedemptionLedger
{
    /// <inheritdoc/>
    /// <remarks>Four round trips: create missing counter rows; claim and lock the order's row (and read what it holds);
    /// lock the counters and read the uses held; hold and commit. A retry of a held or committed order stops after the
    /// second. Two retries of one new order racing each other queue on the order's row: the second sees the first's
    /// reservation and returns it.</remarks>
    public async ValueTask<ReservationResult> ReserveAsync(ReservationRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        cancellationToken.ThrowIfCancellationRequested();
        var keys = new Keys(request);
        var now = _clock.GetCurrentInstant();
        var expiresAt = now + ReservationTimeout;
        return await RunAsync(
            async connection =>
            {
                await EnsureCountersAsync(connection, keys, cancellationToken).ConfigureAwait(false);
                await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken).ConfigureAwait(false);
                var (existing, existingExpiry) = await ClaimOrderAsync(connection, transaction, request, expiresAt, now, cancellationToken).ConfigureAwait(false);
                if (existing is ReservationState.Reserved or ReservationState.Committed)
                {
                    return ReservationResult.Held(request.OrderId, existing, existing == ReservationState.Reserved ? existingExpiry : null);
                }

                var failures = await CheckAsync(connection, transaction, request, keys, now, cancellationToken).ConfigureAwait(false);
                if (!failures.IsEmpty)
                {
                    await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
                    return ReservationResult.Refused(request.OrderId, existing, failures);
                }

                await HoldAsync(connection, transaction, request, expiresAt, cancellationToken).ConfigureAwait(false);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                return ReservationResult.Held(request.OrderId, ReservationState.Reserved, expiresAt);
            },
            "reserve",
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Creates the counter rows the order needs that do not exist yet, outside the reservation's
    /// transaction.</summary>
    /// <remarks>Implementation note: its own implicit transaction, which inserts in the same global order as the locks
    /// and holds nothing afterwards, so the reservation's transaction only ever waits on row locks.</remarks>
    private async Task EnsureCountersAsync(NpgsqlConnection connection, Keys keys, CancellationToken cancellationToken)
    {
        if (keys.Promotions.Length == 0)
        {
            return;
        }

        await using var batch = new NpgsqlBatch(connection);
        batch.BatchCommands.Add(BatchCommand(_sql.EnsureCounters[0], (object)keys.Promotions));
        batch.BatchCommands.Add(BatchCommand(_sql.EnsureCounters[1], (object)keys.Codes));
        batch.BatchCommands.Add(BatchCommand(_sql.EnsureCounters[2], keys.CustomerPromotions, keys.Customers));
        await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Inserts the order's row if it has none (reserved until <paramref name="expiresAt"/>, kept only if the
    /// reservation succeeds) and locks it; returns the state it had before, as of <paramref name="now"/>.</summary>
    /// <exception cref="InvalidOperationException">The order holds a different reservation.</exception>
    private async Task<(ReservationState State, Instant? ExpiresAt)> ClaimOrderAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, ReservationRequest request, Instant expiresAt, Instant now, CancellationToken cancellationToken)
    {
        await using var batch = new NpgsqlBatch(connection, transaction);
        batch.BatchCommands.Add(BatchCommand(_sql.ClaimOrder, request.OrderId, Instants.ToNanoseconds(expiresAt)));
        batch.BatchCommands.Add(BatchCommand(_sql.LockOrder, request.OrderId));
        batch.BatchCommands.Add(BatchCommand(_sql.ReadItems, request.OrderId));
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var inserted = await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
        var order = await ReadOrderAsync(reader, now, cancellationToken).ConfigureAwait(false);
        if (inserted)
        {
            return (ReservationState.None, null);
        }

        if (order.State is not (ReservationState.Reserved or ReservationState.Committed))
        {
            return order;
        }

        await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
        var held = new List<(string Promotion, string? Code, string? Customer, Money Amount)>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            held.Add((
                reader.GetString(0),
                reader.IsDBNull(1) ? null : reader.GetString(1),
                reader.IsDBNull(2) ? null : reader.GetString(2),
                new Money(reader.GetDecimal(3), CurrencyOf(reader.GetString(4), reader.GetInt16(5)))));
        }

        var same = held.Count == request.Items.Length
            && held.Zip(request.Items).All(pair =>
                pair.First.Promotion == pair.Second.Redemption.PromotionId.Value
                && pair.First.Code == pair.Second.Redemption.Code
                && pair.First.Customer == pair.Second.Redemption.CustomerId
                && pair.First.Amount == pair.Second.Redemption.Amount);
        return same
            ? order
            : throw new InvalidOperationException($"The order {request.OrderId} already holds a different reservation; release it before reserving again.");
    }

    /// <summary>Locks the order's counter rows and checks every redemption against the uses held or committed before
    /// it; returns every failure.</summary>
    private async Task<ImmutableArray<ReservationFailure>> CheckAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, ReservationRequest request, Keys keys, Instant now, CancellationToken cancellationToken)
    {
        if (request.Items.IsEmpty)
        {
            return [];
        }

        var nanos = Instants.ToNanoseconds(now);
        await using var batch = new NpgsqlBatch(connection, transaction);
        batch.BatchCommands.Add(BatchCommand(_sql.LockPromotions, (object)keys.Promotions));
        batch.BatchCommands.Add(BatchCommand(_sql.LockCodes, (object)keys.Codes));
        batch.BatchCommands.Add(BatchCommand(_sql.LockCustomers, keys.CustomerPromotions, keys.Customers));
        batch.BatchCommands.Add(BatchCommand(_sql.HeldByPromotion, keys.Promotions, nanos));
        batch.BatchCommands.Add(BatchCommand(_sql.HeldByCode, keys.Codes, nanos));
        batch.BatchCommands.Add(BatchCommand(_sql.HeldByCustomer, keys.CustomerPromotions, keys.Customers, nanos));
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);

        var promotionUses = new Dictionary<string, int>(StringComparer.Ordinal);
        var spent = new Dictionary<string, (decimal Amount, Currency? Currency)>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var id = reader.GetString(0);
            promotionUses[id] = reader.GetInt32(1);
            spent[id] = (reader.GetDecimal(2), reader.IsDBNull(3) ? null : CurrencyOf(reader.GetString(3), reader.GetInt16(4)));
        }

        var codeUses = await ReadCountsAsync(reader, r => r.GetString(0), 1, cancellationToken).ConfigureAwait(false);
        var customerUses = await ReadCountsAsync(reader, r => (r.GetString(0), r.GetString(1)), 2, cancellationToken).ConfigureAwait(false);

        await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var id = reader.GetString(0);
            promotionUses[id] += reader.GetInt32(1);
            spent[id] = (spent[id].Amount + reader.GetDecimal(2), spent[id].Currency);
        }

        Add(codeUses, await ReadCountsAsync(reader, r => r.GetString(0), 1, cancellationToken).ConfigureAwait(false));
        Add(customerUses, await ReadCountsAsync(reader, r => (r.GetString(0), r.GetString(1)), 2, cancellationToken).ConfigureAwait(false));

        var failures = ImmutableArray.CreateBuilder<ReservationFailure>();
        foreach (var (redemption, limits) in request.Items)
        {
            var id = redemption.PromotionId.Value;
            var (amount, currency) = spent[id];
            var failure = limits.Check(
                redemption,
                promotionUses[id],
                redemption.Code is { } code ? codeUses.GetValueOrDefault(code) : 0,
                redemption.CustomerId is { } customer ? customerUses.GetValueOrDefault((id, customer)) : 0,
                currency is { } c ? new Money(amount, c) : null);
            if (failure is not null)
            {
                failures.Add(failure);
            }
        }

        return failures.ToImmutable();
    }

    /// <summary>Moves to the next result and reads its rows of (key..., count), the count in column
    /// <paramref name="countColumn"/>.</summary>
    private static async Task<Dictionary<TKey, int>> ReadCountsAsync<TKey>(
        NpgsqlDataReader reader, Func<NpgsqlDataReader, TKey> key, int countColumn, CancellationToken cancellationToken)
        where TKey : notnull
    {
        await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
        var counts = new Dictionary<TKey, int>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            counts[key(reader)] = reader.GetInt32(countColumn);
        }

        return counts;
    }

    private static void Add<TKey>(Dictionary<TKey, int> into, Dictionary<TKey, int> counts)
        where TKey : notnull
    {
        foreach (var (key, count) in counts)
        {
            into[key] = into.GetValueOrDefault(key) + count;
        }
    }

    /// <summary>Marks the order reserved until <paramref name="expiresAt"/> and writes what it holds (replacing what a
    /// released or expired reservation of the same order held).</summary>
    private async Task HoldAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, ReservationRequest request, Instant expiresAt, CancellationToken cancellationToken)
    {
        var count = request.Items.Length;
        var positions = new int[count];
        var promotions = new string[count];
        var codes = new string?[count];
        var customers = new string?[count];
        var amounts = new decimal[count];
        var currencies = new string[count];
        var minorUnits = new short[count];
        var instants = new long[count];
        var channels = new string?[count];
        var campaigns = new string?[count];
        var affiliates = new string?[count];
        var tags = new string?[count];
        for (var i = 0; i < count; i++)
        {
            var redemption = request.Items[i].Redemption;
            positions[i] = i;
            promotions[i] = redemption.PromotionId.Value;
            codes[i] = redemption.Code;
            customers[i] = redemption.CustomerId;
            amounts[i] = redemption.Amount.Amount;
            currencies[i] = redemption.Amount.Currency.Code;
            minorUnits[i] = (short)redemption.Amount.Currency.MinorUnits;
            instants[i] = Instants.ToNanoseconds(redemption.At);
            channels[i] = redemption.Attribution?.Channel;
            campaigns[i] = redemption.Attribution?.Campaign;
            affiliates[i] = redemption.Attribution?.Affiliate;
            tags[i] = redemption.Attribution is { Tags.IsEmpty: false } a ? string.Join('\u001F', a.Tags) : null;
        }

        var nanos = Instants.ToNanoseconds(expiresAt);
        await using var batch = new NpgsqlBatch(connection, transaction);
        batch.BatchCommands.Add(BatchCommand(_sql.Hold[0], request.OrderId, nanos));
        batch.BatchCommands.Add(BatchCommand(_sql.Hold[1], request.OrderId));
        batch.BatchCommands.Add(BatchCommand(
            _sql.Hold[2], request.OrderId, nanos, positions, promotions, codes, customers, amounts, currencies, minorUnits, instants, channels, campaigns, affiliates, tags));
        batch.BatchCommands.Add(BatchCommand(_sql.Hold[3], promotions, currencies, minorUnits));
        await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The counter keys of a request: its promotions, its codes, and its (promotion, customer) pairs.</summary>
    private sealed class Keys
    {
        public Keys(ReservationRequest request)
        {
            var items = request.Items;
            Promotions = [.. items.Select(i => i.Redemption.PromotionId.Value)];
            Codes = [.. items.Where(i => i.Redemption.Code is not null).Select(i => i.Redemption.Code!).Distinct(StringComparer.Ordinal)];
            var pairs = items.Where(i => i.Redemption.CustomerId is not null).ToArray();
            CustomerPromotions = [.. pairs.Select(i => i.Redemption.PromotionId.Value)];
            Customers = [.. pairs.Select(i => i.Redemption.CustomerId!)];
        }

        public string[] Promotions { get; }

        public string[] Codes { get; }

        public string[] CustomerPromotions { get; }

        public string[] Customers { get; }
    }
}
