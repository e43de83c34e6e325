using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using NodaTime;
using Npgsql;
using PromoEngine.PostgreSql.Internal;

namespace PromoEngine.PostgreSql;

/// <summary>A redemption ledger over PostgreSQL: every promise of <see cref="IRedemptionLedger"/> holds across
/// processes and machines that share the database.</summary>
/// <remarks>
/// <para><b>Schema.</b> The tables live in one schema (<see cref="DefaultSchema"/> unless given) and are created by
/// the versioned SQL migrations shipped in this assembly, applied only by <see cref="MigrateAsync"/>: never silently
/// at first use. Run it at deployment or at start-up; it is idempotent and safe to call from several hosts at once.
/// Until it has run, every operation throws <see cref="LedgerUnavailableException"/>.</para>
/// <para><b>Concurrency.</b> Each operation is one READ COMMITTED transaction that locks the rows it depends on with
/// <c>SELECT ... FOR UPDATE</c>: first the order's row, then the counter rows of its promotions, codes and
/// (promotion, customer) pairs, each set sorted, always in that order. Reservations that touch a limit therefore
/// queue on its counter row, and check and hold as one step: no lost update and no oversell under any
/// interleaving, and, since every transaction takes its locks in the same global order, no deadlock. Row locks were
/// chosen over SERIALIZABLE transactions because a hot code (a group code everyone races for) makes serializable
/// transactions fail and retry in proportion to the contention, while a row lock simply queues them, and reserves
/// that share no counter never wait for each other. The counter rows are created, when missing, by a short separate
/// statement before the transaction (an insert that conflicts does nothing), so the transaction itself only
/// locks.</para>
/// <para><b>Expiry.</b> A counter row holds the committed uses and spend only; the uses of live reservations are
/// counted from the reservations themselves, those whose expiry is after the ledger's clock at the time of the read.
/// An expired reservation thus stops counting the moment its time is up, with no background sweeper, and its state
/// reads <see cref="ReservationState.Expired"/>. The hosts' clocks should agree (NTP): a skew between two hosts
/// shifts when one of them sees another's reservation expire.</para>
/// <para><b>Storage.</b> Instants are bigint nanoseconds since the Unix epoch (exact from 1678 to 2262; timestamptz
/// would round to microseconds), money is numeric with its currency's code and minor units.</para>
/// <para><b>Failures.</b> A failure of the connection, a timeout (the data source's command timeout) or any error
/// the server reports throws <see cref="LedgerUnavailableException"/> with Npgsql's exception inside, never a limit;
/// the transaction is then rolled back, or committed if the server got that far, and a retry with the same order id
/// settles which.</para>
/// <para>Thread-safe: one instance serves the whole host, with connections from the given data source's pool.</para>
/// </remarks>
public sealed partial class PostgreSqlRedemptionLedger : IRedemptionLedger, IRedemptionReport
{
    /// <summary>The schema the tables are created in unless another is given: <c>promoengine</c>.</summary>
    public const string DefaultSchema = "promoengine";

    private readonly NpgsqlDataSource _dataSource;
    private readonly IClock _clock;
    private readonly string _quotedSchema;
    private readonly LedgerSql _sql;

    /// <summary>Initializes a new instance of the <see cref="PostgreSqlRedemptionLedger"/> class.</summary>
    /// <param name="dataSource">The database's data source (its connection pool); the host owns and disposes it.</param>
    /// <param name="clock">The clock reservations expire by.</param>
    /// <param name="reservationTimeout">How long a reservation is held unless committed; more than zero.</param>
    /// <param name="schema">The schema that holds the ledger's tables: a lower-case identifier of letters, digits
    /// and underscores, starting with a letter or underscore, at most 63 characters.</param>
    /// <exception cref="ArgumentNullException"><paramref name="dataSource"/>, <paramref name="clock"/> or
    /// <paramref name="schema"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="reservationTimeout"/> is not positive.</exception>
    /// <exception cref="ArgumentException"><paramref name="schema"/> is not such an identifier.</exception>
    public PostgreSqlRedemptionLedger(NpgsqlDataSource dataSource, IClock clock, Duration reservationTimeout, string schema = DefaultSchema)
    {
        _dataSource = dataSource ?? throw new ArgumentNullException(nameof(dataSource));
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
        ArgumentNullException.ThrowIfNull(schema);
        if (reservationTimeout <= Duration.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(reservationTimeout), reservationTimeout, "A reservation timeout must be more than zero.");
        }

        if (!SchemaName().IsMatch(schema))
        {
            throw new ArgumentException(
                "A schema name must be a lower-case identifier: letters a-z, digits and underscores, starting with a letter or underscore, at most 63 characters.",
                nameof(schema));
        }

        ReservationTimeout = reservationTimeout;
        Schema = schema;
        _quotedSchema = $"\"{schema}\"";
        _sql = new LedgerSql(_quotedSchema);
    }

    /// <summary>Gets the version of the newest migration shipped in this package, which <see cref="MigrateAsync"/>
    /// brings a schema to.</summary>
    /// <value>1 in this release.</value>
    public static int LatestSchemaVersion => SchemaMigrator.Latest;

    /// <summary>Gets how long a reservation is held unless committed.</summary>
    /// <value>As given.</value>
    public Duration ReservationTimeout { get; }

    /// <summary>Gets the schema that holds the ledger's tables.</summary>
    /// <value>As given; <see cref="DefaultSchema"/> by default.</value>
    public string Schema { get; }

    /// <summary>Creates the schema and its tables, or brings them up to <see cref="LatestSchemaVersion"/>: applies, in
    /// one transaction, each shipped migration not yet recorded in the schema's <c>schema_version</c> table.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>How many migrations were applied: zero when the schema was already up to date.</returns>
    /// <remarks>Idempotent, and safe to call concurrently (from several hosts starting at once): the calls take a
    /// transaction-scoped advisory lock keyed by the schema's name and run one after another. The connection's user
    /// needs the right to create the schema (or own it) and tables in it.</remarks>
    /// <exception cref="LedgerUnavailableException">The database cannot be reached, or refused a statement.</exception>
    public async Task<int> MigrateAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return await RunAsync(
            connection => SchemaMigrator.MigrateAsync(connection, Schema, _quotedSchema, cancellationToken),
            "migrate",
            cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async ValueTask<ReservationState> GetStateAsync(string orderId, CancellationToken cancellationToken = default)
    {
        var id = Identifiers.Normalize(orderId);
        cancellationToken.ThrowIfCancellationRequested();
        var now = _clock.GetCurrentInstant();
        return await RunAsync(
            async connection =>
            {
                await using var command = Command(connection, null, _sql.ReadOrder, id);
                await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                return await ReadStateAsync(reader, now, cancellationToken).ConfigureAwait(false);
            },
            "read an order's state",
            cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    /// <remarks>One statement (one snapshot, one round trip) that reads exactly the counters asked: a reservation
    /// committed or released during the read is seen wholly or not at all.</remarks>
    public async ValueTask<UsageSnapshot> GetUsageAsync(UsageRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        cancellationToken.ThrowIfCancellationRequested();
        var now = _clock.GetCurrentInstant();
        var promotionIds = new string[request.Promotions.Length];
        for (var i = 0; i < promotionIds.Length; i++)
        {
            promotionIds[i] = request.Promotions[i].Value;
        }

        return await RunAsync(
            async connection =>
            {
                await using var command = Command(
                    connection, null, _sql.Usage, promotionIds, request.Codes.AsSpan().ToArray(), Nullable(request.CustomerId), Instants.ToNanoseconds(now));
                await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                var promotions = new List<KeyValuePair<PromotionId, int>>();
                var codes = new List<KeyValuePair<string, int>>();
                var customers = new List<KeyValuePair<(PromotionId, string), int>>();
                var spent = new List<KeyValuePair<PromotionId, Money>>();
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    var key = reader.GetString(1);
                    var uses = reader.GetInt32(3);
                    switch (reader.GetInt32(0))
                    {
                        case 0:
                            var id = new PromotionId(key);
                            promotions.Add(new(id, uses));
                            if (!reader.IsDBNull(5))
                            {
                                spent.Add(new(id, new Money(reader.GetDecimal(4), CurrencyOf(reader.GetString(5), reader.GetInt16(6)))));
                            }

                            break;
                        case 1:
                            codes.Add(new(key, uses));
                            break;
                        default:
                            customers.Add(new((new PromotionId(key), reader.GetString(2)), uses));
                            break;
                    }
                }

                return UsageSnapshot.Partial(promotions, codes, customers, spent);
            },
            "read usage",
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Rebuilds a stored currency: the ISO 4217 one when its code and minor units match, else a custom one.</summary>
    private static Currency CurrencyOf(string code, short minorUnits) =>
        Currency.TryFromCode(code, out var iso) && iso.MinorUnits == minorUnits ? iso : Currency.Custom(code, minorUnits);

    private static object Nullable(string? value) => (object?)value ?? DBNull.Value;

    private static NpgsqlCommand Command(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, params object[] parameters)
    {
        var command = new NpgsqlCommand(sql, connection, transaction);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(Parameter(parameter));
        }

        return command;
    }

    /// <remarks>A lone array argument must be cast to <see cref="object"/>, or C# passes it as the parameter list.</remarks>
    private static NpgsqlBatchCommand BatchCommand(string sql, params object[] parameters)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(Parameter(parameter));
        }

        return command;
    }

    /// <summary>A positional parameter; a null is sent as an untyped null, and its statement casts it.</summary>
    private static NpgsqlParameter Parameter(object value) =>
        value is DBNull ? new NpgsqlParameter { Value = value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text } : new NpgsqlParameter { Value = value };

    /// <summary>Reads an order's row (state, expiry): its state as of <paramref name="now"/>, with the stored expiry.</summary>
    private static async Task<ReservationState> ReadStateAsync(NpgsqlDataReader reader, Instant now, CancellationToken cancellationToken) =>
        (await ReadOrderAsync(reader, now, cancellationToken).ConfigureAwait(false)).State;

    private static async Task<(ReservationState State, Instant? ExpiresAt)> ReadOrderAsync(NpgsqlDataReader reader, Instant now, CancellationToken cancellationToken)
    {
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            return (ReservationState.None, null);
        }

        var state = (ReservationState)reader.GetInt16(0);
        Instant? expiresAt = reader.IsDBNull(1) ? null : Instants.FromNanoseconds(reader.GetInt64(1));
        return state == ReservationState.Reserved && expiresAt <= now ? (ReservationState.Expired, expiresAt) : (state, expiresAt);
    }

    /// <summary>Runs one operation on a pooled connection, turning every technical failure into
    /// <see cref="LedgerUnavailableException"/> (and a cancellation into <see cref="OperationCanceledException"/>).</summary>
    private async Task<T> RunAsync<T>(Func<NpgsqlConnection, Task<T>> operation, string what, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            return await operation(connection).ConfigureAwait(false);
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException or SocketException or IOException)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var hint = e is PostgresException { SqlState: PostgresErrorCodes.UndefinedTable or PostgresErrorCodes.UndefinedColumn or PostgresErrorCodes.InvalidSchemaName }
                ? $" (has MigrateAsync been run for the schema {Schema}?)"
                : string.Empty;
            throw new LedgerUnavailableException($"The PostgreSQL redemption ledger could not {what}: {e.Message}{hint}", e);
        }
    }

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,62}$", RegexOptions.CultureInvariant)]
    private static partial Regex SchemaName();
}
