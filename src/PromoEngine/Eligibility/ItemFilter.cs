using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using PromoEngine.Internal;

namespace PromoEngine;

/// <summary>Which cart items a promotion targets: all of them, some SKUs, categories, tags or brands, items by unit price,
/// or a combination.</summary>
/// <remarks>Immutable and thread-safe. Names compare ordinally. Build filters with the static factories. Filters nest
/// at most <see cref="MaxDepth"/> deep, so every walk over one is bounded and every filter the API accepts is written
/// and read back as JSON.</remarks>
public abstract partial class ItemFilter
{
    /// <summary>How deep filters may nest: a leaf (SKUs, categories, all items...) is depth 1, and each
    /// <see cref="AnyOf"/>, <see cref="AllOf"/> or <see cref="Not"/> around filters adds one.</summary>
    public const int MaxDepth = 16;

    private protected ItemFilter(int depth = 1, Currency? amountCurrency = null)
    {
        Depth = depth;
        AmountCurrency = amountCurrency;
    }

    /// <summary>How deep this filter nests: 1 for a leaf.</summary>
    internal int Depth { get; }

    /// <summary>The currency of the amounts the filter names (unit prices), or null when it names none: a promotion
    /// whose filter names amounts applies only to carts in their currency.</summary>
    internal Currency? AmountCurrency { get; }

    /// <summary>The bounds of a unit-price filter (see <see cref="UnitPriceBetween"/>); null for every other kind.</summary>
    internal virtual (Money? AtLeast, Money? AtMost)? PriceBounds => null;

    /// <summary>Gets the filter that every item passes.</summary>
    /// <value>All items.</value>
    public static ItemFilter All { get; } = new AllItems();

    /// <summary>Items whose SKU is one of these.</summary>
    /// <param name="skus">The SKUs; at least one.</param>
    /// <returns>The filter.</returns>
    /// <exception cref="ArgumentException">There is no SKU, or one is malformed.</exception>
    public static ItemFilter Skus(params IEnumerable<string> skus) => new SkuFilter(Text.NonEmptyIdentifiers(skus, nameof(skus)));

    /// <summary>Items in at least one of these categories.</summary>
    /// <param name="categories">The categories; at least one.</param>
    /// <returns>The filter.</returns>
    /// <exception cref="ArgumentException">There is no category, or one is malformed.</exception>
    public static ItemFilter Categories(params IEnumerable<string> categories) => new CategoryFilter(Text.NonEmptyIdentifiers(categories, nameof(categories)));

    /// <summary>Items with at least one of these tags.</summary>
    /// <param name="tags">The tags; at least one.</param>
    /// <returns>The filter.</returns>
    /// <exception cref="ArgumentException">There is no tag, or one is malformed.</exception>
    public static ItemFilter Tags(params IEnumerable<string> tags) => new TagFilter(Text.NonEmptyIdentifiers(tags, nameof(tags)));

    /// <summary>Items of one of these brands.</summary>
    /// <param name="brands">The brands; at least one.</param>
    /// <returns>The filter.</returns>
    /// <exception cref="ArgumentException">There is no brand, or one is malformed.</exception>
    public static ItemFilter Brands(params IEnumerable<string> brands) => new BrandFilter(Text.NonEmptyIdentifiers(brands, nameof(brands)));

    /// <summary>Items that pass at least one of these filters.</summary>
    /// <param name="filters">The filters; at least one.</param>
    /// <returns>The filter.</returns>
    /// <exception cref="ArgumentException">There is no filter, the result would nest deeper than
    /// <see cref="MaxDepth"/>, or the filters name amounts in two currencies.</exception>
    public static ItemFilter AnyOf(params IEnumerable<ItemFilter> filters)
    {
        var inner = NonEmptyFilters(filters, nameof(filters));
        return new AnyOfFilter(inner, DepthAround(inner, nameof(filters)), CurrencyAround(inner, nameof(filters)));
    }

    /// <summary>Items that pass every one of these filters.</summary>
    /// <param name="filters">The filters; at least one.</param>
    /// <returns>The filter.</returns>
    /// <exception cref="ArgumentException">There is no filter, the result would nest deeper than
    /// <see cref="MaxDepth"/>, or the filters name amounts in two currencies.</exception>
    public static ItemFilter AllOf(params IEnumerable<ItemFilter> filters)
    {
        var inner = NonEmptyFilters(filters, nameof(filters));
        return new AllOfFilter(inner, DepthAround(inner, nameof(filters)), CurrencyAround(inner, nameof(filters)));
    }

    /// <summary>Items that do not pass a filter (to exclude, say, gift cards).</summary>
    /// <param name="filter">The filter to invert.</param>
    /// <returns>The filter.</returns>
    /// <exception cref="ArgumentException">The result would nest deeper than <see cref="MaxDepth"/>.</exception>
    public static ItemFilter Not(ItemFilter filter) => new NotFilter(Guard.NotNull(filter), DepthAround([filter], nameof(filter)), filter.AmountCurrency);

    /// <summary>Tells whether a cart line passes the filter.</summary>
    /// <param name="line">The line.</param>
    /// <returns><see langword="true"/> when the line's item qualifies.</returns>
    public bool Matches(CartLine line) => IsMatch(Guard.NotNull(line));

    private protected abstract bool IsMatch(CartLine line);

    /// <summary>The lines this filter lets through, of those named in <paramref name="order"/>, written in that order.</summary>
    /// <param name="lines">The cart's lines.</param>
    /// <param name="order">The indices of the lines to try, in the order wanted.</param>
    /// <param name="found">Where the indices that pass go; at least as long as <paramref name="order"/>.</param>
    /// <returns>How many passed.</returns>
    /// <remarks>Implementation note: one call per filter and cart, so the leaves most promotions use (one SKU, one
    /// category) compare in a tight loop instead of a virtual call per line.</remarks>
    internal virtual int MatchLines(ReadOnlySpan<CartLine> lines, ReadOnlySpan<int> order, Span<int> found)
    {
        var count = 0;
        foreach (var lineIndex in order)
        {
            if (IsMatch(lines[lineIndex]))
            {
                found[count++] = lineIndex;
            }
        }

        return count;
    }

    /// <summary>The SKUs and categories that can make a line pass, or null when any line might (no index possible).</summary>
    internal abstract (ImmutableArray<string> Skus, ImmutableArray<string> Categories)? IndexKeys();

    /// <summary>Whether no item can ever pass: a negation of all items, or every-of filters whose SKU lists share
    /// nothing. Conservative: false unless provable.</summary>
    internal virtual bool CanNeverMatch() => false;

    /// <summary>Whether the filter names one SKU or one category and nothing else: it lets a line through exactly when the
    /// line's SKU is that one, or one of its categories is (ordinal), as the catalog's index finds it.</summary>
    internal virtual bool IsOneName => false;

    /// <summary>The filter's kind, its names (SKUs, categories, tags, brands) and its inner filters: what a serializer
    /// needs to write it.</summary>
    internal abstract (string Kind, ImmutableArray<string> Names, ImmutableArray<ItemFilter> Filters) Shape();

    /// <summary>Whether this filter lets every item through.</summary>
    internal bool IsAll => ReferenceEquals(this, All);


    private static ImmutableArray<ItemFilter> NonEmptyFilters(IEnumerable<ItemFilter> filters, string name)
    {
        var result = Guard.NotNull(filters, name).Select(f => Guard.NotNull(f, name)).ToImmutableArray();
        return result.IsEmpty ? throw new ArgumentException("At least one filter is required.", name) : result;
    }

    private static int DepthAround(ImmutableArray<ItemFilter> inner, string name)
    {
        var depth = 1;
        foreach (var filter in inner)
        {
            depth = Math.Max(depth, filter.Depth + 1);
        }

        return depth <= MaxDepth
            ? depth
            : throw new ArgumentException(FormattableString.Invariant($"Filters may nest at most {MaxDepth} deep; this one would nest {depth} deep."), name);
    }

    private static Currency? CurrencyAround(ImmutableArray<ItemFilter> inner, string name)
    {
        Currency? currency = null;
        foreach (var filter in inner)
        {
            if (filter.AmountCurrency is not { } c)
            {
                continue;
            }

            if (currency is { } known && known != c)
            {
                throw new ArgumentException($"The filters name amounts in {known.Code} and {c.Code}; a filter's amounts are in one currency.", name);
            }

            currency = c;
        }

        return currency;
    }

    private static bool Intersects(ImmutableArray<string> sorted, ImmutableArray<string> values)
    {
        foreach (var value in values)
        {
            if (Contains(sorted, value))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary><see cref="MatchLines"/> for a filter of one SKU or one category: the name compared with each line's
    /// own in a tight loop.</summary>
    private static int MatchOne(ReadOnlySpan<CartLine> lines, ReadOnlySpan<int> order, Span<int> found, string name, bool bySku)
    {
        var count = 0;
        foreach (var lineIndex in order)
        {
            var line = lines[lineIndex];
            if (bySku ? Same(line.Sku, name) : HasCategory(line, name))
            {
                found[count++] = lineIndex;
            }
        }

        return count;

        static bool HasCategory(CartLine line, string category)
        {
            foreach (var held in line.Categories.AsSpan())
            {
                if (Same(held, category))
                {
                    return true;
                }
            }

            return false;
        }

        // Names of one length often differ in their last character (c0, c1; SKU-1001, SKU-1002): compared first, inline.
        static bool Same(string held, string wanted) =>
            held.Length == wanted.Length && (held.Length == 0 || held[^1] == wanted[^1]) && string.Equals(held, wanted, StringComparison.Ordinal);
    }

    /// <summary>Whether a sorted list holds a value (ordinal): a few are compared in turn, more are searched.</summary>
    /// <remarks>Implementation note: a filter is asked this for every line of every evaluation, and most name one to
    /// three values, where equality (which compares lengths first) beats a binary search's ordinal comparisons.</remarks>
    private static bool Contains(ImmutableArray<string> sorted, string value)
    {
        if (sorted.Length > 4)
        {
            return sorted.BinarySearch(value, StringComparer.Ordinal) >= 0;
        }

        foreach (var item in sorted)
        {
            if (string.Equals(item, value, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private sealed class AllItems : ItemFilter
    {
        internal override (string, ImmutableArray<string>, ImmutableArray<ItemFilter>) Shape() => ("all", [], []);

        private protected override bool IsMatch(CartLine line) => true;

        internal override (ImmutableArray<string>, ImmutableArray<string>)? IndexKeys() => null;

        public override string ToString() => "all items";
    }

    private sealed class SkuFilter(ImmutableArray<string> skus) : ItemFilter
    {
        internal override (string, ImmutableArray<string>, ImmutableArray<ItemFilter>) Shape() => ("skus", skus, []);

        private protected override bool IsMatch(CartLine line) => Contains(skus, line.Sku);

        internal override int MatchLines(ReadOnlySpan<CartLine> lines, ReadOnlySpan<int> order, Span<int> found) =>
            skus.Length == 1 ? MatchOne(lines, order, found, skus[0], bySku: true) : base.MatchLines(lines, order, found);

        internal override bool IsOneName => skus.Length == 1;

        internal override (ImmutableArray<string>, ImmutableArray<string>)? IndexKeys() => (skus, []);

        public override string ToString() => "SKU " + string.Join(", ", skus);
    }

    private sealed class CategoryFilter(ImmutableArray<string> categories) : ItemFilter
    {
        internal override (string, ImmutableArray<string>, ImmutableArray<ItemFilter>) Shape() => ("categories", categories, []);

        private protected override bool IsMatch(CartLine line) => Intersects(categories, line.Categories);

        internal override int MatchLines(ReadOnlySpan<CartLine> lines, ReadOnlySpan<int> order, Span<int> found) =>
            categories.Length == 1 ? MatchOne(lines, order, found, categories[0], bySku: false) : base.MatchLines(lines, order, found);

        internal override bool IsOneName => categories.Length == 1;

        internal override (ImmutableArray<string>, ImmutableArray<string>)? IndexKeys() => ([], categories);

        public override string ToString() => "category " + string.Join(", ", categories);
    }

    private sealed class TagFilter(ImmutableArray<string> tags) : ItemFilter
    {
        internal override (string, ImmutableArray<string>, ImmutableArray<ItemFilter>) Shape() => ("tags", tags, []);

        private protected override bool IsMatch(CartLine line) => Intersects(tags, line.Tags);

        internal override (ImmutableArray<string>, ImmutableArray<string>)? IndexKeys() => null;

        public override string ToString() => "tag " + string.Join(", ", tags);
    }

    private sealed class BrandFilter(ImmutableArray<string> brands) : ItemFilter
    {
        internal override (string, ImmutableArray<string>, ImmutableArray<ItemFilter>) Shape() => ("brands", brands, []);

        private protected override bool IsMatch(CartLine line) =>
            line.Brand is { } brand && Contains(brands, brand);

        internal override (ImmutableArray<string>, ImmutableArray<string>)? IndexKeys() => null;

        public override string ToString() => "brand " + string.Join(", ", brands);
    }

    private sealed class AnyOfFilter(ImmutableArray<ItemFilter> filters, int depth, Currency? currency) : ItemFilter(depth, currency)
    {
        internal override (string, ImmutableArray<string>, ImmutableArray<ItemFilter>) Shape() => ("anyOf", [], filters);

        private protected override bool IsMatch(CartLine line) => filters.Any(f => f.IsMatch(line));

        internal override bool CanNeverMatch() => filters.All(f => f.CanNeverMatch());

        internal override (ImmutableArray<string>, ImmutableArray<string>)? IndexKeys()
        {
            var skus = ImmutableArray.CreateBuilder<string>();
            var categories = ImmutableArray.CreateBuilder<string>();
            foreach (var filter in filters)
            {
                if (filter.IndexKeys() is not { } keys)
                {
                    return null;
                }

                skus.AddRange(keys.Skus);
                categories.AddRange(keys.Categories);
            }

            return (skus.ToImmutable(), categories.ToImmutable());
        }

        public override string ToString() => "any of (" + string.Join("; ", filters) + ")";
    }

    private sealed class AllOfFilter(ImmutableArray<ItemFilter> filters, int depth, Currency? currency) : ItemFilter(depth, currency)
    {
        internal override (string, ImmutableArray<string>, ImmutableArray<ItemFilter>) Shape() => ("allOf", [], filters);

        private protected override bool IsMatch(CartLine line) => filters.All(f => f.IsMatch(line));

        internal override bool CanNeverMatch()
        {
            if (filters.Any(f => f.CanNeverMatch()))
            {
                return true;
            }

            // Each filter that names only SKUs says "the SKU is one of these": two such lists with nothing in common
            // cannot both hold.
            HashSet<string>? skus = null;
            foreach (var filter in filters)
            {
                if (filter.IndexKeys() is { Categories.IsEmpty: true } keys)
                {
                    if (skus is null)
                    {
                        skus = [.. keys.Skus];
                    }
                    else
                    {
                        skus.IntersectWith(keys.Skus);
                    }
                }
            }

            return skus is { Count: 0 } || !PriceRangeOverlaps(filters);
        }

        // Passing all filters means passing the first indexable one, so its keys are a sound index.
        internal override (ImmutableArray<string>, ImmutableArray<string>)? IndexKeys() =>
            filters.Select(f => f.IndexKeys()).FirstOrDefault(k => k is not null);

        public override string ToString() => "all of (" + string.Join("; ", filters) + ")";
    }

    private sealed class NotFilter(ItemFilter inner, int depth, Currency? currency) : ItemFilter(depth, currency)
    {
        internal override (string, ImmutableArray<string>, ImmutableArray<ItemFilter>) Shape() => ("not", [], [inner]);

        private protected override bool IsMatch(CartLine line) => !inner.IsMatch(line);

        internal override bool CanNeverMatch() => inner.IsAll;

        internal override (ImmutableArray<string>, ImmutableArray<string>)? IndexKeys() => null;

        public override string ToString() => "not (" + inner + ")";
    }
}
