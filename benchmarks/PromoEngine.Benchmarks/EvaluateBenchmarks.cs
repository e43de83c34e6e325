using System;
using System.Collections.Generic;
using System.Linq;
using BenchmarkDotNet.Attributes;
using NodaTime;

namespace PromoEngine.Benchmarks;

/// <summary>
/// One cart evaluated against a catalog: carts of 1, 20 and 200 lines, catalogs of 10 and 1,000 promotions.
/// Automatic promotions only (the baseline), and with one valid code entered.
/// </summary>
/// <remarks>The catalog mixes what shops run: SKU and category deals (indexed), site-wide percentages, tiers,
/// buy-X-get-Y, shipping offers and codes; 5,000 SKUs in 50 categories. With <see cref="NewKinds"/> six in ten
/// promotions are the kinds of issue 11 instead (unit limits, price floors, lines, flexi rates, quantity groups, shipping
/// tiers, items and shipping in one promotion), on the same SKUs and random draws, so one run compares the same catalog with and without them.</remarks>
[MemoryDiagnoser]
public class EvaluateBenchmarks
{
    private static readonly Instant Now = Instant.FromUtc(2026, 11, 27, 18, 0);
    private PromotionEvaluator _evaluator = null!;
    private Cart _cart = null!;
    private string[] _code = [];

    [Params(1, 20, 200)]
    public int Lines { get; set; }

    [Params(10, 1_000)]
    public int Promotions { get; set; }

    /// <summary>Gets or sets a value indicating whether the catalog holds the newer discount kinds.</summary>
    [Params(false, true)]
    public bool NewKinds { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        // Deterministic data: the same catalog and cart on every run.
        var random = new Random(20261127);
        var usd = Currency.Usd;
        var promotions = new List<Promotion>(Promotions);
        for (var i = 0; i < Promotions; i++)
        {
            var builder = Promotion.Create($"p{i:D5}", $"Promotion {i}").WithPriority(random.Next(3));
            var kind = i % 10;
            builder = kind switch
            {
                0 => builder.ForItems(ItemFilter.Categories($"cat{random.Next(50)}")).Giving(Discount.PercentOffItems(10 + random.Next(30))),
                1 => builder.WithCode($"CODE{i}").Giving(Discount.PercentOffOrder(5 + random.Next(20))),
                2 => builder.ForItems(ItemFilter.Skus(Sku(random), Sku(random))).Giving(Discount.BuyXGetY(1, 1)),
                3 => NewKinds
                    ? builder.Giving(Discount.TieredShipping(TierBasis.Subtotal, Tier.PercentOffFrom(50 + random.Next(200), 50), Tier.PercentOffFrom(300, 100)))
                    : builder.Require(Restriction.MinimumSubtotal(new Money(50 + random.Next(200), usd))).Giving(Discount.FreeShipping),
                4 => builder.ForItems(ItemFilter.Categories($"cat{random.Next(50)}"))
                    .Giving(Discount.Tiered(TierBasis.Subtotal, Tier.PercentOffFrom(100, 5), Tier.PercentOffFrom(250, 10))),
                5 => builder.WithCode($"CODE{i}").Require(Restriction.MembersOnly("prime"))
                    .Giving(NewKinds ? Discount.AmountOffOrderAndShipping(new Money(10, usd)) : Discount.AmountOffOrder(new Money(10, usd))),
                _ => builder.ForItems(ItemFilter.Skus(Sku(random))).Giving(Other(kind, new Money(1 + random.Next(5), usd))),
            };
            promotions.Add(builder.Build());
        }

        _evaluator = new PromotionEvaluator(PromotionCatalog.Create(promotions));
        var lines = Enumerable.Range(0, Lines)
            .Select(i => new CartLine($"l{i}", Sku(random), new Money(random.Next(100, 10_000) / 100m, usd), 1 + random.Next(3), [$"cat{random.Next(50)}"]))
            .ToList();
        _cart = new Cart(usd, lines, CustomerProfile.Registered("c1"), new Money(6.99m, usd));
        _code = ["CODE1"];
    }

    [Benchmark(Baseline = true)]
    public EvaluationResult AutomaticOnly() => _evaluator.Evaluate(_cart, [], Now);

    [Benchmark]
    public EvaluationResult WithOneCode() => _evaluator.Evaluate(_cart, _code, Now);

    private static string Sku(Random random) => $"sku{random.Next(5_000)}";

    /// <summary>An amount off each item, or with <see cref="NewKinds"/> one of the newer kinds for four kinds in ten.</summary>
    private Discount Other(int kind, Money amount) => (NewKinds, kind) switch
    {
        (true, 6) => Discount.PercentOffItems(20).LimitUnits(perOrder: 2, selection: UnitSelection.MostExpensive).WithPriceFloor(amount),
        (true, 7) => Discount.PercentOffGroups(3, 10m),
        (true, 8) => Discount.FirstAndAdditional(amount, new Money(1, amount.Currency)),
        (true, 9) => Discount.AmountOffEachLine(amount).AndShipping(Discount.ShippingAmountOff(amount)),
        _ => Discount.AmountOffEachItem(amount),
    };
}
