using BenchmarkDotNet.Attributes;
using NodaTime;

namespace PromoEngine.Benchmarks;

/// <summary>
/// Under <see cref="EvaluationOptions.HideCodeStatus"/>, what one entered code costs when it does not apply: unknown
/// (the baseline), expired, below its minimum subtotal, and a buy-3-get-1 with one item short. Same cart, same catalog,
/// one code each; every one of them is reported to the shopper as unknown, so their times should not tell them apart
/// (issue 10: slowest / unknown at most 1.5). Also a code issued to another customer (issue 16), refused before any other
/// check and then checked as fully as the others.
/// </summary>
/// <remarks>A prober chooses the cart, so the cart is the one that shows the code's cost best: two lines that no automatic
/// promotion concerns (the catalog's automatic percentage is for tea), and two mugs for the buy-3-get-1.</remarks>
[MemoryDiagnoser]
public class HideCodeStatusBenchmarks
{
    private static readonly Instant Now = Instant.FromUtc(2026, 11, 27, 18, 0);
    private readonly string[] _unknown = ["NOSUCH20"];
    private readonly string[] _expired = ["SUMMER20"];
    private readonly string[] _belowMinimum = ["BIGSPEND"];
    private readonly string[] _buyThreeShort = ["MUGS3FOR2"];
    private readonly string[] _issuedToAnother = ["SORRY-C9"];
    private PromotionEvaluator _evaluator = null!;
    private Cart _cart = null!;

    [GlobalSetup]
    public void Setup()
    {
        var usd = Currency.Usd;
        var catalog = PromotionCatalog.Create(
        [
            Promotion.Create("summer", "Summer sale").WithCode("SUMMER20")
                .WithSchedule(Schedule.Days(new LocalDate(2026, 6, 1), new LocalDate(2026, 8, 31), DateTimeZone.Utc))
                .Giving(Discount.PercentOffOrder(20)).Build(),
            Promotion.Create("bigspend", "$50 off $500").WithCode("BIGSPEND")
                .Require(Restriction.MinimumSubtotal(new Money(500m, usd)))
                .Giving(Discount.AmountOffOrder(new Money(50m, usd))).Build(),
            Promotion.Create("mugs", "Buy 3 mugs, get 1 free").WithCode("MUGS3FOR2")
                .ForItems(ItemFilter.Skus("MUG")).Giving(Discount.BuyXGetY(3, 1)).Build(),
            Promotion.Create("sorry", "Our apologies").WithCode("SORRY-C9").IssuedTo("c9")
                .ForItems(ItemFilter.Skus("MUG")).Giving(Discount.BuyXGetY(3, 1)).Build(),
            Promotion.Create("tea", "10% off tea").ForItems(ItemFilter.Categories("tea")).Giving(Discount.PercentOffItems(10)).Build(),
        ]);
        _evaluator = new PromotionEvaluator(catalog, new EvaluationOptions { HideCodeStatus = true });
        _cart = new Cart(usd,
        [
            new CartLine("1", "MUG", new Money(12.50m, usd), 2, ["kitchen"]),
            new CartLine("2", "KETTLE", new Money(39.00m, usd), 1, ["kitchen"]),
        ], CustomerProfile.Registered("c1"), new Money(4.99m, usd));
    }

    [Benchmark(Baseline = true)]
    public EvaluationResult Unknown() => _evaluator.Evaluate(_cart, _unknown, Now);

    [Benchmark]
    public EvaluationResult Expired() => _evaluator.Evaluate(_cart, _expired, Now);

    [Benchmark]
    public EvaluationResult BelowMinimum() => _evaluator.Evaluate(_cart, _belowMinimum, Now);

    [Benchmark]
    public EvaluationResult BuyThreeGetOneShort() => _evaluator.Evaluate(_cart, _buyThreeShort, Now);

    [Benchmark]
    public EvaluationResult IssuedToAnother() => _evaluator.Evaluate(_cart, _issuedToAnother, Now);
}
