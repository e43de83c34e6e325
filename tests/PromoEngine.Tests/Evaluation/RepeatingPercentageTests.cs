using System;
using Xunit;
using static PromoEngine.Tests.Shop;

namespace PromoEngine.Tests;

/// <summary>An exact discount with more than 20 decimal places (a repeating percentage written out to 21 places) is
/// taken to 20 places before it is rounded to the minor unit, so a directed rule does not turn a difference in its
/// 25th digit into a cent.</summary>
public sealed class RepeatingPercentageTests
{
    private static readonly Promotion Third = Promo("third", Discount.PercentOffItems(33.333333333333333333333m)).Build();

    [Theory]
    [InlineData(RoundingTarget.Discount, MidpointRounding.ToZero)]
    [InlineData(RoundingTarget.AmountToPay, MidpointRounding.ToPositiveInfinity)]
    [InlineData(RoundingTarget.AmountToPay, MidpointRounding.AwayFromZero)]
    public void Evaluate_AThirdToTwentyOnePlacesOffThreeDollars_IsOneDollar(RoundingTarget target, MidpointRounding rounding)
    {
        // 3.00 x 33.333333333333333333333 % is 0.9999999999999999999999999: at 20 places, 1.
        var evaluator = new PromotionEvaluator(PromotionCatalog.Create([Third]), new EvaluationOptions { RoundingTarget = target, Rounding = rounding });

        var result = evaluator.Evaluate(Cart(Line("a", 3m)), [], Now);

        Assert.Equal(1m, result.Applied("third"));
        Assert.Equal(2m, result.Total.Amount);
    }
}
