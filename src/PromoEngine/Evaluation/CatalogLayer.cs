using System;
using System.Collections.Frozen;
using System.Collections.Generic;
using System.Collections.Immutable;

namespace PromoEngine;

/// <summary>
/// A set of checked promotions with every index an evaluation reads: by id, by normalized code, by look-alike key, the
/// claim-code formats, and the automatic promotions by what they target (<see cref="CandidateIndex"/>). A
/// <see cref="PromotionCatalog"/> is one layer, or a large layer it shares with earlier catalogs and a small one of what
/// changed since.
/// </summary>
/// <remarks>Built once, never changed. The checks that make a set of promotions a valid catalog (unique ids and codes)
/// are the catalog's: a layer indexes what it is given.</remarks>
internal sealed class CatalogLayer
{
    private readonly FrozenDictionary<PromotionId, Promotion> _byId;
    private readonly FrozenDictionary<string, Promotion> _byCode;
    private readonly FrozenDictionary<string, Promotion> _byLookAlikeKey;
    private readonly CandidateIndex _automatic;
    private readonly Dictionary<ClaimCodeFormat, int> _formatUses;

    /// <summary>Indexes promotions whose ids and codes are unique.</summary>
    /// <param name="promotions">The promotions, sorted by id.</param>
    /// <param name="byCode">Each code's promotion.</param>
    /// <param name="byLookAlikeKey">The shared codes that fold look-alikes, by look-alike key.</param>
    public CatalogLayer(ImmutableArray<Promotion> promotions, Dictionary<string, Promotion> byCode, Dictionary<string, Promotion> byLookAlikeKey)
    {
        Promotions = promotions;
        _byId = FrozenDictionary.ToFrozenDictionary(promotions, p => p.Id);
        _byCode = byCode.ToFrozenDictionary(StringComparer.Ordinal);
        _byLookAlikeKey = byLookAlikeKey.ToFrozenDictionary(StringComparer.Ordinal);
        _automatic = new CandidateIndex(promotions);
        var uses = new Dictionary<ClaimCodeFormat, int>(ReferenceEqualityComparer.Instance);
        var formats = new List<ClaimCodeFormat>();
        foreach (var promotion in promotions)
        {
            if (promotion.Activation.Format is { } format)
            {
                if (uses.TryGetValue(format, out var n))
                {
                    uses[format] = n + 1;
                }
                else
                {
                    uses.Add(format, 1);
                    formats.Add(format);
                }
            }
        }

        Formats = [.. formats];
        _formatUses = uses;
    }

    /// <summary>Indexes promotions already checked to have unique ids and codes (see <see cref="PromotionCatalog"/>).</summary>
    /// <param name="promotions">The promotions, sorted by id.</param>
    public static CatalogLayer Of(ImmutableArray<Promotion> promotions)
    {
        var byCode = new Dictionary<string, Promotion>(StringComparer.Ordinal);
        var byLookAlikeKey = new Dictionary<string, Promotion>(StringComparer.Ordinal);
        foreach (var promotion in promotions)
        {
            foreach (var code in promotion.Activation.Codes)
            {
                byCode[code] = promotion;
            }

            if (promotion.Activation is { Kind: ActivationKind.SharedCode, FoldsLookAlikes: true } activation)
            {
                byLookAlikeKey.TryAdd(ClaimCodeFormat.LookAlikeKey(activation.Codes[0]), promotion);
            }
        }

        return new CatalogLayer(promotions, byCode, byLookAlikeKey);
    }

    /// <summary>Gets the promotions, sorted by id.</summary>
    public ImmutableArray<Promotion> Promotions { get; }

    /// <summary>Gets the claim-code formats of the layer's promotions, each once, in the order of the first promotion (by
    /// id) that has it.</summary>
    public ClaimCodeFormat[] Formats { get; }

    /// <summary>The promotion of an id, or <see langword="null"/>.</summary>
    public Promotion? Find(PromotionId id) => _byId.GetValueOrDefault(id);

    /// <summary>The promotion that holds a normalized code exactly, or <see langword="null"/>.</summary>
    public Promotion? OwnerOf(string code) => _byCode.GetValueOrDefault(code);

    /// <summary>Gets whether some shared code of the layer folds look-alikes.</summary>
    public bool HasFoldingCodes => _byLookAlikeKey.Count > 0;

    /// <summary>The shared code that folds look-alikes whose look-alike key (<see cref="ClaimCodeFormat.LookAlikeKey"/>)
    /// this is, or <see langword="null"/>.</summary>
    public Promotion? FoldingOwnerOf(string key) => _byLookAlikeKey.GetValueOrDefault(key);

    /// <summary>How many of the layer's promotions have this claim-code format.</summary>
    public int UsesOf(ClaimCodeFormat format) => _formatUses.GetValueOrDefault(format);

    /// <summary>Adds the automatic promotions an evaluation gates (see
    /// <see cref="PromotionCatalog.AddAutomaticCandidates"/>).</summary>
    public void AddAutomaticCandidates(Cart cart, EvaluationOptions options, CandidateSet into)
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
