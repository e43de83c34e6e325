using System;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;

namespace PromoEngine;

/// <summary>
/// The one normalization of promotion codes, used for lookup, limits and redemption records alike: Unicode NFKC,
/// spaces and hyphens dropped, upper case (invariant). So <c>" summer-20 "</c>, <c>"SUMMER 20"</c> and
/// <c>"ｓｕｍｍｅｒ２０"</c> are all <c>SUMMER20</c>.
/// </summary>
public static class PromotionCode
{
    /// <summary>The longest code accepted, in characters, before and after normalization.</summary>
    public const int MaxLength = 64;

    /// <summary>Normalizes a code.</summary>
    /// <param name="code">The code as typed or defined.</param>
    /// <returns>The normalized code: never empty.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="code"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The code is empty once normalized, longer than <see cref="MaxLength"/>,
    /// or holds control or other invisible characters.</exception>
    public static string Normalize(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        if (TryNormalize(code, out var normalized, out var error))
        {
            return normalized;
        }

        throw new ArgumentException(error, nameof(code));
    }

    /// <summary>Normalizes a code, saying why when it cannot.</summary>
    /// <param name="code">The code as typed or defined.</param>
    /// <param name="normalized">The normalized code when it is well formed.</param>
    /// <param name="error">Why the code is malformed, when it is.</param>
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

        if (code.Length > MaxLength * 4)
        {
            error = FormattableString.Invariant($"A code must be at most {MaxLength} characters; this one has {code.Length}.");
            return false;
        }

        foreach (var c in code)
        {
            var category = char.GetUnicodeCategory(c);
            if (category is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate
                or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned)
            {
                error = FormattableString.Invariant($"A code must not contain control or invisible characters (found U+{(int)c:X4}).");
                return false;
            }
        }

        var folded = code.Normalize(NormalizationForm.FormKC);
        var builder = new StringBuilder(folded.Length);
        foreach (var c in folded)
        {
            if (c == '-' || char.IsWhiteSpace(c))
            {
                continue;
            }

            builder.Append(char.ToUpperInvariant(c));
        }

        if (builder.Length == 0)
        {
            error = "A code must have at least one letter or digit.";
            return false;
        }

        if (builder.Length > MaxLength)
        {
            error = FormattableString.Invariant($"A code must be at most {MaxLength} characters; this one has {builder.Length}.");
            return false;
        }

        normalized = builder.ToString();
        error = null;
        return true;
    }
}
