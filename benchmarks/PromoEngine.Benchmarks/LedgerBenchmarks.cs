using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using NodaTime;

namespace PromoEngine.Benchmarks;

/// <summary>Reserve + commit throughput of the in-memory ledger: 10,000 orders on one thread (the baseline) and the
/// same 10,000 split over two threads, against one promotion with total, per-code and per-customer limits.</summary>
[MemoryDiagnoser]
public class LedgerBenchmarks
{
    private const int Orders = 10_000;
    /// <summary>The limits of every order here and in <see cref="PostgreSqlLedgerBenchmarks"/>, so the two compare.</summary>
    internal static readonly RedemptionLimits Limits = RedemptionLimits.For(
        Promotion.Create("p", "p").WithCode("SOCIAL10").WithLimits(new UsageLimits(total: 1_000_000, perCode: 1_000_000, perCustomer: 1))
            .Giving(Discount.PercentOffItems(10)).Build());

    private ReservationRequest[] _requests = [];

    [GlobalSetup]
    public void Setup()
    {
        var at = Instant.FromUtc(2026, 11, 27, 0, 0);
        _requests = new ReservationRequest[Orders];
        for (var i = 0; i < Orders; i++)
        {
            var redemption = new Redemption(new PromotionId("p"), "SOCIAL10", $"c{i}", null, new Money(5m, Currency.Usd), at);
            _requests[i] = new ReservationRequest($"o{i}", [(redemption, Limits)]);
        }
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Orders)]
    public async Task ReserveCommitOneThread()
    {
        var ledger = NewLedger();
        await Run(ledger, 0, Orders);
    }

    [Benchmark(OperationsPerInvoke = Orders)]
    public async Task ReserveCommitTwoThreads()
    {
        var ledger = NewLedger();
        await Task.WhenAll(Task.Run(() => Run(ledger, 0, Orders / 2)), Task.Run(() => Run(ledger, Orders / 2, Orders)));
    }

    private static InMemoryRedemptionLedger NewLedger() => new(new FixedClock(), Duration.FromMinutes(15));

    /// <summary>A clock that stands still: benchmarks measure the ledger, not the system clock.</summary>
    internal sealed class FixedClock : IClock
    {
        public Instant GetCurrentInstant() => Instant.FromUtc(2026, 11, 27, 0, 0);
    }

    private async Task Run(InMemoryRedemptionLedger ledger, int from, int to)
    {
        for (var i = from; i < to; i++)
        {
            await ledger.ReserveAsync(_requests[i]);
            await ledger.CommitAsync(_requests[i].OrderId);
        }
    }
}
