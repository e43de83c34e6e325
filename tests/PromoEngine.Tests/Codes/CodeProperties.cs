using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using FsCheck.Xunit;
using Xunit;
using static PromoEngine.Tests.Shop;

namespace PromoEngine.Tests;

/// <summary>Codes as shoppers type them: every spelling of a code is the code, and no input is an exception.</summary>
public sealed class CodeProperties
{
    private static readonly PromotionEvaluator Spelling = new(Arbitraries.SpellingCatalog());

    private static readonly Cart Basic = Cart(Line("a", 40m, 2), Line("b", 15m));

    [Property(MaxTest = 500, Arbitrary = [typeof(Arbitraries)])]
    public void Evaluate_AnySpellingOfACode_GivesTheSameResultAsItsCanonicalForm(CodeSpelling spelling)
    {
        var typed = Spelling.Evaluate(Basic, [spelling.Typed], Now);
        var canonical = Spelling.Evaluate(Basic, [spelling.Canonical], Now);

        Assert.Single(canonical.Applied);
        Assert.Equal(canonical, typed);
    }

    /// <summary>A ledger where each code of the spelling catalog was redeemed once, in its canonical form.</summary>
    private static readonly InMemoryRedemptionLedger Redeemed = RedeemEachOnce();

    private static InMemoryRedemptionLedger RedeemEachOnce()
    {
        var ledger = new InMemoryRedemptionLedger(new NodaTime.Testing.FakeClock(Now), NodaTime.Duration.FromDays(1));
        string[] codes = [Arbitraries.PlainCode, Arbitraries.FoldingCode, Arbitraries.ClaimCode];
        for (var i = 0; i < codes.Length; i++)
        {
            var result = Spelling.Evaluate(Basic, [codes[i]], Now);
            Assert.True(ledger.ReserveAsync(ReservationRequest.For($"seed{i}", result, Spelling.Catalog)).AsTask().GetAwaiter().GetResult().Succeeded);
        }

        return ledger;
    }

    [Property(MaxTest = 500, Arbitrary = [typeof(Arbitraries)])]
    public void Usage_AnySpellingOfACode_ReadsTheSameCountersAsItsCanonicalForm(CodeSpelling spelling)
    {
        var typedRequest = Spelling.UsageRequestFor(Basic, [spelling.Typed], Now);
        var canonicalRequest = Spelling.UsageRequestFor(Basic, [spelling.Canonical], Now);
        var typedUsage = Redeemed.GetUsageAsync(typedRequest).AsTask().GetAwaiter().GetResult();
        var canonicalUsage = Redeemed.GetUsageAsync(canonicalRequest).AsTask().GetAwaiter().GetResult();

        Assert.Equal(canonicalRequest, typedRequest);
        Assert.Equal(1, typedUsage.CodeUses(Assert.Single(typedRequest.Codes)));
        Assert.Equal(Spelling.Evaluate(Basic, [spelling.Canonical], Now, canonicalUsage), Spelling.Evaluate(Basic, [spelling.Typed], Now, typedUsage));
    }

    [Fact]
    public void Evaluate_TenThousandRandomStrings_NeverThrow_AndARealCodeBesideThemApplies()
    {
        var random = new Random(20261202);
        var evaluator = new PromotionEvaluator(PromotionCatalog.Create(
            [Promo("save10", Discount.PercentOffItems(10)).WithCode("SAVE10").Build()]));
        var cart = Cart(Line("a", 40m));
        var made = 0;
        var malformed = 0;
        while (made < 10_000)
        {
            var codes = new List<string>();
            for (var i = 0; i < 5; i++, made++)
            {
                codes.Add(Garbage(random));
            }

            codes.Insert(random.Next(codes.Count + 1), "save 10");

            var result = evaluator.Evaluate(cart, codes, Now);

            Assert.Equal(4m, result.Applied("save10"));
            Assert.Equal(36m, result.Total.Amount);
            Assert.All(result.Rejected, r => Assert.True(r.Code is null || r.Code.Length <= 400, r.Code));
            Assert.Equal(result.CodeAttempts.Failed, result.Rejected.Count(r => r.Reason is RejectionReason.UnknownCode or RejectionReason.MalformedCode or RejectionReason.LikelyTypo));
            malformed += result.CodeAttempts.Malformed;
        }

        Assert.True(malformed > 5_000, $"only {malformed} malformed strings: the generator is too tame");
    }

    /// <summary>A string a fuzzer would type: controls, invisible and format characters, combining marks, astral
    /// characters, lone surrogates, very long runs, and real codes with something wrong inside.</summary>
    private static string Garbage(Random random)
    {
        var kind = random.Next(10);
        if (kind == 0)
        {
            // Long: past the limit, sometimes far past it.
            var length = random.Next(200) == 0 ? random.Next(100_000, 1 << 20) : random.Next(65, 400);
            return new string((char)random.Next('A', 'Z' + 1), length);
        }

        if (kind == 1)
        {
            var real = "SAVE10";
            var at = random.Next(real.Length + 1);
            return real[..at] + Character(random) + real[at..];
        }

        var builder = new StringBuilder();
        var count = random.Next(0, 12);
        for (var i = 0; i < count; i++)
        {
            builder.Append(Character(random));
        }

        return builder.ToString();
    }

    private static string Character(Random random) => random.Next(9) switch
    {
        0 => ((char)random.Next(0, 0x20)).ToString(),                                     // controls, NUL included
        1 => ((char)random.Next(0xD800, 0xE000)).ToString(),                              // lone surrogates
        2 => new[] { "\u200B", "\u200C", "\u200D", "\u2060", "\uFEFF", "\u00AD", "\u202E", "\uFE0F" }[random.Next(8)],
        3 => char.ConvertFromUtf32(random.Next(0x1F300, 0x1FAFF)),                        // emoji
        4 => char.ConvertFromUtf32(random.Next(0x1D400, 0x1D7FF)),                        // mathematical letters and digits
        5 => char.ConvertFromUtf32(random.Next(0xF0000, 0xFFFFD)),                        // private use
        6 => ((char)random.Next(0x0300, 0x0370)).ToString(),                              // combining marks
        7 => ((char)random.Next(0x20, 0x7F)).ToString(),                                  // printable ASCII
        _ => ((char)random.Next(0x00A0, 0xD800)).ToString(),                              // anything else of the BMP
    };
}
