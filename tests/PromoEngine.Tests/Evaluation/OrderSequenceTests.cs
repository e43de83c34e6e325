using System.Linq;
using Xunit;
using static PromoEngine.Tests.Shop;

namespace PromoEngine.Tests;

/// <summary>The order in which a lane's order promotions take their turn (PromotionEvaluator.Sequence.cs): the starting
/// order and its ties, the exhaustive search over orders (with uncapped percentages kept in their order), its bound of
/// 720 orders, and the neighbour swaps past it, which the result reports as a fallback.</summary>
public sealed class OrderSequenceTests
{
    private static readonly Cart TwoForties = Cart(Line("a", 40m), Line("b", 40m));

    private static Promotion Off(string id, decimal amount) => Promo(id, Discount.AmountOffOrder(D(amount))).Build();

    // A cap makes a percentage depend on where its turn comes, so it is searched like an amount.
    private static Promotion CappedHalf(string id = "half") => Promo(id, Discount.PercentOffOrder(50)).WithMaxDiscount(D(100m)).Build();

    [Fact]
    public void Sequence_TwoEqualUncappedPercentages_TheSmallerIdGoesFirst()
    {
        // Both save 10 alone; the first takes 10 % of 100, the second 10 % of the 90 left.
        var result = Evaluate(Cart(Line("a", 100m)), [Promo("b", Discount.PercentOffOrder(10)).Build(), Promo("a", Discount.PercentOffOrder(10)).Build()]);

        Assert.Equal(10m, result.Applied("a"));
        Assert.Equal(9m, result.Applied("b"));
    }

    [Fact]
    public void Sequence_CappedPercentThenAmount_OverTwoLines_IsFoundThoughTheAmountSavesMoreAlone()
    {
        // $80 on two lines: $45 then 50 % leaves 17.50; 50 % (capped, so searched) then $45 leaves nothing. What an
        // order saves is measured on what is left of all the lines together.
        var result = Evaluate(TwoForties, [Off("amount", 45m), CappedHalf()]);

        Assert.Equal(0m, result.Total.Amount);
        Assert.Equal(40m, result.Applied("half"));
        Assert.Equal(40m, result.Applied("amount"));
        Assert.False(result.UsedGreedyFallback);
    }

    [Fact]
    public void Sequence_BestOrderLateInTheSearch_IsFound()
    {
        // Four searched promotions start as $45, 50 %, $2, $1 (larger alone first); only orders with the 50 % first
        // save all 80, the seventh of the 24 tried.
        var result = Evaluate(TwoForties, [Off("one", 1m), Off("two", 2m), Off("amount", 45m), CappedHalf()]);

        Assert.Equal(0m, result.Total.Amount);
        Assert.Equal(40m, result.Applied("half"));
        Assert.False(result.UsedGreedyFallback);
    }

    [Fact]
    public void Sequence_TwoUncappedPercentagesAndAnAmount_PercentagesFirstInTheirOrder()
    {
        // 20 % and 10 % keep their order among themselves; the $30 goes last: 20 + 8 + 30 = 58. No order saves all
        // of the 100, so every arrangement is tried (3 of them) and the search must end by itself.
        var result = Evaluate(Cart(Line("a", 100m)),
            [Promo("ten", Discount.PercentOffOrder(10)).Build(), Promo("twenty", Discount.PercentOffOrder(20)).Build(), Off("thirty", 30m)]);

        Assert.Equal(42m, result.Total.Amount);
        Assert.Equal(20m, result.Applied("twenty"));
        Assert.Equal(8m, result.Applied("ten"));
        Assert.Equal(30m, result.Applied("thirty"));
        Assert.False(result.UsedGreedyFallback);
    }

    [Fact]
    public void Sequence_SixSearchedPromotions_AreSearchedWhole()
    {
        // 6! = 720 orders: exactly the bound, searched without a fallback.
        var result = Evaluate(Cart(Line("a", 100m)), Enumerable.Range(1, 6).Select(i => Off("p" + i, i)).ToArray());

        Assert.Equal(79m, result.Total.Amount);
        Assert.False(result.UsedGreedyFallback);
    }

    [Fact]
    public void Sequence_SevenSearchedPromotions_FallBackToNeighbourSwaps_WhichFindTheCappedPercentFirst()
    {
        // 7! orders: past the bound. From $45, 50 %, then five cents, the first swap puts the 50 % first and saves all.
        var promotions = new[] { Off("amount", 45m), CappedHalf() }.Concat(Enumerable.Range(1, 5).Select(i => Off("c" + i, i / 100m))).ToArray();

        var result = Evaluate(TwoForties, promotions);

        Assert.True(result.UsedGreedyFallback);
        Assert.Equal(0m, result.Total.Amount);
        Assert.Equal(40m, result.Applied("half"));
    }

    [Fact]
    public void Sequence_UncappedPercentAmongSixAmounts_FallsBackAndSwapsItBeforeTheAmount()
    {
        // One uncapped 50 % and six amounts: 7! / 1! orders, past the bound. A swap of the 50 % (which commutes) with
        // the $45 (which does not) is tried, and saves all 80.
        var promotions = new[] { Off("amount", 45m), Promo("half", Discount.PercentOffOrder(50)).Build() }
            .Concat(Enumerable.Range(1, 5).Select(i => Off("c" + i, i / 100m))).ToArray();

        var result = Evaluate(TwoForties, promotions);

        Assert.True(result.UsedGreedyFallback);
        Assert.Equal(0m, result.Total.Amount);
        Assert.Equal(40m, result.Applied("half"));
    }

    [Fact]
    public void Sequence_OrderPromotionThatSavesNothingAfterTheItems_StillTakesItsTurnAndIsRejected()
    {
        // The item stage makes the Z line free; the order promotion on Z items then has nothing left to take, while
        // another order promotion of the lane saves 5. Both take their turn: the idle one last, rejected.
        var result = Diagnose(Cart(Line("z", 10m, 1, "Z"), Line("a", 50m, 1, "A")),
        [
            Promo("free", Discount.PercentOffItems(100)).ForItems(ItemFilter.Skus("Z")).Build(),
            Promo("zoff", Discount.AmountOffOrder(D(5))).ForItems(ItemFilter.Skus("Z")).Build(),
            Off("five", 5m),
        ]);

        Assert.Equal(45m, result.Total.Amount);
        Assert.Equal(RejectionReason.NothingToDiscount, result.Rejection("zoff").Reason);
    }

    private static Promotion Capped(string id, decimal percent, decimal most) =>
        Promo(id, Discount.PercentOffOrder(percent)).WithMaxDiscount(D(most)).Build();

    [Fact]
    public void Sequence_OnlyOrderSavingMostStartsWithTheSecondPromotion_IsFound()
    {
        // Starting order a75 (75 % up to 60), b25 (25 % up to 20), c15 ($15). Only b25, a75, c15 saves 95 (20, 60, 15);
        // a75 first saves 85 at most. The search must reach every arrangement, that one included.
        var result = Evaluate(Cart(Line("a", 100m)), [Capped("a75", 75m, 60m), Capped("b25", 25m, 20m), Off("c15", 15m)]);

        Assert.Equal(5m, result.Total.Amount);
        Assert.Equal(20m, result.Applied("b25"));
        Assert.Equal(60m, result.Applied("a75"));
        Assert.Equal(15m, result.Applied("c15"));
        Assert.False(result.UsedGreedyFallback);
    }

    [Fact]
    public void Sequence_TwoOrdersSavingAlike_TheFirstFoundIsKept()
    {
        // $20 off both lines and $10 off the y line save 30 either way: $20 first (the starting order) spreads it 10 and
        // 10, then y takes the 10 (x 40, y 30); $10 first would leave 50 and 40 for the $20 (x 38.89, y 31.11).
        var result = Evaluate(Cart(Line("x", 50m, 1, "X"), Line("y", 50m, 1, "Y")),
            [Off("twenty", 20m), Promo("ten-y", Discount.AmountOffOrder(D(10))).ForItems(ItemFilter.Skus("Y")).Build()]);

        Assert.Equal(70m, result.Total.Amount);
        Assert.Equal(40m, result.Line("x").Final.Amount);
        Assert.Equal(30m, result.Line("y").Final.Amount);
    }

    [Fact]
    public void Sequence_PastTheBound_SwapsGoOnWhileAPassImproves()
    {
        // Seven searched promotions on $100, starting $35, $19, 20 % up to 15, 20 % up to 13, 25 % up to 5, $3, 25 % up
        // to 2 (80.56 saved). The first pass of swaps reaches 87.40 (the two 20 % before the $19); the second moves them
        // before the $35 as well, and the 25 % up to 5 before the $19: 92 in all, and a third pass finds nothing more.
        var result = Evaluate(Cart(Line("a", 100m)),
        [
            Off("p35", 35m), Off("p19", 19m), Capped("q15", 20m, 15m), Capped("q13", 20m, 13m), Capped("r5", 25m, 5m), Off("p3", 3m), Capped("r2", 25m, 2m),
        ]);

        Assert.True(result.UsedGreedyFallback);
        Assert.Equal(8m, result.Total.Amount);
        Assert.Equal(15m, result.Applied("q15"));
        Assert.Equal(13m, result.Applied("q13"));
        Assert.Equal(5m, result.Applied("r5"));
    }

    [Fact]
    public void Sequence_PastTheBound_TwoUncappedPercentagesNextToEachOther_AreNotSwapped()
    {
        // 70 % and 20 % off 62.72 and five amounts ($5 to $1): 7! / 2! orders, past the bound. The percentages keep the
        // starting order (70 % first, 15.06 left; 20 % first would leave 15.05, a rounded cent the swaps do not chase),
        // and the amounts then take 15: 0.06.
        var result = Evaluate(Cart(Line("a", 62.72m)),
            new[] { Promo("p20", Discount.PercentOffOrder(20)).Build(), Promo("p70", Discount.PercentOffOrder(70)).Build() }
                .Concat(Enumerable.Range(1, 5).Select(i => Off("amount" + i, i))).ToArray());

        Assert.True(result.UsedGreedyFallback);
        Assert.Equal(0.06m, result.Total.Amount);
        Assert.Equal(43.9m, result.Applied("p70"));
        Assert.Equal(3.76m, result.Applied("p20"));
    }
}
