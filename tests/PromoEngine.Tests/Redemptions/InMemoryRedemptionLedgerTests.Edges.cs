using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace PromoEngine.Tests;

/// <summary>The in-memory ledger's own edges, beyond the contract: the state a refusal reports, a retried committed
/// order, the exact messages of what it refuses, cancellation of every call, and expiry seen by a return.</summary>
public sealed partial class InMemoryRedemptionLedgerTests
{
    [Fact]
    public async Task Reserve_RefusedForAnOrderReleasedBefore_ReportsReleased()
    {
        var ledger = new InMemoryRedemptionLedger(Clock, Timeout);
        var limits = Limits(total: 1);
        await ledger.ReserveAsync(Request("o1", (Redemption("p", null, "c1"), limits)));
        await ledger.ReleaseAsync("o1");
        Assert.True((await ledger.ReserveAsync(Request("o2", (Redemption("p", null, "c2"), limits)))).Succeeded);

        var again = await ledger.ReserveAsync(Request("o1", (Redemption("p", null, "c1"), limits)));

        Assert.False(again.Succeeded);
        Assert.Equal(ReservationState.Released, again.State);
        Assert.Null(again.ExpiresAt);
        Assert.Equal(RejectionReason.UsageLimitReached, Assert.Single(again.Failures).Reason);
    }

    [Fact]
    public async Task Reserve_RefusedForAnOrderExpiredBefore_ReportsExpired()
    {
        var ledger = new InMemoryRedemptionLedger(Clock, Timeout);
        var limits = Limits(total: 1);
        await ledger.ReserveAsync(Request("o1", (Redemption("p", null, "c1"), limits)));
        Clock.Advance(Timeout);
        Assert.True((await ledger.ReserveAsync(Request("o2", (Redemption("p", null, "c2"), limits)))).Succeeded);

        var again = await ledger.ReserveAsync(Request("o1", (Redemption("p", null, "c1"), limits)));

        Assert.False(again.Succeeded);
        Assert.Equal(ReservationState.Expired, again.State);
    }

    [Fact]
    public async Task Reserve_CommittedOrderRetried_IsCommittedWithoutExpiry()
    {
        var ledger = new InMemoryRedemptionLedger(Clock, Timeout);
        var request = Request("o1", (Redemption("p", "CODE", "c1"), Limits(total: 5)));
        await ledger.ReserveAsync(request);
        await ledger.CommitAsync("o1");

        var retry = await ledger.ReserveAsync(request);

        Assert.True(retry.Succeeded);
        Assert.Equal(ReservationState.Committed, retry.State);
        Assert.Null(retry.ExpiresAt);
    }

    [Fact]
    public async Task Reserve_SameOrderWithOnlyItsSecondRedemptionChanged_ThrowsNamingTheOrder()
    {
        var ledger = new InMemoryRedemptionLedger(Clock, Timeout);
        await ledger.ReserveAsync(Request("o1", (Redemption("p", null, "c1", 5m), Limits()), (Redemption("q", null, "c1", 5m), Limits())));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(async () =>
            await ledger.ReserveAsync(Request("o1", (Redemption("p", null, "c1", 5m), Limits()), (Redemption("q", null, "c1", 6m), Limits()))));

        Assert.Equal("The order o1 already holds a different reservation; release it before reserving again.", error.Message);
        Assert.True((await ledger.ReserveAsync(Request("o1", (Redemption("p", null, "c1", 5m), Limits()), (Redemption("q", null, "c1", 5m), Limits())))).Succeeded);
    }

    [Fact]
    public async Task Return_NullReturn_ThrowsArgumentNull()
    {
        var ledger = new InMemoryRedemptionLedger(Clock, Timeout);

        await Assert.ThrowsAsync<ArgumentNullException>("orderReturn", () => ledger.ReturnAsync("o1", null!).AsTask());
    }

    [Fact]
    public async Task Return_ReservationPastItsExpiry_IsExpired()
    {
        var ledger = new InMemoryRedemptionLedger(Clock, Timeout);
        await ledger.ReserveAsync(Request("o1", (Redemption("p", null, "c1", 10m), Limits(total: 5))));
        Clock.Advance(Timeout);

        var state = await ledger.ReturnAsync("o1", ReturnOf("r1", ("p", 3m, true)));

        Assert.Equal(ReservationState.Expired, state);
    }

    [Fact]
    public async Task Return_GiveBackInAnotherCurrency_ThrowsNamingTheReturn()
    {
        var ledger = await CommittedOrderAsync();
        var eur = Currency.FromCode("EUR");

        var error = await Assert.ThrowsAsync<CurrencyMismatchException>(() => ledger.ReturnAsync("o1",
            new LedgerReturn("r1", [new PromotionGiveBack(new PromotionId("p"), new Money(1m, eur), false)])).AsTask());

        Assert.Equal("orderReturn", error.ParamName);
        Assert.Equal((Currency.Usd, eur), (error.Expected, error.Actual));
    }

    [Fact]
    public async Task Return_RefusedReturns_SayWhy()
    {
        var ledger = await CommittedOrderAsync();
        await ledger.ReturnAsync("o1", ReturnOf("r1", ("p", 8m, false)));

        var otherContent = await Assert.ThrowsAsync<InvalidOperationException>(() => ledger.ReturnAsync("o1", ReturnOf("r1", ("p", 1m, false))).AsTask());
        var unknown = await Assert.ThrowsAsync<ArgumentException>("orderReturn", () => ledger.ReturnAsync("o1", ReturnOf("r2", ("zz", 1m, false))).AsTask());
        var tooMuch = await Assert.ThrowsAsync<ArgumentException>("orderReturn", () => ledger.ReturnAsync("o1", ReturnOf("r2", ("p", 2.01m, false))).AsTask());

        Assert.Equal("The order o1 already recorded the return r1 with other content; a new return needs a new id.", otherContent.Message);
        Assert.StartsWith("The order o1 did not redeem the promotion zz.", unknown.Message, StringComparison.Ordinal);
        Assert.StartsWith("The return r2 gives back 2.01 USD of the promotion p, but the order has only 2.00 USD of it left.", tooMuch.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Return_Cancelled_ThrowsAndChangesNothing()
    {
        var ledger = await CommittedOrderAsync();
        using var cancelled = await CancelledAsync();

        await Assert.ThrowsAsync<OperationCanceledException>(() => ledger.ReturnAsync("o1", ReturnOf("r1", ("p", 3m, true)), cancelled.Token).AsTask());

        var usage = await ledger.GetUsageAsync(new UsageRequest([new PromotionId("p")], [], null));
        Assert.Equal((1, Usd(10m)), (usage.PromotionUses(new PromotionId("p")), usage.PromotionSpent(new PromotionId("p"))));
    }

    [Fact]
    public async Task CommitReleaseAndGetState_Cancelled_ThrowAndChangeNothing()
    {
        var ledger = new InMemoryRedemptionLedger(Clock, Timeout);
        await ledger.ReserveAsync(Request("o1", (Redemption("p", null, "c1"), Limits(total: 1))));
        using var cancelled = await CancelledAsync();

        await Assert.ThrowsAsync<OperationCanceledException>(() => ledger.CommitAsync("o1", cancelled.Token).AsTask());
        await Assert.ThrowsAsync<OperationCanceledException>(() => ledger.ReleaseAsync("o1", cancelled.Token).AsTask());
        await Assert.ThrowsAsync<OperationCanceledException>(() => ledger.GetStateAsync("o1", cancelled.Token).AsTask());

        Assert.Equal(ReservationState.Reserved, await ledger.GetStateAsync("o1"));
    }

    [Fact]
    public async Task GetUsageAndAttribution_Cancelled_Throw()
    {
        var ledger = await CommittedOrderAsync();
        using var cancelled = await CancelledAsync();

        await Assert.ThrowsAsync<OperationCanceledException>(() =>
            ledger.GetUsageAsync(new UsageRequest([new PromotionId("p")], [], null), cancelled.Token).AsTask());
        await Assert.ThrowsAsync<OperationCanceledException>(() =>
            ledger.GetAttributionTotalsAsync(AttributionDimension.Channel, null, cancelled.Token).AsTask());
    }

    [Fact]
    public async Task GetAttributionTotals_UndefinedDimensionAndCancelled_ThrowsForTheDimensionFirst()
    {
        var ledger = new InMemoryRedemptionLedger(Clock, Timeout);
        using var cancelled = await CancelledAsync();

        var error = await Assert.ThrowsAsync<ArgumentOutOfRangeException>("by", () =>
            ledger.GetAttributionTotalsAsync((AttributionDimension)0, null, cancelled.Token).AsTask());

        Assert.StartsWith("Not a defined AttributionDimension value.", error.Message, StringComparison.Ordinal);
    }

    /// <summary>A committed order o1 of customer c1 that redeemed p (10.00 USD) and q (4.00 USD).</summary>
    private async Task<InMemoryRedemptionLedger> CommittedOrderAsync()
    {
        var ledger = new InMemoryRedemptionLedger(Clock, Timeout);
        await ledger.ReserveAsync(Request("o1", (Redemption("p", "CODE", "c1", 10m), Limits(total: 5, budget: 25m)), (Redemption("q", null, "c1", 4m), Limits(total: 5))));
        Assert.Equal(ReservationState.Committed, await ledger.CommitAsync("o1"));
        return ledger;
    }

    private static async Task<CancellationTokenSource> CancelledAsync()
    {
        var source = new CancellationTokenSource();
        await source.CancelAsync();
        return source;
    }

    private static LedgerReturn ReturnOf(string id, params (string Promotion, decimal Spend, bool NoLongerUsed)[] giveBacks) =>
        new(id, giveBacks.Select(g => new PromotionGiveBack(new PromotionId(g.Promotion), Usd(g.Spend), g.NoLongerUsed)));
}
