using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using NodaTime;
using NodaTime.Testing;
using Npgsql;
using Xunit;
using Xunit.Abstractions;

namespace PromoEngine.PostgreSql.Tests;

/// <summary>Issue 15, item 4: several hosts (independent connection pools, each with its own ledger instance) check out
/// through the README's flow against one database at once, on one capped group code, one batch of single-use claim
/// codes and one hard budget, after a host died holding reservations it never committed.</summary>
[Collection(PostgresCollection.Name)]
public sealed class ScaleOutTests(PostgresFixture fixture, ITestOutputHelper output)
{
    private const int Hosts = 4;
    private const int TasksPerHost = 16;
    private const int CheckoutsPerTask = 250;
    private const int GroupCap = 400;
    private const int ClaimCodes = 600;
    private const decimal Budget = 2_000m;
    private static readonly Instant Start = Instant.FromUtc(2026, 11, 27, 12, 0);
    private static readonly Duration Timeout = Duration.FromMinutes(15);
    private static readonly Currency Usd = Currency.Usd;

    [SkippableFact]
    public async Task Checkout_FourHostsRacing_ExactCapEachClaimCodeOnceBudgetKeptAndCountsEqualCommittedOrders()
    {
        var connectionString = await fixture.Server.CreateDatabaseAsync("scale_out");
        var clock = new FakeClock(Start);
        var codes = ClaimCodeGenerator.Generate(new ClaimCodeFormat(prefix: "GIFT"), ClaimCodes);
        var catalog = PromotionCatalog.Create(
        [
            Promotion.Create("group", "First 400").WithCode("FIRST400").WithLimits(new UsageLimits(perCode: GroupCap))
                .Giving(Discount.AmountOffOrder(new Money(5m, Usd))).Build(),
            Promotion.Create("gift", "Gift codes").WithClaimCodes(codes, new ClaimCodeFormat(prefix: "GIFT"))
                .Giving(Discount.AmountOffOrder(new Money(10m, Usd))).Build(),
            Promotion.Create("spend", "10% while the budget lasts").WithCode("SPEND10").WithLimits(new UsageLimits(budget: new Money(Budget, Usd)))
                .Giving(Discount.PercentOffItems(10)).Build(),
        ]);
        var evaluator = new PromotionEvaluator(catalog);
        var pools = Enumerable.Range(0, Hosts)
            .Select(_ => NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(connectionString) { MaxPoolSize = TasksPerHost, MaxAutoPrepare = 32 }.ConnectionString))
            .ToArray();
        try
        {
            var ledgers = pools.Select(p => new PostgreSqlRedemptionLedger(p, clock, Timeout)).ToArray();
            await ledgers[0].MigrateAsync();

            // A host that reserves and dies before committing: its reservations must give everything back on expiry.
            var doomed = await DoomedHostAsync(connectionString, clock, evaluator, catalog, codes);
            clock.Advance(Timeout);

            var committed = new ConcurrentDictionary<string, Redemption>();
            var conflicts = 0;
            var refusedAtEvaluation = 0;
            using var go = new ManualResetEventSlim();
            var watch = Stopwatch.StartNew();
            var racers = new List<Task>();
            for (var host = 0; host < Hosts; host++)
            {
                for (var task = 0; task < TasksPerHost; task++)
                {
                    var (ledger, h, t) = (ledgers[host], host, task);
                    racers.Add(Task.Run(async () =>
                    {
                        go.Wait();
                        for (var i = 0; i < CheckoutsPerTask; i++)
                        {
                            var n = (((h * TasksPerHost) + t) * CheckoutsPerTask) + i;
                            var (cart, code) = Shopper(n, codes);
                            var outcome = await CheckoutAsync(ledger, evaluator, catalog, clock, $"o-{n}", cart, code);
                            if (outcome.Committed is { } redemption)
                            {
                                Assert.True(committed.TryAdd($"o-{n}", redemption));
                            }

                            Interlocked.Add(ref conflicts, outcome.Conflicts);
                            if (outcome.Refused)
                            {
                                Interlocked.Increment(ref refusedAtEvaluation);
                            }
                        }
                    }));
                }
            }

            go.Set();
            await Task.WhenAll(racers);
            watch.Stop();
            var checkouts = Hosts * TasksPerHost * CheckoutsPerTask;
            output.WriteLine(
                $"{Hosts} pools x {TasksPerHost} tasks x {CheckoutsPerTask} checkouts = {checkouts} in {watch.Elapsed.TotalSeconds:F1} s: "
                + $"{checkouts / watch.Elapsed.TotalSeconds:F0} checkouts/s; {committed.Count} committed, {conflicts} conflicts "
                + $"(reservations refused after the evaluation offered them, each evaluated again), {refusedAtEvaluation} refused at evaluation");

            var group = committed.Values.Where(r => r.PromotionId == new PromotionId("group")).ToArray();
            var gifts = committed.Values.Where(r => r.PromotionId == new PromotionId("gift")).ToArray();
            var spend = committed.Values.Where(r => r.PromotionId == new PromotionId("spend")).ToArray();
            Assert.Equal(GroupCap, group.Length);
            Assert.Equal(ClaimCodes, gifts.Length);
            Assert.Equal(ClaimCodes, gifts.Select(r => r.Code).Distinct().Count());
            var spent = spend.Aggregate(Money.Zero(Usd), (sum, r) => sum + r.Amount);
            Assert.True(spent <= new Money(Budget, Usd), $"spent {spent}");
            Assert.True(spent > new Money(Budget - 10m, Usd), $"spent only {spent}: an order of at most 10 USD was refused while it fitted");

            // What the database counts equals what the hosts committed, and the dead host's orders expired.
            var usage = await ledgers[1].GetUsageAsync(new UsageRequest(
                [new PromotionId("group"), new PromotionId("gift"), new PromotionId("spend")], ["FIRST400", .. codes], null));
            Assert.Equal(GroupCap, usage.PromotionUses(new PromotionId("group")));
            Assert.Equal(GroupCap, usage.CodeUses("FIRST400"));
            Assert.Equal(ClaimCodes, usage.PromotionUses(new PromotionId("gift")));
            Assert.All(codes, c => Assert.Equal(1, usage.CodeUses(c)));
            Assert.Equal(spend.Length, usage.PromotionUses(new PromotionId("spend")));
            Assert.Equal(spent, usage.PromotionSpent(new PromotionId("spend")));
            foreach (var order in doomed)
            {
                Assert.Equal(ReservationState.Expired, await ledgers[2].GetStateAsync(order));
            }

            Assert.Equal(committed.Count, await CountAsync(pools[3], "SELECT count(*) FROM promoengine.orders WHERE state = 2"));
            Assert.Equal(committed.Count, await CountAsync(pools[3], "SELECT count(*) FROM promoengine.order_items WHERE held_until IS NULL"));
        }
        finally
        {
            foreach (var pool in pools)
            {
                await pool.DisposeAsync();
            }
        }
    }

    /// <summary>Checkout as the README's snippet does it: read the usage the cart needs, evaluate, reserve, commit; a
    /// reservation refused after the evaluation offered it (a lost race) is evaluated again.</summary>
    private static async Task<(Redemption? Committed, int Conflicts, bool Refused)> CheckoutAsync(
        IRedemptionLedger ledger, PromotionEvaluator evaluator, PromotionCatalog catalog, IClock clock, string orderId, Cart cart, string code)
    {
        for (var conflicts = 0; ; conflicts++)
        {
            var now = clock.GetCurrentInstant();
            var usage = await ledger.GetUsageAsync(evaluator.UsageRequestFor(cart, [code], now));
            var result = evaluator.Evaluate(cart, [code], now, usage);
            if (result.Redemptions.IsEmpty)
            {
                return (null, conflicts, true);
            }

            var reservation = await ledger.ReserveAsync(ReservationRequest.For(orderId, result, catalog));
            if (reservation.Succeeded)
            {
                Assert.Equal(ReservationState.Committed, await ledger.CommitAsync(orderId));
                return (Assert.Single(result.Redemptions).ForOrder(orderId), conflicts, false);
            }
        }
    }

    /// <summary>The n-th shopper: a cart of 20 to 69 USD, and one of the three codes (the claim codes in an order that
    /// makes shoppers collide on them).</summary>
    private static (Cart Cart, string Code) Shopper(int n, IReadOnlyList<string> codes)
    {
        var cart = new Cart(Usd, [new CartLine("1", "MUG", new Money(20m + (n % 50), Usd), 1)], CustomerProfile.Registered($"c{n}"));
        var code = (n % 3) switch
        {
            0 => "first400",
            1 => codes[(n / 3 * 7) % codes.Count].ToLowerInvariant(),
            _ => "spend-10",
        };
        return (cart, code);
    }

    /// <summary>A host with its own pool reserves a few orders on each promotion and dies without committing.</summary>
    private static async Task<string[]> DoomedHostAsync(
        string connectionString, IClock clock, PromotionEvaluator evaluator, PromotionCatalog catalog, IReadOnlyList<string> codes)
    {
        await using var pool = NpgsqlDataSource.Create(connectionString);
        var ledger = new PostgreSqlRedemptionLedger(pool, clock, Timeout);
        var orders = new List<string>();
        for (var n = 0; n < 30; n++)
        {
            var (cart, code) = Shopper(n, codes);
            var now = clock.GetCurrentInstant();
            var result = evaluator.Evaluate(cart, [code], now, await ledger.GetUsageAsync(evaluator.UsageRequestFor(cart, [code], now)));
            Assert.True((await ledger.ReserveAsync(ReservationRequest.For($"doomed-{n}", result, catalog))).Succeeded);
            orders.Add($"doomed-{n}");
        }

        return [.. orders];
    }

    private static async Task<int> CountAsync(NpgsqlDataSource pool, string sql)
    {
        await using var command = pool.CreateCommand(sql);
        return Convert.ToInt32(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
