using System.Linq;
using Xunit;
using static PromoEngine.Tests.Shop;

namespace PromoEngine.Tests;

/// <summary>What a promotion left out of the winning combination is told, under "best for the shopper" and under strict
/// priority: an exclusive winner, an exclusive loser, a class conflict, a group, and a combination that was simply
/// better without it (each message, reason, winner and amount alone).</summary>
public sealed class CombinationExplainTests
{
    private static readonly Cart Hundred = Cart(Line("a", 100m));

    private static readonly EvaluationOptions Strict = new() { Selection = SelectionPolicy.StrictPriority };

    private static EvaluationResult Run(Cart cart, EvaluationOptions options, params Promotion[] promotions) =>
        new PromotionEvaluator(PromotionCatalog.Create(promotions), options).Evaluate(cart, [], Now);

    [Fact]
    public void Explain_ExclusiveSavesMoreAlone_TheOthersAreToldItSavesMoreOnItsOwn()
    {
        var result = Run(Hundred, EvaluationOptions.Default,
            Promo("ten", Discount.PercentOffItems(10)).Build(),
            Promo("solo", Discount.PercentOffItems(20)).Exclusive().Build());

        var rejection = result.Rejection("ten");
        Assert.Equal(RejectionReason.NotCombinable, rejection.Reason);
        Assert.Equal("ten cannot be combined with solo, which saves more on its own.", rejection.Message);
        Assert.Equal("solo", rejection.Winner?.Value);
        Assert.Equal(D(10m), rejection.AloneAmount);
    }

    [Fact]
    public void Explain_StrictPriority_ExclusiveComesFirst_TheOthersAreToldItComesFirst()
    {
        var result = Run(Hundred, Strict,
            Promo("ten", Discount.PercentOffItems(10)).WithPriority(1).Build(),
            Promo("solo", Discount.PercentOffItems(5)).Exclusive().WithPriority(2).Build());

        Assert.Equal(5m, result.Applied("solo"));
        var rejection = result.Rejection("ten");
        Assert.Equal(RejectionReason.NotCombinable, rejection.Reason);
        Assert.Equal("ten cannot be combined with solo, which comes first and applies alone.", rejection.Message);
        Assert.Equal("solo", rejection.Winner?.Value);
    }

    [Fact]
    public void Explain_ExclusiveSavesLess_IsToldTheCombinableOnesSaveMore_NamingTheLargest()
    {
        var result = Run(Hundred, EvaluationOptions.Default,
            Promo("five", Discount.AmountOffOrder(D(5))).Build(),
            Promo("ten", Discount.PercentOffItems(10)).Build(),
            Promo("solo", Discount.PercentOffItems(12)).Exclusive().Build());

        var rejection = result.Rejection("solo");
        Assert.Equal(RejectionReason.NotCombinable, rejection.Reason);
        Assert.Equal("solo applies only alone, and the promotions that can be combined (ten and the others) save more.", rejection.Message);
        Assert.Equal("ten", rejection.Winner?.Value);
        Assert.Equal(D(12m), rejection.AloneAmount);
    }

    [Fact]
    public void Explain_StrictPriority_ExclusiveAfterOthers_IsToldOthersComeBeforeIt()
    {
        var result = Run(Hundred, Strict,
            Promo("ten", Discount.PercentOffItems(10)).WithPriority(2).Build(),
            Promo("solo", Discount.PercentOffItems(50)).Exclusive().WithPriority(1).Build());

        var rejection = result.Rejection("solo");
        Assert.Equal(RejectionReason.NotCombinable, rejection.Reason);
        Assert.Equal("solo applies only alone, and other promotions come before it.", rejection.Message);
        Assert.Equal("ten", rejection.Winner?.Value);
    }

    [Fact]
    public void Explain_ClassConflict_NamesTheConflictAndBothClasses()
    {
        var result = Run(Cart(CustomerProfile.Guest, 5m, Line("a", 100m)), EvaluationOptions.Default,
            Promo("items10", Discount.PercentOffItems(10)).Build(),
            Promo("order20", Discount.PercentOffOrder(20)).CombiningWith(DiscountClasses.Shipping).Build());

        var rejection = result.Rejection("items10");
        Assert.Equal(RejectionReason.NotCombinable, rejection.Reason);
        Assert.Equal("items10 cannot be combined with order20 (order and item discounts).", rejection.Message);
        Assert.Equal("order20", rejection.Winner?.Value);
    }

    [Fact]
    public void Explain_GroupMemberNotChosen_NamesTheGroupAndTheMemberChosen()
    {
        var result = Run(Hundred, EvaluationOptions.Default,
            Promo("small", Discount.PercentOffItems(10)).InGroup("spring").Build(),
            Promo("large", Discount.PercentOffItems(20)).InGroup("spring").Build());

        var rejection = result.Rejection("small");
        Assert.Equal(RejectionReason.BetterDealChosen, rejection.Reason);
        Assert.Equal("Only one promotion of the group spring applies: large was chosen.", rejection.Message);
        Assert.Equal("large", rejection.Winner?.Value);
        Assert.Equal(D(10m), rejection.AloneAmount);
    }

    [Fact]
    public void Explain_StopperLeftOutForABetterDealBelow_IsToldABetterCombinationWasChosen()
    {
        // 30 % on A that stops lower lanes, above 50 % on A: the shopper is better off without the stop.
        var result = Run(Cart(Line("a", 50m, 1, "A")), EvaluationOptions.Default,
            Promo("a30", Discount.PercentOffItems(30)).ForItems(ItemFilter.Skus("A")).WithPriority(2).StopLowerLanes(StopScope.ItsItems).Build(),
            Promo("a50", Discount.PercentOffItems(50)).ForItems(ItemFilter.Skus("A")).WithPriority(1).Build());

        Assert.Equal(["a50"], result.Applied.Select(a => a.PromotionId.Value));
        var rejection = result.Rejection("a30");
        Assert.Equal(RejectionReason.BetterDealChosen, rejection.Reason);
        Assert.Equal("A better combination was chosen without a30.", rejection.Message);
        Assert.Equal("a50", rejection.Winner?.Value);
        Assert.Equal(D(15m), rejection.AloneAmount);
    }
}
