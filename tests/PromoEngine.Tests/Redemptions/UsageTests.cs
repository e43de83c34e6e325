using System.Linq;
using System.Threading.Tasks;
using NodaTime;
using NodaTime.Testing;
using Xunit;
using static PromoEngine.Tests.Shop;

namespace PromoEngine.Tests;

/// <summary>What the evaluator reads of usage, and how it agrees with the ledger: usage requests, partial and
/// unavailable snapshots, hard budgets, soft count limits, and clamps.</summary>
public sealed class UsageTests
{
    private static readonly PromotionId P = new("p");

    private static InMemoryRedemptionLedger Ledger() => new(new FakeClock(Now), Duration.FromMinutes(15));

    private static Promotion Budgeted(decimal budget, BudgetPolicy policy = BudgetPolicy.Hard) =>
        Promo("p", Discount.AmountOffOrder(D(30m))).WithLimits(new UsageLimits(budget: D(budget), budgetPolicy: policy)).Build();

    [Fact]
    public async Task Evaluate_HardBudgetWithLessLeftThanTheDiscount_OffersWhatIsLeftAndTheLedgerAcceptsIt()
    {
        var catalog = PromotionCatalog.Create([Budgeted(100m)]);
        var evaluator = new PromotionEvaluator(catalog);
        var ledger = Ledger();
        var cart = Cart(Line("a", 40m));
        for (var i = 0; i < 3; i++)
        {
            var spent = await ledger.ReserveAsync(ReservationRequest.For($"o{i}", evaluator.Evaluate(cart, [], Now), catalog));
            Assert.True(spent.Succeeded);
        }

        var usage = await ledger.GetUsageAsync(evaluator.UsageRequestFor(cart, [], Now));
        var result = evaluator.Evaluate(cart, [], Now, usage);

        var applied = Assert.Single(result.Applied);
        Assert.Equal(D(10m), applied.Amount);
        Assert.Equal(D(30m), applied.NominalAmount);
        Assert.Equal(ClampedBy.Budget, applied.ClampedBy);
        Assert.True((await ledger.ReserveAsync(ReservationRequest.For("o3", result, catalog))).Succeeded);

        var exhausted = evaluator.Evaluate(cart, [], Now, await ledger.GetUsageAsync(evaluator.UsageRequestFor(cart, [], Now)));
        Assert.Equal(RejectionReason.BudgetExhausted, exhausted.Rejection("p").Reason);
    }

    [Fact]
    public void Evaluate_HardBudgetLeftBelowTheOwnCap_ReportsTheBudget_AndTheCapOtherwise()
    {
        var promotion = Promo("p", Discount.PercentOffItems(50)).WithMaxDiscount(D(15m))
            .WithLimits(new UsageLimits(budget: D(100m))).Build();
        var evaluator = new PromotionEvaluator(PromotionCatalog.Create([promotion]));
        var cart = Cart(Line("a", 40m));

        var byBudget = evaluator.Evaluate(cart, [], Now, UsageSnapshot.Empty.WithPromotionSpent(P, D(92m))).Applied.Single();
        var byCap = evaluator.Evaluate(cart, [], Now, UsageSnapshot.Empty.WithPromotionSpent(P, D(50m))).Applied.Single();

        Assert.Equal((D(8m), ClampedBy.Budget), (byBudget.Amount, byBudget.ClampedBy));
        Assert.Equal((D(15m), ClampedBy.MaxDiscount), (byCap.Amount, byCap.ClampedBy));
        Assert.Equal(D(20m), byCap.NominalAmount);
        Assert.True(byCap.Capped && byBudget.Capped);
    }

    [Fact]
    public void Evaluate_SoftBudget_IsNotCapped()
    {
        var evaluator = new PromotionEvaluator(PromotionCatalog.Create([Budgeted(100m, BudgetPolicy.Soft)]));

        var result = evaluator.Evaluate(Cart(Line("a", 40m)), [], Now, UsageSnapshot.Empty.WithPromotionSpent(P, D(90m)));

        Assert.Equal((D(30m), ClampedBy.None), (result.Applied.Single().Amount, result.Applied.Single().ClampedBy));
    }

    [Fact]
    public void Evaluate_AmountOffMoreThanTheOrder_SaysThePriceCutIt()
    {
        var promotion = Promo("p", Discount.AmountOffOrder(D(50m))).Build();

        var applied = Evaluate(Cart(Line("a", 30m)), promotion).Applied.Single();

        Assert.Equal(D(30m), applied.Amount);
        Assert.Equal(D(50m), applied.NominalAmount);
        Assert.Equal(ClampedBy.Price, applied.ClampedBy);
        Assert.False(applied.Capped);
    }

    [Fact]
    public void Evaluate_AmountOffEachItemAndShippingOverThePrice_SayThePriceCutThem()
    {
        var items = Promo("items", Discount.AmountOffEachItem(D(10m))).Build();
        var shipping = Promo("ship", Discount.ShippingAmountOff(D(8m))).Build();
        var cart = Cart(CustomerProfile.Guest, 5m, Line("a", 4m, 2), Line("b", 20m));

        var result = Evaluate(cart, [items, shipping]);

        var onItems = result.Applied.Single(a => a.PromotionId.Value == "items");
        Assert.Equal((D(18m), D(30m), ClampedBy.Price), (onItems.Amount, onItems.NominalAmount, onItems.ClampedBy));
        var onShipping = result.Applied.Single(a => a.PromotionId.Value == "ship");
        Assert.Equal((D(5m), D(8m), ClampedBy.Price), (onShipping.Amount, onShipping.NominalAmount, onShipping.ClampedBy));
    }

    [Fact]
    public void Evaluate_PercentageThatNothingCuts_HasItsExactNominalAmount()
    {
        var applied = Evaluate(Cart(Line("a", 10.50m)), Promo("p", Discount.PercentOffItems(15)).Build()).Applied.Single();

        Assert.Equal((D(1.57m), D(1.575m), ClampedBy.None), (applied.Amount, applied.NominalAmount, applied.ClampedBy));
    }

    [Fact]
    public void Evaluate_BudgetInAnotherCurrency_IsCurrencyNotSupported()
    {
        var promotion = Promo("p", Discount.PercentOffItems(10)).WithLimits(new UsageLimits(budget: new Money(100m, Currency.Eur))).Build();

        Assert.Equal(RejectionReason.CurrencyNotSupported, Diagnose(Cart(Line("a", 40m)), promotion).Rejection("p").Reason);
    }

    [Fact]
    public void Evaluate_Unavailable_RejectsLimitedPromotionsAndAppliesTheOthers()
    {
        var limited = Promo("limited", Discount.PercentOffItems(10)).WithCode("SAVE").WithLimits(new UsageLimits(perCode: 50)).Build();
        var claim = Promo("claim", Discount.AmountOffOrder(D(5m))).WithClaimCodes(["GIFT1234"]).Build();
        var free = Promo("free", Discount.FreeShipping).Build();
        var evaluator = new PromotionEvaluator(PromotionCatalog.Create([limited, claim, free]), new EvaluationOptions { MaxCodesPerOrder = 2 });

        var result = evaluator.Evaluate(Cart(CustomerProfile.Guest, 5m, Line("a", 40m)), ["save", "gift-1234"], Now, UsageSnapshot.Unavailable);

        Assert.Equal(["free"], result.Applied.Select(a => a.PromotionId.Value));
        Assert.Equal(RejectionReason.UsageUnavailable, result.Rejection("limited").Reason);
        Assert.Equal(RejectionReason.UsageUnavailable, result.Rejection("claim").Reason);
        Assert.Contains("try again", result.Rejection("claim").Message);
        Assert.Empty(result.Redemptions.Where(r => r.PromotionId.Value != "free"));
    }

    [Fact]
    public void Evaluate_Unavailable_SaysTheSpecificReasonFirst()
    {
        var promotion = Promo("p", Discount.PercentOffItems(10)).Require(Restriction.MinimumSubtotal(D(50m)))
            .WithLimits(new UsageLimits(total: 5)).Build();
        var guestOnly = Promo("q", Discount.PercentOffItems(10)).WithLimits(new UsageLimits(perCustomer: 1)).Build();

        var result = new PromotionEvaluator(PromotionCatalog.Create([promotion, guestOnly])).Evaluate(Cart(Line("a", 40m)), [], Now, UsageSnapshot.Unavailable);

        Assert.Equal((RejectionReason.MinimumSubtotalNotMet, D(10m)), (result.Rejection("p").Reason, result.Rejection("p").Shortfall));
        Assert.Equal(RejectionReason.GuestNotAllowed, result.Rejection("q").Reason);
    }

    [Theory]
    [InlineData("total")]
    [InlineData("budget")]
    public void Evaluate_AnOrderWideLimitWhoseUsageIsUnknown_IsUnavailableNotUnused(string limit)
    {
        // Nothing more specific stops it (no minimum, any customer), so the unknown count of the whole promotion's uses
        // (or of its budget spent) is what is said; a count taken as zero would apply it past its limit.
        var limits = limit == "total" ? new UsageLimits(total: 5) : new UsageLimits(budget: D(100m));
        var promotion = Promo("p", Discount.PercentOffItems(10)).WithLimits(limits).Build();

        var result = new PromotionEvaluator(PromotionCatalog.Create([promotion])).Evaluate(Cart(Line("a", 40m)), [], Now, UsageSnapshot.Unavailable);

        Assert.Empty(result.Applied);
        Assert.Equal(RejectionReason.UsageUnavailable, result.Rejection("p").Reason);
    }

    [Fact]
    public void Evaluate_PartialSnapshotWithoutACounter_NeverTreatsItAsUnused()
    {
        var promotion = Promo("p", Discount.PercentOffItems(10)).WithLimits(new UsageLimits(total: 3, perCustomer: 1)).Build();
        var evaluator = new PromotionEvaluator(PromotionCatalog.Create([promotion]));
        var cart = Cart(CustomerProfile.Registered("c1"), null, Line("a", 40m));
        var onlyTotal = UsageSnapshot.Unavailable.WithPromotionUses(P, 0);

        Assert.Equal(RejectionReason.UsageUnavailable, evaluator.Evaluate(cart, [], Now, onlyTotal).Rejection("p").Reason);
        Assert.Equal(4m, evaluator.Evaluate(cart, [], Now, onlyTotal.WithCustomerUses(P, "c1", 0)).Applied("p"));
        Assert.Equal(RejectionReason.UsageLimitReached,
            evaluator.Evaluate(cart, [], Now, UsageSnapshot.Unavailable.WithPromotionUses(P, 3)).Rejection("p").Reason);
    }

    [Fact]
    public void UsageRequestFor_AsksOnlyForWhatTheCartCanUse()
    {
        var shoes = Promo("shoes", Discount.PercentOffItems(10)).ForItems(ItemFilter.Categories("shoes")).WithLimits(new UsageLimits(total: 5)).Build();
        var hats = Promo("hats", Discount.PercentOffItems(10)).ForItems(ItemFilter.Categories("hats")).WithLimits(new UsageLimits(total: 5)).Build();
        var unlimited = Promo("unlimited", Discount.PercentOffItems(5)).Build();
        var paused = Promo("paused", Discount.PercentOffItems(5)).WithLimits(new UsageLimits(total: 1)).WithStatus(PromotionStatus.Paused).Build();
        var group = Promo("group", Discount.PercentOffItems(5)).WithCode("FIRST50").WithLimits(new UsageLimits(perCode: 50)).Build();
        var perCustomer = Promo("once", Discount.PercentOffItems(5)).WithLimits(new UsageLimits(perCustomer: 1)).Build();
        var evaluator = new PromotionEvaluator(PromotionCatalog.Create([shoes, hats, unlimited, paused, group, perCustomer]));
        var cart = Cart(CustomerProfile.Registered("c1"), null, Line("a", 40m, 1, null, "shoes"));

        var request = evaluator.UsageRequestFor(cart, ["first-50", "", "nope", "\u200B", new string('x', 100_000)], Now);

        Assert.Equal(["once", "shoes"], request.Promotions.Select(p => p.Value));
        Assert.Equal(["FIRST50"], request.Codes.ToArray());
        Assert.Equal("c1", request.CustomerId);
        Assert.True(evaluator.UsageRequestFor(Cart(Line("a", 40m, 1, null, "socks")), [], Now).IsEmpty);
    }

    [Fact]
    public async Task UsageRequestFor_FoldedClaimCodeSpelling_ReadsTheRedeemedCode()
    {
        var format = new ClaimCodeFormat(length: 8, foldLookAlikes: true, alphabet: "0123456789ACDEFGHJKMNPRTUVWXY");
        var code = ClaimCodeGenerator.Generate(format, 1).Single();
        var catalog = PromotionCatalog.Create([Promo("p", Discount.AmountOffOrder(D(5m))).WithClaimCodes([code], format).Build()]);
        var evaluator = new PromotionEvaluator(catalog);
        var ledger = Ledger();
        var cart = Cart(Line("a", 40m));
        var first = evaluator.Evaluate(cart, [code], Now, await ledger.GetUsageAsync(evaluator.UsageRequestFor(cart, [code], Now)));
        Assert.True((await ledger.ReserveAsync(ReservationRequest.For("o1", first, catalog))).Succeeded);
        var lookAlike = code.Replace('0', 'O').Replace('1', 'I').ToLowerInvariant();

        var request = evaluator.UsageRequestFor(cart, [lookAlike], Now);
        var again = evaluator.Evaluate(cart, [lookAlike], Now, await ledger.GetUsageAsync(request));

        Assert.Equal([code], request.Codes.ToArray());
        Assert.Equal(RejectionReason.AlreadyRedeemed, again.Rejection("p").Reason);
    }

    [Fact]
    public async Task GetUsage_KnowsExactlyWhatWasAsked()
    {
        var ledger = Ledger();
        var limits = RedemptionLimits.For(Promo("p", Discount.PercentOffItems(5)).Build());
        var evaluation = Evaluate(Cart(CustomerProfile.Registered("c1"), null, Line("a", 40m)), Promo("p", Discount.PercentOffItems(5)).WithCode("CODE").Build(), "code");
        await ledger.ReserveAsync(new ReservationRequest("o1", [(evaluation.Redemptions.Single(), limits)]));

        var usage = await ledger.GetUsageAsync(new UsageRequest([P], ["code"], "c1"));

        Assert.False(usage.IsComplete);
        Assert.Equal((1, 1, 1), (usage.PromotionUses(P), usage.CodeUses("CODE"), usage.CustomerUses(P, "c1")));
        Assert.Null(usage.PromotionUses(new PromotionId("other")));
        Assert.Null(usage.CodeUses("OTHER"));
        Assert.Null(usage.CustomerUses(P, "c2"));
        Assert.Equal(0, usage.CodeUses("\u200B"));
    }

    [Fact]
    public async Task Reserve_SoftTotalLimit_IsCountedButNeverRefused_WhileTheEvaluatorStopsOffering()
    {
        var promotion = Promo("p", Discount.PercentOffItems(10)).WithLimits(new UsageLimits(total: 1, countPolicy: LimitPolicy.Soft)).Build();
        var catalog = PromotionCatalog.Create([promotion]);
        var evaluator = new PromotionEvaluator(catalog);
        var ledger = Ledger();
        var cart = Cart(Line("a", 40m));
        var stale = await ledger.GetUsageAsync(evaluator.UsageRequestFor(cart, [], Now));
        var first = evaluator.Evaluate(cart, [], Now, stale);
        var second = evaluator.Evaluate(cart, [], Now, stale); // evaluated before the first reserved

        Assert.True((await ledger.ReserveAsync(ReservationRequest.For("o1", first, catalog))).Succeeded);
        Assert.True((await ledger.ReserveAsync(ReservationRequest.For("o2", second, catalog))).Succeeded);
        var now = await ledger.GetUsageAsync(evaluator.UsageRequestFor(cart, [], Now));
        Assert.Equal(2, now.PromotionUses(P));
        Assert.Equal(RejectionReason.UsageLimitReached, evaluator.Evaluate(cart, [], Now, now).Rejection("p").Reason);
    }

    [Fact]
    public async Task Reserve_HardTotalLimit_RefusesTheStaleOffer()
    {
        var promotion = Promo("p", Discount.PercentOffItems(10)).WithLimits(new UsageLimits(total: 1)).Build();
        var catalog = PromotionCatalog.Create([promotion]);
        var evaluator = new PromotionEvaluator(catalog);
        var ledger = Ledger();
        var cart = Cart(Line("a", 40m));
        var stale = await ledger.GetUsageAsync(evaluator.UsageRequestFor(cart, [], Now));

        Assert.True((await ledger.ReserveAsync(ReservationRequest.For("o1", evaluator.Evaluate(cart, [], Now, stale), catalog))).Succeeded);
        var refused = await ledger.ReserveAsync(ReservationRequest.For("o2", evaluator.Evaluate(cart, [], Now, stale), catalog));

        Assert.Equal(RejectionReason.UsageLimitReached, Assert.Single(refused.Failures).Reason);
    }

    [Fact]
    public void RedemptionLimits_ClaimCodes_AreHardWhateverTheCountPolicy()
    {
        var promotion = Promo("p", Discount.PercentOffItems(10)).WithClaimCodes(["AAAA1111"])
            .WithLimits(new UsageLimits(total: 9, countPolicy: LimitPolicy.Soft)).Build();

        var limits = RedemptionLimits.For(promotion);

        Assert.Equal((1, LimitPolicy.Hard, LimitPolicy.Soft), (limits.PerCode, limits.PerCodePolicy, limits.TotalPolicy));
    }

    [Fact]
    public void UsageLimits_UndefinedCountPolicy_Throws()
    {
        var error = Assert.Throws<System.ArgumentOutOfRangeException>(() => new UsageLimits(countPolicy: (LimitPolicy)7));

        Assert.Equal("countPolicy", error.ParamName);
    }

    [Fact]
    public void UsageRequest_NormalizesAndDropsWhatCannotHaveUsage()
    {
        var request = new UsageRequest([P, P], ["save-20", "SAVE20", "", "\0", "ok"], " c1 ");

        Assert.Equal([P], request.Promotions.ToArray());
        Assert.Equal(["SAVE20", "OK"], request.Codes.ToArray());
        Assert.Equal("c1", request.CustomerId);
        Assert.Equal(request, new UsageRequest([P], ["SAVE20", "OK"], "c1"));
        Assert.Equal(request.GetHashCode(), new UsageRequest([P], ["SAVE20", "OK"], "c1").GetHashCode());
        Assert.NotEqual(request, new UsageRequest([P], ["SAVE20"], "c1"));
    }

    [Fact]
    public void Evaluate_UnavailableUnderHiddenCodeStatus_AsksToTryAgainWithoutNamingThePromotion()
    {
        var limited = Promo("limited", Discount.PercentOffItems(10)).WithCode("SAVE").WithLimits(new UsageLimits(perCode: 50)).Build();
        var evaluator = new PromotionEvaluator(PromotionCatalog.Create([limited]), new EvaluationOptions { HideCodeStatus = true });

        var result = evaluator.Evaluate(Cart(Line("a", 40m)), ["save", "nope"], Now, UsageSnapshot.Unavailable);

        Assert.Equal([(RejectionReason.UsageUnavailable, "SAVE"), (RejectionReason.UnknownCode, "NOPE")], result.Rejected.Select(r => (r.Reason, r.Code!)));
        Assert.Null(result.Rejected[0].PromotionId);
        Assert.Contains("try again", result.Rejected[0].Message);
    }

    [Fact]
    public void UsageRequestFor_ReadsCodesAsEvaluateDoes_ANullCodeThrows()
    {
        var evaluator = new PromotionEvaluator(PromotionCatalog.Create([Promo("p", Discount.PercentOffItems(5)).WithCode("SAVE").WithLimits(new UsageLimits(perCode: 5)).Build()]));
        var cart = Cart(Line("a", 40m));

        Assert.Throws<System.ArgumentNullException>(() => evaluator.Evaluate(cart, ["SAVE", null!], Now));
        Assert.Throws<System.ArgumentNullException>(() => evaluator.UsageRequestFor(cart, ["SAVE", null!], Now));
        Assert.Equal(["SAVE"], evaluator.UsageRequestFor(cart, ["save", "S-A-V-E", "\u200B"], Now).Codes.ToArray());
    }
}
