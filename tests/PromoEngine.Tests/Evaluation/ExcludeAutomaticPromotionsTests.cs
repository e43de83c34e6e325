using System.Linq;
using Xunit;
using static PromoEngine.Tests.Shop;

namespace PromoEngine.Tests;

/// <summary>An evaluation that leaves out every automatic promotion (B2B price lists, staff orders), codes still
/// working (issue 11, capability 12).</summary>
public sealed class ExcludeAutomaticPromotionsTests
{
    private static readonly Promotion Sale = Promo("sale", Discount.PercentOffItems(20)).Build();
    private static readonly Promotion ShipFree = Promo("ship", Discount.FreeShipping).Build();
    private static readonly Promotion Staff = Promo("staff", Discount.PercentOffItems(30)).WithCode("STAFF30").Build();

    private static EvaluationResult Evaluate(Cart cart, bool exclude, params string[] codes) =>
        new PromotionEvaluator(PromotionCatalog.Create([Sale, ShipFree, Staff]), new EvaluationOptions { ExcludeAutomaticPromotions = exclude })
            .Evaluate(cart, codes, Now);

    [Fact]
    public void Evaluate_ExcludeAutomatic_NoAutomaticPromotionAppliesOrIsListed()
    {
        var cart = Cart(CustomerProfile.Guest, 5m, Line("a", 100m));

        var result = Evaluate(cart, exclude: true);

        Assert.Empty(result.Applied);
        Assert.Empty(result.Rejected);
        Assert.Equal(105m, result.Total.Amount);
    }

    [Fact]
    public void Evaluate_ExcludeAutomatic_CodeStillApplies()
    {
        var cart = Cart(CustomerProfile.Guest, 5m, Line("a", 100m));

        var result = Evaluate(cart, exclude: true, "staff30");

        Assert.Equal(["staff"], result.Applied.Select(a => a.PromotionId.Value));
        Assert.Equal(75m, result.Total.Amount);
    }

    [Fact]
    public void Evaluate_ExcludeAutomaticOff_AutomaticPromotionsApplyAsBefore()
    {
        var cart = Cart(CustomerProfile.Guest, 5m, Line("a", 100m));

        var result = Evaluate(cart, exclude: false);

        Assert.Equal(20m, result.Applied("sale"));
        Assert.Equal(5m, result.Applied("ship"));
    }

    [Fact]
    public void Evaluate_ExcludeAutomatic_AWalletCodeStillApplies()
    {
        var cart = Cart(CustomerProfile.Registered("c").WithWallet(WalletEntry.Clipped("STAFF30")), 5m, Line("a", 100m));

        var result = Evaluate(cart, exclude: true);

        Assert.Equal(["staff"], result.Applied.Select(a => a.PromotionId.Value));
        Assert.True(result.Applied.Single().FromWallet);
    }

    [Fact]
    public void Evaluate_ExcludeAutomatic_UnknownCodeIsStillRejected()
    {
        var result = Evaluate(Cart(Line("a", 10m)), exclude: true, "NOPE");

        Assert.Equal(RejectionReason.UnknownCode, Assert.Single(result.Rejected).Reason);
    }

    [Fact]
    public void UsageRequestFor_ExcludeAutomatic_AsksNothingOfAutomaticPromotions()
    {
        var limited = Promo("limited", Discount.PercentOffItems(10)).WithLimits(new UsageLimits(total: 5)).Build();
        var catalog = PromotionCatalog.Create([limited]);
        var cart = Cart(Line("a", 10m));

        var excluded = new PromotionEvaluator(catalog, new EvaluationOptions { ExcludeAutomaticPromotions = true }).UsageRequestFor(cart, [], Now);
        var usual = new PromotionEvaluator(catalog).UsageRequestFor(cart, [], Now);

        Assert.True(excluded.IsEmpty);
        Assert.False(usual.IsEmpty);
    }
}

/// <summary>Leaving out automatic promotions is the same as evaluating a catalog without them.</summary>
public sealed class ExcludeAutomaticPromotionsProperties
{
    [FsCheck.Xunit.Property(MaxTest = 300, Arbitrary = [typeof(EvaluationArbitraries)])]
    public void ExcludeAutomatic_IsTheSameAsACatalogWithoutAutomaticPromotions(EvaluationCase c)
    {
        var excluded = (c with { Options = c.Options with { ExcludeAutomaticPromotions = true } }).Evaluate();
        var withoutThem = (c with { Options = c.Options with { ExcludeAutomaticPromotions = false } })
            .Evaluate(promotions: c.Promotions.Where(p => p.Activation.Kind != ActivationKind.Automatic));

        Assert.Equal(withoutThem, excluded);
        Assert.DoesNotContain(excluded.Applied, a => a.Code is null);
    }
}
