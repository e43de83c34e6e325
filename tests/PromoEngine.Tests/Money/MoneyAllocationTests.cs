using System;
using System.Linq;
using FsCheck.Xunit;
using Xunit;

namespace PromoEngine.Tests;

public sealed class MoneyAllocationTests
{
    private static readonly Currency Usd = Currency.Usd;

    private static Money Usd_(decimal amount) => new(amount, Usd);

    [Fact]
    public void Split_TenIntoThree_GivesTheExtraCentToTheFirstPart()
    {
        var parts = Usd_(10.00m).Split(3);

        Assert.Equal([3.34m, 3.33m, 3.33m], parts.Select(p => p.Amount));
    }

    [Fact]
    public void Allocate_TwoDollarsOverThreeFiveDollarLines_SumsToTwo()
    {
        // Broadleaf #1113 charged 0.67 + 0.67 + 0.68 = 2.02.
        var parts = Usd_(2.00m).Allocate([5.00m, 5.00m, 5.00m]);

        Assert.Equal([0.67m, 0.67m, 0.66m], parts.Select(p => p.Amount));
        Assert.Equal(2.00m, parts.Sum(p => p.Amount));
    }

    [Fact]
    public void Split_FourCentsOverThreeUnits_IsOneOneTwo()
    {
        // DESIGN.md's "4 cents over 3 units -> 1, 1, 2" is the multiset; the tie-break puts the 2 first.
        var parts = Usd_(0.04m).Split(3);

        Assert.Equal([0.01m, 0.01m, 0.02m], parts.Select(p => p.Amount).Order());
        Assert.Equal([0.02m, 0.01m, 0.01m], parts.Select(p => p.Amount));
    }

    [Fact]
    public void Allocate_ThreeDollarsOver43_14_23_IsByLargestRemainder()
    {
        var parts = Usd_(3.00m).Allocate([43m, 14m, 23m]);

        Assert.Equal([1.61m, 0.53m, 0.86m], parts.Select(p => p.Amount));
    }

    [Fact]
    public void Allocate_Yen_SplitsIntoWholeYen()
    {
        var parts = new Money(1000m, Currency.Jpy).Allocate([1m, 1m, 1m]);

        Assert.Equal([334m, 333m, 333m], parts.Select(p => p.Amount));
        Assert.All(parts, p => Assert.True(p.IsRounded));
    }

    [Fact]
    public void Allocate_Dinar_SplitsIntoFils()
    {
        var parts = new Money(1.000m, Currency.FromCode("BHD")).Split(3);

        Assert.Equal([0.334m, 0.333m, 0.333m], parts.Select(p => p.Amount));
    }

    [Fact]
    public void Allocate_ZeroWeight_GetsNothing()
    {
        var parts = Usd_(1.00m).Allocate([0m, 1m, 0m, 2m]);

        Assert.Equal([0m, 0.33m, 0m, 0.67m], parts.Select(p => p.Amount));
    }

    [Fact]
    public void Allocate_EqualRemainders_PreferTheLargerWeightThenTheEarlierPart()
    {
        // 0.05 over 1, 2, 1, 2: exact shares 0.8333, 1.6667, 0.8333, 1.6667 cents; floors 0, 1, 0, 1; remainders
        // 5/6, 4/6, 5/6, 4/6 → three cents left go to parts 0 and 2 (largest remainders), then 1 (larger weight
        // than... equal, earlier).
        var parts = Usd_(0.05m).Allocate([1m, 2m, 1m, 2m]);

        Assert.Equal([0.01m, 0.02m, 0.01m, 0.01m], parts.Select(p => p.Amount));
    }

    [Fact]
    public void Allocate_Zero_GivesZeroParts()
    {
        var parts = Usd_(0m).Allocate([3m, 4m]);

        Assert.All(parts, p => Assert.True(p.IsZero));
    }

    [Fact]
    public void Allocate_IntoBuffer_MatchesTheAllocatingOverload()
    {
        var buffer = new Money[3];

        Usd_(3.00m).Allocate([43m, 14m, 23m], buffer);

        Assert.Equal(Usd_(3.00m).Allocate([43m, 14m, 23m]).ToArray(), buffer);
    }

    [Fact]
    public void Allocate_NoWeights_Throws()
    {
        var e = Assert.Throws<ArgumentException>(() => Usd_(1m).Allocate([]));

        Assert.Equal("weights", e.ParamName);
        Assert.StartsWith("At least one weight is required.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Allocate_AllZeroWeights_Throws()
    {
        var e = Assert.Throws<ArgumentException>(() => Usd_(1m).Allocate([0m, 0m]));

        Assert.Equal("weights", e.ParamName);
        Assert.StartsWith("The weights are all zero", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Allocate_NegativeWeight_ThrowsAndLeavesTheBufferUntouched()
    {
        var buffer = new[] { Usd_(9m), Usd_(9m) };

        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Usd_(1m).Allocate([1m, -1m], buffer));

        Assert.Equal("weights", e.ParamName);
        Assert.Contains("Weight 1 is negative", e.Message, StringComparison.Ordinal);
        Assert.Equal([Usd_(9m), Usd_(9m)], buffer);
    }

    [Fact]
    public void Allocate_WrongBufferLength_Throws()
    {
        var e = Assert.Throws<ArgumentException>(() => Usd_(1m).Allocate([1m, 1m], new Money[3]));

        Assert.Equal("destination", e.ParamName);
    }

    [Fact]
    public void Allocate_NegativeAmount_Throws()
    {
        var e = Assert.Throws<InvalidOperationException>(() => Usd_(-1m).Allocate([1m]));

        Assert.Contains("only an amount of zero or more can be allocated", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Allocate_UnroundedAmount_Throws()
    {
        var e = Assert.Throws<InvalidOperationException>(() => Usd_(1.005m).Split(2));

        Assert.Contains("not a whole number of minor units", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Allocate_WeightSumOverflows_ThrowsArgumentException()
    {
        var e = Assert.Throws<ArgumentException>(() => Usd_(1m).Allocate([decimal.MaxValue, decimal.MaxValue]));

        Assert.Equal("weights", e.ParamName);
        Assert.IsType<OverflowException>(e.InnerException);
    }

    [Fact]
    public void Allocate_ProductOverflows_ThrowsArgumentException()
    {
        var e = Assert.Throws<ArgumentException>(() => Usd_(1_000_000m).Allocate([decimal.MaxValue / 2, 1m]));

        Assert.Equal("weights", e.ParamName);
    }

    [Fact]
    public void Split_ZeroParts_Throws()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Usd_(1m).Split(0));

        Assert.Equal("parts", e.ParamName);
    }

    [Fact]
    public void Split_EmptyBuffer_Throws()
    {
        var e = Assert.Throws<ArgumentException>(() => Usd_(1m).Split(Span<Money>.Empty));

        Assert.Equal("destination", e.ParamName);
    }

    [Property(MaxTest = 1000, Arbitrary = [typeof(Arbitraries)])]
    public void Allocate_PartsSumExactlyToTheAmount(AllocationCase c)
    {
        var parts = c.Amount.Allocate(c.Weights);

        Assert.Equal(c.Weights.Length, parts.Length);
        Assert.Equal(c.Amount.Amount, parts.Sum(p => p.Amount));
        Assert.All(parts, p => Assert.Equal(c.Amount.Currency, p.Currency));
    }

    [Property(MaxTest = 1000, Arbitrary = [typeof(Arbitraries)])]
    public void Allocate_EveryPartIsRoundedNonNegativeAndWithinOneMinorUnitOfItsShare(AllocationCase c)
    {
        var parts = c.Amount.Allocate(c.Weights);
        var weightSum = c.Weights.Sum();

        for (var i = 0; i < parts.Length; i++)
        {
            var exact = c.Amount.Amount * (c.Weights[i] / weightSum);
            Assert.True(parts[i].IsRounded);
            Assert.False(parts[i].IsNegative);
            Assert.True(Math.Abs(parts[i].Amount - exact) < c.Amount.Currency.MinorUnit, $"part {i}: {parts[i]} vs exact {exact}");
            if (c.Weights[i] == 0m)
            {
                Assert.True(parts[i].IsZero);
            }
        }
    }

    [Property(MaxTest = 1000, Arbitrary = [typeof(Arbitraries)])]
    public void Allocate_IsDeterministic(AllocationCase c)
    {
        var first = c.Amount.Allocate(c.Weights);
        var second = c.Amount.Allocate(c.Weights.ToArray());

        Assert.Equal(first.ToArray(), second.ToArray());
    }

    [Property(MaxTest = 1000, Arbitrary = [typeof(Arbitraries)])]
    public void Allocate_PermutedWeights_PermuteTheParts_WhenWeightsAreDistinct(AllocationCase c)
    {
        // With distinct weights no tie reaches the position rule, so the parts follow their weights.
        var distinct = c.Weights.Distinct().ToArray();
        var reversed = distinct.Reverse().ToArray();

        var forward = c.Amount.Allocate(distinct);
        var backward = c.Amount.Allocate(reversed);

        Assert.Equal(forward.ToArray(), backward.Reverse().ToArray());
    }

    [Property(MaxTest = 1000, Arbitrary = [typeof(Arbitraries)])]
    public void Split_PartsSumExactlyAndDifferByAtMostOneMinorUnit(AllocationCase c)
    {
        var count = c.Weights.Length;

        var parts = c.Amount.Split(count);

        Assert.Equal(c.Amount.Amount, parts.Sum(p => p.Amount));
        Assert.True(parts.Max(p => p.Amount) - parts.Min(p => p.Amount) <= c.Amount.Currency.MinorUnit);
        Assert.Equal(parts.OrderByDescending(p => p.Amount).Select(p => p.Amount), parts.Select(p => p.Amount));
        Assert.Equal(parts.ToArray(), c.Amount.Allocate(Enumerable.Repeat(1m, count).ToArray()).ToArray());
    }
}
