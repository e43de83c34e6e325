using System.Linq;
using System.Runtime.InteropServices;
using Xunit;
using static PromoEngine.Tests.Shop;

namespace PromoEngine.Tests;

/// <summary>Removing several promotions at once from a catalog, from the full build or from what changed since; what a
/// changed catalog still reads as a mistyped claim code; the promotions of a changed catalog, merged once.</summary>
public sealed class CatalogRemovalTests
{
    private static readonly Promotion Shirts = Promo("shirts", Discount.PercentOffItems(10)).Build();
    private static readonly Promotion Hats = Promo("hats", Discount.PercentOffItems(20)).Build();
    private static readonly Promotion Socks = Promo("socks", Discount.PercentOffItems(30)).Build();

    [Fact]
    public void Without_TwoPromotionsOfTheFullBuild_RemovesBoth()
    {
        var catalog = PromotionCatalog.Create([Shirts, Hats, Socks]).Without([Hats.Id, Socks.Id]);

        AssertOnlyShirts(catalog);
    }

    [Fact]
    public void Without_TwoPromotionsAddedSinceTheFullBuild_RemovesBoth()
    {
        var catalog = PromotionCatalog.Create([Shirts]).With([Hats, Socks]).Without([Hats.Id, Socks.Id]);

        AssertOnlyShirts(catalog);
    }

    [Fact]
    public void Without_EveryPromotionOfAClaimCodeFormat_NoLongerReadsItsCodesAsTypos()
    {
        // With the format's only promotion gone, a code of its shape with a wrong check character is just unknown.
        var format = new ClaimCodeFormat(length: 5);
        var code = format.Compose([0, 1, 2, 3, 4]);
        var leaver = Promo("leaver", Discount.AmountOffOrder(D(4))).WithClaimCodes([code], format).Build();
        var typo = format.Alphabet[5] + code[1..];
        var full = PromotionCatalog.Create([Shirts, leaver]);

        var before = new PromotionEvaluator(full).Evaluate(Cart(Line("a", 10m)), [typo], Now);
        var after = new PromotionEvaluator(full.Without([leaver.Id])).Evaluate(Cart(Line("a", 10m)), [typo], Now);

        Assert.Equal(RejectionReason.LikelyTypo, Assert.Single(before.Rejected).Reason);
        Assert.Equal(RejectionReason.UnknownCode, Assert.Single(after.Rejected).Reason);
    }

    [Fact]
    public void Promotions_ReadTwiceAfterAChange_IsTheOneArrayMergedAtTheFirstRead()
    {
        var catalog = PromotionCatalog.Create([Shirts, Socks]).With([Hats]);

        var first = catalog.Promotions;
        var second = catalog.Promotions;

        Assert.Equal(["hats", "shirts", "socks"], first.Select(p => p.Id.Value));
        Assert.Same(ImmutableCollectionsMarshal.AsArray(first), ImmutableCollectionsMarshal.AsArray(second));
    }

    private static void AssertOnlyShirts(PromotionCatalog catalog)
    {
        Assert.Equal(1, catalog.Count);
        Assert.Null(catalog.Find(Hats.Id));
        Assert.Null(catalog.Find(Socks.Id));
        Assert.Equal(["shirts"], catalog.Promotions.Select(p => p.Id.Value));
    }
}
