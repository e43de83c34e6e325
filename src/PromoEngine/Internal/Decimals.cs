using System;
using System.Runtime.CompilerServices;

namespace PromoEngine.Internal;

/// <summary>Decimal arithmetic the hot path does often, done without the general division.</summary>
internal static class Decimals
{
    /// <summary>The largest power of ten <see cref="DividedByPowerOfTen"/> divides by.</summary>
    public const int MaxPower = 28;

    private static readonly decimal[] PowersOfTen = Powers();

    /// <summary>10^<paramref name="power"/>, from a table.</summary>
    /// <param name="power">From 0 to <see cref="MaxPower"/>.</param>
    public static decimal PowerOfTen(int power) => PowersOfTen[power];

    /// <summary><paramref name="value"/> / 10^<paramref name="power"/>, exactly as <c>decimal</c> division gives it,
    /// scale included: the quotient keeps the dividend's scale and takes as many more places as it needs (45 / 100 is
    /// 0.45, 40 / 100 is 0.4, 4500 / 100 is 45, 4.50 / 100 is 0.045).</summary>
    /// <param name="value">The dividend.</param>
    /// <param name="power">From 0 to <see cref="MaxPower"/>.</param>
    /// <remarks>Implementation note: dividing by a power of ten only moves the decimal point, so the mantissa is kept and
    /// the scale raised by the places the quotient needs (the power less the mantissa's trailing zeros, which are
    /// dropped). Past 28 places the division rounds, so that case is left to it. Every evaluation divides by 100 for
    /// each percentage of each unit run and by the minor units for each allocated share, where the general division
    /// cost more than the rest of the arithmetic.</remarks>
    public static decimal DividedByPowerOfTen(decimal value, int power)
    {
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(value, bits);
        var scale = (bits[3] >> 16) & 0xFF;
        var mantissa = unchecked(((UInt128)(uint)bits[2] << 64) | ((UInt128)(uint)bits[1] << 32) | (uint)bits[0]);
        var dropped = 0;
        if (mantissa == 0)
        {
            dropped = power;
        }
        else if (bits[2] == 0)
        {
            // The usual amount fits 64 bits, where dividing by ten is far cheaper.
            var small = (ulong)mantissa;
            while (dropped < power && small % 10 == 0)
            {
                small /= 10;
                dropped++;
            }

            mantissa = small;
        }
        else
        {
            while (dropped < power && mantissa % 10 == 0)
            {
                mantissa /= 10;
                dropped++;
            }
        }

        var newScale = scale + power - dropped;
        return newScale > 28
            ? value / PowersOfTen[power]
            : new decimal(unchecked((int)(uint)mantissa), unchecked((int)(uint)(mantissa >> 32)), unchecked((int)(uint)(mantissa >> 64)), bits[3] < 0, (byte)newScale);
    }

    /// <summary>A non-negative decimal as its whole mantissa and its scale (the value is mantissa / 10^scale), when the
    /// mantissa fits 63 bits.</summary>
    /// <remarks>Implementation note: the bits are read into a buffer of four ints held in a local rather than one on
    /// the stack from <c>stackalloc</c>, which kept the method from being inlined (the common cart asks it for each
    /// line).</remarks>
    public static bool TryParts(decimal value, out long mantissa, out int scale)
    {
        var buffer = default(FourInts);
        Span<int> bits = buffer;
        decimal.GetBits(value, bits);
        scale = (bits[3] >> 16) & 0xFF;
        mantissa = unchecked(((long)bits[1] << 32) | (uint)bits[0]);
        return bits[2] == 0 && bits[1] >= 0 && bits[3] >= 0;
    }

    /// <summary>Whether a decimal is a zero of no places and no sign (<c>0m</c>, <c>default</c>), all of whose bits are
    /// clear: adding it to a decimal, or taking it from one, gives that decimal back, bit for bit (the other's places
    /// and sign kept), so such a sum need not be made.</summary>
    public static bool IsBareZero(decimal value)
    {
        var buffer = default(FourInts);
        Span<int> bits = buffer;
        decimal.GetBits(value, bits);
        return (bits[0] | bits[1] | bits[2] | bits[3]) == 0;
    }

    /// <summary>The product of two non-negative whole numbers, when it is at most a quarter of <see cref="long.MaxValue"/>
    /// (so that a few such products add up without overflow).</summary>
    /// <remarks>Implementation note: one 128-bit multiplication rather than a division to bound a factor beforehand (the
    /// common cart's path asks this for each line).</remarks>
    /// <remarks>Implementation note: factors that both fit 31 bits (prices, quantities, percentages and small powers of
    /// ten: nearly every call) have a product that fits 62, so one ordinary multiplication decides. The 128-bit one
    /// hands its low half back through memory, and its instructions were the hottest of the common cart's loop over
    /// lines (asked three or four times a line).</remarks>
    public static bool TryMultiply(long a, long b, out long product)
    {
        if (unchecked((ulong)(a | b)) < SmallFactor)
        {
            product = unchecked(a * b);
            return product <= long.MaxValue / 4;
        }

        var high = Math.BigMul(a, b, out product);
        return high == 0 && product >= 0 && product <= long.MaxValue / 4;
    }

    /// <summary>The bound below which two non-negative factors have a product that fits a <see langword="long"/> with a
    /// bit to spare (see <see cref="TryMultiply"/>).</summary>
    private const ulong SmallFactor = 1UL << 31;

    /// <summary>A whole number of minor units times a count, at the fewest places that hold the minor units:
    /// <c>FromMinorUnits(minor * count, minorUnits, PlacesOf(minor, minorUnits))</c>, without a division.</summary>
    public static decimal TimesAtFewestPlaces(long minor, int count, int minorUnits)
    {
        var places = minorUnits;
        while (places > 0 && minor % 10 == 0)
        {
            minor /= 10;
            places--;
        }

        var mantissa = minor * count;
        return new decimal(unchecked((int)(uint)mantissa), unchecked((int)(uint)((ulong)mantissa >> 32)), 0, false, (byte)places);
    }

    /// <summary>10 to a power, from 0 to 18, as a whole number.</summary>
    public static long LongPowerOfTen(int power) => LongPowersOfTen[power];

    /// <summary>The places <c>minor / 10^minorUnits</c> has at its fewest (as <see cref="DividedByPowerOfTen"/> gives
    /// it): the minor units less the trailing zeros of <paramref name="minor"/>, none for zero.</summary>
    /// <param name="minor">A whole number of minor units, zero or more.</param>
    /// <param name="minorUnits">The currency's minor units.</param>
    public static int PlacesOf(long minor, int minorUnits)
    {
        if (minor == 0)
        {
            return 0;
        }

        var places = minorUnits;
        while (places > 0 && minor % 10 == 0)
        {
            minor /= 10;
            places--;
        }

        return places;
    }

    /// <summary><c>minor / 10^minorUnits</c> written with exactly <paramref name="places"/> places.</summary>
    /// <param name="minor">A whole number of minor units, zero or more, whose value has at most that many places.</param>
    /// <param name="minorUnits">The currency's minor units, at most 18.</param>
    /// <param name="places">From <see cref="PlacesOf"/> of <paramref name="minor"/> to <paramref name="minorUnits"/>.</param>
    public static decimal FromMinorUnits(long minor, int minorUnits, int places)
    {
        var mantissa = minor / LongPowersOfTen[minorUnits - places];
        return new decimal(unchecked((int)(uint)mantissa), unchecked((int)(uint)((ulong)mantissa >> 32)), 0, false, (byte)places);
    }

    /// <summary>Room for a decimal's four ints of bits (<see cref="decimal.GetBits(decimal, Span{int})"/>).</summary>
    [InlineArray(4)]
    private struct FourInts
    {
        private int _element;
    }

    private static readonly long[] LongPowersOfTen = [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000,
        1_000_000_000, 10_000_000_000, 100_000_000_000, 1_000_000_000_000, 10_000_000_000_000, 100_000_000_000_000,
        1_000_000_000_000_000, 10_000_000_000_000_000, 100_000_000_000_000_000, 1_000_000_000_000_000_000];

    private static decimal[] Powers()
    {
        var powers = new decimal[MaxPower + 1];
        powers[0] = 1m;
        for (var i = 1; i < powers.Length; i++)
        {
            powers[i] = powers[i - 1] * 10m;
        }

        return powers;
    }
}
