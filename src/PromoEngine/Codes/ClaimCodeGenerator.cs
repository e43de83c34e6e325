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
    /// <summary>The share of a format's capacity a batch may fill, counting the codes that already exist, unless
    /// told otherwise: one millionth, so a guessed code of the format is a real one at most once in a million
    /// tries.</summary>
    public const double DefaultMaxShare = 1e-6;

    /// <summary>The largest share of a format's capacity a batch may ever fill: a quarter. Past it collisions slow
    /// generation down and a guess finds a code more than once in four tries.</summary>
    public const double MaxShareLimit = 0.25;

    /// <summary>Generates <paramref name="count"/> new codes of a format.</summary>
    /// <param name="format">The format.</param>
    /// <param name="count">How many codes; 1 to 10,000,000.</param>
    /// <param name="existing">Codes already issued, in any form, which the new ones must not repeat.</param>
    /// <param name="maxShare">The largest share of the format's <see cref="ClaimCodeFormat.Capacity"/> that the
    /// existing codes and the new ones together may fill: above 0 and at most <see cref="MaxShareLimit"/>.
    /// <see cref="DefaultMaxShare"/> (one millionth) unless said.</param>
    /// <returns>The codes, normalized (no separators); use <see cref="ClaimCodeFormat.Display"/> to show them.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is out of range, the codes would fill
    /// more than <paramref name="maxShare"/> of the format's capacity (the message gives the numbers), or
    /// <paramref name="maxShare"/> is out of range.</exception>
    /// <exception cref="ArgumentException">An existing code is malformed.</exception>
    public static ImmutableArray<string> Generate(
        ClaimCodeFormat format,
        int count,
        IEnumerable<string>? existing = null,
        double maxShare = DefaultMaxShare)
    {
        Guard.NotNull(format);
        Guard.InRange(count, 1, 10_000_000);
        if (!(maxShare > 0 && maxShare <= MaxShareLimit))
        {
            throw new ArgumentOutOfRangeException(nameof(maxShare), maxShare, string.Create(CultureInfo.InvariantCulture,
                $"A batch may fill more than 0 and at most {MaxShareLimit} of its format's capacity."));
        }

        var taken = new HashSet<string>(StringComparer.Ordinal);
        foreach (var code in existing ?? [])
        {
            taken.Add(format.Fold(PromotionCode.Normalize(Guard.NotNull(code, nameof(existing)))));
        }

        // Implementation note: the share bounds how often a guess finds a code (and, at the quarter, how long
        // collisions make generation); a longer format is the answer to a larger batch.
        var total = taken.Count + (double)count;
        if (total > format.Capacity * maxShare)
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, string.Create(CultureInfo.InvariantCulture,
                $"{count} new codes and {taken.Count} existing ones would fill {total / format.Capacity:G3} of the {format.Capacity:G3} codes this format can make ({format.EntropyBits:F1} bits); at most {maxShare:G3} is allowed, that is {Math.Floor(format.Capacity * maxShare):G3} codes: use a longer length."));
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
