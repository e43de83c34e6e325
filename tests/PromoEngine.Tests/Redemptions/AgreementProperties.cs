using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using NodaTime.Testing;
using Xunit;

namespace PromoEngine.Tests;

/// <summary>One checkout of a generated session: who, what, which codes as typed, and what happens to the order after
/// it is reserved (0 commit, 1 release, 2 left reserved, 3 left reserved and the clock moves past the timeout).</summary>
public sealed record CheckoutStep(int Customer, (int Cents, int Quantity, bool Hat)[] Lines, string[] Codes, int Then)
{
    public override string ToString() =>
        $"c{Customer} [{string.Join(", ", Lines.Select(l => $"{l.Quantity}x{l.Cents / 100m}{(l.Hat ? " hat" : string.Empty)}"))}] codes [{string.Join(", ", Codes)}] then {Then}";
}

/// <summary>A catalog of promotions with every kind of limit, and a session of checkouts against it.</summary>
public sealed record AgreementCase(Promotion[] Promotions, CheckoutStep[] Steps)
{
    public override string ToString() =>
        string.Join(" | ", Promotions.Select(p => $"{p.Id} {p.Discount} {p.Activation.Kind} [{string.Join(",", p.Activation.Codes)}]"
            + $" total {p.Limits.Total} perCode {p.Limits.PerCode} perCustomer {p.Limits.PerCustomer} budget {p.Limits.Budget} {p.Limits.BudgetPolicy} counts {p.Limits.CountPolicy}"))
        + " || " + string.Join(" ; ", Steps.Select(s => s.ToString()));
}

/// <summary>Generators of limited catalogs and checkout sessions, with codes typed in any spelling.</summary>
public static class AgreementArbitraries
{
    /// <summary>A claim-code alphabet without look-alikes (no B, I, L, O, Q, S, Z), 29 characters, so folding reads
    /// O as 0, I and L as 1, Z as 2, S as 5 and B as 8.</summary>
    public const string FoldingAlphabet = "0123456789ACDEFGHJKMNPRTUVWXY";

    private static readonly ClaimCodeFormat Format = new(length: 4, groupSize: 0, checkCharacter: false, alphabet: FoldingAlphabet, foldLookAlikes: true);

    private static Gen<Money> Usd(int min, int max) => Gen.Choose(min, max).Select(d => new Money(d, Currency.Usd));

    private static Gen<Discount> DiscountGen => Gen.OneOf(
        Gen.Elements(10m, 25m, 50m).Select(Discount.PercentOffItems),
        Usd(5, 40).Select(Discount.AmountOffOrder),
        Usd(1, 15).Select(Discount.AmountOffEachItem),
        Gen.Constant(Discount.FreeShipping),
        Gen.Elements(20m, 50m).Select(Discount.PercentOffOrder));

    private static Gen<Promotion> PromotionGen(int index) =>
        from discount in DiscountGen
        from activation in Gen.Choose(0, 2)
        from total in Gen.Frequency((2, Gen.Constant<int?>(null)), (1, Gen.Choose(1, 4).Select(n => (int?)n)))
        from perCode in Gen.Frequency((2, Gen.Constant<int?>(null)), (1, Gen.Choose(1, 3).Select(n => (int?)n)))
        from perCustomer in Gen.Frequency((2, Gen.Constant<int?>(null)), (1, Gen.Choose(1, 2).Select(n => (int?)n)))
        from budget in Gen.Frequency((1, Gen.Constant<Money?>(null)), (1, Usd(10, 80).Select(m => (Money?)m)))
        from budgetPolicy in Gen.Elements(BudgetPolicy.Hard, BudgetPolicy.Soft)
        from countPolicy in Gen.Frequency((3, Gen.Constant(LimitPolicy.Hard)), (1, Gen.Constant(LimitPolicy.Soft)))
        from priority in Gen.Choose(0, 1)
        from hats in Gen.Frequency((3, Gen.Constant(false)), (1, Gen.Constant(true)))
        select Make(index, discount, activation, new UsageLimits(total, perCode, perCustomer, budget, budgetPolicy, countPolicy), priority, hats);

    private static Promotion Make(int index, Discount discount, int activation, UsageLimits limits, int priority, bool hats)
    {
        var builder = Promotion.Create($"p{index}", $"Promotion {index}").Giving(discount).WithLimits(limits).WithPriority(priority);
        if (hats)
        {
            builder.ForItems(ItemFilter.Categories("hats"));
        }

        return activation switch
        {
            1 => builder.WithCode($"SAVE{index}").Build(),
            2 => builder.WithClaimCodes(ClaimCodes(index), Format).IssuingCodes([new(ClaimCodes(index)[0], "c1")]).Build(), // one code is c1's alone
            _ => builder.Build(),
        };
    }

    /// <summary>Three codes per promotion, full of characters that have look-alikes (0, 1, 2, 5, 8).</summary>
    public static string[] ClaimCodes(int index) => [$"{index}025", $"{index}180", $"{index}512"];

    private static Gen<string> Spelling(string canonical) =>
        from lower in Gen.Elements(true, false)
        from separator in Gen.Elements("", "-", " ", "  ")
        from lookAlikes in Gen.Elements(true, false)
        select Spell(canonical, lower, separator, lookAlikes);

    private static string Spell(string canonical, bool lower, string separator, bool lookAlikes)
    {
        var chars = canonical.Select(c => lookAlikes ? c switch { '0' => 'O', '1' => 'I', '2' => 'Z', '5' => 'S', '8' => 'B', _ => c } : c);
        var text = string.Join(separator, chars.Select(c => c.ToString()));
        return lower ? text.ToLowerInvariant() : text;
    }

    private static Gen<CheckoutStep> StepGen(string[] codes) =>
        from customer in Gen.Choose(0, 3)
        from count in Gen.Choose(1, 3)
        from lines in Gen.ArrayOf(
            from cents in Gen.Choose(100, 10_000)
            from quantity in Gen.Choose(1, 3)
            from hat in Gen.Elements(true, false)
            select (cents, quantity, hat), count)
        from typedCount in Gen.Choose(0, 2)
        from picked in Gen.ArrayOf(Gen.Elements(codes), typedCount)
        from typed in Gen.CollectToArray(picked, Spelling)
        from then in Gen.Frequency((4, Gen.Constant(0)), (1, Gen.Constant(1)), (1, Gen.Constant(2)), (1, Gen.Constant(3)))
        select new CheckoutStep(customer, lines, typed, then);

    public static Arbitrary<AgreementCase> Cases() =>
        (from count in Gen.Choose(1, 6)
         from promotions in Gen.CollectToArray(Enumerable.Range(0, count), PromotionGen)
         let codes = promotions.SelectMany(p => p.Activation.Codes).Concat(["NOPE", "", "\u200B", "\U0001F600", "S\0AVE"]).ToArray()
         from steps in Gen.Choose(1, 12).SelectMany(n => Gen.ArrayOf(StepGen(codes), n))
         select new AgreementCase(promotions, steps))
        .ToArbitrary();
}

/// <summary>The evaluator and the ledger agree: whatever the evaluator offers on the usage the ledger gave it, the
/// ledger accepts on the same state, whatever the limits (per promotion, per code, per customer, hard and soft budgets
/// and counts, single-use and folded claim codes), the spelling of the codes, and the history of orders committed,
/// released or expired before.</summary>
public sealed class AgreementProperties
{
    private static readonly Instant Start = Instant.FromUtc(2026, 11, 27, 9, 0);
    private static readonly Duration Timeout = Duration.FromMinutes(15);

    [Property(MaxTest = 1_000, Arbitrary = [typeof(AgreementArbitraries)])]
    public void ReserveAccepts_WhatEvaluateOffers_OnTheSameState(AgreementCase session)
    {
        var catalog = PromotionCatalog.Create(session.Promotions);
        var evaluator = new PromotionEvaluator(catalog, new EvaluationOptions { MaxCodesPerOrder = 2 });
        var clock = new FakeClock(Start);
        var ledger = new InMemoryRedemptionLedger(clock, Timeout);
        for (var i = 0; i < session.Steps.Length; i++)
        {
            var step = session.Steps[i];
            var cart = CartOf(step);
            var now = clock.GetCurrentInstant();
            var usage = ledger.GetUsageAsync(evaluator.UsageRequestFor(cart, step.Codes, now)).AsTask().GetAwaiter().GetResult();
            var result = evaluator.Evaluate(cart, step.Codes, now, usage);
            Assert.DoesNotContain(result.Rejected, r => r.Reason == RejectionReason.UsageUnavailable);

            var orderId = $"o{i}";
            var reservation = ledger.ReserveAsync(ReservationRequest.For(orderId, result, catalog)).AsTask().GetAwaiter().GetResult();
            Assert.True(reservation.Succeeded, $"step {i} ({step}) offered [{string.Join(", ", result.Redemptions.Select(r => $"{r.PromotionId} {r.Code} {r.Amount}"))}] "
                + $"and the ledger refused [{string.Join(", ", reservation.Failures.Select(f => $"{f.PromotionId} {f.Code} {f.Reason}"))}]");
            switch (step.Then)
            {
                case 0:
                    ledger.CommitAsync(orderId).AsTask().GetAwaiter().GetResult();
                    break;
                case 1:
                    ledger.ReleaseAsync(orderId).AsTask().GetAwaiter().GetResult();
                    break;
                case 3:
                    clock.Advance(Timeout);
                    break;
            }
        }
    }

    internal static Cart CartOf(CheckoutStep step)
    {
        var lines = step.Lines.Select((l, i) => new CartLine($"l{i}", l.Hat ? "HAT" : "MUG", new Money(l.Cents / 100m, Currency.Usd), l.Quantity, l.Hat ? ["hats"] : []));
        var customer = step.Customer == 0 ? CustomerProfile.Guest : CustomerProfile.Registered($"c{step.Customer}");
        return new Cart(Currency.Usd, lines, customer, new Money(4.99m, Currency.Usd));
    }
}
