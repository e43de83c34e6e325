using System.Linq;
using FsCheck.Xunit;
using Xunit;

namespace PromoEngine.Tests;

/// <summary>Invariants of evaluation over generated carts and catalogs (at least 500 cases each).</summary>
public sealed class EvaluatorProperties
{
    [Property(MaxTest = 500, Arbitrary = [typeof(EvaluationArbitraries)])]
    public void Discounts_NeverExceedThePriceOfWhatTheyTarget(EvaluationCase c)
    {
        var result = c.Evaluate();

        foreach (var line in result.Lines)
        {
            Assert.InRange(line.Discount.Amount, 0m, line.Original.Amount);
            foreach (var unit in line.Units)
            {
                Assert.InRange(unit.Final.Amount, 0m, unit.Original.Amount);
                Assert.All(unit.Adjustments, a => Assert.True(a.Amount.Amount > 0m));
            }
        }

        Assert.InRange(result.ShippingDiscount.Amount, 0m, result.Shipping.Amount);
        Assert.InRange(result.TotalDiscount.Amount, 0m, result.Subtotal.Amount + result.Shipping.Amount);
    }

    [Property(MaxTest = 500, Arbitrary = [typeof(EvaluationArbitraries)])]
    public void NoLineAndNoTotal_GoesBelowZero(EvaluationCase c)
    {
        var result = c.Evaluate();

        Assert.All(result.Lines, l => Assert.False(l.Final.IsNegative));
        Assert.False(result.Total.IsNegative);
        Assert.Equal(
            result.Subtotal.Amount - result.ItemDiscounts.Amount - result.OrderDiscounts.Amount + result.Shipping.Amount - result.ShippingDiscount.Amount,
            result.Total.Amount);
    }

    [Property(MaxTest = 500, Arbitrary = [typeof(EvaluationArbitraries)])]
    public void Allocations_SumExactly(EvaluationCase c)
    {
        var result = c.Evaluate();

        foreach (var line in result.Lines)
        {
            Assert.Equal(line.Discount.Amount, line.Adjustments.Sum(a => a.Amount.Amount));
            Assert.Equal(line.Discount.Amount, line.Units.Sum(u => u.Adjustments.Sum(a => a.Amount.Amount)));
            Assert.True(line.Final.IsRounded);
        }

        foreach (var applied in result.Applied)
        {
            Assert.True(applied.Amount.IsRounded);
        }

        // What a promotion took off items and the order is on the lines; its shipping part (if any) is not.
        foreach (var promotion in result.Applied.GroupBy(a => a.PromotionId))
        {
            var onLines = result.Lines.SelectMany(l => l.Adjustments).Where(a => a.PromotionId == promotion.Key).Sum(a => a.Amount.Amount);
            Assert.Equal(promotion.Where(a => a.Class != DiscountClass.Shipping).Sum(a => a.Amount.Amount), onLines);
        }

        Assert.Equal(result.ItemDiscounts.Amount, result.Applied.Where(a => a.Class == DiscountClass.Item).Sum(a => a.Amount.Amount));
        Assert.Equal(result.OrderDiscounts.Amount, result.Applied.Where(a => a.Class == DiscountClass.Order).Sum(a => a.Amount.Amount));
        Assert.Equal(result.ShippingDiscount.Amount, result.Applied.Where(a => a.Class == DiscountClass.Shipping).Sum(a => a.Amount.Amount));
        // One redemption per promotion: a promotion with a shipping part applies in two parts and counts as one use.
        Assert.Equal(
            result.Applied.GroupBy(a => a.PromotionId).Select(g => (g.Key, g.Sum(a => a.Amount.Amount))),
            result.Redemptions.Select(r => (r.PromotionId, r.Amount.Amount)));
    }

    [Property(MaxTest = 500, Arbitrary = [typeof(EvaluationArbitraries)])]
    public void Result_DoesNotDependOnTheOrderOfLinesOrPromotions(EvaluationCase c)
    {
        var original = c.Evaluate();
        var shuffled = c.Evaluate(
            EvaluationArbitraries.Shuffle(c.Cart.Lines, c.ShuffleSeed),
            EvaluationArbitraries.Shuffle(c.Promotions, c.ShuffleSeed + 1));

        Assert.Equal(original.Lines.OrderBy(l => l.LineId, System.StringComparer.Ordinal), shuffled.Lines.OrderBy(l => l.LineId, System.StringComparer.Ordinal));
        Assert.Equal(original.Applied.ToArray(), shuffled.Applied.ToArray());
        Assert.Equal(original.Rejected.ToArray(), shuffled.Rejected.ToArray());
        Assert.Equal(original.Hints.ToArray(), shuffled.Hints.ToArray());
        Assert.Equal(original.Redemptions.ToArray(), shuffled.Redemptions.ToArray());
        Assert.Equal(original.Total, shuffled.Total);
    }

    /// <remarks>
    /// <para>Lanes apply one after another, and a promotion changes the prices later lanes see; the evaluator leaves
    /// out a promotion that would cost the shopper that way (see <c>LeaveOutTests</c>), so the total does not rise.</para>
    /// <para>But for rounding: each application is rounded once and its cents spread over units, so adding a promotion
    /// may move a cent onto a unit a later percentage does not cover (found once in 500,000 generated cases: 294.45
    /// against 294.44). The tolerance is one minor unit per application. A search that took its documented shortcut
    /// (<see cref="EvaluationResult.UsedGreedyFallback"/>) may miss the best, so it is not held to this.</para>
    /// </remarks>
    [Property(MaxTest = 500, Arbitrary = [typeof(EvaluationArbitraries)])]
    public void BestForTheShopper_AddingAnAutomaticPromotion_NeverRaisesTheTotal_ButForRounding(EvaluationCase c)
    {
        // Codes are left out: which entered codes get the order's code slots follows the order they were typed in.
        if (c.Selection != SelectionPolicy.BestForShopper || c.Promotions.Length == 0 || c.Promotions[0].Activation.Kind != ActivationKind.Automatic)
        {
            return;
        }

        var without = c.Evaluate(promotions: c.Promotions[1..]);
        var with = c.Evaluate();
        if (with.UsedGreedyFallback || without.UsedGreedyFallback)
        {
            return;
        }

        var rounding = with.Applied.Length * 0.01m;
        Assert.True(with.Total.Amount <= without.Total.Amount + rounding, $"{with.Total} with {c.Promotions[0].Id}, {without.Total} without");
    }

    [Property(MaxTest = 500, Arbitrary = [typeof(EvaluationArbitraries)])]
    public void EvaluatingTwice_GivesEqualResults(EvaluationCase c)
    {
        var first = c.Evaluate();
        var second = c.Evaluate();

        Assert.Equal(first, second);
        Assert.Equal(first.GetHashCode(), second.GetHashCode());
    }

    [Property(MaxTest = 500, Arbitrary = [typeof(EvaluationArbitraries)])]
    public void Promotion_NeverAppliesOutsideItsSchedule(EvaluationCase c)
    {
        var result = c.Evaluate();

        foreach (var applied in result.Applied)
        {
            var schedule = c.Promotions.Single(p => p.Id == applied.PromotionId).Schedule;
            Assert.True(schedule.StartInstant is not { } start || c.At >= start);
            Assert.True(schedule.EndInstant is not { } end || c.At < end);
        }
    }
}
