using System;
using System.Linq;
using Xunit;
using static PromoEngine.Tests.Shop;

namespace PromoEngine.Tests;

/// <summary>Whatever a shopper types, evaluation gives a result: a code that cannot be read is a rejection.</summary>
public sealed class MalformedCodeTests
{
    private static readonly Cart Basic = Cart(Line("a", 40m));

    private static PromotionEvaluator Evaluator(EvaluationOptions? options = null) =>
        new(PromotionCatalog.Create([Promo("save10", Discount.PercentOffItems(10)).WithCode("SAVE10").Build()]), options);

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("-")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("SAVE\u200B10")]
    [InlineData("SAVE\u000010")]
    [InlineData("\U0001F381")]
    [InlineData("\uFFFD")]
    public void Evaluate_MalformedCode_IsRejectedAndTakesNoSlot_AndAGoodCodeBesideItApplies(string typed)
    {
        var result = Evaluator().Evaluate(Basic, [typed, "save-10"], Now);

        Assert.Equal(4m, result.Applied("save10"));
        var rejection = Assert.Single(result.Rejected);
        Assert.Equal(RejectionReason.MalformedCode, rejection.Reason);
        Assert.Null(rejection.PromotionId);
        Assert.StartsWith("The code entered cannot be read: A code must ", rejection.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_MalformedCode_MessageNamesTheCharacter()
    {
        var result = Evaluator().Evaluate(Basic, ["SAVE\u200B10", "🎁"], Now);

        Assert.Equal(
            ["The code entered cannot be read: A code must not contain control or invisible characters (found U+200B).",
             "The code entered cannot be read: A code must not contain symbols such as emoji (found U+1F381)."],
            result.Rejected.Select(r => r.Message));
        Assert.Equal(["SAVE[U+200B]10", "🎁"], result.Rejected.Select(r => r.Code));
    }

    [Fact]
    public void Evaluate_LoneSurrogate_IsRejectedAndRenderedAsItsCodePoint()
    {
        var result = Evaluator().Evaluate(Basic, ["SAVE\uD835", "SAVE10"], Now);

        Assert.Equal(4m, result.Applied("save10"));
        var rejection = Assert.Single(result.Rejected);
        Assert.Equal((RejectionReason.MalformedCode, "SAVE[U+D835]"), (rejection.Reason, rejection.Code));
        Assert.EndsWith("(found a lone surrogate U+D835).", rejection.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_AMegabyteCode_IsRejectedWithACappedRendering()
    {
        var huge = new string('x', 1 << 20);

        var result = Evaluator().Evaluate(Basic, [huge], Now);

        var rejection = Assert.Single(result.Rejected);
        Assert.Equal(RejectionReason.MalformedCode, rejection.Reason);
        Assert.Equal(new string('x', 32) + "…", rejection.Code);
        Assert.Equal("The code entered cannot be read: A code must be at most 64 characters; this one has 1048576.", rejection.Message);
    }

    [Fact]
    public void Evaluate_MathematicalBoldCode_IsReadAsTheCode()
    {
        var result = Evaluator().Evaluate(Basic, ["𝐒𝐀𝐕𝐄𝟏𝟎"], Now);

        Assert.Equal(4m, result.Applied("save10"));
        Assert.Empty(result.Rejected);
    }

    [Fact]
    public void Evaluate_RepeatedMalformedCode_IsReportedOnce()
    {
        var result = Evaluator().Evaluate(Basic, ["A\u0007", "A\u0007", "save10", "SAVE 10"], Now);

        Assert.Equal(RejectionReason.MalformedCode, Assert.Single(result.Rejected).Reason);
        Assert.Equal(2, result.CodeAttempts.Entered);
    }

    [Fact]
    public void Evaluate_NullCodes_Throw()
    {
        var e = Assert.Throws<ArgumentNullException>(() => Evaluator().Evaluate(Basic, ["SAVE10", null!], Now));

        Assert.Equal("codes", e.ParamName);
        Assert.Throws<ArgumentNullException>(() => Evaluator().Evaluate(Basic, null!, Now));
    }

    [Fact]
    public void HideCodeStatus_MalformedCode_IsStillReportedAsMalformed()
    {
        var expired = Promo("old", Discount.PercentOffItems(10)).WithCode("OLD")
            .WithSchedule(Schedule.Days(new NodaTime.LocalDate(2020, 1, 1), new NodaTime.LocalDate(2020, 1, 2), NodaTime.DateTimeZone.Utc)).Build();
        var evaluator = new PromotionEvaluator(PromotionCatalog.Create([expired]), new EvaluationOptions { HideCodeStatus = true });

        var result = evaluator.Evaluate(Basic, ["OLD", "\u0000", "NOPE"], Now);

        Assert.Equal([RejectionReason.UnknownCode, RejectionReason.MalformedCode, RejectionReason.UnknownCode], result.Rejected.Select(r => r.Reason));
        Assert.Equal(["OLD", "[U+0000]", "NOPE"], result.Rejected.Select(r => r.Code));
    }

    [Fact]
    public void FindByCode_MalformedCode_IsNull()
    {
        var catalog = PromotionCatalog.Create([Promo("save10", Discount.PercentOffItems(10)).WithCode("SAVE10").Build()]);

        Assert.Null(catalog.FindByCode(new string('A', 1 << 20)));
        Assert.Null(catalog.FindByCode("SAVE\u200B10"));
        Assert.Null(catalog.FindByCode(""));
        Assert.NotNull(catalog.FindByCode("save–10"));
        Assert.Equal("code", Assert.Throws<ArgumentNullException>(() => catalog.FindByCode(null!)).ParamName);
    }

    [Fact]
    public void ClaimCodeFormatCheck_AnyInput_IsOtherShape()
    {
        Assert.Equal(ClaimCodeCheck.OtherShape, ClaimCodeFormat.Default.Check("\uD835"));
        Assert.Equal(ClaimCodeCheck.OtherShape, ClaimCodeFormat.Default.Check(new string('A', 1 << 20)));
    }
}
