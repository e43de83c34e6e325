using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Runtime.InteropServices;
using PromoEngine.Internal;

namespace PromoEngine;

/// <summary>A set of promotions compiled once for evaluation: checked, and indexed by normalized code and, for automatic
/// promotions, by what they target: the SKUs, categories, tags, brands and unit prices of their items, the segments,
/// memberships, regions, channels and order history of the customer, and minimum subtotals.</summary>
/// <remarks>
/// <para>Immutable and thread-safe: build it once and share it across requests.</para>
/// <para>A catalog changes into a new one: <see cref="With"/> adds or replaces promotions, <see cref="Without"/> removes
/// them, <see cref="WithStatus"/> pauses, resumes or cancels one. The new catalog shares the indexes of the old one and
/// indexes only what changed since the last full build; every few changes (when what changed since outgrows four times
/// the square root of the promotions built in full, and at least 64) it builds itself in full again. So one change of
/// a catalog of 100,000 costs what indexing the few promotions changed lately costs, not a rebuild. Either way it
/// evaluates every cart exactly as <see cref="Create"/> of the same promotions would.</para>
/// </remarks>
public sealed class PromotionCatalog
{
    private readonly CatalogLayer _base;
    private readonly CatalogLayer? _recent; // promotions added or replaced since _base was built
    private readonly HashSet<PromotionId>? _hidden; // ids of _base's promotions removed or replaced since
    private readonly HashSet<Promotion>? _hiddenPromotions; // the same promotions of _base, by reference
    private readonly Predicate<Promotion>? _isHidden;
    private readonly ClaimCodeFormat[] _foldingFormats;
    private readonly ClaimCodeFormat[] _checkedFormats;
    private Promotion[]? _promotions; // made when first asked for

    private PromotionCatalog(CatalogLayer built, CatalogLayer? recent = null, HashSet<PromotionId>? hidden = null)
    {
        _base = built;
        _recent = recent;
        if (hidden is { Count: > 0 })
        {
            _hidden = hidden;
            _hiddenPromotions = new HashSet<Promotion>(ReferenceEqualityComparer.Instance);
            foreach (var id in hidden)
            {
                _hiddenPromotions.Add(built.Find(id)!);
            }

            var set = _hiddenPromotions;
            _isHidden = set.Contains;
        }

        Count = built.Promotions.Length - (_hidden?.Count ?? 0) + (recent?.Promotions.Length ?? 0);
        var formats = VisibleFormats();
        _foldingFormats = [.. formats.Where(f => f.FoldsLookAlikes)];
        _checkedFormats = [.. formats.Where(f => f.HasCheckCharacter)];
        if (_hidden is null && recent is null)
        {
            _promotions = ImmutableCollectionsMarshal.AsArray(built.Promotions);
        }
    }

    /// <summary>Gets the promotions, sorted by id.</summary>
    /// <value>Possibly empty. After a change (<see cref="With"/>, <see cref="Without"/>), the first read merges what
    /// changed into one sorted array (proportional to the catalog); later reads return it.</value>
    public ImmutableArray<Promotion> Promotions => ImmutableCollectionsMarshal.AsImmutableArray(_promotions ??= Merged());

    /// <summary>Gets how many promotions the catalog holds.</summary>
    /// <value>Zero or more; at most <see cref="MaxPromotions"/>.</value>
    public int Count { get; }

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
                errors.Add(SameId(index, promotion, first));
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
                    errors.Add(SameCode(index, code, owner));
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
        return new PromotionCatalog(new CatalogLayer([.. list], codes, byLookAlikeKey));
    }

    /// <summary>A catalog with these promotions added, each replacing the promotion of its id if there is one; this
    /// catalog is left as it is.</summary>
    /// <param name="promotions">The new or changed promotions; ids must be unique among them. No code may belong to
    /// another promotion of the catalog (one they replace gives its codes up) or of <paramref name="promotions"/>, nor
    /// read as a shared code that folds look-alikes, as <see cref="Create"/> says.</param>
    /// <returns>The new catalog (this one when <paramref name="promotions"/> is empty).</returns>
    /// <remarks>Costs what indexing the promotions changed since the last full build costs; a change that adds a shared
    /// code folding look-alikes also reads every code of the catalog, to find one that would read as it.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="promotions"/> is null or holds a null promotion.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The catalog would hold more than <see cref="MaxPromotions"/>
    /// promotions.</exception>
    /// <exception cref="PromotionDefinitionException">Ids or codes collide; every collision is listed, by the
    /// position in <paramref name="promotions"/>.</exception>
    public PromotionCatalog With(IEnumerable<Promotion> promotions)
    {
        Guard.NotNull(promotions);
        var changes = new List<Promotion>();
        var positions = new Dictionary<PromotionId, int>();
        var errors = new List<string>();
        var added = 0;
        foreach (var promotion in promotions)
        {
            Guard.NotNull(promotion, nameof(promotions));
            if (positions.TryGetValue(promotion.Id, out var first))
            {
                errors.Add(SameId(changes.Count, promotion, first));
            }
            else
            {
                positions.Add(promotion.Id, changes.Count);
                if (Find(promotion.Id) is null && ++added + Count > MaxPromotions)
                {
                    throw TooMany(added + Count);
                }
            }

            changes.Add(promotion);
        }

        if (changes.Count == 0)
        {
            return this;
        }

        CheckCodes(changes, positions, errors);
        if (errors.Count > 0)
        {
            throw new PromotionDefinitionException("catalog", [.. errors]);
        }

        var recent = RecentById();
        var hidden = _hidden is null ? [] : new HashSet<PromotionId>(_hidden);
        foreach (var promotion in changes)
        {
            recent[promotion.Id] = promotion;
            if (_base.Find(promotion.Id) is not null)
            {
                hidden.Add(promotion.Id);
            }
        }

        return Changed(recent, hidden);
    }

    /// <summary>A catalog without the promotions of these ids; this catalog is left as it is.</summary>
    /// <param name="ids">The ids; one the catalog does not hold is passed over.</param>
    /// <returns>The new catalog (this one when it holds none of <paramref name="ids"/>).</returns>
    /// <remarks>Costs what indexing the promotions changed since the last full build costs.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="ids"/> is null.</exception>
    public PromotionCatalog Without(IEnumerable<PromotionId> ids)
    {
        Guard.NotNull(ids);
        Dictionary<PromotionId, Promotion>? recent = null;
        HashSet<PromotionId>? hidden = null;
        foreach (var id in ids)
        {
            if (Find(id) is null)
            {
                continue;
            }

            recent ??= RecentById();
            hidden ??= _hidden is null ? [] : new HashSet<PromotionId>(_hidden);
            recent.Remove(id);
            if (_base.Find(id) is not null)
            {
                hidden.Add(id);
            }
        }

        return recent is null ? this : Changed(recent, hidden!);
    }

    /// <summary>A catalog in which one promotion has another status (<see cref="PromotionStatus.Paused"/> to pause it,
    /// <see cref="PromotionStatus.Active"/> to resume it, <see cref="PromotionStatus.Cancelled"/> to cancel it); this
    /// catalog is left as it is.</summary>
    /// <param name="id">The promotion's id.</param>
    /// <param name="status">The status.</param>
    /// <returns>The new catalog (this one when the promotion already has that status).</returns>
    /// <exception cref="KeyNotFoundException">The catalog holds no promotion of that id.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="status"/> is not a defined value.</exception>
    public PromotionCatalog WithStatus(PromotionId id, PromotionStatus status)
    {
        var promotion = Find(id) ?? throw new KeyNotFoundException(string.Create(CultureInfo.InvariantCulture, $"The catalog holds no promotion '{id}'."));
        var changed = promotion.WithStatus(status);
        return ReferenceEquals(changed, promotion) ? this : With([changed]);
    }

    // The collisions a catalog refuses, said alike by Create and by a change (by position in what was given).
    private const string LookAlikes = "0/O/Q, 1/I/L, 2/Z, 5/S, 8/B";

    private static string SameId(int index, Promotion promotion, int first) =>
        string.Create(CultureInfo.InvariantCulture, $"promotions[{index}].id: '{promotion.Id}' is also the id of promotions[{first}].");

    private static string SameCode(int index, string code, Promotion owner) =>
        string.Create(CultureInfo.InvariantCulture, $"promotions[{index}].codes: '{code}' is also a code of '{owner.Id}'.");

    private static string ReadsAsFolding(int index, string code, Promotion folding) =>
        string.Create(CultureInfo.InvariantCulture,
            $"promotions[{index}].codes: '{code}' reads as '{folding.Activation.Codes[0]}' of '{folding.Id}', which folds look-alikes ({LookAlikes}).");

    private static string FoldsAKeptCode(int index, Promotion folding, string code, Promotion kept) =>
        string.Create(CultureInfo.InvariantCulture,
            $"promotions[{index}].codes: '{folding.Activation.Codes[0]}' folds look-alikes ({LookAlikes}), and '{code}' of '{kept.Id}' reads as it.");

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
                    errors.Add(ReadsAsFolding(index, code, folding));
                }
            }
        }

        return byKey;
    }

    /// <summary>The checks of <see cref="Create"/> for promotions that join this catalog: their codes against each other
    /// and against the codes of the promotions they do not replace.</summary>
    private void CheckCodes(List<Promotion> changes, Dictionary<PromotionId, int> positions, List<string> errors)
    {
        var codes = new Dictionary<string, Promotion>(StringComparer.Ordinal);
        var folding = new Dictionary<string, Promotion>(StringComparer.Ordinal);
        var newFolding = false;
        foreach (var promotion in changes)
        {
            if (promotion.Activation is { Kind: ActivationKind.SharedCode, FoldsLookAlikes: true } activation)
            {
                folding.TryAdd(ClaimCodeFormat.LookAlikeKey(activation.Codes[0]), promotion);
                newFolding = true;
            }
        }

        for (var index = 0; index < changes.Count; index++)
        {
            var promotion = changes[index];
            foreach (var code in promotion.Activation.Codes)
            {
                var owner = codes.TryGetValue(code, out var changed) ? changed : Staying(OwnerOf(code), positions);
                if (owner is not null && owner.Id != promotion.Id)
                {
                    errors.Add(SameCode(index, code, owner));
                    continue;
                }

                codes[code] = promotion;
                var key = ClaimCodeFormat.LookAlikeKey(code);
                var folds = folding.GetValueOrDefault(key) ?? Staying(FoldingOwnerOf(key), positions);
                if (folds is not null && folds.Id != promotion.Id)
                {
                    errors.Add(ReadsAsFolding(index, code, folds));
                }
            }
        }

        if (!newFolding)
        {
            return;
        }

        // A new shared code that folds look-alikes must not read as a code the catalog keeps: every code is keyed once.
        foreach (var kept in Visible())
        {
            if (positions.ContainsKey(kept.Id))
            {
                continue;
            }

            foreach (var code in kept.Activation.Codes)
            {
                if (folding.TryGetValue(ClaimCodeFormat.LookAlikeKey(code), out var folds))
                {
                    errors.Add(FoldsAKeptCode(positions[folds.Id], folds, code, kept));
                }
            }
        }
    }

    /// <summary>A promotion of this catalog unless the change replaces it.</summary>
    private static Promotion? Staying(Promotion? promotion, Dictionary<PromotionId, int> positions) =>
        promotion is not null && !positions.ContainsKey(promotion.Id) ? promotion : null;

    /// <summary>The promotions of the recent layer by id, to change.</summary>
    private Dictionary<PromotionId, Promotion> RecentById()
    {
        var recent = new Dictionary<PromotionId, Promotion>();
        if (_recent is not null)
        {
            foreach (var promotion in _recent.Promotions)
            {
                recent.Add(promotion.Id, promotion);
            }
        }

        return recent;
    }

    /// <summary>The catalog of the base layer less <paramref name="hidden"/> plus <paramref name="recent"/>: a new recent
    /// layer, or a full build when what changed since the last one has outgrown its share.</summary>
    private PromotionCatalog Changed(Dictionary<PromotionId, Promotion> recent, HashSet<PromotionId> hidden)
    {
        var sorted = recent.Values.ToArray();
        Array.Sort(sorted, (a, b) => a.Id.CompareTo(b.Id));
        var layer = sorted.Length == 0 ? null : CatalogLayer.Of(ImmutableCollectionsMarshal.AsImmutableArray(sorted));
        var changed = new PromotionCatalog(_base, layer, hidden);
        if (sorted.Length + hidden.Count <= ChangeShare(_base.Promotions.Length))
        {
            return changed;
        }

        return new PromotionCatalog(CatalogLayer.Of(changed.Promotions));
    }

    /// <summary>How much may change (promotions added, replaced or removed) before a catalog is built in full again:
    /// four times the square root of the promotions built in full, at least 64. Each change then indexes at most that
    /// many promotions, and a full build comes once every that many changes or more.</summary>
    internal static int ChangeShare(int built) => Math.Max(64, 4 * (int)Math.Sqrt(built));

    /// <summary>The catalog's promotions, in no order: the base layer's that stay, then the recent layer's.</summary>
    private IEnumerable<Promotion> Visible()
    {
        foreach (var promotion in _base.Promotions)
        {
            if (_hidden is null || !_hidden.Contains(promotion.Id))
            {
                yield return promotion;
            }
        }

        if (_recent is not null)
        {
            foreach (var promotion in _recent.Promotions)
            {
                yield return promotion;
            }
        }
    }

    /// <summary>The promotions sorted by id: the base layer's that stay merged with the recent layer's.</summary>
    private Promotion[] Merged()
    {
        var merged = new Promotion[Count];
        var recent = _recent?.Promotions ?? [];
        var (b, r, m) = (0, 0, 0);
        var built = _base.Promotions;
        while (b < built.Length || r < recent.Length)
        {
            if (b < built.Length && _hidden?.Contains(built[b].Id) == true)
            {
                b++;
            }
            else if (r == recent.Length || (b < built.Length && built[b].Id.CompareTo(recent[r].Id) < 0))
            {
                merged[m++] = built[b++];
            }
            else
            {
                merged[m++] = recent[r++];
            }
        }

        return merged;
    }

    /// <summary>The claim-code formats of the promotions the catalog holds, each once: the base layer's that some
    /// promotion that stays still has, then the recent layer's others.</summary>
    private List<ClaimCodeFormat> VisibleFormats()
    {
        if (_hidden is null && _recent is null)
        {
            return [.. _base.Formats];
        }

        var formats = new HashSet<ClaimCodeFormat>(ReferenceEqualityComparer.Instance);
        var ordered = new List<ClaimCodeFormat>();
        if (_base.Formats.Length > 0)
        {
            // Implementation note: a base format whose every promotion is hidden is passed over; what the hidden
            // promotions held is counted against what the layer holds, so this reads the hidden ones only.
            var hiddenUses = new Dictionary<ClaimCodeFormat, int>(ReferenceEqualityComparer.Instance);
            foreach (var promotion in _hiddenPromotions ?? [])
            {
                if (promotion.Activation.Format is { } format)
                {
                    hiddenUses[format] = hiddenUses.GetValueOrDefault(format) + 1;
                }
            }

            foreach (var format in _base.Formats)
            {
                if (!hiddenUses.TryGetValue(format, out var hiddenCount) || _base.UsesOf(format) > hiddenCount)
                {
                    formats.Add(format);
                    ordered.Add(format);
                }
            }
        }

        foreach (var format in _recent?.Formats ?? [])
        {
            if (formats.Add(format))
            {
                ordered.Add(format);
            }
        }

        return ordered;
    }

    /// <summary>Finds a promotion by id.</summary>
    /// <param name="id">The id.</param>
    /// <returns>The promotion, or <see langword="null"/>.</returns>
    public Promotion? Find(PromotionId id) =>
        _recent?.Find(id) ?? (_hidden?.Contains(id) == true ? null : _base.Find(id));

    /// <summary>Finds the promotion a code activates.</summary>
    /// <param name="code">The code in any form, as a shopper typed it; it is normalized (and read with look-alikes
    /// folded where the promotion says so).</param>
    /// <returns>The promotion, or <see langword="null"/> when no promotion has the code or the code is malformed. When
    /// two claim-code formats fold the code to codes of two promotions, the one with the smaller id.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="code"/> is <see langword="null"/>.</exception>
    public Promotion? FindByCode(string code) =>
        PromotionCode.TryNormalize(Guard.NotNull(code), out var normalized, out _) ? Resolve(normalized)?.Promotion : null;

    /// <summary>The promotion of a normalized code and the code as the promotion holds it (its own form when it is a
    /// shared code that folds look-alikes, folded when its claim-code format folds them): the one form used for
    /// limits and redemption records. A code that claim-code formats fold to codes of two promotions is the smaller
    /// id's.</summary>
    internal (Promotion Promotion, string Code)? Resolve(string normalized)
    {
        if (OwnerOf(normalized) is { } promotion)
        {
            return (promotion, normalized);
        }

        if ((_base.HasFoldingCodes || _recent?.HasFoldingCodes == true) && FoldingOwnerOf(ClaimCodeFormat.LookAlikeKey(normalized)) is { } folding)
        {
            return (folding, folding.Activation.Codes[0]);
        }

        // Two claim-code formats may fold one typed code to codes of two promotions: the smaller id wins, so the answer
        // does not hang on the order of the formats (a full build lists them by promotion, a changed catalog by layer).
        (Promotion Promotion, string Code)? found = null;
        foreach (var format in _foldingFormats)
        {
            var folded = format.Fold(normalized);
            if (OwnerOf(folded) is { } owner && ReferenceEquals(owner.Activation.Format, format)
                && (found is not { } earlier || owner.Id.CompareTo(earlier.Promotion.Id) < 0))
            {
                found = (owner, folded);
            }
        }

        return found;
    }

    /// <summary>The promotion that holds a normalized code exactly, or <see langword="null"/>.</summary>
    private Promotion? OwnerOf(string code) => _recent?.OwnerOf(code) ?? Shown(_base.OwnerOf(code));

    /// <summary>The shared code that folds look-alikes whose look-alike key this is, or <see langword="null"/>.</summary>
    private Promotion? FoldingOwnerOf(string key) => _recent?.FoldingOwnerOf(key) ?? Shown(_base.FoldingOwnerOf(key));

    /// <summary>A promotion of the base layer unless it was removed or replaced since.</summary>
    private Promotion? Shown(Promotion? promotion) => promotion is not null && _hidden?.Contains(promotion.Id) == true ? null : promotion;

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
    internal void AddAutomaticCandidates(Cart cart, EvaluationOptions options, CandidateSet into)
    {
        _base.AddAutomaticCandidates(cart, options, into);
        if (_hiddenPromotions is not null)
        {
            // Whichever is smaller is walked: the candidates, or what was removed or replaced since the last full build.
            if (into.Count <= _hiddenPromotions.Count)
            {
                into.RemoveWhere(_isHidden!);
            }
            else
            {
                into.ExceptWith(_hiddenPromotions);
            }
        }

        _recent?.AddAutomaticCandidates(cart, options, into);
    }
}
