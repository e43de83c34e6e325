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
    public static TheoryData<string, Action<BadInputWorld>, Type, string> Corpus() => new()
    {
        { "money without a currency", w => _ = new Money(1m, default), typeof(ArgumentException), "A currency is required" },
        { "unknown currency code", w => Currency.FromCode("XYZ"), typeof(ArgumentException), "XYZ" },
        { "custom currency with too many minor units", w => Currency.Custom("ABC", 19), typeof(ArgumentOutOfRangeException), "minorUnits" },
        { "adding two currencies", w => _ = D(1m) + new Money(1m, Currency.Eur), typeof(CurrencyMismatchException), "EUR" },
        { "allocating by no weights", w => D(1m).Allocate([]), typeof(ArgumentException), "weight" },
        { "allocating by zero weights", w => D(1m).Allocate([0m, 0m]), typeof(ArgumentException), "all zero" },
        { "splitting into no parts", w => D(1m).Split(0), typeof(ArgumentOutOfRangeException), "" },
        { "negative unit price", w => _ = new CartLine("1", "A", D(-1m), 1), typeof(ArgumentOutOfRangeException), "must not be negative" },
        { "unrounded unit price", w => _ = new CartLine("1", "A", D(1.005m), 1), typeof(ArgumentException), "minor units" },
        { "zero quantity", w => _ = new CartLine("1", "A", D(1m), 0), typeof(ArgumentOutOfRangeException), "one or more" },
        { "quantity of int.MaxValue", w => _ = new CartLine("1", "A", D(1m), int.MaxValue), typeof(ArgumentOutOfRangeException), "CartLine.MaxQuantity" },
        { "unit price past the max amount", w => _ = new CartLine("1", "A", Big, 1), typeof(ArgumentOutOfRangeException), "Currency.MaxAmount" },
        { "line total past the max amount", w => _ = new CartLine("1", "A", D(Usd.MaxAmount), 2), typeof(ArgumentOutOfRangeException), "too large" },
        { "empty line id", w => _ = new CartLine(" ", "A", D(1m), 1), typeof(ArgumentException), "" },
        { "control character in a SKU", w => _ = new CartLine("1", "A\u0000B", D(1m), 1), typeof(ArgumentException), "" },
        { "identifier of 201 characters", w => _ = new CartLine(new string('x', 201), "A", D(1m), 1), typeof(ArgumentException), "200" },
        { "cart without a currency", w => _ = new Cart(default, []), typeof(ArgumentException), "currency" },
        { "cart line in another currency", w => _ = new Cart(Currency.Eur, [Line("a", 1m)]), typeof(CurrencyMismatchException), "EUR" },
        { "two lines with one id", w => _ = new Cart(Usd, [Line("a", 1m), Line("a", 2m)]), typeof(ArgumentException), "unique" },
        { "negative shipping", w => _ = new Cart(Usd, [], shipping: D(-1m)), typeof(ArgumentOutOfRangeException), "must not be negative" },
        { "unrounded shipping", w => _ = new Cart(Usd, [], shipping: D(1.001m)), typeof(ArgumentException), "minor units" },
        { "shipping in another currency", w => _ = new Cart(Usd, [], shipping: new Money(1m, Currency.Eur)), typeof(CurrencyMismatchException), "EUR" },
        { "Cart.MaxLines + 1 lines", w => _ = new Cart(Usd, Enumerable.Range(0, Cart.MaxLines + 1).Select(i => Line($"l{i}", 1m))), typeof(ArgumentException), "Cart.MaxLines" },
        { "Cart.MaxUnits + 1 units over lines of at most CartLine.MaxQuantity", w => _ = new Cart(Usd, LinesOf(Cart.MaxUnits + 1)), typeof(ArgumentException), "Cart.MaxUnits" },
        { "a null line", w => _ = new Cart(Usd, [null!]), typeof(ArgumentNullException), "" },
        { "country of three letters", w => _ = new Region("USA"), typeof(ArgumentException), "ISO 3166-1" },
        { "country with a digit", w => _ = new Region("U1"), typeof(ArgumentException), "ISO 3166-1" },
        { "percentage of zero", w => Discount.PercentOffItems(0m), typeof(ArgumentOutOfRangeException), "(0, 100]" },
        { "percentage over 100", w => Discount.PercentOffOrder(100.01m), typeof(ArgumentOutOfRangeException), "(0, 100]" },
        { "negative amount off", w => Discount.AmountOffOrder(D(-5m)), typeof(ArgumentOutOfRangeException), "more than zero" },
        { "unrounded amount off", w => Discount.AmountOffEachItem(D(0.001m)), typeof(ArgumentOutOfRangeException), "rounded" },
        { "amount off past the max amount", w => Discount.ShippingAmountOff(Big), typeof(ArgumentOutOfRangeException), "Currency.MaxAmount" },
        { "fixed price for no units", w => Discount.FixedPrice(0, D(5m)), typeof(ArgumentOutOfRangeException), "" },
        { "negative fixed price", w => Discount.FixedPrice(2, D(-5m)), typeof(ArgumentOutOfRangeException), "zero or more" },
        { "buy zero get one", w => Discount.BuyXGetY(0, 1), typeof(ArgumentOutOfRangeException), "" },
        { "undefined unit selection", w => Discount.BuyXGetY(1, 1, selection: (UnitSelection)9), typeof(ArgumentOutOfRangeException), "UnitSelection" },
        { "buy X get Y at most zero times", w => Discount.BuyXGetY(1, 1, maxApplications: 0), typeof(ArgumentOutOfRangeException), "one or more" },
        { "tiers: none", w => Discount.Tiered(TierBasis.Subtotal), typeof(ArgumentException), "at least one tier" },
        { "tiers: the same threshold twice", w => Discount.Tiered(TierBasis.Subtotal, Tier.PercentOffFrom(10, 5), Tier.PercentOffFrom(10, 10)), typeof(ArgumentException), "share the threshold" },
        { "tiers: two currencies", w => Discount.Tiered(TierBasis.Subtotal, Tier.AmountOffFrom(10, D(1m)), Tier.AmountOffFrom(20, new Money(2m, Currency.Eur))), typeof(CurrencyMismatchException), "EUR" },
        { "tier threshold of zero", w => Tier.PercentOffFrom(0m, 5m), typeof(ArgumentOutOfRangeException), "more than zero" },
        { "undefined tier basis", w => Discount.Tiered((TierBasis)7, Tier.PercentOffFrom(1, 5)), typeof(ArgumentOutOfRangeException), "TierBasis" },
        { "minimum subtotal of zero", w => Restriction.MinimumSubtotal(D(0m)), typeof(ArgumentOutOfRangeException), "more than zero" },
        { "minimum subtotal unrounded", w => Restriction.MinimumSubtotal(D(0.001m)), typeof(ArgumentException), "rounded" },
        { "minimum subtotal past the max amount", w => Restriction.MinimumSubtotal(Big), typeof(ArgumentOutOfRangeException), "Currency.MaxAmount" },
        { "minimum quantity of zero", w => Restriction.MinimumQuantity(0), typeof(ArgumentOutOfRangeException), "" },
        { "members of nothing", w => Restriction.MembersOnly(), typeof(ArgumentException), "" },
        { "regions: none", w => Restriction.Regions(), typeof(ArgumentException), "" },
        { "segments: an empty name", w => Restriction.Segments(" "), typeof(ArgumentException), "" },
        { "channels: none", w => Restriction.Channels(), typeof(ArgumentException), "" },
        { "SKU filter of nothing", w => ItemFilter.Skus(), typeof(ArgumentException), "" },
        { "any of no filter", w => ItemFilter.AnyOf(), typeof(ArgumentException), "At least one filter" },
        { "filters nested 17 deep", w => Enumerable.Range(0, 16).Aggregate(ItemFilter.All, (f, _) => ItemFilter.Not(f)), typeof(ArgumentException), "at most 16 deep" },
        { "usage limit of zero", w => _ = new UsageLimits(total: 0), typeof(ArgumentOutOfRangeException), "one or more" },
        { "negative per-customer limit", w => _ = new UsageLimits(perCustomer: -1), typeof(ArgumentOutOfRangeException), "one or more" },
        { "budget of zero", w => _ = new UsageLimits(budget: D(0m)), typeof(ArgumentOutOfRangeException), "more than zero" },
        { "budget past the max amount", w => _ = new UsageLimits(budget: Big), typeof(ArgumentOutOfRangeException), "Currency.MaxAmount" },
        { "undefined budget policy", w => _ = new UsageLimits(budgetPolicy: (BudgetPolicy)5), typeof(ArgumentOutOfRangeException), "BudgetPolicy" },
        { "undefined count policy", w => _ = new UsageLimits(countPolicy: (LimitPolicy)5), typeof(ArgumentOutOfRangeException), "LimitPolicy" },
        { "promotion without a discount", w => Promotion.Create("p", "P").Build(), typeof(PromotionDefinitionException), "discount" },
        { "promotion with an empty id", w => Promotion.Create(" ", "P").Giving(Discount.FreeShipping).Build(), typeof(PromotionDefinitionException), "id" },
        { "cap in another currency", w => Promo("p", Discount.AmountOffOrder(D(10m))).WithMaxDiscount(new Money(5m, Currency.Eur)).Build(), typeof(PromotionDefinitionException), "EUR" },
        { "budget in another currency", w => Promo("p", Discount.AmountOffOrder(D(10m))).WithLimits(new UsageLimits(budget: new Money(100m, Currency.Eur))).Build(), typeof(PromotionDefinitionException), "limits.budget" },
        { "cap past the max amount", w => Promo("p", Discount.PercentOffItems(10)).WithMaxDiscount(Big).Build(), typeof(PromotionDefinitionException), "Currency.MaxAmount" },
        { "shared code of separators only", w => Promo("p", Discount.FreeShipping).WithCode(" - _ ").Build(), typeof(ArgumentException), "at least one letter or digit" },
        { "shared code with an emoji", w => Promo("p", Discount.FreeShipping).WithCode("SAVE\U0001F600").Build(), typeof(ArgumentException), "U+1F600" },
        { "claim codes: none", w => Promo("p", Discount.FreeShipping).WithClaimCodes([]).Build(), typeof(ArgumentException), "at least one code" },
        { "claim codes: the same twice", w => Promo("p", Discount.FreeShipping).WithClaimCodes(["AB12", "ab-12"]).Build(), typeof(ArgumentException), "twice" },
        { "catalog: two promotions with one id", w => PromotionCatalog.Create([Promo("p", Discount.FreeShipping).Build(), Promo("p", Discount.FreeShipping).Build()]), typeof(PromotionDefinitionException), "also the id" },
        { "catalog: one code for two promotions", w => PromotionCatalog.Create([Promo("a", Discount.FreeShipping).WithCode("X").Build(), Promo("b", Discount.FreeShipping).WithCode("x").Build()]), typeof(PromotionDefinitionException), "also a code" },
        { "schedule ending before it starts", w => Schedule.Between(new LocalDateTime(2026, 2, 1, 0, 0), new LocalDateTime(2026, 1, 1, 0, 0), DateTimeZone.Utc), typeof(ArgumentException), "before it starts" },
        { "whole days, the last before the first", w => Schedule.Days(new LocalDate(2026, 2, 1), new LocalDate(2026, 1, 1), DateTimeZone.Utc), typeof(ArgumentException), "" },
        { "weekly window of no days", w => _ = new WeeklyWindow([], new LocalTime(9, 0), new LocalTime(10, 0)), typeof(ArgumentException), "" },
        { "weekly window ending as it starts", w => _ = new WeeklyWindow([IsoDayOfWeek.Friday], new LocalTime(9, 0), new LocalTime(9, 0)), typeof(ArgumentException), "" },
        { "claim-code format of 3 characters", w => _ = new ClaimCodeFormat(length: 3), typeof(ArgumentOutOfRangeException), "" },
        { "claim-code alphabet with a repeat", w => _ = new ClaimCodeFormat(alphabet: "ABCA"), typeof(ArgumentException), "twice" },
        { "claim-code alphabet in lower case", w => _ = new ClaimCodeFormat(alphabet: "abcd"), typeof(ArgumentException), "upper-case" },
        { "claim-code check over 6 characters", w => _ = new ClaimCodeFormat(alphabet: "ABCDEF"), typeof(ArgumentException), "prime" },
        { "folding with two look-alikes", w => _ = new ClaimCodeFormat(alphabet: "0OAB", checkCharacter: false, foldLookAlikes: true), typeof(ArgumentException), "at most one of" },
        { "a batch of no codes", w => ClaimCodeGenerator.Generate(ClaimCodeFormat.Default, 0), typeof(ArgumentOutOfRangeException), "" },
        { "a batch past the share", w => ClaimCodeGenerator.Generate(new ClaimCodeFormat(length: 4), 10), typeof(ArgumentOutOfRangeException), "" },
        { "evaluation options: negative codes per order", w => _ = new PromotionEvaluator(PromotionCatalog.Create([]), new EvaluationOptions { MaxCodesPerOrder = -1 }), typeof(ArgumentOutOfRangeException), "zero or more" },
        { "evaluation options: undefined selection", w => _ = new PromotionEvaluator(PromotionCatalog.Create([]), new EvaluationOptions { Selection = (SelectionPolicy)3 }), typeof(ArgumentOutOfRangeException), "SelectionPolicy" },
        { "evaluation options: undefined rounding", w => _ = new PromotionEvaluator(PromotionCatalog.Create([]), new EvaluationOptions { Rounding = (MidpointRounding)42 }), typeof(ArgumentOutOfRangeException), "" },
        { "evaluate a null cart", w => new PromotionEvaluator(PromotionCatalog.Create([])).Evaluate(null!, [], Now), typeof(ArgumentNullException), "cart" },
        { "evaluate a null code", w => new PromotionEvaluator(PromotionCatalog.Create([])).Evaluate(Cart(Line("a", 1m)), [null!], Now), typeof(ArgumentNullException), "null" },
        { "evaluate 33 codes", w => new PromotionEvaluator(PromotionCatalog.Create([])).Evaluate(Cart(Line("a", 1m)), Enumerable.Repeat("A", 33), Now), typeof(ArgumentOutOfRangeException), "MaxCodesPerRequest" },
        { "usage snapshot: negative uses", w => UsageSnapshot.Empty.WithPromotionUses(new PromotionId("p"), -1), typeof(ArgumentOutOfRangeException), "must not be negative" },
        { "usage snapshot: negative spend", w => UsageSnapshot.Empty.WithPromotionSpent(new PromotionId("p"), D(-1m)), typeof(ArgumentOutOfRangeException), "zero or more" },
        { "usage snapshot: a malformed code", w => UsageSnapshot.Empty.WithCodeUses("\u200B", 1), typeof(ArgumentException), "" },
        { "reservation: one promotion twice", w => _ = new ReservationRequest("o", [(Redemption(), Limits()), (Redemption(), Limits())]), typeof(ArgumentException), "appears twice" },
        { "reservation: another order's redemption", w => _ = new ReservationRequest("o", [(Redemption().ForOrder("other"), Limits())]), typeof(ArgumentException), "belongs to order other" },
        { "reservation: an empty order id", w => _ = new ReservationRequest(" ", []), typeof(ArgumentException), "" },
        { "ledger with no timeout", w => _ = new InMemoryRedemptionLedger(new FakeClock(Now), Duration.Zero), typeof(ArgumentOutOfRangeException), "more than zero" },

        // Quantities from an untrusted request, against the limits as they stand (they are raised without touching these rows).
        { "quantity CartLine.MaxQuantity + 1", w => _ = new CartLine("1", "A", D(1m), CartLine.MaxQuantity + 1), typeof(ArgumentOutOfRangeException), "CartLine.MaxQuantity" },
        { "quantity 10,000,000 (or CartLine.MaxQuantity + 1 once that is larger)", w => _ = new CartLine("1", "A", D(1m), Math.Max(10_000_000, CartLine.MaxQuantity + 1)), typeof(ArgumentOutOfRangeException), "CartLine.MaxQuantity" },
        { "two lines of 1.5e9 units", w => _ = new Cart(Usd, [new CartLine("a", "A", D(1m), 1_500_000_000), new CartLine("b", "B", D(1m), 1_500_000_000)]), TwoLinesOfBillions.Type, TwoLinesOfBillions.Fragment },
        { "negative quantity", w => _ = new CartLine("1", "A", D(1m), -1), typeof(ArgumentOutOfRangeException), "one or more" },
        { "quantity int.MinValue", w => _ = new CartLine("1", "A", D(1m), int.MinValue), typeof(ArgumentOutOfRangeException), "one or more" },
        { "Cart.MaxLines + 1 lines of one unit each, one over", w => _ = new Cart(Usd, Enumerable.Range(0, Cart.MaxLines + 1).Select(i => Line($"l{i}", 0m))), typeof(ArgumentException), "Cart.MaxLines" },
        { "minimum quantity past CartLine.MaxQuantity is allowed, but a zero one is not", w => Restriction.MinimumQuantity(-5), typeof(ArgumentOutOfRangeException), "" },

        // Amounts at the edges of a currency, and a currency of 18 minor units (its largest amount is 10^5).
        { "18 minor units: unit price past its max amount", w => _ = new CartLine("1", "A", new Money(Eighteen.MaxAmount + 1m, Eighteen), 1), typeof(ArgumentOutOfRangeException), "Currency.MaxAmount" },
        { "18 minor units: line total past its max amount", w => _ = new CartLine("1", "A", new Money(Eighteen.MaxAmount, Eighteen), 2), typeof(ArgumentOutOfRangeException), "too large" },
        { "18 minor units: a 19th decimal", w => _ = new CartLine("1", "A", new Money(0.0000000000000000001m, Eighteen), 1), typeof(ArgumentException), "minor units" },
        { "18 minor units: amount off past its max amount", w => Discount.AmountOffOrder(new Money(Eighteen.MaxAmount * 2m, Eighteen)), typeof(ArgumentOutOfRangeException), "Currency.MaxAmount" },
        { "18 minor units: minimum subtotal past its max amount", w => Restriction.MinimumSubtotal(new Money(Eighteen.MaxAmount + 1m, Eighteen)), typeof(ArgumentOutOfRangeException), "Currency.MaxAmount" },
        { "18 minor units: budget past its max amount", w => _ = new UsageLimits(budget: new Money(Eighteen.MaxAmount + 1m, Eighteen)), typeof(ArgumentOutOfRangeException), "Currency.MaxAmount" },
        { "18 minor units: shipping past its max amount", w => _ = new Cart(Eighteen, [], shipping: new Money(Eighteen.MaxAmount + 1m, Eighteen)), typeof(ArgumentOutOfRangeException), "Currency.MaxAmount" },
        { "decimal.MaxValue as a unit price", w => _ = new CartLine("1", "A", new Money(decimal.MaxValue, Usd), 1), typeof(ArgumentOutOfRangeException), "Currency.MaxAmount" },
        { "decimal.MaxValue as shipping", w => _ = new Cart(Usd, [], shipping: new Money(decimal.MaxValue, Usd)), typeof(ArgumentOutOfRangeException), "Currency.MaxAmount" },
        { "decimal.MaxValue as a cap", w => Promo("p", Discount.PercentOffItems(10)).WithMaxDiscount(new Money(decimal.MaxValue, Usd)).Build(), typeof(PromotionDefinitionException), "Currency.MaxAmount" },
        { "decimal.MinValue as a price", w => _ = new CartLine("1", "A", new Money(decimal.MinValue, Usd), 1), typeof(ArgumentOutOfRangeException), "must not be negative" },
        { "cart whose lines and shipping pass the max amount together", w => _ = new Cart(Usd, [new CartLine("a", "A", D(Usd.MaxAmount), 1)], shipping: D(1m)), typeof(ArgumentException), "Currency.MaxAmount" },
        { "fixed price past the max amount", w => Discount.FixedPrice(2, Big), typeof(ArgumentOutOfRangeException), "Currency.MaxAmount" },
        { "tier amount past the max amount", w => Tier.AmountOffFrom(10m, Big), typeof(ArgumentOutOfRangeException), "Currency.MaxAmount" },
        { "percentage of a hundred millionth over 100", w => Discount.ShippingPercentOff(100.00000001m), typeof(ArgumentOutOfRangeException), "(0, 100]" },
        { "negative percentage", w => Discount.PercentOffItems(-10m), typeof(ArgumentOutOfRangeException), "(0, 100]" },
        { "a custom currency of an empty code", w => Currency.Custom("", 2), typeof(ArgumentException), "" },
        { "a custom currency of negative minor units", w => Currency.Custom("ABC", -1), typeof(ArgumentOutOfRangeException), "minorUnits" },
        { "an empty currency code", w => Currency.FromCode(""), typeof(ArgumentException), "" },
        { "allocating an unrounded amount", w => D(1.005m).Allocate(w.Weights), typeof(InvalidOperationException), "" },
        { "allocating by all-zero weights (the weights are left as given)", w => D(1m).Allocate(w.ZeroWeights), typeof(ArgumentException), "all zero" },
        { "allocating by a negative weight", w => D(1m).Allocate(w.NegativeWeights), typeof(ArgumentOutOfRangeException), "" },
        { "allocating into a destination of another length (left untouched)", w => D(1m).Allocate(w.Weights, w.ShortDestination), typeof(ArgumentException), "" },
        { "splitting into a negative number of parts", w => D(1m).Split(-1), typeof(ArgumentOutOfRangeException), "" },

        // Filters built in code, as a host that maps an admin screen's rule tree would.
        { "a filter nested 100,000 deep (Not)", w => Enumerable.Range(0, 100_000).Aggregate(ItemFilter.All, (f, _) => ItemFilter.Not(f)), typeof(ArgumentException), "at most 16 deep" },
        { "a filter nested 100,000 deep (AnyOf)", w => Enumerable.Range(0, 100_000).Aggregate(ItemFilter.All, (f, _) => ItemFilter.AnyOf(f, ItemFilter.Skus("X"))), typeof(ArgumentException), "at most 16 deep" },
        { "a filter nested 100,000 deep (AllOf)", w => Enumerable.Range(0, 100_000).Aggregate(ItemFilter.Skus("X"), (f, _) => ItemFilter.AllOf(f)), typeof(ArgumentException), "at most 16 deep" },
        { "a filter nested 30 deep", w => Enumerable.Range(0, 29).Aggregate(ItemFilter.All, (f, _) => ItemFilter.Not(f)), typeof(ArgumentException), "would nest 17 deep" },
        { "two filters 16 deep joined", w => ItemFilter.AllOf(Deep(16), Deep(16)), typeof(ArgumentException), "would nest 17 deep" },
        { "a null filter among others", w => ItemFilter.AnyOf(ItemFilter.All, null!), typeof(ArgumentNullException), "" },
        { "all of no filter", w => ItemFilter.AllOf(), typeof(ArgumentException), "At least one filter" },
        { "categories: an empty name", w => ItemFilter.Categories(""), typeof(ArgumentException), "" },
        { "tags: a control character", w => ItemFilter.Tags("a\u0001"), typeof(ArgumentException), "" },
        { "brands: none", w => ItemFilter.Brands(), typeof(ArgumentException), "" },
        { "a null Not", w => ItemFilter.Not(null!), typeof(ArgumentNullException), "" },

        // Codes as an admin writes them: normalized before they are judged, so messages name the real character.
        { "shared code with a lone surrogate", w => Promo("p", Discount.FreeShipping).WithCode("SAVE\uD835").Build(), typeof(ArgumentException), "lone surrogate U+D835" },
        { "shared code with a zero-width space", w => Promo("p", Discount.FreeShipping).WithCode("SAVE\u200B20").Build(), typeof(ArgumentException), "U+200B" },
        { "shared code with a right-to-left override", w => Promo("p", Discount.FreeShipping).WithCode("SAVE\u202E02").Build(), typeof(ArgumentException), "U+202E" },
        { "shared code with an emoji flag", w => Promo("p", Discount.FreeShipping).WithCode("SAVE\U0001F1FA\U0001F1F8").Build(), typeof(ArgumentException), "U+1F1FA" },
        { "shared code of 65 characters", w => Promo("p", Discount.FreeShipping).WithCode(new string('A', PromotionCode.MaxLength + 1)).Build(), typeof(ArgumentException), "64" },
        { "shared code that is empty", w => Promo("p", Discount.FreeShipping).WithCode("").Build(), typeof(ArgumentException), "at least one letter or digit" },
        { "normalizing a code with a lone surrogate", w => PromotionCode.Normalize("\uDFFF"), typeof(ArgumentException), "lone surrogate U+DFFF" },
        { "normalizing a null code", w => PromotionCode.Normalize(null!), typeof(ArgumentNullException), "" },
        { "claim codes with a repeat once normalized (the list is left as given)", w => Promo("p", Discount.FreeShipping).WithClaimCodes(w.RepeatedClaimCodes).Build(), typeof(ArgumentException), "twice" },
        { "claim codes: a null code", w => PromotionActivation.ClaimCodes(["AB12", null!]), typeof(ArgumentNullException), "" },
        { "claim codes: not of their format", w => PromotionActivation.ClaimCodes(["AB12"], new ClaimCodeFormat(length: 6)), typeof(ArgumentException), "not a valid code of its format" },
        { "claim codes: more than PromotionActivation.MaxClaimCodes (not read past it)", w => PromotionActivation.ClaimCodes(Enumerable.Repeat("AB12", PromotionActivation.MaxClaimCodes + 1)), typeof(ArgumentOutOfRangeException), "PromotionActivation.MaxClaimCodes" },
        { "claim codes: an endless sequence", w => PromotionActivation.ClaimCodes(Endless(i => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"C{i}"))), typeof(ArgumentOutOfRangeException), "PromotionActivation.MaxClaimCodes" },
        { "a batch that would repeat the codes issued (the list is left as given)", w => ClaimCodeGenerator.Generate(new ClaimCodeFormat(length: 4, checkCharacter: false), 200_000, w.IssuedCodes), typeof(ArgumentOutOfRangeException), "" },
        { "a batch of 10,000,001 codes", w => ClaimCodeGenerator.Generate(ClaimCodeFormat.Default, 10_000_001), typeof(ArgumentOutOfRangeException), "" },
        { "a batch with a share of zero", w => ClaimCodeGenerator.Generate(ClaimCodeFormat.Default, 1, maxShare: 0), typeof(ArgumentOutOfRangeException), "" },
        { "a batch with a share past the limit", w => ClaimCodeGenerator.Generate(ClaimCodeFormat.Default, 1, maxShare: 0.5), typeof(ArgumentOutOfRangeException), "" },
        { "a batch with a malformed issued code", w => ClaimCodeGenerator.Generate(ClaimCodeFormat.Default, 1, ["\u200B"]), typeof(ArgumentException), "" },
        { "claim-code prefix with a control character", w => _ = new ClaimCodeFormat(prefix: "G\u0000"), typeof(ArgumentException), "" },
        { "claim-code group size below zero", w => _ = new ClaimCodeFormat(groupSize: -1), typeof(ArgumentOutOfRangeException), "" },

        // Catalogs.
        { "catalog: more than PromotionCatalog.MaxPromotions (counted before anything is read)", w => PromotionCatalog.Create(new Promotion[PromotionCatalog.MaxPromotions + 1]), typeof(ArgumentOutOfRangeException), "PromotionCatalog.MaxPromotions" },
        { "catalog: an endless sequence", w => PromotionCatalog.Create(Endless(_ => Promo("p", Discount.FreeShipping).Build())), typeof(ArgumentOutOfRangeException), "PromotionCatalog.MaxPromotions" },
        { "catalog: a null promotion", w => PromotionCatalog.Create([Promo("p", Discount.FreeShipping).Build(), null!]), typeof(ArgumentNullException), "" },
        { "catalog: codes that collide once normalized (the list is left as given)", w => PromotionCatalog.Create(w.CollidingPromotions), typeof(PromotionDefinitionException), "also a code" },
        { "catalog: a code that reads as a folding shared code", w => PromotionCatalog.Create([Promo("a", Discount.FreeShipping).WithCode("SAVE20", foldLookAlikes: true).Build(), Promo("b", Discount.FreeShipping).WithCode("5AVE2O").Build()]), typeof(PromotionDefinitionException), "reads as 'SAVE20'" },
        { "finding a null code", w => w.Catalog.FindByCode(null!), typeof(ArgumentNullException), "" },

        // Promotions, restrictions, schedules.
        { "promotion id of 201 characters", w => Promotion.Create(new string('p', 201), "P").Giving(Discount.FreeShipping).Build(), typeof(PromotionDefinitionException), "200" },
        { "promotion with an empty name", w => Promotion.Create("p", " ").Giving(Discount.FreeShipping).Build(), typeof(PromotionDefinitionException), "name" },
        { "group of white space", w => Promo("p", Discount.FreeShipping).InGroup(" ").Build(), typeof(ArgumentException), "" },
        { "undefined status", w => Promo("p", Discount.FreeShipping).WithStatus((PromotionStatus)9).Build(), typeof(PromotionDefinitionException), "9 is not a defined status" },
        { "undefined stop scope", w => Promo("p", Discount.PercentOffItems(10)).StopLowerLanes((StopScope)9).Build(), typeof(PromotionDefinitionException), "9 is not a defined stop scope" },
        { "compounding with a fixed price", w => Promo("p", Discount.FixedPrice(2, D(5m))).CompoundWithAll().Build(), typeof(PromotionDefinitionException), "compound" },
        { "minimum subtotal in another currency than the discount", w => Promo("p", Discount.AmountOffOrder(D(5m))).Require(Restriction.MinimumSubtotal(new Money(10m, Currency.Eur))).Build(), typeof(PromotionDefinitionException), "EUR" },
        { "regions: an allowed region excluded again", w => Restriction.Regions([new Region("US")], [new Region("US")]), typeof(ArgumentException), "" },
        { "regions: an undefined source", w => Restriction.Regions([new Region("US")], [], (RegionSource)7), typeof(ArgumentOutOfRangeException), "" },
        { "region of no country", w => _ = new Region(null!), typeof(ArgumentNullException), "" },
        { "schedule without a zone", w => Schedule.Between(null, null, null!), typeof(ArgumentNullException), "" },
        { "schedule of zero length", w => Schedule.Between(new LocalDateTime(2026, 1, 1, 0, 0), new LocalDateTime(2026, 1, 1, 0, 0), DateTimeZone.Utc), typeof(ArgumentException), "" },
        { "weekly window on an undefined day", w => _ = new WeeklyWindow([(IsoDayOfWeek)9], new LocalTime(9, 0), new LocalTime(10, 0)), typeof(ArgumentException), "9 is not a day of the week" },
        { "weekly windows: a null one", w => Schedule.Always.WithWeeklyWindows([null!]), typeof(ArgumentNullException), "" },

        // Evaluation, usage and the ledger: nothing may change in the catalog, the ledger or the inputs.
        { "evaluate more than MaxCodesPerRequest codes (the array is left as given)", w => w.Evaluator.Evaluate(w.Cart, w.TooManyCodes, Now), typeof(ArgumentOutOfRangeException), "MaxCodesPerRequest" },
        { "evaluate codes with a null (the array is left as given)", w => w.Evaluator.Evaluate(w.Cart, w.CodesWithNull, Now), typeof(ArgumentNullException), "Code 2 is null" },
        { "evaluate an endless sequence of codes", w => w.Evaluator.Evaluate(w.Cart, Endless(i => "CODE"), Now), typeof(ArgumentOutOfRangeException), "MaxCodesPerRequest" },
        { "evaluate null codes", w => w.Evaluator.Evaluate(w.Cart, null!, Now), typeof(ArgumentNullException), "codes" },
        { "usage request for more than MaxCodesPerRequest codes", w => w.Evaluator.UsageRequestFor(w.Cart, w.TooManyCodes, Now), typeof(ArgumentOutOfRangeException), "MaxCodesPerRequest" },
        { "usage request with a null code", w => w.Evaluator.UsageRequestFor(w.Cart, w.CodesWithNull, Now), typeof(ArgumentNullException), "" },
        { "usage request for a null cart", w => w.Evaluator.UsageRequestFor(null!, w.Codes, Now), typeof(ArgumentNullException), "cart" },
        { "usage snapshot: negative code uses", w => UsageSnapshot.Empty.WithCodeUses("SAVE10", -1), typeof(ArgumentOutOfRangeException), "" },
        { "usage snapshot: negative customer uses", w => UsageSnapshot.Empty.WithCustomerUses(new PromotionId("p"), "c1", -1), typeof(ArgumentOutOfRangeException), "" },
        { "usage snapshot: an empty customer id", w => UsageSnapshot.Empty.WithCustomerUses(new PromotionId("p"), " ", 1), typeof(ArgumentException), "" },
        { "usage request with an empty customer id", w => _ = new UsageRequest([], [], " "), typeof(ArgumentException), "" },
        { "promotion id of white space", w => _ = new PromotionId(" "), typeof(ArgumentException), "" },
        { "reservation: one redemption twice (the list is left as given)", w => _ = new ReservationRequest("o", w.RepeatedItems), typeof(ArgumentException), "appears twice" },
        { "reservation for a null result", w => ReservationRequest.For("o", null!, w.Catalog), typeof(ArgumentNullException), "" },
        { "ledger: reserving another request under a held order id", w => w.Ledger.ReserveAsync(w.RequestFor("held", [])).AsTask().GetAwaiter().GetResult(), typeof(InvalidOperationException), "" },
        { "ledger: reserving another request under a placed order id", w => w.Ledger.ReserveAsync(w.RequestFor("placed", ["SAVE10"])).AsTask().GetAwaiter().GetResult(), typeof(InvalidOperationException), "" },
        { "ledger: committing an empty order id", w => w.Ledger.CommitAsync(" ").AsTask().GetAwaiter().GetResult(), typeof(ArgumentException), "" },
        { "ledger: releasing an order id with a control character", w => w.Ledger.ReleaseAsync("held\u0000").AsTask().GetAwaiter().GetResult(), typeof(ArgumentException), "" },
        { "ledger: a null usage request", w => w.Ledger.GetUsageAsync(null!).AsTask().GetAwaiter().GetResult(), typeof(ArgumentNullException), "" },
        { "ledger: a null reservation", w => w.Ledger.ReserveAsync(null!).AsTask().GetAwaiter().GetResult(), typeof(ArgumentNullException), "" },
        { "ledger: the state of an order id of 201 characters", w => w.Ledger.GetStateAsync(new string('o', 201)).AsTask().GetAwaiter().GetResult(), typeof(ArgumentException), "200" },
        { "ledger: a negative timeout", w => _ = new InMemoryRedemptionLedger(new FakeClock(Now), Duration.FromMinutes(-1)), typeof(ArgumentOutOfRangeException), "more than zero" },
        { "ledger: no clock", w => _ = new InMemoryRedemptionLedger(null!, Duration.FromMinutes(1)), typeof(ArgumentNullException), "" },
        { "evaluator without a catalog", w => _ = new PromotionEvaluator(null!), typeof(ArgumentNullException), "" },
        { "evaluation options: undefined compounding", w => _ = new PromotionEvaluator(w.Catalog, new EvaluationOptions { Compounding = (CompoundingMode)4 }), typeof(ArgumentOutOfRangeException), "CompoundingMode" },
        { "cart of lines with one id twice (the list is left as given)", w => _ = new Cart(Usd, w.DuplicateLines), typeof(ArgumentException), "unique" },
        { "cart of lines in two currencies (the list is left as given)", w => _ = new Cart(Usd, w.LinesInEuros), typeof(CurrencyMismatchException), "EUR" },
        { "a cart with the world's lines and another currency", w => _ = new Cart(Currency.Eur, w.Cart.Lines), typeof(CurrencyMismatchException), "USD" },
        { "customer with an empty id", w => CustomerProfile.Registered(""), typeof(ArgumentException), "" },
        { "customer segments: a null one", w => CustomerProfile.Registered("c").WithSegments([null!]), typeof(ArgumentNullException), "" },
        { "customer memberships: a control character", w => CustomerProfile.Registered("c").WithMemberships(["a\u0007"]), typeof(ArgumentException), "" },
        { "channel of 201 characters", w => _ = new Cart(Usd, [], channel: new string('c', 201)), typeof(ArgumentException), "200" },
        { "a wallet of 5,000 entries (the list is left as given)", w => CustomerProfile.Registered("c").WithWallet(w.HugeWallet), typeof(ArgumentException), "CustomerWallet.MaxEntries" },
        { "a wallet of an endless sequence", w => CustomerWallet.Of(Endless(i => WalletEntry.Clipped(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"W{i}")))), typeof(ArgumentException), "CustomerWallet.MaxEntries" },
        { "a wallet holding one code twice (the list is left as given)", w => CustomerWallet.Of(w.RepeatedWallet), typeof(ArgumentException), "twice" },
        { "a wallet holding a null entry", w => CustomerWallet.Of([null!]), typeof(ArgumentNullException), "" },
        { "a wallet entry of a megabyte", w => WalletEntry.Clipped(new string('A', 1 << 20)), typeof(ArgumentException), "1048576" },
        { "a wallet entry with a zero-width space", w => WalletEntry.Issued("SAVE\u200B10"), typeof(ArgumentException), "U+200B" },
        { "a wallet entry that ends before it starts", w => WalletEntry.Clipped("SAVE10", Now, Now - Duration.FromDays(1)), typeof(ArgumentException), "must end after it starts" },
        { "a wallet entry of an undefined kind", w => _ = new WalletEntry("SAVE10", (WalletEntryKind)9), typeof(ArgumentOutOfRangeException), "wallet entry kind" },
        { "a code issued to an id of 201 characters", w => Promo("p", Discount.FreeShipping).WithCode("X").IssuedTo(new string('c', 201)), typeof(ArgumentException), "200" },
        { "a code issued on an automatic promotion", w => Promo("p", Discount.FreeShipping).IssuedTo("c1"), typeof(InvalidOperationException), "no code to issue" },
        { "claim-code owners: a code not in the pool", w => PromotionActivation.ClaimCodes(["AB12"]).WithCodeOwners([new("CD34", "c1")]), typeof(ArgumentException), "not one of the pool's" },
        { "claim-code owners: an endless sequence", w => PromotionActivation.ClaimCodes(["AB12"]).WithCodeOwners(Endless(i => new System.Collections.Generic.KeyValuePair<string, string>("AB12", "c1"))), typeof(ArgumentException), "More owners" },
        { "claim-code owners of a shared code", w => PromotionActivation.SharedCode("X").WithCodeOwners([new("X", "c1")]), typeof(InvalidOperationException), "claim codes" },
        { "line attribute key with a control character", w => _ = new CartLine("1", "A", D(1m), 1, attributes: new System.Collections.Generic.Dictionary<string, string> { ["k\u0000"] = "v" }), typeof(ArgumentException), "" },
        { "linting a null catalog", w => CatalogLinter.Lint(null!, Now), typeof(ArgumentNullException), "" },
        { "writing null promotions", w => PromotionJson.Write(null!), typeof(ArgumentNullException), "" },
        { "reading a null document", w => PromotionJson.Read(null!), typeof(ArgumentNullException), "" },
        { "return: unknown line", w => Placed().Return([new ReturnedUnits("zz", 1)]), typeof(ArgumentException), "no line zz" },
        { "return: more than bought", w => Placed().Return([new ReturnedUnits("a", 3)]), typeof(ArgumentException), "holds 2 units" },
        { "return: beyond earlier returns", w => Placed().Return([new ReturnedUnits("a", 1)], returnedBefore: [new ReturnedUnits("a", 2)]), typeof(ArgumentException), "2 returned before" },
        { "return: no units", w => Placed().Return([]), typeof(ArgumentException), "at least one unit" },
        { "return: zero units", w => _ = new ReturnedUnits("a", 0), typeof(ArgumentOutOfRangeException), "" },
        { "order record: result without units", w => _ = new OrderRecord(Cart(Line("a", 10m, 2)), new PromotionEvaluator(PromotionCatalog.Create([])).Evaluate(Cart(Line("a", 10m, 2)), [], Now), []), typeof(ArgumentException), "IncludeUnits" },
        { "order record: other currency", w => _ = new OrderRecord(new Cart(Currency.Eur, [new CartLine("a", "a", new Money(10m, Currency.Eur), 2)]), Placed().Result, Placed().Promotions), typeof(CurrencyMismatchException), "EUR" },
        { "ledger return: one promotion twice", w => _ = new LedgerReturn("r", [new PromotionGiveBack(new PromotionId("p"), D(1m), false), new PromotionGiveBack(new PromotionId("p"), D(1m), false)]), typeof(ArgumentException), "twice" },
        { "ledger return: negative spend", w => _ = new PromotionGiveBack(new PromotionId("p"), D(-1m), false), typeof(ArgumentOutOfRangeException), "must not be negative" },
    };

    private static OrderRecord Placed() => ReturnTests.Order(Cart(Line("a", 10m, 2)), Promo("p", Discount.PercentOffItems(10)).Build());

    /// <summary>Shopper text: never an exception, always a rejection with its reason and a message that names what is
    /// wrong.</summary>
    public static TheoryData<string, Func<BadInputWorld, EvaluationResult>, RejectionReason, string> ShopperText() => new()
    {
        { "an empty code", w => Typed(w, ""), RejectionReason.MalformedCode, "at least one letter or digit" },
        { "white space only", w => Typed(w, "   "), RejectionReason.MalformedCode, "" },
        { "separators only", w => Typed(w, "-_-"), RejectionReason.MalformedCode, "letter or digit" },
        { "𝐒𝐀𝐕𝐄𝟐𝟎 (mathematical bold, NFKC gives SAVE20)", w => Typed(w, "𝐒𝐀𝐕𝐄𝟐𝟎"), RejectionReason.UnknownCode, "The code SAVE20 does not exist" },
        { "𝐒𝐀𝐕𝐄𝟏𝟎 finds SAVE10 (no rejection of it), and an emoji beside it is malformed", w => Typed(w, "𝐒𝐀𝐕𝐄𝟏𝟎", "😀"), RejectionReason.MalformedCode, "U+1F600" },
        { "an emoji", w => Typed(w, "SAVE😀"), RejectionReason.MalformedCode, "U+1F600" },
        { "an emoji with a skin tone", w => Typed(w, "👍🏽"), RejectionReason.MalformedCode, "U+1F44D" },
        { "a lone high surrogate", w => Typed(w, "SAVE\uD835"), RejectionReason.MalformedCode, "lone surrogate U+D835" },
        { "a lone low surrogate", w => Typed(w, "\uDC00SAVE"), RejectionReason.MalformedCode, "lone surrogate U+DC00" },
        { "a zero-width space", w => Typed(w, "SAVE\u200B10"), RejectionReason.MalformedCode, "U+200B" },
        { "a byte-order mark", w => Typed(w, "\uFEFFSAVE10"), RejectionReason.MalformedCode, "U+FEFF" },
        { "a right-to-left override", w => Typed(w, "SAVE\u202E01"), RejectionReason.MalformedCode, "U+202E" },
        { "a NUL", w => Typed(w, "SAVE10\u0000"), RejectionReason.MalformedCode, "U+0000" },
        { "a bell", w => Typed(w, "\u0007SAVE10"), RejectionReason.MalformedCode, "U+0007" },
        { "a symbol: a code that does not exist", w => Typed(w, "SAVE$10"), RejectionReason.UnknownCode, "The code SAVE$10 does not exist" },
        { "markup: only a code that does not exist", w => Typed(w, "<script>"), RejectionReason.UnknownCode, "The code <SCRIPT> does not exist" },
        { "a SQL fragment: only a code that does not exist", w => Typed(w, "'; DROP TABLE codes;--"), RejectionReason.UnknownCode, "DROPTABLECODES" },
        { "65 letters", w => Typed(w, new string('A', PromotionCode.MaxLength + 1)), RejectionReason.MalformedCode, "64" },
        { "a megabyte of text", w => Typed(w, new string('A', 1 << 20)), RejectionReason.MalformedCode, "this one has 1048576" },
        { "a Cyrillic look-alike of SAVE10", w => Typed(w, "S\u0410VE10"), RejectionReason.UnknownCode, "does not exist" },
        { "a Greek look-alike of BIG", w => Typed(w, "\u0392IG"), RejectionReason.UnknownCode, "does not exist" },
        { "full-width letters of a code that does not exist", w => Typed(w, "ＮＯＰＥ"), RejectionReason.UnknownCode, "The code NOPE does not exist" },
        { "a claim code with one character mistyped", w => Typed(w, Mistyped(w)), RejectionReason.LikelyTypo, "looks mistyped" },
        { "a claim code already redeemed", w => w.Evaluator.Evaluate(w.Cart, [w.IssuedCodes[0]], Now, UsageSnapshot.Empty.WithCodeUses(w.IssuedCodes[0], 1)), RejectionReason.AlreadyRedeemed, "already been redeemed" },
        { "a code below its minimum", w => Typed(w, "big"), RejectionReason.MinimumSubtotalNotMet, "Spend" },
        { "two codes, one slot", w => Typed(w, "SAVE10", w.IssuedCodes[1]), RejectionReason.TooManyCodes, "took the slot" },
        { "the same promotion's code twice in other spellings", w => Typed(w, w.IssuedCodes[1], w.IssuedCodes[2]), RejectionReason.SamePromotionCodeEntered, "same promotion" },
        { "usage that cannot be read", w => w.Evaluator.Evaluate(w.Cart, w.Codes, Now, UsageSnapshot.Unavailable), RejectionReason.UsageUnavailable, "try again" },
        { "an unknown code under HideCodeStatus", w => Hidden(w, "NOPE"), RejectionReason.UnknownCode, "The code NOPE does not exist" },
        { "a code below its minimum under HideCodeStatus", w => Hidden(w, "BIG"), RejectionReason.UnknownCode, "The code BIG does not exist" },
        { "an emoji under HideCodeStatus", w => Hidden(w, "😀"), RejectionReason.MalformedCode, "U+1F600" },
        { "a personal code typed by another customer", w => Typed(w, "SORRY-C9"), RejectionReason.IssuedToAnotherCustomer, "issued to another customer" },
        { "a personal code typed by a guest", w => new PromotionEvaluator(w.Catalog).Evaluate(new Cart(Usd, w.Cart.Lines), ["sorry c9"], Now), RejectionReason.IssuedToAnotherCustomer, "sign in" },
        { "a personal code of another under HideCodeStatus", w => Hidden(w, "SORRY-C9"), RejectionReason.UnknownCode, "The code SORRYC9 does not exist" },
        { "a wallet of a code that does not exist", w => Held(w, WalletEntry.Clipped("NOPE")), RejectionReason.UnknownCode, "The code NOPE does not exist" },
        { "a wallet holding another customer's code", w => Held(w, WalletEntry.Issued("SORRY-C9")), RejectionReason.IssuedToAnotherCustomer, "issued to another customer" },
        { "a wallet entry that expired", w => Held(w, WalletEntry.Clipped("SAVE10", validUntil: Now)), RejectionReason.Expired, "in your wallet expired" },
    };

    /// <summary>What a careless admin writes and the linter is there to catch: findings, not exceptions.</summary>
    public static TheoryData<string, Func<BadInputWorld, System.Collections.Immutable.ImmutableArray<LintFinding>>, LintRule, string> CarelessAdmin() => new()
    {
        { "SАVE10 with a Cyrillic А beside the Latin SAVE10", w => Lint(w, Promo("cyrillic", Discount.PercentOffItems(50)).WithCode("S\u0410VE10").Build()), LintRule.CodeCollision, "Cyrillic or Greek" },
        { "the Cyrillic code's characters themselves", w => Lint(w, Promo("cyrillic", Discount.PercentOffItems(50)).WithCode("S\u0410VE10").Build()), LintRule.ConfusableCharacters, "" },
        { "ΒIG with a Greek Beta beside BIG", w => Lint(w, Promo("greek", Discount.PercentOffItems(50)).WithCode("\u0392IG").Build()), LintRule.CodeCollision, "" },
        { "a promotion whose schedule has ended", w => Lint(w, Promo("old", Discount.PercentOffItems(5)).WithSchedule(Schedule.Days(new LocalDate(2020, 1, 1), new LocalDate(2020, 1, 2), DateTimeZone.Utc)).Build()), LintRule.NeverActive, "" },
        { "two half-off codes that stack to the full price", w => CatalogLinter.Lint([.. w.Catalog.Promotions, Half("h1"), Half("h2")], Now, new EvaluationOptions { MaxCodesPerOrder = 2, Compounding = CompoundingMode.OnOriginalPrice }), LintRule.StackingReachesFullPrice, "" },
    };

    private static Promotion Half(string code) => Promo(code, Discount.PercentOffItems(50)).WithCode(code).CompoundWithAll().Build();

    private static EvaluationResult Typed(BadInputWorld w, params string[] codes) =>
        new PromotionEvaluator(w.Catalog, new EvaluationOptions { MaxCodesPerOrder = 1 }).Evaluate(w.Cart, codes, Now);

    private static EvaluationResult Held(BadInputWorld w, params WalletEntry[] wallet) =>
        w.Evaluator.Evaluate(new Cart(Usd, w.Cart.Lines, w.Cart.Customer.WithWallet(wallet), w.Cart.Shipping), [], Now);

    private static EvaluationResult Hidden(BadInputWorld w, string code) =>
        new PromotionEvaluator(w.Catalog, new EvaluationOptions { HideCodeStatus = true }).Evaluate(w.Cart, [code], Now);

    private static System.Collections.Immutable.ImmutableArray<LintFinding> Lint(BadInputWorld w, params Promotion[] more) =>
        CatalogLinter.Lint([.. w.Catalog.Promotions, .. more], Now);

    /// <summary>The world's second claim code with its first character changed: the check character catches it.</summary>
    private static string Mistyped(BadInputWorld w)
    {
        var code = w.IssuedCodes[1];
        return (code[0] == '2' ? '3' : '2') + code[1..];
    }

    private static readonly Currency Eighteen = Currency.Custom("XEI", Currency.MaxMinorUnits);

    /// <summary>Two lines of 1.5e9 units fail at the line while that is past <see cref="CartLine.MaxQuantity"/>, and at
    /// the cart's unit limit once it is not.</summary>
    private static readonly (Type Type, string Fragment) TwoLinesOfBillions = 1_500_000_000 > CartLine.MaxQuantity
        ? (typeof(ArgumentOutOfRangeException), "CartLine.MaxQuantity")
        : (typeof(ArgumentException), "Cart.MaxUnits");

    /// <summary>Lines of at most <see cref="CartLine.MaxQuantity"/> units that hold this many units together.</summary>
    private static CartLine[] LinesOf(int units) =>
        [.. Enumerable.Range(0, (int)Math.Ceiling(units / (double)CartLine.MaxQuantity))
            .Select(i => Line($"l{i}", 0m, Math.Min(CartLine.MaxQuantity, units - (i * CartLine.MaxQuantity))))];

    private static ItemFilter Deep(int depth) => Enumerable.Range(0, depth - 1).Aggregate(ItemFilter.All, (f, _) => ItemFilter.Not(f));

    /// <summary>A sequence that never ends: a limit must stop reading it.</summary>
    private static System.Collections.Generic.IEnumerable<T> Endless<T>(Func<int, T> item)
    {
        for (var i = 0; ; i++)
        {
            yield return item(i);
        }
    }

    private static Redemption Redemption() =>
        Evaluate(Cart(Line("a", 10m)), Promo("p", Discount.PercentOffItems(10)).Build()).Redemptions.Single();

    private static RedemptionLimits Limits() => RedemptionLimits.For(Promo("p", Discount.PercentOffItems(10)).Build());

    [Theory]
    [MemberData(nameof(Corpus))]
    public void BadInput_GetsItsDocumentedException_WithAMessageThatSaysWhy_AndChangesNothing(string name, Action<BadInputWorld> call, Type expected, string fragment)
    {
        var world = new BadInputWorld();
        var before = world.Fingerprint();

        var e = Record.Exception(() => call(world));

        Assert.True(e is not null, $"{name}: no exception");
        Assert.True(e.GetType() == expected, $"{name}: {e.GetType().Name} instead of {expected.Name}: {e.Message}");
        Assert.Contains(fragment, e.Message, StringComparison.Ordinal);
        Assert.Equal(before, world.Fingerprint());
    }

    [Theory]
    [MemberData(nameof(ShopperText))]
    public void ShopperText_IsARejection_WithAMessageThatSaysWhy_AndChangesNothing(string name, Func<BadInputWorld, EvaluationResult> evaluate, RejectionReason expected, string fragment)
    {
        var world = new BadInputWorld();
        var before = world.Fingerprint();

        var result = evaluate(world);

        Assert.True(result.Rejected.Any(r => r.Reason == expected && r.Message.Contains(fragment, StringComparison.Ordinal)),
            $"{name}: {string.Join("; ", result.Rejected.Select(r => $"{r.Reason}: {r.Message}"))}");
        Assert.Equal(before, world.Fingerprint());
    }

    [Theory]
    [MemberData(nameof(CarelessAdmin))]
    public void CarelessAdmin_IsALintFinding_AndChangesNothing(string name, Func<BadInputWorld, System.Collections.Immutable.ImmutableArray<LintFinding>> lint, LintRule expected, string fragment)
    {
        var world = new BadInputWorld();
        var before = world.Fingerprint();

        var findings = lint(world);

        Assert.True(findings.Any(f => f.Rule == expected && f.Message.Contains(fragment, StringComparison.Ordinal)),
            $"{name}: {string.Join("; ", findings.Select(f => $"{f.Rule}: {f.Message}"))}");
        Assert.Equal(before, world.Fingerprint());
    }

    [Fact]
    public void Corpus_OverTheApiAndTheLoader_HasTwoHundredCasesAtLeast()
    {
        var count = Corpus().Count + ShopperText().Count + CarelessAdmin().Count + PromotionJsonTests.Malformed().Count;

        Assert.True(count >= 200, $"{count} cases");
    }

    [Fact]
    public void World_Fingerprint_SeesAChangeToAnyPart()
    {
        // The check every case makes can fail: each kind of change shows in the fingerprint.
        Action<BadInputWorld>[] changes =
        [
            w => w.Codes[0] = "BIG",
            w => w.Weights[1] = 5m,
            w => w.ShortDestination[0] = D(0m),
            w => w.DuplicateLines.RemoveAt(0),
            w => w.RepeatedClaimCodes.Add("EF56"),
            w => w.IssuedCodes.Clear(),
            w => w.HugeWallet.RemoveAt(0),
            w => w.Ledger.ReleaseAsync("held").AsTask().GetAwaiter().GetResult(),
            w => w.Ledger.ReserveAsync(w.RequestFor("other", [w.IssuedCodes[1]])).AsTask().GetAwaiter().GetResult(),
        ];
        foreach (var change in changes)
        {
            var world = new BadInputWorld();
            var before = world.Fingerprint();

            change(world);

            Assert.NotEqual(before, world.Fingerprint());
        }
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
