using System.Threading;
using System.Threading.Tasks;
using NodaTime;
using Xunit;

namespace PromoEngine.Testing;

/// <summary>Expiry on the fake clock: a reservation not committed in time stops counting at its instant, whatever
/// is read or reserved next.</summary>
public abstract partial class RedemptionLedgerContract
{
    /// <summary>Expired reservations count in neither usage nor limits: the uses and the spend they held are free
    /// again.</summary>
    /// <returns>The test.</returns>
    [SkippableFact]
    public async Task Expiry_ExpiredReservations_CountInNeitherUsageNorLimits()
    {
        var ledger = await CreateLedgerAsync(Clock, Timeout);
        var limits = Limits(perCode: 3, budget: 30m);
        for (var i = 0; i < 3; i++)
        {
            Assert.True((await ledger.ReserveAsync(Request($"o{i}", (Redemption("p", "GROUP", $"c{i}", 10m), limits)))).Succeeded);
        }

        Assert.False((await ledger.ReserveAsync(Request("o3", (Redemption("p", "GROUP", "c3", 1m), limits)))).Succeeded);
        Clock.Advance(Timeout);

        var usage = await ledger.GetUsageAsync(new UsageRequest([new PromotionId("p")], ["GROUP"], "c0"));
        Assert.Equal(0, usage.PromotionUses(new PromotionId("p")));
        Assert.Equal(0, usage.CodeUses("GROUP"));
        Assert.Equal(0, usage.CustomerUses(new PromotionId("p"), "c0"));
        Assert.Equal(Usd(0m), usage.PromotionSpent(new PromotionId("p")));
        for (var i = 3; i < 6; i++)
        {
            Assert.True((await ledger.ReserveAsync(Request($"o{i}", (Redemption("p", "GROUP", $"c{i}", 10m), limits)))).Succeeded);
        }
    }

    /// <summary>Commit and release of an expired reservation change nothing and report it expired.</summary>
    /// <returns>The test.</returns>
    [SkippableFact]
    public async Task Expiry_CommitOrReleaseAfterExpiry_IsExpiredAndCountsNothing()
    {
        var ledger = await CreateLedgerAsync(Clock, Timeout);
        await ledger.ReserveAsync(Request("o1", (Redemption("p", null, "c1"), Limits(total: 1))));
        Clock.Advance(Timeout + Duration.FromSeconds(1));

        Assert.Equal(ReservationState.Expired, await ledger.CommitAsync("o1"));
        Assert.Equal(ReservationState.Expired, await ledger.ReleaseAsync("o1"));
        Assert.Equal(ReservationState.Expired, await ledger.GetStateAsync("o1"));
        var usage = await ledger.GetUsageAsync(new UsageRequest([new PromotionId("p")], [], "c1"));
        Assert.Equal(0, usage.PromotionUses(new PromotionId("p")));
    }

    /// <summary>Each reservation expires on its own time: one made later is still held when an earlier one
    /// expires.</summary>
    /// <returns>The test.</returns>
    [SkippableFact]
    public async Task Expiry_EachReservationExpiresOnItsOwnTime()
    {
        var ledger = await CreateLedgerAsync(Clock, Timeout);
        var limits = Limits(total: 2);
        await ledger.ReserveAsync(Request("early", (Redemption("p", null, "c1"), limits)));
        Clock.AdvanceMinutes(5);
        var late = await ledger.ReserveAsync(Request("late", (Redemption("p", null, "c2"), limits)));
        Clock.Advance(Timeout - Duration.FromMinutes(5));

        Assert.Equal(Start + Duration.FromMinutes(5) + Timeout, late.ExpiresAt);
        Assert.Equal(ReservationState.Expired, await ledger.GetStateAsync("early"));
        Assert.Equal(ReservationState.Reserved, await ledger.GetStateAsync("late"));
        var usage = await ledger.GetUsageAsync(new UsageRequest([new PromotionId("p")], [], null));
        Assert.Equal(1, usage.PromotionUses(new PromotionId("p")));
    }

    /// <summary>A cap filled with reservations, some committed, the rest left to expire, then raced by many tasks:
    /// exactly the uses the expired reservations gave back are taken again, never one more.</summary>
    /// <returns>The test.</returns>
    [SkippableFact]
    public async Task Expiry_RacedAfterExpiry_TakesExactlyTheUsesGivenBack()
    {
        var ledger = await CreateLedgerAsync(Clock, Timeout);
        var limits = Limits(total: 5);
        for (var i = 0; i < 5; i++)
        {
            Assert.True((await ledger.ReserveAsync(Request($"first{i}", (Redemption("p", null, $"c{i}"), limits)))).Succeeded);
        }

        await ledger.CommitAsync("first0");
        await ledger.CommitAsync("first1");
        Clock.Advance(Timeout);
        var wins = 0;

        await RaceAsync(async (task, attempt) =>
        {
            if ((await ledger.ReserveAsync(Request($"o-{task}-{attempt}", (Redemption("p", null, $"c-{task}-{attempt}"), limits)))).Succeeded)
            {
                Interlocked.Increment(ref wins);
            }
        });

        Assert.Equal(3, wins);
        var usage = await ledger.GetUsageAsync(new UsageRequest([new PromotionId("p")], [], null));
        Assert.Equal(5, usage.PromotionUses(new PromotionId("p")));
        Assert.Equal(ReservationState.Committed, await ledger.GetStateAsync("first0"));
        Assert.Equal(ReservationState.Expired, await ledger.GetStateAsync("first4"));
    }
}
