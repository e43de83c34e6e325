using System;
using Xunit;
using static PromoEngine.Tests.Shop;

namespace PromoEngine.Tests;

/// <summary>Filters nest at most <see cref="ItemFilter.MaxDepth"/> deep, in code and in JSON alike: no walk over a filter
/// can overflow the stack, and every filter the API accepts round-trips.</summary>
public sealed class ItemFilterDepthTests
{
    private static ItemFilter Nested(int depth)
    {
        var filter = ItemFilter.Categories("shoes");
        for (var i = 1; i < depth; i++)
        {
            filter = i % 3 == 0 ? ItemFilter.Not(filter) : i % 3 == 1 ? ItemFilter.AnyOf(filter, ItemFilter.Skus("x")) : ItemFilter.AllOf(ItemFilter.All, filter);
        }

        return filter;
    }

    [Fact]
    public void Not_NestedAHundredThousandDeep_IsRefusedAtTheLimitInsteadOfOverflowingTheStack()
    {
        var filter = ItemFilter.Categories("shoes");

        var error = Assert.Throws<ArgumentException>(() =>
        {
            for (var i = 0; i < 100_000; i++)
            {
                filter = ItemFilter.Not(filter);
            }
        });

        Assert.Equal("filter", error.ParamName);
        Assert.StartsWith("Filters may nest at most 16 deep; this one would nest 17 deep.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnyOfAndAllOf_PastTheLimit_AreRefused()
    {
        Assert.Equal("filters", Assert.Throws<ArgumentException>(() => ItemFilter.AnyOf(Nested(ItemFilter.MaxDepth))).ParamName);
        Assert.Equal("filters", Assert.Throws<ArgumentException>(() => ItemFilter.AllOf(ItemFilter.All, Nested(ItemFilter.MaxDepth))).ParamName);
    }

    [Fact]
    public void Filter_AtTheLimit_EvaluatesAndRoundTripsThroughJson()
    {
        var promotion = Promo("deep", Discount.PercentOffItems(10)).ForItems(Nested(ItemFilter.MaxDepth)).Build();

        var json = PromotionJson.Write([promotion]);
        var read = Assert.Single(PromotionJson.Read(json));

        Assert.Equal(json, PromotionJson.Write([read]));
        var cart = Cart(Line("a", 40m, 1, null, "shoes"), Line("b", 10m, 1, null, "hats"));
        Assert.Equal(Evaluate(cart, promotion).Total, Evaluate(cart, read).Total);
    }

    [Fact]
    public void Read_FilterPastTheLimit_IsADefinitionErrorWithItsPath()
    {
        var filter = """{ "type": "categories", "values": ["shoes"] }""";
        for (var i = 0; i < ItemFilter.MaxDepth; i++)
        {
            filter = $$"""{ "type": "not", "filter": {{filter}} }""";
        }

        var json = $$"""{ "schemaVersion": 1, "promotions": [ { "id": "p", "name": "P", "items": {{filter}}, "discount": { "type": "percentOffItems", "percent": 10 } } ] }""";

        var e = Assert.Throws<PromotionDefinitionException>(() => PromotionJson.Read(json));
        Assert.Contains(e.Errors, m => m.Contains("may nest at most 16 deep", StringComparison.Ordinal) && m.StartsWith("$.promotions[0].items", StringComparison.Ordinal));
    }
}
