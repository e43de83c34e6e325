using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using NodaTime;
using NodaTime.Testing;
using Xunit;

namespace PromoEngine.Tests;

/// <summary>
/// The contract every <see cref="IRedemptionLedger"/> must keep. Inherit it and implement <see cref="CreateLedger"/>
/// to check a ledger of your own (one backed by your database, say) against the same rules.
/// </summary>
public abstract class RedemptionLedgerContract
{
    protected static readonly Instant Start = Instant.FromUtc(2026, 11, 27, 12, 0);
    protected static readonly Duration Timeout = Duration.FromMinutes(15);

    protected FakeClock Clock { get; } = new(Start);

    /// <summary>Makes an empty ledger that reads time from <paramref name="clock"/> and holds reservations for
    /// <paramref name="timeout"/>.</summary>
    protected abstract IRedemptionLedger CreateLedger(IClock clock, Duration timeout);

    protected static Money Usd(decimal amount) => new(amount, Currency.Usd);

    protected static Redemption Redemption(string promotion, string? code, string? customer, decimal amount = 5m) =>
        new(new PromotionId(promotion), code is null ? null : PromotionCode.Normalize(code), customer, null, Usd(amount), Start);

    protected static RedemptionLimits Limits(
        int? total = null, int? perCode = null, int? perCustomer = null, decimal? budget = null, BudgetPolicy policy = BudgetPolicy.Hard, LimitPolicy counts = LimitPolicy.Hard)
    {
        var builder = Promotion.Create("x", "x").Giving(Discount.PercentOffItems(10))
            .WithLimits(new UsageLimits(total, perCode, perCustomer, budget is { } b ? Usd(b) : null, policy, counts));
        return RedemptionLimits.For(builder.Build());
    }

    protected static ReservationRequest Request(string order, params (Redemption, RedemptionLimits)[] items) => new(order, items);

    [Fact]
    public async Task Reserve_WithinLimits_HoldsAndExpiresLater()
    {
        var ledger = CreateLedger(Clock, Timeout);

        var result = await ledger.ReserveAsync(Request("o1", (Redemption("p", "CODE", "c1"), Limits(total: 1))));

        Assert.True(result.Succeeded);
        Assert.Equal(ReservationState.Reserved, result.State);
        Assert.Equal(Start + Timeout, result.ExpiresAt);
        Assert.Equal(ReservationState.Reserved, await ledger.GetStateAsync("o1"));
    }

    [Fact]
    public async Task Reserve_PromotionLimitReached_IsRefused()
    {
        var ledger = CreateLedger(Clock, Timeout);
        var limits = Limits(total: 2);
        await ledger.ReserveAsync(Request("o1", (Redemption("p", null, "c1"), limits)));
        await ledger.ReserveAsync(Request("o2", (Redemption("p", null, "c2"), limits)));

        var third = await ledger.ReserveAsync(Request("o3", (Redemption("p", null, "c3"), limits)));

        Assert.False(third.Succeeded);
        var failure = Assert.Single(third.Failures);
        Assert.Equal(RejectionReason.UsageLimitReached, failure.Reason);
        Assert.Equal(2, failure.Limit);
        Assert.Equal(2, failure.Used);
        Assert.Equal(ReservationState.None, await ledger.GetStateAsync("o3"));
    }

    [Fact]
    public async Task Reserve_SingleUseCodeTwice_IsAlreadyRedeemed()
    {
        var ledger = CreateLedger(Clock, Timeout);
        var claim = Promotion.Create("p", "p").Giving(Discount.PercentOffItems(10)).WithClaimCodes(["AAAA"]).Build();
        var limits = RedemptionLimits.For(claim);
        Assert.Equal(1, limits.PerCode);
        await ledger.ReserveAsync(Request("o1", (Redemption("p", "AAAA", "c1"), limits)));

        var again = await ledger.ReserveAsync(Request("o2", (Redemption("p", "AAAA", "c2"), limits)));

        Assert.Equal(RejectionReason.AlreadyRedeemed, Assert.Single(again.Failures).Reason);
    }

    [Fact]
    public async Task Reserve_GroupCodeCapped_CountsPerCode()
    {
        var ledger = CreateLedger(Clock, Timeout);
        var limits = Limits(perCode: 2);
        Assert.True((await ledger.ReserveAsync(Request("o1", (Redemption("p", "GROUP", "c1"), limits)))).Succeeded);
        Assert.True((await ledger.ReserveAsync(Request("o2", (Redemption("p", "OTHER", "c2"), limits)))).Succeeded);
        Assert.True((await ledger.ReserveAsync(Request("o3", (Redemption("p", "GROUP", "c3"), limits)))).Succeeded);

        var fourth = await ledger.ReserveAsync(Request("o4", (Redemption("p", "GROUP", "c4"), limits)));

        Assert.Equal(RejectionReason.UsageLimitReached, Assert.Single(fourth.Failures).Reason);
    }

    [Fact]
    public async Task Reserve_PerCustomer_CountsPerCustomerAndRefusesGuests()
    {
        var ledger = CreateLedger(Clock, Timeout);
        var limits = Limits(perCustomer: 1);
        await ledger.ReserveAsync(Request("o1", (Redemption("p", null, "c1"), limits)));

        var again = await ledger.ReserveAsync(Request("o2", (Redemption("p", null, "c1"), limits)));
        var other = await ledger.ReserveAsync(Request("o3", (Redemption("p", null, "c2"), limits)));
        var guest = await ledger.ReserveAsync(Request("o4", (Redemption("p", null, null), limits)));

        Assert.Equal(RejectionReason.CustomerLimitReached, Assert.Single(again.Failures).Reason);
        Assert.True(other.Succeeded);
        Assert.Equal(RejectionReason.GuestNotAllowed, Assert.Single(guest.Failures).Reason);
    }

    [Fact]
    public async Task Reserve_HardBudget_IsNeverExceeded()
    {
        var ledger = CreateLedger(Clock, Timeout);
        var limits = Limits(budget: 10m);
        Assert.True((await ledger.ReserveAsync(Request("o1", (Redemption("p", null, "c1", 6m), limits)))).Succeeded);

        var over = await ledger.ReserveAsync(Request("o2", (Redemption("p", null, "c2", 5m), limits)));
        var fits = await ledger.ReserveAsync(Request("o3", (Redemption("p", null, "c3", 4m), limits)));

        Assert.Equal(RejectionReason.BudgetExhausted, Assert.Single(over.Failures).Reason);
        Assert.True(fits.Succeeded);
    }

    [Fact]
    public async Task Reserve_SoftBudget_LetsTheLastOrderPassIt()
    {
        var ledger = CreateLedger(Clock, Timeout);
        var limits = Limits(budget: 10m, policy: BudgetPolicy.Soft);
        await ledger.ReserveAsync(Request("o1", (Redemption("p", null, "c1", 6m), limits)));

        var passes = await ledger.ReserveAsync(Request("o2", (Redemption("p", null, "c2", 5m), limits)));
        var after = await ledger.ReserveAsync(Request("o3", (Redemption("p", null, "c3", 1m), limits)));

        Assert.True(passes.Succeeded);
        Assert.Equal(RejectionReason.BudgetExhausted, Assert.Single(after.Failures).Reason);
    }

    [Fact]
    public async Task Reserve_OneRedemptionRefused_HoldsNoneOfTheOrder()
    {
        var ledger = CreateLedger(Clock, Timeout);
        await ledger.ReserveAsync(Request("o1", (Redemption("b", null, "c1"), Limits(total: 1))));

        var result = await ledger.ReserveAsync(Request("o2", (Redemption("a", null, "c2"), Limits(total: 1)), (Redemption("b", null, "c2"), Limits(total: 1))));

        Assert.False(result.Succeeded);
        var usage = await ledger.GetUsageAsync(new UsageRequest([new PromotionId("a"), new PromotionId("b")], [], "c2"));
        Assert.Equal(0, usage.PromotionUses(new PromotionId("a")));
        Assert.Equal(1, usage.PromotionUses(new PromotionId("b")));
    }

    [Fact]
    public async Task Reserve_Retried_NeverCountsTwice()
    {
        var ledger = CreateLedger(Clock, Timeout);
        var request = Request("o1", (Redemption("p", "CODE", "c1"), Limits(total: 5)));

        var first = await ledger.ReserveAsync(request);
        Clock.AdvanceMinutes(1);
        var retry = await ledger.ReserveAsync(request);

        Assert.Equal(first, retry);
        var usage = await ledger.GetUsageAsync(new UsageRequest([new PromotionId("p")], ["CODE"], "c1"));
        Assert.Equal(1, usage.PromotionUses(new PromotionId("p")));
        Assert.Equal(1, usage.CodeUses("CODE"));
        Assert.Equal(1, usage.CustomerUses(new PromotionId("p"), "c1"));
    }

    [Fact]
    public async Task Reserve_SameOrderDifferentRedemptions_Throws()
    {
        var ledger = CreateLedger(Clock, Timeout);
        await ledger.ReserveAsync(Request("o1", (Redemption("p", null, "c1"), Limits())));

        await Assert.ThrowsAsync<InvalidOperationException>(async () =>
            await ledger.ReserveAsync(Request("o1", (Redemption("q", null, "c1"), Limits()))));
    }

    [Fact]
    public async Task Commit_IsIdempotent_AndKeepsTheUse()
    {
        var ledger = CreateLedger(Clock, Timeout);
        await ledger.ReserveAsync(Request("o1", (Redemption("p", null, "c1"), Limits(total: 1))));

        Assert.Equal(ReservationState.Committed, await ledger.CommitAsync("o1"));
        Assert.Equal(ReservationState.Committed, await ledger.CommitAsync("o1"));
        Clock.Advance(Timeout * 2);

        Assert.Equal(ReservationState.Committed, await ledger.GetStateAsync("o1"));
        var usage = await ledger.GetUsageAsync(new UsageRequest([new PromotionId("p")], [], null));
        Assert.Equal(1, usage.PromotionUses(new PromotionId("p")));
    }

    [Fact]
    public async Task Commit_UnknownOrder_IsNone()
    {
        var ledger = CreateLedger(Clock, Timeout);

        Assert.Equal(ReservationState.None, await ledger.CommitAsync("nope"));
    }

    [Fact]
    public async Task Release_GivesTheUseBack_AndIsIdempotent()
    {
        var ledger = CreateLedger(Clock, Timeout);
        var limits = Limits(total: 1);
        await ledger.ReserveAsync(Request("o1", (Redemption("p", "CODE", "c1", 7m), limits)));
        await ledger.CommitAsync("o1");

        Assert.Equal(ReservationState.Released, await ledger.ReleaseAsync("o1"));
        Assert.Equal(ReservationState.Released, await ledger.ReleaseAsync("o1"));

        var usage = await ledger.GetUsageAsync(new UsageRequest([new PromotionId("p")], ["CODE"], "c1"));
        Assert.Equal(0, usage.PromotionUses(new PromotionId("p")));
        Assert.Equal(0, usage.CodeUses("CODE"));
        Assert.Equal(Usd(0m), usage.PromotionSpent(new PromotionId("p")));
        Assert.True((await ledger.ReserveAsync(Request("o2", (Redemption("p", "CODE", "c2"), limits)))).Succeeded);
        Assert.Equal(ReservationState.Released, await ledger.CommitAsync("o1"));
    }

    [Fact]
    public async Task Reservation_NotCommittedInTime_ExpiresAndGivesTheUseBack()
    {
        var ledger = CreateLedger(Clock, Timeout);
        var limits = Limits(total: 1);
        await ledger.ReserveAsync(Request("o1", (Redemption("p", null, "c1"), limits)));

        Clock.Advance(Timeout - Duration.FromSeconds(1));
        Assert.Equal(ReservationState.Reserved, await ledger.GetStateAsync("o1"));
        Clock.AdvanceSeconds(1);

        Assert.Equal(ReservationState.Expired, await ledger.GetStateAsync("o1"));
        Assert.Equal(ReservationState.Expired, await ledger.CommitAsync("o1"));
        Assert.True((await ledger.ReserveAsync(Request("o2", (Redemption("p", null, "c2"), limits)))).Succeeded);
    }

    [Fact]
    public async Task Reserve_AfterExpiry_SameOrderCanReserveAgain()
    {
        var ledger = CreateLedger(Clock, Timeout);
        var request = Request("o1", (Redemption("p", null, "c1"), Limits(total: 1)));
        await ledger.ReserveAsync(request);
        Clock.Advance(Timeout);

        var again = await ledger.ReserveAsync(request);

        Assert.True(again.Succeeded);
        Assert.Equal(Start + Timeout + Timeout, again.ExpiresAt);
    }

    [Fact]
    public async Task GetUsage_CountsHeldAndCommittedUses()
    {
        var ledger = CreateLedger(Clock, Timeout);
        var limits = Limits();
        await ledger.ReserveAsync(Request("o1", (Redemption("p", "code-a", "c1", 2m), limits)));
        await ledger.ReserveAsync(Request("o2", (Redemption("p", "CODEA", "c1", 3m), limits)));
        await ledger.CommitAsync("o2");

        var usage = await ledger.GetUsageAsync(new UsageRequest([new PromotionId("p")], ["Code A"], "c1"));

        Assert.Equal(2, usage.PromotionUses(new PromotionId("p")));
        Assert.Equal(2, usage.CodeUses("CODEA"));
        Assert.Equal(2, usage.CustomerUses(new PromotionId("p"), "c1"));
        Assert.Equal(Usd(5m), usage.PromotionSpent(new PromotionId("p")));
    }

    [Fact]
    public async Task Operations_Cancelled_TakeNoEffect()
    {
        var ledger = CreateLedger(Clock, Timeout);
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
            await ledger.ReserveAsync(Request("o1", (Redemption("p", null, "c1"), Limits())), cancelled.Token));

        Assert.Equal(ReservationState.None, await ledger.GetStateAsync("o1"));
    }

    [Fact]
    public async Task GetUsage_KnowsExactlyTheCountersAsked_AndNothingElse()
    {
        var ledger = CreateLedger(Clock, Timeout);
        await ledger.ReserveAsync(Request("o1", (Redemption("p", "CODE", "c1", 3m), Limits()), (Redemption("q", "OTHER", "c1"), Limits())));

        var usage = await ledger.GetUsageAsync(new UsageRequest([new PromotionId("p"), new PromotionId("none")], ["code", "UNUSED"], "c1"));

        Assert.False(usage.IsComplete);
        Assert.Equal(1, usage.PromotionUses(new PromotionId("p")));
        Assert.Equal(Usd(3m), usage.PromotionSpent(new PromotionId("p")));
        Assert.Equal(0, usage.PromotionUses(new PromotionId("none")));
        Assert.Equal(1, usage.CustomerUses(new PromotionId("p"), "c1"));
        Assert.Equal(0, usage.CodeUses("UNUSED"));
        Assert.Null(usage.PromotionUses(new PromotionId("q")));
        Assert.Null(usage.CodeUses("OTHER"));
        Assert.Null(usage.CustomerUses(new PromotionId("p"), "c2"));
    }

    [Fact]
    public async Task GetUsage_GuestRequest_KnowsNoCustomerCounts()
    {
        var ledger = CreateLedger(Clock, Timeout);

        var usage = await ledger.GetUsageAsync(new UsageRequest([new PromotionId("p")], [], null));

        Assert.Equal(0, usage.PromotionUses(new PromotionId("p")));
        Assert.Null(usage.CustomerUses(new PromotionId("p"), "c1"));
    }

    [Fact]
    public async Task Reserve_SoftCountLimits_AreCountedButNeverRefused()
    {
        var ledger = CreateLedger(Clock, Timeout);
        var soft = Limits(total: 1, perCode: 1, counts: LimitPolicy.Soft);
        await ledger.ReserveAsync(Request("o1", (Redemption("p", "CODE", "c1"), soft)));

        var second = await ledger.ReserveAsync(Request("o2", (Redemption("p", "CODE", "c2"), soft)));

        Assert.True(second.Succeeded);
        var usage = await ledger.GetUsageAsync(new UsageRequest([new PromotionId("p")], ["CODE"], null));
        Assert.Equal((2, 2), (usage.PromotionUses(new PromotionId("p")), usage.CodeUses("CODE")));
    }

    [Fact]
    public async Task Reserve_HardBudget_AcceptsAnOrderThatTakesExactlyWhatIsLeft()
    {
        var ledger = CreateLedger(Clock, Timeout);
        var limits = Limits(budget: 10m);
        await ledger.ReserveAsync(Request("o1", (Redemption("p", null, "c1", 7.5m), limits)));

        var over = await ledger.ReserveAsync(Request("o2", (Redemption("p", null, "c2", 2.51m), limits)));
        var exact = await ledger.ReserveAsync(Request("o3", (Redemption("p", null, "c2", 2.5m), limits)));

        Assert.Equal(RejectionReason.BudgetExhausted, Assert.Single(over.Failures).Reason);
        Assert.True(exact.Succeeded);
    }

    #region Partial returns (issue 14): ReturnAsync

    private static LedgerReturn Return(string id, params (string Promotion, decimal Spend, bool NoLongerUsed)[] giveBacks) =>
        new(id, giveBacks.Select(g => new PromotionGiveBack(new PromotionId(g.Promotion), Usd(g.Spend), g.NoLongerUsed)));

    /// <summary>A committed order o1 of customer c1 that redeemed p (code CODE, 10.00, hard budget 25) and q (4.00).</summary>
    private async Task<IRedemptionLedger> CommittedOrder()
    {
        var ledger = CreateLedger(Clock, Timeout);
        await ledger.ReserveAsync(Request("o1", (Redemption("p", "CODE", "c1", 10m), Limits(total: 5, perCode: 5, perCustomer: 5, budget: 25m)), (Redemption("q", null, "c1", 4m), Limits(total: 5))));
        await ledger.CommitAsync("o1");
        return ledger;
    }

    private static async Task<(int? Uses, int? CodeUses, int? CustomerUses, decimal? Spent)> UsageOfP(IRedemptionLedger ledger)
    {
        var usage = await ledger.GetUsageAsync(new UsageRequest([new PromotionId("p")], ["CODE"], "c1"));
        return (usage.PromotionUses(new PromotionId("p")), usage.CodeUses("CODE"), usage.CustomerUses(new PromotionId("p"), "c1"), usage.PromotionSpent(new PromotionId("p"))?.Amount);
    }

    [Fact]
    public async Task Return_PartialSpend_GivesBackTheSpendAndKeepsTheUse()
    {
        var ledger = await CommittedOrder();

        var state = await ledger.ReturnAsync("o1", Return("r1", ("p", 3m, false)));

        Assert.Equal(ReservationState.Committed, state);
        Assert.Equal((1, 1, 1, 7m), await UsageOfP(ledger));
    }

    [Fact]
    public async Task Return_NoLongerUsed_GivesTheUseBackOnce()
    {
        var ledger = await CommittedOrder();
        await ledger.ReturnAsync("o1", Return("r1", ("p", 6m, false)));

        await ledger.ReturnAsync("o1", Return("r2", ("p", 4m, true)));
        await ledger.ReturnAsync("o1", Return("r3", ("p", 0m, true)));

        Assert.Equal((0, 0, 0, 0m), await UsageOfP(ledger));
    }

    [Fact]
    public async Task Return_SameIdAgain_ChangesNothing()
    {
        var ledger = await CommittedOrder();
        var first = await ledger.ReturnAsync("o1", Return("r1", ("p", 3m, true)));

        var again = await ledger.ReturnAsync("o1", Return("r1", ("p", 3m, true)));

        Assert.Equal(first, again);
        Assert.Equal((0, 0, 0, 7m), await UsageOfP(ledger));
    }

    [Fact]
    public async Task Return_SameIdOtherContent_ThrowsAndChangesNothing()
    {
        var ledger = await CommittedOrder();
        await ledger.ReturnAsync("o1", Return("r1", ("p", 3m, false)));

        await Assert.ThrowsAsync<InvalidOperationException>(() => ledger.ReturnAsync("o1", Return("r1", ("p", 4m, false))).AsTask());

        Assert.Equal((1, 1, 1, 7m), await UsageOfP(ledger));
    }

    [Fact]
    public async Task Return_MoreSpendThanLeftOrUnknownPromotion_ThrowsAndChangesNothing()
    {
        var ledger = await CommittedOrder();
        await ledger.ReturnAsync("o1", Return("r1", ("p", 8m, false)));

        await Assert.ThrowsAsync<ArgumentException>("orderReturn", () => ledger.ReturnAsync("o1", Return("r2", ("q", 1m, true), ("p", 2.01m, false))).AsTask());
        await Assert.ThrowsAsync<ArgumentException>("orderReturn", () => ledger.ReturnAsync("o1", Return("r2", ("q", 1m, true), ("zz", 1m, false))).AsTask());
        await Assert.ThrowsAsync<CurrencyMismatchException>(() => ledger.ReturnAsync("o1",
            new LedgerReturn("r2", [new PromotionGiveBack(new PromotionId("p"), new Money(1m, Currency.FromCode("EUR")), false)])).AsTask());

        Assert.Equal((1, 1, 1, 2m), await UsageOfP(ledger));
        var q = await ledger.GetUsageAsync(new UsageRequest([new PromotionId("q")], [], null));
        Assert.Equal(1, q.PromotionUses(new PromotionId("q")));
        Assert.Equal(ReservationState.Committed, await ledger.ReturnAsync("o1", Return("r2", ("p", 2m, false)))); // the id is still free
    }

    [Fact]
    public async Task Return_NotCommitted_IsItsStateAndChangesNothing()
    {
        var ledger = CreateLedger(Clock, Timeout);
        await ledger.ReserveAsync(Request("o1", (Redemption("p", "CODE", "c1", 10m), Limits(total: 5, perCode: 5, perCustomer: 5, budget: 25m))));

        Assert.Equal(ReservationState.Reserved, await ledger.ReturnAsync("o1", Return("r1", ("p", 3m, true))));
        Assert.Equal(ReservationState.None, await ledger.ReturnAsync("o2", Return("r1", ("p", 3m, true))));
        Assert.Equal((1, 1, 1, 10m), await UsageOfP(ledger));
        await ledger.ReleaseAsync("o1");
        Assert.Equal(ReservationState.Released, await ledger.ReturnAsync("o1", Return("r1", ("p", 3m, true))));
        Assert.Equal((0, 0, 0, 0m), await UsageOfP(ledger));
    }

    [Fact]
    public async Task Release_AfterPartialReturns_GivesBackOnlyWhatIsLeft()
    {
        var ledger = await CommittedOrder();
        await ledger.ReturnAsync("o1", Return("r1", ("p", 3m, false), ("q", 4m, true)));

        await ledger.ReleaseAsync("o1");

        Assert.Equal((0, 0, 0, 0m), await UsageOfP(ledger));
        var q = await ledger.GetUsageAsync(new UsageRequest([new PromotionId("q")], [], null));
        Assert.Equal(0, q.PromotionUses(new PromotionId("q")));
        Assert.Equal(0m, q.PromotionSpent(new PromotionId("q"))?.Amount ?? 0m);
    }

    [Fact]
    public async Task Return_FreedBudget_CanBeSpentByAnotherOrder()
    {
        var ledger = await CommittedOrder();
        var limits = Limits(total: 5, perCode: 5, perCustomer: 5, budget: 25m);
        await ledger.ReserveAsync(Request("o2", (Redemption("p", null, "c2", 15m), limits)));
        Assert.False((await ledger.ReserveAsync(Request("o3", (Redemption("p", null, "c3", 5m), limits)))).Succeeded);

        await ledger.ReturnAsync("o1", Return("r1", ("p", 5m, false)));

        Assert.True((await ledger.ReserveAsync(Request("o3", (Redemption("p", null, "c3", 5m), limits)))).Succeeded);
    }

    [Fact]
    public async Task Return_FromAnOrderReturn_RecordsWhatTheCalculationGivesBack()
    {
        var ledger = CreateLedger(Clock, Timeout);
        var promotion = Promotion.Create("bogo", "Buy one get one").Giving(Discount.BuyXGetY(1, 1)).WithLimits(new UsageLimits(budget: Usd(100m))).Build();
        var cart = new Cart(Currency.Usd, [new CartLine("tee", "TEE", Usd(20m), 2)], CustomerProfile.Registered("c1"));
        var evaluator = new PromotionEvaluator(PromotionCatalog.Create([promotion]), new EvaluationOptions { IncludeUnits = true });
        var result = evaluator.Evaluate(cart, [], Start);
        await ledger.ReserveAsync(new ReservationRequest("o1", [(result.Redemptions[0].ForOrder("o1"), RedemptionLimits.For(promotion))]));
        await ledger.CommitAsync("o1");

        var refund = OrderRecord.Of(evaluator, cart, result).Return([new ReturnedUnits("tee", 1)]);
        await ledger.ReturnAsync("o1", refund.ToLedgerReturn("r1"));

        var usage = await ledger.GetUsageAsync(new UsageRequest([promotion.Id], [], "c1"));
        Assert.Equal(0, usage.PromotionUses(promotion.Id));
        Assert.Equal(0m, usage.PromotionSpent(promotion.Id)?.Amount);
    }

    #endregion
}

/// <summary>Runs the ledger contract against the in-memory ledger.</summary>
public sealed class InMemoryRedemptionLedgerTests : RedemptionLedgerContract
{
    protected override IRedemptionLedger CreateLedger(IClock clock, Duration timeout) => new InMemoryRedemptionLedger(clock, timeout);

    [Fact]
    public void Constructor_NonPositiveTimeout_IsRefused()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new InMemoryRedemptionLedger(Clock, Duration.Zero));

        Assert.Equal("reservationTimeout", e.ParamName);
    }
}
