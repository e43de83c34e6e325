using System;
using System.Linq;
using Xunit;
using static PromoEngine.Tests.Shop;

namespace PromoEngine.Tests;

/// <summary>Claim codes stay hard to guess: batches fill a bounded share of their format, and the linter warns.</summary>
public sealed class GuessingTests
{
    [Fact]
    public void Generate_PastOneMillionthOfTheFormat_IsRefusedWithTheNumbers()
    {
        // 29^5 = 20,511,149 codes: one millionth is 20.
        var format = new ClaimCodeFormat(length: 5);

        var e = Assert.Throws<ArgumentOutOfRangeException>(() => ClaimCodeGenerator.Generate(format, 15, ["AAAAAA", "CCCCCC", "DDDDDD", "EEEEEE", "FFFFFF", "GGGGGG"]));

        Assert.Equal("count", e.ParamName);
        Assert.StartsWith(
            "15 new codes and 6 existing ones would fill 1.02E-06 of the 2.05E+07 codes this format can make (24.3 bits); at most 1E-06 is allowed, that is 20 codes: use a longer length.",
            e.Message, StringComparison.Ordinal);
        Assert.Equal(20, ClaimCodeGenerator.Generate(format, 20).Length);
    }

    [Fact]
    public void Generate_ALargerShare_WhenAskedForUpToAQuarter()
    {
        var format = new ClaimCodeFormat(length: 4, checkCharacter: false);

        Assert.Equal(1_000, ClaimCodeGenerator.Generate(format, 1_000, maxShare: 0.01).Length);
        Assert.Equal("maxShare", Assert.Throws<ArgumentOutOfRangeException>(() => ClaimCodeGenerator.Generate(format, 1, maxShare: 0.5)).ParamName);
        Assert.Equal("maxShare", Assert.Throws<ArgumentOutOfRangeException>(() => ClaimCodeGenerator.Generate(format, 1, maxShare: 0)).ParamName);
        Assert.Equal("maxShare", Assert.Throws<ArgumentOutOfRangeException>(() => ClaimCodeGenerator.Generate(format, 1, maxShare: double.NaN)).ParamName);
    }

    [Fact]
    public void EntropyBits_OfTheDefaultFormat_IsAtLeastTheLintersMinimum()
    {
        Assert.Equal(9 * Math.Log2(29), ClaimCodeFormat.Default.EntropyBits, 10);
        Assert.True(ClaimCodeFormat.Default.EntropyBits >= CatalogLinter.MinClaimCodeBits);
    }

    [Fact]
    public void Lint_WeakFormatAndCrowdedPool_AreGuessable()
    {
        var weak = new ClaimCodeFormat(length: 6);
        var weakCodes = ClaimCodeGenerator.Generate(weak, 1_000, maxShare: ClaimCodeGenerator.MaxShareLimit);
        var promotion = Promo("weak", Discount.PercentOffItems(10)).WithClaimCodes(weakCodes, weak).Build();
        var strong = ClaimCodeGenerator.Generate(ClaimCodeFormat.Default, 100);
        var fine = Promo("fine", Discount.PercentOffItems(10)).WithClaimCodes(strong, ClaimCodeFormat.Default).Build();

        var findings = CatalogLinter.Lint([promotion, fine], Now);

        Assert.Equal(2, findings.Length);
        Assert.All(findings, f => Assert.Equal((LintRule.GuessableClaimCodes, LintSeverity.Warning), (f.Rule, f.Severity)));
        Assert.All(findings, f => Assert.Equal("weak", f.Promotions.Single().Value));
        Assert.Contains(findings, f => f.Message == "weak's claim codes hold 29.1 bits of randomness (6 characters of 29), fewer than 40: use a longer length.");
        Assert.Contains(findings, f => f.Message.StartsWith("weak has 1000 claim codes of a format that can make 5.95E+08: one guess in 5.95E+05 finds one", StringComparison.Ordinal));
    }
}
