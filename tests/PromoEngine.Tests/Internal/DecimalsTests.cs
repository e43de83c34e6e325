using System;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using PromoEngine.Internal;
using Xunit;

namespace PromoEngine.Tests;

/// <summary><see cref="Decimals.DividedByPowerOfTen"/> must give what <c>decimal</c> division gives, bit for bit: the
/// scale of an amount shows in what is written (0.45 and 0.450 are written differently).</summary>
public sealed class DecimalsTests
{
    private static readonly decimal[] Powers = [.. Enumerable.Range(0, Decimals.MaxPower + 1).Select(p => (decimal)Math.Pow(10, Math.Min(p, 27)) * (p == 28 ? 10m : 1m))];

    [Theory]
    [InlineData("45", 2, "0.45")]
    [InlineData("40", 2, "0.4")]
    [InlineData("4.50", 2, "0.045")]
    [InlineData("4500", 2, "45")]
    [InlineData("0.00", 2, "0.00")]
    [InlineData("-7.10", 3, "-0.0071")]
    [InlineData("0.0000000000000000000000000001", 2, "0")]
    public void DividedByPowerOfTen_Examples_AsDecimalDivision(string value, int power, string expected)
    {
        var x = decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture);

        var quotient = Decimals.DividedByPowerOfTen(x, power);

        Assert.Equal(expected, quotient.ToString(System.Globalization.CultureInfo.InvariantCulture));
        AssertSameBits(x / Powers[power], quotient);
    }

    [Property(MaxTest = 2000)]
    public void DividedByPowerOfTen_AnyDecimal_SameBitsAsDecimalDivision(int lo, int mid, int hi, bool negative, byte scaleSeed, byte powerSeed, byte shape)
    {
        // Small mantissas with trailing zeros are the usual case (prices and percentages); any 96 bits are the rest.
        var scale = (byte)(scaleSeed % 29);
        var x = (shape % 3) switch
        {
            0 => new decimal(Math.Abs(lo % 100_000) * (int)Math.Pow(10, shape % 5), 0, 0, negative, scale),
            1 => new decimal(lo, mid, 0, negative, scale),
            _ => new decimal(lo, mid, hi, negative, scale),
        };
        var power = powerSeed % (Decimals.MaxPower + 1);

        AssertSameBits(x / Powers[power], Decimals.DividedByPowerOfTen(x, power));
    }

    [Fact]
    public void DividedByPowerOfTen_LargestAndSmallest_AsDecimalDivision()
    {
        foreach (var x in new[] { decimal.MaxValue, decimal.MinValue, 0.0000000000000000000000000001m, -0m, 1m })
        {
            for (var power = 0; power <= Decimals.MaxPower; power++)
            {
                AssertSameBits(x / Powers[power], Decimals.DividedByPowerOfTen(x, power));
            }
        }
    }

    private static void AssertSameBits(decimal expected, decimal actual) =>
        Assert.Equal(decimal.GetBits(expected), decimal.GetBits(actual));

    [Theory]
    [InlineData(long.MaxValue / 4, 1L, true)]
    [InlineData((long.MaxValue / 4) + 1, 1L, false)]
    [InlineData(1L << 40, 1L << 40, false)] // the high half of the product is not zero
    [InlineData(3_037_000_499L, 3_037_000_499L, false)] // fits 63 bits, but past a quarter of them
    [InlineData(0L, long.MaxValue, true)]
    [InlineData(123_456_789L, 1_000_000L, true)]
    public void TryMultiply_Examples_WithinAQuarterOfTheRange(long a, long b, bool fits)
    {
        Assert.Equal(fits, Decimals.TryMultiply(a, b, out var product));
        if (fits)
        {
            Assert.Equal((System.Int128)a * b, product);
        }
    }

    /// <summary>Factors on both sides of the 31-bit bound below which one ordinary multiplication decides, and any
    /// others (negative ones included), against the product in 128 bits.</summary>
    [Property(MaxTest = 3000)]
    public void TryMultiply_AnyFactors_AsTheProductIn128Bits(long x, long y, byte shapeX, byte shapeY, sbyte nudgeX, sbyte nudgeY)
    {
        var a = Factor(x, shapeX, nudgeX);
        var b = Factor(y, shapeY, nudgeY);
        var exact = (System.Int128)a * b;
        var fits = exact >= 0 && exact <= long.MaxValue / 4;

        Assert.Equal(fits, Decimals.TryMultiply(a, b, out var product));
        if (fits)
        {
            Assert.Equal(exact, product);
        }

        static long Factor(long any, byte shape, sbyte nudge) => (shape % 5) switch
        {
            0 => Math.Abs(any % 1_000_000),
            1 => (1L << (31 + (shape & 1))) + nudge, // about the bound, or about where a product of two wraps
            2 => (1L << 30) + nudge,
            3 => (1L << (shape % 63)) + nudge,
            _ => any,
        };
    }

    [Theory]
    [InlineData((1L << 31) - 1, (1L << 30) - 1, true)] // both below the bound: just under 2^61, within a quarter
    [InlineData((1L << 31) - 1, (1L << 30) + 1, false)] // both below the bound, the product just past a quarter
    [InlineData(1L << 31, 1L, true)] // one at the bound: the 128-bit way
    [InlineData((1L << 32) - 1, (1L << 32) - 1, false)] // past the bound: 64 bits would wrap to a negative product
    [InlineData(-1L, -1L, true)] // a negative factor takes the 128-bit way: a product in range is a product in range
    [InlineData(-3L, 1L, false)]
    public void TryMultiply_AboutTheSmallFactorBound_AsTheProductIn128Bits(long a, long b, bool fits)
    {
        Assert.Equal(fits, Decimals.TryMultiply(a, b, out _));
    }

    [Theory]
    [InlineData(0, false, 0, true)]
    [InlineData(0, false, 2, false)] // 0.00: adding it gives a sum two places
    [InlineData(0, true, 0, false)] // -0
    [InlineData(1, false, 0, false)]
    [InlineData(5, false, 28, false)]
    public void IsBareZero_Examples_OnlyAZeroOfNoPlacesAndNoSign(int mantissa, bool negative, byte scale, bool bare)
    {
        Assert.Equal(bare, Decimals.IsBareZero(new decimal(mantissa, 0, 0, negative, scale)));
    }

    [Fact]
    public void IsBareZero_DefaultAndZeroLiteral_True()
    {
        Assert.True(Decimals.IsBareZero(default));
        Assert.True(Decimals.IsBareZero(0m));
        Assert.False(Decimals.IsBareZero(0.0m));
    }

    /// <summary>The premise of <see cref="Decimals.IsBareZero"/>: such a zero added to any decimal, or taken from it,
    /// gives that decimal back bit for bit, its places and its sign (even a negative zero's) included; and any decimal
    /// but a negative zero added to it is itself.</summary>
    [Property(MaxTest = 2000)]
    public void IsBareZero_AddedToOrTakenFromAnyDecimal_GivesItBackBitForBit(int lo, int mid, int hi, bool negative, byte scaleSeed, byte shape)
    {
        var scale = (byte)(scaleSeed % 29);
        var x = (shape % 4) switch
        {
            0 => new decimal(0, 0, 0, negative, scale),
            1 => new decimal(Math.Abs(lo % 100_000), 0, 0, negative, scale),
            2 => new decimal(lo, mid, 0, negative, scale),
            _ => new decimal(lo, mid, hi, negative, scale),
        };

        AssertSameBits(x, x + 0m);
        AssertSameBits(x, x - 0m);
        AssertSameBits(x, x + default(decimal));
        if (!(x == 0m && negative))
        {
            // On the left, it gives back any decimal but a negative zero (the sum is a zero with no sign).
            AssertSameBits(x, 0m + x);
        }
    }

    [Property(MaxTest = 2000)]
    public void TimesAtFewestPlaces_AnyMinorUnitsAndCount_AsFromMinorUnitsAtPlacesOf(uint minor, ushort count, byte minorSeed)
    {
        var minorUnits = minorSeed % 7;
        var units = (long)(minor % 10_000_000) * (minor % 3 == 0 ? 1000 : 1);
        var times = 1 + (count % 1000);

        var expected = Decimals.FromMinorUnits(units * times, minorUnits, Decimals.PlacesOf(units, minorUnits));

        AssertSameBits(expected, Decimals.TimesAtFewestPlaces(units, times, minorUnits));
    }
}
