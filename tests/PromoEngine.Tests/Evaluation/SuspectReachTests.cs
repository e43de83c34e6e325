using Xunit;
using static PromoEngine.Tests.Shop;

namespace PromoEngine.Tests;

/// <summary>The lines a promotion can reach, for "best for the shopper" (<see cref="LeaveOut"/>): a buy-X-get-Y whose
/// free items are other items reaches the lines it buys on and the lines it gives.</summary>
public sealed class SuspectReachTests
{
    [Fact]
    public void Evaluate_ABuyAHatGetASockFreeOnASockFreeAnyway_IsLeftOut()
    {
        // One lane: the hat-for-a-sock saves 10 against 3 for 10 % off both, but its sock is free anyway: 100 % off socks
        // comes after the items. Without it, 10 % takes 2 off the hat, and the order is 18; with it, 20.
        var cart = Cart(Line("hat", 20m, 1, "hat", "c1"), Line("sock", 10m, 1, "sock", "c1"));
        var freeSocks = Promo("free-socks", Discount.PercentOffOrder(100)).ForItems(ItemFilter.Skus("sock")).Build();
        var ten = Promo("ten", Discount.PercentOffItems(10)).ForItems(ItemFilter.Categories("c1")).Build();
        var hatForSock = Promo("hat-for-sock", Discount.BuyXGetY(1, 1, getItems: ItemFilter.Skus("sock"))).ForItems(ItemFilter.Skus("hat")).Build();

        var result = Evaluate(cart, [freeSocks, ten, hatForSock]);

        Assert.Equal(18m, result.Total.Amount);
        Assert.Equal(RejectionReason.BetterDealChosen, result.Rejection("hat-for-sock").Reason);
    }
}
