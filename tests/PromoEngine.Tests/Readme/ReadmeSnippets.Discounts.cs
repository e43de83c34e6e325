using System.Linq;
using NodaTime;

namespace PromoEngine.Tests;

/// <summary>The README's discount cookbook, compiled here.</summary>
internal static partial class ReadmeSnippets
{
    public static void UnitLimits()
    {
        // snippet: unitLimits
        var usd = Currency.FromCode("USD");
        var evaluator = new PromotionEvaluator(PromotionCatalog.Create(
        [
            Promotion.Create("socks", "20% off socks, at most 2 pairs, the dearest first")
                .ForItems(ItemFilter.Categories("socks"))
                .Giving(Discount.PercentOffItems(20).LimitUnits(perOrder: 2, selection: UnitSelection.MostExpensive))
                .Build(),
        ]));
        var cart = new Cart(usd,
        [
            new CartLine("1", "SOCK-RED", new Money(8m, usd), 2, categories: ["socks"]),
            new CartLine("2", "SOCK-WOOL", new Money(15m, usd), 3, categories: ["socks"]),
        ]);
        var result = evaluator.Evaluate(cart, [], Instant.FromUtc(2026, 11, 27, 18, 0));
        var lines = result.Lines.Select(l => $"{l.Quantity} x {l.Sku} at {l.UnitPrice}: -{l.Discount}");
        Console.WriteLine($"{string.Join(", ", lines)}; total {result.Total}");
        // 2 x SOCK-RED at 8.00 USD: -0.00 USD, 3 x SOCK-WOOL at 15.00 USD: -6.00 USD; total 55.00 USD
        // endsnippet
    }

    public static void LineAmounts()
    {
        // snippet: lineAmounts
        var usd = Currency.FromCode("USD");
        var evaluator = new PromotionEvaluator(PromotionCatalog.Create(
        [
            Promotion.Create("frames", "$10 off each line of frames")
                .ForItems(ItemFilter.Categories("frames"))
                .Giving(Discount.AmountOffEachLine(new Money(10m, usd)))
                .Build(),
        ]));
        var cart = new Cart(usd,
        [
            new CartLine("1", "FRAME-A4", new Money(8m, usd), 3, categories: ["frames"]),
            new CartLine("2", "FRAME-MINI", new Money(4m, usd), 2, categories: ["frames"]),
        ]);
        var result = evaluator.Evaluate(cart, [], Instant.FromUtc(2026, 11, 27, 18, 0));
        var lines = result.Lines.Select(l => $"{l.Quantity} x {l.Sku}: {l.Original} -> {l.Final}");
        var applied = result.Applied[0];
        Console.WriteLine($"{string.Join(", ", lines)}; {applied.Amount} of {applied.NominalAmount}, clamped by {applied.ClampedBy}");
        // 3 x FRAME-A4: 24.00 USD -> 14.00 USD, 2 x FRAME-MINI: 8.00 USD -> 0.00 USD; 18.00 USD of 20.00 USD, clamped by Price
        // endsnippet
    }

    public static void PriceFloors()
    {
        // snippet: priceFloors
        var usd = Currency.FromCode("USD");
        var evaluator = new PromotionEvaluator(PromotionCatalog.Create(
        [
            Promotion.Create("half", "Half price, but nothing under $5")
                .Giving(Discount.PercentOffItems(50).WithPriceFloor(new Money(5m, usd)))
                .Build(),
        ]));
        var cart = new Cart(usd,
        [
            new CartLine("1", "PEN", new Money(6m, usd), 2),
            new CartLine("2", "BAG", new Money(40m, usd), 1),
        ]);
        var result = evaluator.Evaluate(cart, [], Instant.FromUtc(2026, 11, 27, 18, 0));
        var lines = result.Lines.Select(l => $"{l.Quantity} x {l.Sku}: {l.Original} -> {l.Final}");
        var applied = result.Applied[0];
        Console.WriteLine($"{string.Join(", ", lines)}; {applied.Amount} of {applied.NominalAmount}, clamped by {applied.ClampedBy}");
        // 2 x PEN: 12.00 USD -> 10.00 USD, 1 x BAG: 40.00 USD -> 20.00 USD; 22.00 USD of 26.00 USD, clamped by PriceFloor
        // endsnippet
    }

    public static void FlexiRates()
    {
        // snippet: flexiRates
        var usd = Currency.FromCode("USD");
        var evaluator = new PromotionEvaluator(PromotionCatalog.Create(
        [
            Promotion.Create("flexi", "$5 off the first tee, $1 off each other, at most 3")
                .ForItems(ItemFilter.Categories("tees"))
                .Giving(Discount.FirstAndAdditional(new Money(5m, usd), new Money(1m, usd), UnitScope.AcrossLines)
                    .LimitUnits(perOrder: 3, selection: UnitSelection.MostExpensive))
                .Build(),
        ]));
        var cart = new Cart(usd,
        [
            new CartLine("1", "TEE-PLAIN", new Money(12m, usd), 2, categories: ["tees"]),
            new CartLine("2", "TEE-PRINT", new Money(20m, usd), 2, categories: ["tees"]),
        ]);
        var result = evaluator.Evaluate(cart, [], Instant.FromUtc(2026, 11, 27, 18, 0));
        var lines = result.Lines.Select(l => $"{l.Quantity} x {l.Sku}: -{l.Discount}");
        Console.WriteLine($"{string.Join(", ", lines)}; total {result.Total}");
        // 2 x TEE-PLAIN: -1.00 USD, 2 x TEE-PRINT: -6.00 USD; total 57.00 USD
        // endsnippet
    }

    public static void QuantityGroups()
    {
        // snippet: quantityGroups
        var usd = Currency.FromCode("USD");
        var evaluator = new PromotionEvaluator(PromotionCatalog.Create(
        [
            Promotion.Create("sets", "10% off every full set of 3 mugs, 20% from 2 sets")
                .ForItems(ItemFilter.Categories("mugs"))
                .Giving(Discount.QuantityGroups(3, UnitScope.AcrossLines, Tier.PercentOffFrom(1, 10), Tier.PercentOffFrom(2, 20)))
                .Build(),
        ]));
        var cart = new Cart(usd,
        [
            new CartLine("1", "MUG-BLUE", new Money(10m, usd), 4, categories: ["mugs"]),
            new CartLine("2", "MUG-GOLD", new Money(20m, usd), 3, categories: ["mugs"]),
        ]);
        var result = evaluator.Evaluate(cart, [], Instant.FromUtc(2026, 11, 27, 18, 0));
        var lines = result.Lines.Select(l => $"{l.Quantity} x {l.Sku}: -{l.Discount}");
        Console.WriteLine($"{string.Join(", ", lines)}; total {result.Total}");
        // 4 x MUG-BLUE: -6.00 USD, 3 x MUG-GOLD: -12.00 USD; total 82.00 USD
        // endsnippet
    }

    public static void ShippingTiers()
    {
        // snippet: shippingTiers
        var usd = Currency.FromCode("USD");
        var evaluator = new PromotionEvaluator(PromotionCatalog.Create(
        [
            Promotion.Create("ship-tiers", "Half off shipping from $50, free from $100")
                .Giving(Discount.TieredShipping(TierBasis.Subtotal, Tier.PercentOffFrom(50, 50), Tier.PercentOffFrom(100, 100)))
                .Build(),
        ]));
        var cart = new Cart(usd, [new CartLine("1", "LAMP", new Money(70m, usd), 1)], shipping: new Money(8m, usd));
        var result = evaluator.Evaluate(cart, [], Instant.FromUtc(2026, 11, 27, 18, 0));
        Console.WriteLine($"shipping {result.Shipping} - {result.ShippingDiscount}; {result.Hints[0].Message}");
        // shipping 8.00 USD - 4.00 USD; Spend 30.00 USD more on qualifying items to get 100% off shipping with Half off shipping from $50, free from $100.
        // endsnippet
    }

    public static void Gifts()
    {
        // snippet: gifts
        var usd = Currency.FromCode("USD");
        var evaluator = new PromotionEvaluator(PromotionCatalog.Create(
        [
            Promotion.Create("tote", "A free tote with any shoes")
                .ForItems(ItemFilter.Categories("shoes"))
                .Giving(Discount.GiftWithPurchase("TOTE"))
                .Build(),
        ]));
        var shoes = new CartLine("1", "RUNNER-42", new Money(80m, usd), 1, categories: ["shoes"]);
        var at = Instant.FromUtc(2026, 11, 27, 18, 0);
        var without = evaluator.Evaluate(new Cart(usd, [shoes]), [], at);
        var hint = without.Hints[0]; // a storefront can add hint.Sku to the cart
        var with = evaluator.Evaluate(new Cart(usd, [shoes, new CartLine("2", "TOTE", new Money(15m, usd), 1)]), [], at);
        Console.WriteLine($"{hint.Kind} {hint.MissingQuantity} x {hint.Sku}; with it: {with.Total}, {with.Applied[0].Name} -{with.Applied[0].Amount}");
        // AddGift 1 x TOTE; with it: 80.00 USD, A free tote with any shoes -15.00 USD
        // endsnippet
    }

    public static void WithShipping()
    {
        // snippet: withShipping
        var usd = Currency.FromCode("USD");
        var evaluator = new PromotionEvaluator(PromotionCatalog.Create(
        [
            Promotion.Create("both", "20% off and free shipping")
                .WithCode("BOTH")
                .Giving(Discount.PercentOffItems(20).AndShipping(Discount.FreeShipping))
                .Build(),
            Promotion.Create("hundred", "$100 off, shipping included")
                .WithCode("HUNDRED")
                .Giving(Discount.AmountOffOrderAndShipping(new Money(100m, usd)))
                .Build(),
        ]));
        var cart = new Cart(usd, [new CartLine("1", "BOOTS", new Money(90m, usd), 1)], shipping: new Money(10m, usd));
        var at = Instant.FromUtc(2026, 11, 27, 18, 0);
        string Outcome(string code)
        {
            var result = evaluator.Evaluate(cart, [code], at);
            var parts = string.Join(" + ", result.Applied.Select(a => $"{a.Class} {a.Amount}"));
            return $"{code}: {parts}, {result.Redemptions.Length} use, total {result.Total}";
        }

        Console.WriteLine($"{Outcome("BOTH")} | {Outcome("HUNDRED")}");
        // BOTH: Item 18.00 USD + Shipping 10.00 USD, 1 use, total 72.00 USD | HUNDRED: Order 90.00 USD + Shipping 10.00 USD, 1 use, total 0.00 USD
        // endsnippet
    }
}
