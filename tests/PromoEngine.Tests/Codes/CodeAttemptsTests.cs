using NodaTime;
using Xunit;
using static PromoEngine.Tests.Shop;

namespace PromoEngine.Tests;

/// <summary>What a host's rate limiter reads: how many entered codes were unknown, malformed or likely typos.</summary>
public sealed class CodeAttemptsTests
{
    private static readonly Cart Basic = Cart(Line("a", 40m));

    private static PromotionCatalog Catalog(out string claimTypo)
    {
        var format = ClaimCodeFormat.Default;
        var codes = ClaimCodeGenerator.Generate(format, 2);
        var real = codes[0];
        claimTypo = real[..^1] + (real[^1] == 'A' ? 'C' : 'A');
        return PromotionCatalog.Create(
        [
            Promo("save10", Discount.PercentOffItems(10)).WithCode("SAVE10").Build(),
            Promo("old", Discount.PercentOffItems(10)).WithCode("OLD")
                .WithSchedule(Schedule.Days(new LocalDate(2020, 1, 1), new LocalDate(2020, 1, 2), DateTimeZone.Utc)).Build(),
            Promo("gift", Discount.PercentOffItems(5)).WithClaimCodes(codes, format).Build(),
        ]);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void CodeAttempts_CountUnknownMalformedAndLikelyTypos_EvenWhenStatusIsHidden(bool hide)
    {
        var catalog = Catalog(out var typo);
        var evaluator = new PromotionEvaluator(catalog, new EvaluationOptions { HideCodeStatus = hide, MaxCodesPerOrder = 3 });

        var result = evaluator.Evaluate(Basic, ["SAVE10", "OLD", "NOPE", "NOPE2", "\u0000", typo, "save-10"], Now);

        var attempts = result.CodeAttempts;
        Assert.Equal(6, attempts.Entered);
        Assert.Equal(2, attempts.Unknown); // OLD exists (expired): it is not a guess, even when shown as unknown
        Assert.Equal(1, attempts.Malformed);
        Assert.Equal(1, attempts.LikelyTypos);
        Assert.Equal(4, attempts.Failed);
    }

    [Fact]
    public void CodeAttempts_WithoutCodes_AreNone()
    {
        var result = new PromotionEvaluator(Catalog(out _)).Evaluate(Basic, [], Now);

        Assert.Equal(CodeAttempts.None, result.CodeAttempts);
        Assert.Equal(0, result.CodeAttempts.Failed);
    }
}
