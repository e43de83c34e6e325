using System.Collections.Generic;
using System.Linq;
using FsCheck.Xunit;
using NodaTime;
using NodaTime.Testing;
using Xunit;

namespace PromoEngine.Tests;

/// <summary>A wallet entry gives the same result as typing its code, wherever the options say it should: when the
/// wallet counts toward the code limit (the default) and code status is not hidden; and when it does not count, the
/// same as typing with room for every code. Hiding code status changes nothing of a wallet's result.</summary>
public sealed class WalletProperties
{
    [Property(MaxTest = 500, Arbitrary = [typeof(EvaluationArbitraries)])]
    public void WalletEntries_GiveTheSameResultAsTypingTheirCodes(EvaluationCase c)
    {
        var codes = CodesOf(c);
        var options = new EvaluationOptions { IncludeUnits = true, MaxCodesPerOrder = 1, Selection = c.Selection, Compounding = c.Compounding };

        var typed = Evaluate(c, options, codes, []);
        var held = Evaluate(c, options, [], codes);

        AssertSameButForTheWallet(typed, held);
    }

    [Property(MaxTest = 300, Arbitrary = [typeof(EvaluationArbitraries)])]
    public void WalletEntriesOutsideTheCodeLimit_GiveTheSameResultAsTypingWithRoomForEveryCode(EvaluationCase c)
    {
        var codes = CodesOf(c);
        var roomy = new EvaluationOptions { IncludeUnits = true, MaxCodesPerOrder = PromotionEvaluator.MaxCodesPerRequest, Selection = c.Selection, Compounding = c.Compounding };

        var typed = Evaluate(c, roomy, codes, []);
        var held = Evaluate(c, roomy with { MaxCodesPerOrder = 0, WalletCountsTowardCodeLimit = false }, [], codes);

        AssertSameButForTheWallet(typed, held);
    }

    /// <summary>Hiding code status hides what typed codes reveal; a wallet reveals nothing the shopper guessed, so it
    /// changes nothing of a wallet's result.</summary>
    [Property(MaxTest = 300, Arbitrary = [typeof(EvaluationArbitraries)])]
    public void HiddenCodeStatus_ChangesNothingOfAWalletsResult(EvaluationCase c)
    {
        var codes = CodesOf(c);
        var options = new EvaluationOptions { IncludeUnits = true, MaxCodesPerOrder = 1, Selection = c.Selection, Compounding = c.Compounding };

        Assert.Equal(Evaluate(c, options, [], codes), Evaluate(c, options with { HideCodeStatus = true }, [], codes));
    }

    [Property(MaxTest = 300, Arbitrary = [typeof(AgreementArbitraries)])]
    public void ReserveAccepts_WhatEvaluateOffersFromTheWallet_OnTheSameState(AgreementCase session)
    {
        var catalog = PromotionCatalog.Create(session.Promotions);
        var evaluator = new PromotionEvaluator(catalog, new EvaluationOptions { MaxCodesPerOrder = 2 });
        var start = Instant.FromUtc(2026, 11, 27, 9, 0);
        var ledger = new InMemoryRedemptionLedger(new FakeClock(start), Duration.FromMinutes(15));
        for (var i = 0; i < session.Steps.Length; i++)
        {
            var step = session.Steps[i];
            var plain = AgreementProperties.CartOf(step);
            var customer = plain.Customer.WithWallet(Readable(step.Codes).Select(code => WalletEntry.Clipped(code)));
            var cart = new Cart(plain.Currency, plain.Lines, customer, plain.Shipping);
            var usage = ledger.GetUsageAsync(evaluator.UsageRequestFor(cart, [], start)).AsTask().GetAwaiter().GetResult();
            var result = evaluator.Evaluate(cart, [], start, usage);
            Assert.DoesNotContain(result.Rejected, r => r.Reason == RejectionReason.UsageUnavailable);

            var reservation = ledger.ReserveAsync(ReservationRequest.For($"o{i}", result, catalog)).AsTask().GetAwaiter().GetResult();
            Assert.True(reservation.Succeeded, $"step {i} ({step}) refused [{string.Join(", ", reservation.Failures.Select(f => $"{f.PromotionId} {f.Code} {f.Reason}"))}]");
            if (step.Then == 0)
            {
                ledger.CommitAsync($"o{i}").AsTask().GetAwaiter().GetResult();
            }
        }
    }

    /// <summary>The codes of a generated case to type or hold: every code of its catalog (so several usable codes
    /// compete for the slots), shuffled by its seed, then the codes it generated.</summary>
    private static string[] CodesOf(EvaluationCase c) =>
        Readable(EvaluationArbitraries.Shuffle(c.Promotions.SelectMany(p => p.Activation.Codes), c.ShuffleSeed).Concat(c.Codes));

    /// <summary>The codes that can be held in a wallet: readable, each once (in the order typed).</summary>
    private static string[] Readable(IEnumerable<string> codes) =>
        [.. codes.Where(code => PromotionCode.TryNormalize(code, out _, out _)).DistinctBy(PromotionCode.Normalize)];

    private static EvaluationResult Evaluate(EvaluationCase c, EvaluationOptions options, string[] typed, string[] wallet)
    {
        var customer = c.Cart.Customer.WithWallet(wallet.Select(code => WalletEntry.Clipped(code)));
        var cart = new Cart(c.Cart.Currency, c.Cart.Lines, customer, c.Cart.Shipping, c.Cart.Channel, c.Cart.ShippingRegion);
        return new PromotionEvaluator(PromotionCatalog.Create(c.Promotions), options).Evaluate(cart, typed, c.At);
    }

    private static void AssertSameButForTheWallet(EvaluationResult typed, EvaluationResult held)
    {
        Assert.All(held.Applied, a => Assert.Equal(a.Code is not null, a.FromWallet));
        Assert.All(held.Rejected, r => Assert.Equal(r.Code is not null, r.FromWallet));
        Assert.Equal(typed.Lines.ToArray(), held.Lines.ToArray());
        Assert.Equal(typed.Applied.ToArray(), held.Applied.Select(a => a with { FromWallet = false }).ToArray());
        Assert.Equal(typed.Rejected.ToArray(), held.Rejected.Select(r => r with { FromWallet = false }).ToArray());
        Assert.Equal(typed.Hints.ToArray(), held.Hints.Select(h => h with { FromWallet = false }).ToArray());
        Assert.Equal(typed.Redemptions.ToArray(), held.Redemptions.ToArray());
        Assert.Equal(typed.Total, held.Total);
        Assert.Equal(CodeAttempts.None, held.CodeAttempts);
    }
}
