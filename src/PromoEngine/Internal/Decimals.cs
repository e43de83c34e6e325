using System;

namespace PromoEngine.Internal;

/// <summary>Decimal arithmetic the hot path does often, done without the general division.</summary>
internal static class Decimals
{
    /// <summary>The largest power of ten <see cref="DividedByPowerOfTen"/> divides by.</summary>
    public const int MaxPower = 28;

    private static readonly decimal[] PowersOfTen = Powers();

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
