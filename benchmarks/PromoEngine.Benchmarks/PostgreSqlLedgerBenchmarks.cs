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
/// in-memory one: orders of one promotion with total, per-code and per-customer limits, from 1 connection (the
/// baseline) and from 16 at once.</summary>
/// <remarks>The server is the one named by <c>PROMOENGINE_POSTGRES</c>, or a throwaway cluster started for the run
/// (with fsync off: the figures measure the ledger and the server's CPU, not the disk). Where PostgreSQL cannot be had
/// outside CI, <see cref="Program"/> leaves this class out of the run and says why.</remarks>
[MemoryDiagnoser]
public class PostgreSqlLedgerBenchmarks
{
    private const int Orders = 256;
    private static readonly RedemptionLimits Limits = RedemptionLimits.For(
        Promotion.Create("p", "p").WithCode("SOCIAL10").WithLimits(new UsageLimits(total: 100_000_000, perCode: 100_000_000, perCustomer: 1))
            .Giving(Discount.PercentOffItems(10)).Build());

    private static readonly Instant At = Instant.FromUtc(2026, 11, 27, 0, 0);
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
        _ledger = new PostgreSqlRedemptionLedger(_dataSource, new FixedClock(), Duration.FromMinutes(15));
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
            var redemption = new Redemption(new PromotionId("p"), "SOCIAL10", $"c{n}", null, new Money(5m, Currency.Usd), At);
            var request = new ReservationRequest($"o{n}", [(redemption, Limits)]);
            if (!(await ledger.ReserveAsync(request)).Succeeded || await ledger.CommitAsync(request.OrderId) != ReservationState.Committed)
            {
                throw new InvalidOperationException($"The order o{n} was refused: the benchmark's limits are never reached.");
            }
        }
    }

    /// <summary>A clock that stands still: reservations never expire during a run.</summary>
    private sealed class FixedClock : IClock
    {
        public Instant GetCurrentInstant() => At;
    }
}
