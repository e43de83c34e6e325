using System;
using System.Collections.Frozen;
using System.Collections.Generic;
using System.Collections.Immutable;

namespace PromoEngine;

/// <summary>The automatic promotions of a catalog, indexed so that a cart finds those that may concern it without
/// looking at the others (see <see cref="EvaluationOptions.ListEveryRejection"/> for what "concerns" means).</summary>
/// <remarks>
/// <para>Each automatic promotion sits under one key, the most specific it has: the SKUs, categories, tags, brands or
/// unit-price ranges its qualifying items are named by; else a restriction on the customer (a segment, a membership, the
/// country of a region, a channel, a first order, a range of previous orders); else, for a promotion on every
/// item whose only cart threshold is a minimum subtotal, that minimum; else the "always" list, checked for every cart.</para>
/// <para>The index is sound, not exact: a promotion it leaves out cannot concern the cart (none of its items is in the
/// cart, a restriction on the customer fails, or it needs a subtotal the cart is not near), and so would not be listed
/// by the gate either; a promotion it lists is gated as usual.</para>
/// <para>Immutable and thread-safe.</para>
/// </remarks>
internal sealed class CandidateIndex
{
    private readonly FrozenDictionary<string, Promotion[]> _bySku;
    private readonly FrozenDictionary<string, Promotion[]> _byCategory;
    private readonly FrozenDictionary<string, Promotion[]> _byTag;
    private readonly FrozenDictionary<string, Promotion[]> _byBrand;
    private readonly FrozenDictionary<Currency, Bands> _byUnitPrice;
    private readonly FrozenDictionary<string, Promotion[]> _bySegment;
    private readonly FrozenDictionary<string, Promotion[]> _byMembership;
    private readonly FrozenDictionary<string, Promotion[]> _byChannel;
    private readonly FrozenDictionary<string, Promotion[]> _byCustomerCountry;
    private readonly FrozenDictionary<string, Promotion[]> _byShippingCountry;
    private readonly Bands? _byPreviousOrders;
    private readonly Promotion[] _firstOrder;
    private readonly FrozenDictionary<Currency, (decimal[] Minimums, Promotion[] Promotions)> _byMinimumSubtotal;
    private readonly Promotion[] _always;
    private readonly Promotion[] _automatic;

    public CandidateIndex(IEnumerable<Promotion> promotions)
    {
        var bySku = new Dictionary<string, List<Promotion>>(StringComparer.Ordinal);
        var byCategory = new Dictionary<string, List<Promotion>>(StringComparer.Ordinal);
        var byTag = new Dictionary<string, List<Promotion>>(StringComparer.Ordinal);
        var byBrand = new Dictionary<string, List<Promotion>>(StringComparer.Ordinal);
        var byPrice = new Dictionary<Currency, List<(decimal? Low, decimal? High, Promotion Promotion)>>();
        var bySegment = new Dictionary<string, List<Promotion>>(StringComparer.Ordinal);
        var byMembership = new Dictionary<string, List<Promotion>>(StringComparer.Ordinal);
        var byChannel = new Dictionary<string, List<Promotion>>(StringComparer.Ordinal);
        var byCustomerCountry = new Dictionary<string, List<Promotion>>(StringComparer.Ordinal);
        var byShippingCountry = new Dictionary<string, List<Promotion>>(StringComparer.Ordinal);
        var byPreviousOrders = new List<(decimal? Low, decimal? High, Promotion Promotion)>();
        var firstOrder = new List<Promotion>();
        var byMinimum = new Dictionary<Currency, List<(decimal Minimum, Promotion Promotion)>>();
        var always = new List<Promotion>();
        var automatic = new List<Promotion>();
        var keys = new List<ItemKey>();
        foreach (var promotion in promotions)
        {
            if (promotion.Activation.Kind != ActivationKind.Automatic)
            {
                continue;
            }

            automatic.Add(promotion);
            keys.Clear();

            // Implementation note: a promotion whose discount takes items of its own (buy X get Y with another filter)
            // is not indexed by its qualifying items, as before: only its customer restrictions can rule it out.
            if (promotion.Discount.GetItems is null && ItemKeys(promotion.QualifyingItems, keys))
            {
                foreach (var key in keys)
                {
                    switch (key.Kind)
                    {
                        case "skus":
                            Add(bySku, key.Name!, promotion);
                            break;
                        case "categories":
                            Add(byCategory, key.Name!, promotion);
                            break;
                        case "tags":
                            Add(byTag, key.Name!, promotion);
                            break;
                        case "brands":
                            Add(byBrand, key.Name!, promotion);
                            break;
                        default:
                            Add(byPrice, key.Currency!.Value, (key.Low, key.High, promotion));
                            break;
                    }
                }

                continue;
            }

            if (CustomerKey(promotion) is { } restriction)
            {
                switch (restriction)
                {
                    case SegmentRestriction segments:
                        AddAll(bySegment, segments.Allowed, promotion);
                        break;
                    case MembershipRestriction members:
                        AddAll(byMembership, members.Memberships, promotion);
                        break;
                    case ChannelRestriction channels:
                        AddAll(byChannel, channels.Allowed, promotion);
                        break;
                    case RegionRestriction regions:
                        var countries = regions.Of == RegionSource.Customer ? byCustomerCountry : byShippingCountry;
                        var seen = new HashSet<string>(StringComparer.Ordinal);
                        foreach (var region in regions.Allowed)
                        {
                            if (seen.Add(region.Country))
                            {
                                Add(countries, region.Country, promotion);
                            }
                        }

                        break;
                    case FirstOrderRestriction:
                        firstOrder.Add(promotion);
                        break;
                    case OrderHistoryRestriction history:
                        byPreviousOrders.Add((history.AtLeast, history.AtMost, promotion));
                        break;
                }

                continue;
            }

            if (MinimumSubtotalKey(promotion) is { } minimum)
            {
                Add(byMinimum, minimum.Currency, (minimum.Amount, promotion));
                continue;
            }

            always.Add(promotion);
        }

        _bySku = Freeze(bySku);
        _byCategory = Freeze(byCategory);
        _byTag = Freeze(byTag);
        _byBrand = Freeze(byBrand);
        _byUnitPrice = byPrice.ToFrozenDictionary(kv => kv.Key, kv => new Bands(kv.Value));
        _bySegment = Freeze(bySegment);
        _byMembership = Freeze(byMembership);
        _byChannel = Freeze(byChannel);
        _byCustomerCountry = Freeze(byCustomerCountry);
        _byShippingCountry = Freeze(byShippingCountry);
        _byPreviousOrders = byPreviousOrders.Count == 0 ? null : new Bands(byPreviousOrders);
        _firstOrder = [.. firstOrder];
        _byMinimumSubtotal = byMinimum.ToFrozenDictionary(kv => kv.Key, kv =>
        {
            kv.Value.Sort((a, b) => a.Minimum.CompareTo(b.Minimum));
            return (kv.Value.ConvertAll(m => m.Minimum).ToArray(), kv.Value.ConvertAll(m => m.Promotion).ToArray());
        });
        _always = [.. always];
        _automatic = [.. automatic];
    }

    /// <summary>Adds every automatic promotion (for <see cref="EvaluationOptions.ListEveryRejection"/>).</summary>
    public void AddEvery(CandidateSet into) => into.AddRange(_automatic);

    /// <summary>Adds the automatic promotions that may concern a cart, without repeats: a superset of those that
    /// concern it.</summary>
    /// <param name="cart">The cart.</param>
    /// <param name="nearMissShare">The share of a minimum subtotal a cart must reach for a promotion it falls short of to
    /// concern it (<see cref="EvaluationOptions.NearMissShare"/>).</param>
    /// <param name="into">The set to add to.</param>
    public void AddCandidates(Cart cart, decimal nearMissShare, CandidateSet into)
    {
        AddAll(_always, into);
        Bands? bands = _byUnitPrice.Count > 0 ? _byUnitPrice.GetValueOrDefault(cart.Currency) : null;
        // Implementation note: which item indexes hold anything is asked once, not for every line.
        var (bySku, byCategory, byTag, byBrand) = (_bySku.Count > 0, _byCategory.Count > 0, _byTag.Count > 0, _byBrand.Count > 0);
        var lines = cart.Lines;
        for (var lineIndex = 0; lineIndex < lines.Length; lineIndex++)
        {
            var line = lines[lineIndex];
            if (bySku && _bySku.TryGetValue(line.Sku, out var forSku))
            {
                AddFound(forSku, lineIndex, into);
            }

            if (byCategory)
            {
                foreach (var category in line.Categories)
                {
                    if (_byCategory.TryGetValue(category, out var forCategory))
                    {
                        AddFound(forCategory, lineIndex, into);
                    }
                }
            }

            if (byTag)
            {
                AddEach(_byTag, line.Tags, into);
            }

            if (byBrand && line.Brand is { } brand && _byBrand.TryGetValue(brand, out var forBrand))
            {
                AddAll(forBrand, into);
            }

            bands?.AddMatching(line.UnitPrice.Amount, into);
        }

        var customer = cart.Customer;
        AddFrom(_bySegment, customer.Segments, into);
        AddFrom(_byMembership, customer.Memberships, into);
        if (cart.Channel is { } channel)
        {
            AddFrom(_byChannel, channel, into);
        }

        if (customer.Region is { } region)
        {
            AddFrom(_byCustomerCountry, region.Country, into);
        }

        if (cart.ShippingRegion is { } shipping)
        {
            AddFrom(_byShippingCountry, shipping.Country, into);
        }

        if (customer.IsFirstOrder)
        {
            AddAll(_firstOrder, into);
        }

        if (customer.PreviousOrders is { } previous)
        {
            _byPreviousOrders?.AddMatching(previous, into);
        }

        if (_byMinimumSubtotal.Count > 0 && _byMinimumSubtotal.TryGetValue(cart.Currency, out var minimums))
        {
            // Those whose minimum the cart reaches, or reaches NearMissShare of: the thresholds are sorted.
            for (var i = 0; i < minimums.Minimums.Length && minimums.Minimums[i] * nearMissShare <= cart.Subtotal.Amount; i++)
            {
                into.Add(minimums.Promotions[i]);
            }
        }
    }

    /// <summary>The keys a cart line must hit for an item filter to let it through: false when there are none to give
    /// (every item, a negation).</summary>
    private static bool ItemKeys(ItemFilter filter, List<ItemKey> keys)
    {
        var (kind, names, filters) = filter.Shape();
        switch (kind)
        {
            case "skus" or "categories" or "tags" or "brands":
                foreach (var name in names)
                {
                    keys.Add(new ItemKey(kind, name, null, null, null));
                }

                return true;
            case "unitPrice":
                var (low, high) = filter.PriceBounds!.Value;
                keys.Add(new ItemKey(kind, null, low?.Amount, high?.Amount, filter.AmountCurrency));
                return true;
            case "anyOf":
                // Passing any filter means passing one of them: the union of their keys, when each has keys.
                foreach (var inner in filters)
                {
                    if (!ItemKeys(inner, keys))
                    {
                        return false;
                    }
                }

                return true;
            case "allOf":
                // Passing all filters means passing each: the keys of the one with the fewest are sound.
                List<ItemKey>? fewest = null;
                foreach (var inner in filters)
                {
                    var own = new List<ItemKey>();
                    if (ItemKeys(inner, own) && (fewest is null || own.Count < fewest.Count))
                    {
                        fewest = own;
                    }
                }

                if (fewest is null)
                {
                    return false;
                }

                keys.AddRange(fewest);
                return true;
            default:
                return false;
        }
    }

    /// <summary>The restriction on the customer a promotion is indexed under: a segment, membership or channel list, the
    /// allowed regions (not a list of exclusions alone), a first order, or a range of previous orders.</summary>
    private static Restriction? CustomerKey(Promotion promotion)
    {
        foreach (var restriction in promotion.Restrictions)
        {
            switch (restriction)
            {
                case SegmentRestriction or MembershipRestriction or ChannelRestriction or FirstOrderRestriction:
                case RegionRestriction { Allowed.IsEmpty: false }:
                case OrderHistoryRestriction { AtLeast: not null } or OrderHistoryRestriction { AtMost: not null }:
                    return restriction;
            }
        }

        return null;
    }

    /// <summary>The minimum subtotal a promotion on every item is indexed under: only when that minimum (measured before
    /// discounts) is its one threshold on the cart and nothing else could make it concern a cart below the minimum (no
    /// usage limit, no shipping-method restriction).</summary>
    private static Money? MinimumSubtotalKey(Promotion promotion)
    {
        if (!promotion.QualifyingItems.IsAll || promotion.Discount.GetItems is not null || promotion.LedgerLimits.NeedsUsage)
        {
            return null;
        }

        Money? minimum = null;
        foreach (var restriction in promotion.Restrictions)
        {
            switch (restriction)
            {
                case MinimumSubtotalRestriction { MeasuredAfterHigherLanes: false } subtotal when minimum is null:
                    minimum = subtotal.Amount;
                    break;
                case SegmentRestriction or MembershipRestriction or ChannelRestriction or FirstOrderRestriction
                    or RegionRestriction or OrderHistoryRestriction:
                    break;
                default:
                    return null;
            }
        }

        return minimum;
    }

    /// <summary>Adds each promotion of an array (as <c>UnionWith</c> would, without boxing an enumerator: this runs for
    /// every cart line of every evaluation).</summary>
    /// <summary>Adds the promotions a line's SKU or category found, and the line to those found by one name (the line
    /// is one of their qualifying lines: see <see cref="CandidateSet.Found"/>).</summary>
    private static void AddFound(Promotion[] promotions, int lineIndex, CandidateSet into)
    {
        foreach (var promotion in promotions)
        {
            into.Add(promotion, promotion.FoundByOneItemName ? lineIndex : -1);
        }
    }

    private static void AddAll(Promotion[] promotions, CandidateSet into)
    {
        into.Reserve(promotions.Length);
        foreach (var promotion in promotions)
        {
            into.Add(promotion);
        }
    }

    private static void AddFrom<TKey>(FrozenDictionary<TKey, Promotion[]> index, TKey key, CandidateSet into)
        where TKey : notnull
    {
        if (index.Count > 0 && index.TryGetValue(key, out var found))
        {
            AddAll(found, into);
        }
    }

    private static void AddFrom(FrozenDictionary<string, Promotion[]> index, ImmutableArray<string> keys, CandidateSet into)
    {
        if (index.Count > 0)
        {
            AddEach(index, keys, into);
        }
    }

    /// <summary>Adds the promotions indexed under each key.</summary>
    private static void AddEach(FrozenDictionary<string, Promotion[]> index, ImmutableArray<string> keys, CandidateSet into)
    {
        foreach (var key in keys)
        {
            if (index.TryGetValue(key, out var found))
            {
                AddAll(found, into);
            }
        }
    }

    private static FrozenDictionary<string, Promotion[]> Freeze(Dictionary<string, List<Promotion>> index) =>
        index.ToFrozenDictionary(kv => kv.Key, kv => kv.Value.ToArray(), StringComparer.Ordinal);

    private static void Add<TKey, TValue>(Dictionary<TKey, List<TValue>> index, TKey key, TValue value)
        where TKey : notnull
    {
        if (!index.TryGetValue(key, out var list))
        {
            index[key] = list = [];
        }

        list.Add(value);
    }

    private static void AddAll(Dictionary<string, List<Promotion>> index, ImmutableArray<string> keys, Promotion promotion)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var key in keys)
        {
            if (seen.Add(key))
            {
                Add(index, key, promotion);
            }
        }
    }

    /// <summary>A key of an item filter: a name of a kind (<c>skus</c>, <c>categories</c>, <c>tags</c>, <c>brands</c>),
    /// or a unit-price range in a currency.</summary>
    private readonly record struct ItemKey(string Kind, string? Name, decimal? Low, decimal? High, Currency? Currency);

    /// <summary>Ranges (unit prices of one currency, or numbers of previous orders), inclusive, either bound open: sorted by
    /// lower bound and by upper bound, so the promotions whose range holds a value are found by scanning the smaller of
    /// "low at most the value" and "high at least the value".</summary>
    private sealed class Bands
    {
        private readonly decimal[] _lows; // ascending; an open lower bound is decimal.MinValue
        private readonly (decimal High, Promotion Promotion)[] _byLow;
        private readonly decimal[] _highs; // ascending; an open upper bound is decimal.MaxValue
        private readonly (decimal Low, Promotion Promotion)[] _byHigh;

        // The bounds as whole numbers of ten-thousandths (open: long.MinValue and long.MaxValue), when every bound is one:
        // a catalog of 100,000 bands is searched for each line of a cart, and whole numbers compare faster than decimals
        // and take half the memory.
        private readonly long[]? _lowKeys;
        private readonly long[]? _highKeys;

        public Bands(List<(decimal? Low, decimal? High, Promotion Promotion)> ranges)
        {
            var byLow = ranges.ConvertAll(r => (Low: r.Low ?? decimal.MinValue, High: r.High ?? decimal.MaxValue, r.Promotion));
            byLow.Sort((a, b) => a.Low.CompareTo(b.Low));
            _lows = byLow.ConvertAll(r => r.Low).ToArray();
            _byLow = byLow.ConvertAll(r => (r.High, r.Promotion)).ToArray();
            var byHigh = new List<(decimal Low, decimal High, Promotion Promotion)>(byLow);
            byHigh.Sort((a, b) => a.High.CompareTo(b.High));
            _highs = byHigh.ConvertAll(r => r.High).ToArray();
            _byHigh = byHigh.ConvertAll(r => (r.Low, r.Promotion)).ToArray();
            if (Keys(_lows) is { } lowKeys && Keys(_highs) is { } highKeys)
            {
                (_lowKeys, _highKeys) = (lowKeys, highKeys);
            }
        }

        public void AddMatching(decimal value, CandidateSet into)
        {
            // Ranges [0, lowAtMost) start at or below the value, ranges [highAtLeast, n) end at or above it; compared as
            // whole numbers when the value and every bound are whole ten-thousandths (the order is the same).
            int lowAtMost, highAtLeast;
            if (_lowKeys is not null && TryKey(value, out var key))
            {
                (lowAtMost, highAtLeast) = (UpperBound(_lowKeys, key), LowerBound(_highKeys!, key));
            }
            else
            {
                (lowAtMost, highAtLeast) = (UpperBound(_lows, value), LowerBound(_highs, value));
            }

            if (lowAtMost <= _highs.Length - highAtLeast)
            {
                for (var i = 0; i < lowAtMost; i++)
                {
                    if (_byLow[i].High >= value)
                    {
                        into.Add(_byLow[i].Promotion);
                    }
                }
            }
            else
            {
                for (var i = highAtLeast; i < _highs.Length; i++)
                {
                    if (_byHigh[i].Low <= value)
                    {
                        into.Add(_byHigh[i].Promotion);
                    }
                }
            }
        }

        /// <summary>The bounds as keys (see <see cref="TryKey"/>; the open ones at the ends of long), or
        /// <see langword="null"/> when one is not whole ten-thousandths.</summary>
        private static long[]? Keys(decimal[] bounds)
        {
            var keys = new long[bounds.Length];
            for (var i = 0; i < bounds.Length; i++)
            {
                if (bounds[i] == decimal.MinValue)
                {
                    keys[i] = long.MinValue;
                }
                else if (bounds[i] == decimal.MaxValue)
                {
                    keys[i] = long.MaxValue;
                }
                else if (!TryKey(bounds[i], out keys[i]))
                {
                    return null;
                }
            }

            return keys;
        }

        /// <summary>A value as whole ten-thousandths, strictly between long's ends (kept for the open bounds); false when
        /// it has more places or is too large.</summary>
        private static bool TryKey(decimal value, out long key)
        {
            key = 0;
            if (value <= -KeyLimit || value >= KeyLimit)
            {
                return false;
            }

            var scaled = value * 10_000m;
            if (decimal.Truncate(scaled) != scaled)
            {
                return false;
            }

            key = (long)scaled;
            return true;
        }

        /// <summary>The largest magnitude a key stands for (far below long's ends once scaled).</summary>
        private const decimal KeyLimit = 100_000_000_000_000m;

        /// <summary>The number of values at most <paramref name="value"/>.</summary>
        private static int UpperBound<T>(T[] sorted, T value)
            where T : System.Numerics.IComparisonOperators<T, T, bool>
        {
            int lo = 0, hi = sorted.Length;
            while (lo < hi)
            {
                var mid = (lo + hi) >>> 1;
                if (sorted[mid] <= value)
                {
                    lo = mid + 1;
                }
                else
                {
                    hi = mid;
                }
            }

            return lo;
        }

        /// <summary>The number of values below <paramref name="value"/>.</summary>
        private static int LowerBound<T>(T[] sorted, T value)
            where T : System.Numerics.IComparisonOperators<T, T, bool>
        {
            int lo = 0, hi = sorted.Length;
            while (lo < hi)
            {
                var mid = (lo + hi) >>> 1;
                if (sorted[mid] < value)
                {
                    lo = mid + 1;
                }
                else
                {
                    hi = mid;
                }
            }

            return lo;
        }
    }
}
