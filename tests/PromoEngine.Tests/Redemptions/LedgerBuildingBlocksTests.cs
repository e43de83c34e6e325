using System;
using System.Collections.Generic;
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

    private static (RejectionReason, int?, int?) Reason(ReservationFailure? failure)
    {
        Assert.NotNull(failure);
        return (failure.Reason, failure.Limit, failure.Used);
    }

    private static RedemptionLimits Limits(int? total = null, int? perCode = null, int? perCustomer = null, decimal? budget = null) =>
        RedemptionLimits.For(Promo("p", Discount.AmountOffOrder(D(5m)))
            .WithCode("GROUP")
            .WithLimits(new UsageLimits(total: total, perCode: perCode, perCustomer: perCustomer, budget: budget is { } b ? D(b) : null))
            .Build());
}
