using System.Collections.Generic;
using System.Linq;
using Xunit;
using static PromoEngine.Tests.Shop;

namespace PromoEngine.Tests;

/// <summary>The gate's details: each rejection's text with more than one allowed value, the boundaries of minimums and
/// of the near-miss share, budgets that cap, limits the snapshot does not know, and what is hidden under
/// <see cref="EvaluationOptions.HideCodeStatus"/> and what is not.</summary>
public sealed class GateDetailsTests
{
    private static PromotionBuilder TenOff(string id = "p") => Promo(id, Discount.PercentOffItems(10));

    private static readonly PromotionId P = new("p");

    private static EvaluationResult Hidden(Cart cart, IEnumerable<Promotion> promotions, params string[] codes) =>
        new PromotionEvaluator(PromotionCatalog.Create(promotions), new EvaluationOptions { HideCodeStatus = true, MaxCodesPerOrder = 5 })
            .Evaluate(cart, codes, Now);

    [Fact]
    public void Evaluate_MembersOnlyWithTwoMemberships_NamesBoth()
    {
        var rejection = Diagnose(Cart(Line("a", 40m)), TenOff().Require(Restriction.MembersOnly("prime", "gold")).Build()).Rejection("p");

        Assert.Equal("p is for gold or prime members only.", rejection.Message);
        Assert.Equal(["gold", "prime"], rejection.Allowed.ToArray());
    }

    [Fact]
    public void Evaluate_ChannelsAndSegmentsWithTwoValues_NameBoth()
    {
        var channels = Diagnose(new Cart(Usd, [Line("a", 40m)], channel: "web"), TenOff().Require(Restriction.Channels("app", "kiosk")).Build());
        var segments = Diagnose(Cart(Line("a", 40m)), TenOff().Require(Restriction.Segments("vip", "staff")).Build());

        Assert.Equal("p is only for orders placed through app, kiosk.", channels.Rejection("p").Message);
        Assert.Equal("p is only for staff, vip customers.", segments.Rejection("p").Message);
    }

    [Fact]
    public void Evaluate_ShippingMethodsWithTwoAllowed_NamesBoth()
    {
        var promotion = Promotion.Create("ship", "Free shipping").Require(Restriction.ShippingMethods("standard", "economy")).Giving(Discount.FreeShipping).Build();

        var none = Evaluate(Cart(CustomerProfile.Guest, 9m, Line("a", 40m)), promotion).Rejection("ship");
        var other = Evaluate(Cart(CustomerProfile.Guest, 9m, Line("a", 40m)).WithShippingMethod("express"), promotion).Rejection("ship");

        Assert.Equal("Free shipping is only for shipping by economy or standard: choose one of them.", none.Message);
        Assert.Equal("Free shipping is only for shipping by economy or standard, not express.", other.Message);
    }

    [Fact]
    public void Evaluate_LimitsReached_SayHowOftenInWords()
    {
        var cart = Cart(CustomerProfile.Registered("c1"), null, Line("a", 40m));
        var once = TenOff("p").WithLimits(new UsageLimits(perCustomer: 1)).Build();
        var twice = TenOff("q").WithLimits(new UsageLimits(perCustomer: 2)).Build();
        var code = TenOff("r").WithCode("FIRST50").WithLimits(new UsageLimits(perCode: 50)).Build();
        var single = TenOff("s").WithCode("ONCE").WithLimits(new UsageLimits(perCode: 1)).Build();
        var usage = UsageSnapshot.Empty.WithCustomerUses(P, "c1", 1).WithCustomerUses(new PromotionId("q"), "c1", 2)
            .WithCodeUses("FIRST50", 50).WithCodeUses("ONCE", 1);

        var result = new PromotionEvaluator(PromotionCatalog.Create([once, twice, code, single]), new EvaluationOptions { MaxCodesPerOrder = 5 })
            .Evaluate(cart, ["FIRST50", "ONCE"], Now, usage);

        Assert.Equal("You have used p once, as often as it allows.", result.Rejection("p").Message);
        Assert.Equal("You have used q 2 times, as often as it allows.", result.Rejection("q").Message);
        Assert.Equal("The code FIRST50 has been used 50 times, as often as it allows.", result.Rejection("r").Message);
        Assert.Equal("The code ONCE has been used once, as often as it allows.", result.Rejection("s").Message);
    }

    [Fact]
    public void Evaluate_ClaimCodeRedeemedGuestAndBudget_SayWhy()
    {
        var claim = TenOff("p").WithClaimCodes(["AAAA1111"]).Build();
        var perCustomer = TenOff("q").WithLimits(new UsageLimits(perCustomer: 1)).Build();
        var budget = TenOff("r").WithLimits(new UsageLimits(budget: D(100m))).Build();
        var usage = UsageSnapshot.Empty.WithCodeUses("AAAA1111", 1).WithPromotionSpent(new PromotionId("r"), D(100m));

        var result = new PromotionEvaluator(PromotionCatalog.Create([claim, perCustomer, budget])).Evaluate(Cart(Line("a", 40m)), ["AAAA1111"], Now, usage);

        Assert.Equal("The code AAAA1111 has already been redeemed.", result.Rejection("p").Message);
        Assert.Equal("q is limited per customer: sign in to use it.", result.Rejection("q").Message);
        Assert.Equal("r has given away its whole budget.", result.Rejection("r").Message);
    }

    [Fact]
    public void Evaluate_PerCodeLimitTheSnapshotDoesNotKnow_IsUnavailable_NotApplied()
    {
        var promotion = TenOff().WithCode("FIRST50").WithLimits(new UsageLimits(perCode: 50)).Build();
        var usage = UsageSnapshot.Partial([], [], [], []);

        var result = new PromotionEvaluator(PromotionCatalog.Create([promotion])).Evaluate(Cart(Line("a", 40m)), ["FIRST50"], Now, usage);

        Assert.Empty(result.Applied);
        Assert.Equal(RejectionReason.UsageUnavailable, result.Rejection("p").Reason);
    }

    [Fact]
    public void Evaluate_MinimumsReachedExactly_Apply()
    {
        var subtotal = TenOff("p").Require(Restriction.MinimumSubtotal(D(40m))).ForItems(ItemFilter.Categories("shoes")).Build();
        var quantity = TenOff("q").Require(Restriction.MinimumQuantity(2)).ForItems(ItemFilter.Categories("socks")).Build();

        var result = Evaluate(Cart(Line("a", 40m, 1, null, "shoes"), Line("b", 5m, 2, null, "socks")), [subtotal, quantity]);

        Assert.Equal(4m, result.Applied("p"));
        Assert.Equal(1m, result.Applied("q"));
    }

    [Fact]
    public void Evaluate_QuantityAtExactlyTheNearMissShare_IsListedWithItsHint()
    {
        // Four needed, a quarter (the default share) in the cart: it concerns the cart, so the shopper is told.
        var promotion = TenOff().Require(Restriction.MinimumQuantity(4)).Build();

        var result = Evaluate(Cart(Line("a", 5m)), promotion);

        var rejection = result.Rejection("p");
        Assert.Equal((RejectionReason.MinimumQuantityNotMet, 3), (rejection.Reason, rejection.MissingQuantity));
        Assert.Equal("Add 3 more qualifying items to get p.", Assert.Single(result.Hints).Message);
    }

    [Fact]
    public void Evaluate_OneItemMissing_SaysItemInTheSingular()
    {
        var promotion = TenOff().Require(Restriction.MinimumQuantity(2)).Build();

        var result = Evaluate(Cart(Line("a", 5m)), promotion);

        Assert.Equal("Add 1 more qualifying item to get p.", result.Rejection("p").Message);
    }

    [Fact]
    public void Evaluate_CartConditionShortByTwoUnits_SaysItemsInThePlural()
    {
        var promotion = TenOff().Require(Restriction.CartHoldsUnits(ItemFilter.Categories("socks"), 3, "socks")).Build();

        var result = Evaluate(Cart(Line("a", 40m, 1, null, "shoes"), Line("b", 5m, 1, null, "socks")), promotion);

        Assert.Equal("Add 2 more items from socks to get p.", result.Rejection("p").Message);
    }

    [Fact]
    public void Evaluate_ThresholdAfterHigherLanesOnALineOfSeveralUnits_CountsEveryUnit()
    {
        // 2 x 30 = 60 left to pay, above the 50 it needs.
        var promotion = TenOff().Require(Restriction.MinimumSubtotal(D(50m), ThresholdBasis.AfterHigherLanes)).Build();

        var result = Evaluate(Cart(Line("a", 30m, 2)), promotion);

        Assert.Equal(6m, result.Applied("p"));
    }

    [Fact]
    public void Evaluate_HardBudgetBelowItemsAndShipping_CapsTheWholeSaving()
    {
        // Everything free would save 10 of items and 10 of shipping; 15 of the budget is left.
        var promotion = Promo("p", Discount.PercentOffItems(100).AndShipping(Discount.FreeShipping))
            .WithLimits(new UsageLimits(budget: D(15m))).Build();

        var result = new PromotionEvaluator(PromotionCatalog.Create([promotion])).Evaluate(Cart(CustomerProfile.Guest, 10m, Line("a", 10m)), [], Now);

        Assert.Equal(15m, result.Applied("p"));
        Assert.Contains(result.Applied, a => a.ClampedBy == ClampedBy.Budget);
        Assert.Equal(5m, result.Total.Amount);
    }

    [Fact]
    public void Evaluate_TwoPromotionsCappedByTheirBudgets_BothSayBudget()
    {
        var p = Promo("p", Discount.AmountOffOrder(D(30m))).WithLimits(new UsageLimits(budget: D(100m))).Build();
        var q = Promo("q", Discount.AmountOffOrder(D(30m))).WithLimits(new UsageLimits(budget: D(100m))).Build();
        var usage = UsageSnapshot.Empty.WithPromotionSpent(P, D(95m)).WithPromotionSpent(new PromotionId("q"), D(90m));

        var result = new PromotionEvaluator(PromotionCatalog.Create([p, q])).Evaluate(Cart(Line("a", 40m)), [], Now, usage);

        Assert.Equal([("p", 5m, ClampedBy.Budget), ("q", 10m, ClampedBy.Budget)],
            result.Applied.OrderBy(a => a.PromotionId.Value).Select(a => (a.PromotionId.Value, a.Amount.Amount, a.ClampedBy)));
    }

    [Fact]
    public void Evaluate_HideCodeStatus_StillExplainsAutomaticPromotionsAndWalletCodes()
    {
        var automatic = TenOff("auto").Require(Restriction.MinimumQuantity(2)).Build();
        var wallet = TenOff("mine").WithCode("MINE10").Require(Restriction.MinimumSubtotal(D(50m))).Build();
        var typed = TenOff("typed").WithCode("TYPED10").Require(Restriction.MinimumSubtotal(D(50m))).Build();
        var cart = Cart(CustomerProfile.Registered("c1").WithWallet(new WalletEntry("MINE10")), null, Line("a", 40m));

        var result = Hidden(cart, [automatic, wallet, typed], "TYPED10");

        Assert.Equal("Add 1 more qualifying item to get auto.", result.Rejection("auto").Message);
        Assert.Equal("Spend 10.00 USD more on qualifying items to get mine.", result.Rejection("mine").Message);
        Assert.Equal(["Add 1 more qualifying item to get auto.", "Spend 10.00 USD more on qualifying items to get mine."], result.Hints.Select(h => h.Message).Order());
        var unknown = Assert.Single(result.Rejected, r => r.Code == "TYPED10");
        Assert.Equal(RejectionReason.UnknownCode, unknown.Reason);
    }

    [Fact]
    public void Evaluate_HideCodeStatus_ABuyOneGetOneCodeWithItsGetItemsInTheCart_Applies()
    {
        // The get items are counted (not subtracted) when the gate asks whether the code could ever apply.
        var promotion = Promo("p", Discount.BuyXGetY(1, 1, getItems: ItemFilter.Categories("socks")))
            .ForItems(ItemFilter.Categories("shoes")).WithCode("SOCKS").Build();

        var result = Hidden(Cart(Line("a", 40m, 1, null, "shoes"), Line("b", 5m, 2, null, "socks")), [promotion], "SOCKS");

        Assert.Equal(5m, result.Applied("p"));
        Assert.Empty(result.Rejected);
    }

    [Fact]
    public void Evaluate_AutomaticRestrictedToTheShippingCountry_IsFoundByWhereTheOrderShips()
    {
        // The customer lives in one country and ships to another: the index must look the promotion up by the shipping one.
        var promotion = TenOff().Require(Restriction.Regions([new Region("DE")], [], RegionSource.ShippingAddress)).Build();
        var cart = Cart(CustomerProfile.Registered("c1").WithRegion(new Region("FR")), null, Line("a", 40m));

        Assert.Equal(4m, Evaluate(cart.WithShippingRegion(new Region("DE")), promotion).Applied("p"));
        Assert.Empty(Evaluate(cart.WithShippingRegion(new Region("FR")), promotion).Applied);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Evaluate_AHigherLaneTakesTheItemsAnotherPromotionsConditionMeasures_IsLeftOutWhenThatSavesMore(bool alsoOwnMinimum)
    {
        // 50 % off y in a higher lane leaves 30 of y; "50 % off x when y comes to 50 after higher lanes" then falls short.
        // The higher promotion touches only y, which the condition measures: leaving it out saves 50 instead of 30.
        var higher = Promo("higher", Discount.PercentOffItems(50)).ForItems(ItemFilter.Categories("y")).WithPriority(10).Build();
        var measuring = Promo("measuring", Discount.PercentOffItems(50)).ForItems(ItemFilter.Categories("x"))
            .Require(Restriction.CartHoldsAmount(ItemFilter.Categories("y"), D(50m), measuredOn: ThresholdBasis.AfterHigherLanes));
        if (alsoOwnMinimum)
        {
            measuring = measuring.Require(Restriction.MinimumSubtotal(D(50m), ThresholdBasis.AfterHigherLanes));
        }

        var result = Evaluate(Cart(Line("x", 100m, 1, "x", "x"), Line("y", 60m, 1, "y", "y")), [higher, measuring.Build()]);

        Assert.Equal([("measuring", 50m)], result.Applied.Select(a => (a.PromotionId.Value, a.Amount.Amount)));
        Assert.Equal(110m, result.Total.Amount);
    }
}
