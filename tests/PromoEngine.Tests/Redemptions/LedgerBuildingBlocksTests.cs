using System;
using System.Collections.Generic;
using System.Linq;
using NodaTime;
using Xunit;
using static PromoEngine.Tests.Shop;

namespace PromoEngine.Tests;

/// <summary>The public pieces a host's own ledger is made of (results, failures, redemptions, snapshots, the limit
/// check): each checks its input and gives what the built-in ledgers give.</summary>
public sealed class LedgerBuildingBlocksTests
{
    private static readonly PromotionId P = new("p");

    [Fact]
    public void Held_Reserved_HasItsExpiryAndSucceeds()
    {
        var result = ReservationResult.Held("  o1 ", ReservationState.Reserved, Now + Duration.FromMinutes(15));

        Assert.True(result.Succeeded);
        Assert.Equal("o1", result.OrderId);
        Assert.Equal(Now + Duration.FromMinutes(15), result.ExpiresAt);
    }

    [Theory]
    [InlineData(ReservationState.Reserved, false)]
    [InlineData(ReservationState.Committed, true)]
    public void Held_ExpiryThatDoesNotFitTheState_Throws(ReservationState state, bool withExpiry)
    {
        var error = Assert.Throws<ArgumentException>(() => ReservationResult.Held("o1", state, withExpiry ? Now : null));
        Assert.Equal("expiresAt", error.ParamName);
    }

    [Theory]
    [InlineData(ReservationState.None)]
    [InlineData(ReservationState.Released)]
    [InlineData(ReservationState.Expired)]
    [InlineData((ReservationState)99)]
    public void Held_StateThatHoldsNothing_Throws(ReservationState state) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ReservationResult.Held("o1", state, null));

    [Fact]
    public void Refused_NoFailures_Throws()
    {
        Assert.Throws<ArgumentException>(() => ReservationResult.Refused("o1", ReservationState.None, []));
        Assert.Throws<ArgumentException>(() => ReservationResult.Refused("o1", ReservationState.None, default));
        Assert.Throws<ArgumentException>(() => ReservationResult.Refused("o1", ReservationState.None, [null!]));
    }

    [Fact]
    public void Refused_StateThatHoldsTheOrder_Throws()
    {
        var failure = Limits(total: 1).Check(Redemption.Create(P, null, null, D(5m), Now), 1, 0, 0, null)!;

        Assert.Throws<ArgumentOutOfRangeException>(() => ReservationResult.Refused("o1", ReservationState.Reserved, [failure]));
        var refused = ReservationResult.Refused("o1", ReservationState.Expired, [failure]);
        Assert.False(refused.Succeeded);
        Assert.Equal(ReservationState.Expired, refused.State);
        Assert.Null(refused.ExpiresAt);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("a\u0000b")]
    public void Identifiers_Malformed_ThrowsWithTheReason(string orderId)
    {
        Assert.Throws<ArgumentException>(() => Identifiers.Normalize(orderId));
        Assert.Throws<ArgumentException>(() => ReservationResult.Held(orderId, ReservationState.Committed, null));
    }

    [Fact]
    public void Identifiers_TooLong_ThrowsAndMaxLengthPasses()
    {
        Assert.Equal(new string('x', Identifiers.MaxLength), Identifiers.Normalize(new string('x', Identifiers.MaxLength)));
        Assert.Throws<ArgumentException>(() => Identifiers.Normalize(new string('x', Identifiers.MaxLength + 1)));
    }

    [Fact]
    public void Create_NormalizesTheCodeAndTrimsTheCustomer()
    {
        var redemption = Redemption.Create(P, " save-10 ", " c1 ", D(5m), Now);

        Assert.Equal(PromotionCode.Normalize("save-10"), redemption.Code);
        Assert.Equal("c1", redemption.CustomerId);
        Assert.Null(redemption.OrderId);
        Assert.Equal("o1", redemption.ForOrder("o1").OrderId);
    }

    [Fact]
    public void Create_BadInput_ThrowsForEach()
    {
        Assert.Throws<ArgumentException>(() => Redemption.Create(default, null, null, D(5m), Now));
        Assert.Throws<ArgumentOutOfRangeException>(() => Redemption.Create(P, null, null, D(0m), Now));
        Assert.Throws<ArgumentOutOfRangeException>(() => Redemption.Create(P, null, null, D(-1m), Now));
        Assert.Throws<ArgumentOutOfRangeException>(() => Redemption.Create(P, null, null, default, Now));
        Assert.Throws<ArgumentException>(() => Redemption.Create(P, "\u200b", null, D(5m), Now));
        Assert.Throws<ArgumentException>(() => Redemption.Create(P, null, "", D(5m), Now));
    }

    [Fact]
    public void Check_EachLimit_NamesItsReasonWithTheNumbers()
    {
        var withCode = Redemption.Create(P, "GROUP", "c1", D(5m), Now);
        var guest = Redemption.Create(P, null, null, D(5m), Now);

        Assert.Null(Limits(total: 3, perCode: 2, perCustomer: 1, budget: 20m).Check(withCode, 2, 1, 0, D(15m)));
        Assert.Equal((RejectionReason.UsageLimitReached, 3, 3), Reason(Limits(total: 3).Check(withCode, 3, 0, 0, null)));
        Assert.Equal((RejectionReason.UsageLimitReached, 2, 2), Reason(Limits(perCode: 2).Check(withCode, 2, 2, 0, null)));
        Assert.Equal((RejectionReason.CustomerLimitReached, 1, 1), Reason(Limits(perCustomer: 1).Check(withCode, 1, 1, 1, null)));
        Assert.Equal((RejectionReason.GuestNotAllowed, 1, null), Reason(Limits(perCustomer: 1).Check(guest, 0, 0, 0, null)));
        Assert.Equal((RejectionReason.BudgetExhausted, null, null), Reason(Limits(budget: 20m).Check(withCode, 0, 0, 0, D(15.01m))));
    }

    [Fact]
    public void Check_NegativeCounts_Throw()
    {
        var redemption = Redemption.Create(P, null, null, D(5m), Now);
        var limits = Limits(total: 3);

        Assert.Equal("promotionUses", Assert.Throws<ArgumentOutOfRangeException>(() => limits.Check(redemption, -1, 0, 0, null)).ParamName);
        Assert.Equal("codeUses", Assert.Throws<ArgumentOutOfRangeException>(() => limits.Check(redemption, 0, -1, 0, null)).ParamName);
        Assert.Equal("customerUses", Assert.Throws<ArgumentOutOfRangeException>(() => limits.Check(redemption, 0, 0, -1, null)).ParamName);
        Assert.Equal("spent", Assert.Throws<ArgumentOutOfRangeException>(() => limits.Check(redemption, 0, 0, 0, D(-1m))).ParamName);
    }

    [Fact]
    public void Partial_KnowsOnlyWhatIsGivenAndNormalizesCodes()
    {
        var q = new PromotionId("q");
        var snapshot = UsageSnapshot.Partial(
            [new(P, 2)],
            [new(" save-10 ", 4)],
            [new((P, " c1 "), 1)],
            [new(q, D(7m))]);

        Assert.False(snapshot.IsComplete);
        Assert.Equal(2, snapshot.PromotionUses(P));
        Assert.Equal(0, snapshot.PromotionUses(q));
        Assert.Equal(D(7m), snapshot.PromotionSpent(q));
        Assert.Null(snapshot.PromotionSpent(P));
        Assert.Equal(4, snapshot.CodeUses("SAVE-10"));
        Assert.Null(snapshot.CodeUses("OTHER"));
        Assert.Equal(1, snapshot.CustomerUses(P, "c1"));
        Assert.Null(snapshot.CustomerUses(P, "c2"));
        Assert.Null(snapshot.PromotionUses(new PromotionId("unknown")));
    }

    [Fact]
    public void Partial_BadInput_Throws()
    {
        KeyValuePair<PromotionId, int>[] none = [];
        KeyValuePair<string, int>[] noCodes = [];
        KeyValuePair<(PromotionId, string), int>[] noCustomers = [];
        KeyValuePair<PromotionId, Money>[] noSpend = [];

        Assert.Throws<ArgumentOutOfRangeException>(() => UsageSnapshot.Partial([new(P, -1)], noCodes, noCustomers, noSpend));
        Assert.Throws<ArgumentException>(() => UsageSnapshot.Partial(none, [new("save", 1), new("SAVE", 2)], noCustomers, noSpend));
        Assert.Throws<ArgumentException>(() => UsageSnapshot.Partial(none, noCodes, [new((P, ""), 1)], noSpend));
        Assert.Throws<ArgumentOutOfRangeException>(() => UsageSnapshot.Partial(none, noCodes, noCustomers, [new(P, D(-1m))]));
        Assert.Throws<ArgumentNullException>(() => UsageSnapshot.Partial(null!, noCodes, noCustomers, noSpend));
    }

    [Fact]
    public void LedgerUnavailableException_Constructors_KeepTheMessageAndTheCause()
    {
        var cause = new TimeoutException("db");

        Assert.Equal("The redemption ledger is unavailable.", new LedgerUnavailableException().Message);
        Assert.Equal("down", new LedgerUnavailableException("down").Message);
        var wrapped = new LedgerUnavailableException("down", cause);
        Assert.Equal("down", wrapped.Message);
        Assert.Same(cause, wrapped.InnerException);
    }

    [Fact]
    public void PromotionGiveBack_BadInput_ThrowsForEach()
    {
        Assert.Equal("promotionId", Assert.Throws<ArgumentException>(() => new PromotionGiveBack(default, D(1m), false)).ParamName);
        var noCurrency = Assert.Throws<ArgumentException>(() => new PromotionGiveBack(P, default, false));
        Assert.Equal("spend", noCurrency.ParamName);
        Assert.StartsWith("The spend given back needs a currency.", noCurrency.Message, StringComparison.Ordinal);
        Assert.Equal("spend", Assert.Throws<ArgumentOutOfRangeException>(() => new PromotionGiveBack(P, D(-0.01m), false)).ParamName);
        var unrounded = Assert.Throws<ArgumentException>(() => new PromotionGiveBack(P, D(1.005m), false));
        Assert.Equal("spend", unrounded.ParamName);
        Assert.StartsWith("The spend given back 1.005 USD is not a whole number of minor units.", unrounded.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PromotionGiveBack_ZeroSpend_KeepsWhatItIsGiven()
    {
        var giveBack = new PromotionGiveBack(P, D(0m), true);

        Assert.Equal((P, D(0m), true), (giveBack.PromotionId, giveBack.Spend, giveBack.NoLongerUsed));
    }

    [Fact]
    public void LedgerReturn_TrimsItsIdKeepsItsOrderAndComparesByContent()
    {
        var q = new PromotionId("q");
        var ledgerReturn = new LedgerReturn(" r1 ", [new PromotionGiveBack(q, D(1m), false), new PromotionGiveBack(P, D(2m), true)]);

        Assert.Equal("r1", ledgerReturn.ReturnId);
        Assert.Equal([q, P], ledgerReturn.GiveBacks.Select(g => g.PromotionId));
        Assert.Equal(ledgerReturn, new LedgerReturn("r1", [new PromotionGiveBack(q, D(1m), false), new PromotionGiveBack(P, D(2m), true)]));
        Assert.NotEqual(ledgerReturn, new LedgerReturn("r1", [new PromotionGiveBack(q, D(1m), false), new PromotionGiveBack(P, D(2m), false)]));
    }

    [Fact]
    public void LedgerReturn_BadInput_ThrowsForEach()
    {
        Assert.Equal("giveBacks", Assert.Throws<ArgumentNullException>(() => new LedgerReturn("r1", null!)).ParamName);
        Assert.Equal("giveBacks", Assert.Throws<ArgumentNullException>(() => new LedgerReturn("r1", [null!])).ParamName);
        var twice = Assert.Throws<ArgumentException>(() => new LedgerReturn("r1", [new PromotionGiveBack(P, D(1m), false), new PromotionGiveBack(P, D(2m), false)]));
        Assert.Equal("giveBacks", twice.ParamName);
        Assert.StartsWith("The return r1 names the promotion p twice.", twice.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => new LedgerReturn(" ", []));
    }

    [Fact]
    public void ReservationRequest_GivesEveryRedemptionItsOrder_AndRefusesRepeatsAndOtherOrders()
    {
        var limits = Limits(total: 3);
        var first = Redemption.Create(P, null, "c1", D(5m), Now);
        var request = new ReservationRequest(" o1 ", [(first, limits)]);

        Assert.Equal("o1", request.OrderId);
        Assert.Equal("o1", Assert.Single(request.Items).Redemption.OrderId);
        Assert.Equal("o1", new ReservationRequest("o1", [(first.ForOrder("o1"), limits)]).Items[0].Redemption.OrderId);

        var twice = Assert.Throws<ArgumentException>(() => new ReservationRequest("o1", [(first, limits), (first, limits)]));
        Assert.Equal("items", twice.ParamName);
        Assert.StartsWith("The promotion p appears twice; an order redeems a promotion once.", twice.Message, StringComparison.Ordinal);
        var other = Assert.Throws<ArgumentException>(() => new ReservationRequest("o1", [(first.ForOrder("o2"), limits)]));
        Assert.Equal("items", other.ParamName);
        Assert.StartsWith("A redemption belongs to order o2, not o1.", other.Message, StringComparison.Ordinal);
        Assert.Equal("items", Assert.Throws<ArgumentNullException>(() => new ReservationRequest("o1", [(null!, limits)])).ParamName);
        Assert.Equal("items", Assert.Throws<ArgumentNullException>(() => new ReservationRequest("o1", [(first, null!)])).ParamName);
        Assert.Equal("items", Assert.Throws<ArgumentNullException>(() => new ReservationRequest("o1", null!)).ParamName);
    }

    [Fact]
    public void ForOrder_SameOrder_IsTheSameRedemption()
    {
        var placed = Redemption.Create(P, null, null, D(5m), Now).ForOrder("o1");

        Assert.Same(placed, placed.ForOrder(" o1 "));
        Assert.NotSame(placed, placed.ForOrder("o2"));
    }

    [Fact]
    public void UsageRequest_NormalizesDeduplicatesAndComparesByContent()
    {
        var q = new PromotionId("q");
        var request = new UsageRequest([P, q, P], ["save-10", "SAVE10", null!, "\u200B", "other"], " c1 ");

        Assert.Equal([P, q], request.Promotions.ToArray());
        Assert.Equal(["SAVE10", "OTHER"], request.Codes.ToArray());
        Assert.Equal("c1", request.CustomerId);
        Assert.False(request.IsEmpty);

        var same = new UsageRequest([P, q], ["SAVE10", "other"], "c1");
        Assert.True(request == same);
        Assert.False(request != same);
        Assert.True(request.Equals((object)same));
        Assert.Equal(request.GetHashCode(), same.GetHashCode());
        Assert.True(request != new UsageRequest([P, q], ["SAVE10", "other"], null));
        Assert.True(request != new UsageRequest([q, P], ["SAVE10", "other"], "c1"));
        Assert.True(request != new UsageRequest([P, q], ["OTHER", "SAVE10"], "c1"));
        Assert.False(request.Equals(null));
        Assert.NotEqual(request.GetHashCode(), new UsageRequest([P], [], "c1").GetHashCode());
        Assert.NotEqual(request.GetHashCode(), new UsageRequest([P, q], ["SAVE10"], "c1").GetHashCode());
    }

    [Fact]
    public void UsageRequest_OnlyPromotionsOrOnlyCodes_IsNotEmpty_NoneIs()
    {
        Assert.True(UsageRequest.None.IsEmpty);
        Assert.Null(UsageRequest.None.CustomerId);
        Assert.False(new UsageRequest([P], [], null).IsEmpty);
        Assert.False(new UsageRequest([], ["SAVE10"], null).IsEmpty);
        Assert.True(new UsageRequest([], ["\u200B"], "c1").IsEmpty);
        Assert.Equal("promotions", Assert.Throws<ArgumentNullException>(() => new UsageRequest(null!, [], null)).ParamName);
        Assert.Equal("codes", Assert.Throws<ArgumentNullException>(() => new UsageRequest([], null!, null)).ParamName);
    }

    [Fact]
    public void EmptyAndUnavailable_SayZeroOrUnknownForWhatTheyDoNotHold()
    {
        Assert.True(UsageSnapshot.Empty.IsComplete);
        Assert.Equal(0, UsageSnapshot.Empty.PromotionUses(P));
        Assert.Equal(0, UsageSnapshot.Empty.CodeUses("SAVE10"));
        Assert.Equal(0, UsageSnapshot.Empty.CustomerUses(P, "c1"));
        Assert.Null(UsageSnapshot.Empty.PromotionSpent(P));

        Assert.False(UsageSnapshot.Unavailable.IsComplete);
        Assert.Null(UsageSnapshot.Unavailable.PromotionUses(P));
        Assert.Null(UsageSnapshot.Unavailable.CodeUses("SAVE10"));
        Assert.Null(UsageSnapshot.Unavailable.CustomerUses(P, "c1"));

        // A code that cannot be normalized was never redeemed, whatever the snapshot knows.
        Assert.Equal(0, UsageSnapshot.Unavailable.CodeUses("\u200B"));
        Assert.Equal("code", Assert.Throws<ArgumentNullException>(() => UsageSnapshot.Empty.CodeUses(null!)).ParamName);
        Assert.Equal("customerId", Assert.Throws<ArgumentNullException>(() => UsageSnapshot.Empty.CustomerUses(P, null!)).ParamName);
    }

    [Fact]
    public void With_SetsOneCounter_NormalizingCodesAndCustomers()
    {
        var q = new PromotionId("q");
        var snapshot = UsageSnapshot.Unavailable
            .WithPromotionUses(P, 3)
            .WithCodeUses("save-10", 2)
            .WithCustomerUses(P, " c1 ", 1)
            .WithPromotionSpent(P, D(4m))
            .WithPromotionSpent(q, D(0m));

        Assert.False(snapshot.IsComplete);
        Assert.Equal(3, snapshot.PromotionUses(P));
        Assert.Equal(0, snapshot.PromotionUses(q));
        Assert.Equal(2, snapshot.CodeUses("SAVE10"));
        Assert.Equal(1, snapshot.CustomerUses(P, "c1"));
        Assert.Equal(D(4m), snapshot.PromotionSpent(P));
        Assert.Equal(D(0m), snapshot.PromotionSpent(q));
        Assert.Equal(0, snapshot.WithPromotionUses(P, 0).PromotionUses(P));
        Assert.Equal("spent", Assert.Throws<ArgumentOutOfRangeException>(() => snapshot.WithPromotionSpent(P, default)).ParamName);
        Assert.Equal("uses", Assert.Throws<ArgumentOutOfRangeException>(() => snapshot.WithCodeUses("SAVE10", -1)).ParamName);
    }

    [Fact]
    public void AttributionReport_RowsByKeyThenCurrency_UnattributedLast_EmptyRowsLeftOut()
    {
        var report = new AttributionReport(AttributionDimension.Tag);
        var eur = new Money(3m, Currency.Eur);

        report.Add(new CodeAttribution(tags: ["video", "story"]), 1, D(2m));
        report.Add(new CodeAttribution(channel: "mail"), 1, D(1m));
        report.Add(null, 1, D(1.5m));
        report.Add(new CodeAttribution(tags: ["video"]), 1, eur);
        report.Add(new CodeAttribution(tags: ["video"]), 1, D(0.5m));
        report.AddRow("returned", 0, D(0m));
        report.AddRow("given-back", 0, D(-1m));
        report.AddRow("counted", 1, D(0m));

        var rows = report.ToTotals();

        Assert.Equal(
            ["counted 1 0.00 USD", "given-back 0 -1.00 USD", "story 1 2.00 USD", "video 1 3.00 EUR", "video 2 2.50 USD", "- 2 2.50 USD"],
            rows.Select(r => $"{r.Key ?? "-"} {r.Redemptions} {r.Discount}"));
        Assert.All(rows, r => Assert.Equal(AttributionDimension.Tag, r.Dimension));
        Assert.Equal("by", Assert.Throws<ArgumentOutOfRangeException>(() => new AttributionReport((AttributionDimension)0)).ParamName);
        Assert.Empty(new AttributionReport(AttributionDimension.Channel).ToTotals());
    }

    [Fact]
    public void Held_Refused_BadInput_SayWhy()
    {
        var failure = Limits(total: 1).Check(Redemption.Create(P, null, null, D(5m), Now), 1, 0, 0, null)!;

        Assert.StartsWith("A reserved order has an expiry.", Assert.Throws<ArgumentException>(() => ReservationResult.Held("o1", ReservationState.Reserved, null)).Message, StringComparison.Ordinal);
        Assert.StartsWith("A committed order does not expire.", Assert.Throws<ArgumentException>(() => ReservationResult.Held("o1", ReservationState.Committed, Now)).Message, StringComparison.Ordinal);
        var notHeld = Assert.Throws<ArgumentOutOfRangeException>(() => ReservationResult.Held("o1", ReservationState.Released, null));
        Assert.Equal("state", notHeld.ParamName);
        Assert.StartsWith("An order is held only when reserved or committed.", notHeld.Message, StringComparison.Ordinal);

        var held = Assert.Throws<ArgumentOutOfRangeException>(() => ReservationResult.Refused("o1", ReservationState.Committed, [failure]));
        Assert.Equal("state", held.ParamName);
        Assert.StartsWith("A refused order is not held: None, Released or Expired.", held.Message, StringComparison.Ordinal);
        var none = Assert.Throws<ArgumentException>(() => ReservationResult.Refused("o1", ReservationState.None, []));
        Assert.Equal("failures", none.ParamName);
        Assert.StartsWith("A refusal names at least one failure.", none.Message, StringComparison.Ordinal);
        var nullFailure = Assert.Throws<ArgumentException>(() => ReservationResult.Refused("o1", ReservationState.None, [failure, null!]));
        Assert.Equal("failures", nullFailure.ParamName);
        Assert.StartsWith("A failure must not be null.", nullFailure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_BadInput_SaysWhy()
    {
        var noPromotion = Assert.Throws<ArgumentException>(() => Redemption.Create(default, null, null, D(5m), Now));
        Assert.Equal("promotionId", noPromotion.ParamName);
        Assert.StartsWith("A promotion id is required.", noPromotion.Message, StringComparison.Ordinal);
        var zero = Assert.Throws<ArgumentOutOfRangeException>(() => Redemption.Create(P, null, null, D(0m), Now));
        Assert.Equal("amount", zero.ParamName);
        Assert.StartsWith("A redemption takes off more than zero, in a currency.", zero.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_AmountPastMaxAmount_Throws_AndMaxAmountPasses()
    {
        var max = new Money(Usd.MaxAmount, Usd);

        Assert.Equal(max, Redemption.Create(P, null, null, max, Now).Amount);
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Redemption.Create(P, null, null, new Money(Usd.MaxAmount + 0.01m, Usd), Now));
        Assert.Equal("amount", error.ParamName);
        Assert.StartsWith("An amount in USD must be at most 10,000,000,000,000 (Currency.MaxAmount).", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_NullRedemptionOrBadCounts_ThrowsSayingWhy()
    {
        var limits = Limits(total: 3);
        var redemption = Redemption.Create(P, null, null, D(5m), Now);

        Assert.Equal("redemption", Assert.Throws<ArgumentNullException>(() => limits.Check(null!, 0, 0, 0, null)).ParamName);
        Assert.StartsWith("A count of uses must not be negative.", Assert.Throws<ArgumentOutOfRangeException>(() => limits.Check(redemption, 0, 0, -1, null)).Message, StringComparison.Ordinal);
        Assert.StartsWith("An amount spent must not be negative.", Assert.Throws<ArgumentOutOfRangeException>(() => limits.Check(redemption, 0, 0, 0, D(-0.01m))).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_SoftBudgetSpentExactly_IsExhausted_AndACentLessIsNot()
    {
        var redemption = Redemption.Create(P, null, null, D(5m), Now);
        var soft = Limits(budget: 10m, policy: BudgetPolicy.Soft);

        Assert.Equal((RejectionReason.BudgetExhausted, null, null), Reason(soft.Check(redemption, 0, 0, 0, D(10m))));
        Assert.Null(soft.Check(redemption, 0, 0, 0, D(9.99m)));
        Assert.Null(Limits(budget: 10m).Check(redemption, 0, 0, 0, D(5m)));
        Assert.NotNull(Limits(budget: 10m).Check(redemption, 0, 0, 0, D(5.01m)));
    }

    [Fact]
    public void ReservationRequestFor_NullCatalogOrPromotionNotInIt_Throws()
    {
        var p = Promo("p", Discount.AmountOffOrder(D(5m))).Build();
        var result = Evaluate(Cart(Line("a", 20m)), p);
        Assert.Single(result.Redemptions);
        var other = PromotionCatalog.Create([Promo("q", Discount.AmountOffOrder(D(5m))).Build()]);

        Assert.Equal("catalog", Assert.Throws<ArgumentNullException>(() => ReservationRequest.For("o1", result, null!)).ParamName);
        Assert.Equal("result", Assert.Throws<ArgumentNullException>(() => ReservationRequest.For("o1", null!, other)).ParamName);
        var missing = Assert.Throws<ArgumentException>(() => ReservationRequest.For("o1", result, other));
        Assert.Equal("catalog", missing.ParamName);
        Assert.StartsWith("The promotion p is not in the catalog.", missing.Message, StringComparison.Ordinal);
        Assert.Equal(P, Assert.Single(ReservationRequest.For("o1", result, PromotionCatalog.Create([p])).Items).Redemption.PromotionId);
    }

    [Fact]
    public void ReservationRequestFor_NullCatalogAndNoRedemptions_Throws()
    {
        var result = Evaluate(Cart(Line("a", 20m)), []);
        Assert.Empty(result.Redemptions);

        Assert.Equal("catalog", Assert.Throws<ArgumentNullException>(() => ReservationRequest.For("o1", result, null!)).ParamName);
    }

    [Fact]
    public void Partial_NegativeSpend_SaysWhy()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => UsageSnapshot.Partial([], [], [], [new(P, D(-1m))]));

        Assert.Equal("spent", error.ParamName);
        Assert.StartsWith("An amount spent must be zero or more.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PromotionGiveBack_NoPromotion_SaysWhy() =>
        Assert.StartsWith("A give-back needs a promotion.", Assert.Throws<ArgumentException>(() => new PromotionGiveBack(default, D(1m), false)).Message, StringComparison.Ordinal);

    [Fact]
    public void AttributionReport_UndefinedDimension_SaysWhy() =>
        Assert.StartsWith("Not a defined AttributionDimension value.", Assert.Throws<ArgumentOutOfRangeException>(() => new AttributionReport((AttributionDimension)99)).Message, StringComparison.Ordinal);

    [Fact]
    public void UsageRequest_HashCode_TellsCustomersAndPromotionsApart()
    {
        var q = new PromotionId("q");

        Assert.NotEqual(new UsageRequest([P], ["SAVE10"], "c1").GetHashCode(), new UsageRequest([P], ["SAVE10"], "c2").GetHashCode());
        Assert.NotEqual(new UsageRequest([P], ["SAVE10"], "c1").GetHashCode(), new UsageRequest([P], ["SAVE10"], null).GetHashCode());
        Assert.NotEqual(new UsageRequest([P], ["SAVE10"], "c1").GetHashCode(), new UsageRequest([q], ["SAVE10"], "c1").GetHashCode());
    }

    private static (RejectionReason, int?, int?) Reason(ReservationFailure? failure)
    {
        Assert.NotNull(failure);
        return (failure.Reason, failure.Limit, failure.Used);
    }

    private static RedemptionLimits Limits(
        int? total = null, int? perCode = null, int? perCustomer = null, decimal? budget = null, BudgetPolicy policy = BudgetPolicy.Hard) =>
        RedemptionLimits.For(Promo("p", Discount.AmountOffOrder(D(5m)))
            .WithCode("GROUP")
            .WithLimits(new UsageLimits(total: total, perCode: perCode, perCustomer: perCustomer, budget: budget is { } b ? D(b) : null, budgetPolicy: policy))
            .Build());
}
