using System;
using System.Linq;
using Xunit;

namespace PromoEngine.Tests;

/// <summary>Edges of allocation and splitting that mutation testing found untested (benchmarks/results/mutation/Money).</summary>
public sealed class MoneyAllocationEdgeTests
{
    private static readonly Currency Usd = Currency.Usd;

    [Fact]
    public void Allocate_EqualRemainders_TheLeftoverCentGoesToTheLargerWeight_EvenWhenItComesLater()
    {
        // 0.02 over 1 : 3 is 0.005 and 0.015 exactly: both a half cent over, so the larger weight takes the cent.
        var parts = new Money(0.02m, Usd).Allocate([1m, 3m]);

        Assert.Equal([0m, 0.02m], parts.Select(p => p.Amount));
    }

    [Fact]
    public void Allocate_WeightsAddingUpPastADecimal_ThrowsArgumentExceptionThatSaysSo()
    {
        var e = Assert.Throws<ArgumentException>(() => new Money(1m, Usd).Allocate([decimal.MaxValue, decimal.MaxValue]));

        Assert.Equal("weights", e.ParamName);
        Assert.Contains("add up to more than a decimal can hold", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Allocate_AmountTimesAWeightPastADecimal_ThrowsArgumentExceptionThatSaysToScaleTheWeights()
    {
        var e = Assert.Throws<ArgumentException>(() => new Money(1_000_000m, Usd).Allocate([decimal.MaxValue / 2m, 1m]));

        Assert.Equal("weights", e.ParamName);
        Assert.Contains("scale the weights down", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Split_IntoNoPart_ThrowsArgumentExceptionThatSaysAPartIsRequired()
    {
        var e = Assert.Throws<ArgumentException>(() => new Money(1m, Usd).Split(Span<Money>.Empty));

        Assert.Equal("destination", e.ParamName);
        Assert.Contains("At least one part is required.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Split_DefaultMoney_ThrowsInvalidOperationExceptionThatNamesIt()
    {
        var e = Assert.Throws<InvalidOperationException>(() => default(Money).Split(2));

        Assert.Contains("default(Money) has no currency", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Split_ZeroParts_ThrowsSayingAPartCountMustBePositive()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new Money(1m, Usd).Split(0));

        Assert.Equal("parts", e.ParamName);
        Assert.StartsWith("Must be greater than zero.", e.Message, StringComparison.Ordinal);
    }
}
