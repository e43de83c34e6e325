using System;
using Xunit;

namespace PromoEngine.Tests;

/// <summary>Building a catalog (PromotionCatalog.cs, CatalogLayer.cs): its size bound, counted before anything is read,
/// and the indexes a built catalog answers from.</summary>
public sealed class CatalogBuildTests
{
    [Fact]
    public void Create_OnePastMaxPromotions_IsRefusedBeforeAnythingIsRead()
    {
        // Every slot is null: reading the first would throw ArgumentNullException instead.
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => PromotionCatalog.Create(new Promotion[PromotionCatalog.MaxPromotions + 1]));

        Assert.Equal("promotions", e.ParamName);
        Assert.Equal(PromotionCatalog.MaxPromotions + 1, e.ActualValue);
        Assert.StartsWith("A catalog holds at most 1,000,000 promotions (PromotionCatalog.MaxPromotions).", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_ExactlyMaxPromotions_IsRead()
    {
        // At the bound the count passes, so the promotions are read: the first (null) is refused as null.
        var e = Assert.Throws<ArgumentNullException>(() => PromotionCatalog.Create(new Promotion[PromotionCatalog.MaxPromotions]));

        Assert.Equal("promotions", e.ParamName);
    }
}
