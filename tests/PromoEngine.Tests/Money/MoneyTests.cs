using System;
using FsCheck;
using FsCheck.Xunit;
using Xunit;

namespace PromoEngine.Tests;


public sealed class MoneyTests
{
    private static readonly Currency Usd = Currency.Usd;

    [Fact]
    public void Constructor_DefaultCurrency_Throws()
    {
        var e = Assert.Throws<ArgumentException>(() => new Money(1m, default));

        Assert.Equal("currency", e.ParamName);
    }

    [Fact]
    public void Arithmetic_SameCurrency_IsExact()
    {
        var a = new Money(0.1m, Usd);
        var b = new Money(0.2m, Usd);

        Assert.Equal(new Money(0.3m, Usd), a + b);
        Assert.Equal(new Money(-0.1m, Usd), a - b);
        Assert.Equal(new Money(-0.1m, Usd), -a);
        Assert.Equal(new Money(0.025m, Usd), a * 0.25m);
        Assert.Equal(new Money(0.025m, Usd), 0.25m * a);
    }

    [Fact]
    public void Arithmetic_HundredPercentOff_LeavesExactlyZero()
    {
        // Medusa #12226: floating point left -1.6e-14 after a 100 % discount.
        var price = new Money(19.99m, Usd);

        var total = price - (price * 1.00m);

        Assert.True(total.IsZero);
        Assert.False(total.IsNegative);
    }

    [Fact]
    public void Add_DifferentCurrencies_ThrowsWithBoth()
    {
        var e = Assert.Throws<CurrencyMismatchException>(() => new Money(1m, Usd) + new Money(1m, Currency.Eur));

        Assert.Equal(Usd, e.Expected);
        Assert.Equal(Currency.Eur, e.Actual);
        Assert.Equal("right", e.ParamName);
        Assert.StartsWith("Cannot combine EUR with USD: amounts must share one currency.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Equality_DifferentCurrencies_IsFalseWithoutThrowing()
    {
        Assert.NotEqual(new Money(1m, Usd), new Money(1m, Currency.Eur));
        Assert.True(new Money(1m, Usd) != new Money(1m, Currency.Eur));
    }

    [Fact]
    public void Equality_DifferentScales_AreEqualWithEqualHashes()
    {
        var a = new Money(1.5m, Usd);
        var b = new Money(1.50m, Usd);

        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
    }

    [Fact]
    public void Comparison_SameCurrency_OrdersByAmount()
    {
        var small = new Money(1m, Usd);
        var large = new Money(2m, Usd);

        Assert.True(small < large);
        Assert.True(large >= small);
        Assert.Equal(small, Money.Min(small, large));
        Assert.Equal(large, Money.Max(small, large));
    }

    [Theory]
    [InlineData("19.99", "0.75", "14.99")] // Saleor #12040: 25 % off 19.99 is 14.9925, so 14.99, not 15.00.
    [InlineData("10.50", "0.85", "8.93")] // Sylius #14522: 15 % off 10.50 is 8.925: a midpoint, away from zero.
    [InlineData("10.005", "1", "10.01")]
    [InlineData("-10.005", "1", "-10.01")]
    [InlineData("2.345", "1", "2.35")]
    public void Round_AwayFromZeroByDefault(string amount, string factor, string expected)
    {
        var rounded = (new Money(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture), Usd)
            * decimal.Parse(factor, System.Globalization.CultureInfo.InvariantCulture)).Round();

        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), rounded.Amount);
    }

    [Theory]
    [InlineData("10.005", "10.00")]
    [InlineData("10.015", "10.02")]
    [InlineData("8.925", "8.92")]
    public void Round_ToEven_IsBankersRounding(string amount, string expected)
    {
        var rounded = new Money(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture), Usd).Round(MidpointRounding.ToEven);

        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), rounded.Amount);
    }

    [Fact]
    public void Round_Yen_RoundsToWholeYen()
    {
        Assert.Equal(1235m, new Money(1234.5m, Currency.Jpy).Round().Amount);
        Assert.Equal("1235 JPY", new Money(1234.5m, Currency.Jpy).Round().ToString());
    }

    [Fact]
    public void Round_UndefinedMode_Throws()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new Money(1m, Usd).Round((MidpointRounding)42));

        Assert.Equal("mode", e.ParamName);
    }

    [Fact]
    public void ToString_PadsToMinorUnitsWithInvariantCulture()
    {
        Assert.Equal("12.50 USD", new Money(12.5m, Usd).ToString());
        Assert.Equal("12.505 USD", new Money(12.505m, Usd).ToString());
        Assert.Equal("1.000 BHD", new Money(1m, Currency.FromCode("BHD")).ToString());
    }

    [Fact]
    public void MinorUnits_RoundTrip()
    {
        Assert.Equal(new Money(19.99m, Usd), Money.FromMinorUnits(1999, Usd));
        Assert.Equal(1999L, new Money(19.99m, Usd).ToMinorUnits());
        Assert.Equal(1500L, new Money(1500m, Currency.Jpy).ToMinorUnits());
    }

    [Fact]
    public void ToMinorUnits_Unrounded_Throws()
    {
        var e = Assert.Throws<InvalidOperationException>(() => new Money(19.995m, Usd).ToMinorUnits());

        Assert.Contains("19.995 USD is not a whole number of minor units", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Arithmetic_Overflow_ThrowsOverflow()
    {
        var max = new Money(decimal.MaxValue, Usd);

        Assert.Throws<OverflowException>(() => max + new Money(1m, Usd));
        Assert.Throws<OverflowException>(() => max * 2m);
    }

    [Property(MaxTest = 1000, Arbitrary = [typeof(Arbitraries)])]
    public void Arithmetic_NeverMixesCurrencies(MismatchedPair pair)
    {
        var (left, right) = (pair.Left, pair.Right);

        AssertMismatch(() => left + right);
        AssertMismatch(() => left - right);
        AssertMismatch(() => left.CompareTo(right));
        AssertMismatch(() => left < right);
        AssertMismatch(() => left >= right);
        AssertMismatch(() => Money.Min(left, right));
        AssertMismatch(() => Money.Max(left, right));
        Assert.False(left == right);

        void AssertMismatch(Func<object> operation)
        {
            var e = Assert.Throws<CurrencyMismatchException>(operation);
            Assert.Equal(left.Currency, e.Expected);
            Assert.Equal(right.Currency, e.Actual);
        }
    }

    [Property(MaxTest = 1000, Arbitrary = [typeof(Arbitraries)])]
    public void Arithmetic_SameCurrency_KeepsTheCurrencyAndIsExact(Money left, decimal delta)
    {
        var right = new Money(delta % 1_000_000m, left.Currency);

        var sum = left + right;

        Assert.Equal(left.Currency, sum.Currency);
        Assert.Equal(left, sum - right);
        Assert.Equal(left.Amount + right.Amount, sum.Amount);
    }

    [Property(MaxTest = 1000, Arbitrary = [typeof(Arbitraries)])]
    public void Round_IsWithinHalfAMinorUnitAndRounded(Money value)
    {
        var rounded = value.Round();

        Assert.True(rounded.IsRounded);
        Assert.True(Math.Abs(rounded.Amount - value.Amount) <= value.Currency.MinorUnit / 2);
        Assert.Equal(rounded, rounded.Round());
    }
}
