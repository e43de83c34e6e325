using System;
using System.Collections.Frozen;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using PromoEngine.Internal;

namespace PromoEngine;

/// <summary>A set of promotions compiled once for evaluation: checked, and indexed by normalized code and, for automatic
/// promotions, by what they target: the SKUs, categories, tags, brands and unit prices of their items, the segments,
/// memberships, regions, channels and order history of the customer, and minimum subtotals.</summary>
/// <remarks>Immutable and thread-safe: build it once and share it across requests.</remarks>
public sealed class PromotionCatalog
{
    private readonly FrozenDictionary<PromotionId, Promotion> _byId;
    private readonly FrozenDictionary<string, Promotion> _byCode;
    private readonly FrozenDictionary<string, Promotion> _byLookAlikeKey;
    private readonly CandidateIndex _automatic;
    private readonly ClaimCodeFormat[] _foldingFormats;
    private readonly ClaimCodeFormat[] _checkedFormats;

    private PromotionCatalog(ImmutableArray<Promotion> promotions, Dictionary<string, Promotion> byCode, Dictionary<string, Promotion> byLookAlikeKey)
    {
        Promotions = promotions;
        _byId = FrozenDictionary.ToFrozenDictionary(promotions, p => p.Id);
        _byCode = byCode.ToFrozenDictionary(StringComparer.Ordinal);
        _byLookAlikeKey = byLookAlikeKey.ToFrozenDictionary(StringComparer.Ordinal);
        _automatic = new CandidateIndex(promotions);
        var formats = new HashSet<ClaimCodeFormat>(ReferenceEqualityComparer.Instance);
        foreach (var promotion in promotions)
        {
            if (promotion.Activation.Format is { } format)
            {
                formats.Add(format);
            }
        }

        _foldingFormats = [.. formats.Where(f => f.FoldsLookAlikes)];
        _checkedFormats = [.. formats.Where(f => f.HasCheckCharacter)];
    }

    /// <summary>Gets the promotions, sorted by id.</summary>
    /// <value>Possibly empty.</value>
    public ImmutableArray<Promotion> Promotions { get; }

    /// <summary>The most promotions one catalog holds: ten times the largest catalogs seen (100,000 promotions), few
    /// enough that what a catalog costs to build, to hold and to check on every cart stays bounded.</summary>
    public const int MaxPromotions = 1_000_000;

    /// <summary>Checks and compiles a set of promotions.</summary>
    /// <param name="promotions">The promotions, at most <see cref="MaxPromotions"/>; ids must be unique, no code may
    /// belong to two promotions, and no code may match a shared code that folds look-alikes once look-alikes are read
    /// alike (<c>5AVE20</c> beside a folding <c>SAVE20</c> would be found by both).</param>
    /// <returns>The catalog.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="promotions"/> is null or holds a null promotion.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="promotions"/> holds more than
    /// <see cref="MaxPromotions"/> promotions (the sequence is not read past it).</exception>
    /// <exception cref="PromotionDefinitionException">Ids or codes collide; every collision is listed.</exception>
    public static PromotionCatalog Create(IEnumerable<Promotion> promotions)
    {
        Guard.NotNull(promotions);
        if (promotions.TryGetNonEnumeratedCount(out var count) && count > MaxPromotions)
        {
            throw TooMany(count);
        }

        var errors = new List<string>();
        var ids = new Dictionary<PromotionId, int>();
        var codes = new Dictionary<string, Promotion>(StringComparer.Ordinal);
        var list = new List<Promotion>();
        var indexed = new List<(Promotion Promotion, int Index)>();
        var index = 0;
        foreach (var promotion in promotions)
        {
            if (index == MaxPromotions)
            {
                throw TooMany(index + 1);
            }

            Guard.NotNull(promotion, nameof(promotions));
            indexed.Add((promotion, index));
            if (ids.TryGetValue(promotion.Id, out var first))
            {
                errors.Add(string.Create(CultureInfo.InvariantCulture, $"promotions[{index}].id: '{promotion.Id}' is also the id of promotions[{first}]."));
            }
            else
            {
                ids.Add(promotion.Id, index);
                list.Add(promotion);
            }

            foreach (var code in promotion.Activation.Codes)
            {
                if (codes.TryGetValue(code, out var owner) && owner.Id != promotion.Id)
                {
                    errors.Add(string.Create(CultureInfo.InvariantCulture, $"promotions[{index}].codes: '{code}' is also a code of '{owner.Id}'."));
                }
                else
                {
                    codes[code] = promotion;
                }
            }

            index++;
        }

        var byLookAlikeKey = LookAlikeKeys(indexed, codes, errors);
        if (errors.Count > 0)
        {
            throw new PromotionDefinitionException("catalog", [.. errors]);
        }

        list.Sort((a, b) => a.Id.CompareTo(b.Id));
        return new PromotionCatalog([.. list], codes, byLookAlikeKey);
    }

    private static ArgumentOutOfRangeException TooMany(int count) =>
        new("promotions", count, string.Create(CultureInfo.InvariantCulture,
            $"A catalog holds at most {MaxPromotions:N0} promotions (PromotionCatalog.MaxPromotions)."));

    /// <summary>The shared codes that fold look-alikes, by look-alike key; an error for every other code with the
    /// same key (a typed code would match both).</summary>
    private static Dictionary<string, Promotion> LookAlikeKeys(List<(Promotion Promotion, int Index)> promotions, Dictionary<string, Promotion> codes, List<string> errors)
    {
        var byKey = new Dictionary<string, Promotion>(StringComparer.Ordinal);
        foreach (var (promotion, _) in promotions)
        {
            if (promotion.Activation is { Kind: ActivationKind.SharedCode, FoldsLookAlikes: true } activation)
            {
                byKey.TryAdd(ClaimCodeFormat.LookAlikeKey(activation.Codes[0]), promotion);
            }
        }

        if (byKey.Count == 0)
        {
            return byKey;
        }

        // Implementation note: every code of the catalog is keyed once (a table look-up per character), and only
        // when some shared code folds.
        foreach (var (promotion, index) in promotions)
        {
            foreach (var code in promotion.Activation.Codes)
            {
                if (byKey.TryGetValue(ClaimCodeFormat.LookAlikeKey(code), out var folding) && folding.Id != promotion.Id
                    && ReferenceEquals(codes.GetValueOrDefault(code), promotion))
                {
                    errors.Add(string.Create(CultureInfo.InvariantCulture,
                        $"promotions[{index}].codes: '{code}' reads as '{folding.Activation.Codes[0]}' of '{folding.Id}', which folds look-alikes (0/O/Q, 1/I/L, 2/Z, 5/S, 8/B)."));
                }
            }
        }

        return byKey;
    }

    /// <summary>Finds a promotion by id.</summary>
    /// <param name="id">The id.</param>
    /// <returns>The promotion, or <see langword="null"/>.</returns>
    public Promotion? Find(PromotionId id) => _byId.GetValueOrDefault(id);

    /// <summary>Finds the promotion a code activates.</summary>
    /// <param name="code">The code in any form, as a shopper typed it; it is normalized (and read with look-alikes
    /// folded where the promotion says so).</param>
    /// <returns>The promotion, or <see langword="null"/> when no promotion has the code or the code is malformed.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="code"/> is <see langword="null"/>.</exception>
    public Promotion? FindByCode(string code) =>
        PromotionCode.TryNormalize(Guard.NotNull(code), out var normalized, out _) ? Resolve(normalized)?.Promotion : null;

    /// <summary>The promotion of a normalized code and the code as the promotion holds it (its own form when it is a
    /// shared code that folds look-alikes, folded when its claim-code format folds them): the one form used for
    /// limits and redemption records.</summary>
    internal (Promotion Promotion, string Code)? Resolve(string normalized)
    {
        if (_byCode.TryGetValue(normalized, out var promotion))
        {
            return (promotion, normalized);
        }

        if (_byLookAlikeKey.Count > 0 && _byLookAlikeKey.TryGetValue(ClaimCodeFormat.LookAlikeKey(normalized), out promotion))
        {
            return (promotion, promotion.Activation.Codes[0]);
        }

        foreach (var format in _foldingFormats)
        {
            var folded = format.Fold(normalized);
            if (_byCode.TryGetValue(folded, out promotion) && ReferenceEquals(promotion.Activation.Format, format))
            {
                return (promotion, folded);
            }
        }

        return null;
    }

    /// <summary>Whether an unknown code has the shape of one of the catalog's claim-code formats but a wrong check
    /// character: a mistyped code rather than a made-up one.</summary>
    internal bool IsLikelyTypo(string normalized)
    {
        foreach (var format in _checkedFormats)
        {
            if (format.Check(normalized) == ClaimCodeCheck.LikelyTypo)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The automatic promotions an evaluation gates, without repeats: those that may concern the cart (a
    /// superset of those that do), or every one under <see cref="EvaluationOptions.ListEveryRejection"/>.</summary>
    internal void AddAutomaticCandidates(Cart cart, EvaluationOptions options, HashSet<Promotion> into)
    {
        if (options.ListEveryRejection)
        {
            _automatic.AddEvery(into);
        }
        else
        {
            _automatic.AddCandidates(cart, options.NearMissShare, into);
        }
    }
}
