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
        Assert.StartsWith("A currency is required: default(Currency) is not a currency.", e.Message, StringComparison.Ordinal);
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

    [Fact]
    public void FromMinorUnits_DefaultCurrency_Throws()
    {
        var e = Assert.Throws<ArgumentException>(() => Money.FromMinorUnits(1999, default));

        Assert.Equal("currency", e.ParamName);
        Assert.Contains("A currency is required", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void IsRounded_WholeAndPartialMinorUnits_TellsWhichNeedRounding()
    {
        Assert.True(new Money(12.5m, Usd).IsRounded);
        Assert.True(new Money(12.50m, Usd).IsRounded);
        Assert.False(new Money(12.505m, Usd).IsRounded);
        Assert.False(new Money(1.5m, Currency.Jpy).IsRounded);
    }

    [Fact]
    public void Comparison_EqualAmounts_AreBothAtMostAndAtLeastButNeitherSmallerNorLarger()
    {
        var a = new Money(1.5m, Usd);
        var b = new Money(1.50m, Usd);

        Assert.True(a <= b);
        Assert.True(a >= b);
        Assert.False(a < b);
        Assert.False(a > b);
        Assert.Equal(0, a.CompareTo(b));
    }

    [Fact]
    public void Comparison_DifferentAmounts_LargerIsLargerNotAtMost()
    {
        var small = new Money(1m, Usd);
        var large = new Money(2m, Usd);

        Assert.True(large > small);
        Assert.False(small > large);
        Assert.False(large <= small);
        Assert.True(small <= large);
        Assert.False(large < small);
        Assert.False(small >= large);
        Assert.True(small.CompareTo(large) < 0);
        Assert.True(large.CompareTo(small) > 0);
    }

    [Fact]
    public void MinMax_EqualAmounts_ReturnTheLeftOperand()
    {
        // The two are equal but keep their own scales, so which one came back shows in the amount's digits.
        var left = new Money(1.5m, Usd);
        var right = new Money(1.50m, Usd);

        Assert.Equal("1.5", Money.Min(left, right).Amount.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("1.5", Money.Max(left, right).Amount.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("1.50", Money.Min(right, left).Amount.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("1.50", Money.Max(right, left).Amount.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void CompareTo_DifferentCurrencies_ThrowsNamingTheOtherParameter()
    {
        var e = Assert.Throws<CurrencyMismatchException>(() => new Money(1m, Usd).CompareTo(new Money(1m, Currency.Eur)));

        Assert.Equal("other", e.ParamName);
    }

    [Fact]
    public void Subtract_DifferentCurrencies_ThrowsNamingTheRightOperand()
    {
        var e = Assert.Throws<CurrencyMismatchException>(() => new Money(1m, Usd) - new Money(1m, Currency.Eur));

        Assert.Equal("right", e.ParamName);
    }

    [Fact]
    public void NamedMethods_SameCurrency_AreTheOperators()
    {
        var a = new Money(0.1m, Usd);
        var b = new Money(0.2m, Usd);

        Assert.Equal(new Money(0.3m, Usd), a.Add(b));
        Assert.Equal(new Money(-0.1m, Usd), a.Subtract(b));
        Assert.Equal(new Money(0.025m, Usd), a.Multiply(0.25m));
        Assert.Equal(new Money(-0.1m, Usd), a.Negate());
        Assert.Equal(Usd, a.Negate().Currency);
    }

    [Fact]
    public void ToString_Default_IsZeroWithoutATrailingSpace()
    {
        Assert.Equal("0", default(Money).ToString());
    }

    [Fact]
    public void Zero_IsZeroAndNotNegative()
    {
        var zero = Money.Zero(Currency.Jpy);

        Assert.True(zero.IsZero);
        Assert.False(zero.IsNegative);
        Assert.Equal(Currency.Jpy, zero.Currency);
        Assert.False(new Money(0.01m, Usd).IsZero);
        Assert.True(new Money(-0.01m, Usd).IsNegative);
    }

    [Theory]
    [InlineData("en-US", -12.5, "CHF", "-CHF 12.50")]
    [InlineData("en-US", -12.5, "USD", "-$12.50")]
    [InlineData("de-DE", -12.5, "CHF", "-12,50 CHF")]
    [InlineData("zh-HK", 12.5, "HKD", "HK$12.50")]
    public void ToString_Culture_SpacesACodeButNotASignWithLettersInside(string culture, double amount, string currency, string expected)
    {
        var money = new Money((decimal)amount, Currency.FromCode(currency));

        Assert.Equal(expected, money.ToString(System.Globalization.CultureInfo.GetCultureInfo(culture)).Replace('\u00A0', ' '));
    }

    [Fact]
    public void ToString_NullCulture_Throws()
    {
        var e = Assert.Throws<ArgumentNullException>(() => new Money(1m, Usd).ToString(null!));

        Assert.Equal("culture", e.ParamName);
    }

    [Theory]
    [InlineData("en-US", "GBP", "£12.50")]
    [InlineData("en-US", "INR", "₹12.50")]
    [InlineData("en-US", "KRW", "₩13")]
    [InlineData("en-US", "ILS", "₪12.50")]
    [InlineData("en-US", "VND", "₫13")]
    [InlineData("en-US", "NGN", "₦12.50")]
    [InlineData("en-US", "PHP", "₱12.50")]
    [InlineData("en-US", "UAH", "₴12.50")]
    [InlineData("en-US", "TRY", "₺12.50")]
    [InlineData("en-US", "RUB", "₽12.50")]
    [InlineData("en-US", "THB", "฿12.50")]
    [InlineData("en-US", "EUR", "€12.50")]
    [InlineData("en-US", "JPY", "¥13")]
    [InlineData("de-DE", "USD", "12,50 $")]
    public void ToString_Culture_WritesEveryWellKnownSymbol(string culture, string currency, string expected)
    {
        var money = new Money(Currency.FromCode(currency).MinorUnits == 0 ? 13m : 12.5m, Currency.FromCode(currency));

        Assert.Equal(expected, money.ToString(System.Globalization.CultureInfo.GetCultureInfo(culture)).Replace('\u00A0', ' '));
    }

    [Fact]
    public void Add_AmountWithoutCurrency_ThrowsSayingSo()
    {
        var e = Assert.Throws<CurrencyMismatchException>(() => new Money(1m, Usd) + default(Money));

        Assert.True(e.Actual.IsDefault);
        Assert.StartsWith("Cannot combine an amount without currency with USD: amounts must share one currency.", e.Message, StringComparison.Ordinal);
    }
}
