using System;
using System.Linq;
using NodaTime;

namespace PromoEngine.Tests;

/// <summary>The README's cookbook of eligibility and conventions (issue 11), compiled here.</summary>
internal static partial class ReadmeSnippets
{
    public static void ExcludeAutomatic()
    {
        // snippet: excludeAutomatic
        var usd = Currency.FromCode("USD");
        var catalog = PromotionCatalog.Create(
        [
            Promotion.Create("sale", "20% off everything").Giving(Discount.PercentOffItems(20)).Build(),
            Promotion.Create("staff", "Staff 30%").WithCode("STAFF30").Giving(Discount.PercentOffItems(30)).Build(),
        ]);
        var staffOrders = new PromotionEvaluator(catalog, new EvaluationOptions { ExcludeAutomaticPromotions = true });
        var cart = new Cart(usd, [new CartLine("1", "DESK", new Money(200m, usd), 1)]);

        var plain = staffOrders.Evaluate(cart, [], Instant.FromUtc(2026, 11, 27, 18, 0));
        var coded = staffOrders.Evaluate(cart, ["STAFF30"], Instant.FromUtc(2026, 11, 27, 18, 0));

        Console.WriteLine($"{plain.Total} without a code; {coded.Total} with {coded.Applied.Single().Name}");
        // 200.00 USD without a code; 140.00 USD with Staff 30%
        // endsnippet
    }

    public static void UnitPrice()
    {
        // snippet: unitPrice
        var usd = Currency.FromCode("USD");
        var underFifty = Promotion.Create("under50", "20% off everything under $50")
            .ForItems(ItemFilter.AllOf(ItemFilter.UnitPriceAtMost(new Money(49.99m, usd)), ItemFilter.Not(ItemFilter.Tags("gift-card"))))
            .Giving(Discount.PercentOffItems(20))
            .Build();
        var cart = new Cart(usd,
        [
            new CartLine("1", "TEE", new Money(25m, usd), 2),
            new CartLine("2", "JACKET", new Money(120m, usd), 1),
            new CartLine("3", "CARD", new Money(30m, usd), 1, tags: ["gift-card"]),
        ]);

        var result = new PromotionEvaluator(PromotionCatalog.Create([underFifty])).Evaluate(cart, [], Instant.FromUtc(2026, 11, 27, 18, 0));

        Console.WriteLine(string.Join("; ", result.Lines.Select(l => $"{l.Sku} {l.Final}")) + $"; total {result.Total}");
        // TEE 40.00 USD; JACKET 120.00 USD; CARD 30.00 USD; total 190.00 USD
        // endsnippet
    }

    public static void CartCondition()
    {
        // snippet: cartCondition
        var usd = Currency.FromCode("USD");
        var socks = Promotion.Create("socks", "30% off socks with shoes")
            .ForItems(ItemFilter.Categories("socks"))
            .Require(Restriction.CartHoldsUnits(ItemFilter.Categories("shoes"), 1, label: "shoes"))
            .Giving(Discount.PercentOffItems(30))
            .Build();
        var evaluator = new PromotionEvaluator(PromotionCatalog.Create([socks]));
        var sock = new CartLine("1", "SOCK", new Money(10m, usd), 2, categories: ["socks"]);
        var shoe = new CartLine("2", "RUNNER", new Money(80m, usd), 1, categories: ["shoes"]);

        var without = evaluator.Evaluate(new Cart(usd, [sock]), [], Instant.FromUtc(2026, 11, 27, 18, 0));
        var with = evaluator.Evaluate(new Cart(usd, [sock, shoe]), [], Instant.FromUtc(2026, 11, 27, 18, 0));

        Console.WriteLine($"{without.Hints.Single().Message} With shoes: {with.Total}");
        // Add 1 more item from shoes to get 30% off socks with shoes. With shoes: 94.00 USD
        // endsnippet
    }

    public static void OrderHistory()
    {
        // snippet: orderHistory
        var usd = Currency.FromCode("USD");
        var fifth = Promotion.Create("fifth", "Your 5th order: 15% off")
            .Require(Restriction.NthOrder(5))
            .Giving(Discount.PercentOffItems(15))
            .Build();
        var evaluator = new PromotionEvaluator(PromotionCatalog.Create([fifth]), new EvaluationOptions { ListEveryRejection = true });
        var at = Instant.FromUtc(2026, 11, 27, 18, 0);
        Cart CartOf(CustomerProfile customer) => new(usd, [new CartLine("1", "MUG", new Money(20m, usd), 1)], customer);

        var fourBefore = evaluator.Evaluate(CartOf(CustomerProfile.Registered("c-17").WithPreviousOrders(4)), [], at);
        var guest = evaluator.Evaluate(CartOf(CustomerProfile.Guest), [], at);

        Console.WriteLine($"{fourBefore.Total}; guest {guest.Total}: {guest.Rejected.Single().Reason}");
        // 17.00 USD; guest 20.00 USD: OrderHistoryNotEligible
        // endsnippet
    }

    public static void ShippingMethod()
    {
        // snippet: shippingMethod
        var usd = Currency.FromCode("USD");
        var freeStandard = Promotion.Create("ship", "Free standard shipping")
            .Require(Restriction.ShippingMethods("standard"))
            .Giving(Discount.FreeShipping)
            .Build();
        var evaluator = new PromotionEvaluator(PromotionCatalog.Create([freeStandard]));
        var cart = new Cart(usd, [new CartLine("1", "LAMP", new Money(45m, usd), 1)], shipping: new Money(8m, usd));
        var at = Instant.FromUtc(2026, 11, 27, 18, 0);

        var standard = evaluator.Evaluate(cart.WithShippingMethod("standard"), [], at);
        var express = evaluator.Evaluate(cart.WithShippingMethod("express"), [], at);

        Console.WriteLine($"standard {standard.Total}, express {express.Total} ({express.Rejected.Single().Reason})");
        // standard 45.00 USD, express 53.00 USD (ShippingMethodNotEligible)
        // endsnippet
    }

    public static void RoundingTarget()
    {
        // snippet: roundingTarget
        var usd = Currency.FromCode("USD");
        var catalog = PromotionCatalog.Create([Promotion.Create("p", "15% off").Giving(Discount.PercentOffItems(15)).Build()]);
        var cart = new Cart(usd, [new CartLine("1", "BOOK", new Money(10.50m, usd), 1)]);
        var at = Instant.FromUtc(2026, 11, 27, 18, 0);

        var onPrice = new PromotionEvaluator(catalog).Evaluate(cart, [], at);
        var onDiscount = new PromotionEvaluator(catalog, new EvaluationOptions { RoundingTarget = PromoEngine.RoundingTarget.Discount }).Evaluate(cart, [], at);

        Console.WriteLine($"on the price: pay {onPrice.Total}; on the discount: pay {onDiscount.Total}");
        // on the price: pay 8.93 USD; on the discount: pay 8.92 USD
        // endsnippet
    }

    public static void OrderAllocation()
    {
        // snippet: orderAllocation
        var usd = Currency.FromCode("USD");
        var catalog = PromotionCatalog.Create([Promotion.Create("p", "$1 off").Giving(Discount.AmountOffOrder(new Money(1m, usd))).Build()]);
        var cart = new Cart(usd, new[] { "A", "B", "C" }.Select(id => new CartLine(id, "SKU-" + id, new Money(10m, usd), 1)));
        var at = Instant.FromUtc(2026, 11, 27, 18, 0);

        foreach (var rule in Enum.GetValues<PromoEngine.OrderAllocation>())
        {
            var result = new PromotionEvaluator(catalog, new EvaluationOptions { OrderAllocation = rule }).Evaluate(cart, [], at);
            Console.WriteLine($"{rule}: " + string.Join(" ", result.Lines.Select(l => l.Adjustments.Single().Amount.Amount)));
        }

        // LargestRemainder: 0.34 0.33 0.33
        // RemainderToFirstLines: 0.34 0.33 0.33
        // RemainderToLastLine: 0.33 0.33 0.34
        // CarryForward: 0.33 0.34 0.33
        // endsnippet
    }

    public static void ThresholdBasis()
    {
        // snippet: thresholdBasis
        var usd = Currency.FromCode("USD");
        var sale = Promotion.Create("sale", "20% off everything").WithPriority(10).Giving(Discount.PercentOffItems(20)).Build();
        Promotion TenOff(ThresholdBasis basis) => Promotion.Create("ten", "$10 off $50")
            .Require(Restriction.MinimumSubtotal(new Money(50m, usd), basis))
            .Giving(Discount.AmountOffOrder(new Money(10m, usd)))
            .Build();
        var cart = new Cart(usd, [new CartLine("1", "COAT", new Money(55m, usd), 1)]);
        var at = Instant.FromUtc(2026, 11, 27, 18, 0);

        var before = new PromotionEvaluator(PromotionCatalog.Create([sale, TenOff(PromoEngine.ThresholdBasis.BeforeDiscounts)])).Evaluate(cart, [], at);
        var after = new PromotionEvaluator(PromotionCatalog.Create([sale, TenOff(PromoEngine.ThresholdBasis.AfterHigherLanes)])).Evaluate(cart, [], at);

        Console.WriteLine($"before discounts: {before.Total}; after higher lanes: {after.Total} ({after.Hints.Single().Message})");
        // before discounts: 34.00 USD; after higher lanes: 44.00 USD (Spend 6.00 USD more on qualifying items to get $10 off $50.)
        // endsnippet
    }
}
