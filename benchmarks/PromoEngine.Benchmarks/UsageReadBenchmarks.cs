using System.Linq;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using NodaTime;

namespace PromoEngine.Benchmarks;

/// <summary>What checkout reads from the ledger before evaluating a cart, at N limited promotions of which 2 can
/// concern the cart: the whole catalog's counters (the README's flow before usage requests, the baseline) against the
/// usage request for the cart (<see cref="PromotionEvaluator.UsageRequestFor"/> and the read it asks for). The ledger
/// holds 10,000 committed orders.</summary>
[MemoryDiagnoser]
public class UsageReadBenchmarks
{
    private static readonly Instant Now = Instant.FromUtc(2026, 11, 27, 12, 0);
    private static readonly Currency Usd = Currency.Usd;

    private PromotionEvaluator _evaluator = null!;
    private InMemoryRedemptionLedger _ledger = null!;
    private UsageRequest _wholeCatalog = null!;
    private Cart _cart = null!;
    private string[] _codes = [];

    [Params(1_000, 100_000)]
    public int Promotions { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var promotions = Enumerable.Range(0, Promotions).Select(i => Promotion.Create($"p{i}", $"Promotion {i}")
            .ForItems(ItemFilter.Categories($"cat{i}"))
            .WithLimits(new UsageLimits(total: 1_000_000, perCustomer: 5))
            .Giving(Discount.PercentOffItems(5))
            .Build());
        var catalog = PromotionCatalog.Create(promotions);
        _evaluator = new PromotionEvaluator(catalog);
        _ledger = new InMemoryRedemptionLedger(new FixedClock(), Duration.FromMinutes(15));
        for (var i = 0; i < 10_000; i++)
        {
            var promotion = catalog.Promotions[i % catalog.Promotions.Length];
            var redemption = new Redemption(promotion.Id, null, $"c{i % 100}", null, new Money(1m, Usd), Now);
            var request = new ReservationRequest($"o{i}", [(redemption, RedemptionLimits.For(promotion))]);
            _ledger.ReserveAsync(request).AsTask().GetAwaiter().GetResult();
            _ledger.CommitAsync(request.OrderId).AsTask().GetAwaiter().GetResult();
        }

        _cart = new Cart(
            Usd,
            [new CartLine("1", "MUG", new Money(12m, Usd), 2, ["cat7"]), new CartLine("2", "HAT", new Money(20m, Usd), 1, ["cat42"])],
            CustomerProfile.Registered("c7"));
        _codes = ["SAVE10"];
        _wholeCatalog = new UsageRequest(catalog.Promotions.Select(p => p.Id), _codes, _cart.Customer.Id);
    }

    [Benchmark(Baseline = true)]
    public ValueTask<UsageSnapshot> WholeCatalog() => _ledger.GetUsageAsync(_wholeCatalog);

    [Benchmark]
    public ValueTask<UsageSnapshot> UsageRequestForTheCart() => _ledger.GetUsageAsync(_evaluator.UsageRequestFor(_cart, _codes, Now));

    /// <summary>A clock that stands still: benchmarks measure the ledger, not the system clock.</summary>
    private sealed class FixedClock : IClock
    {
        public Instant GetCurrentInstant() => Now;
    }
}
