using System.Collections.Generic;
using System.Linq;
using Xunit;
using static PromoEngine.Tests.Shop;

namespace PromoEngine.Tests;

/// <summary>How the order's code slots are given out when more usable codes are entered than fit: every way up to
/// <see cref="PromotionEvaluator.MaxCodeChoices"/> is evaluated (with the automatic promotions), past it the codes entered
/// first take the slots and the result says a fallback was used; strict priority takes the first without a fallback.</summary>
public sealed class CodeSlotChoiceTests
{
    private static readonly Cart Hundred = Cart(Line("a", 100m));

    /// <summary>Promotions c00, c01, ... with codes C00, C01, ..., each so many dollars off the order.</summary>
    private static List<Promotion> AmountsOff(params decimal[] amounts) =>
        [.. amounts.Select((amount, i) => Promo($"c{i:D2}", Discount.AmountOffOrder(D(amount))).WithCode($"C{i:D2}").Build())];

    private static string[] CodesOf(IEnumerable<Promotion> promotions) => [.. promotions.Select(p => p.Activation.Codes[0])];

    private static string[] AppliedIds(EvaluationResult result) => [.. result.Applied.Select(a => a.PromotionId.Value)];

    [Fact]
    public void Evaluate_MoreCodesThanSlots_TheAutomaticPromotionsApplyBesideTheChosenCode()
    {
        var codes = AmountsOff(5m, 3m);
        var automatic = Promo("ten", Discount.PercentOffItems(10)).Build();

        var result = new PromotionEvaluator(PromotionCatalog.Create([automatic, .. codes])).Evaluate(Hundred, CodesOf(codes), Now);

        Assert.Equal(["ten", "c00"], AppliedIds(result));
        Assert.Equal(85m, result.Total.Amount);
    }

    [Fact]
    public void Evaluate_StrictPriority_TheFirstCodeTakesTheSlotWithoutAFallback()
    {
        var codes = AmountsOff(3m, 5m);
        var evaluator = new PromotionEvaluator(PromotionCatalog.Create(codes), new EvaluationOptions { Selection = SelectionPolicy.StrictPriority });

        var result = evaluator.Evaluate(Hundred, CodesOf(codes), Now);

        Assert.Equal(["c00"], AppliedIds(result));
        Assert.False(result.UsedGreedyFallback);
    }

    [Fact]
    public void Evaluate_ThirteenCodesForOneSlot_EachIsTried_AndTheLastWins()
    {
        // 13 ways to fill one slot (78 to fill two: the count stops at the slots there are).
        var codes = AmountsOff([.. Enumerable.Range(1, 13).Select(i => (decimal)i)]);

        var result = new PromotionEvaluator(PromotionCatalog.Create(codes)).Evaluate(Hundred, CodesOf(codes), Now);

        Assert.Equal(["c12"], AppliedIds(result));
        Assert.False(result.UsedGreedyFallback);
    }

    [Fact]
    public void Evaluate_ThreeCodesForTwoSlots_TheBestPairWins()
    {
        var codes = AmountsOff(10m, 6m, 7m);
        var evaluator = new PromotionEvaluator(PromotionCatalog.Create(codes), new EvaluationOptions { MaxCodesPerOrder = 2 });

        var result = evaluator.Evaluate(Hundred, CodesOf(codes), Now);

        Assert.Equal(["c00", "c02"], AppliedIds(result));
        Assert.Equal(83m, result.Total.Amount);
        var rejection = Assert.Single(result.Rejected);
        Assert.Equal((RejectionReason.TooManyCodes, "C01"), (rejection.Reason, rejection.Code));
    }

    [Fact]
    public void Evaluate_FourCodesForTwoSlots_ThePairOfTheMiddleTwoIsTried()
    {
        var codes = AmountsOff(1m, 10m, 6m, 2m);
        var evaluator = new PromotionEvaluator(PromotionCatalog.Create(codes), new EvaluationOptions { MaxCodesPerOrder = 2 });

        var result = evaluator.Evaluate(Hundred, CodesOf(codes), Now);

        Assert.Equal(["c01", "c02"], AppliedIds(result));
        Assert.Equal(84m, result.Total.Amount);
        Assert.False(result.UsedGreedyFallback);
    }

    /// <summary>A customer whose wallet holds 64 codes (typed codes stop at 32; a wallet holds up to 100).</summary>
    private static (PromotionCatalog Catalog, Cart Cart) SixtyFourWalletCodes()
    {
        var codes = AmountsOff([.. Enumerable.Range(1, 64).Select(i => i / 4m)]);
        var jane = CustomerProfile.Registered("jane").WithWallet([.. CodesOf(codes).Select(c => WalletEntry.Clipped(c))]);
        return (PromotionCatalog.Create(codes), Cart(jane, null, Line("a", 100m)));
    }

    [Fact]
    public void Evaluate_SixtyFourWalletCodesForOneSlot_EachIsTried_AndTheLastWins()
    {
        // 64 ways: exactly PromotionEvaluator.MaxCodeChoices, still tried.
        var (catalog, cart) = SixtyFourWalletCodes();

        var result = new PromotionEvaluator(catalog).Evaluate(cart, [], Now);

        Assert.Equal(["c63"], AppliedIds(result));
        Assert.False(result.UsedGreedyFallback);
    }

    [Fact]
    public void Evaluate_SixtyFourWalletCodesForTwoSlots_TheFirstTwoTakeTheSlots_AndTheResultSaysSo()
    {
        // 2,016 ways: past the bound (64 is reached after the first slot, and the count goes on).
        var (catalog, cart) = SixtyFourWalletCodes();

        var result = new PromotionEvaluator(catalog, new EvaluationOptions { MaxCodesPerOrder = 2 }).Evaluate(cart, [], Now);

        Assert.Equal(["c00", "c01"], AppliedIds(result).Order());
        Assert.True(result.UsedGreedyFallback);
    }

    [Fact]
    public void Evaluate_TwoCodeChoicesThatEachLostACombinationSolvedGreedily_FlagTheResult()
    {
        // In each way to fill the slot, the combination with the stopper wins and the one without it (more competing
        // promotions than are searched exactly) lost: both say a fallback was used, and so does the result.
        var stopper = Promo("stopper", Discount.PercentOffItems(90)).WithPriority(1).StopLowerLanes(StopScope.AllLowerLanes).Build();
        var many = Enumerable.Range(0, LaneSolver.MaxExactCandidates + 1).Select(i => Promo($"p{i:D2}", Discount.PercentOffItems(1 + i)).Build());
        var codes = AmountsOff(1m, 2m);

        var result = new PromotionEvaluator(PromotionCatalog.Create([stopper, .. many, .. codes])).Evaluate(Cart(Line("a", 10m, 3)), CodesOf(codes), Now);

        Assert.Equal("stopper", result.Applied[0].PromotionId.Value);
        Assert.True(result.UsedGreedyFallback);
    }
}
