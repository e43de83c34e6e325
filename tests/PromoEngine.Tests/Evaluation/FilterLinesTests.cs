using System.Linq;
using NodaTime;
using Xunit;

namespace PromoEngine.Tests;

/// <summary>A run keeps each filter's matching lines for the whole evaluation: the first few inline, the rest in a table
/// by the filter's identity (<c>PromotionEvaluator.Run.SharedState</c>). Many filters, each asked for again and again,
/// must each get their own lines back.</summary>
public sealed class FilterLinesTests
{
    private static readonly Instant Now = Instant.FromUtc(2026, 11, 27, 18, 0);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Evaluate_SeventyPromotionsEachOnItsOwnSkuAndCategory_EachDiscountsItsOwnLines(bool matchEveryFilter)
    {
        // Seventy lines, each its own SKU and category; promotion s_k takes k cents off each unit of SKU k, and c_k 10 %
        // off category k (140 filters, each asked for by the gate and the lanes, past the table's first growth), in
        // three lanes.
        var usd = Currency.Usd;
        var promotions = Enumerable.Range(1, 70).SelectMany(k => new[]
        {
            Promotion.Create($"s{k:D2}", $"S{k}").WithPriority(k % 3).ForItems(ItemFilter.Skus($"sku{k}"))
                .Giving(Discount.AmountOffEachItem(new Money(k / 100m, usd))).Build(),
            Promotion.Create($"c{k:D2}", $"C{k}").WithPriority((k + 1) % 3).ForItems(ItemFilter.Categories($"cat{k}"))
                .Giving(Discount.PercentOffItems(10m)).Build(),
        }).ToList();
        var cart = new Cart(usd, Enumerable.Range(1, 70).Select(k => new CartLine($"l{k:D2}", $"sku{k}", new Money(10m, usd), 1 + (k % 2), [$"cat{k}"])));

        var result = new PromotionEvaluator(PromotionCatalog.Create(promotions)) { MatchEveryFilter = matchEveryFilter, GeneralPathOnly = true }
            .Evaluate(cart, [], Now);

        Assert.Equal(140, result.Applied.Length);
        foreach (var k in Enumerable.Range(1, 70))
        {
            // Each line as the line alone with its two promotions alone gives it (they combine, in their lanes).
            var alone = new PromotionEvaluator(PromotionCatalog.Create(promotions.Where(p => p.Id.Value.EndsWith($"{k:D2}", System.StringComparison.Ordinal))))
                .Evaluate(new Cart(usd, [cart.Lines[k - 1]]), [], Now);
            Assert.Equal(alone.Lines[0].Adjustments.ToArray(), result.Line($"l{k:D2}").Adjustments.ToArray());
        }
    }
}
