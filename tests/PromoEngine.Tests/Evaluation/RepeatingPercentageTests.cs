using System;
using Xunit;
using static PromoEngine.Tests.Shop;

namespace PromoEngine.Tests;

/// <summary>An exact discount with more than 20 decimal places (a percentage that repeats, 33⅓ % as 100/3) is taken to
/// 20 places before it is rounded to the minor unit, so a directed rule does not turn its last digit into a cent.</summary>
public sealed class RepeatingPercentageTests
{
    private static readonly Promotion Third = Promo("third", Discount.PercentOffItems(100m / 3m)).Build();

    [Theory]
    [InlineData(RoundingTarget.Discount, MidpointRounding.ToZero)]
    [InlineData(RoundingTarget.AmountToPay, MidpointRounding.ToPositiveInfinity)]
    [InlineData(RoundingTarget.AmountToPay, MidpointRounding.AwayFromZero)]
    public void Evaluate_AThirdOffThreeDollars_IsOneDollar(RoundingTarget target, MidpointRounding rounding)
    {
        // 3.00 x 33.333...3 % is 0.9999999999999999999999999999: a cent short of 1.00 only in its 28th digit.
        var evaluator = new PromotionEvaluator(PromotionCatalog.Create([Third]), new EvaluationOptions { RoundingTarget = target, Rounding = rounding });

        var result = evaluator.Evaluate(Cart(Line("a", 3m)), [], Now);

        Assert.Equal(1m, result.Applied("third"));
        Assert.Equal(2m, result.Total.Amount);
    }
}
