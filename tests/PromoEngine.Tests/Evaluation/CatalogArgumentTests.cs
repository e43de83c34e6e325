using System;
using System.Collections.Generic;
using System.Linq;
using Xunit;
using static PromoEngine.Tests.Shop;

namespace PromoEngine.Tests;

/// <summary>What building and changing a catalog refuses at the boundary: a null sequence or promotion (named by its
/// parameter), a sequence past <see cref="PromotionCatalog.MaxPromotions"/> that does not say its count, and collisions
/// (the exception names the catalog as its subject).</summary>
public sealed class CatalogArgumentTests
{
    private static readonly Promotion Shirts = Promo("shirts", Discount.PercentOffItems(10)).Build();

    [Fact]
    public void Create_Null_IsRefusedNamingPromotions()
    {
        var e = Assert.Throws<ArgumentNullException>(() => PromotionCatalog.Create(null!));

        Assert.Equal("promotions", e.ParamName);
    }

    [Fact]
    public void With_Null_IsRefusedNamingPromotions()
    {
        var e = Assert.Throws<ArgumentNullException>(() => PromotionCatalog.Create([Shirts]).With(null!));

        Assert.Equal("promotions", e.ParamName);
    }

    [Fact]
    public void With_ANullPromotion_IsRefusedNamingPromotions()
    {
        var e = Assert.Throws<ArgumentNullException>(() => PromotionCatalog.Create([Shirts]).With([null!]));

        Assert.Equal("promotions", e.ParamName);
    }

    [Fact]
    public void Without_Null_IsRefusedNamingIds()
    {
        var e = Assert.Throws<ArgumentNullException>(() => PromotionCatalog.Create([Shirts]).Without(null!));

        Assert.Equal("ids", e.ParamName);
    }

    [Fact]
    public void Create_TwoPromotionsOfOneId_IsRefusedAsADefinitionOfTheCatalog()
    {
        var e = Assert.Throws<PromotionDefinitionException>(() => PromotionCatalog.Create([Shirts, Shirts]));

        Assert.Equal("catalog", e.Subject);
        Assert.Equal(["promotions[1].id: 'shirts' is also the id of promotions[0]."], e.Errors.ToArray());
    }

    [Fact]
    public void With_TwoPromotionsOfOneId_IsRefusedAsADefinitionOfTheCatalog()
    {
        var e = Assert.Throws<PromotionDefinitionException>(() => PromotionCatalog.Create([]).With([Shirts, Shirts]));

        Assert.Equal("catalog", e.Subject);
        Assert.Equal(["promotions[1].id: 'shirts' is also the id of promotions[0]."], e.Errors.ToArray());
    }

    [Fact]
    public void Create_ASequenceOnePastMaxPromotionsThatDoesNotSayItsCount_IsRefusedAtThePromotionPastIt()
    {
        // An iterator has no count to read first, so the catalog counts as it reads, and stops at the one too many. One
        // promotion a million times over is the cheapest such sequence (each repeat is a collision, listed only at the end).
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => PromotionCatalog.Create(Repeat(Shirts, PromotionCatalog.MaxPromotions + 1)));

        Assert.Equal("promotions", e.ParamName);
        Assert.Equal(PromotionCatalog.MaxPromotions + 1, e.ActualValue);
    }

    [Fact]
    public void With_AChangePastMaxPromotions_IsRefusedCountingOnlyThePromotionsItAdds()
    {
        // A catalog one short of the limit: a replacement adds nothing, the first new promotion reaches the limit, the
        // second goes past it (about a second and 600 MB: a million promotions).
        var discount = Discount.PercentOffItems(10);
        var catalog = PromotionCatalog.Create(Enumerable.Range(0, PromotionCatalog.MaxPromotions - 1).Select(i => Promo($"p{i}", discount).Build()));

        var e = Assert.Throws<ArgumentOutOfRangeException>(() => catalog.With([Promo("p0", discount).Build(), Promo("new1", discount).Build(), Promo("new2", discount).Build()]));

        Assert.Equal(("promotions", PromotionCatalog.MaxPromotions + 1), (e.ParamName, e.ActualValue));
        Assert.Equal(PromotionCatalog.MaxPromotions, catalog.With([Promo("p0", discount).Build(), Promo("new1", discount).Build()]).Count);
    }

    private static IEnumerable<Promotion> Repeat(Promotion promotion, int count)
    {
        for (var i = 0; i < count; i++)
        {
            yield return promotion;
        }
    }
}
