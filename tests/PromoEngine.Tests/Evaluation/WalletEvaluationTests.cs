using System.Globalization;
using System.Linq;
using NodaTime;
using PromoEngine.Messages.German;
using Xunit;
using static PromoEngine.Tests.Shop;

namespace PromoEngine.Tests;

/// <summary>The customer's wallet in evaluation: clipped coupons and personal codes apply as if typed, with the same
/// reasons when they do not, and the result says which came from the wallet.</summary>
public sealed class WalletEvaluationTests
{
    private static readonly Instant Until = Now.Plus(Duration.FromDays(14));
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-US");
    private static readonly CultureInfo German = CultureInfo.GetCultureInfo("de-DE");

    private static readonly Promotion Clip10 = Promotion.Create("clip10", "Clipped 10% off").WithCode("CLIP10").Giving(Discount.PercentOffItems(10)).Build();
    private static readonly Promotion Over50 = Promotion.Create("over50", "$10 off $50").WithCode("TEN")
        .Require(Restriction.MinimumSubtotal(D(50m))).Giving(Discount.AmountOffOrder(D(10m))).Build();
    private static readonly Promotion Sorry = Promotion.Create("sorry", "Our apologies").WithCode("SORRY-JANE").IssuedTo("jane")
        .Giving(Discount.AmountOffOrder(D(15m))).Build();
    private static readonly Promotion Birthday = Promotion.Create("bday", "Birthday voucher").WithClaimCodes(["BDAY-JANE", "BDAY-JOHN", "BDAY-OPEN"])
        .IssuingCodes([new("BDAY-JANE", "jane"), new("bday-john", "john")]).Giving(Discount.PercentOffItems(20)).Build();

    private static readonly PromotionCatalog Catalog = PromotionCatalog.Create([Clip10, Over50, Sorry, Birthday]);

    private static CustomerProfile Jane(params WalletEntry[] wallet) => CustomerProfile.Registered("jane").WithWallet(wallet);

    private static EvaluationResult Run(CustomerProfile customer, decimal price, string[]? typed = null, EvaluationOptions? options = null, UsageSnapshot? usage = null, PromotionCatalog? catalog = null) =>
        new PromotionEvaluator(catalog ?? Catalog, options).Evaluate(new Cart(Usd, [Line("a", price)], customer), typed ?? [], Now, usage);

    [Fact]
    public void Evaluate_ClippedCoupon_AppliesWithoutTyping_AndSaysSo()
    {
        var result = Run(Jane(WalletEntry.Clipped("clip10", Now, Until)), 40m);

        var applied = Assert.Single(result.Applied);
        Assert.Equal(("clip10", "CLIP10", true, 4m), (applied.PromotionId.Value, applied.Code, applied.FromWallet, applied.Amount.Amount));
        var redemption = Assert.Single(result.Redemptions);
        Assert.Equal(("CLIP10", "jane"), (redemption.Code, redemption.CustomerId));
        Assert.Equal(CodeAttempts.None, result.CodeAttempts);
        Assert.Empty(result.Rejected);
    }

    [Fact]
    public void Evaluate_ClippedCouponShortOfItsMinimum_IsRejectedWithTheShortfallAndAHint()
    {
        var result = Run(Jane(WalletEntry.Clipped("TEN")), 45m);

        var rejection = Assert.Single(result.Rejected);
        Assert.Equal((RejectionReason.MinimumSubtotalNotMet, "TEN", true, 5m), (rejection.Reason, rejection.Code, rejection.FromWallet, rejection.Shortfall!.Value.Amount));
        var hint = Assert.Single(result.Hints);
        Assert.Equal(5m, hint.Shortfall!.Value.Amount);
        Assert.True(hint.FromWallet);
        Assert.Equal("Spend $5.00 more to use your coupon $10 off $50.", new ShopperText().Describe(hint, Catalog, English));
        Assert.Equal("Noch 5,00 $ bis zur Einlösung Ihres Coupons $10 off $50.", new ShopperText(new GermanMessages()).Describe(hint, Catalog, German));
        Assert.False(Assert.Single(Run(Jane(), 45m, ["TEN"]).Hints).FromWallet);
        Assert.Equal("Spend $5.00 more on qualifying items to get $10 off $50.", new ShopperText().Describe(rejection, Catalog, English));
    }

    [Fact]
    public void Evaluate_HiddenCodeStatus_StillSaysWhatAWalletCodeLacks_ButHidesATypedOne()
    {
        var options = new EvaluationOptions { HideCodeStatus = true };

        var fromWallet = Assert.Single(Run(Jane(WalletEntry.Clipped("TEN")), 45m, options: options).Rejected);
        var typed = Assert.Single(Run(Jane(), 45m, ["TEN"], options).Rejected);

        Assert.Equal((RejectionReason.MinimumSubtotalNotMet, true), (fromWallet.Reason, fromWallet.FromWallet));
        Assert.Equal((RejectionReason.UnknownCode, false), (typed.Reason, typed.FromWallet));
    }

    [Fact]
    public void Evaluate_ExpiredWalletEntry_IsRejectedAsExpiredAtTheEntrysEnd()
    {
        var ended = Now - Duration.FromHours(1);

        var result = Run(Jane(WalletEntry.Clipped("CLIP10", validUntil: ended)), 40m);

        Assert.Empty(result.Applied);
        var rejection = Assert.Single(result.Rejected);
        Assert.Equal((RejectionReason.Expired, "clip10", true, (Instant?)ended), (rejection.Reason, rejection.PromotionId!.Value.Value, rejection.FromWallet, rejection.Boundary));
        Assert.Equal("Clipped 10% off ended on Monday, June 15, 2026.", new ShopperText().Describe(rejection, Catalog, English));
        Assert.Equal("Clipped 10% off ist am Montag, 15. Juni 2026 abgelaufen.", new ShopperText(new GermanMessages()).Describe(rejection, Catalog, German));
    }

    [Fact]
    public void Evaluate_WalletEntryNotYetValid_IsRejectedAsNotStartedAtTheEntrysStart()
    {
        var starts = Now + Duration.FromDays(1);

        var rejection = Assert.Single(Run(Jane(WalletEntry.Issued("CLIP10", validFrom: starts)), 40m).Rejected);

        Assert.Equal((RejectionReason.NotStarted, true, (Instant?)starts), (rejection.Reason, rejection.FromWallet, rejection.Boundary));
    }

    [Fact]
    public void Evaluate_UnknownWalletCode_IsRejectedAsUnknown_AndIsNoAttempt()
    {
        var result = Run(Jane(WalletEntry.Clipped("GONE")), 40m);

        var rejection = Assert.Single(result.Rejected);
        Assert.Equal((RejectionReason.UnknownCode, "GONE", true), (rejection.Reason, rejection.Code, rejection.FromWallet));
        Assert.Equal(CodeAttempts.None, result.CodeAttempts);
    }

    [Fact]
    public void Evaluate_CodeTypedAndInTheWallet_CountsOnceAsTyped()
    {
        var result = Run(Jane(WalletEntry.Clipped("CLIP10")), 40m, ["clip10"]);

        var applied = Assert.Single(result.Applied);
        Assert.False(applied.FromWallet);
        Assert.Empty(result.Rejected);
        Assert.Equal(1, result.CodeAttempts.Entered);
    }

    [Fact]
    public void Evaluate_PersonalCode_AppliesForItsOwner_FromTheWalletOrTyped()
    {
        Assert.Equal(15m, Run(Jane(WalletEntry.Issued("SORRY-JANE")), 40m).Applied("sorry"));
        Assert.Equal(15m, Run(Jane(), 40m, ["sorry jane"]).Applied("sorry"));
    }

    [Fact]
    public void Evaluate_PersonalCodeTypedByAnotherCustomer_IsRejectedAsIssuedToAnother()
    {
        var result = Run(CustomerProfile.Registered("john"), 40m, ["SORRY-JANE"]);

        Assert.Empty(result.Applied);
        var rejection = Assert.Single(result.Rejected);
        Assert.Equal((RejectionReason.IssuedToAnotherCustomer, "sorry", "SORRYJANE"), (rejection.Reason, rejection.PromotionId!.Value.Value, rejection.Code));
        Assert.Equal("The code SORRYJANE is issued to another customer.", rejection.Message);
        Assert.Equal("The code SORRYJANE was issued to another customer account: sign in to the account it was sent to.", new ShopperText().Describe(rejection, Catalog, English));
        Assert.StartsWith("Der Code SORRYJANE wurde für ein anderes Kundenkonto ausgestellt", new ShopperText(new GermanMessages()).Describe(rejection, Catalog, German), System.StringComparison.Ordinal);
        Assert.Equal(0, result.CodeAttempts.Unknown);
    }

    [Fact]
    public void Evaluate_PersonalCodeTypedByAGuest_IsRejectedAsIssuedToAnother()
    {
        var rejection = Assert.Single(Run(CustomerProfile.Guest, 40m, ["SORRY-JANE"]).Rejected);

        Assert.Equal(RejectionReason.IssuedToAnotherCustomer, rejection.Reason);
        Assert.Equal("The code SORRYJANE is issued to one customer: sign in to use it.", rejection.Message);
    }

    [Fact]
    public void Evaluate_PersonalCodeOfAnotherUnderHiddenStatus_ReadsAsUnknownWhenTyped_ButNotFromTheWallet()
    {
        var options = new EvaluationOptions { HideCodeStatus = true };
        var john = CustomerProfile.Registered("john");

        var typed = Assert.Single(Run(john, 40m, ["SORRY-JANE"], options).Rejected);
        var held = Assert.Single(Run(john.WithWallet(WalletEntry.Issued("SORRY-JANE")), 40m, options: options).Rejected);

        Assert.Equal((RejectionReason.UnknownCode, (PromotionId?)null), (typed.Reason, typed.PromotionId));
        Assert.Equal((RejectionReason.IssuedToAnotherCustomer, true), (held.Reason, held.FromWallet));
    }

    [Fact]
    public void Evaluate_PersonalCodeIsCheckedBeforeAnythingElse_SoAnotherLearnsNothingOfThePromotion()
    {
        var expired = Promotion.Create("old", "Old apology").WithCode("OLD-JANE").IssuedTo("jane")
            .WithSchedule(Schedule.Between(null, new LocalDateTime(2026, 1, 1, 0, 0), DateTimeZone.Utc)).Giving(Discount.PercentOffItems(10)).Build();
        var catalog = PromotionCatalog.Create([expired]);

        Assert.Equal(RejectionReason.IssuedToAnotherCustomer, Assert.Single(Run(CustomerProfile.Registered("john"), 40m, ["OLD-JANE"], catalog: catalog).Rejected).Reason);
        Assert.Equal(RejectionReason.Expired, Assert.Single(Run(Jane(), 40m, ["OLD-JANE"], catalog: catalog).Rejected).Reason);
    }

    [Fact]
    public void Evaluate_ClaimCodesIssuedOneByOne_EachServesItsOwner_AndTheOthersAnyone()
    {
        Assert.Equal(8m, Run(Jane(WalletEntry.Issued("BDAY-JANE")), 40m).Applied("bday"));
        Assert.Equal(RejectionReason.IssuedToAnotherCustomer, Assert.Single(Run(Jane(WalletEntry.Issued("BDAY-JOHN")), 40m).Rejected).Reason);
        Assert.Equal(8m, Run(CustomerProfile.Guest, 40m, ["BDAY-OPEN"]).Applied("bday"));
        Assert.Equal("john", Birthday.Activation.OwnerOf("BDAYJOHN"));
        Assert.Null(Birthday.Activation.OwnerOf("BDAYOPEN"));
    }

    [Fact]
    public void Evaluate_WalletEntryOverItsCustomerLimit_IsRejectedAsTyped()
    {
        var limited = Promotion.Create("once", "Once each").WithCode("ONCE").WithLimits(new UsageLimits(perCustomer: 1)).Giving(Discount.PercentOffItems(10)).Build();
        var catalog = PromotionCatalog.Create([limited]);
        var usage = UsageSnapshot.Empty.WithCustomerUses(limited.Id, "jane", 1);

        var held = Assert.Single(Run(Jane(WalletEntry.Clipped("ONCE")), 40m, usage: usage, catalog: catalog).Rejected);
        var typed = Assert.Single(Run(Jane(), 40m, ["ONCE"], usage: usage, catalog: catalog).Rejected);
        var guest = Assert.Single(Run(CustomerProfile.Guest.WithWallet(WalletEntry.Clipped("ONCE")), 40m, catalog: catalog).Rejected);

        Assert.Equal(typed with { FromWallet = true }, held);
        Assert.Equal((RejectionReason.CustomerLimitReached, 1, 1), (held.Reason, held.Limit, held.Used));
        Assert.Equal(RejectionReason.GuestNotAllowed, guest.Reason);
    }

    [Fact]
    public void Evaluate_IssuedClaimCodeAlreadyRedeemed_IsRejectedAsTyped()
    {
        var usage = UsageSnapshot.Empty.WithCodeUses("BDAYJANE", 1);

        var held = Assert.Single(Run(Jane(WalletEntry.Issued("BDAY-JANE")), 40m, usage: usage).Rejected);

        Assert.Equal((RejectionReason.AlreadyRedeemed, true), (held.Reason, held.FromWallet));
    }

    [Fact]
    public async System.Threading.Tasks.Task UsageRequestFor_AsksForTheWalletsCodes_AndTheLedgerAcceptsWhatIsOffered()
    {
        var catalog = PromotionCatalog.Create([Birthday]);
        var evaluator = new PromotionEvaluator(catalog);
        var cart = new Cart(Usd, [Line("a", 40m)], Jane(WalletEntry.Issued("BDAY-JANE"), WalletEntry.Clipped("BDAY-OPEN", validUntil: Now)));
        var ledger = new InMemoryRedemptionLedger(new NodaTime.Testing.FakeClock(Now), Duration.FromMinutes(15));

        var request = evaluator.UsageRequestFor(cart, [], Now);
        Assert.Equal(["BDAYJANE"], request.Codes.ToArray());

        var result = evaluator.Evaluate(cart, [], Now, await ledger.GetUsageAsync(request));
        Assert.Equal("BDAYJANE", Assert.Single(result.Redemptions).Code);
        Assert.True((await ledger.ReserveAsync(ReservationRequest.For("o1", result, catalog))).Succeeded);
        await ledger.CommitAsync("o1");

        var again = evaluator.Evaluate(cart, [], Now, await ledger.GetUsageAsync(evaluator.UsageRequestFor(cart, [], Now)));
        Assert.Equal([("BDAYJANE", RejectionReason.AlreadyRedeemed), ("BDAYOPEN", RejectionReason.Expired)], again.Rejected.Select(r => (r.Code, r.Reason)).OrderBy(r => r.Code));
    }

    [Fact]
    public void Evaluate_WalletEntryThatLosesToABetterDeal_IsRejectedNamingTheWinner()
    {
        var sale = Promotion.Create("sale", "Summer sale").Giving(Discount.PercentOffItems(25)).Build();
        var catalog = PromotionCatalog.Create([sale, Clip10]);

        var result = Run(Jane(WalletEntry.Clipped("CLIP10")), 40m, catalog: catalog);

        Assert.Equal(["sale"], result.Applied.Select(a => a.PromotionId.Value));
        var rejection = result.Rejection("clip10");
        Assert.Equal((RejectionReason.BetterDealChosen, (PromotionId?)sale.Id, true), (rejection.Reason, rejection.Winner, rejection.FromWallet));
        Assert.Equal("Clipped 10% off was not used: Summer sale saves you more on the same items.", new ShopperText().Describe(rejection, catalog, English));
    }

    [Fact]
    public void Evaluate_WalletCountsTowardTheCodeLimitByDefault_TheBetterCodeTakesTheSlot()
    {
        var result = Run(Jane(WalletEntry.Clipped("CLIP10")), 200m, ["TEN"]);

        Assert.Equal(["clip10"], result.Applied.Select(a => a.PromotionId.Value));
        var rejection = result.Rejection("over50");
        Assert.Equal((RejectionReason.TooManyCodes, "CLIP10", false), (rejection.Reason, rejection.WinnerCode, rejection.FromWallet));
    }

    [Fact]
    public void Evaluate_WalletCountsTowardTheCodeLimit_UnderStrictPriorityTheTypedCodeComesFirst()
    {
        var options = new EvaluationOptions { Selection = SelectionPolicy.StrictPriority };

        var result = Run(Jane(WalletEntry.Clipped("CLIP10")), 200m, ["TEN"], options);

        Assert.Equal(["over50"], result.Applied.Select(a => a.PromotionId.Value));
        var rejection = result.Rejection("clip10");
        Assert.Equal((RejectionReason.TooManyCodes, "TEN", true), (rejection.Reason, rejection.WinnerCode, rejection.FromWallet));
    }

    [Fact]
    public void Evaluate_WalletNotCountedTowardTheCodeLimit_AppliesBesideTheTypedCode()
    {
        var options = new EvaluationOptions { WalletCountsTowardCodeLimit = false };

        var result = Run(Jane(WalletEntry.Clipped("CLIP10"), WalletEntry.Issued("SORRY-JANE")), 200m, ["TEN"], options);

        Assert.Equal([("clip10", true), ("over50", false), ("sorry", true)], result.Applied.Select(a => (a.PromotionId.Value, a.FromWallet)).OrderBy(a => a.Item1));
        Assert.Empty(result.Rejected);
        Assert.Equal(200m - 20m - 10m - 15m, result.Total.Amount);
    }

    [Fact]
    public void Evaluate_WalletNotCountedTowardTheCodeLimit_StillObeysTheCombinationModel()
    {
        var options = new EvaluationOptions { WalletCountsTowardCodeLimit = false };
        var exclusive = Promotion.Create("vip", "VIP exclusive").WithCode("VIP").Exclusive().Giving(Discount.PercentOffItems(30)).Build();
        var catalog = PromotionCatalog.Create([exclusive, Clip10]);

        var result = Run(Jane(WalletEntry.Clipped("CLIP10")), 100m, ["VIP"], options, catalog: catalog);

        Assert.Equal(["vip"], result.Applied.Select(a => a.PromotionId.Value));
        var rejection = result.Rejection("clip10");
        Assert.Equal((RejectionReason.NotCombinable, true), (rejection.Reason, rejection.FromWallet));
    }

    [Fact]
    public void Evaluate_SecondCodeOfOnePromotionInTheWallet_IsRejectedAsTheSamePromotion()
    {
        var result = Run(Jane(WalletEntry.Issued("BDAY-OPEN")), 40m, ["BDAY-JANE"]);

        Assert.Equal(8m, result.Applied("bday"));
        var rejection = Assert.Single(result.Rejected);
        Assert.Equal((RejectionReason.SamePromotionCodeEntered, "BDAYOPEN", true), (rejection.Reason, rejection.Code, rejection.FromWallet));
    }

    [Fact]
    public void Evaluate_NoCodeSlotsAndTheWalletCounted_RejectsTheWalletEntryAsTooMany()
    {
        var result = Run(Jane(WalletEntry.Clipped("CLIP10")), 40m, options: new EvaluationOptions { MaxCodesPerOrder = 0 });

        var rejection = Assert.Single(result.Rejected);
        Assert.Equal((RejectionReason.TooManyCodes, 0, true), (rejection.Reason, rejection.Limit, rejection.FromWallet));
        Assert.Equal(4m, Run(Jane(WalletEntry.Clipped("CLIP10")), 40m, options: new EvaluationOptions { MaxCodesPerOrder = 0, WalletCountsTowardCodeLimit = false }).Applied("clip10"));
    }

    [Fact]
    public void Evaluate_UsageOfAWalletCodeUnreadable_SaysTryAgain_EvenUnderHiddenStatus()
    {
        var options = new EvaluationOptions { HideCodeStatus = true };

        var rejection = Assert.Single(Run(Jane(WalletEntry.Issued("BDAY-JANE")), 40m, options: options, usage: UsageSnapshot.Unavailable).Rejected);

        Assert.Equal((RejectionReason.UsageUnavailable, "bday", true), (rejection.Reason, rejection.PromotionId!.Value.Value, rejection.FromWallet));
    }

    [Fact]
    public void Evaluate_TheKindOfAnEntry_ChangesNothing()
    {
        var clipped = Run(Jane(WalletEntry.Clipped("TEN"), WalletEntry.Clipped("CLIP10")), 45m);
        var issued = Run(Jane(WalletEntry.Issued("TEN"), WalletEntry.Issued("CLIP10")), 45m);

        Assert.Equal(clipped, issued);
    }
}
