using BenchmarkDotNet.Attributes;
using NodaTime;

namespace PromoEngine.Benchmarks;

/// <summary>
/// One line of 1, 1,000 and 1,000,000 units against the same catalog: a percentage and a buy-2-get-1 competing for
/// the units in one lane, an amount off the order above a minimum, and free shipping. Units are held as runs, so the
/// quantity should cost nothing (issue 10: the slowest at most 2× the single unit).
/// </summary>
[MemoryDiagnoser]
public class QuantityBenchmarks
{
    private static readonly Instant Now = Instant.FromUtc(2026, 12, 2, 12, 0);
    private PromotionEvaluator _evaluator = null!;
    private Cart _one = null!;
    private Cart _thousand = null!;
    private Cart _million = null!;

    [GlobalSetup]
    public void Setup()
    {
        var usd = Currency.Usd;
        var shirts = ItemFilter.Categories("shirts");
        _evaluator = new PromotionEvaluator(PromotionCatalog.Create(
        [
            Promotion.Create("twenty", "20% off shirts").ForItems(shirts).WithPriority(1).Giving(Discount.PercentOffItems(20)).Build(),
            Promotion.Create("b2g1", "Buy 2 shirts, get 1 free").ForItems(shirts).WithPriority(1).Giving(Discount.BuyXGetY(2, 1)).Build(),
            Promotion.Create("five", "$5 off $50").Require(Restriction.MinimumSubtotal(new Money(50m, usd))).Giving(Discount.AmountOffOrder(new Money(5m, usd))).Build(),
            Promotion.Create("ship", "Free shipping over $100").Require(Restriction.MinimumSubtotal(new Money(100m, usd))).Giving(Discount.FreeShipping).Build(),
        ]));
        _one = Cart(1);
        _thousand = Cart(1_000);
        _million = Cart(1_000_000);

        Cart Cart(int quantity) =>
            new(usd, [new CartLine("l1", "oxford-shirt", new Money(120.00m, usd), quantity, ["shirts"])], CustomerProfile.Guest, new Money(6.99m, usd));
    }

    [Benchmark(Baseline = true)]
    public EvaluationResult OneUnit() => _evaluator.Evaluate(_one, [], Now);

    [Benchmark]
    public EvaluationResult ThousandUnits() => _evaluator.Evaluate(_thousand, [], Now);

    [Benchmark]
    public EvaluationResult MillionUnits() => _evaluator.Evaluate(_million, [], Now);
}
