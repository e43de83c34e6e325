using System;
using System.Linq;
using Xunit;
using static PromoEngine.Tests.Shop;

namespace PromoEngine.Tests;

/// <summary>Building a catalog and changing it (PromotionCatalog.cs, CatalogLayer.cs): its size bound, counted before
/// anything is read; a change that changes nothing gives the same catalog; how much may change before a full build; the
/// claim-code formats and the folding codes a changed catalog still checks against.</summary>
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

    private static readonly Promotion Shirts = Promo("shirts", Discount.PercentOffItems(10)).Build();

    private static readonly Promotion Folding = Promo("folding", Discount.AmountOffOrder(D(1))).WithCode("SAVE20", foldLookAlikes: true).Build();

    private static readonly Promotion LookAlike = Promo("other", Discount.AmountOffOrder(D(2))).WithCode("5AVE2O").Build();

    [Fact]
    public void With_NoPromotions_IsTheSameCatalog()
    {
        var catalog = PromotionCatalog.Create([Shirts]);

        Assert.Same(catalog, catalog.With([]));
    }

    [Fact]
    public void WithStatus_TheStatusItHas_IsTheSameCatalog()
    {
        var catalog = PromotionCatalog.Create([Shirts]);

        Assert.Same(catalog, catalog.WithStatus(Shirts.Id, PromotionStatus.Active));
        Assert.NotSame(catalog, catalog.WithStatus(Shirts.Id, PromotionStatus.Paused));
    }

    [Theory]
    [InlineData(0, 64)]
    [InlineData(256, 64)]
    [InlineData(289, 68)]
    [InlineData(400, 80)]
    [InlineData(100_000, 1264)]
    public void ChangeShare_FourTimesTheSquareRootOfWhatWasBuilt_AtLeast64(int built, int share)
    {
        Assert.Equal(share, PromotionCatalog.ChangeShare(built));
    }

    [Fact]
    public void Without_OneOfTwoPromotionsOfAClaimCodeFormat_StillReadsTheOthersMistypedCodesAsTypos()
    {
        var format = new ClaimCodeFormat(length: 5);
        var kept = format.Compose([0, 1, 2, 3, 4]);
        var gone = format.Compose([4, 3, 2, 1, 0]);
        var keeper = Promo("keeper", Discount.AmountOffOrder(D(3))).WithClaimCodes([kept], format).Build();
        var leaver = Promo("leaver", Discount.AmountOffOrder(D(4))).WithClaimCodes([gone], format).Build();
        var typo = format.Alphabet[5] + kept[1..];

        var catalog = PromotionCatalog.Create([Shirts, keeper, leaver]).Without([leaver.Id]);
        var result = new PromotionEvaluator(catalog).Evaluate(Cart(Line("a", 10m)), [typo], Now);

        Assert.Equal(RejectionReason.LikelyTypo, Assert.Single(result.Rejected).Reason);
    }

    [Fact]
    public void With_AFoldingCode_ReadAsTheCodeOfAPromotionRemovedOrReplaced_IsAccepted()
    {
        var removed = PromotionCatalog.Create([Shirts, LookAlike]).Without([LookAlike.Id]).With([Folding]);
        var replaced = PromotionCatalog.Create([Shirts, LookAlike]).With([Folding, Promo("other", Discount.AmountOffOrder(D(2))).WithCode("OTHER").Build()]);

        Assert.Same(Folding, removed.FindByCode("5AVE2O"));
        Assert.Same(Folding, replaced.FindByCode("5AVE2O"));
    }

    [Fact]
    public void With_AFoldingCode_ReadAsTheCodeOfAPromotionKept_IsRefusedAfterAnotherChange()
    {
        // The catalog has changed (shirts removed), so its promotions are read from both layers.
        var catalog = PromotionCatalog.Create([Shirts, LookAlike]).Without([Shirts.Id]);

        var e = Assert.Throws<PromotionDefinitionException>(() => catalog.With([Folding]));

        Assert.Equal(["promotions[0].codes: 'SAVE20' folds look-alikes (0/O/Q, 1/I/L, 2/Z, 5/S, 8/B), and '5AVE2O' of 'other' reads as it."], e.Errors.ToArray());
    }
}
