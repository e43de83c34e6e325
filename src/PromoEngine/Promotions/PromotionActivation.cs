using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using PromoEngine.Internal;

namespace PromoEngine;

/// <summary>How a promotion is activated: automatically, by one shared code, or by one of a pool of single-use codes.</summary>
/// <remarks>Immutable and thread-safe. Codes are stored normalized (see <see cref="PromotionCode"/>).</remarks>
public sealed class PromotionActivation
{
    private PromotionActivation(ActivationKind kind, ImmutableArray<string> codes)
    {
        Kind = kind;
        Codes = codes;
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

    /// <summary>Activation by one shared code (social-media codes, group claim codes).</summary>
    /// <param name="code">The code; it is normalized.</param>
    /// <returns>The activation.</returns>
    /// <exception cref="ArgumentException">The code is malformed.</exception>
    public static PromotionActivation SharedCode(string code) => new(ActivationKind.SharedCode, [PromotionCode.Normalize(Guard.NotNull(code))]);

    /// <summary>Activation by a pool of single-use claim codes.</summary>
    /// <param name="codes">The codes; each is normalized. At least one.</param>
    /// <returns>The activation.</returns>
    /// <exception cref="ArgumentException">A code is malformed, two codes are equal once normalized, or there is none.</exception>
    public static PromotionActivation ClaimCodes(IEnumerable<string> codes)
    {
        Guard.NotNull(codes);
        var set = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var code in codes)
        {
            var normalized = PromotionCode.Normalize(Guard.NotNull(code, nameof(codes)));
            if (!set.Add(normalized))
            {
                throw new ArgumentException($"The claim code '{normalized}' appears twice once normalized.", nameof(codes));
            }
        }

        if (set.Count == 0)
        {
            throw new ArgumentException("A pool of claim codes needs at least one code.", nameof(codes));
        }

        return new(ActivationKind.ClaimCodes, [.. set]);
    }
}
