using System;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;

namespace PromoEngine;

/// <summary>
/// The one normalization of promotion codes, used for lookup, limits and redemption records alike: Unicode NFKC,
/// separators dropped, upper case (invariant). Separators are white space (tabs and line breaks included), the
/// hyphen-minus, the Unicode hyphens and dashes (U+2010 hyphen, U+2011 non-breaking hyphen, U+2012 figure dash, U+2013
/// en dash, U+2014 em dash, U+2015 horizontal bar), U+2212 minus, the underscore, the dot and the slash. So
/// <c>" summer-20 "</c>, <c>"SUMMER 20"</c>, <c>"summer–20"</c>, <c>"summer_20"</c>, <c>"summer/20"</c>,
/// <c>"ｓｕｍｍｅｒ２０"</c> and <c>"𝐒𝐔𝐌𝐌𝐄𝐑𝟐𝟎"</c> are all <c>SUMMER20</c>.
/// </summary>
/// <remarks>A code is malformed when it is empty once normalized, longer than <see cref="MaxLength"/> (input longer
/// than <see cref="MaxInputLength"/> is refused before anything else is done with it), or holds a control character,
/// an invisible character (format characters such as U+200B zero-width space, variation selectors, private-use or
/// unassigned code points, lone surrogates) or a symbol such as an emoji. Characters are judged after NFKC, so
/// compatibility forms of letters and digits (full-width, mathematical bold...) are read as the letters and digits
/// they stand for.</remarks>
public static class PromotionCode
{
    /// <summary>The longest code accepted, in characters, once normalized.</summary>
    public const int MaxLength = 64;

    /// <summary>The longest input read at all, in UTF-16 characters, before normalization: four times
    /// <see cref="MaxLength"/>, room for separators and compatibility forms. Longer input is malformed without being
    /// normalized, so the cost of reading a code is bounded whatever is typed.</summary>
    public const int MaxInputLength = MaxLength * 4;

    /// <summary>Normalizes a code.</summary>
    /// <param name="code">The code as typed or defined.</param>
    /// <returns>The normalized code: never empty.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="code"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The code is malformed (see <see cref="TryNormalize"/>).</exception>
    public static string Normalize(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        if (TryNormalize(code, out var normalized, out var error))
        {
            return normalized;
        }

        throw new ArgumentException(error, nameof(code));
    }

    /// <summary>Normalizes a code, saying why when it cannot. Never throws, whatever the input.</summary>
    /// <param name="code">The code as typed or defined.</param>
    /// <param name="normalized">The normalized code when it is well formed.</param>
    /// <param name="error">Why the code is malformed, when it is: empty, too long (with the numbers), or the first
    /// control, invisible or symbol character found, named by its code point (<c>U+200B</c>).</param>
    /// <returns><see langword="true"/> when the code is well formed.</returns>
    public static bool TryNormalize(
        string? code,
        [NotNullWhen(true)] out string? normalized,
        [NotNullWhen(false)] out string? error)
    {
        normalized = null;
        if (code is null)
        {
            error = "A code is required.";
            return false;
        }

        // Implementation note: the length is checked first, before any work proportional to the input.
        if (code.Length > MaxInputLength)
        {
            error = TooLong(code.Length);
            return false;
        }

        // NFKC refuses ill-formed UTF-16, so lone surrogates are found before it.
        for (var i = 0; i < code.Length; i++)
        {
            if (char.IsHighSurrogate(code[i]) && i + 1 < code.Length && char.IsLowSurrogate(code[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(code[i]))
            {
                error = FormattableString.Invariant($"A code must not contain control or invisible characters (found a lone surrogate U+{(int)code[i]:X4}).");
                return false;
            }
        }

        var folded = Ascii.IsValid(code) ? code : code.Normalize(NormalizationForm.FormKC);
        var builder = new StringBuilder(folded.Length);
        Span<char> upper = stackalloc char[2];
        foreach (var rune in folded.EnumerateRunes())
        {
            if (IsSeparator(rune))
            {
                continue;
            }

            var category = Rune.GetUnicodeCategory(rune);
            if (IsInvisible(rune, category))
            {
                error = FormattableString.Invariant($"A code must not contain control or invisible characters (found U+{rune.Value:X4}).");
                return false;
            }

            if (category == UnicodeCategory.OtherSymbol)
            {
                error = FormattableString.Invariant($"A code must not contain symbols such as emoji (found U+{rune.Value:X4}).");
                return false;
            }

            builder.Append(upper[..Rune.ToUpperInvariant(rune).EncodeToUtf16(upper)]);
        }

        if (builder.Length == 0)
        {
            error = "A code must have at least one letter or digit.";
            return false;
        }

        if (builder.Length > MaxLength)
        {
            error = TooLong(builder.Length);
            return false;
        }

        normalized = builder.ToString();
        error = null;
        return true;
    }

    /// <summary>A printable rendering of what was typed, for a malformed code: at most <see cref="RenderedLength"/>
    /// characters kept, control and invisible characters (and lone surrogates) written as their code point
    /// (<c>[U+200B]</c>), longer input cut with an ellipsis. Reads at most a bounded prefix of the input.</summary>
    internal static string Render(string typed)
    {
        var builder = new StringBuilder();
        var i = 0;
        var kept = 0;
        while (i < typed.Length && kept < RenderedLength)
        {
            if (Rune.DecodeFromUtf16(typed.AsSpan(i), out var rune, out var consumed) != System.Buffers.OperationStatus.Done)
            {
                builder.Append(CultureInfo.InvariantCulture, $"[U+{(int)typed[i]:X4}]");
                i++;
            }
            else
            {
                if (IsInvisible(rune, Rune.GetUnicodeCategory(rune)) || (Rune.IsWhiteSpace(rune) && rune.Value != ' '))
                {
                    builder.Append(CultureInfo.InvariantCulture, $"[U+{rune.Value:X4}]");
                }
                else
                {
                    builder.Append(rune.ToString());
                }

                i += consumed;
            }

            kept++;
        }

        if (i < typed.Length)
        {
            builder.Append('…');
        }

        return builder.ToString();
    }

    /// <summary>How many characters of a malformed code <see cref="Render"/> keeps.</summary>
    internal const int RenderedLength = 32;

    /// <summary>Whether a character (after NFKC) only separates the parts of a code.</summary>
    private static bool IsSeparator(Rune rune) =>
        rune.Value is '-' or '_' or '.' or '/' or (>= 0x2010 and <= 0x2015) or 0x2212 || Rune.IsWhiteSpace(rune);

    /// <summary>Control characters, format characters (zero-width space, joiners, marks of direction...), variation
    /// selectors, private-use and unassigned code points, and the line and paragraph separators.</summary>
    private static bool IsInvisible(Rune rune, UnicodeCategory category) =>
        category is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate
            or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned or UnicodeCategory.LineSeparator
            or UnicodeCategory.ParagraphSeparator
        || rune.Value is (>= 0xFE00 and <= 0xFE0F) or (>= 0xE0100 and <= 0xE01EF);

    private static string TooLong(int length) =>
        FormattableString.Invariant($"A code must be at most {MaxLength} characters; this one has {length}.");
}
