using System;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using Xunit;

namespace PromoEngine.Tests;

/// <summary>A promotion the catalog's index finds by the one SKU or category its filter names takes, as its matching
/// lines, the lines through which it was found, put in canonical order (<c>PromotionEvaluator.Run.KeepLinesFound</c>).
/// These check that evaluating so gives exactly what matching every filter against the cart gives.</summary>
public sealed class LinesFoundProperties
{
    private static readonly Instant Now = Instant.FromUtc(2026, 11, 27, 18, 0);

    [Property(MaxTest = 300, Arbitrary = [typeof(EvaluationArbitraries)])]
    public void Evaluate_AnyCase_SameAsMatchingEveryFilter(EvaluationCase c)
    {
        var catalog = PromotionCatalog.Create(c.Promotions);

        AssertSame(catalog, c.Options, c.Cart, c.Codes, c.At, c.Usage);
    }

    [Property(MaxTest = 500)]
    public void Evaluate_PromotionsOnOneSkuOrCategory_SameAsMatchingEveryFilter(PositiveInt seed)
    {
        // Up to 30 promotions (past the 16 the candidate set keeps lines for), each on one SKU or one category of a few,
        // some on the same name; lines whose ids do not sort as the cart lists them, at a few prices, with a category now
        // and then written twice (the line drops the repeat); now and then every rejection listed (the index is not asked), or a catalog changed since it
        // was built (a removal in the candidates).
        var random = new Random(seed.Get);
        var names = new[] { "a", "b", "c", "d" };
        var promotions = Enumerable.Range(0, random.Next(1, 31)).Select(k =>
        {
            var name = names[random.Next(names.Length)];
            var builder = Promotion.Create($"p{k}", $"P{k}").ForItems(random.Next(3) == 0 ? ItemFilter.Skus("sku-" + name) : ItemFilter.Categories(name));
            return (random.Next(3) == 0 ? builder.Giving(Discount.AmountOffEachItem(new Money(1m, Currency.Usd))) : builder.Giving(Discount.PercentOffItems(5m * random.Next(1, 5))))
                .WithPriority(random.Next(2))
                .Build();
        }).ToList();
        var catalog = PromotionCatalog.Create(promotions);
        if (random.Next(4) == 0)
        {
            catalog = catalog.Without([promotions[random.Next(promotions.Count)].Id]);
        }

        var cart = new Cart(Currency.Usd, Enumerable.Range(0, random.Next(1, 12)).Select(i =>
        {
            var category = names[random.Next(names.Length)];
            string[] categories = random.Next(4) switch
            {
                0 => [category, category],
                1 => [category, names[random.Next(names.Length)]],
                2 => [],
                _ => [category],
            };
            // Prices from a few, so that lines tie and a cent left over goes to the first in canonical order.
            var price = new[] { 0.05m, 0.10m, 0.33m, 1.00m, 10.50m }[random.Next(5)];
            return new CartLine($"l{random.Next(1000):D3}-{i}", "sku-" + names[random.Next(names.Length)], new Money(price, Currency.Usd), random.Next(1, 4), categories);
        }));
        var options = new EvaluationOptions { ListEveryRejection = random.Next(5) == 0 };

        AssertSame(catalog, options, cart, [], Now, null);
    }

    private static void AssertSame(PromotionCatalog catalog, EvaluationOptions options, Cart cart, string[] codes, Instant at, UsageSnapshot? usage)
    {
        var matched = new PromotionEvaluator(catalog, options) { MatchEveryFilter = true }.Evaluate(cart, codes, at, usage);
        var result = new PromotionEvaluator(catalog, options).Evaluate(cart, codes, at, usage);

        Assert.Equal(EvaluationJson.Write(matched), EvaluationJson.Write(result));
        Assert.Equal(matched, result);
    }
}
