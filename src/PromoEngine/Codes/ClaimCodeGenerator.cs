using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using PromoEngine.Internal;

namespace PromoEngine;

/// <summary>Generates batches of unique claim codes from a cryptographic random source.</summary>
/// <remarks>Thread-safe: it keeps no state. Codes are unguessable (each character drawn uniformly, without modulo bias,
/// from <see cref="RandomNumberGenerator"/>), unique within the batch and against the codes that already exist.</remarks>
public static class ClaimCodeGenerator
{
    /// <summary>Generates <paramref name="count"/> new codes of a format.</summary>
    /// <param name="format">The format.</param>
    /// <param name="count">How many codes; 1 to 10,000,000.</param>
    /// <param name="existing">Codes already issued, in any form, which the new ones must not repeat.</param>
    /// <returns>The codes, normalized (no separators); use <see cref="ClaimCodeFormat.Display"/> to show them.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is out of range, or the format's
    /// capacity is too small for this many codes (more than a quarter of it would be used).</exception>
    public static ImmutableArray<string> Generate(ClaimCodeFormat format, int count, IEnumerable<string>? existing = null)
    {
        Guard.NotNull(format);
        Guard.InRange(count, 1, 10_000_000);
        var taken = new HashSet<string>(StringComparer.Ordinal);
        foreach (var code in existing ?? [])
        {
            taken.Add(format.Fold(PromotionCode.Normalize(Guard.NotNull(code, nameof(existing)))));
        }

        // Implementation note: past a quarter of the capacity, collisions slow generation down and, worse, make codes
        // guessable; a longer format is the right answer.
        if (taken.Count + (double)count > format.Capacity / 4)
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, string.Create(CultureInfo.InvariantCulture,
                $"{count} more codes would use over a quarter of the {format.Capacity:G3} this format can make; use a longer length."));
        }

        var codes = new string[count];
        var source = new UnbiasedSymbols(format.Alphabet.Length);
        Span<int> symbols = stackalloc int[format.Length];
        var made = 0;
        while (made < count)
        {
            source.Fill(symbols);
            var code = format.Compose(symbols);
            if (taken.Add(format.Fold(code)))
            {
                codes[made++] = code;
            }
        }

        return ImmutableCollectionsMarshal.AsImmutableArray(codes);
    }

    /// <summary>Symbols from 0 to n - 1, uniformly: random bytes at or above the largest multiple of n are dropped.</summary>
    private sealed class UnbiasedSymbols(int size)
    {
        private readonly byte[] _buffer = new byte[4096];
        private readonly int _limit = 256 - (256 % size);
        private int _next = 4096;

        public void Fill(Span<int> symbols)
        {
            var i = 0;
            while (i < symbols.Length)
            {
                if (_next == _buffer.Length)
                {
                    RandomNumberGenerator.Fill(_buffer);
                    _next = 0;
                }

                var value = _buffer[_next++];
                if (value < _limit)
                {
                    symbols[i++] = value % size;
                }
            }
        }
    }
}
