using System;
using System.Collections.Generic;
using System.Linq;
using Xunit;
using static PromoEngine.Tests.Shop;

namespace PromoEngine.Tests;

public sealed class ClaimCodeTests
{

    [Theory]
    [InlineData(ClaimCodeFormat.DefaultAlphabet)]    // 29, a prime
    [InlineData("23456789ABCDEFGHJKLMNPQRSTUVWXYZ")] // 32, the former default
    [InlineData("23456789ABCDEFGHJKLMNPQRSTUVWXY")] // 31, a prime
    [InlineData("ABCDEFGHJKLMNPQRSTUVWXYZ2345678")]  // 31, another order
    [InlineData("2345678ABCDEFGHJ")]                  // 16, a power of two
    [InlineData("ABCDEFG")]                           // 7, a prime
    public void CheckCharacter_CatchesEverySingleErrorAndEveryAdjacentSwap(string alphabet)
    {
        var format = new ClaimCodeFormat(length: 8, alphabet: alphabet);
        var codes = ClaimCodeGenerator.Generate(format, 300, maxShare: ClaimCodeGenerator.MaxShareLimit);

        foreach (var code in codes)
        {
            Assert.Equal(ClaimCodeCheck.Valid, format.Check(code));
            for (var i = 0; i < code.Length; i++)
            {
                foreach (var wrong in alphabet.Where(c => c != code[i]))
                {
                    var typo = code[..i] + wrong + code[(i + 1)..];
                    Assert.True(format.Check(typo) == ClaimCodeCheck.LikelyTypo, $"{typo} (from {code}) was not caught");
                }

                if (i + 1 < code.Length && code[i] != code[i + 1])
                {
                    var swapped = code[..i] + code[i + 1] + code[i] + code[(i + 2)..];
                    Assert.True(format.Check(swapped) == ClaimCodeCheck.LikelyTypo, $"{swapped} (from {code}) was not caught");
                }
            }
        }
    }

    [Theory]
    [InlineData("0123456789")]
    [InlineData("ABCDEF")]
    public void CheckCharacter_AlphabetNeitherPrimeNorPowerOfTwo_IsRefused(string alphabet)
    {
        var e = Assert.Throws<ArgumentException>(() => new ClaimCodeFormat(alphabet: alphabet));

        Assert.Equal("alphabet", e.ParamName);
        Assert.Contains("a prime of at least 3 or a power of two of at least 4", e.Message, StringComparison.Ordinal);
        Assert.False(new ClaimCodeFormat(alphabet: alphabet, checkCharacter: false).HasCheckCharacter);
    }

    [Fact]
    public void Generate_HundredThousandCodes_AreUniqueValidAndOfTheFormat()
    {
        var format = new ClaimCodeFormat(length: 10, prefix: "GIFT");

        var codes = ClaimCodeGenerator.Generate(format, 100_000);

        Assert.Equal(100_000, codes.Distinct(StringComparer.Ordinal).Count());
        Assert.All(codes, c => Assert.Equal(format.NormalizedLength, c.Length));
        Assert.All(codes, c => Assert.StartsWith("GIFT", c, StringComparison.Ordinal));
        Assert.All(codes.Take(1_000), c => Assert.Equal(ClaimCodeCheck.Valid, format.Check(c)));
    }

    [Fact]
    public void Generate_UsesEveryCharacterAboutEquallyOften()
    {
        // 40,000 codes x 9 characters over 29 symbols: about 12,414 expected each; a chi-square far above 100 (28
        // degrees of freedom; 56.9 is the 0.1 % tail) would mean a biased draw.
        var format = new ClaimCodeFormat(checkCharacter: false, groupSize: 0);
        var counts = new Dictionary<char, int>();
        foreach (var code in ClaimCodeGenerator.Generate(format, 40_000))
        {
            foreach (var c in code)
            {
                counts[c] = counts.GetValueOrDefault(c) + 1;
            }
        }

        Assert.Equal(29, counts.Count);
        var expected = 40_000 * 9 / 29.0;
        var chiSquare = counts.Values.Sum(n => (n - expected) * (n - expected) / expected);
        Assert.True(chiSquare < 100, $"chi-square {chiSquare:F1}");
    }

    [Fact]
    public void Generate_AvoidsExistingCodesInAnyForm()
    {
        var format = new ClaimCodeFormat(length: 4, checkCharacter: false, alphabet: "AB");
        var existing = new[] { "a-a-a-a", "AAAB", "aaba" };

        var codes = ClaimCodeGenerator.Generate(format, 1, existing, maxShare: ClaimCodeGenerator.MaxShareLimit);

        Assert.DoesNotContain(codes[0], new[] { "AAAA", "AAAB", "AABA" });
    }

    [Fact]
    public void Generate_TooManyForTheCapacity_IsRefused()
    {
        var format = new ClaimCodeFormat(length: 4, checkCharacter: false, alphabet: "AB");

        var e = Assert.Throws<ArgumentOutOfRangeException>(() => ClaimCodeGenerator.Generate(format, 5, maxShare: ClaimCodeGenerator.MaxShareLimit));

        Assert.Equal("count", e.ParamName);
        Assert.Contains("use a longer length", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Display_GroupsAfterThePrefix_AndTypedFormsAreAllValid()
    {
        var format = new ClaimCodeFormat(length: 8, prefix: "WELCOME");
        var code = ClaimCodeGenerator.Generate(format, 1, maxShare: ClaimCodeGenerator.MaxShareLimit)[0];

        var shown = format.Display(code);

        Assert.Matches("^WELCOME-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]$", shown);
        Assert.Equal(ClaimCodeCheck.Valid, format.Check(shown.ToLowerInvariant()));
        Assert.Equal(ClaimCodeCheck.Valid, format.Check(shown.Replace('-', ' ')));
        Assert.Equal(ClaimCodeCheck.OtherShape, format.Check("HELLO"));
    }

    [Fact]
    public void FoldLookAlikes_ReadsTypedLookAlikesAsTheAlphabetsOwn()
    {
        var format = new ClaimCodeFormat(length: 6, alphabet: "0123456", checkCharacter: true, foldLookAlikes: true, groupSize: 0);
        var code = ClaimCodeGenerator.Generate(format, 1, null, ClaimCodeGenerator.MaxShareLimit)[0];
        var typed = code.Replace('0', 'O').Replace('1', 'l').Replace('5', 's');

        Assert.Equal(ClaimCodeCheck.Valid, format.Check(typed));
        Assert.Equal(code, format.Fold(PromotionCode.Normalize(typed)));
    }

    [Fact]
    public void FoldLookAlikes_AlphabetWithTwoLookAlikes_IsRefused()
    {
        var e = Assert.Throws<ArgumentException>(() => new ClaimCodeFormat(alphabet: "0OABCDE", foldLookAlikes: true, checkCharacter: false));

        Assert.Equal("alphabet", e.ParamName);
    }

    [Fact]
    public void Evaluate_MistypedClaimCode_IsALikelyTypoNotAnUnknownCode()
    {
        var format = ClaimCodeFormat.Default;
        var codes = ClaimCodeGenerator.Generate(format, 3);
        var promotion = Promo("p", Discount.PercentOffItems(10)).WithClaimCodes(codes, format).Build();
        var real = codes[0];
        var typo = real[..2] + real[3] + real[2] + real[4..];
        if (typo == real)
        {
            typo = real[..^1] + (real[^1] == 'A' ? 'B' : 'A');
        }

        var result = Evaluate(Cart(Line("a", 10m)), promotion, typo, "MADEUPCODE");

        Assert.Equal([RejectionReason.LikelyTypo, RejectionReason.UnknownCode], result.Rejected.Select(r => r.Reason));
        Assert.Equal(1m, Evaluate(Cart(Line("a", 10m)), promotion, format.Display(real).ToLowerInvariant()).Applied("p"));
    }

    [Fact]
    public void Evaluate_FoldedClaimCode_IsRecordedInItsOneCanonicalForm()
    {
        var format = new ClaimCodeFormat(length: 6, alphabet: "0123456", foldLookAlikes: true, groupSize: 0);
        var code = ClaimCodeGenerator.Generate(format, 1, maxShare: ClaimCodeGenerator.MaxShareLimit)[0];
        var promotion = Promo("p", Discount.PercentOffItems(10)).WithClaimCodes([code], format).Build();

        var result = Evaluate(Cart(Line("a", 10m)), promotion, code.Replace('0', 'o').Replace('1', 'I'));

        Assert.Equal(code, Assert.Single(result.Redemptions).Code);
    }

    [Fact]
    public void HideCodeStatus_ReportsEveryUnusableCodeAsUnknown()
    {
        var expired = Promo("old", Discount.PercentOffItems(10)).WithCode("OLD")
            .WithSchedule(Schedule.Days(new NodaTime.LocalDate(2020, 1, 1), new NodaTime.LocalDate(2020, 1, 2), NodaTime.DateTimeZone.Utc)).Build();
        var members = Promo("vip", Discount.PercentOffItems(10)).WithCode("VIP").Require(Restriction.MinimumSubtotal(D(100))).Build();
        var evaluator = new PromotionEvaluator(PromotionCatalog.Create([expired, members]), new EvaluationOptions { HideCodeStatus = true });

        var result = evaluator.Evaluate(Cart(Line("a", 10m)), ["OLD", "NOPE", "VIP"], Now);

        Assert.Equal(["OLD", "NOPE", "VIP"], result.Rejected.Select(r => r.Code));
        Assert.All(result.Rejected, r => Assert.Equal(RejectionReason.UnknownCode, r.Reason));
        Assert.All(result.Rejected, r => Assert.Null(r.PromotionId));
        Assert.Empty(result.Hints);
    }

    [Fact]
    public void Budget_Spent_IsRejectedAsExhausted()
    {
        var promotion = Promo("p", Discount.PercentOffItems(10)).WithLimits(new UsageLimits(budget: D(1_000))).Build();
        var usage = UsageSnapshot.Empty.WithPromotionSpent(new PromotionId("p"), D(1_000));

        var result = new PromotionEvaluator(PromotionCatalog.Create([promotion])).Evaluate(Cart(Line("a", 10m)), [], Now, usage);

        Assert.Equal(RejectionReason.BudgetExhausted, result.Rejection("p").Reason);
    }
}

public sealed class HideCodeStatusFoldingTests
{
    [Fact]
    public void HideCodeStatus_UsedFoldedClaimCode_IsStillReportedAsUnknownInTheOrderTyped()
    {
        // A claim code typed with look-alikes resolves to its canonical form; hiding its status must not lose it.
        var format = new ClaimCodeFormat(length: 6, alphabet: "0123456", foldLookAlikes: true, groupSize: 0);
        var code = ClaimCodeGenerator.Generate(format, 1, maxShare: ClaimCodeGenerator.MaxShareLimit)[0];
        var promotion = Promo("p", Discount.PercentOffItems(10)).WithClaimCodes([code], format).Build();
        var evaluator = new PromotionEvaluator(PromotionCatalog.Create([promotion]), new EvaluationOptions { HideCodeStatus = true, MaxCodesPerOrder = 2 });
        var typed = code.Replace('0', 'O').Replace('1', 'I');

        var result = evaluator.Evaluate(Cart(Line("a", 10m)), ["NOPE", typed], Now, UsageSnapshot.Empty.WithCodeUses(code, 1));

        Assert.Equal([RejectionReason.UnknownCode, RejectionReason.UnknownCode], result.Rejected.Select(r => r.Reason));
        Assert.Equal(["NOPE", code], result.Rejected.Select(r => r.Code));
    }
}
