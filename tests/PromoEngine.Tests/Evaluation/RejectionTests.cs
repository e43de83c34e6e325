using System.Linq;
using NodaTime;
using Xunit;
using static PromoEngine.Tests.Shop;

namespace PromoEngine.Tests;

/// <summary>Every reason a code or promotion does not apply, each with its details.</summary>
public sealed class RejectionTests
{
    private static readonly Cart Basic = Cart(Line("a", 40m, 1, null, "shoes"));

    private static PromotionBuilder TenOff(string id = "p") => Promo(id, Discount.PercentOffItems(10));

    [Fact]
    public void With_ADetailSetOnACopy_LeavesTheOriginalAndItsOtherDetailsAsTheyWere()
    {
        // The details live in an object a copy shares until it sets one of its own.
        var original = new Rejection(new PromotionId("p"), null, RejectionReason.BetterDealChosen, "m") { Limit = 3, Winner = new PromotionId("w") };

        var copy = original with { Limit = 4, AloneAmount = D(1.50m) };
        var plain = new Rejection(new PromotionId("p"), null, RejectionReason.BetterDealChosen, "m");
        var plainCopy = plain with { Sku = "s" };

        Assert.Equal((3, new PromotionId("w"), (Money?)null), (original.Limit, original.Winner, original.AloneAmount));
        Assert.Equal((4, new PromotionId("w"), (Money?)D(1.50m)), (copy.Limit, copy.Winner, copy.AloneAmount));
        Assert.Null(plain.Sku);
        Assert.Equal("s", plainCopy.Sku);
        Assert.True(plain.Allowed.IsEmpty);
        Assert.NotEqual(original, copy);
        Assert.Equal(original, original with { });
    }

    [Fact]
    public void UnknownCode_IsRejectedWithTheNormalizedCode()
    {
        var result = Evaluate(Basic, [TenOff().WithCode("SAVE10").Build()], " nope-10 ");

        var rejection = Assert.Single(result.Rejected);
        Assert.Equal(RejectionReason.UnknownCode, rejection.Reason);
        Assert.Equal("NOPE10", rejection.Code);
        Assert.Null(rejection.PromotionId);
        Assert.Equal("The code NOPE10 does not exist.", rejection.Message);
    }

    [Fact]
    public void Code_InAnyFormat_ActivatesItsPromotion()
    {
        var result = Evaluate(Basic, [TenOff().WithCode("SAVE-10").Build()], "save 10");

        Assert.Equal(4m, result.Applied("p"));
        Assert.Equal("SAVE10", result.Applied.Single().Code);
        Assert.Equal("SAVE10", result.Redemptions.Single().Code);
    }

    [Fact]
    public void CodePromotion_WithoutItsCode_IsNotConsidered()
    {
        var result = Evaluate(Basic, [TenOff().WithCode("SAVE10").Build()]);

        Assert.Empty(result.Applied);
        Assert.Empty(result.Rejected);
    }

    [Fact]
    public void TooManyCodes_DefaultIsOneCodePerOrder()
    {
        var catalog = PromotionCatalog.Create([TenOff("a").WithCode("A").Build(), TenOff("b").WithCode("B").Build()]);

        var result = new PromotionEvaluator(catalog).Evaluate(Basic, ["A", "B"], Now);

        Assert.Equal(["a"], result.Applied.Select(a => a.PromotionId.Value));
        var rejection = Assert.Single(result.Rejected);
        Assert.Equal(RejectionReason.TooManyCodes, rejection.Reason);
        Assert.Equal("B", rejection.Code);
        Assert.Equal(1, rejection.Limit);
        Assert.Equal("The code B was not used: only one code can be used on one order, and A took the slot.", rejection.Message);
        Assert.Equal(new PromotionId("a"), rejection.Winner);
        Assert.Equal("A", rejection.WinnerCode);
    }

    [Fact]
    public void TooManyCodes_ARejectedCodeDoesNotTakeTheSlot()
    {
        var expired = TenOff("old").WithCode("OLD").WithSchedule(Schedule.Days(new LocalDate(2020, 1, 1), new LocalDate(2020, 1, 31), DateTimeZone.Utc)).Build();
        var catalog = PromotionCatalog.Create([expired, TenOff("b").WithCode("B").Build()]);

        var result = new PromotionEvaluator(catalog).Evaluate(Basic, ["NOPE", "OLD", "B"], Now);

        Assert.Equal(["b"], result.Applied.Select(a => a.PromotionId.Value));
        Assert.Equal([RejectionReason.UnknownCode, RejectionReason.Expired], result.Rejected.Select(r => r.Reason));
    }

    [Fact]
    public void TwoCodesOfOnePromotion_TheSecondIsRejected()
    {
        var result = Evaluate(Basic, [TenOff().WithClaimCodes(["C1", "C2"]).Build()], "C1", "C2");

        Assert.Equal(4m, result.Applied("p"));
        Assert.Equal(RejectionReason.SamePromotionCodeEntered, Assert.Single(result.Rejected).Reason);
    }

    [Fact]
    public void RepeatedCode_CountsOnce()
    {
        var result = Evaluate(Basic, [TenOff().WithCode("A").Build()], "A", "a", " A ");

        Assert.Equal(4m, result.Applied("p"));
        Assert.Empty(result.Rejected);
    }

    [Fact]
    public void Paused_And_Cancelled()
    {
        var result = Diagnose(Basic, [
            TenOff("paused").WithStatus(PromotionStatus.Paused).Build(),
            TenOff("cancelled").WithStatus(PromotionStatus.Cancelled).Build()]);

        Assert.Equal(RejectionReason.Paused, result.Rejection("paused").Reason);
        Assert.Equal(RejectionReason.Cancelled, result.Rejection("cancelled").Reason);
        Assert.Empty(result.Applied);
    }

    [Fact]
    public void NotStarted_CarriesTheStartInstant()
    {
        var zone = DateTimeZoneProviders.Tzdb["America/New_York"];
        var schedule = Schedule.Between(new LocalDateTime(2026, 7, 1, 0, 0), null, zone);

        var result = Diagnose(Basic, TenOff().WithSchedule(schedule).Build());

        var rejection = result.Rejection("p");
        Assert.Equal(RejectionReason.NotStarted, rejection.Reason);
        Assert.Equal(Instant.FromUtc(2026, 7, 1, 4, 0), rejection.Boundary);
        Assert.Equal("p starts 2026-07-01 00:00 America/New_York.", rejection.Message);
    }

    [Fact]
    public void Expired_CarriesTheEndInstant()
    {
        var schedule = Schedule.Days(new LocalDate(2026, 6, 1), new LocalDate(2026, 6, 14), DateTimeZone.Utc);

        var result = Diagnose(Basic, TenOff().WithSchedule(schedule).Build());

        Assert.Equal(RejectionReason.Expired, result.Rejection("p").Reason);
        Assert.Equal(Instant.FromUtc(2026, 6, 15, 0, 0), result.Rejection("p").Boundary);
    }

    [Fact]
    public void NoQualifyingItems()
    {
        var result = Evaluate(Basic, TenOff().ForItems(ItemFilter.Skus("other")).WithCode("X").Build(), "X");

        Assert.Equal(RejectionReason.NoQualifyingItems, result.Rejection("p").Reason);
    }

    [Fact]
    public void MinimumSubtotalNotMet_CarriesTheShortfallAndAHint()
    {
        var result = Evaluate(Basic, TenOff().Require(Restriction.MinimumSubtotal(D(52.50m))).Build());

        var rejection = result.Rejection("p");
        Assert.Equal(RejectionReason.MinimumSubtotalNotMet, rejection.Reason);
        Assert.Equal(D(12.50m), rejection.Shortfall);
        var hint = Assert.Single(result.Hints);
        Assert.Equal(HintKind.SpendMore, hint.Kind);
        Assert.Equal("Spend 12.50 USD more on qualifying items to get p.", hint.Message);
    }

    [Fact]
    public void MinimumSubtotal_CountsOnlyQualifyingItems()
    {
        var promotion = TenOff().ForItems(ItemFilter.Categories("shoes")).Require(Restriction.MinimumSubtotal(D(50))).Build();

        var result = Evaluate(Cart(Line("shoe", 40m, 1, null, "shoes"), Line("hat", 100m, 1, null, "hats")), promotion);

        Assert.Equal(D(10m), result.Rejection("p").Shortfall);
    }

    [Fact]
    public void MinimumQuantityNotMet_CarriesTheMissingQuantity()
    {
        var result = Evaluate(Basic, TenOff().Require(Restriction.MinimumQuantity(3)).Build());

        Assert.Equal(RejectionReason.MinimumQuantityNotMet, result.Rejection("p").Reason);
        Assert.Equal(2, result.Rejection("p").MissingQuantity);
        Assert.Equal("Add 2 more qualifying items to get p.", Assert.Single(result.Hints).Message);
    }

    [Fact]
    public void MembersOnly()
    {
        var promotion = TenOff().Require(Restriction.MembersOnly("prime")).Build();

        var guest = Diagnose(Basic, promotion);
        var member = Diagnose(Cart(CustomerProfile.Registered("c1").WithMemberships(["prime"]), null, Line("a", 40m)), promotion);

        Assert.Equal(RejectionReason.MembersOnly, guest.Rejection("p").Reason);
        Assert.Equal(4m, member.Applied("p"));
    }

    [Fact]
    public void RegionNotEligible_AndACountryContainsItsSubdivisions()
    {
        var promotion = TenOff().Require(Restriction.Regions(new Region("US"))).Build();
        Cart From(Region? region) => Cart(CustomerProfile.Registered("c").WithRegion(region), null, Line("a", 40m));

        Assert.Equal(RejectionReason.RegionNotEligible, Diagnose(From(new Region("CA")), promotion).Rejection("p").Reason);
        Assert.Equal(RejectionReason.RegionNotEligible, Diagnose(From(null), promotion).Rejection("p").Reason);
        Assert.Equal(4m, Diagnose(From(new Region("us", "ca")), promotion).Applied("p"));
    }

    [Fact]
    public void ChannelNotEligible()
    {
        var promotion = TenOff().Require(Restriction.Channels("app")).Build();

        Assert.Equal(RejectionReason.ChannelNotEligible, Diagnose(new Cart(Usd, [Line("a", 40m)], channel: "web"), promotion).Rejection("p").Reason);
        Assert.Equal(4m, Diagnose(new Cart(Usd, [Line("a", 40m)], channel: "app"), promotion).Applied("p"));
    }

    [Fact]
    public void SegmentNotEligible()
    {
        var promotion = TenOff().Require(Restriction.Segments("vip")).Build();

        Assert.Equal(RejectionReason.SegmentNotEligible, Diagnose(Basic, promotion).Rejection("p").Reason);
        Assert.Equal(4m, Diagnose(Cart(CustomerProfile.Registered("c").WithSegments(["vip"]), null, Line("a", 40m)), promotion).Applied("p"));
    }

    [Fact]
    public void FirstOrderOnly()
    {
        var promotion = TenOff().Require(Restriction.FirstOrderOnly).Build();

        Assert.Equal(RejectionReason.FirstOrderOnly, Diagnose(Basic, promotion).Rejection("p").Reason);
        Assert.Equal(4m, Diagnose(Cart(CustomerProfile.Registered("c").WithFirstOrder(), null, Line("a", 40m)), promotion).Applied("p"));
    }

    [Fact]
    public void AlreadyRedeemed_SingleUseClaimCode()
    {
        var promotion = TenOff().WithClaimCodes(["AAAA1111", "BBBB2222"]).Build();
        var catalog = PromotionCatalog.Create([promotion]);
        var usage = UsageSnapshot.Empty.WithCodeUses("aaaa-1111", 1);

        var used = new PromotionEvaluator(catalog).Evaluate(Basic, ["AAAA1111"], Now, usage);
        var fresh = new PromotionEvaluator(catalog).Evaluate(Basic, ["BBBB2222"], Now, usage);

        Assert.Equal(RejectionReason.AlreadyRedeemed, used.Rejection("p").Reason);
        Assert.Equal(4m, fresh.Applied("p"));
    }

    [Fact]
    public void UsageLimitReached_GroupCodeForTheFirstFifty()
    {
        var promotion = TenOff().WithCode("FIRST50").WithLimits(new UsageLimits(perCode: 50)).Build();
        var catalog = PromotionCatalog.Create([promotion]);

        var open = new PromotionEvaluator(catalog).Evaluate(Basic, ["FIRST50"], Now, UsageSnapshot.Empty.WithCodeUses("FIRST50", 49));
        var full = new PromotionEvaluator(catalog).Evaluate(Basic, ["FIRST50"], Now, UsageSnapshot.Empty.WithCodeUses("FIRST50", 50));

        Assert.Equal(4m, open.Applied("p"));
        var rejection = full.Rejection("p");
        Assert.Equal(RejectionReason.UsageLimitReached, rejection.Reason);
        Assert.Equal(50, rejection.Limit);
        Assert.Equal(50, rejection.Used);
    }

    [Fact]
    public void UsageLimitReached_TotalLimit()
    {
        var promotion = TenOff().WithLimits(new UsageLimits(total: 3)).Build();
        var usage = UsageSnapshot.Empty.WithPromotionUses(new PromotionId("p"), 3);

        var result = new PromotionEvaluator(PromotionCatalog.Create([promotion])).Evaluate(Basic, [], Now, usage);

        Assert.Equal(RejectionReason.UsageLimitReached, result.Rejection("p").Reason);
    }

    [Fact]
    public void CustomerLimitReached_AndGuestNotAllowed()
    {
        var promotion = TenOff().WithLimits(new UsageLimits(perCustomer: 1)).Build();
        var evaluator = new PromotionEvaluator(PromotionCatalog.Create([promotion]));
        var usage = UsageSnapshot.Empty.WithCustomerUses(new PromotionId("p"), "c1", 1);

        var again = evaluator.Evaluate(Cart(CustomerProfile.Registered("c1"), null, Line("a", 40m)), [], Now, usage);
        var other = evaluator.Evaluate(Cart(CustomerProfile.Registered("c2"), null, Line("a", 40m)), [], Now, usage);
        var guest = evaluator.Evaluate(Basic, [], Now, usage);

        Assert.Equal(RejectionReason.CustomerLimitReached, again.Rejection("p").Reason);
        Assert.Equal(4m, other.Applied("p"));
        Assert.Equal("c2", other.Redemptions.Single().CustomerId);
        Assert.Equal(RejectionReason.GuestNotAllowed, guest.Rejection("p").Reason);
    }

    [Fact]
    public void CurrencyNotSupported_AmountPromotionInAnotherCurrency()
    {
        var promotion = Promo("eur5", Discount.AmountOffOrder(new Money(5m, Currency.Eur))).Build();

        var result = Diagnose(Basic, promotion);

        Assert.Equal(RejectionReason.CurrencyNotSupported, result.Rejection("eur5").Reason);
    }

    [Fact]
    public void Rejections_ListCodesFirstThenPromotionsById()
    {
        var result = Diagnose(Basic, [TenOff("z").WithStatus(PromotionStatus.Paused).Build(), TenOff("a").WithStatus(PromotionStatus.Paused).Build()], "NOPE");

        Assert.Equal([RejectionReason.UnknownCode, RejectionReason.Paused, RejectionReason.Paused], result.Rejected.Select(r => r.Reason));
        Assert.Equal(["a", "z"], result.Rejected.Skip(1).Select(r => r.PromotionId!.Value.Value));
    }

    [Fact]
    public void AppliedPromotion_HasARedemptionForCheckout()
    {
        var result = Evaluate(Cart(CustomerProfile.Registered("c9"), null, Line("a", 40m)), TenOff().WithCode("X").Build(), "x");

        var redemption = Assert.Single(result.Redemptions);
        Assert.Equal(new PromotionId("p"), redemption.PromotionId);
        Assert.Equal("X", redemption.Code);
        Assert.Equal("c9", redemption.CustomerId);
        Assert.Null(redemption.OrderId);
        Assert.Equal(D(4m), redemption.Amount);
        Assert.Equal(Now, redemption.At);
        Assert.Equal("o-1", redemption.ForOrder("o-1").OrderId);
    }
}
