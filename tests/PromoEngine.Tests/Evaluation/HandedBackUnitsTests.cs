using System.Linq;
using Xunit;
using static PromoEngine.Tests.Shop;

namespace PromoEngine.Tests;

/// <summary>Winners of a lane whose shares round to nothing give their units back one at a time, the one saving least
/// first, then the smallest id, and the lane is solved again: with those units another may no longer round to nothing
/// (README, "How promotions combine").</summary>
public sealed class HandedBackUnitsTests
{
    // x at 0.12 only "wide" can use (2.5 %: 0.003); y at 0.10 both can, "narrow" saving more on it (3 %: 0.003 against
    // 0.0025). The lane gives x to wide and y to narrow: 0.006 in all, but each rounds to nothing. Wide on both would
    // save 0.0055, which rounds to 0.01.
    private static EvaluationResult Evaluate(string wide, string narrow, decimal widePercent = 2.5m) =>
        Shop.Evaluate(
            Cart(Line("x", 0.12m, 1, "x", "x"), Line("y", 0.10m, 1, "y", "y")),
            [Promo(wide, Discount.PercentOffItems(widePercent)).Build(), Promo(narrow, Discount.PercentOffItems(3)).ForItems(ItemFilter.Categories("y")).Build()]);

    [Fact]
    public void Evaluate_TwoWinnersThatTieAndRoundToNothing_TheSmallerIdGivesBackFirst_NarrowFirst()
    {
        // Tied at 0.003: "a" (narrow) gives y back first; wide then takes both units and saves 0.0055: 0.01.
        var result = Evaluate(wide: "b", narrow: "a");

        Assert.Equal(0.01m, result.Applied("b"));
        Assert.Equal(0.21m, result.Total.Amount);
        Assert.Equal(RejectionReason.BetterDealChosen, result.Rejection("a").Reason);
    }

    [Fact]
    public void Evaluate_TwoWinnersThatTieAndRoundToNothing_TheSmallerIdGivesBackFirst_WideFirst()
    {
        // Tied at 0.003: "a" (wide) gives x back first; narrow alone still rounds to nothing and gives y back: nothing applies.
        var result = Evaluate(wide: "a", narrow: "b");

        Assert.Empty(result.Applied);
        Assert.Equal(0.22m, result.Total.Amount);
    }

    [Fact]
    public void Evaluate_TwoWinnersThatRoundToNothing_TheOneSavingLeastGivesBackFirstWhateverItsId()
    {
        // Wide at 2.4 %: 0.00288 on x, less than narrow's 0.003, so wide gives back first even with the larger id...
        var wideLeast = Evaluate(wide: "b", narrow: "a", widePercent: 2.4m);
        // ...and at 2.6 % (0.00312 on x) narrow saves least and gives back first, though its id is larger: wide then
        // saves 0.0057 on both, 0.01.
        var narrowLeast = Evaluate(wide: "a", narrow: "b", widePercent: 2.6m);

        Assert.Empty(wideLeast.Applied);
        Assert.Equal(0.01m, narrowLeast.Applied("a"));
    }

    [Fact]
    public void Evaluate_AStackInTheLane_ThePromotionsBesideItStillGiveBackWhatRoundsToNothing()
    {
        // As the narrow-first case, with a compounding pair on z in the same lane: a stack is never handed back for
        // rounding to nothing, but the single promotions beside it still are.
        var first = Promo("s1", Discount.PercentOffItems(10)).ForItems(ItemFilter.Categories("z")).CompoundWithAll().Build();
        var second = Promo("s2", Discount.PercentOffItems(10)).ForItems(ItemFilter.Categories("z")).CompoundWithAll().Build();
        var wide = Promo("b", Discount.PercentOffItems(2.5m)).ForItems(ItemFilter.Not(ItemFilter.Categories("z"))).Build();
        var narrow = Promo("a", Discount.PercentOffItems(3)).ForItems(ItemFilter.Categories("y")).Build();

        var result = Shop.Evaluate(Cart(Line("x", 0.12m, 1, "x", "x"), Line("y", 0.10m, 1, "y", "y"), Line("z", 10m, 1, "z", "z")), [first, second, wide, narrow]);

        Assert.Equal((1.00m, 0.90m, 0.01m), (result.Applied("s1"), result.Applied("s2"), result.Applied("b")));
        Assert.Equal(8.31m, result.Total.Amount);
    }

    [Fact]
    public void Evaluate_AStackInTheLane_APromotionBesideItThatSavesNothingOnItsUnitsStillGivesThemBack()
    {
        // ReferenceFindingsTests' "3 for 33" with two of its items, which saves nothing on them while the capped 50 %
        // saves 20 with or without them, now beside a compounding pair on z: the set price still gives its units back.
        var first = Promo("s1", Discount.PercentOffItems(10)).ForItems(ItemFilter.Categories("z")).CompoundWithAll().Build();
        var second = Promo("s2", Discount.PercentOffItems(10)).ForItems(ItemFilter.Categories("z")).CompoundWithAll().Build();
        var cart = Cart(Line("a", 100m, 1, "s1"), Line("b", 20m, 1, "s4"), Line("c", 40m, 1, "s4"), Line("z", 10m, 1, "z", "z"));

        var result = Shop.Evaluate(cart, [
            Promo("p0", Discount.FixedPrice(3, D(33m))).ForItems(ItemFilter.Skus("s4")).Build(),
            Promo("p1", Discount.PercentOffItems(50)).ForItems(ItemFilter.Not(ItemFilter.Categories("z"))).WithMaxDiscount(D(20m)).Build(),
            first, second]);

        Assert.Equal([12.50m, 2.50m, 5.00m, 1.90m], result.Lines.Select(l => l.Discount.Amount));
        Assert.Equal(RejectionReason.MinimumQuantityNotMet, result.Rejection("p0").Reason);
    }

    [Fact]
    public void Evaluate_ACompoundingPromotionWithoutAPartnerInItsLane_IsHandedBackAsAnyOtherWinner()
    {
        // The narrow-first case with narrow compounding with all: no other promotion of the lane compounds, so it is no
        // stack and gives y back like any winner whose share rounds to nothing.
        var wide = Promo("b", Discount.PercentOffItems(2.5m)).Build();
        var narrow = Promo("a", Discount.PercentOffItems(3)).ForItems(ItemFilter.Categories("y")).CompoundWithAll().Build();

        var result = Shop.Evaluate(Cart(Line("x", 0.12m, 1, "x", "x"), Line("y", 0.10m, 1, "y", "y")), [wide, narrow]);

        Assert.Equal(0.01m, result.Applied("b"));
        Assert.Equal(RejectionReason.BetterDealChosen, result.Rejection("a").Reason);
    }

    [Fact]
    public void Evaluate_TwoPromotionsHoldUnitsForNothing_TheSmallerIdGivesBackFirstAndTheOtherThenSaves()
    {
        // The lane's best is 20, reached with "3 for 33" (p0) holding b and c and "3 for 65" (p1) holding e, both for
        // nothing, beside the capped 50 % (p2) on a and d. p0 gives its units back first: solved again, p1 takes b, c
        // and d (70 for 65: 5) and p2 keeps a (15): 20 again. Had p1 given back first, p0 would still hold b and c for
        // nothing, then give them back, and p2 alone would save its 20 on a and d.
        var cart = Cart(Line("a", 30m, 1, "s1"), Line("b", 20m, 1, "s4"), Line("c", 40m, 1, "s4"), Line("d", 10m, 1, "s5"), Line("e", 4m, 1, "s6"));

        var result = Shop.Evaluate(cart, [
            Promo("p0", Discount.FixedPrice(3, D(33m))).ForItems(ItemFilter.Skus("s4")).Build(),
            Promo("p1", Discount.FixedPrice(3, D(65m))).ForItems(ItemFilter.Skus("s4", "s5", "s6")).Build(),
            Promo("p2", Discount.PercentOffItems(50)).ForItems(ItemFilter.Skus("s1", "s5")).WithMaxDiscount(D(20m)).Build()]);

        Assert.Equal((5m, 15m, 84m), (result.Applied("p1"), result.Applied("p2"), result.Total.Amount));
        Assert.Equal([15m, 1.43m, 2.86m, 0.71m, 0m], result.Lines.Select(l => l.Discount.Amount));
        Assert.Equal(RejectionReason.MinimumQuantityNotMet, result.Rejection("p0").Reason);
    }
}
