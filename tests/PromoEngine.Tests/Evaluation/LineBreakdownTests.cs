using System.Linq;
using Xunit;
using static PromoEngine.Tests.Shop;

namespace PromoEngine.Tests;

/// <summary>What a result says of each line (PromotionEvaluator.Run.cs, <c>BuildResult</c>): a line no promotion
/// touched, with and without the per-unit breakdown, and a line two promotions share: one adjustment per promotion in
/// the order they applied, each the sum over its units.</summary>
public sealed class LineBreakdownTests
{
    private static readonly Promotion Shirts = Promo("shirts", Discount.PercentOffItems(10)).ForItems(ItemFilter.Categories("shirts")).WithPriority(2).Build();

    private static readonly Promotion Dollar = Promo("dollar", Discount.AmountOffOrder(D(1m))).ForItems(ItemFilter.Categories("shirts")).WithPriority(1).Build();

    private static readonly Cart ShirtsAndHat = Cart(Line("s", 10m, 3, "s", "shirts"), Line("h", 7m, 2, "h", "hats"));

    private static EvaluationResult Run(bool units) =>
        new PromotionEvaluator(PromotionCatalog.Create([Shirts, Dollar]), new EvaluationOptions { IncludeUnits = units }).Evaluate(ShirtsAndHat, [], Now);

    [Fact]
    public void Lines_AnUntouchedLineWithUnitsAskedFor_ListsEachUnitAtItsPrice()
    {
        var hat = Run(units: true).Line("h");

        Assert.Equal((D(14m), D(0m), D(14m)), (hat.Original, hat.Discount, hat.Final));
        Assert.Empty(hat.Adjustments);
        Assert.Equal([(0, 7m, 7m, 0), (1, 7m, 7m, 0)], hat.Units.Select(u => (u.Index, u.Original.Amount, u.Final.Amount, u.Adjustments.Length)));
    }

    [Fact]
    public void Lines_TwoPromotionsOnALine_OneAdjustmentEachInTheOrderApplied_SummedOverTheUnits()
    {
        var shirts = Run(units: true).Line("s");

        // 10 % of 3 x 10.00, then 1.00 spread over the three units left at 9.00: 0.33, 0.33 and 0.34 (largest remainder).
        Assert.Equal([("shirts", 3m), ("dollar", 1m)], shirts.Adjustments.Select(a => (a.PromotionId.Value, a.Amount.Amount)));
        Assert.Equal((D(4m), D(26m)), (shirts.Discount, shirts.Final));
        Assert.Equal(26m, shirts.Units.Sum(u => u.Final.Amount));
        Assert.All(shirts.Units, u => Assert.Equal(["shirts", "dollar"], u.Adjustments.Select(a => a.PromotionId.Value)));
        Assert.Equal([1m, 1m, 1m], shirts.Units.Select(u => u.Adjustments[0].Amount.Amount));
    }

    [Fact]
    public void Lines_WithoutUnits_SayTheSameOfEachLine_AndListNoUnits()
    {
        var with = Run(units: true);
        var without = Run(units: false);

        Assert.All(without.Lines, l => Assert.Empty(l.Units));
        Assert.Equal(
            with.Lines.Select(l => (l.LineId, l.Discount, l.Final, string.Join(",", l.Adjustments.Select(a => $"{a.PromotionId}:{a.Amount}")))),
            without.Lines.Select(l => (l.LineId, l.Discount, l.Final, string.Join(",", l.Adjustments.Select(a => $"{a.PromotionId}:{a.Amount}")))));
        Assert.Equal(with.Total, without.Total);
        Assert.Equal(D(40m), without.Total);
    }
}
