using System;
using System.Linq;
using Xunit;
using static PromoEngine.Tests.Shop;

namespace PromoEngine.Tests;

/// <summary>How the codes passed to an evaluation are read (PromotionEvaluator.cs, <c>ReadCodes</c> and
/// <c>CountCode</c>): a null code named by its position, the code past the bound counted as such, and spellings of one
/// code read once.</summary>
public sealed class EnteredCodeInputTests
{
    private static readonly PromotionEvaluator Evaluator = new(PromotionCatalog.Create([Promo("save", Discount.PercentOffItems(10)).WithCode("SAVE").Build()]));

    [Fact]
    public void Evaluate_ANullCode_IsRefusedNamingItsPosition()
    {
        var e = Assert.Throws<ArgumentNullException>(() => Evaluator.Evaluate(Cart(Line("a", 10m)), ["SAVE", "OTHER", null!], Now));

        Assert.Equal("codes", e.ParamName);
        Assert.StartsWith("Code 3 is null.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_OneCodePastMaxCodesPerRequest_IsRefusedWithItsCount()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Evaluator.Evaluate(Cart(Line("a", 10m)), Enumerable.Repeat("SAVE", PromotionEvaluator.MaxCodesPerRequest + 1), Now));

        Assert.Equal(PromotionEvaluator.MaxCodesPerRequest + 1, e.ActualValue);
        Assert.StartsWith("At most 32 codes can be entered for one evaluation (PromotionEvaluator.MaxCodesPerRequest).", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_OneCodeInTwoSpellings_IsReadOnce()
    {
        var result = Evaluator.Evaluate(Cart(Line("a", 10m)), ["save", " SAVE ", "NOPE"], Now);

        Assert.Equal(1m, result.Applied("save"));
        Assert.Equal(new CodeAttempts(2, 1, 0, 0), result.CodeAttempts);
        Assert.Equal(["NOPE"], result.Rejected.Select(r => r.Code));
    }
}
