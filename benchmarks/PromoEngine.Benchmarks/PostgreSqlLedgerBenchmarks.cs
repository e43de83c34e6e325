using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using NodaTime;
using Npgsql;
using PromoEngine.PostgreSql;
using PromoEngine.PostgreSql.Testing;

namespace PromoEngine.Benchmarks;

/// <summary>Reserve + commit throughput of the PostgreSQL ledger, as <see cref="LedgerBenchmarks"/> measures the
/// in-memory one, with its limits and its clock that stands still, from 1 connection (the
/// baseline) and from 16 at once.</summary>
/// <remarks>The server is the one named by <c>PROMOENGINE_POSTGRES</c>, or a throwaway cluster started for the run
/// (with fsync off: the figures measure the ledger and the server's CPU, not the disk). Where PostgreSQL cannot be had
/// outside CI, <see cref="Program"/> leaves this class out of the run and says why.</remarks>
[MemoryDiagnoser]
public class PostgreSqlLedgerBenchmarks
{
    private const int Orders = 256;
    private PostgresServer? _server;
    private NpgsqlDataSource? _dataSource;
    private PostgreSqlRedemptionLedger? _ledger;
    private int _next;

    /// <summary>Gets why this class is left out of a run: no server can be had, outside CI (in CI it runs, and fails
    /// loudly without one).</summary>
    public static string? LeftOutBecause =>
        string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase) ? null : PostgresServer.Missing;

    [GlobalSetup]
    public void Setup() => SetupAsync().GetAwaiter().GetResult();

    [GlobalCleanup]
    public void Cleanup() => CleanupAsync().GetAwaiter().GetResult();

    [Benchmark(Baseline = true, OperationsPerInvoke = Orders)]
    public Task ReserveCommitOneConnection() => Run(Orders);

    [Benchmark(OperationsPerInvoke = Orders)]
    public Task ReserveCommitSixteenConnections() =>
        Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(() => Run(Orders / 16))));

    private async Task SetupAsync()
    {
        _server = await PostgresServer.StartAsync();
        var connectionString = await _server.CreateDatabaseAsync("bench");
        _dataSource = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(connectionString) { MaxPoolSize = 32, MaxAutoPrepare = 32 }.ConnectionString);
        _ledger = new PostgreSqlRedemptionLedger(_dataSource, new LedgerBenchmarks.FixedClock(), Duration.FromMinutes(15));
        await _ledger.MigrateAsync();
    }

    private async Task CleanupAsync()
    {
        if (_dataSource is not null)
        {
            await _dataSource.DisposeAsync();
        }

        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    private async Task Run(int orders)
    {
        var ledger = _ledger!;
        for (var i = 0; i < orders; i++)
        {
            var n = Interlocked.Increment(ref _next);
            var redemption = new Redemption(new PromotionId("p"), "SOCIAL10", $"c{n}", null, new Money(5m, Currency.Usd), Instant.FromUtc(2026, 11, 27, 0, 0));
            var request = new ReservationRequest($"o{n}", [(redemption, LedgerBenchmarks.Limits)]);
            if (!(await ledger.ReserveAsync(request)).Succeeded || await ledger.CommitAsync(request.OrderId) != ReservationState.Committed)
            {
                throw new InvalidOperationException($"The order o{n} was refused: the benchmark's limits are never reached.");
            }
        }
    }
}
