using System;
using System.Linq;
using NodaTime;
using NodaTime.Testing;
using Xunit;
using static PromoEngine.Tests.Shop;

namespace PromoEngine.Tests;

/// <summary>Bad input over the public API, one row each: what a careless host or a hostile request can pass. Each gets
/// the exception its documentation names, with a message that says what is wrong (a fragment of it is pinned), and
/// leaves what it was given unchanged.</summary>
public sealed class BadInputCorpusTests
{
    private static readonly Money Big = D(Usd.MaxAmount + 1m);

    /// <summary>Name, the call, the exception type expected, a fragment of its message.</summary>
    public static TheoryData<string, Action, Type, string> Corpus() => new()
    {
        { "money without a currency", () => _ = new Money(1m, default), typeof(ArgumentException), "A currency is required" },
        { "unknown currency code", () => Currency.FromCode("XYZ"), typeof(ArgumentException), "XYZ" },
        { "custom currency with too many minor units", () => Currency.Custom("ABC", 19), typeof(ArgumentOutOfRangeException), "minorUnits" },
        { "adding two currencies", () => _ = D(1m) + new Money(1m, Currency.Eur), typeof(CurrencyMismatchException), "EUR" },
        { "allocating by no weights", () => D(1m).Allocate([]), typeof(ArgumentException), "weight" },
        { "allocating by zero weights", () => D(1m).Allocate([0m, 0m]), typeof(ArgumentException), "all zero" },
        { "splitting into no parts", () => D(1m).Split(0), typeof(ArgumentOutOfRangeException), "" },
        { "negative unit price", () => _ = new CartLine("1", "A", D(-1m), 1), typeof(ArgumentOutOfRangeException), "must not be negative" },
        { "unrounded unit price", () => _ = new CartLine("1", "A", D(1.005m), 1), typeof(ArgumentException), "minor units" },
        { "zero quantity", () => _ = new CartLine("1", "A", D(1m), 0), typeof(ArgumentOutOfRangeException), "one or more" },
        { "quantity of int.MaxValue", () => _ = new CartLine("1", "A", D(1m), int.MaxValue), typeof(ArgumentOutOfRangeException), "CartLine.MaxQuantity" },
        { "unit price past the max amount", () => _ = new CartLine("1", "A", Big, 1), typeof(ArgumentOutOfRangeException), "Currency.MaxAmount" },
        { "line total past the max amount", () => _ = new CartLine("1", "A", D(Usd.MaxAmount), 2), typeof(ArgumentOutOfRangeException), "too large" },
        { "empty line id", () => _ = new CartLine(" ", "A", D(1m), 1), typeof(ArgumentException), "" },
        { "control character in a SKU", () => _ = new CartLine("1", "A\u0000B", D(1m), 1), typeof(ArgumentException), "" },
        { "identifier of 201 characters", () => _ = new CartLine(new string('x', 201), "A", D(1m), 1), typeof(ArgumentException), "200" },
        { "cart without a currency", () => _ = new Cart(default, []), typeof(ArgumentException), "currency" },
        { "cart line in another currency", () => _ = new Cart(Currency.Eur, [Line("a", 1m)]), typeof(CurrencyMismatchException), "EUR" },
        { "two lines with one id", () => _ = new Cart(Usd, [Line("a", 1m), Line("a", 2m)]), typeof(ArgumentException), "unique" },
        { "negative shipping", () => _ = new Cart(Usd, [], shipping: D(-1m)), typeof(ArgumentOutOfRangeException), "must not be negative" },
        { "unrounded shipping", () => _ = new Cart(Usd, [], shipping: D(1.001m)), typeof(ArgumentException), "minor units" },
        { "shipping in another currency", () => _ = new Cart(Usd, [], shipping: new Money(1m, Currency.Eur)), typeof(CurrencyMismatchException), "EUR" },
        { "1,001 lines", () => _ = new Cart(Usd, Enumerable.Range(0, 1_001).Select(i => Line($"l{i}", 1m))), typeof(ArgumentException), "Cart.MaxLines" },
        { "one unit past Cart.MaxUnits", () => _ = new Cart(Usd, [Line("a", 1m, (Cart.MaxUnits / 2) + 1), Line("b", 1m, Cart.MaxUnits / 2)]), typeof(ArgumentException), "Cart.MaxUnits" },
        { "a null line", () => _ = new Cart(Usd, [null!]), typeof(ArgumentNullException), "" },
        { "country of three letters", () => _ = new Region("USA"), typeof(ArgumentException), "ISO 3166-1" },
        { "country with a digit", () => _ = new Region("U1"), typeof(ArgumentException), "ISO 3166-1" },
        { "percentage of zero", () => Discount.PercentOffItems(0m), typeof(ArgumentOutOfRangeException), "(0, 100]" },
        { "percentage over 100", () => Discount.PercentOffOrder(100.01m), typeof(ArgumentOutOfRangeException), "(0, 100]" },
        { "negative amount off", () => Discount.AmountOffOrder(D(-5m)), typeof(ArgumentOutOfRangeException), "more than zero" },
        { "unrounded amount off", () => Discount.AmountOffEachItem(D(0.001m)), typeof(ArgumentOutOfRangeException), "rounded" },
        { "amount off past the max amount", () => Discount.ShippingAmountOff(Big), typeof(ArgumentOutOfRangeException), "Currency.MaxAmount" },
        { "fixed price for no units", () => Discount.FixedPrice(0, D(5m)), typeof(ArgumentOutOfRangeException), "" },
        { "negative fixed price", () => Discount.FixedPrice(2, D(-5m)), typeof(ArgumentOutOfRangeException), "zero or more" },
        { "buy zero get one", () => Discount.BuyXGetY(0, 1), typeof(ArgumentOutOfRangeException), "" },
        { "undefined unit selection", () => Discount.BuyXGetY(1, 1, selection: (UnitSelection)9), typeof(ArgumentOutOfRangeException), "UnitSelection" },
        { "buy X get Y at most zero times", () => Discount.BuyXGetY(1, 1, maxApplications: 0), typeof(ArgumentOutOfRangeException), "one or more" },
        { "tiers: none", () => Discount.Tiered(TierBasis.Subtotal), typeof(ArgumentException), "at least one tier" },
        { "tiers: the same threshold twice", () => Discount.Tiered(TierBasis.Subtotal, Tier.PercentOffFrom(10, 5), Tier.PercentOffFrom(10, 10)), typeof(ArgumentException), "share the threshold" },
        { "tiers: two currencies", () => Discount.Tiered(TierBasis.Subtotal, Tier.AmountOffFrom(10, D(1m)), Tier.AmountOffFrom(20, new Money(2m, Currency.Eur))), typeof(CurrencyMismatchException), "EUR" },
        { "tier threshold of zero", () => Tier.PercentOffFrom(0m, 5m), typeof(ArgumentOutOfRangeException), "more than zero" },
        { "undefined tier basis", () => Discount.Tiered((TierBasis)7, Tier.PercentOffFrom(1, 5)), typeof(ArgumentOutOfRangeException), "TierBasis" },
        { "minimum subtotal of zero", () => Restriction.MinimumSubtotal(D(0m)), typeof(ArgumentOutOfRangeException), "more than zero" },
        { "minimum subtotal unrounded", () => Restriction.MinimumSubtotal(D(0.001m)), typeof(ArgumentException), "rounded" },
        { "minimum subtotal past the max amount", () => Restriction.MinimumSubtotal(Big), typeof(ArgumentOutOfRangeException), "Currency.MaxAmount" },
        { "minimum quantity of zero", () => Restriction.MinimumQuantity(0), typeof(ArgumentOutOfRangeException), "" },
        { "members of nothing", () => Restriction.MembersOnly(), typeof(ArgumentException), "" },
        { "regions: none", () => Restriction.Regions(), typeof(ArgumentException), "" },
        { "segments: an empty name", () => Restriction.Segments(" "), typeof(ArgumentException), "" },
        { "channels: none", () => Restriction.Channels(), typeof(ArgumentException), "" },
        { "SKU filter of nothing", () => ItemFilter.Skus(), typeof(ArgumentException), "" },
        { "any of no filter", () => ItemFilter.AnyOf(), typeof(ArgumentException), "At least one filter" },
        { "filters nested 17 deep", () => Enumerable.Range(0, 16).Aggregate(ItemFilter.All, (f, _) => ItemFilter.Not(f)), typeof(ArgumentException), "at most 16 deep" },
        { "usage limit of zero", () => _ = new UsageLimits(total: 0), typeof(ArgumentOutOfRangeException), "one or more" },
        { "negative per-customer limit", () => _ = new UsageLimits(perCustomer: -1), typeof(ArgumentOutOfRangeException), "one or more" },
        { "budget of zero", () => _ = new UsageLimits(budget: D(0m)), typeof(ArgumentOutOfRangeException), "more than zero" },
        { "budget past the max amount", () => _ = new UsageLimits(budget: Big), typeof(ArgumentOutOfRangeException), "Currency.MaxAmount" },
        { "undefined budget policy", () => _ = new UsageLimits(budgetPolicy: (BudgetPolicy)5), typeof(ArgumentOutOfRangeException), "BudgetPolicy" },
        { "undefined count policy", () => _ = new UsageLimits(countPolicy: (LimitPolicy)5), typeof(ArgumentOutOfRangeException), "LimitPolicy" },
        { "promotion without a discount", () => Promotion.Create("p", "P").Build(), typeof(PromotionDefinitionException), "discount" },
        { "promotion with an empty id", () => Promotion.Create(" ", "P").Giving(Discount.FreeShipping).Build(), typeof(PromotionDefinitionException), "id" },
        { "cap in another currency", () => Promo("p", Discount.AmountOffOrder(D(10m))).WithMaxDiscount(new Money(5m, Currency.Eur)).Build(), typeof(PromotionDefinitionException), "EUR" },
        { "cap past the max amount", () => Promo("p", Discount.PercentOffItems(10)).WithMaxDiscount(Big).Build(), typeof(PromotionDefinitionException), "Currency.MaxAmount" },
        { "shared code of separators only", () => Promo("p", Discount.FreeShipping).WithCode(" - _ ").Build(), typeof(ArgumentException), "at least one letter or digit" },
        { "shared code with an emoji", () => Promo("p", Discount.FreeShipping).WithCode("SAVE\U0001F600").Build(), typeof(ArgumentException), "U+1F600" },
        { "claim codes: none", () => Promo("p", Discount.FreeShipping).WithClaimCodes([]).Build(), typeof(ArgumentException), "at least one code" },
        { "claim codes: the same twice", () => Promo("p", Discount.FreeShipping).WithClaimCodes(["AB12", "ab-12"]).Build(), typeof(ArgumentException), "twice" },
        { "catalog: two promotions with one id", () => PromotionCatalog.Create([Promo("p", Discount.FreeShipping).Build(), Promo("p", Discount.FreeShipping).Build()]), typeof(PromotionDefinitionException), "also the id" },
        { "catalog: one code for two promotions", () => PromotionCatalog.Create([Promo("a", Discount.FreeShipping).WithCode("X").Build(), Promo("b", Discount.FreeShipping).WithCode("x").Build()]), typeof(PromotionDefinitionException), "also a code" },
        { "schedule ending before it starts", () => Schedule.Between(new LocalDateTime(2026, 2, 1, 0, 0), new LocalDateTime(2026, 1, 1, 0, 0), DateTimeZone.Utc), typeof(ArgumentException), "before it starts" },
        { "whole days, the last before the first", () => Schedule.Days(new LocalDate(2026, 2, 1), new LocalDate(2026, 1, 1), DateTimeZone.Utc), typeof(ArgumentException), "" },
        { "weekly window of no days", () => _ = new WeeklyWindow([], new LocalTime(9, 0), new LocalTime(10, 0)), typeof(ArgumentException), "" },
        { "weekly window ending as it starts", () => _ = new WeeklyWindow([IsoDayOfWeek.Friday], new LocalTime(9, 0), new LocalTime(9, 0)), typeof(ArgumentException), "" },
        { "claim-code format of 3 characters", () => _ = new ClaimCodeFormat(length: 3), typeof(ArgumentOutOfRangeException), "" },
        { "claim-code alphabet with a repeat", () => _ = new ClaimCodeFormat(alphabet: "ABCA"), typeof(ArgumentException), "twice" },
        { "claim-code alphabet in lower case", () => _ = new ClaimCodeFormat(alphabet: "abcd"), typeof(ArgumentException), "upper-case" },
        { "claim-code check over 6 characters", () => _ = new ClaimCodeFormat(alphabet: "ABCDEF"), typeof(ArgumentException), "prime" },
        { "folding with two look-alikes", () => _ = new ClaimCodeFormat(alphabet: "0OAB", checkCharacter: false, foldLookAlikes: true), typeof(ArgumentException), "at most one of" },
        { "a batch of no codes", () => ClaimCodeGenerator.Generate(ClaimCodeFormat.Default, 0), typeof(ArgumentOutOfRangeException), "" },
        { "a batch past the share", () => ClaimCodeGenerator.Generate(new ClaimCodeFormat(length: 4), 10), typeof(ArgumentOutOfRangeException), "" },
        { "evaluation options: negative codes per order", () => _ = new PromotionEvaluator(PromotionCatalog.Create([]), new EvaluationOptions { MaxCodesPerOrder = -1 }), typeof(ArgumentOutOfRangeException), "zero or more" },
        { "evaluation options: undefined selection", () => _ = new PromotionEvaluator(PromotionCatalog.Create([]), new EvaluationOptions { Selection = (SelectionPolicy)3 }), typeof(ArgumentOutOfRangeException), "SelectionPolicy" },
        { "evaluation options: undefined rounding", () => _ = new PromotionEvaluator(PromotionCatalog.Create([]), new EvaluationOptions { Rounding = (MidpointRounding)42 }), typeof(ArgumentOutOfRangeException), "" },
        { "evaluate a null cart", () => new PromotionEvaluator(PromotionCatalog.Create([])).Evaluate(null!, [], Now), typeof(ArgumentNullException), "cart" },
        { "evaluate a null code", () => new PromotionEvaluator(PromotionCatalog.Create([])).Evaluate(Cart(Line("a", 1m)), [null!], Now), typeof(ArgumentNullException), "null" },
        { "evaluate 33 codes", () => new PromotionEvaluator(PromotionCatalog.Create([])).Evaluate(Cart(Line("a", 1m)), Enumerable.Repeat("A", 33), Now), typeof(ArgumentOutOfRangeException), "MaxCodesPerRequest" },
        { "usage snapshot: negative uses", () => UsageSnapshot.Empty.WithPromotionUses(new PromotionId("p"), -1), typeof(ArgumentOutOfRangeException), "must not be negative" },
        { "usage snapshot: negative spend", () => UsageSnapshot.Empty.WithPromotionSpent(new PromotionId("p"), D(-1m)), typeof(ArgumentOutOfRangeException), "zero or more" },
        { "usage snapshot: a malformed code", () => UsageSnapshot.Empty.WithCodeUses("\u200B", 1), typeof(ArgumentException), "" },
        { "reservation: one promotion twice", () => _ = new ReservationRequest("o", [(Redemption(), Limits()), (Redemption(), Limits())]), typeof(ArgumentException), "appears twice" },
        { "reservation: another order's redemption", () => _ = new ReservationRequest("o", [(Redemption().ForOrder("other"), Limits())]), typeof(ArgumentException), "belongs to order other" },
        { "reservation: an empty order id", () => _ = new ReservationRequest(" ", []), typeof(ArgumentException), "" },
        { "ledger with no timeout", () => _ = new InMemoryRedemptionLedger(new FakeClock(Now), Duration.Zero), typeof(ArgumentOutOfRangeException), "more than zero" },
        { "return: unknown line", () => Placed().Return([new ReturnedUnits("zz", 1)]), typeof(ArgumentException), "no line zz" },
        { "return: more than bought", () => Placed().Return([new ReturnedUnits("a", 3)]), typeof(ArgumentException), "holds 2 units" },
        { "return: beyond earlier returns", () => Placed().Return([new ReturnedUnits("a", 1)], returnedBefore: [new ReturnedUnits("a", 2)]), typeof(ArgumentException), "2 returned before" },
        { "return: no units", () => Placed().Return([]), typeof(ArgumentException), "at least one unit" },
        { "return: zero units", () => _ = new ReturnedUnits("a", 0), typeof(ArgumentOutOfRangeException), "" },
        { "order record: result without units", () => _ = new OrderRecord(Cart(Line("a", 10m, 2)), new PromotionEvaluator(PromotionCatalog.Create([])).Evaluate(Cart(Line("a", 10m, 2)), [], Now), []), typeof(ArgumentException), "IncludeUnits" },
        { "order record: other currency", () => _ = new OrderRecord(new Cart(Currency.Eur, [new CartLine("a", "a", new Money(10m, Currency.Eur), 2)]), Placed().Result, Placed().Promotions), typeof(CurrencyMismatchException), "EUR" },
        { "ledger return: one promotion twice", () => _ = new LedgerReturn("r", [new PromotionGiveBack(new PromotionId("p"), D(1m), false), new PromotionGiveBack(new PromotionId("p"), D(1m), false)]), typeof(ArgumentException), "twice" },
        { "ledger return: negative spend", () => _ = new PromotionGiveBack(new PromotionId("p"), D(-1m), false), typeof(ArgumentOutOfRangeException), "must not be negative" },
    };

    private static OrderRecord Placed() => ReturnTests.Order(Cart(Line("a", 10m, 2)), Promo("p", Discount.PercentOffItems(10)).Build());

    private static Redemption Redemption() =>
        Evaluate(Cart(Line("a", 10m)), Promo("p", Discount.PercentOffItems(10)).Build()).Redemptions.Single();

    private static RedemptionLimits Limits() => RedemptionLimits.For(Promo("p", Discount.PercentOffItems(10)).Build());

    [Theory]
    [MemberData(nameof(Corpus))]
    public void BadInput_GetsItsDocumentedException_WithAMessageThatSaysWhy(string name, Action call, Type expected, string fragment)
    {
        var e = Record.Exception(call);

        Assert.True(e is not null, $"{name}: no exception");
        Assert.True(expected.IsInstanceOfType(e) && e.GetType() == expected, $"{name}: {e.GetType().Name} instead of {expected.Name}: {e.Message}");
        Assert.Contains(fragment, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Corpus_HasNinetyCasesAtLeast()
    {
        Assert.True(Corpus().Count >= 90, $"{Corpus().Count} cases");
    }

    [Fact]
    public async System.Threading.Tasks.Task Ledger_BadRequests_ChangeNothing()
    {
        var ledger = new InMemoryRedemptionLedger(new FakeClock(Now), Duration.FromMinutes(15));
        var held = new ReservationRequest("o1", [(Redemption(), Limits())]);
        Assert.True((await ledger.ReserveAsync(held)).Succeeded);
        var request = new UsageRequest([new PromotionId("p")], [], null);
        var before = (await ledger.GetUsageAsync(request)).PromotionUses(new PromotionId("p"));

        await Assert.ThrowsAsync<InvalidOperationException>(async () =>
            await ledger.ReserveAsync(new ReservationRequest("o1", [(Evaluate(Cart(Line("a", 10m)), Promo("q", Discount.PercentOffItems(20)).Build()).Redemptions.Single(), Limits())])));
        await Assert.ThrowsAsync<ArgumentException>(async () => await ledger.CommitAsync(" "));
        await Assert.ThrowsAsync<ArgumentException>(async () => await ledger.ReleaseAsync("\u0000"));
        await Assert.ThrowsAsync<ArgumentNullException>(async () => await ledger.GetUsageAsync(null!));

        Assert.Equal(before, (await ledger.GetUsageAsync(request)).PromotionUses(new PromotionId("p")));
        Assert.Equal(ReservationState.Reserved, await ledger.GetStateAsync("o1"));
    }
}
