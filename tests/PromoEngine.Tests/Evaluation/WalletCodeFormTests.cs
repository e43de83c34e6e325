using System.Linq;
using Xunit;
using static PromoEngine.Tests.Shop;

namespace PromoEngine.Tests;

/// <summary>Codes from the customer's wallet in the form the catalog holds them: a wallet code spelled with look-alikes
/// is its promotion's code (typed as well, it counts as typed; alone, it applied from the wallet); the wallet's
/// rejections come in the wallet's order; only the hints of promotions entered through the wallet say so.</summary>
public sealed class WalletCodeFormTests
{
    private static readonly Promotion Folding = Promo("folding", Discount.AmountOffOrder(D(1))).WithCode("SAVE20", foldLookAlikes: true).Build();

    private static Cart Jane(decimal price, params WalletEntry[] wallet) =>
        Cart(CustomerProfile.Registered("jane").WithWallet(wallet), null, Line("a", price));

    [Fact]
    public void Evaluate_AWalletCodeSpelledWithLookAlikes_AppliesFromTheWalletAsItsPromotionsCode()
    {
        var result = new PromotionEvaluator(PromotionCatalog.Create([Folding])).Evaluate(Jane(10m, WalletEntry.Clipped("5AVE2O")), [], Now);

        var applied = Assert.Single(result.Applied);
        Assert.Equal(("folding", "SAVE20", true), (applied.PromotionId.Value, applied.Code, applied.FromWallet));
        Assert.Empty(result.Rejected);
    }

    [Fact]
    public void Evaluate_AWalletCodeSpelledWithLookAlikes_TypedAsWell_CountsAsTypedOnce()
    {
        var result = new PromotionEvaluator(PromotionCatalog.Create([Folding])).Evaluate(Jane(10m, WalletEntry.Clipped("5AVE2O")), ["SAVE20"], Now);

        var applied = Assert.Single(result.Applied);
        Assert.Equal(("folding", "SAVE20", false), (applied.PromotionId.Value, applied.Code, applied.FromWallet));
        Assert.Empty(result.Rejected);
    }

    [Fact]
    public void Evaluate_TwoUnknownWalletCodes_AreRejectedInTheWalletsOrder()
    {
        var result = new PromotionEvaluator(PromotionCatalog.Create([Folding])).Evaluate(Jane(10m, WalletEntry.Clipped("NOPE2"), WalletEntry.Clipped("NOPE1")), ["NOPE3"], Now);

        Assert.Equal(["NOPE3", "NOPE2", "NOPE1"], result.Rejected.Select(r => r.Code));
        Assert.Equal([false, true, true], result.Rejected.Select(r => r.FromWallet));
    }

    [Fact]
    public void Evaluate_NearMissHints_SayFromTheWalletOnlyForTheWalletsPromotion()
    {
        // $45 in the cart: each promotion wants a little more, and each gets a hint.
        var automatic = Promo("auto", Discount.AmountOffOrder(D(2))).Require(Restriction.MinimumSubtotal(D(50))).Build();
        var typed = Promo("typed", Discount.AmountOffOrder(D(3))).WithCode("TYPED").Require(Restriction.MinimumSubtotal(D(48))).Build();
        var wallet = Promo("wallet", Discount.AmountOffOrder(D(4))).WithCode("WALLET").Require(Restriction.MinimumSubtotal(D(47))).Build();
        var evaluator = new PromotionEvaluator(PromotionCatalog.Create([automatic, typed, wallet]), new EvaluationOptions { MaxCodesPerOrder = 2 });

        var result = evaluator.Evaluate(Jane(45m, WalletEntry.Clipped("WALLET")), ["TYPED"], Now);

        Assert.Equal([("auto", false), ("typed", false), ("wallet", true)], result.Hints.Select(h => (h.PromotionId.Value, h.FromWallet)));
    }
}
