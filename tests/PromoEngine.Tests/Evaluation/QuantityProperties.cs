using System;
using System.Collections.Generic;
using System.Linq;
using FsCheck.Xunit;
using Xunit;

namespace PromoEngine.Tests;

/// <summary>Alike units are held as runs: how a quantity is spread over lines of one item never changes the answer.</summary>
public sealed class QuantityProperties
{
    [Property(MaxTest = 1000, Arbitrary = [typeof(EvaluationArbitraries)])]
    public void ALineOfQuantityN_GivesTheSameTotalsAsNLinesOfOne(EvaluationCase c) =>
        AssertSameTotals(c, c.Cart.Lines.SelectMany(line => Split(line, Enumerable.Repeat(1, line.Quantity))));

    [Property(MaxTest = 1000, Arbitrary = [typeof(EvaluationArbitraries)])]
    public void ALineOfQuantityN_GivesTheSameTotalsAsAnySplitOfIt(EvaluationCase c)
    {
        var random = new Random(c.ShuffleSeed);
        AssertSameTotals(c, c.Cart.Lines.SelectMany(line => Split(line, RandomParts(line.Quantity, random))));
    }

    [Fact]
    public void AMillionUnits_EvaluateAsTheirRuns()
    {
        // 1,000,000 shirts at 9.99: buy 2 get 1 free makes 333,333 sets; 10 % off the order after it.
        var cart = Shop.Cart(Shop.Line("shirt", 9.99m, CartLine.MaxQuantity));
        var evaluator = new PromotionEvaluator(PromotionCatalog.Create(
        [
            Promotion.Create("b2g1", "Buy 2 get 1").Giving(Discount.BuyXGetY(2, 1)).WithPriority(1).Build(),
            Promotion.Create("ten", "10 % off").Giving(Discount.PercentOffOrder(10)).Build(),
        ]));

        var result = evaluator.Evaluate(cart, [], Shop.Now);

        Assert.Equal(333_333 * 9.99m, result.ItemDiscounts.Amount);
        var left = (1_000_000 * 9.99m) - (333_333 * 9.99m);
        Assert.Equal(decimal.Round(left * 0.10m, 2), result.OrderDiscounts.Amount);
        Assert.Equal(result.Subtotal - result.TotalDiscount + result.Shipping, result.Total);
    }

    /// <summary>The line as lines of these quantities, alike in all else, with ids that keep its place in the
    /// canonical order (a line's first part keeps its id).</summary>
    private static IEnumerable<CartLine> Split(CartLine line, IEnumerable<int> quantities) =>
        quantities.Select((quantity, i) => new CartLine(
            i == 0 ? line.LineId : $"{line.LineId}~{i:D2}", line.Sku, line.UnitPrice, quantity, line.Categories, line.Tags, line.Brand, line.Attributes));

    private static List<int> RandomParts(int quantity, Random random)
    {
        var parts = new List<int>();
        while (quantity > 0)
        {
            var part = random.Next(1, quantity + 1);
            parts.Add(part);
            quantity -= part;
        }

        return parts;
    }

    private static void AssertSameTotals(EvaluationCase c, IEnumerable<CartLine> split)
    {
        // A discount per line (a limit per line, an amount off each line) depends on the lines by design: left out.
        var promotions = c.Promotions.Where(p => !p.Discount.DependsOnLines).ToArray();
        var whole = c.Evaluate(promotions: promotions);
        var parts = c.Evaluate(split.ToList(), promotions);
        if (whole.UsedGreedyFallback || parts.UsedGreedyFallback)
        {
            // More lines make more groups for the lane solver; where either search gave up, neither is the optimum.
            return;
        }

        Assert.Equal(whole.ItemDiscounts, parts.ItemDiscounts);
        Assert.Equal(whole.OrderDiscounts, parts.OrderDiscounts);
        Assert.Equal(whole.ShippingDiscount, parts.ShippingDiscount);
        Assert.Equal(whole.Total, parts.Total);
        Assert.Equal(
            whole.Applied.Select(a => (a.PromotionId, a.Amount)).OrderBy(a => a.PromotionId),
            parts.Applied.Select(a => (a.PromotionId, a.Amount)).OrderBy(a => a.PromotionId));
    }
}
