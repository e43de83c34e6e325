using System;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Xunit;
using static PromoEngine.Tests.Shop;

namespace PromoEngine.Tests;

/// <summary>Conventions as options, each with the README's worked example under each setting (issue 11,
/// capability 13).</summary>
public sealed class ConventionTests
{
    private static EvaluationResult Evaluate(Cart cart, Promotion promotion, EvaluationOptions options) =>
        new PromotionEvaluator(PromotionCatalog.Create([promotion]), options).Evaluate(cart, [], Now);

    // (a) 15 % off 10.50 is exactly 1.575 off, leaving 8.925: a half cent.
    [Theory]
    [InlineData(RoundingTarget.AmountToPay, MidpointRounding.AwayFromZero, 1.57, 8.93)]
    [InlineData(RoundingTarget.Discount, MidpointRounding.AwayFromZero, 1.58, 8.92)]
    [InlineData(RoundingTarget.AmountToPay, MidpointRounding.ToEven, 1.58, 8.92)]
    [InlineData(RoundingTarget.Discount, MidpointRounding.ToEven, 1.58, 8.92)]
    public void RoundingTarget_HalfCent_DiscountAndAmountToPayDiffer(RoundingTarget target, MidpointRounding rounding, decimal discount, decimal total)
    {
        var result = Evaluate(Cart(Line("a", 10.50m)), Promo("p", Discount.PercentOffItems(15)).Build(), new EvaluationOptions { RoundingTarget = target, Rounding = rounding });

        Assert.Equal((discount, total), (result.Applied("p"), result.Total.Amount));
    }

    [Theory]
    [InlineData(RoundingTarget.AmountToPay)]
    [InlineData(RoundingTarget.Discount)]
    public void RoundingTarget_AwayFromAMidpoint_BothAgree(RoundingTarget target)
    {
        // 25 % off 19.99 is 4.9975 off, leaving 14.9925: no midpoint, so 5.00 off and 14.99 to pay either way.
        var result = Evaluate(Cart(Line("a", 19.99m)), Promo("p", Discount.PercentOffItems(25)).Build(), new EvaluationOptions { RoundingTarget = target });

        Assert.Equal((5.00m, 14.99m), (result.Applied("p"), result.Total.Amount));
    }

    [Fact]
    public void RoundingTarget_Undefined_Throws() =>
        Assert.Equal("RoundingTarget", Assert.Throws<ArgumentOutOfRangeException>(() =>
            new PromotionEvaluator(PromotionCatalog.Create([]), new EvaluationOptions { RoundingTarget = (RoundingTarget)7 })).ParamName);

    // (b) 1.00 USD off an order of three 10.00 lines (exact shares 0.333...).
    [Theory]
    [InlineData(OrderAllocation.LargestRemainder, 0.34, 0.33, 0.33)]
    [InlineData(OrderAllocation.RemainderToFirstLines, 0.34, 0.33, 0.33)]
    [InlineData(OrderAllocation.RemainderToLastLine, 0.33, 0.33, 0.34)]
    [InlineData(OrderAllocation.CarryForward, 0.33, 0.34, 0.33)]
    public void OrderAllocation_OneDollarOverThreeLines_SpreadsThePenniesByTheRule(OrderAllocation rule, decimal a, decimal b, decimal c)
    {
        // The cart lists the lines out of id order: the rules take them by id.
        var cart = Cart(Line("L3", 10m), Line("L1", 10m), Line("L2", 10m));

        var result = Evaluate(cart, Promo("p", Discount.AmountOffOrder(D(1m))).Build(), new EvaluationOptions { OrderAllocation = rule });

        Assert.Equal([a, b, c], new[] { "L1", "L2", "L3" }.Select(id => result.Line(id).Adjustments.Sum(x => x.Amount.Amount)));
        Assert.Equal(1m, result.Applied("p"));
    }

    [Theory]
    [InlineData(OrderAllocation.LargestRemainder, 0.02, 0.02, 0.01)]
    [InlineData(OrderAllocation.RemainderToFirstLines, 0.02, 0.02, 0.01)]
    [InlineData(OrderAllocation.RemainderToLastLine, 0.01, 0.01, 0.03)]
    [InlineData(OrderAllocation.CarryForward, 0.02, 0.01, 0.02)]
    public void OrderAllocation_TwoLeftoverCents_DifferByRule(OrderAllocation rule, decimal a, decimal b, decimal c)
    {
        // 0.05 over three lines of 1.00: exact shares 0.01666..., rounded down to 0.01 each, two cents left over.
        var cart = Cart(Line("L1", 1m), Line("L2", 1m), Line("L3", 1m));

        var result = Evaluate(cart, Promo("p", Discount.AmountOffOrder(D(0.05m))).Build(), new EvaluationOptions { OrderAllocation = rule });

        Assert.Equal([a, b, c], new[] { "L1", "L2", "L3" }.Select(id => result.Line(id).Adjustments.Sum(x => x.Amount.Amount)));
    }

    [Fact]
    public void OrderAllocation_RemainderToLastLine_NeverTakesALineBelowZero()
    {
        // 0.05 over six lines of 0.01: every line's share rounds down to nothing, and the last line can take one cent.
        var weights = Enumerable.Repeat(0.01m, 6).ToArray();

        var parts = Internal.Allocation.Spread(D(0.05m), weights, OrderAllocation.RemainderToLastLine);

        Assert.Equal([0m, 0.01m, 0.01m, 0.01m, 0.01m, 0.01m], parts.Select(p => p.Amount));
    }

    [Fact]
    public void OrderAllocation_Undefined_Throws() =>
        Assert.Equal("OrderAllocation", Assert.Throws<ArgumentOutOfRangeException>(() =>
            new PromotionEvaluator(PromotionCatalog.Create([]), new EvaluationOptions { OrderAllocation = (OrderAllocation)9 })).ParamName);

    [Fact]
    public void Conventions_ChangeOnlyWhatTheyName_AnOrderAmountIsTheSameUnderEveryRule()
    {
        var cart = Cart(Line("L1", 3.33m, 3), Line("L2", 7.77m), Line("L3", 0.01m, 5));
        var promotion = Promo("p", Discount.PercentOffOrder(33)).Build();

        var totals = Enum.GetValues<OrderAllocation>().Select(rule => Evaluate(cart, promotion, new EvaluationOptions { OrderAllocation = rule }).Total).Distinct();

        Assert.Single(totals);
    }

    /// <summary>Every rule sums exactly to the amount and gives no part more than its weight, for weights in whole
    /// minor units that add up to at least the amount.</summary>
    [Property(MaxTest = 1_000)]
    public void Spread_EveryRule_SumsExactlyAndStaysWithinEachWeight(PositiveInt[] cents, NonNegativeInt percent, byte rule)
    {
        if (cents.Length == 0)
        {
            return;
        }

        var weights = cents.Select(c => (c.Get % 100_000) / 100m).ToArray();
        var sum = weights.Sum();
        var amount = D(decimal.Floor(sum * 100m * (percent.Get % 101) / 100m) / 100m);

        var parts = Internal.Allocation.Spread(amount, weights, (OrderAllocation)(rule % 4));

        Assert.Equal(amount.Amount, parts.Sum(p => p.Amount));
        Assert.All(parts.Zip(weights), p => Assert.InRange(p.First.Amount, 0m, p.Second));
    }
}

/// <summary>Directed rounding rules and the noise of exact division (found by the quantity properties once the
/// generators varied the rounding rule).</summary>
public sealed class DirectedRoundingTests
{
    [Theory]
    [InlineData(RoundingTarget.Discount, MidpointRounding.ToZero)]
    [InlineData(RoundingTarget.AmountToPay, MidpointRounding.ToPositiveInfinity)]
    [InlineData(RoundingTarget.AmountToPay, MidpointRounding.ToZero)]
    public void Evaluate_DirectedRounding_ALineOfSixAndSixLinesOfOneGiveTheSameTotal(RoundingTarget target, MidpointRounding rounding)
    {
        // The generated case that failed: a bundle "3 for 0.05" over units of 37.30, 126.03 and 59.84.
        var bundle = Promotion.Create("P0", "3 for 0.05").ForItems(ItemFilter.Not(ItemFilter.Categories("c3")))
            .Giving(Discount.FixedPrice(3, D(0.05m))).WithPriority(1).Build();
        CartLine L(string id, string sku, decimal price, int quantity, params string[] categories) => new(id, sku, D(price), quantity, categories);
        var whole = new[] { L("L0", "s2", 37.3m, 1, "c3"), L("L3", "s4", 126.03m, 6), L("L4", "s2", 59.84m, 4, "c1", "c2") };
        var split = whole.SelectMany(l => Enumerable.Range(0, l.Quantity).Select(i => L(i == 0 ? l.LineId : $"{l.LineId}~{i:D2}", l.Sku, l.UnitPrice.Amount, 1, [.. l.Categories])));
        var evaluator = new PromotionEvaluator(PromotionCatalog.Create([bundle]), new EvaluationOptions { RoundingTarget = target, Rounding = rounding });

        var one = evaluator.Evaluate(new Cart(Usd, whole), [], Now);
        var many = evaluator.Evaluate(new Cart(Usd, split), [], Now);

        Assert.Equal(one.Total, many.Total);
    }
}
