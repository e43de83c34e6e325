using System.Linq;
using Xunit;
using static PromoEngine.Tests.Shop;

namespace PromoEngine.Tests;

/// <summary>Codes that hold letters of another script looking like Latin ones: flagged alone, and as look-alikes of the
/// Latin code they imitate.</summary>
public sealed class ConfusableCodeTests
{
    private static LintFinding[] Lint(params Promotion[] promotions) => [.. CatalogLinter.Lint(promotions, Now)];

    [Fact]
    public void Lint_CyrillicABesideTheLatinCode_IsALookAlikeAndAConfusableCharacter()
    {
        var latin = Promo("latin", Discount.PercentOffItems(10)).WithCode("SAVE20").Build();
        var cyrillic = Promo("cyrillic", Discount.PercentOffItems(10)).WithCode("S\u0410VE20").Build();

        var findings = Lint(latin, cyrillic);

        var lookAlike = Assert.Single(findings, f => f.Rule == LintRule.CodeCollision);
        Assert.Equal(LintSeverity.Warning, lookAlike.Severity);
        Assert.Contains("Cyrillic or Greek", lookAlike.Message, System.StringComparison.Ordinal);
        var confusable = Assert.Single(findings, f => f.Rule == LintRule.ConfusableCharacters);
        Assert.Equal(["cyrillic"], confusable.Promotions.Select(p => p.Value));
        Assert.Contains("U+0410", confusable.Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Lint_GreekOmicronForAZero_IsALookAlikeOfTheLatinCode()
    {
        var findings = Lint(
            Promo("a", Discount.PercentOffItems(10)).WithCode("WELCOME10").Build(),
            Promo("b", Discount.PercentOffItems(10)).WithCode("WELC\u039FME10").Build());

        Assert.Contains(findings, f => f.Rule == LintRule.CodeCollision);
        Assert.Contains(findings, f => f.Rule == LintRule.ConfusableCharacters);
    }

    [Fact]
    public void Lint_LatinCodesAndCodesOfOtherScriptsWithoutLatinTwins_AreFine()
    {
        var findings = Lint(
            Promo("a", Discount.PercentOffItems(10)).WithCode("SAVE20").Build(),
            Promo("b", Discount.PercentOffItems(10)).WithCode("\u0421\u041A\u0418\u0414\u041A\u0410").Build(), // СКИДКА: И and Д have no Latin twin
            Promo("c", Discount.PercentOffItems(10)).WithCode("\u0413\u0418\u0424").Build()); // ГИФ: none is confusable

        Assert.DoesNotContain(findings, f => f.Rule == LintRule.CodeCollision);
        Assert.Equal(["b"], findings.Where(f => f.Rule == LintRule.ConfusableCharacters).SelectMany(f => f.Promotions).Select(p => p.Value));
    }
}
