using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using PromoEngine.Internal;

namespace PromoEngine;

/// <summary>How a promotion is activated: automatically, by one shared code, or by one of a pool of single-use codes.</summary>
/// <remarks>Immutable and thread-safe. Codes are stored normalized (see <see cref="PromotionCode"/>).</remarks>
public sealed class PromotionActivation
{
    private PromotionActivation(ActivationKind kind, ImmutableArray<string> codes, ClaimCodeFormat? format = null)
    {
        Kind = kind;
        Codes = codes;
        Format = format;
    }

    /// <summary>Gets the activation of promotions that need no code.</summary>
    /// <value>Automatic, with no codes.</value>
    public static PromotionActivation Automatic { get; } = new(ActivationKind.Automatic, []);

    /// <summary>Gets how the promotion is activated.</summary>
    /// <value>One of <see cref="ActivationKind"/>.</value>
    public ActivationKind Kind { get; }

    /// <summary>Gets the normalized codes, sorted.</summary>
    /// <value>Empty for <see cref="ActivationKind.Automatic"/>, one for a shared code, one or more for claim codes.</value>
    public ImmutableArray<string> Codes { get; }

    /// <summary>Gets the format of the claim codes, when one was given: it lets the evaluator tell a likely typo from an
    /// unknown code, and read look-alike characters when the format folds them.</summary>
    /// <value><see langword="null"/> unless given.</value>
    public ClaimCodeFormat? Format { get; }

    /// <summary>Activation by one shared code (social-media codes, group claim codes).</summary>
    /// <param name="code">The code; it is normalized.</param>
    /// <returns>The activation.</returns>
    /// <exception cref="ArgumentException">The code is malformed.</exception>
    public static PromotionActivation SharedCode(string code) => new(ActivationKind.SharedCode, [PromotionCode.Normalize(Guard.NotNull(code))]);

    /// <summary>Activation by a pool of single-use claim codes.</summary>
    /// <param name="codes">The codes; each is normalized. At least one.</param>
    /// <param name="format">The codes' format, if they have one (as generated codes do); each code must be valid for it.</param>
    /// <returns>The activation.</returns>
    /// <exception cref="ArgumentException">A code is malformed or not of the format, two codes are equal once
    /// normalized (and folded), or there is none.</exception>
    public static PromotionActivation ClaimCodes(IEnumerable<string> codes, ClaimCodeFormat? format = null)
    {
        Guard.NotNull(codes);
        var set = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var code in codes)
        {
            var normalized = PromotionCode.Normalize(Guard.NotNull(code, nameof(codes)));
            if (format is not null && format.Check(normalized) != ClaimCodeCheck.Valid)
            {
                throw new ArgumentException($"The claim code '{normalized}' is not a valid code of its format.", nameof(codes));
            }

            if (!set.Add(format?.Fold(normalized) ?? normalized))
            {
                throw new ArgumentException($"The claim code '{normalized}' appears twice once normalized.", nameof(codes));
            }
        }

        if (set.Count == 0)
        {
            throw new ArgumentException("A pool of claim codes needs at least one code.", nameof(codes));
        }

        return new(ActivationKind.ClaimCodes, [.. set], format);
    }
}
