using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace PromoEngine.Testing;

/// <summary>Races: many tasks reserving against one limit at once, where only atomic reservations keep it.</summary>
public abstract partial class RedemptionLedgerContract
{
    private const int Customers = 2_000;

    private static readonly PromotionId First50 = new("first50");

    private static readonly RedemptionLimits GroupCode = RedemptionLimits.For(
        Promotion.Create("first50", "First 50").WithCode("FIRST50").WithLimits(new UsageLimits(perCode: 50, perCustomer: 1))
            .Giving(Discount.PercentOffItems(15)).Build());

    /// <summary>A group code capped at 50, one use per customer, raced by <see cref="RacingTasks"/> tasks: exactly 50
    /// reservations win, no customer twice (the "limit 1 redeemed twice under concurrency" case).</summary>
    /// <returns>The test.</returns>
    [SkippableFact]
    public async Task Reserve_GroupCodeCappedRacedByManyTasks_ExactlyTheCapWinsNoCustomerTwice()
    {
        var ledger = await CreateLedgerAsync(Clock, Timeout);
        var winners = new ConcurrentBag<ReservationRequest>();

        await RaceAsync(async (task, attempt) =>
        {
            var request = GroupCodeAttempt(task, attempt);
            if ((await ledger.ReserveAsync(request)).Succeeded)
            {
                winners.Add(request);
            }
        });

        Assert.Equal(50, winners.Count);
        Assert.Equal(50, winners.Select(w => w.Items[0].Redemption.CustomerId).Distinct().Count());
        foreach (var winner in winners)
        {
            Assert.Equal(ReservationState.Committed, await ledger.CommitAsync(winner.OrderId));
        }

        var usage = await ledger.GetUsageAsync(new UsageRequest([First50], ["FIRST50"], null));
        Assert.Equal(50, usage.CodeUses("FIRST50"));
        Assert.Equal(50, usage.PromotionUses(First50));
    }

    /// <summary>The capped group code raced while the winners commit, release, or commit and then release: the uses
    /// never pass the cap, and at the end they equal the orders committed for good, each of another customer.</summary>
    /// <returns>The test.</returns>
    [SkippableFact]
    public async Task Reserve_CommitsAndReleasesInterleaved_NeverOversellAndCountsMatch()
    {
        var ledger = await CreateLedgerAsync(Clock, Timeout);
        var committed = new ConcurrentDictionary<string, string>();
        var maxSeen = 0;

        await RaceAsync(async (task, attempt) =>
        {
            var request = GroupCodeAttempt(task, attempt);
            if (!(await ledger.ReserveAsync(request)).Succeeded)
            {
                return;
            }

            switch ((task + attempt) % 3)
            {
                case 0:
                    Assert.Equal(ReservationState.Released, await ledger.ReleaseAsync(request.OrderId));
                    break;
                case 1:
                    Assert.Equal(ReservationState.Committed, await ledger.CommitAsync(request.OrderId));
                    committed[request.OrderId] = request.Items[0].Redemption.CustomerId!;
                    break;
                default:
                    Assert.Equal(ReservationState.Committed, await ledger.CommitAsync(request.OrderId));
                    Assert.Equal(ReservationState.Released, await ledger.ReleaseAsync(request.OrderId));
                    break;
            }

            var uses = (await ledger.GetUsageAsync(new UsageRequest([First50], ["FIRST50"], null))).CodeUses("FIRST50")!.Value;
            InterlockedMax(ref maxSeen, uses);
        });

        Assert.InRange(maxSeen, 1, 50);
        Assert.Equal(50, committed.Count);
        Assert.Equal(50, committed.Values.Distinct().Count());
        var usage = await ledger.GetUsageAsync(new UsageRequest([First50], ["FIRST50"], null));
        Assert.Equal(committed.Count, usage.CodeUses("FIRST50"));
        Assert.Equal(committed.Count, usage.PromotionUses(First50));
        foreach (var order in committed.Keys)
        {
            Assert.Equal(ReservationState.Committed, await ledger.GetStateAsync(order));
        }
    }

    /// <summary>One customer's orders raced against a per-customer cap of 3: exactly 3 win.</summary>
    /// <returns>The test.</returns>
    [SkippableFact]
    public async Task Reserve_PerCustomerCapRacedByManyTasks_ExactlyTheCapWins()
    {
        var ledger = await CreateLedgerAsync(Clock, Timeout);
        var limits = Limits(perCustomer: 3);
        var wins = 0;

        await RaceAsync(async (task, attempt) =>
        {
            var result = await ledger.ReserveAsync(Request($"o-{task}-{attempt}", (Redemption("p", null, "c1"), limits)));
            if (result.Succeeded)
            {
                Interlocked.Increment(ref wins);
            }
            else
            {
                Assert.Equal(RejectionReason.CustomerLimitReached, Assert.Single(result.Failures).Reason);
            }
        });

        Assert.Equal(3, wins);
        var usage = await ledger.GetUsageAsync(new UsageRequest([new PromotionId("p")], [], "c1"));
        Assert.Equal(3, usage.CustomerUses(new PromotionId("p"), "c1"));
        Assert.Equal(3, usage.PromotionUses(new PromotionId("p")));
    }

    /// <summary>Orders of 7 USD raced against a hard budget of 100 USD: exactly 14 win, and the spend is 98 USD.</summary>
    /// <returns>The test.</returns>
    [SkippableFact]
    public async Task Reserve_HardBudgetRacedByManyTasks_IsNeverExceeded()
    {
        var ledger = await CreateLedgerAsync(Clock, Timeout);
        var limits = Limits(budget: 100m);
        var wins = 0;

        await RaceAsync(async (task, attempt) =>
        {
            var result = await ledger.ReserveAsync(Request($"o-{task}-{attempt}", (Redemption("p", null, $"c-{task}-{attempt}", 7m), limits)));
            if (result.Succeeded)
            {
                Interlocked.Increment(ref wins);
            }
            else
            {
                Assert.Equal(RejectionReason.BudgetExhausted, Assert.Single(result.Failures).Reason);
            }
        });

        Assert.Equal(14, wins);
        var usage = await ledger.GetUsageAsync(new UsageRequest([new PromotionId("p")], [], null));
        Assert.Equal(Usd(98m), usage.PromotionSpent(new PromotionId("p")));
        Assert.Equal(14, usage.PromotionUses(new PromotionId("p")));
    }

    /// <summary>One order's reservation retried by every task at once: each gets the same result, and it counts
    /// once.</summary>
    /// <returns>The test.</returns>
    [SkippableFact]
    public async Task Reserve_OneOrderRetriedByManyTasksAtOnce_HoldsItOnce()
    {
        var ledger = await CreateLedgerAsync(Clock, Timeout);
        var request = Request("o1", (Redemption("p", "CODE", "c1"), Limits(total: 100, perCode: 100, perCustomer: 1)));
        var results = new ConcurrentBag<ReservationResult>();

        await RaceAsync(async (_, attempt) =>
        {
            if (attempt < 4)
            {
                results.Add(await ledger.ReserveAsync(request));
            }
        });

        Assert.All(results, r => Assert.Equal(ReservationResult.Held("o1", ReservationState.Reserved, Start + Timeout), r));
        Assert.Equal(RacingTasks * Math.Min(4, AttemptsPerTask), results.Count);
        var usage = await ledger.GetUsageAsync(new UsageRequest([new PromotionId("p")], ["CODE"], "c1"));
        Assert.Equal((1, 1, 1), (usage.PromotionUses(new PromotionId("p")), usage.CodeUses("CODE"), usage.CustomerUses(new PromotionId("p"), "c1")));
    }

    /// <summary>Runs <see cref="RacingTasks"/> tasks of <see cref="AttemptsPerTask"/> attempts each, released together.</summary>
    /// <param name="attempt">One attempt, given the task's and the attempt's numbers.</param>
    /// <returns>When every task has finished.</returns>
    protected async Task RaceAsync(Func<int, int, Task> attempt)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        using var start = new ManualResetEventSlim();
        var racers = new List<Task>();
        for (var task = 0; task < RacingTasks; task++)
        {
            var number = task;
            racers.Add(Task.Run(async () =>
            {
                start.Wait();
                for (var i = 0; i < AttemptsPerTask; i++)
                {
                    await attempt(number, i);
                }
            }));
        }

        start.Set();
        await Task.WhenAll(racers);
    }

    private static ReservationRequest GroupCodeAttempt(int task, int attempt)
    {
        var customer = $"c{((task * 7919) + (attempt * 104_729)) % Customers}";
        var redemption = Redemption("first50", "FIRST50", customer);
        return new ReservationRequest($"o-{task}-{attempt}", [(redemption, GroupCode)]);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        var current = Volatile.Read(ref target);
        while (value > current)
        {
            var seen = Interlocked.CompareExchange(ref target, value, current);
            if (seen == current)
            {
                return;
            }

            current = seen;
        }
    }
}
