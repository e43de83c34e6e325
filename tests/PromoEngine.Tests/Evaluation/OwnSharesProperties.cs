using System;
using System.Collections.Generic;
using System.Linq;
using FsCheck;
using FsCheck.Xunit;
using NodaTime;
using Xunit;

namespace PromoEngine.Tests;

/// <summary>An application whose units each take their own amount (whole minor units adding up to the rounded amount) is
/// recorded without the general split (<c>PromotionEvaluator.Run.OwnShares</c>). These check that it gives exactly what
/// the split gives, every share's bits included (a share's places show in what is written).</summary>
public sealed class OwnSharesProperties
{
    private static readonly Instant Now = Instant.FromUtc(2026, 11, 27, 18, 0);

    [Property(MaxTest = 300, Arbitrary = [typeof(EvaluationArbitraries)])]
    public void Evaluate_AnyCase_SameAsSplittingEveryShare(EvaluationCase c)
    {
        AssertSame(PromotionCatalog.Create(c.Promotions), c.Options with { IncludeUnits = true }, c.Cart, c.Codes, c.At, c.Usage);
    }

    [Property(MaxTest = 300)]
    public void Evaluate_PercentagesAndAmountsOnAlikeUnits_SameAsSplittingEveryShare(PositiveInt seed)
    {
        // Percentages that leave whole cents on some prices and not on others, amounts off each unit, a currency of three
        // places, one of none and one of fourteen (past the split's twelve places for weights), prices written with more
        // places than the currency has.
        var random = new Random(seed.Get);
        var currency = new[] { Currency.Usd, Currency.Custom("QQT", 3), Currency.Custom("QQZ", 0), Currency.Custom("XTS", 14) }[random.Next(4)];
        var promotions = Enumerable.Range(0, random.Next(1, 6)).Select(k =>
            Promotion.Create($"p{k}", $"P{k}")
                .ForItems(ItemFilter.Categories(new[] { "a", "b" }[random.Next(2)]))
                .Giving(random.Next(3) == 0
                    ? Discount.AmountOffEachItem(new Money(new[] { 1m, currency.MinorUnits == 0 ? 3m : 0.5m, 2.000m }[random.Next(3)], currency))
                    : Discount.PercentOffItems(new[] { 10m, 20m, 25m, 33m, 50m }[random.Next(5)]))
                .WithPriority(random.Next(3))
                .Build()).ToList();
        var cart = new Cart(currency, Enumerable.Range(0, random.Next(1, 8)).Select(i =>
        {
            var price = new[] { 12.50m, 10.00m, 9.99m, 4m, 0.10m, 7.500m, 0.00000000000002m }[random.Next(currency.MinorUnits == 14 ? 7 : 6)];
            price = currency.MinorUnits == 0 ? (decimal.Truncate(price) + 1m) * 1.0m : price; // whole, written with a place
            return new CartLine($"l{i}", $"sku{random.Next(4)}", new Money(price, currency), random.Next(1, 5), [new[] { "a", "b" }[random.Next(2)]]);
        }));

        AssertSame(PromotionCatalog.Create(promotions), new EvaluationOptions { IncludeUnits = true }, cart, [], Now, null);
    }

    [Property(MaxTest = 300)]
    public void Evaluate_OrderDiscountsOverItems_SameAsSplittingEveryShare(PositiveInt seed)
    {
        // An order discount's share of an item is split over the item's pieces, read straight from its lines: lines as
        // they came, lines an item discount changed (all their units, or some: then of two pieces), lines a stop holds,
        // order discounts that stop the lanes below, shares that leave some units a minor unit more, alike lines (one
        // item), and prices written with more places than the currency has.
        var random = new Random(seed.Get);
        var currency = new[] { Currency.Usd, Currency.Custom("QQT", 3), Currency.Custom("QQZ", 0) }[random.Next(3)];
        var promotions = new List<Promotion>();
        for (var k = 0; k < random.Next(1, 4); k++)
        {
            var order = Promotion.Create($"o{k}", $"O{k}").WithPriority(random.Next(2));
            promotions.Add((random.Next(4) == 0 ? order.StopLowerLanes() : order)
                .Giving(random.Next(3) switch
                {
                    0 => Discount.PercentOffOrder(new[] { 10m, 15m, 33m, 99m }[random.Next(4)]),
                    1 => Discount.AmountOffOrder(new Money(new[] { 1m, 7m, 100m, 0.5m }[random.Next(currency.MinorUnits == 0 ? 3 : 4)], currency)),
                    _ => Discount.Tiered(TierBasis.Subtotal, Tier.PercentOffFrom(1, 5), Tier.PercentOffFrom(30, 20)),
                })
                .Build());
        }

        for (var k = 0; k < random.Next(0, 3); k++)
        {
            var item = Promotion.Create($"i{k}", $"I{k}")
                .WithPriority(random.Next(2))
                .ForItems(ItemFilter.Categories(new[] { "a", "b" }[random.Next(2)]));
            item = random.Next(4) == 0 ? item.StopLowerLanes() : item;
            promotions.Add(item.Giving(random.Next(2) == 0
                ? Discount.PercentOffItems(new[] { 10m, 25m }[random.Next(2)]).LimitUnits(perOrder: random.Next(1, 4))
                : Discount.AmountOffEachItem(new Money(1m, currency))).Build());
        }

        var cart = new Cart(currency, Enumerable.Range(0, random.Next(1, 9)).Select(i =>
        {
            var price = new[] { 12.50m, 10.00m, 9.99m, 4m, 0.10m, 7.500m, 0.01m }[random.Next(7)];
            price = currency.MinorUnits == 0 ? decimal.Truncate(price) + 1m : price;
            // Distinct skus keep every line its own item, as most carts are; a few share one (then alike lines are one item).
            var sku = random.Next(5) == 0 ? "same" : $"sku{i}";
            return new CartLine($"l{i}", sku, new Money(price, currency), random.Next(1, 5), [new[] { "a", "b" }[random.Next(2)]]);
        }));

        AssertSame(PromotionCatalog.Create(promotions), new EvaluationOptions { IncludeUnits = true }, cart, [], Now, null);
    }

    private static void AssertSame(PromotionCatalog catalog, EvaluationOptions options, Cart cart, string[] codes, Instant at, UsageSnapshot? usage)
    {
        var split = new PromotionEvaluator(catalog, options) { SplitEveryShare = true, GeneralPathOnly = true }.Evaluate(cart, codes, at, usage);
        var result = new PromotionEvaluator(catalog, options) { GeneralPathOnly = true }.Evaluate(cart, codes, at, usage);

        Assert.Equal(EvaluationJson.Write(split), EvaluationJson.Write(result));
        Assert.Equal(
            split.Lines.SelectMany(l => l.Units.SelectMany(u => u.Adjustments)).Select(a => string.Join(",", decimal.GetBits(a.Amount.Amount))),
            result.Lines.SelectMany(l => l.Units.SelectMany(u => u.Adjustments)).Select(a => string.Join(",", decimal.GetBits(a.Amount.Amount))));
        Assert.Equal(split, result);
    }
}
