using System;
using System.Linq;
using Xunit;
using static PromoEngine.Tests.Shop;

namespace PromoEngine.Tests;

/// <summary>Look-alike folding: opt-in for shared codes, through the format for claim codes, one canonical form.</summary>
public sealed class LookAlikeTests
{
    private static readonly Cart Basic = Cart(Line("a", 40m));

    private static Promotion Save20(bool fold = true) => Promo("save20", Discount.PercentOffItems(20)).WithCode("SAVE20", foldLookAlikes: fold).Build();

    [Theory]
    [InlineData("SAVEZO")]
    [InlineData("5AVE2O")]
    [InlineData("save-zq")]
    [InlineData("5ave–2o")]
    public void Evaluate_FoldingSharedCode_TypedWithLookAlikes_AppliesAndRecordsItsOwnForm(string typed)
    {
        var result = Evaluate(Basic, Save20(), typed);

        Assert.Equal(8m, result.Applied("save20"));
        Assert.Equal("SAVE20", Assert.Single(result.Redemptions).Code);
        Assert.Equal("SAVE20", result.Applied.Single().Code);
    }

    [Fact]
    public void Evaluate_SharedCodeWithoutFolding_TypedWithLookAlikes_IsUnknown()
    {
        var result = Evaluate(Basic, Save20(fold: false), "SAVEZO");

        Assert.Equal(RejectionReason.UnknownCode, Assert.Single(result.Rejected).Reason);
    }

    [Fact]
    public void Evaluate_TwoSpellingsOfOneFoldingCode_CountOnce()
    {
        var result = Evaluate(Basic, Save20(), "SAVEZO", "SAVE20");

        Assert.Equal(8m, result.Applied("save20"));
        Assert.Empty(result.Rejected);
        Assert.Equal(1, result.CodeAttempts.Entered);
    }

    [Fact]
    public void Resolve_FoldingSharedCode_GivesThePromotionsOwnCode()
    {
        var catalog = PromotionCatalog.Create([Save20()]);

        Assert.Equal("SAVE20", catalog.Resolve("5AVEZQ")?.Code);
        Assert.Equal("save20", catalog.FindByCode("5ave zo")?.Id.Value);
    }

    [Fact]
    public void Create_CodeThatReadsAsAFoldingCode_IsRefused()
    {
        var other = Promo("other", Discount.PercentOffItems(5)).WithCode("5AVE2O").Build();

        var e = Assert.Throws<PromotionDefinitionException>(() => PromotionCatalog.Create([Save20(), other]));

        Assert.Equal(["promotions[1].codes: '5AVE2O' reads as 'SAVE20' of 'save20', which folds look-alikes (0/O/Q, 1/I/L, 2/Z, 5/S, 8/B)."], e.Errors.ToArray());
        Assert.Throws<PromotionDefinitionException>(() => PromotionCatalog.Create(
            [Save20(), Promo("b", Discount.PercentOffItems(5)).WithCode("SAVEZO", foldLookAlikes: true).Build()]));
        Assert.Equal(2, PromotionCatalog.Create([Save20(fold: false), other]).Promotions.Length);
    }

    [Fact]
    public void DefaultAlphabet_HasNoLookAlikePair_AndFoldsWithTheDefaultFormat()
    {
        Assert.Equal(29, ClaimCodeFormat.DefaultAlphabet.Length);
        var keys = ClaimCodeFormat.DefaultAlphabet.Select(c => ClaimCodeFormat.LookAlikeKey(c.ToString()));
        Assert.Equal(29, keys.Distinct(StringComparer.Ordinal).Count());

        var format = new ClaimCodeFormat(foldLookAlikes: true);
        var code = ClaimCodeGenerator.Generate(format, 1)[0];
        var typed = code.Replace('2', 'Z').Replace('5', 'S').Replace('8', 'B').Replace('Q', 'O').Replace('L', '1');

        Assert.Equal(ClaimCodeCheck.Valid, format.Check(typed));
        Assert.Equal(code, format.Fold(PromotionCode.Normalize(typed)));
    }

    [Fact]
    public void PromotionJson_FoldLookAlikes_ReadsAndWritesBack()
    {
        var json = """
            { "schemaVersion": 1, "promotions": [
              { "id": "save20", "name": "20% off", "activation": { "type": "code", "code": "SAVE20", "foldLookAlikes": true },
                "discount": { "type": "percentOffItems", "percent": 20 } }
            ] }
            """;

        var read = PromotionJson.Read(json);

        Assert.True(read[0].Activation.FoldsLookAlikes);
        Assert.Contains("\"foldLookAlikes\":true", PromotionJson.Write(read).Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Equal(8m, Evaluate(Basic, read[0], "SAVEZO").Applied("save20"));
        Assert.False(PromotionJson.Read(json.Replace("true", "false", StringComparison.Ordinal))[0].Activation.FoldsLookAlikes);
    }

    [Fact]
    public void Lint_CodeThatReadsAsAFoldingCode_IsAnError()
    {
        var other = Promo("other", Discount.PercentOffItems(5)).WithCode("5AVE2O").Build();

        var finding = Assert.Single(CatalogLinter.Lint([Save20(), other], Now), f => f.Rule == LintRule.CodeCollision);

        Assert.Equal(LintSeverity.Error, finding.Severity);
    }

    [Fact]
    public void Evaluate_FoldingCatalog_CodeWithLettersBeyondAscii_IsUnknownNotAnError()
    {
        // A catalog with a folding code looks every typed code up by its look-alike key, accented letters included.
        var result = Evaluate(Basic, Save20(), "ÉTÉ20");

        Assert.Equal(RejectionReason.UnknownCode, Assert.Single(result.Rejected).Reason);
        Assert.Null(PromotionCatalog.Create([Save20()]).Resolve("ÉTÉ20"));
    }
}
