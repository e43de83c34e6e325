using System.Collections.Concurrent;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using NodaTime;
using NodaTime.Testing;
using Xunit;
using Xunit.Abstractions;

namespace PromoEngine.Tests;

/// <summary>The README's checkout flow under load: 64 tasks × 1,000 checkouts against hard budgets, folded single-use
/// claim codes typed in look-alike spellings, a group code and per-customer caps. A refusal is only ever a lost race
/// (the usage read before it is no longer current), nothing is oversold, and every limit ends exact.</summary>
public sealed class CheckoutSoakTests(ITestOutputHelper output)
{
    private const int Tasks = 64;
    private const int Checkouts = 1_000;
    private const int Customers = 500;
    private static readonly Instant Now = Instant.FromUtc(2026, 11, 27, 9, 0);
    private static readonly Currency Usd = Currency.Usd;

    [Fact]
    public async Task ReadmeFlow_64TasksBy1000Checkouts_NoRefusalOnUnchangedStateNoOversellEveryLimitExact()
    {
        var format = new ClaimCodeFormat(length: 6, groupSize: 3, checkCharacter: false, alphabet: AgreementArbitraries.FoldingAlphabet, foldLookAlikes: true);
        var giftCodes = Enumerable.Range(0, 3_000).Select(i => Code(format, i)).ToArray();
        var catalog = PromotionCatalog.Create(
        [
            Promotion.Create("budget", "$5 off while the budget lasts").Giving(Discount.AmountOffOrder(new Money(5m, Usd)))
                .WithLimits(new UsageLimits(budget: new Money(2_002.50m, Usd))).Build(),
            Promotion.Create("gift", "$10 gift codes").WithClaimCodes(giftCodes, format).Giving(Discount.AmountOffOrder(new Money(10m, Usd))).Build(),
            Promotion.Create("vip", "15% off, three times per customer").Giving(Discount.PercentOffItems(15))
                .WithLimits(new UsageLimits(total: 5_000, perCustomer: 3)).Build(),
            Promotion.Create("first", "First 500").WithCode("FIRST500").Giving(Discount.FreeShipping)
                .WithLimits(new UsageLimits(perCode: 500, perCustomer: 1)).Build(),
        ]);
        var evaluator = new PromotionEvaluator(catalog, new EvaluationOptions { MaxCodesPerOrder = 2 });
        var ledger = new InMemoryRedemptionLedger(new FakeClock(Now), Duration.FromMinutes(15));
        var placed = new ConcurrentBag<EvaluationResult>();
        var refusals = 0;
        var refusalsOnUnchangedState = 0;
        using var start = new ManualResetEventSlim();

        var shoppers = Enumerable.Range(0, Tasks).Select(task => Task.Run(async () =>
        {
            start.Wait();
            for (var i = 0; i < Checkouts; i++)
            {
                var n = (task * Checkouts) + i;
                var cart = new Cart(
                    Usd,
                    [new CartLine("1", "MUG", new Money(10m + (n % 7), Usd), 1 + (n % 3))],
                    CustomerProfile.Registered($"c{(n * 7919) % Customers}"),
                    new Money(4.99m, Usd));
                var gift = giftCodes[(int)((long)n * 104_729 % giftCodes.Length)];
                string[] typed = [LookAlike(format.Display(gift), n), (n / Customers) % 3 == 0 ? "first-500" : "nope"];
                for (var attempt = 0; ; attempt++)
                {
                    Assert.True(attempt < 50, "a checkout never converged");
                    var request = evaluator.UsageRequestFor(cart, typed, Now);
                    var usage = await ledger.GetUsageAsync(request);
                    var result = evaluator.Evaluate(cart, typed, Now, usage);
                    await Task.Yield(); // as a real ledger's network round trip would: other checkouts run meanwhile
                    var orderId = $"o-{n}-{attempt}";
                    var reservation = await ledger.ReserveAsync(ReservationRequest.For(orderId, result, catalog));
                    if (reservation.Succeeded)
                    {
                        await ledger.CommitAsync(orderId);
                        placed.Add(result);
                        break;
                    }

                    // Counters only grow here (nothing is released or expires), so a refusal on a state that reads the
                    // same as the one evaluated would be the evaluator and the ledger disagreeing.
                    Interlocked.Increment(ref refusals);
                    if (Same(request, usage, await ledger.GetUsageAsync(request)))
                    {
                        Interlocked.Increment(ref refusalsOnUnchangedState);
                    }
                }
            }
        })).ToArray();
        start.Set();
        await Task.WhenAll(shoppers);

        output.WriteLine($"{placed.Count} orders placed; {refusals} refusals, all lost races; {refusalsOnUnchangedState} on an unchanged state");
        Assert.Equal(0, refusalsOnUnchangedState);
        Assert.Equal(Tasks * Checkouts, placed.Count);
        var all = placed.SelectMany(r => r.Redemptions).ToList();
        var final = await ledger.GetUsageAsync(new UsageRequest(catalog.Promotions.Select(p => p.Id), [.. giftCodes, "FIRST500"], null));

        // Hard budget: spent exactly, never past it (the last orders took what was left).
        Assert.Equal(new Money(2_002.50m, Usd), all.Where(r => r.PromotionId.Value == "budget").Aggregate(Money.Zero(Usd), (s, r) => s + r.Amount));
        Assert.Equal(new Money(2_002.50m, Usd), final.PromotionSpent(new PromotionId("budget")));

        // Single-use claim codes, whatever the spelling: each at most once, and every code typed was used once.
        var gifts = all.Where(r => r.PromotionId.Value == "gift").ToList();
        Assert.Equal(gifts.Count, gifts.Select(r => r.Code).Distinct().Count());
        Assert.All(gifts, r => Assert.Contains(r.Code, giftCodes));
        Assert.Equal(giftCodes.Length, gifts.Count);
        Assert.All(giftCodes, c => Assert.Equal(1, final.CodeUses(c)));

        // The group code: exactly 500, one per customer; the per-customer cap: three each, and the total held.
        var first = all.Where(r => r.PromotionId.Value == "first").ToList();
        Assert.Equal(500, first.Count);
        Assert.Equal(500, first.Select(r => r.CustomerId).Distinct().Count());
        Assert.Equal(500, final.CodeUses("FIRST500"));
        var vip = all.Where(r => r.PromotionId.Value == "vip").ToList();
        Assert.All(vip.GroupBy(r => r.CustomerId), g => Assert.Equal(3, g.Count()));
        Assert.Equal(Customers * 3, vip.Count);
        Assert.Equal(vip.Count, final.PromotionUses(new PromotionId("vip")));
    }

    /// <summary>The i-th code of a deterministic batch (this test is about the ledger, not randomness): i times a
    /// number prime to the alphabet's size, in base 29, so distinct numbers give distinct codes.</summary>
    private static string Code(ClaimCodeFormat format, int i)
    {
        var size = format.Alphabet.Length;
        var value = (long)i * 1_000_003 % (long)System.Math.Pow(size, format.Length);
        var chars = new char[format.Length];
        for (var k = 0; k < chars.Length; k++, value /= size)
        {
            chars[k] = format.Alphabet[(int)(value % size)];
        }

        return new string(chars);
    }

    /// <summary>The displayed code as a shopper might type it: lower case or not, look-alikes for some characters.</summary>
    private static string LookAlike(string shown, int n)
    {
        var text = shown.Replace('0', 'O').Replace('1', n % 2 == 0 ? 'I' : 'l').Replace('5', 'S').Replace('8', 'B');
        return n % 3 == 0 ? text.ToLowerInvariant() : text;
    }

    private static bool Same(UsageRequest request, UsageSnapshot a, UsageSnapshot b) =>
        request.Promotions.All(p => a.PromotionUses(p) == b.PromotionUses(p) && a.PromotionSpent(p) == b.PromotionSpent(p)
            && (request.CustomerId is not { } c || a.CustomerUses(p, c) == b.CustomerUses(p, c)))
        && request.Codes.All(code => a.CodeUses(code) == b.CodeUses(code));
}
