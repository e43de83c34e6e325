using System.Collections.Generic;
using System.Text.Json;
using BenchmarkDotNet.Attributes;

namespace PromoEngine.Benchmarks;

/// <summary>Loading and compiling 10,000 and 100,000 promotions from one JSON document: parsing alone (the baseline),
/// then reading, checking and compiling the catalog.</summary>
[MemoryDiagnoser]
public class JsonLoadBenchmarks
{
    private string _json = string.Empty;

    [Params(10_000, 100_000)]
    public int Promotions { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var usd = Currency.Usd;
        var promotions = new List<Promotion>(Promotions);
        for (var i = 0; i < Promotions; i++)
        {
            var builder = Promotion.Create($"p{i:D6}", $"Promotion {i}").WithPriority(i % 3);
            builder = (i % 5) switch
            {
                0 => builder.ForItems(ItemFilter.Skus($"sku{i % 5_000}")).Giving(Discount.PercentOffItems(5 + (i % 40))),
                1 => builder.WithCode($"CODE{i}").Giving(Discount.AmountOffOrder(new Money(5 + (i % 20), usd)))
                    .Require(Restriction.MinimumSubtotal(new Money(50, usd))),
                2 => builder.ForItems(ItemFilter.Categories($"cat{i % 50}")).Giving(Discount.BuyXGetY(1, 1, 50)),
                3 => builder.Giving(Discount.Tiered(TierBasis.Subtotal, Tier.PercentOffFrom(100, 5), Tier.PercentOffFrom(200, 10)))
                    .WithLimits(new UsageLimits(total: 1_000, perCustomer: 1)),
                _ => builder.Giving(Discount.FreeShipping).Require(Restriction.MembersOnly("prime")),
            };
            promotions.Add(builder.Build());
        }

        _json = PromotionJson.Write(promotions);
    }

    [Benchmark(Baseline = true)]
    public int ParseOnly()
    {
        using var document = JsonDocument.Parse(_json);
        return document.RootElement.GetProperty("promotions").GetArrayLength();
    }

    [Benchmark]
    public PromotionCatalog ReadAndCompile() => PromotionJson.ReadCatalog(_json);
}
