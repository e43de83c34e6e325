using System.Linq;
using NodaTime;
using Xunit;
using static PromoEngine.Tests.Shop;

namespace PromoEngine.Tests;

/// <summary>What <see cref="PromotionEvaluator.UsageRequestFor"/> asks of the ledger: each limit kind asks for the
/// promotion's counters or the code's, a guest asks for no per-customer counts, and promotions that cannot run at the
/// instant (paused, outside their schedule) or codes that are not the catalog's ask for nothing.</summary>
public sealed class UsageRequestTests
{
    private static readonly Cart GuestCart = Cart(Line("a", 40m));

    private static readonly Cart JaneCart = Cart(CustomerProfile.Registered("jane"), null, Line("a", 40m));

    private static UsageRequest Request(Cart cart, string[] codes, params Promotion[] promotions) =>
        new PromotionEvaluator(PromotionCatalog.Create(promotions)).UsageRequestFor(cart, codes, Now);

    [Fact]
    public void UsageRequestFor_TotalLimit_AsksForThePromotion()
    {
        var request = Request(GuestCart, [], Promo("p", Discount.PercentOffItems(10)).WithLimits(new UsageLimits(total: 5)).Build());

        Assert.Equal(["p"], request.Promotions.Select(p => p.Value));
        Assert.Empty(request.Codes);
        Assert.Null(request.CustomerId);
    }

    [Fact]
    public void UsageRequestFor_Budget_AsksForThePromotion()
    {
        var request = Request(GuestCart, [], Promo("p", Discount.PercentOffItems(10)).WithLimits(new UsageLimits(budget: D(100m))).Build());

        Assert.Equal(["p"], request.Promotions.Select(p => p.Value));
    }

    [Fact]
    public void UsageRequestFor_PerCustomerLimit_AsksForARegisteredCustomersCountsOnly()
    {
        var limited = Promo("p", Discount.PercentOffItems(10)).WithLimits(new UsageLimits(perCustomer: 1)).Build();

        var jane = Request(JaneCart, [], limited);
        var guest = Request(GuestCart, [], limited);

        Assert.Equal(["p"], jane.Promotions.Select(p => p.Value));
        Assert.Equal("jane", jane.CustomerId);
        Assert.True(guest.IsEmpty);
        Assert.Same(UsageRequest.None, guest);
    }

    [Fact]
    public void UsageRequestFor_PerCodeLimit_AsksForTheCodeNotThePromotion()
    {
        var perCode = Promo("p", Discount.PercentOffItems(10)).WithCode("SAVE").WithLimits(new UsageLimits(perCode: 3)).Build();

        var request = Request(GuestCart, ["save", "SAVE"], perCode);

        Assert.Equal(["SAVE"], request.Codes.ToArray());
        Assert.Empty(request.Promotions);
        Assert.True(Request(GuestCart, [], perCode).IsEmpty);
    }

    [Fact]
    public void UsageRequestFor_CodedPromotionWithATotal_AsksForThePromotionOnceNotTheCode()
    {
        var coded = Promo("p", Discount.PercentOffItems(10)).WithCode("SAVE").WithLimits(new UsageLimits(total: 3)).Build();

        var request = Request(GuestCart, ["SAVE", "save"], coded);

        Assert.Equal(["p"], request.Promotions.Select(p => p.Value));
        Assert.Empty(request.Codes);
    }

    [Fact]
    public void UsageRequestFor_SeveralPromotions_AreSortedById()
    {
        var request = Request(GuestCart, ["ZED", "ALPHA"],
            Promo("zed", Discount.PercentOffItems(10)).WithCode("ZED").WithLimits(new UsageLimits(total: 3)).Build(),
            Promo("mid", Discount.PercentOffItems(10)).WithLimits(new UsageLimits(total: 3)).Build(),
            Promo("alpha", Discount.PercentOffItems(10)).WithCode("ALPHA").WithLimits(new UsageLimits(total: 3)).Build());

        Assert.Equal(["alpha", "mid", "zed"], request.Promotions.Select(p => p.Value));
    }

    [Fact]
    public void UsageRequestFor_PausedOrNotYetRunning_AsksNothing()
    {
        var paused = Promo("paused", Discount.PercentOffItems(10)).WithCode("PAUSED").WithLimits(new UsageLimits(total: 3))
            .WithStatus(PromotionStatus.Paused).Build();
        var later = Promo("later", Discount.PercentOffItems(10)).WithCode("LATER").WithLimits(new UsageLimits(total: 3))
            .WithSchedule(Schedule.Days(new LocalDate(2026, 6, 16), null, DateTimeZone.Utc)).Build();

        Assert.True(Request(GuestCart, ["PAUSED", "LATER"], paused, later).IsEmpty);
        Assert.True(Request(GuestCart, [], paused, later).IsEmpty);
    }

    [Fact]
    public void UsageRequestFor_UnknownOrMalformedCodes_AskNothing()
    {
        var limited = Promo("p", Discount.PercentOffItems(10)).WithCode("SAVE").WithLimits(new UsageLimits(perCode: 3)).Build();

        Assert.True(Request(GuestCart, ["NOPE", "\u0000"], limited).IsEmpty);
    }

    [Fact]
    public void UsageRequestFor_NoLimits_AsksNothing()
    {
        Assert.Same(UsageRequest.None, Request(JaneCart, ["SAVE"], Promo("p", Discount.PercentOffItems(10)).WithCode("SAVE").Build()));
    }

    [Fact]
    public void UsageRequestFor_NullCartOrCodes_ThrowsArgumentNull()
    {
        var evaluator = new PromotionEvaluator(PromotionCatalog.Create([]));

        Assert.Equal("cart", Assert.Throws<System.ArgumentNullException>(() => evaluator.UsageRequestFor(null!, [], Now)).ParamName);
        Assert.Equal("codes", Assert.Throws<System.ArgumentNullException>(() => evaluator.UsageRequestFor(GuestCart, null!, Now)).ParamName);
    }
}
