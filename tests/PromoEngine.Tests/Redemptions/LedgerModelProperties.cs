using System;
using System.Collections.Generic;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using NodaTime.Testing;
using Xunit;

namespace PromoEngine.Tests;

/// <summary>A step of a ledger session.</summary>
public abstract record LedgerCommand;

public sealed record ReserveCommand(int Order, int Customer, int Code) : LedgerCommand;

public sealed record CommitCommand(int Order) : LedgerCommand;

public sealed record ReleaseCommand(int Order) : LedgerCommand;

public sealed record AdvanceCommand(int Minutes) : LedgerCommand;

public static class LedgerArbitraries
{
    public static Arbitrary<LedgerCommand[]> Commands() =>
        Gen.ArrayOf(Gen.Frequency<LedgerCommand>(
            (5, from o in Gen.Choose(0, 11) from c in Gen.Choose(0, 3) from k in Gen.Choose(0, 1) select (LedgerCommand)new ReserveCommand(o, c, k)),
            (3, Gen.Choose(0, 11).Select(o => (LedgerCommand)new CommitCommand(o))),
            (2, Gen.Choose(0, 11).Select(o => (LedgerCommand)new ReleaseCommand(o))),
            (2, Gen.Choose(1, 12).Select(m => (LedgerCommand)new AdvanceCommand(m)))))
        .ToArbitrary();
}

/// <summary>Any sequence of reserve, commit, release and expiry leaves the ledger's counts equal to a simple model's,
/// and never above a limit.</summary>
public sealed class LedgerModelProperties
{
    private const int Total = 4;
    private const int PerCode = 3;
    private const int PerCustomer = 2;
    private static readonly Duration Timeout = Duration.FromMinutes(10);
    private static readonly PromotionId P = new("p");
    private static readonly string[] Codes = ["ALPHA", "BRAVO"];

    private static readonly RedemptionLimits Limits = RedemptionLimits.For(
        Promotion.Create("p", "p").WithCode("ALPHA").WithLimits(new UsageLimits(Total, PerCode, PerCustomer)).Giving(Discount.PercentOffItems(5)).Build());

    private sealed class ModelOrder(int customer, int code, Instant expiresAt)
    {
        public int Customer { get; } = customer;

        public int Code { get; } = code;

        public Instant ExpiresAt { get; set; } = expiresAt;

        public ReservationState State { get; set; } = ReservationState.Reserved;

        public bool Holds => State is ReservationState.Reserved or ReservationState.Committed;
    }

    [Property(MaxTest = 300, Arbitrary = [typeof(LedgerArbitraries)])]
    public void AnySequence_MatchesTheModel_AndNeverExceedsALimit(LedgerCommand[] commands)
    {
        var clock = new FakeClock(Instant.FromUtc(2026, 1, 1, 0, 0));
        var ledger = new InMemoryRedemptionLedger(clock, Timeout);
        var model = new Dictionary<int, ModelOrder>();

        foreach (var command in commands)
        {
            var now = clock.GetCurrentInstant();
            Expire(model, now);

            switch (command)
            {
                case ReserveCommand r:
                    var request = new ReservationRequest($"o{r.Order}", [(Redemption(r), Limits)]);
                    if (model.TryGetValue(r.Order, out var existing) && existing.Holds)
                    {
                        if (existing.Customer != r.Customer || existing.Code != r.Code)
                        {
                            Assert.Throws<InvalidOperationException>(() => ledger.ReserveAsync(request).AsTask().GetAwaiter().GetResult());
                        }
                        else
                        {
                            Assert.True(ledger.ReserveAsync(request).AsTask().GetAwaiter().GetResult().Succeeded);
                        }

                        break;
                    }

                    var active = model.Values.Where(o => o.Holds).ToList();
                    var allowed = active.Count < Total
                        && active.Count(o => o.Code == r.Code) < PerCode
                        && active.Count(o => o.Customer == r.Customer) < PerCustomer;
                    var result = ledger.ReserveAsync(request).AsTask().GetAwaiter().GetResult();
                    Assert.Equal(allowed, result.Succeeded);
                    if (allowed)
                    {
                        model[r.Order] = new ModelOrder(r.Customer, r.Code, now + Timeout);
                    }

                    break;
                case CommitCommand c:
                    var committed = ledger.CommitAsync($"o{c.Order}").AsTask().GetAwaiter().GetResult();
                    if (model.TryGetValue(c.Order, out var toCommit) && toCommit.State == ReservationState.Reserved)
                    {
                        toCommit.State = ReservationState.Committed;
                    }

                    Assert.Equal(model.TryGetValue(c.Order, out var afterCommit) ? afterCommit.State : ReservationState.None, committed);
                    break;
                case ReleaseCommand rel:
                    var released = ledger.ReleaseAsync($"o{rel.Order}").AsTask().GetAwaiter().GetResult();
                    if (model.TryGetValue(rel.Order, out var toRelease) && toRelease.Holds)
                    {
                        toRelease.State = ReservationState.Released;
                    }

                    Assert.Equal(model.TryGetValue(rel.Order, out var afterRelease) ? afterRelease.State : ReservationState.None, released);
                    break;
                case AdvanceCommand a:
                    clock.AdvanceMinutes(a.Minutes);
                    break;
            }

            Expire(model, clock.GetCurrentInstant());
            var holding = model.Values.Where(o => o.Holds).ToList();
            var usage = ledger.GetUsageAsync(new UsageRequest([P], Codes, null)).AsTask().GetAwaiter().GetResult();
            Assert.Equal(holding.Count, usage.PromotionUses(P));
            Assert.InRange(usage.PromotionUses(P)!.Value, 0, Total);
            for (var code = 0; code < Codes.Length; code++)
            {
                Assert.Equal(holding.Count(o => o.Code == code), usage.CodeUses(Codes[code]));
                Assert.InRange(usage.CodeUses(Codes[code])!.Value, 0, PerCode);
            }

            for (var customer = 0; customer < 4; customer++)
            {
                var uses = ledger.GetUsageAsync(new UsageRequest([P], [], $"c{customer}")).AsTask().GetAwaiter().GetResult().CustomerUses(P, $"c{customer}")!.Value;
                Assert.Equal(holding.Count(o => o.Customer == customer), uses);
                Assert.InRange(uses, 0, PerCustomer);
            }
        }
    }

    private static void Expire(Dictionary<int, ModelOrder> model, Instant now)
    {
        foreach (var order in model.Values.Where(o => o.State == ReservationState.Reserved && o.ExpiresAt <= now))
        {
            order.State = ReservationState.Expired;
        }
    }

    private static Redemption Redemption(ReserveCommand r) =>
        new(P, Codes[r.Code], $"c{r.Customer}", null, new Money(1m, Currency.Usd), Instant.FromUtc(2026, 1, 1, 0, 0));
}
