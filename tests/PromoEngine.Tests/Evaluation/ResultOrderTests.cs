using System.Linq;
using Xunit;
using static PromoEngine.Tests.Shop;

namespace PromoEngine.Tests;

/// <summary>The order of what a result lists (PromotionEvaluator.Run.cs, <c>Finish</c>): codes in the order entered,
/// whichever step rejected them; promotions and hints by id, whichever was gated first.</summary>
public sealed class ResultOrderTests
{
    private static readonly Cart Basic = Cart(Line("a", 100m));

    [Fact]
    public void Rejected_ACodeLeftWithoutASlotBeforeAnUnknownOne_StaysInEntryOrder()
    {
        // The unknown code is rejected while the codes are read, the one without a slot only when the slots are given out.
        var catalog = PromotionCatalog.Create(Enumerable.Range(1, 2)
            .Select(i => Promo($"p{i}", Discount.AmountOffOrder(D(i))).WithCode($"C{i}").Build()));
        var evaluator = new PromotionEvaluator(catalog, new EvaluationOptions { Selection = SelectionPolicy.StrictPriority });

        var result = evaluator.Evaluate(Basic, ["C1", "C2", "NOPE"], Now);

        Assert.Equal([("C2", RejectionReason.TooManyCodes), ("NOPE", RejectionReason.UnknownCode)], result.Rejected.Select(r => (r.Code!, r.Reason)));
    }

    [Fact]
    public void RejectedAndHints_ACodedPromotionGatedBeforeAnAutomaticOne_AreListedById()
    {
        // "b" is entered by code, so it is gated before the automatic "a"; both fall 5.00 short of 50.00.
        var a = Promo("a", Discount.AmountOffOrder(D(5m))).Require(Restriction.MinimumSubtotal(D(50m))).Build();
        var b = Promo("b", Discount.AmountOffOrder(D(6m))).WithCode("BEE").Require(Restriction.MinimumSubtotal(D(50m))).Build();

        var result = Evaluate(Cart(Line("x", 45m)), [a, b], "BEE");

        Assert.Equal(["a", "b"], result.Rejected.Select(r => r.PromotionId!.Value.Value));
        Assert.All(result.Rejected, r => Assert.Equal(RejectionReason.MinimumSubtotalNotMet, r.Reason));
        Assert.Equal(["a", "b"], result.Hints.Select(h => h.PromotionId.Value));
    }
}
