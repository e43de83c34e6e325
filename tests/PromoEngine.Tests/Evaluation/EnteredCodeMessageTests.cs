using System.Linq;
using NodaTime;
using Xunit;
using static PromoEngine.Tests.Shop;

namespace PromoEngine.Tests;

/// <summary>What an entered code that cannot be used is told (PromotionEvaluator.Run.cs, <c>ResolveCodes</c>): a likely
/// typo, a second code of one promotion (typed or from the wallet), and a wallet entry outside its own validity, at its
/// boundaries; each rejection's reason, fields and message.</summary>
public sealed class EnteredCodeMessageTests
{
    private static readonly Cart Basic = Cart(CustomerProfile.Registered("jane"), null, Line("a", 40m));

    private static readonly Promotion Birthday = Promo("bday", Discount.PercentOffItems(10)).WithClaimCodes(["BDAY-JANE", "BDAY-OPEN"]).Build();

    private static readonly Promotion Clip10 = Promo("clip10", Discount.PercentOffItems(10)).WithCode("CLIP10").Build();

    private static EvaluationResult Run(string[] typed, params WalletEntry[] wallet) =>
        new PromotionEvaluator(PromotionCatalog.Create([Birthday, Clip10]))
            .Evaluate(Cart(CustomerProfile.Registered("jane").WithWallet(wallet), null, Line("a", 40m)), typed, Now);

    [Fact]
    public void Evaluate_ClaimCodeWithOneCharacterMistyped_IsToldToCheckEachCharacter()
    {
        var format = new ClaimCodeFormat(length: 5);
        var real = format.Compose([0, 1, 2, 3, 4]);
        var typo = format.Alphabet[5] + real[1..];
        var promotion = Promo("claim", Discount.PercentOffItems(10)).WithClaimCodes([real], format).Build();

        var result = new PromotionEvaluator(PromotionCatalog.Create([promotion])).Evaluate(Basic, [typo], Now);

        var rejection = Assert.Single(result.Rejected);
        Assert.Equal((RejectionReason.LikelyTypo, typo, (PromotionId?)null), (rejection.Reason, rejection.Code, rejection.PromotionId));
        Assert.Equal($"The code {typo} looks mistyped: check each character.", rejection.Message);
        Assert.Equal(new CodeAttempts(1, 0, 0, 1), result.CodeAttempts);
    }

    [Fact]
    public void Evaluate_SecondTypedCodeOfOnePromotion_IsToldTheFirstWasEntered()
    {
        var result = Run(["BDAY-JANE", "BDAY-OPEN"]);

        Assert.Equal(4m, result.Applied("bday"));
        var rejection = Assert.Single(result.Rejected);
        Assert.Equal((RejectionReason.SamePromotionCodeEntered, "BDAYOPEN", (PromotionId?)Birthday.Id, false), (rejection.Reason, rejection.Code, rejection.PromotionId, rejection.FromWallet));
        Assert.Equal("The code BDAYJANE for the same promotion was entered first; a promotion applies once per order.", rejection.Message);
    }

    [Fact]
    public void Evaluate_SecondCodeOfOnePromotionInTheWallet_IsToldTheTypedOneWasEnteredFirst()
    {
        var result = Run(["BDAY-JANE"], WalletEntry.Clipped("BDAY-OPEN"));

        var rejection = Assert.Single(result.Rejected);
        Assert.Equal((RejectionReason.SamePromotionCodeEntered, "BDAYOPEN", true), (rejection.Reason, rejection.Code, rejection.FromWallet));
        Assert.Equal("The code BDAYJANE for the same promotion was entered first; a promotion applies once per order.", rejection.Message);
    }

    [Fact]
    public void Evaluate_WalletEntryEndingAtTheInstant_IsExpiredAtItsEnd()
    {
        var result = Run([], WalletEntry.Clipped("CLIP10", validUntil: Now));

        Assert.Empty(result.Applied);
        var rejection = Assert.Single(result.Rejected);
        Assert.Equal((RejectionReason.Expired, "CLIP10", (PromotionId?)Clip10.Id, (Instant?)Now, true), (rejection.Reason, rejection.Code, rejection.PromotionId, rejection.Boundary, rejection.FromWallet));
        Assert.Equal("The code CLIP10 in your wallet expired at 2026-06-15T12:00:00Z.", rejection.Message);
    }

    [Fact]
    public void Evaluate_WalletEntryStartingLater_IsNotStartedUntilItsStart()
    {
        var starts = Now + Duration.FromDays(1);

        var result = Run([], WalletEntry.Issued("CLIP10", validFrom: starts, validUntil: starts + Duration.FromDays(7)));

        var rejection = Assert.Single(result.Rejected);
        Assert.Equal((RejectionReason.NotStarted, "CLIP10", (PromotionId?)Clip10.Id, (Instant?)starts, true), (rejection.Reason, rejection.Code, rejection.PromotionId, rejection.Boundary, rejection.FromWallet));
        Assert.Equal("The code CLIP10 in your wallet can be used from 2026-06-16T12:00:00Z.", rejection.Message);
        Assert.Equal(4m, Run([], WalletEntry.Issued("CLIP10", validFrom: Now)).Applied("clip10"));
    }

    [Fact]
    public void Evaluate_RepeatedMalformedEntry_IsRejectedOnce()
    {
        var result = Run(["SAVE\u0001", "SAVE\u0001", "CLIP10"]);

        Assert.Equal(4m, result.Applied("clip10"));
        var rejection = Assert.Single(result.Rejected);
        Assert.Equal((RejectionReason.MalformedCode, (PromotionId?)null), (rejection.Reason, rejection.PromotionId));
        Assert.StartsWith("The code entered cannot be read: ", rejection.Message, System.StringComparison.Ordinal);
        Assert.Equal(new CodeAttempts(2, 0, 1, 0), result.CodeAttempts);
        Assert.Equal(["clip10"], result.Redemptions.Select(r => r.PromotionId.Value));
    }

    [Fact]
    public void Evaluate_HiddenCodeStatus_KeepsALikelyTypo_AndHidesASecondCodeOfOnePromotion()
    {
        var format = new ClaimCodeFormat(length: 5);
        var real = format.Compose([0, 1, 2, 3, 4]);
        var typo = format.Alphabet[5] + real[1..];
        var claim = Promo("claim", Discount.PercentOffItems(10)).WithClaimCodes([real], format).Build();
        var evaluator = new PromotionEvaluator(PromotionCatalog.Create([claim, Birthday]), new EvaluationOptions { HideCodeStatus = true });

        var result = evaluator.Evaluate(Basic, [typo, "BDAY-JANE", "BDAY-OPEN"], Now);

        Assert.Equal([(typo, RejectionReason.LikelyTypo), ("BDAYOPEN", RejectionReason.UnknownCode)], result.Rejected.Select(r => (r.Code!, r.Reason)));
        Assert.Equal($"The code {typo} looks mistyped: check each character.", result.Rejected[0].Message);
        Assert.Equal("The code BDAYOPEN does not exist.", result.Rejected[1].Message);
        Assert.All(result.Rejected, r => Assert.Null(r.PromotionId));
    }
}
