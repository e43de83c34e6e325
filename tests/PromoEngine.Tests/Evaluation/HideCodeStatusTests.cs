using System.Linq;
using FsCheck.Xunit;
using Xunit;
using static PromoEngine.Tests.Shop;

namespace PromoEngine.Tests;

/// <summary><see cref="EvaluationOptions.HideCodeStatus"/> changes what is said of codes, and nothing else: a code that
/// does not apply is skipped as soon as it is known not to apply, with the same result as running it.</summary>
public sealed class HideCodeStatusTests
{
    private static readonly EvaluationOptions Hidden = new() { HideCodeStatus = true };

    [Property(MaxTest = 1000, Arbitrary = [typeof(EvaluationArbitraries)])]
    public void HideCodeStatus_ChangesOnlyWhatIsSaidOfCodes(EvaluationCase c)
    {
        var options = c.Options;
        var catalog = PromotionCatalog.Create(c.Promotions);
        var shown = new PromotionEvaluator(catalog, options).Evaluate(c.Cart, c.Codes, c.At, c.Usage);

        // (ImmutableArray compares by reference: the collections are compared as arrays.)
        var hidden = new PromotionEvaluator(catalog, options with { HideCodeStatus = true }).Evaluate(c.Cart, c.Codes, c.At, c.Usage);

        Assert.Equal(shown.Lines.ToArray(), hidden.Lines.ToArray());
        Assert.Equal(shown.Total, hidden.Total);
        Assert.Equal(shown.Applied.ToArray(), hidden.Applied.ToArray());
        Assert.Equal(shown.Redemptions.ToArray(), hidden.Redemptions.ToArray());
        Assert.Equal(shown.CodeAttempts, hidden.CodeAttempts);
        // Hidden, a code whose promotion cannot apply is not run when leaving it out changes nothing (what it would be
        // told is hidden anyway), so a search that took a shortcut only on its account is not made: the flag can drop,
        // never rise. Replay (7107214100772935686,14814745383314753087,69): a gift-with-purchase code whose gift is not
        // in the cart, beside an amount off each of 56 units; shown, the lane's exact search passed its bound (flag set),
        // hidden, the code was not run; the same totals, lines and promotions either way (also at 843e003).
        Assert.True(shown.UsedGreedyFallback || !hidden.UsedGreedyFallback);
        Assert.Equal(shown.Rejected.Where(r => r.Code is null), hidden.Rejected.Where(r => r.Code is null));
        // A hint about a promotion that was rejected under a code goes with the code; one about a promotion that applied
        // (entered with another of its codes too) stays.
        var appliedIds = shown.Applied.Select(a => a.PromotionId).ToHashSet();
        var codedRejected = shown.Rejected.Where(r => r.Code is not null && r.PromotionId is { } id && !appliedIds.Contains(id)).Select(r => r.PromotionId).ToHashSet();
        Assert.Equal(shown.Hints.Where(h => !codedRejected.Contains(h.PromotionId)), hidden.Hints);
        var expected = shown.Rejected.Where(r => r.Code is not null).GroupBy(r => r.Code!).ToDictionary(g => g.Key, g => g.First().Reason switch
        {
            RejectionReason.LikelyTypo or RejectionReason.MalformedCode or RejectionReason.UsageUnavailable => g.First().Reason,
            _ => RejectionReason.UnknownCode,
        });
        Assert.Equal(expected.OrderBy(kv => kv.Key), hidden.Rejected.Where(r => r.Code is not null).ToDictionary(r => r.Code!, r => r.Reason).OrderBy(kv => kv.Key));
        Assert.All(hidden.Rejected.Where(r => r.Code is not null), r => Assert.Null(r.PromotionId));
    }

    [Fact]
    public void Evaluate_AGiftCodeWhoseGiftIsNotInTheCart_MakesNoSearchOnItsAccount()
    {
        // The property's replay (7107214100772935686,14814745383314753087,69): shown, the gift code was run beside an
        // amount off each of 56 units, and the lane's exact search for the two passed its bound, so the result said a
        // shortcut was taken; hidden, the code was not run and it did not. A discount whose gift (its units to
        // discount) is not in the cart saves nothing on any units: it is given none and searched for by no one.
        var cart = Cart(
            Line("L0", 0.03m, 47, "s1", "c1"), Line("L1", 37m, 2, "s4", "c2"), Line("L2", 8745.47m, 1, "s1", "c1"),
            Line("L3", 72.5m, 1, "s3", "c1", "c3"), Line("L4", 99m, 3, "s1", "c3"), Line("L5", 72.5m, 2, "s1"));
        var each = Promo("each", Discount.AmountOffEachItem(D(0.04m))).WithPriority(1).Build();
        var gift = Promo("gift", Discount.GiftWithPurchase("s2", quantity: 2, buy: 2, percentOff: 33m)).WithCode("GIFT").WithPriority(1).Build();
        var catalog = PromotionCatalog.Create([each, gift]);

        var shown = new PromotionEvaluator(catalog).Evaluate(cart, ["GIFT"], Now);
        var hidden = new PromotionEvaluator(catalog, Hidden).Evaluate(cart, ["GIFT"], Now);

        Assert.Equal(["each"], shown.Applied.Select(a => a.PromotionId.Value));
        Assert.Equal(shown.Total, hidden.Total);
        Assert.False(shown.UsedGreedyFallback);
        Assert.False(hidden.UsedGreedyFallback);
        Assert.Equal(RejectionReason.GiftNotInCart, shown.Rejection("gift").Reason);
    }

    [Fact]
    public void HideCodeStatus_ASetPriceCodeShortOfItsSet_LeavesTheSameLinesToACappedPercentage()
    {
        // The property found it (replays (805453828559902588,7761664800346190389,10) and
        // (10518505168758686123,2748101888898843869,90)): "3 for 33" with two of its items saves nothing, and is not
        // run when hidden; shown, it was run, and the lane's tie (the capped 50 % saves 20 either way; smallest id
        // first) gave it the two items, which it then held for nothing, so the 20 landed on other lines.
        var set = Promo("p0", Discount.FixedPrice(3, D(33m))).WithCode("SET").ForItems(ItemFilter.Skus("s4")).Build();
        var half = Promo("p1", Discount.PercentOffItems(50)).WithMaxDiscount(D(20m)).Build();
        var catalog = PromotionCatalog.Create([set, half]);
        var cart = Cart(Line("a", 100m, 1, "s1"), Line("b", 20m, 1, "s4"), Line("c", 40m, 1, "s4"));

        var shown = new PromotionEvaluator(catalog).Evaluate(cart, ["SET"], Now);
        var hidden = new PromotionEvaluator(catalog, Hidden).Evaluate(cart, ["SET"], Now);

        Assert.Equal(20m, shown.Applied("p1"));
        Assert.Equal([12.50m, 2.50m, 5.00m], shown.Lines.Select(l => l.Discount.Amount));
        Assert.Equal(shown.Lines.ToArray(), hidden.Lines.ToArray());
        Assert.Equal(RejectionReason.UnknownCode, Assert.Single(hidden.Rejected).Reason);
    }

    [Fact]
    public void HideCodeStatus_APromotionEnteredWithTwoOfItsCodes_KeepsTheNextTierHintOfTheOneThatApplied()
    {
        // The property found it (replay (11215450683851909590,7716079126245517019,48)): the second code is refused and
        // hidden, but the promotion applied under the first, and its next tier still concerns the shopper.
        var tiers = Promo("tiers", Discount.Tiered(TierBasis.Subtotal, Tier.PercentOffFrom(50, 10), Tier.PercentOffFrom(200, 20)))
            .WithClaimCodes(["KQBX2", "KQBX3"]).Build();
        var catalog = PromotionCatalog.Create([tiers]);
        var options = new EvaluationOptions { MaxCodesPerOrder = 2 };

        var shown = new PromotionEvaluator(catalog, options).Evaluate(Cart(Line("a", 100m)), ["KQBX3", "KQBX2"], Now);
        var hidden = new PromotionEvaluator(catalog, options with { HideCodeStatus = true }).Evaluate(Cart(Line("a", 100m)), ["KQBX3", "KQBX2"], Now);

        Assert.Equal(10m, hidden.Applied("tiers"));
        Assert.Equal(RejectionReason.UnknownCode, Assert.Single(hidden.Rejected).Reason);
        Assert.Equal(100m, Assert.Single(shown.Hints).Shortfall!.Value.Amount);
        Assert.Equal(shown.Hints.ToArray(), hidden.Hints.ToArray());
    }

    [Theory]
    [InlineData(2, RejectionReason.MinimumQuantityNotMet)] // buy 3 get 1 with two: short at the gate's count
    [InlineData(4, null)]
    public void HideCodeStatus_BuyThreeGetOneShort_IsUnknown_AndStillTakesTheSlotUnderStrictPriority(int mugs, RejectionReason? shownReason)
    {
        var buyThree = Promo("mugs", Discount.BuyXGetY(3, 1)).WithCode("MUGS").ForItems(ItemFilter.Skus("MUG")).Build();
        var tenOff = Promo("ten", Discount.PercentOffOrder(10)).WithCode("TEN").Build();
        var catalog = PromotionCatalog.Create([buyThree, tenOff]);
        var cart = Cart(Line("1", 10m, mugs, "MUG"));
        var strict = new EvaluationOptions { Selection = SelectionPolicy.StrictPriority };

        var shown = new PromotionEvaluator(catalog, strict).Evaluate(cart, ["MUGS", "TEN"], Now);
        var hidden = new PromotionEvaluator(catalog, strict with { HideCodeStatus = true }).Evaluate(cart, ["MUGS", "TEN"], Now);

        // The first code entered takes the one slot, whether or not it applies: hiding its status does not free it.
        Assert.Equal(RejectionReason.TooManyCodes, shown.Rejected.Single(r => r.Code == "TEN").Reason);
        Assert.Equal(shownReason, shown.Rejected.SingleOrDefault(r => r.Code == "MUGS")?.Reason);
        Assert.Equal(shown.Total, hidden.Total);
        Assert.Equal(shownReason is null ? ["TEN"] : ["MUGS", "TEN"], hidden.Rejected.Select(r => r.Code));
        Assert.All(hidden.Rejected, r => Assert.Equal(RejectionReason.UnknownCode, r.Reason));
        Assert.Empty(hidden.Hints);
    }

    [Fact]
    public void HideCodeStatus_ACodeThatCannotApply_StillKeepsOutWhatDoesNotCombineWithIt()
    {
        // Under strict priority the coded tier (an order discount, priority 1) keeps out the automatic percentage that
        // does not combine with order discounts, even though the tier is not reached: hiding its status must not change that.
        var tier = Promo("tier", Discount.Tiered(TierBasis.Quantity, Tier.PercentOffFrom(3m, 15m))).WithCode("TIER").WithPriority(1).Build();
        var items = Promo("items", Discount.PercentOffItems(20)).CombiningWith(DiscountClasses.Item | DiscountClasses.Shipping).Build();
        var catalog = PromotionCatalog.Create([tier, items]);
        var strict = new EvaluationOptions { Selection = SelectionPolicy.StrictPriority };
        var cart = Cart(Line("1", 50m, 2));

        var shown = new PromotionEvaluator(catalog, strict).Evaluate(cart, ["TIER"], Now);
        var hidden = new PromotionEvaluator(catalog, strict with { HideCodeStatus = true }).Evaluate(cart, ["TIER"], Now);

        Assert.Equal(RejectionReason.NotCombinable, shown.Rejection("items").Reason);
        Assert.Equal(shown.Total, hidden.Total);
        Assert.Equal(shown.Rejection("items"), hidden.Rejection("items"));
        Assert.Equal(RejectionReason.UnknownCode, hidden.Rejected.Single(r => r.Code == "TIER").Reason);
    }

    [Fact]
    public void HideCodeStatus_CodesThatCannotApply_AreUnknownWithNothingElseSaid()
    {
        var tiered = Promo("tier", Discount.Tiered(TierBasis.Subtotal, Tier.PercentOffFrom(100m, 10m))).WithCode("TIER").Build();
        var bundle = Promo("bundle", Discount.FixedPrice(3, D(20m))).WithCode("BUNDLE").ForItems(ItemFilter.Skus("MUG")).Build();
        var getItems = Promo("get", Discount.BuyXGetY(1, 2, getItems: ItemFilter.Skus("CUP"))).WithCode("GET").ForItems(ItemFilter.Skus("MUG")).Build();
        var window = Promo("window", Discount.PercentOffItems(10)).WithCode("WINDOW")
            .WithSchedule(Schedule.Always.WithWeeklyWindows([new WeeklyWindow([NodaTime.IsoDayOfWeek.Sunday], new NodaTime.LocalTime(9, 0), new NodaTime.LocalTime(10, 0))])).Build();
        var minimum = Promo("min", Discount.PercentOffItems(10)).WithCode("MIN").Require(Restriction.MinimumSubtotal(D(500m))).Build();
        var catalog = PromotionCatalog.Create([tiered, bundle, getItems, window, minimum]);
        var cart = Cart(Line("1", 10m, 2, "MUG"), Line("2", 5m, 1, "CUP"));
        string[] codes = ["TIER", "BUNDLE", "GET", "WINDOW", "MIN"];

        var shown = new PromotionEvaluator(catalog, new EvaluationOptions { MaxCodesPerOrder = 5 }).Evaluate(cart, codes, Now);
        var hidden = new PromotionEvaluator(catalog, Hidden with { MaxCodesPerOrder = 5 }).Evaluate(cart, codes, Now);

        Assert.Equal(
            [RejectionReason.MinimumSubtotalNotMet, RejectionReason.MinimumQuantityNotMet, RejectionReason.MinimumQuantityNotMet, RejectionReason.OutsideWindow, RejectionReason.MinimumSubtotalNotMet],
            codes.Select(code => shown.Rejected.Single(r => r.Code == code).Reason));
        Assert.Equal(codes, hidden.Rejected.Select(r => r.Code));
        Assert.All(hidden.Rejected, r => Assert.Equal((null, RejectionReason.UnknownCode, $"The code {r.Code} does not exist."), (r.PromotionId, r.Reason, r.Message)));
        Assert.Empty(hidden.Hints);
        Assert.Equal(shown.Total, hidden.Total);
    }
}
