using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics.Contracts;
using System.Globalization;
using System.Linq;
using PromoEngine.Internal;

namespace PromoEngine;

/// <summary>How a promotion is activated: automatically, by one shared code, or by one of a pool of single-use codes.</summary>
/// <remarks>Immutable and thread-safe. Codes are stored normalized (see <see cref="PromotionCode"/>).</remarks>
public sealed class PromotionActivation
{
    private PromotionActivation(ActivationKind kind, ImmutableArray<string> codes, ClaimCodeFormat? format = null, bool foldsLookAlikes = false, CodeAttribution? attribution = null)
    {
        Kind = kind;
        Codes = codes;
        Format = format;
        FoldsLookAlikes = foldsLookAlikes;
        Attribution = attribution;
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

    /// <summary>Gets a value indicating whether a shared code is also found when typed with look-alike characters:
    /// 0, O and Q; 1, I and L; 2 and Z; 5 and S; 8 and B are then read alike, so <c>SAVEZO</c> and <c>5AVE2O</c> find
    /// <c>SAVE20</c>. The code is still recorded in its own form. A catalog refuses a folding code that another code
    /// matches once look-alikes are read alike.</summary>
    /// <value><see langword="false"/> unless said; claim codes fold through their <see cref="Format"/>.</value>
    public bool FoldsLookAlikes { get; }

    /// <summary>Gets where the code or the batch was distributed; every redemption through it records it.</summary>
    /// <value><see langword="null"/> unless given with <see cref="WithAttribution"/>.</value>
    public CodeAttribution? Attribution { get; }

    /// <summary>Returns a copy whose code or batch carries where it was distributed.</summary>
    /// <param name="attribution">The attribution, or <see langword="null"/> for none.</param>
    /// <returns>The changed copy, or this instance when nothing changes.</returns>
    /// <exception cref="InvalidOperationException">The activation is automatic: there is no code to attribute.</exception>
    [Pure]
    public PromotionActivation WithAttribution(CodeAttribution? attribution)
    {
        if (attribution == Attribution)
        {
            return this;
        }

        return Kind == ActivationKind.Automatic
            ? throw new InvalidOperationException("An automatic promotion has no code to attribute; give it a code or claim codes first.")
            : new(Kind, Codes, Format, FoldsLookAlikes, attribution);
    }

    /// <summary>Activation by one shared code (social-media codes, group claim codes).</summary>
    /// <param name="code">The code; it is normalized.</param>
    /// <param name="foldLookAlikes">Whether the code is also found when typed with look-alike characters (see
    /// <see cref="FoldsLookAlikes"/>); <see langword="false"/> unless said.</param>
    /// <returns>The activation.</returns>
    /// <exception cref="ArgumentException">The code is malformed.</exception>
    public static PromotionActivation SharedCode(string code, bool foldLookAlikes = false) =>
        new(ActivationKind.SharedCode, [PromotionCode.Normalize(Guard.NotNull(code))], null, foldLookAlikes);

    /// <summary>The most claim codes one pool holds: as many as one batch of <see cref="ClaimCodeGenerator"/> makes.</summary>
    public const int MaxClaimCodes = 10_000_000;

    /// <summary>Activation by a pool of single-use claim codes.</summary>
    /// <param name="codes">The codes; each is normalized. At least one, at most <see cref="MaxClaimCodes"/>.</param>
    /// <param name="format">The codes' format, if they have one (as generated codes do); each code must be valid for it.</param>
    /// <returns>The activation.</returns>
    /// <exception cref="ArgumentOutOfRangeException">There are more than <see cref="MaxClaimCodes"/> codes (the
    /// sequence is not read past it).</exception>
    /// <exception cref="ArgumentException">A code is malformed or not of the format, two codes are equal once
    /// normalized (and folded), or there is none.</exception>
    public static PromotionActivation ClaimCodes(IEnumerable<string> codes, ClaimCodeFormat? format = null)
    {
        Guard.NotNull(codes);
        if (codes.TryGetNonEnumeratedCount(out var count) && count > MaxClaimCodes)
        {
            throw TooManyCodes(count);
        }

        var set = new SortedSet<string>(StringComparer.Ordinal);
        var read = 0;
        foreach (var code in codes)
        {
            if (++read > MaxClaimCodes)
            {
                throw TooManyCodes(read);
            }

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

    private static ArgumentOutOfRangeException TooManyCodes(int count) =>
        new("codes", count, string.Create(CultureInfo.InvariantCulture,
            $"A pool holds at most {MaxClaimCodes:N0} claim codes (PromotionActivation.MaxClaimCodes)."));
}
