using System.Linq;
using Xunit;
using static PromoEngine.Tests.Shop;

namespace PromoEngine.Tests;

/// <summary>A change that brings a shared code folding look-alikes (<c>SAVE20</c> read as <c>5AVE2O</c>) is checked
/// against the codes of the same change, against the codes the catalog keeps in either layer, and against another
/// folding code of the same look-alike key; each collision is said once.</summary>
public sealed class FoldingCodeCheckTests
{
    private const string LookAlikes = "0/O/Q, 1/I/L, 2/Z, 5/S, 8/B";

    private static readonly Promotion Shirts = Promo("shirts", Discount.PercentOffItems(10)).Build();
    private static readonly Promotion Folding = Promo("folding", Discount.AmountOffOrder(D(1))).WithCode("SAVE20", foldLookAlikes: true).Build();
    private static readonly Promotion LookAlike = Promo("other", Discount.AmountOffOrder(D(2))).WithCode("5AVE2O").Build();

    [Fact]
    public void With_AFoldingCodeAndACodeThatReadsAsItInOneChange_IsRefused()
    {
        var e = Assert.Throws<PromotionDefinitionException>(() => PromotionCatalog.Create([Shirts]).With([Folding, LookAlike]));

        Assert.Equal([$"promotions[1].codes: '5AVE2O' reads as 'SAVE20' of 'folding', which folds look-alikes ({LookAlikes})."], e.Errors.ToArray());
    }

    [Fact]
    public void With_AFoldingCodeReadAsACodeAddedByAnEarlierChange_IsRefused()
    {
        // The kept code sits in the layer of what changed since the full build, not in the full build.
        var catalog = PromotionCatalog.Create([Shirts]).With([LookAlike]);

        var e = Assert.Throws<PromotionDefinitionException>(() => catalog.With([Folding]));

        Assert.Equal([$"promotions[0].codes: 'SAVE20' folds look-alikes ({LookAlikes}), and '5AVE2O' of 'other' reads as it."], e.Errors.ToArray());
    }

    [Fact]
    public void With_AFoldingCodeOfTheSameLookAlikeKeyAsAKeptFoldingCode_IsRefusedOnce()
    {
        // Its own code is read against the change's folding codes first (itself), so the collision is said once: as the
        // kept code that reads as the new one.
        var second = Promo("second", Discount.AmountOffOrder(D(3))).WithCode("5AVE2O", foldLookAlikes: true).Build();
        var catalog = PromotionCatalog.Create([Shirts, Folding]);

        var e = Assert.Throws<PromotionDefinitionException>(() => catalog.With([second]));

        Assert.Equal([$"promotions[0].codes: '5AVE2O' folds look-alikes ({LookAlikes}), and 'SAVE20' of 'folding' reads as it."], e.Errors.ToArray());
    }

    [Fact]
    public void FindByCode_ACodeTwoFoldingFormatsReadAsCodesOfTwoPromotions_IsThePromotionOfTheSmallerId_BuiltOrChanged()
    {
        // Found while reading the survivors of the catalog's "layer or full build" rule: "AQAQ" folds to A0A0 in one
        // format and to AOAO in the other. A full build read it in the order of its formats, a changed catalog in the
        // order of its layers, so the same promotions gave two answers.
        var zero = new ClaimCodeFormat(length: 4, groupSize: 0, checkCharacter: false, alphabet: "0ABC", foldLookAlikes: true);
        var oh = new ClaimCodeFormat(length: 4, groupSize: 0, checkCharacter: false, alphabet: "OABC", foldLookAlikes: true);
        var a = Promo("a", Discount.AmountOffOrder(D(1))).WithClaimCodes(["A0A0"], zero).Build();
        var b = Promo("b", Discount.AmountOffOrder(D(2))).WithClaimCodes(["AOAO"], oh).Build();

        Assert.Same(a, PromotionCatalog.Create([a, b, Shirts]).FindByCode("AQAQ"));
        Assert.Same(a, PromotionCatalog.Create([b, Shirts]).With([a]).FindByCode("AQAQ"));
        Assert.Same(a, PromotionCatalog.Create([a, Shirts]).With([b]).FindByCode("AQAQ"));
    }
}
