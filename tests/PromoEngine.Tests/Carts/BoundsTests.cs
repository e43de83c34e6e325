using System;
using System.Linq;
using Xunit;
using static PromoEngine.Tests.Shop;

namespace PromoEngine.Tests;

/// <summary>The limits stated once (README, "Limits"): each is refused at the boundary with a specific exception that
/// names it, and inside them no arithmetic of an evaluation can overflow.</summary>
public sealed class BoundsTests
{
    private static readonly decimal Max = Usd.MaxAmount;

    [Fact]
    public void MaxAmount_IsAPowerOfTenThatKeepsAllocationProductsInRange()
    {
        Assert.Equal(10_000_000_000_000m, Usd.MaxAmount);
        Assert.Equal(100_000_000_000_000m, Currency.Jpy.MaxAmount);
        Assert.Equal(1_000_000_000_000m, Currency.FromCode("BHD").MaxAmount);
        Assert.Equal(100_000m, Currency.Custom("WEI", 18).MaxAmount);
    }

    [Fact]
    public void CartLine_QuantityPastTheLimit_IsRefusedNamingIt()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new CartLine("1", "A", D(1m), int.MaxValue));

        Assert.Equal("quantity", e.ParamName);
        Assert.Contains("CartLine.MaxQuantity", e.Message, StringComparison.Ordinal);
        Assert.Equal(CartLine.MaxQuantity, new CartLine("1", "A", D(1m), CartLine.MaxQuantity).Quantity);
    }

    [Fact]
    public void CartLine_PriceOrTotalPastTheMaxAmount_IsRefused()
    {
        Assert.Equal("unitPrice", Assert.Throws<ArgumentOutOfRangeException>(() => new CartLine("1", "A", D(Max + 0.01m), 1)).ParamName);
        var total = Assert.Throws<ArgumentOutOfRangeException>(() => new CartLine("1", "A", D(Max / 2), 3));
        Assert.Equal("quantity", total.ParamName);
        Assert.Contains("Currency.MaxAmount", total.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Cart_TooManyLinesOrUnits_IsRefusedNamingTheLimit()
    {
        var lines = Enumerable.Range(0, Cart.MaxLines + 1).Select(i => new CartLine($"l{i}", "A", D(1m), 1));
        var units = Enumerable.Range(0, 2).Select(i => new CartLine($"l{i}", "A", D(1m), (Cart.MaxUnits / 2) + 1));

        Assert.Contains("Cart.MaxLines", Assert.Throws<ArgumentException>(() => new Cart(Usd, lines)).Message, StringComparison.Ordinal);
        Assert.Contains("Cart.MaxUnits", Assert.Throws<ArgumentException>(() => new Cart(Usd, units)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Cart_LinesAndShippingPastTheMaxAmount_AreRefused()
    {
        CartLine Half(string id) => new(id, "A", D(Max / 2), 1);

        Assert.Equal("lines", Assert.Throws<ArgumentException>(() => new Cart(Usd, [Half("a"), Half("b"), new CartLine("c", "A", D(0.01m), 1)])).ParamName);
        Assert.Equal("lines", Assert.Throws<ArgumentException>(() => new Cart(Usd, [Half("a"), Half("b")], shipping: D(0.01m))).ParamName);
        Assert.Equal("shipping", Assert.Throws<ArgumentOutOfRangeException>(() => new Cart(Usd, [], shipping: D(Max * 2))).ParamName);
    }

    [Fact]
    public void Definitions_AmountsPastTheMaxAmount_AreRefused()
    {
        var big = D(Max + 1m);

        Assert.Equal("amount", Assert.Throws<ArgumentOutOfRangeException>(() => Discount.AmountOffOrder(big)).ParamName);
        Assert.Equal("price", Assert.Throws<ArgumentOutOfRangeException>(() => Discount.FixedPrice(2, big)).ParamName);
        Assert.Equal("amount", Assert.Throws<ArgumentOutOfRangeException>(() => Restriction.MinimumSubtotal(big)).ParamName);
        Assert.Equal("budget", Assert.Throws<ArgumentOutOfRangeException>(() => new UsageLimits(budget: big)).ParamName);
        var cap = Assert.Throws<PromotionDefinitionException>(() => Promo("p", Discount.PercentOffItems(10)).WithMaxDiscount(big).Build());
        Assert.Contains(cap.Errors, m => m.StartsWith("maxDiscount: an amount in USD must be at most", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_AmountPastTheMaxAmount_IsADefinitionErrorWithItsPath()
    {
        var json = """{ "schemaVersion": 1, "promotions": [ { "id": "p", "name": "P", "discount": { "type": "amountOffOrder", "amount": { "amount": 1e20, "currency": "USD" } } } ] }""";

        var e = Assert.Throws<PromotionDefinitionException>(() => PromotionJson.Read(json));

        Assert.Contains(e.Errors, m => m.StartsWith("$.promotions[0].discount.amount: an amount in USD must be at most", StringComparison.Ordinal));
    }

    [Fact]
    public void IsRounded_AtTheEdgeOfTheDecimalRange_NeverOverflows()
    {
        var wei = Currency.Custom("WEI", 18);

        Assert.True(new Money(decimal.MaxValue, wei).IsRounded);
        Assert.False(new Money(0.0000000000000000001m, wei).IsRounded);
    }

    [Fact]
    public void Evaluate_CartAtTheMaxAmount_SpreadsAndRoundsWithoutOverflow()
    {
        var cart = new Cart(Usd, [new CartLine("a", "A", D((Max / 2) - 0.01m), 1), new CartLine("b", "B", D(Max / 4), 1), new CartLine("c", "C", D(Max / 4), 1)], shipping: D(0.01m));
        var promotions = new[]
        {
            Promo("order", Discount.AmountOffOrder(D(Max - 0.03m))).Build(),
            Promo("third", Discount.PercentOffItems(33)).WithPriority(1).Build(),
            Promo("ship", Discount.FreeShipping).Build(),
        };

        var result = Evaluate(cart, promotions);

        Assert.Equal(cart.Subtotal + cart.Shipping - result.TotalDiscount, result.Total);
        Assert.Equal(result.ItemDiscounts + result.OrderDiscounts, result.Lines.Aggregate(D(0m), (sum, l) => sum + l.Discount));
        Assert.False(result.Total.IsNegative);
    }

    [Fact]
    public void Evaluate_MoreCodesThanTheLimit_IsRefusedWithoutReadingThemAll()
    {
        var evaluator = new PromotionEvaluator(PromotionCatalog.Create([]));
        static System.Collections.Generic.IEnumerable<string> Endless()
        {
            while (true)
            {
                yield return "CODE";
            }
        }

        var e = Assert.Throws<ArgumentOutOfRangeException>(() => evaluator.Evaluate(Cart(Line("a", 1m)), Endless(), Now));
        var usage = Assert.Throws<ArgumentOutOfRangeException>(() => evaluator.UsageRequestFor(Cart(Line("a", 1m)), Endless(), Now));

        Assert.Equal(("codes", "codes"), (e.ParamName, usage.ParamName));
        Assert.Contains("PromotionEvaluator.MaxCodesPerRequest", e.Message, StringComparison.Ordinal);
        Assert.Empty(evaluator.Evaluate(Cart(Line("a", 1m)), Enumerable.Repeat("CODE", PromotionEvaluator.MaxCodesPerRequest), Now).Applied);
    }
}
