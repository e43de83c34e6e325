using System.Linq;
using Xunit;
using static PromoEngine.Tests.Shop;

namespace PromoEngine.Tests;

/// <summary>Under <see cref="EvaluationOptions.HideCodeStatus"/> a code that does not apply leaves no trace but one
/// "unknown": no hint of its promotion (not even one worked out while applying it), and one rejection however many
/// things were said of it.</summary>
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
    public void Evaluate_ACodeThatCannotApplyAndLostTheSlot_IsListedOnceWhenHidden()
    {
        // A buy-3-get-1 on one unit cannot apply (it is not run), yet takes part in giving out the one slot, and loses it.
        var bogo = Promo("b3g1", Discount.BuyXGetY(3, 1)).WithCode("B3G1").Build();
        var five = Promo("five", Discount.AmountOffOrder(D(5))).WithCode("FIVE").Build();

        var result = new PromotionEvaluator(PromotionCatalog.Create([bogo, five]), Hidden).Evaluate(Cart(Line("a", 50m)), ["B3G1", "FIVE"], Now);

        Assert.Equal(["five"], result.Applied.Select(a => a.PromotionId.Value));
        Assert.Equal((RejectionReason.UnknownCode, "B3G1"), (Assert.Single(result.Rejected).Reason, result.Rejected[0].Code));
    }
}
