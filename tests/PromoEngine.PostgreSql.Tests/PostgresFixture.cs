using System;
using System.Threading;
using System.Threading.Tasks;
using NodaTime;
using Npgsql;
using PromoEngine.PostgreSql.Testing;
using Xunit;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace PromoEngine.PostgreSql.Tests;

/// <summary>One PostgreSQL server and one database for every test of the collection (see <see cref="PostgresServer"/>);
/// each ledger gets a schema of its own, so tests never see each other's rows.</summary>
/// <remarks>When no server can be had, every test says so with the reason and what to install: skipped on a
/// developer's machine, failed in CI (<c>CI=true</c>), never passed silently.</remarks>
public sealed class PostgresFixture(IMessageSink diagnostics) : IAsyncLifetime
{
    private static int _schemas;
    private PostgresServer? _server;
    private string? _missing;

    /// <summary>Gets the data source of the collection's database; the ledgers made by
    /// <see cref="CreateLedgerAsync"/> share its pool.</summary>
    public NpgsqlDataSource DataSource => Require().DataSource;

    /// <summary>Gets the server, or reports why there is none: a skip, or a failure in CI.</summary>
    internal PostgresServer Server => Require().Server;

    private (PostgresServer Server, NpgsqlDataSource DataSource) Database { get; set; }

    public async Task InitializeAsync()
    {
        try
        {
            _server = await PostgresServer.StartAsync();
            var connectionString = await _server.CreateDatabaseAsync("ledger_tests");
            Database = (_server, NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(connectionString) { MaxPoolSize = 64 }.ConnectionString));
        }
        catch (PostgresUnavailableException e)
        {
            _missing = e.Message;

            // The runner shows a skip's reason only at detailed verbosity: say it once where a default run shows it too
            // (xunit.runner.json turns diagnostic messages on).
            diagnostics.OnMessage(new DiagnosticMessage(e.Message));
        }
    }

    public async Task DisposeAsync()
    {
        if (Database.DataSource is { } dataSource)
        {
            await dataSource.DisposeAsync();
        }

        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    /// <summary>Makes a ledger over a new, migrated schema of the collection's database.</summary>
    public async Task<PostgreSqlRedemptionLedger> CreateLedgerAsync(IClock clock, Duration timeout, NpgsqlDataSource? dataSource = null)
    {
        var schema = $"t{Interlocked.Increment(ref _schemas)}_{Guid.NewGuid():N}"[..24];
        var ledger = new PostgreSqlRedemptionLedger(dataSource ?? DataSource, clock, timeout, schema);
        Assert.Equal(PostgreSqlRedemptionLedger.LatestSchemaVersion, await ledger.MigrateAsync());
        return ledger;
    }

    private (PostgresServer Server, NpgsqlDataSource DataSource) Require()
    {
        if (_missing is null)
        {
            return Database;
        }

        if (PostgresServer.Required)
        {
            throw new InvalidOperationException($"{_missing} (CI=true: the PostgreSQL tests must run.)");
        }

        Skip.If(true, _missing);
        throw new InvalidOperationException(_missing);
    }
}

/// <summary>The tests that share <see cref="PostgresFixture"/>'s server; they run one class at a time.</summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresFixture>
{
    public const string Name = "PostgreSQL";
}
