using System.Linq;
using Xunit;
using static PromoEngine.Tests.Shop;

namespace PromoEngine.Tests;

/// <summary>One code per order, best for the shopper: the code slots go to the codes that leave the lowest total.</summary>
public sealed class CodeChoiceTests
{
    private static readonly Cart Basic = Cart(Line("a", 100m));

    private static PromotionCatalog TenAndTwenty() => PromotionCatalog.Create(
    [
        Promo("save10", Discount.PercentOffItems(10)).WithCode("SAVE10").Build(),
        Promo("save20", Discount.PercentOffItems(20)).WithCode("SAVE20").Build(),
    ]);

    [Fact]
    public void Evaluate_BestForShopper_TheBetterCodeTakesTheSlot()
    {
        var result = new PromotionEvaluator(TenAndTwenty()).Evaluate(Basic, ["SAVE10", "SAVE20"], Now);

        Assert.Equal(["save20"], result.Applied.Select(a => a.PromotionId.Value));
        var rejection = Assert.Single(result.Rejected);
        Assert.Equal((RejectionReason.TooManyCodes, "SAVE10"), (rejection.Reason, rejection.Code));
        Assert.Equal(new PromotionId("save20"), rejection.Winner);
        Assert.Equal("SAVE20", rejection.WinnerCode);
        Assert.Equal("The code SAVE10 was not used: only one code can be used on one order, and SAVE20 took the slot.", rejection.Message);
        Assert.False(result.UsedGreedyFallback);
    }

    [Fact]
    public void Evaluate_StrictPriority_TheFirstEnteredTakesTheSlot()
    {
        var evaluator = new PromotionEvaluator(TenAndTwenty(), new EvaluationOptions { Selection = SelectionPolicy.StrictPriority });

        var result = evaluator.Evaluate(Basic, ["SAVE10", "SAVE20"], Now);

        Assert.Equal(["save10"], result.Applied.Select(a => a.PromotionId.Value));
        var rejection = Assert.Single(result.Rejected);
        Assert.Equal((RejectionReason.TooManyCodes, "SAVE20", "SAVE10"), (rejection.Reason, rejection.Code, rejection.WinnerCode));
    }

    [Fact]
    public void Evaluate_EqualCodes_TheFirstEnteredWins()
    {
        var catalog = PromotionCatalog.Create(
        [
            Promo("b", Discount.PercentOffItems(10)).WithCode("B").Build(),
            Promo("a", Discount.PercentOffItems(10)).WithCode("A").Build(),
        ]);

        var result = new PromotionEvaluator(catalog).Evaluate(Basic, ["B", "A"], Now);

        Assert.Equal(["b"], result.Applied.Select(a => a.PromotionId.Value));
    }

    [Fact]
    public void Evaluate_TwoSlots_GoToTheTwoBestCodes_WithEveryOtherNamingTheLast()
    {
        var catalog = PromotionCatalog.Create(Enumerable.Range(1, 4)
            .Select(i => Promo($"p{i}", Discount.AmountOffOrder(D(i))).WithCode($"C{i}").Build()));
        var evaluator = new PromotionEvaluator(catalog, new EvaluationOptions { MaxCodesPerOrder = 2 });

        var result = evaluator.Evaluate(Basic, ["C1", "C3", "C2", "C4"], Now);

        Assert.Equal(93m, result.Total.Amount);
        Assert.Equal(["C1", "C2"], result.Rejected.Select(r => r.Code));
        Assert.All(result.Rejected, r => Assert.Equal("C4", r.WinnerCode));
        Assert.Equal("The code C1 was not used: only 2 codes can be used on one order, and C3 and C4 took the slots.", result.Rejected[0].Message);
    }

    [Fact]
    public void Evaluate_MoreChoicesThanTheBound_FallsBackToEntryOrder()
    {
        // C(9, 4) = 126 ways to give out 4 slots among 9 codes: more than 64.
        var catalog = PromotionCatalog.Create(Enumerable.Range(1, 9)
            .Select(i => Promo($"p{i}", Discount.AmountOffOrder(D(i))).WithCode($"C{i}").Build()));
        var evaluator = new PromotionEvaluator(catalog, new EvaluationOptions { MaxCodesPerOrder = 4 });

        var result = evaluator.Evaluate(Basic, Enumerable.Range(1, 9).Select(i => $"C{i}"), Now);

        Assert.Equal(90m, result.Total.Amount); // 1 + 2 + 3 + 4 off
        Assert.True(result.UsedGreedyFallback);
        Assert.Equal(5, result.Rejected.Length);
    }

    [Fact]
    public void Evaluate_AtTheBound_SearchesEveryChoice()
    {
        // C(8, 2) = 28 ways.
        var catalog = PromotionCatalog.Create(Enumerable.Range(1, 8)
            .Select(i => Promo($"p{i}", Discount.AmountOffOrder(D(i))).WithCode($"C{i}").Build()));
        var evaluator = new PromotionEvaluator(catalog, new EvaluationOptions { MaxCodesPerOrder = 2 });

        var result = evaluator.Evaluate(Basic, Enumerable.Range(1, 8).Select(i => $"C{i}"), Now);

        Assert.Equal(85m, result.Total.Amount); // 7 + 8 off
        Assert.False(result.UsedGreedyFallback);
    }

    [Fact]
    public void Evaluate_ACodeThatCannotApply_DoesNotTakeTheSlot()
    {
        var catalog = PromotionCatalog.Create(
        [
            Promo("shoes", Discount.PercentOffItems(50)).WithCode("SHOES").ForItems(ItemFilter.Categories("shoes")).Build(),
            Promo("save10", Discount.PercentOffItems(10)).WithCode("SAVE10").Build(),
        ]);

        var result = new PromotionEvaluator(catalog).Evaluate(Basic, ["SHOES", "SAVE10"], Now);

        Assert.Equal(10m, result.Applied("save10"));
        Assert.Equal(RejectionReason.NoQualifyingItems, Assert.Single(result.Rejected).Reason);
    }
}
