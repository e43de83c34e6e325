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

    /// <summary>The total is the sum of its parts as written, places included (the result leaves out the terms that
    /// are bare zeros, which change nothing, bit for bit).</summary>
    [Property(MaxTest = 500, Arbitrary = [typeof(EvaluationArbitraries)])]
    public void Total_IsTheSumOfItsParts_BitForBit(EvaluationCase c)
    {
        var result = c.Evaluate();

        var sum = result.Subtotal - result.ItemDiscounts - result.OrderDiscounts + result.Shipping - result.ShippingDiscount;
        Assert.Equal(decimal.GetBits(sum.Amount), decimal.GetBits(result.Total.Amount));
        Assert.Equal(sum.Currency, result.Total.Currency);
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

    [Property(MaxTest = 500, Arbitrary = [typeof(EvaluationArbitraries)])]
    public void Promotion_IsAppliedOrRejected_NeverBoth_AndEachUseIsOneRedemptionOfItsParts(EvaluationCase c)
    {
        // Shipping parts included: a promotion whose own part came to nothing on free items and whose shipping part
        // applied is applied, not rejected (a second code of an applied promotion is the one rejection it may have).
        var result = c.Evaluate();

        Assert.All(result.Applied, a => Assert.True(a.Amount.Amount > 0m));
        foreach (var id in result.Applied.Select(a => a.PromotionId).Distinct())
        {
            Assert.DoesNotContain(result.Rejected, r => r.PromotionId == id && r.Reason != RejectionReason.SamePromotionCodeEntered);
            var parts = result.Applied.Where(a => a.PromotionId == id).Sum(a => a.Amount.Amount);
            Assert.Equal(parts, Assert.Single(result.Redemptions, r => r.PromotionId == id).Amount.Amount);
        }

        Assert.Equal(result.Applied.Select(a => a.PromotionId).Distinct().Count(), result.Redemptions.Length);
    }

    [Property(MaxTest = 500, Arbitrary = [typeof(EvaluationArbitraries)])]
    public void ShippingPart_OnItemsAHigherLaneMadeFree_TakesWhatItWouldAlone(EvaluationCase c)
    {
        // Whatever the items part, once nothing is left of the items the promotion's shipping part takes off shipping
        // what that shipping discount takes alone (the issue 11 fix: the own part coming to nothing does not block it).
        var amount = new Money(((c.ShuffleSeed % 5_000) + 1) * c.Cart.Currency.MinorUnit, c.Cart.Currency);
        var (withPart, alone) = (c.ShuffleSeed / 5_000 % 4) switch
        {
            0 => (Discount.AmountOffOrderAndShipping(amount), Discount.ShippingAmountOff(amount)),
            1 => (Discount.PercentOffItems(20).AndShipping(Discount.FreeShipping), Discount.FreeShipping),
            2 => (Discount.AmountOffEachItem(amount).AndShipping(Discount.ShippingPercentOff(50)), Discount.ShippingPercentOff(50)),
            _ => (Discount.PercentOffOrder(10).AndShipping(Discount.ShippingAmountOff(amount)), Discount.ShippingAmountOff(amount)),
        };
        var free = Promotion.Create("free", "free").Giving(Discount.PercentOffItems(100)).WithPriority(2).Build();

        var result = c.Evaluate(promotions: [free, Promotion.Create("p", "p").Giving(withPart).Build()]);
        var expected = c.Evaluate(promotions: [free, Promotion.Create("p", "p").Giving(alone).Build()]);

        Assert.Equal(expected.Total, result.Total);
        Assert.Equal(expected.ShippingDiscount, result.ShippingDiscount);
        Assert.Equal(expected.Redemptions.Length, result.Redemptions.Length);
    }
}
