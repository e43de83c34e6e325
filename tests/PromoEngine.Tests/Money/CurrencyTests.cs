using System;
using System.Linq;
using Xunit;

namespace PromoEngine.Tests;

public sealed class CurrencyTests
{
    [Theory]
    [InlineData("USD", 2)]
    [InlineData("EUR", 2)]
    [InlineData("JPY", 0)]
    [InlineData("KRW", 0)]
    [InlineData("BHD", 3)]
    [InlineData("KWD", 3)]
    [InlineData("CLF", 4)]
    [InlineData("XCG", 2)]
    public void FromCode_IsoCode_HasItsMinorUnits(string code, int minorUnits)
    {
        var currency = Currency.FromCode(code);

        Assert.Equal(code, currency.Code);
        Assert.Equal(minorUnits, currency.MinorUnits);
        Assert.True(currency.IsIso);
    }

    [Fact]
    public void FromCode_LowerCase_IsTheSameCurrency()
    {
        Assert.Equal(Currency.Usd, Currency.FromCode("usd"));
        Assert.Equal("USD", Currency.FromCode("uSd").Code);
    }

    [Theory]
    [InlineData("ZZZ")]
    [InlineData("US")]
    [InlineData("USDX")]
    [InlineData("")]
    [InlineData(" USD")]
    [InlineData("HRK")]
    [InlineData("BGN")]
    [InlineData("XAU")]
    public void FromCode_UnknownCode_ThrowsNamingTheCode(string code)
    {
        var e = Assert.Throws<ArgumentException>(() => Currency.FromCode(code));

        Assert.Equal("code", e.ParamName);
        Assert.Contains($"'{code}' is not an active ISO 4217 currency code", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromCode_ControlCharacters_AreEscapedInTheMessage()
    {
        var e = Assert.Throws<ArgumentException>(() => Currency.FromCode("U\u0000D"));

        Assert.Contains("U\\u0000D", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromCode_Null_ThrowsArgumentNull()
    {
        var e = Assert.Throws<ArgumentNullException>(() => Currency.FromCode(null!));
        Assert.Equal("code", e.ParamName);
    }

    [Fact]
    public void TryFromCode_KnownAndUnknown_ReportsWithoutThrowing()
    {
        Assert.True(Currency.TryFromCode("jpy", out var yen));
        Assert.Equal(Currency.Jpy, yen);
        Assert.False(Currency.TryFromCode("ABC", out var none));
        Assert.True(none.IsDefault);
        Assert.False(Currency.TryFromCode(null, out _));
    }

    [Fact]
    public void Custom_NewCode_IsACurrencyOfItsOwn()
    {
        var points = Currency.Custom("PTS", 0);

        Assert.Equal("PTS", points.Code);
        Assert.Equal(0, points.MinorUnits);
        Assert.False(points.IsIso);
        Assert.Equal(points, Currency.Custom("PTS", 0));
        Assert.NotEqual(points, Currency.Custom("PTS", 2));
        Assert.NotEqual(points, Currency.Usd);
    }

    [Fact]
    public void Custom_IsoCode_IsRefused()
    {
        var e = Assert.Throws<ArgumentException>(() => Currency.Custom("USD", 3));

        Assert.Equal("code", e.ParamName);
        Assert.Contains("use Currency.FromCode(\"USD\")", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("pts")]
    [InlineData("P1S")]
    [InlineData("PT")]
    [InlineData("PTSS")]
    [InlineData("ÄBC")]
    public void Custom_MalformedCode_IsRefused(string code)
    {
        var e = Assert.Throws<ArgumentException>(() => Currency.Custom(code, 2));

        Assert.Equal("code", e.ParamName);
        Assert.Contains("expected three upper-case letters A-Z", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(19)]
    public void Custom_MinorUnitsOutOfRange_IsRefused(int minorUnits)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Currency.Custom("PTS", minorUnits));

        Assert.Equal("minorUnits", e.ParamName);
    }

    [Fact]
    public void IsoCurrencies_AreUniqueSortedAndHaveSaneMinorUnits()
    {
        var codes = Currency.IsoCurrencies.Select(c => c.Code).ToArray();

        Assert.True(codes.Length > 150);
        Assert.Equal(codes.Distinct().Count(), codes.Length);
        Assert.Equal(codes.OrderBy(c => c, StringComparer.Ordinal), codes);
        Assert.All(Currency.IsoCurrencies, c => Assert.InRange(c.MinorUnits, 0, 4));
        Assert.All(Currency.IsoCurrencies, c => Assert.Matches("^[A-Z]{3}$", c.Code));
    }

    [Fact]
    public void MinorUnit_IsTheSmallestAmount()
    {
        Assert.Equal(0.01m, Currency.Usd.MinorUnit);
        Assert.Equal(1m, Currency.Jpy.MinorUnit);
        Assert.Equal(0.001m, Currency.FromCode("BHD").MinorUnit);
    }

    [Fact]
    public void Default_IsNotACurrency()
    {
        var none = default(Currency);

        Assert.True(none.IsDefault);
        Assert.Equal(string.Empty, none.Code);
        Assert.NotEqual(Currency.Usd, none);
    }

    [Theory]
    [InlineData("AAA")]
    [InlineData("ZZZ")]
    [InlineData("AZQ")]
    public void Custom_CodeWithTheFirstOrLastLetter_IsAccepted(string code)
    {
        Assert.Equal(code, Currency.Custom(code, 2).Code);
    }

    [Theory]
    [InlineData("PT@")]
    [InlineData("PT[")]
    [InlineData("@TS")]
    [InlineData("P[S")]
    public void Custom_CodeWithTheCharactersBesideTheAlphabet_IsRefused(string code)
    {
        var e = Assert.Throws<ArgumentException>(() => Currency.Custom(code, 2));

        Assert.Equal("code", e.ParamName);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(18)]
    public void Custom_MinorUnitsAtTheBounds_AreAccepted(int minorUnits)
    {
        Assert.Equal(minorUnits, Currency.Custom("PTS", minorUnits).MinorUnits);
    }

    [Fact]
    public void FromCode_LongUnknownCode_IsCutInTheMessage()
    {
        var e = Assert.Throws<ArgumentException>(() => Currency.FromCode(new string('Q', 17)));

        Assert.Contains($"'{new string('Q', 16)}…' is not", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromCode_UnknownCodeOfSixteenCharacters_IsShownWhole()
    {
        var e = Assert.Throws<ArgumentException>(() => Currency.FromCode(new string('Q', 16)));

        Assert.Contains($"'{new string('Q', 16)}' is not", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Custom_MalformedCode_ShowsTheCodeInTheMessage()
    {
        var e = Assert.Throws<ArgumentException>(() => Currency.Custom("P\u0007S", 2));

        Assert.Contains("'P\\u0007S' is not a currency code", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToString_IsTheCode()
    {
        Assert.Equal("USD", Currency.Usd.ToString());
        Assert.Equal("PTS", Currency.Custom("PTS", 0).ToString());
        Assert.Equal(string.Empty, default(Currency).ToString());
    }

    [Fact]
    public void Shortcuts_AreTheirIsoCurrencies()
    {
        Assert.Equal(("USD", 2), (Currency.Usd.Code, Currency.Usd.MinorUnits));
        Assert.Equal(("EUR", 2), (Currency.Eur.Code, Currency.Eur.MinorUnits));
        Assert.Equal(("GBP", 2), (Currency.Gbp.Code, Currency.Gbp.MinorUnits));
        Assert.Equal(("JPY", 0), (Currency.Jpy.Code, Currency.Jpy.MinorUnits));
    }

    [Fact]
    public void Equality_OperatorsAndHashCodes_FollowCodeAndMinorUnits()
    {
        Assert.True(Currency.Custom("PTS", 0) == Currency.Custom("PTS", 0));
        Assert.False(Currency.Custom("PTS", 0) != Currency.Custom("PTS", 0));
        Assert.True(Currency.Custom("PTS", 0) != Currency.Custom("PTS", 2));
        Assert.False(Currency.Usd == Currency.Eur);
        Assert.True(Currency.Usd.Equals((object)Currency.FromCode("usd")));
        Assert.False(Currency.Usd.Equals((object)"USD"));
        Assert.Equal(Currency.Custom("PTS", 0).GetHashCode(), Currency.Custom("PTS", 0).GetHashCode());
        Assert.Equal(default(Currency).GetHashCode(), default(Currency).GetHashCode());
    }

    [Fact]
    public void MinorUnit_CustomCurrencyOfEighteenDigits_IsTheSmallestDecimalStep()
    {
        Assert.Equal(0.000000000000000001m, Currency.Custom("PTS", 18).MinorUnit);
        Assert.Equal(100_000m, Currency.Custom("PTS", 18).MaxAmount);
    }

    [Fact]
    public void Custom_Null_ThrowsArgumentNull()
    {
        Assert.Equal("code", Assert.Throws<ArgumentNullException>(() => Currency.Custom(null!, 2)).ParamName);
    }

    [Fact]
    public void GetHashCode_IsoCurrencies_SpreadOverManyValues()
    {
        // Currencies key dictionaries (usage, attribution): hash codes that only told minor units apart would put the
        // 160-odd ISO currencies in four buckets.
        var distinct = Currency.IsoCurrencies.Select(c => c.GetHashCode()).Distinct().Count();

        Assert.True(distinct > Currency.IsoCurrencies.Length / 2, $"{distinct} distinct hash codes");
    }
}
