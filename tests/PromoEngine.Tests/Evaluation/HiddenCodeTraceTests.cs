using System.Linq;
using Xunit;
using static PromoEngine.Tests.Shop;

namespace PromoEngine.Tests;

/// <summary>Under <see cref="EvaluationOptions.HideCodeStatus"/> a code that does not apply leaves no trace but one
/// "unknown": no hint of its promotion (not even one worked out while applying it), and one rejection however many
/// things were said of it; a code that cannot apply still takes part where its mere presence decides (a group), as when
/// code status is shown.</summary>
public sealed class HiddenCodeTraceTests
{
    private static readonly EvaluationOptions Shown = new();
    private static readonly EvaluationOptions Hidden = new() { HideCodeStatus = true };

    [Fact]
    public void Evaluate_ATieredCodeThatReachedATierOnItemsFreeAlready_LeavesNoHintWhenHidden()
    {
        // Its first tier is reached (on the original $50), so applying it hints at the next; nothing is left to take off.
        var free = Promo("free", Discount.PercentOffItems(100)).WithPriority(1).Build();
        var tiered = Promo("tiered", Discount.Tiered(TierBasis.Subtotal, Tier.PercentOffFrom(10m, 5m), Tier.PercentOffFrom(60m, 10m))).WithCode("TIER").Build();
        var catalog = PromotionCatalog.Create([free, tiered]);

        var shown = new PromotionEvaluator(catalog, Shown).Evaluate(Cart(Line("a", 50m)), ["TIER"], Now);
        var hidden = new PromotionEvaluator(catalog, Hidden).Evaluate(Cart(Line("a", 50m)), ["TIER"], Now);

        Assert.Equal(["tiered"], shown.Hints.Select(h => h.PromotionId.Value));
        Assert.Equal(RejectionReason.NothingToDiscount, Assert.Single(shown.Rejected).Reason);
        Assert.Empty(hidden.Hints);
        Assert.Equal((RejectionReason.UnknownCode, "TIER"), (Assert.Single(hidden.Rejected).Reason, hidden.Rejected[0].Code));
    }

    [Fact]
    public void Evaluate_ASecondClaimCodeOfAPromotionAnotherCodeApplied_ReadsAsAnUnknownCodeAndKeepsThePromotionsHint()
    {
        // Found by the HideCodeStatus property: KQAX3 applies 50 % off shipping and the promotion hints at its next tier
        // (9.37 off from 600); KQAX2, a second code of the same promotion, is hidden as unknown. The hint is the applied
        // code's: the result reads exactly as with an unknown second code, so KQAX2 reveals nothing.
        var tiers = Promo("p0", Discount.TieredShipping(TierBasis.Subtotal, Tier.PercentOffFrom(6m, 50m), Tier.AmountOffFrom(600m, D(9.37m))))
            .ForItems(ItemFilter.Categories("c1")).WithClaimCodes(["KQAX2", "KQAX3"]).Build();
        var evaluator = new PromotionEvaluator(PromotionCatalog.Create([tiers]), Hidden with { MaxCodesPerOrder = 1 });
        var cart = Cart(CustomerProfile.Guest, 191.91m, Line("l0", 60.66m, 1, "s3", "c1"), Line("l1", 52.5m, 2, "s3", "c1", "c2"));

        var second = evaluator.Evaluate(cart, ["kqax3", "kqax2"], Now);
        var unknown = evaluator.Evaluate(cart, ["kqax3", "NOPE2"], Now);

        Assert.Equal(["p0"], second.Applied.Select(a => a.PromotionId.Value));
        Assert.Equal(["p0"], second.Hints.Select(h => h.PromotionId.Value));
        Assert.Equal((RejectionReason.UnknownCode, "KQAX2"), (Assert.Single(second.Rejected).Reason, second.Rejected[0].Code));
        Assert.Equal(unknown.Total, second.Total);
        Assert.Equal(unknown.Hints.AsEnumerable(), second.Hints);
        Assert.Equal(RejectionReason.UnknownCode, Assert.Single(unknown.Rejected).Reason);
    }

    [Fact]
    public void Evaluate_ACodeThatCannotApplyAndLostTheSlot_IsListedOnceWhenHidden()
    {
        // A buy-3-get-1 on one unit cannot apply (it is not run), yet takes part in giving out the one slot, and loses it.
        var bogo = Promo("b3g1", Discount.BuyXGetY(3, 1)).WithCode("B3G1").Build();
        var five = Promo("five", Discount.AmountOffOrder(D(5))).WithCode("FIVE").Build();

        var result = new PromotionEvaluator(PromotionCatalog.Create([bogo, five]), Hidden).Evaluate(Cart(Line("a", 50m)), ["B3G1", "FIVE"], Now);

        Assert.Equal(["five"], result.Applied.Select(a => a.PromotionId.Value));
        Assert.Equal((RejectionReason.UnknownCode, "B3G1"), (Assert.Single(result.Rejected).Reason, result.Rejected[0].Code));
    }

    [Fact]
    public void Evaluate_ACodeThatCannotApplyInTheGroupOfAnAutomaticPromotion_StillTakesPartInTheGroup()
    {
        // Shirt and hat at $100: 10 % off the hat (group g) above "2 for $100" above 50 % off the hat costs the shopper
        // 1.32. A buy-3-get-1 code on the hat cannot apply (one hat) but is in group g too: its combination, without the
        // 10 %, is the cheaper of the group's two, so the 10 % lost to it, as it does when code status is shown.
        var ten = Promo("ten-hats", Discount.PercentOffItems(10)).ForItems(ItemFilter.Skus("hat")).InGroup("g").WithPriority(2).Build();
        var twoFor = Promo("two-for-100", Discount.FixedPrice(2, D(100))).WithPriority(1).Build();
        var half = Promo("half-hats", Discount.PercentOffOrder(50)).ForItems(ItemFilter.Skus("hat")).Build();
        var bogo = Promo("b3g1", Discount.BuyXGetY(3, 1)).ForItems(ItemFilter.Skus("hat")).InGroup("g").WithPriority(2).WithCode("B3G1").Build();

        var result = new PromotionEvaluator(PromotionCatalog.Create([ten, twoFor, half, bogo]), Hidden)
            .Evaluate(Cart(Line("shirt", 100m, 1, "shirt"), Line("hat", 100m, 1, "hat")), ["B3G1"], Now);

        Assert.Equal(75m, result.Total.Amount);
        Assert.Equal(["two-for-100", "half-hats"], result.Applied.Select(a => a.PromotionId.Value));
        Assert.Equal([(RejectionReason.UnknownCode, null, "B3G1", null), (RejectionReason.BetterDealChosen, "ten-hats", null, "b3g1")],
            result.Rejected.Select(r => (r.Reason, r.PromotionId?.Value, r.Code, r.Winner?.Value)));
    }
}
