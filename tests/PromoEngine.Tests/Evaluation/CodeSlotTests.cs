using System.Linq;
using Xunit;
using static PromoEngine.Tests.Shop;

namespace PromoEngine.Tests;

/// <summary>What a code left without a slot is told (PromotionEvaluator.Run.cs, <c>WithCodes</c>): no slot at all, and
/// the codes that took three slots, each named.</summary>
public sealed class CodeSlotTests
{
    private static readonly Cart Basic = Cart(Line("a", 100m));

    private static PromotionCatalog Numbered(int count) => PromotionCatalog.Create(Enumerable.Range(1, count)
        .Select(i => Promo($"p{i}", Discount.AmountOffOrder(D(i))).WithCode($"C{i}").Build()));

    [Fact]
    public void Evaluate_NoCodeSlots_TheCodeIsToldNoCodesCanBeUsed_NamingNoWinner()
    {
        var evaluator = new PromotionEvaluator(Numbered(1), new EvaluationOptions { MaxCodesPerOrder = 0 });

        var result = evaluator.Evaluate(Basic, ["C1"], Now);

        Assert.Empty(result.Applied);
        var rejection = Assert.Single(result.Rejected);
        Assert.Equal((RejectionReason.TooManyCodes, "C1", (int?)0, (PromotionId?)null, (string?)null), (rejection.Reason, rejection.Code, rejection.Limit, rejection.Winner, rejection.WinnerCode));
        Assert.Equal("The code C1 was not used: no codes can be used on one order.", rejection.Message);
    }

    [Fact]
    public void Evaluate_ThreeSlots_TheCodeLeftOutNamesTheThreeThatTookThem()
    {
        var evaluator = new PromotionEvaluator(Numbered(4), new EvaluationOptions { MaxCodesPerOrder = 3, Selection = SelectionPolicy.StrictPriority });

        var result = evaluator.Evaluate(Basic, ["C2", "C4", "C3", "C1"], Now);

        Assert.Equal(91m, result.Total.Amount);
        var rejection = Assert.Single(result.Rejected);
        Assert.Equal((RejectionReason.TooManyCodes, "C1", (int?)3, (PromotionId?)new PromotionId("p3"), "C3"), (rejection.Reason, rejection.Code, rejection.Limit, rejection.Winner, rejection.WinnerCode));
        Assert.Equal("The code C1 was not used: only 3 codes can be used on one order, and C2, C4 and C3 took the slots.", rejection.Message);
    }
}
