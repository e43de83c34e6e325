using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using NodaTime;
using NodaTime.Testing;
using Xunit;

namespace PromoEngine.Testing;

/// <summary>
/// The contract every <see cref="IRedemptionLedger"/> must keep, as an xunit test class. Inherit it and implement
/// <see cref="CreateLedgerAsync"/> to check a ledger of your own (one backed by your database, say) against the same
/// rules: limits, all-or-nothing reservations, idempotency, expiry on a fake clock, and races between many tasks.
/// </summary>
/// <remarks>
/// <para>xunit makes a new instance for every test, and every test asks for a new, empty ledger; a ledger over a
/// database should give each one its own database or schema, so the tests are independent and may run in any
/// order.</para>
/// <para>Every test is a <c>[SkippableFact]</c> (Xunit.SkippableFact): a <see cref="CreateLedgerAsync"/> that cannot
/// reach its store in a developer's run may call <c>Skip.If</c> with the reason, and the tests are reported skipped with
/// it rather than passed. Where the store must be there (CI), throw instead, so the run fails.</para>
/// <para>The racing tests use <see cref="RacingTasks"/> tasks of <see cref="AttemptsPerTask"/> attempts each; a fast
/// ledger may raise them. No test measures time: each asserts counts, states and results only.</para>
/// </remarks>
public abstract partial class RedemptionLedgerContract
{
    /// <summary>The instant the fake clock starts at, and the instant of every redemption made here.</summary>
    protected static readonly Instant Start = Instant.FromUtc(2026, 11, 27, 12, 0);

    /// <summary>The reservation timeout every ledger of the contract is made with.</summary>
    protected static readonly Duration Timeout = Duration.FromMinutes(15);

    /// <summary>Gets this test's clock, at <see cref="Start"/> until the test moves it.</summary>
    /// <value>A fake clock shared by the test and its ledger.</value>
    protected FakeClock Clock { get; } = new(Start);

    /// <summary>Gets how many tasks race each other in the concurrency tests.</summary>
    /// <value>16 unless overridden; at least 2.</value>
    protected virtual int RacingTasks => 16;

    /// <summary>Gets how many reservations each racing task attempts.</summary>
    /// <value>40 unless overridden.</value>
    protected virtual int AttemptsPerTask => 40;

    /// <summary>Makes an empty ledger that reads time from <paramref name="clock"/> and holds reservations for
    /// <paramref name="timeout"/>.</summary>
    /// <param name="clock">The clock (the test's <see cref="Clock"/>).</param>
    /// <param name="timeout">The reservation timeout.</param>
    /// <returns>A ledger that has never seen a redemption.</returns>
    protected abstract ValueTask<IRedemptionLedger> CreateLedgerAsync(IClock clock, Duration timeout);

    /// <summary>An amount in US dollars.</summary>
    /// <param name="amount">The amount.</param>
    /// <returns>The money.</returns>
    protected static Money Usd(decimal amount) => new(amount, Currency.Usd);

    /// <summary>A redemption of a promotion, at <see cref="Start"/>.</summary>
    /// <param name="promotion">The promotion's id.</param>
    /// <param name="code">The code as typed (it is normalized), or <see langword="null"/> for none.</param>
    /// <param name="customer">The customer's key, or <see langword="null"/> for a guest.</param>
    /// <param name="amount">The discount, in US dollars.</param>
    /// <returns>The redemption, of no order yet.</returns>
    protected static Redemption Redemption(string promotion, string? code, string? customer, decimal amount = 5m) =>
        PromoEngine.Redemption.Create(new PromotionId(promotion), code, customer, Usd(amount), Start);

    /// <summary>The ledger's limits of a promotion with the given usage limits.</summary>
    /// <param name="total">The limit on uses in all.</param>
    /// <param name="perCode">The limit on uses of one code.</param>
    /// <param name="perCustomer">The limit on uses by one customer.</param>
    /// <param name="budget">The budget, in US dollars.</param>
    /// <param name="policy">How the budget is enforced.</param>
    /// <param name="counts">How the count limits are enforced.</param>
    /// <returns>The limits.</returns>
    protected static RedemptionLimits Limits(
        int? total = null, int? perCode = null, int? perCustomer = null, decimal? budget = null, BudgetPolicy policy = BudgetPolicy.Hard, LimitPolicy counts = LimitPolicy.Hard)
    {
        var builder = Promotion.Create("x", "x").Giving(Discount.PercentOffItems(10))
            .WithLimits(new UsageLimits(total, perCode, perCustomer, budget is { } b ? Usd(b) : null, policy, counts));
        return RedemptionLimits.For(builder.Build());
    }

    /// <summary>A reservation request.</summary>
    /// <param name="order">The order's id.</param>
    /// <param name="items">The redemptions with their limits.</param>
    /// <returns>The request.</returns>
    protected static ReservationRequest Request(string order, params (Redemption, RedemptionLimits)[] items) => new(order, items);

    /// <summary>A reservation within its limits is held, and expires one timeout after the clock's instant.</summary>
    /// <returns>The test.</returns>
    [SkippableFact]
    public async Task Reserve_WithinLimits_HoldsAndExpiresLater()
    {
        var ledger = await CreateLedgerAsync(Clock, Timeout);

        var result = await ledger.ReserveAsync(Request("o1", (Redemption("p", "CODE", "c1"), Limits(total: 1))));

        Assert.True(result.Succeeded);
        Assert.Equal(ReservationState.Reserved, result.State);
        Assert.Equal(Start + Timeout, result.ExpiresAt);
        Assert.Equal(ReservationState.Reserved, await ledger.GetStateAsync("o1"));
    }

    /// <summary>A hard total limit refuses the use past it, naming the limit and the uses, and holds nothing.</summary>
    /// <returns>The test.</returns>
    [SkippableFact]
    public async Task Reserve_PromotionLimitReached_IsRefused()
    {
        var ledger = await CreateLedgerAsync(Clock, Timeout);
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

    /// <summary>A single-use claim code is refused the second time as already redeemed.</summary>
    /// <returns>The test.</returns>
    [SkippableFact]
    public async Task Reserve_SingleUseCodeTwice_IsAlreadyRedeemed()
    {
        var ledger = await CreateLedgerAsync(Clock, Timeout);
        var claim = Promotion.Create("p", "p").Giving(Discount.PercentOffItems(10)).WithClaimCodes(["AAAA"]).Build();
        var limits = RedemptionLimits.For(claim);
        Assert.Equal(1, limits.PerCode);
        await ledger.ReserveAsync(Request("o1", (Redemption("p", "AAAA", "c1"), limits)));

        var again = await ledger.ReserveAsync(Request("o2", (Redemption("p", "AAAA", "c2"), limits)));

        Assert.Equal(RejectionReason.AlreadyRedeemed, Assert.Single(again.Failures).Reason);
    }

    /// <summary>A per-code limit counts each code apart.</summary>
    /// <returns>The test.</returns>
    [SkippableFact]
    public async Task Reserve_GroupCodeCapped_CountsPerCode()
    {
        var ledger = await CreateLedgerAsync(Clock, Timeout);
        var limits = Limits(perCode: 2);
        Assert.True((await ledger.ReserveAsync(Request("o1", (Redemption("p", "GROUP", "c1"), limits)))).Succeeded);
        Assert.True((await ledger.ReserveAsync(Request("o2", (Redemption("p", "OTHER", "c2"), limits)))).Succeeded);
        Assert.True((await ledger.ReserveAsync(Request("o3", (Redemption("p", "GROUP", "c3"), limits)))).Succeeded);

        var fourth = await ledger.ReserveAsync(Request("o4", (Redemption("p", "GROUP", "c4"), limits)));

        Assert.Equal(RejectionReason.UsageLimitReached, Assert.Single(fourth.Failures).Reason);
    }

    /// <summary>A per-customer limit counts each customer apart and refuses guests.</summary>
    /// <returns>The test.</returns>
    [SkippableFact]
    public async Task Reserve_PerCustomer_CountsPerCustomerAndRefusesGuests()
    {
        var ledger = await CreateLedgerAsync(Clock, Timeout);
        var limits = Limits(perCustomer: 1);
        await ledger.ReserveAsync(Request("o1", (Redemption("p", null, "c1"), limits)));

        var again = await ledger.ReserveAsync(Request("o2", (Redemption("p", null, "c1"), limits)));
        var other = await ledger.ReserveAsync(Request("o3", (Redemption("p", null, "c2"), limits)));
        var guest = await ledger.ReserveAsync(Request("o4", (Redemption("p", null, null), limits)));

        Assert.Equal(RejectionReason.CustomerLimitReached, Assert.Single(again.Failures).Reason);
        Assert.True(other.Succeeded);
        Assert.Equal(RejectionReason.GuestNotAllowed, Assert.Single(guest.Failures).Reason);
    }

    /// <summary>A hard budget refuses an order that would pass it and accepts one that fits.</summary>
    /// <returns>The test.</returns>
    [SkippableFact]
    public async Task Reserve_HardBudget_IsNeverExceeded()
    {
        var ledger = await CreateLedgerAsync(Clock, Timeout);
        var limits = Limits(budget: 10m);
        Assert.True((await ledger.ReserveAsync(Request("o1", (Redemption("p", null, "c1", 6m), limits)))).Succeeded);

        var over = await ledger.ReserveAsync(Request("o2", (Redemption("p", null, "c2", 5m), limits)));
        var fits = await ledger.ReserveAsync(Request("o3", (Redemption("p", null, "c3", 4m), limits)));

        Assert.Equal(RejectionReason.BudgetExhausted, Assert.Single(over.Failures).Reason);
        Assert.True(fits.Succeeded);
    }

    /// <summary>A soft budget accepts orders while anything is left, so the last may pass it.</summary>
    /// <returns>The test.</returns>
    [SkippableFact]
    public async Task Reserve_SoftBudget_LetsTheLastOrderPassIt()
    {
        var ledger = await CreateLedgerAsync(Clock, Timeout);
        var limits = Limits(budget: 10m, policy: BudgetPolicy.Soft);
        await ledger.ReserveAsync(Request("o1", (Redemption("p", null, "c1", 6m), limits)));

        var passes = await ledger.ReserveAsync(Request("o2", (Redemption("p", null, "c2", 5m), limits)));
        var after = await ledger.ReserveAsync(Request("o3", (Redemption("p", null, "c3", 1m), limits)));

        Assert.True(passes.Succeeded);
        Assert.Equal(RejectionReason.BudgetExhausted, Assert.Single(after.Failures).Reason);
    }

    /// <summary>A reservation is all or nothing: one refused redemption holds none of the order.</summary>
    /// <returns>The test.</returns>
    [SkippableFact]
    public async Task Reserve_OneRedemptionRefused_HoldsNoneOfTheOrder()
    {
        var ledger = await CreateLedgerAsync(Clock, Timeout);
        await ledger.ReserveAsync(Request("o1", (Redemption("b", null, "c1"), Limits(total: 1))));

        var result = await ledger.ReserveAsync(Request("o2", (Redemption("a", null, "c2"), Limits(total: 1)), (Redemption("b", null, "c2"), Limits(total: 1))));

        Assert.False(result.Succeeded);
        var usage = await ledger.GetUsageAsync(new UsageRequest([new PromotionId("a"), new PromotionId("b")], [], "c2"));
        Assert.Equal(0, usage.PromotionUses(new PromotionId("a")));
        Assert.Equal(1, usage.PromotionUses(new PromotionId("b")));
    }

    /// <summary>A retried reservation returns the first result and never counts twice.</summary>
    /// <returns>The test.</returns>
    [SkippableFact]
    public async Task Reserve_Retried_NeverCountsTwice()
    {
        var ledger = await CreateLedgerAsync(Clock, Timeout);
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

    /// <summary>Reserving different redemptions under an order that holds a reservation throws.</summary>
    /// <returns>The test.</returns>
    [SkippableFact]
    public async Task Reserve_SameOrderDifferentRedemptions_Throws()
    {
        var ledger = await CreateLedgerAsync(Clock, Timeout);
        await ledger.ReserveAsync(Request("o1", (Redemption("p", null, "c1"), Limits())));

        await Assert.ThrowsAsync<InvalidOperationException>(async () =>
            await ledger.ReserveAsync(Request("o1", (Redemption("q", null, "c1"), Limits()))));
    }

    /// <summary>Commit is idempotent, and a committed use never expires.</summary>
    /// <returns>The test.</returns>
    [SkippableFact]
    public async Task Commit_IsIdempotent_AndKeepsTheUse()
    {
        var ledger = await CreateLedgerAsync(Clock, Timeout);
        await ledger.ReserveAsync(Request("o1", (Redemption("p", null, "c1"), Limits(total: 1))));

        Assert.Equal(ReservationState.Committed, await ledger.CommitAsync("o1"));
        Assert.Equal(ReservationState.Committed, await ledger.CommitAsync("o1"));
        Clock.Advance(Timeout * 2);

        Assert.Equal(ReservationState.Committed, await ledger.GetStateAsync("o1"));
        var usage = await ledger.GetUsageAsync(new UsageRequest([new PromotionId("p")], [], null));
        Assert.Equal(1, usage.PromotionUses(new PromotionId("p")));
    }

    /// <summary>Committing an order the ledger never saw reports none.</summary>
    /// <returns>The test.</returns>
    [SkippableFact]
    public async Task Commit_UnknownOrder_IsNone()
    {
        var ledger = await CreateLedgerAsync(Clock, Timeout);

        Assert.Equal(ReservationState.None, await ledger.CommitAsync("nope"));
    }

    /// <summary>Release gives the uses and the spend back, is idempotent, and a released order cannot be committed.</summary>
    /// <returns>The test.</returns>
    [SkippableFact]
    public async Task Release_GivesTheUseBack_AndIsIdempotent()
    {
        var ledger = await CreateLedgerAsync(Clock, Timeout);
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

    /// <summary>A reservation not committed in time expires at its instant and gives its use back.</summary>
    /// <returns>The test.</returns>
    [SkippableFact]
    public async Task Reservation_NotCommittedInTime_ExpiresAndGivesTheUseBack()
    {
        var ledger = await CreateLedgerAsync(Clock, Timeout);
        var limits = Limits(total: 1);
        await ledger.ReserveAsync(Request("o1", (Redemption("p", null, "c1"), limits)));

        Clock.Advance(Timeout - Duration.FromSeconds(1));
        Assert.Equal(ReservationState.Reserved, await ledger.GetStateAsync("o1"));
        Clock.AdvanceSeconds(1);

        Assert.Equal(ReservationState.Expired, await ledger.GetStateAsync("o1"));
        Assert.Equal(ReservationState.Expired, await ledger.CommitAsync("o1"));
        Assert.True((await ledger.ReserveAsync(Request("o2", (Redemption("p", null, "c2"), limits)))).Succeeded);
    }

    /// <summary>An order whose reservation expired can reserve again, with a new expiry.</summary>
    /// <returns>The test.</returns>
    [SkippableFact]
    public async Task Reserve_AfterExpiry_SameOrderCanReserveAgain()
    {
        var ledger = await CreateLedgerAsync(Clock, Timeout);
        var request = Request("o1", (Redemption("p", null, "c1"), Limits(total: 1)));
        await ledger.ReserveAsync(request);
        Clock.Advance(Timeout);

        var again = await ledger.ReserveAsync(request);

        Assert.True(again.Succeeded);
        Assert.Equal(Start + Timeout + Timeout, again.ExpiresAt);
    }

    /// <summary>Usage counts held and committed uses, with every spelling of a code on one counter.</summary>
    /// <returns>The test.</returns>
    [SkippableFact]
    public async Task GetUsage_CountsHeldAndCommittedUses()
    {
        var ledger = await CreateLedgerAsync(Clock, Timeout);
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

    /// <summary>A cancelled call throws and takes no effect.</summary>
    /// <returns>The test.</returns>
    [SkippableFact]
    public async Task Operations_Cancelled_TakeNoEffect()
    {
        var ledger = await CreateLedgerAsync(Clock, Timeout);
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
            await ledger.ReserveAsync(Request("o1", (Redemption("p", null, "c1"), Limits())), cancelled.Token));

        Assert.Equal(ReservationState.None, await ledger.GetStateAsync("o1"));
    }

    /// <summary>A usage read knows exactly the counters asked for and nothing else.</summary>
    /// <returns>The test.</returns>
    [SkippableFact]
    public async Task GetUsage_KnowsExactlyTheCountersAsked_AndNothingElse()
    {
        var ledger = await CreateLedgerAsync(Clock, Timeout);
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

    /// <summary>A usage read for a guest knows no customer counts.</summary>
    /// <returns>The test.</returns>
    [SkippableFact]
    public async Task GetUsage_GuestRequest_KnowsNoCustomerCounts()
    {
        var ledger = await CreateLedgerAsync(Clock, Timeout);

        var usage = await ledger.GetUsageAsync(new UsageRequest([new PromotionId("p")], [], null));

        Assert.Equal(0, usage.PromotionUses(new PromotionId("p")));
        Assert.Null(usage.CustomerUses(new PromotionId("p"), "c1"));
    }

    /// <summary>Soft count limits are counted but never refused.</summary>
    /// <returns>The test.</returns>
    [SkippableFact]
    public async Task Reserve_SoftCountLimits_AreCountedButNeverRefused()
    {
        var ledger = await CreateLedgerAsync(Clock, Timeout);
        var soft = Limits(total: 1, perCode: 1, counts: LimitPolicy.Soft);
        await ledger.ReserveAsync(Request("o1", (Redemption("p", "CODE", "c1"), soft)));

        var second = await ledger.ReserveAsync(Request("o2", (Redemption("p", "CODE", "c2"), soft)));

        Assert.True(second.Succeeded);
        var usage = await ledger.GetUsageAsync(new UsageRequest([new PromotionId("p")], ["CODE"], null));
        Assert.Equal((2, 2), (usage.PromotionUses(new PromotionId("p")), usage.CodeUses("CODE")));
    }

    /// <summary>A hard budget accepts an order that takes exactly what is left.</summary>
    /// <returns>The test.</returns>
    [SkippableFact]
    public async Task Reserve_HardBudget_AcceptsAnOrderThatTakesExactlyWhatIsLeft()
    {
        var ledger = await CreateLedgerAsync(Clock, Timeout);
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
        var ledger = await CreateLedgerAsync(Clock, Timeout);
        await ledger.ReserveAsync(Request("o1", (Redemption("p", "CODE", "c1", 10m), Limits(total: 5, perCode: 5, perCustomer: 5, budget: 25m)), (Redemption("q", null, "c1", 4m), Limits(total: 5))));
        await ledger.CommitAsync("o1");
        return ledger;
    }

    private static async Task<(int? Uses, int? CodeUses, int? CustomerUses, decimal? Spent)> UsageOfP(IRedemptionLedger ledger)
    {
        var usage = await ledger.GetUsageAsync(new UsageRequest([new PromotionId("p")], ["CODE"], "c1"));
        return (usage.PromotionUses(new PromotionId("p")), usage.CodeUses("CODE"), usage.CustomerUses(new PromotionId("p"), "c1"), usage.PromotionSpent(new PromotionId("p"))?.Amount);
    }

    /// <summary>Return: partial spend: gives back the spend and keeps the use.</summary>
    /// <returns>The test.</returns>
    [SkippableFact]
    public async Task Return_PartialSpend_GivesBackTheSpendAndKeepsTheUse()
    {
        var ledger = await CommittedOrder();

        var state = await ledger.ReturnAsync("o1", Return("r1", ("p", 3m, false)));

        Assert.Equal(ReservationState.Committed, state);
        Assert.Equal((1, 1, 1, 7m), await UsageOfP(ledger));
    }

    /// <summary>Return: no longer used: gives the use back once.</summary>
    /// <returns>The test.</returns>
    [SkippableFact]
    public async Task Return_NoLongerUsed_GivesTheUseBackOnce()
    {
        var ledger = await CommittedOrder();
        await ledger.ReturnAsync("o1", Return("r1", ("p", 6m, false)));

        await ledger.ReturnAsync("o1", Return("r2", ("p", 4m, true)));
        await ledger.ReturnAsync("o1", Return("r3", ("p", 0m, true)));

        Assert.Equal((0, 0, 0, 0m), await UsageOfP(ledger));
    }

    /// <summary>Return: same id again: changes nothing.</summary>
    /// <returns>The test.</returns>
    [SkippableFact]
    public async Task Return_SameIdAgain_ChangesNothing()
    {
        var ledger = await CommittedOrder();
        var first = await ledger.ReturnAsync("o1", Return("r1", ("p", 3m, true)));

        var again = await ledger.ReturnAsync("o1", Return("r1", ("p", 3m, true)));

        Assert.Equal(first, again);
        Assert.Equal((0, 0, 0, 7m), await UsageOfP(ledger));
    }

    /// <summary>Return: same id other content: throws and changes nothing.</summary>
    /// <returns>The test.</returns>
    [SkippableFact]
    public async Task Return_SameIdOtherContent_ThrowsAndChangesNothing()
    {
        var ledger = await CommittedOrder();
        await ledger.ReturnAsync("o1", Return("r1", ("p", 3m, false)));

        await Assert.ThrowsAsync<InvalidOperationException>(() => ledger.ReturnAsync("o1", Return("r1", ("p", 4m, false))).AsTask());

        Assert.Equal((1, 1, 1, 7m), await UsageOfP(ledger));
    }

    /// <summary>Return: more spend than left or unknown promotion: throws and changes nothing.</summary>
    /// <returns>The test.</returns>
    [SkippableFact]
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

    /// <summary>Return: not committed: is its state and changes nothing.</summary>
    /// <returns>The test.</returns>
    [SkippableFact]
    public async Task Return_NotCommitted_IsItsStateAndChangesNothing()
    {
        var ledger = await CreateLedgerAsync(Clock, Timeout);
        await ledger.ReserveAsync(Request("o1", (Redemption("p", "CODE", "c1", 10m), Limits(total: 5, perCode: 5, perCustomer: 5, budget: 25m))));

        Assert.Equal(ReservationState.Reserved, await ledger.ReturnAsync("o1", Return("r1", ("p", 3m, true))));
        Assert.Equal(ReservationState.None, await ledger.ReturnAsync("o2", Return("r1", ("p", 3m, true))));
        Assert.Equal((1, 1, 1, 10m), await UsageOfP(ledger));
        await ledger.ReleaseAsync("o1");
        Assert.Equal(ReservationState.Released, await ledger.ReturnAsync("o1", Return("r1", ("p", 3m, true))));
        Assert.Equal((0, 0, 0, 0m), await UsageOfP(ledger));
    }

    /// <summary>Release: after partial returns: gives back only what is left.</summary>
    /// <returns>The test.</returns>
    [SkippableFact]
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

    /// <summary>Return: freed budget: can be spent by another order.</summary>
    /// <returns>The test.</returns>
    [SkippableFact]
    public async Task Return_FreedBudget_CanBeSpentByAnotherOrder()
    {
        var ledger = await CommittedOrder();
        var limits = Limits(total: 5, perCode: 5, perCustomer: 5, budget: 25m);
        await ledger.ReserveAsync(Request("o2", (Redemption("p", null, "c2", 15m), limits)));
        Assert.False((await ledger.ReserveAsync(Request("o3", (Redemption("p", null, "c3", 5m), limits)))).Succeeded);

        await ledger.ReturnAsync("o1", Return("r1", ("p", 5m, false)));

        Assert.True((await ledger.ReserveAsync(Request("o3", (Redemption("p", null, "c3", 5m), limits)))).Succeeded);
    }

    /// <summary>Return: from an order return: records what the calculation gives back.</summary>
    /// <returns>The test.</returns>
    [SkippableFact]
    public async Task Return_FromAnOrderReturn_RecordsWhatTheCalculationGivesBack()
    {
        var ledger = await CreateLedgerAsync(Clock, Timeout);
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
