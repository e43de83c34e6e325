using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using NodaTime;
using NodaTime.Testing;
using Xunit;

namespace PromoEngine.Tests;

/// <summary>DOMAIN.md hard case 12: "limit 1" redeemed twice under concurrency. The ledger's reserve is atomic.</summary>
public sealed class LedgerConcurrencyTests
{
    private const int Tasks = 64;
    private const int Attempts = 1_000;
    private const int Customers = 2_000;
    private static readonly PromotionId First50 = new("first50");

    private static readonly RedemptionLimits GroupCode = RedemptionLimits.For(
        Promotion.Create("first50", "First 50").WithCode("FIRST50").WithLimits(new UsageLimits(perCode: 50, perCustomer: 1))
            .Giving(Discount.PercentOffItems(15)).Build());

    private static ReservationRequest Attempt(int task, int attempt)
    {
        var customer = $"c{((task * 7919) + (attempt * 104_729)) % Customers}";
        var redemption = new Redemption(First50, "FIRST50", customer, null, new Money(5m, Currency.Usd), Instant.FromUtc(2026, 11, 27, 0, 0));
        return new ReservationRequest($"o-{task}-{attempt}", [(redemption, GroupCode)]);
    }

    [Fact]
    public async Task GroupCodeCappedAtFifty_64TasksRacing_ExactlyFiftyWinNoCustomerTwice()
    {
        var ledger = new InMemoryRedemptionLedger(new FakeClock(Instant.FromUtc(2026, 11, 27, 0, 0)), Duration.FromHours(1));
        var winners = new ConcurrentBag<ReservationRequest>();
        using var start = new ManualResetEventSlim();

        var racers = Enumerable.Range(0, Tasks).Select(task => Task.Run(async () =>
        {
            start.Wait();
            for (var attempt = 0; attempt < Attempts; attempt++)
            {
                var request = Attempt(task, attempt);
                if ((await ledger.ReserveAsync(request)).Succeeded)
                {
                    winners.Add(request);
                }
            }
        })).ToArray();
        start.Set();
        await Task.WhenAll(racers);

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

    [Fact]
    public async Task GroupCodeCappedAtFifty_CommitsAndReleasesInterleaved_NeverOversellAndCountsMatch()
    {
        var ledger = new InMemoryRedemptionLedger(new FakeClock(Instant.FromUtc(2026, 11, 27, 0, 0)), Duration.FromHours(1));
        var committed = new ConcurrentDictionary<string, string>();
        var maxSeen = 0;
        using var start = new ManualResetEventSlim();

        var racers = Enumerable.Range(0, Tasks).Select(task => Task.Run(async () =>
        {
            start.Wait();
            var random = new Random(task);
            for (var attempt = 0; attempt < Attempts; attempt++)
            {
                var request = Attempt(task, attempt);
                if (!(await ledger.ReserveAsync(request)).Succeeded)
                {
                    continue;
                }

                switch (random.Next(3))
                {
                    case 0:
                        await ledger.ReleaseAsync(request.OrderId);
                        break;
                    case 1:
                        await ledger.CommitAsync(request.OrderId);
                        committed[request.OrderId] = request.Items[0].Redemption.CustomerId!;
                        break;
                    default:
                        await ledger.CommitAsync(request.OrderId);
                        await ledger.ReleaseAsync(request.OrderId);
                        break;
                }

                var uses = (await ledger.GetUsageAsync(new UsageRequest([First50], ["FIRST50"], null))).CodeUses("FIRST50")!.Value;
                InterlockedMax(ref maxSeen, uses);
            }
        })).ToArray();
        start.Set();
        await Task.WhenAll(racers);

        Assert.InRange(maxSeen, 1, 50);
        Assert.Equal(50, committed.Count);
        Assert.Equal(50, committed.Values.Distinct().Count());
        var usage = await ledger.GetUsageAsync(new UsageRequest([First50], ["FIRST50"], null));
        Assert.Equal(committed.Count, usage.CodeUses("FIRST50"));
        foreach (var order in committed.Keys)
        {
            Assert.Equal(ReservationState.Committed, await ledger.GetStateAsync(order));
        }
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
