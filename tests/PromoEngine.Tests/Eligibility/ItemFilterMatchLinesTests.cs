using System;
using System.Collections.Generic;
using System.Linq;
using Xunit;
using static PromoEngine.Tests.Shop;

namespace PromoEngine.Tests;

/// <summary>A filter's matching of many lines at once (the evaluator's path, with shortcuts for one SKU and one
/// category) lets through exactly the lines <see cref="ItemFilter.Matches"/> does, in the order asked.</summary>
public sealed class ItemFilterMatchLinesTests
{
    private static readonly string[][] CategorySets = [[], ["a"], ["b"], ["a", "b"], ["b", "c"], ["a", "a"], ["c", "a", "b"]];

    /// <summary>Every SKU (s1, s2) with every set of categories, each line once.</summary>
    private static readonly CartLine[] Lines =
        [.. new[] { "s1", "s2" }.SelectMany(sku => CategorySets.Select(categories => (sku, categories)))
            .Select((x, i) => new CartLine($"l{i}", x.sku, D(1m), 1, x.categories, i % 2 == 0 ? ["t"] : null))];

    public static TheoryData<string> Filters => [.. FilterCases.Keys];

    private static Dictionary<string, ItemFilter> FilterCases => new()
    {
        ["one category"] = ItemFilter.Categories("a"),
        ["another category"] = ItemFilter.Categories("c"),
        ["a category no line has"] = ItemFilter.Categories("z"),
        ["two categories"] = ItemFilter.Categories("a", "c"),
        ["one SKU"] = ItemFilter.Skus("s2"),
        ["two SKUs"] = ItemFilter.Skus("s1", "s2"),
        ["a SKU no line has"] = ItemFilter.Skus("s9"),
        ["a tag"] = ItemFilter.Tags("t"),
        ["all"] = ItemFilter.All,
        ["not a category"] = ItemFilter.Not(ItemFilter.Categories("a")),
        ["any of"] = ItemFilter.AnyOf(ItemFilter.Categories("b"), ItemFilter.Skus("s1")),
        ["all of"] = ItemFilter.AllOf(ItemFilter.Categories("b"), ItemFilter.Skus("s1")),
    };

    [Theory]
    [MemberData(nameof(Filters))]
    public void MatchLines_LetsThroughWhatMatchesDoes_InTheOrderAsked(string name)
    {
        var filter = FilterCases[name];
        int[][] orders = [[.. Enumerable.Range(0, Lines.Length)], [.. Enumerable.Range(0, Lines.Length).Reverse()], [3, 0, 7, 12, 5]];

        foreach (var order in orders)
        {
            var found = new int[order.Length];
            var count = filter.MatchLines(Lines, order, found);

            Assert.Equal(order.Where(i => filter.Matches(Lines[i])), found[..count]);
        }
    }
}
