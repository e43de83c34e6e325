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
    private PromotionActivation(
        ActivationKind kind,
        ImmutableArray<string> codes,
        ClaimCodeFormat? format = null,
        bool foldsLookAlikes = false,
        CodeAttribution? attribution = null,
        string? issuedTo = null,
        ImmutableDictionary<string, string>? codeOwners = null)
    {
        IssuedTo = issuedTo;
        CodeOwners = codeOwners ?? ImmutableDictionary<string, string>.Empty.WithComparers(StringComparer.Ordinal, StringComparer.Ordinal);
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
            : new(Kind, Codes, Format, FoldsLookAlikes, attribution, IssuedTo, CodeOwners);
    }

    /// <summary>Gets the one customer every code of the activation is issued to: a personal promotion (a service-recovery
    /// credit, a referral reward). Another customer, or a guest, using one of its codes is refused with
    /// <see cref="RejectionReason.IssuedToAnotherCustomer"/>.</summary>
    /// <value>The customer id (<see cref="CustomerProfile.Id"/>); <see langword="null"/> when the codes are anyone's
    /// (some claim codes may still be issued one by one: see <see cref="CodeOwners"/>).</value>
    public string? IssuedTo { get; }

    /// <summary>Gets the claim codes issued one by one, each to its customer (birthday vouchers from one batch): the
    /// code (as stored in <see cref="Codes"/>) and the customer id.</summary>
    /// <value>Empty unless given with <see cref="WithCodeOwners"/>; the codes not in it are anyone's (unless
    /// <see cref="IssuedTo"/> names one customer for all).</value>
    public ImmutableDictionary<string, string> CodeOwners { get; }

    /// <summary>Gets a value indicating whether some code of the activation belongs to one customer.</summary>
    /// <value><see langword="true"/> when <see cref="IssuedTo"/> is set or <see cref="CodeOwners"/> is not empty.</value>
    public bool IsPersonal => IssuedTo is not null || !CodeOwners.IsEmpty;

    /// <summary>The customer a code is issued to.</summary>
    /// <param name="code">One of the activation's codes, in the form stored in <see cref="Codes"/> (the form the
    /// evaluator records).</param>
    /// <returns>The customer id, or <see langword="null"/> when anyone may use the code.</returns>
    public string? OwnerOf(string code) =>
        IssuedTo ?? (CodeOwners.Count > 0 && CodeOwners.TryGetValue(Guard.NotNull(code), out var owner) ? owner : null);

    /// <summary>Returns a copy whose codes are all issued to one customer: only that customer may use them.</summary>
    /// <param name="customerId">The customer id (as <see cref="CustomerProfile.Registered"/> takes it), or
    /// <see langword="null"/> for anyone.</param>
    /// <returns>The changed copy, or this instance when nothing changes.</returns>
    /// <exception cref="ArgumentException"><paramref name="customerId"/> is empty or malformed, or the claim codes are
    /// issued one by one already (<see cref="CodeOwners"/>).</exception>
    /// <exception cref="InvalidOperationException">The activation is automatic: there is no code to issue.</exception>
    [Pure]
    public PromotionActivation WithIssuedTo(string? customerId)
    {
        var id = customerId is null ? null : Text.Identifier(customerId);
        if (id == IssuedTo)
        {
            return this;
        }

        if (id is not null && !CodeOwners.IsEmpty)
        {
            throw new ArgumentException("The claim codes are issued one by one already; a pool is issued whole or code by code, not both.", nameof(customerId));
        }

        return Kind == ActivationKind.Automatic
            ? throw new InvalidOperationException("An automatic promotion has no code to issue; give it a code or claim codes first.")
            : new(Kind, Codes, Format, FoldsLookAlikes, Attribution, id, CodeOwners);
    }

    /// <summary>Returns a copy in which each given claim code is issued to its customer; the other codes stay
    /// anyone's.</summary>
    /// <param name="owners">Pairs of a code (as typed or normalized; each one of the pool's codes, once) and a customer
    /// id. At most as many as the pool holds.</param>
    /// <returns>The changed copy (the owners given replace those before).</returns>
    /// <exception cref="ArgumentException">A code is not one of the pool's, is given twice, or a customer id is empty or
    /// malformed; or the whole pool is issued to one customer already (<see cref="IssuedTo"/>).</exception>
    /// <exception cref="InvalidOperationException">The activation is not a pool of claim codes.</exception>
    [Pure]
    public PromotionActivation WithCodeOwners(IEnumerable<KeyValuePair<string, string>> owners)
    {
        Guard.NotNull(owners);
        if (Kind != ActivationKind.ClaimCodes)
        {
            throw new InvalidOperationException("Codes are issued one by one only from a pool of claim codes; a shared code is issued whole with WithIssuedTo.");
        }

        var builder = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal, StringComparer.Ordinal);
        foreach (var (code, owner) in owners)
        {
            if (IssuedTo is not null)
            {
                throw new ArgumentException($"Every code is issued to {IssuedTo} already; a pool is issued whole or code by code, not both.", nameof(owners));
            }

            if (builder.Count == Codes.Length)
            {
                throw new ArgumentException("More owners are given than the pool holds codes.", nameof(owners));
            }

            var normalized = PromotionCode.Normalize(Guard.NotNull(code, nameof(owners)));
            var stored = Format?.Fold(normalized) ?? normalized;
            if (ImmutableArray.BinarySearch(Codes, stored, StringComparer.Ordinal) < 0)
            {
                throw new ArgumentException($"The code '{normalized}' is not one of the pool's claim codes.", nameof(owners));
            }

            if (!builder.TryAdd(stored, Text.Identifier(owner, nameof(owners))))
            {
                throw new ArgumentException($"The code '{normalized}' is given an owner twice.", nameof(owners));
            }
        }

        return new(Kind, Codes, Format, FoldsLookAlikes, Attribution, IssuedTo, builder.ToImmutable());
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
