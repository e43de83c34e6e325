using System;
using System.Linq;
using Xunit;
using static PromoEngine.Tests.Shop;

namespace PromoEngine.Tests;

/// <summary>Returns: each take-back case of issue 14, the keep-discounts policy, and bad input.</summary>
public sealed class ReturnTests
{
    private static readonly EvaluationOptions Options = new() { IncludeUnits = true, MaxCodesPerOrder = 5 };

    internal static OrderRecord Order(Cart cart, params Promotion[] promotions) => Order(cart, promotions, []);

    internal static OrderRecord Order(Cart cart, Promotion[] promotions, string[] codes)
    {
        var evaluator = new PromotionEvaluator(PromotionCatalog.Create(promotions), Options);
        return OrderRecord.Of(evaluator, cart, evaluator.Evaluate(cart, codes, Now));
    }

    private static ReturnedUnits[] Units(params (string Line, int Quantity)[] units) => [.. units.Select(u => new ReturnedUnits(u.Line, u.Quantity))];

    private static PromotionReturn Promotion(ReturnResult result, string id) => result.Promotions.Single(p => p.PromotionId.Value == id);

    [Fact]
    public void Return_BuyOneGetOneOneUnitBack_RefundsNothingAndTheOrderNoLongerUsesIt()
    {
        var order = Order(Cart(Line("tee", 20m, 2)), Promo("bogo", Discount.BuyXGetY(1, 1)).Build());
        Assert.Equal(D(20m), order.Result.Total);

        var result = order.Return(Units(("tee", 1)));

        var unit = Assert.Single(result.Refunds);
        Assert.Equal((D(20m), D(20m), D(0m)), (unit.Paid, unit.TakenBack, unit.Refund)); // the paid unit goes back, the free one stays
        Assert.Equal(D(0m), result.Refund);
        Assert.Equal(D(20m), result.Total);
        Assert.Equal(D(20m), Assert.Single(result.Kept).Paid);
        var bogo = Promotion(result, "bogo");
        Assert.Equal((D(20m), D(0m), D(20m)), (bogo.Before, bogo.After, bogo.SpendGivenBack));
        Assert.True(bogo.NoLongerUsed);
        Assert.False(bogo.StillUsed);
    }

    [Fact]
    public void Return_BuyOneGetOneOfThreePairsOneBack_KeepsTheDealForTheOtherPairs()
    {
        var order = Order(Cart(Line("tee", 20m, 6)), Promo("bogo", Discount.BuyXGetY(1, 1)).Build());

        var result = order.Return(Units(("tee", 2)));

        Assert.Equal(D(20m), result.Refund); // one pair back: one paid unit's worth
        Assert.True(Promotion(result, "bogo").StillUsed);
        Assert.Equal(D(40m), Promotion(result, "bogo").After);
    }

    [Fact]
    public void Return_BuyOneGetOneUnitWithAnotherItem_TakesBackFromTheUnitWhosePartnerPaysMore()
    {
        var order = Order(Cart(Line("sock", 10m, 2), Line("mug", 12m)),
            Promo("bogo", Discount.BuyXGetY(1, 1)).ForItems(ItemFilter.Skus("sock")).Build(),
            Promo("mugs", Discount.AmountOffEachItem(D(4m))).ForItems(ItemFilter.Skus("mug")).Build());

        var result = order.Return(Units(("sock", 1), ("mug", 1)));

        var sock = result.Refunds.Single(r => r.LineId == "sock");
        var mug = result.Refunds.Single(r => r.LineId == "mug");
        Assert.Equal((D(10m), D(10m), D(0m)), (sock.Paid, sock.TakenBack, sock.Refund));
        Assert.Equal((D(8m), D(0m), D(8m)), (mug.Paid, mug.TakenBack, mug.Refund));
        Assert.Equal(D(10m), Promotion(result, "bogo").TakenBack);
        Assert.Equal(D(0m), Promotion(result, "mugs").TakenBack);
    }

    [Fact]
    public void Return_MinimumSubtotalNoLongerMet_TakesTheDiscountBackFromTheRefund()
    {
        var order = Order(Cart(Line("a", 10m), Line("b", 10m), Line("c", 20m)),
            Promo("ten", Discount.AmountOffOrder(D(10m))).Require(Restriction.MinimumSubtotal(D(25m))).Build());
        Assert.Equal(D(30m), order.Result.Total); // a 7.50, b 7.50, c 15.00

        var result = order.Return(Units(("c", 1)));

        var unit = Assert.Single(result.Refunds);
        Assert.Equal((D(15m), D(5m), D(10m)), (unit.Paid, unit.TakenBack, unit.Refund));
        Assert.Equal(D(20m), result.Items);
        Assert.All(result.Kept, k => Assert.Equal(D(10m), k.Paid));
        var ten = Promotion(result, "ten");
        Assert.Equal((D(10m), D(0m), D(5m)), (ten.SpendGivenBack, ten.After, ten.TakenBack));
        Assert.True(ten.NoLongerUsed);
    }

    [Fact]
    public void Return_TierNoLongerReached_FallsToTheLowerTier()
    {
        var order = Order(Cart(Line("a", 120m), Line("b", 90m)),
            Promo("tiers", Discount.Tiered(TierBasis.Subtotal, Tier.PercentOffFrom(100m, 10m), Tier.PercentOffFrom(200m, 20m))).Build());
        Assert.Equal(D(168m), order.Result.Total);

        var result = order.Return(Units(("b", 1)));

        Assert.Equal(D(108m), result.Items); // 120 at 10 % off
        Assert.Equal(D(60m), result.Refund); // b paid 72, and a pays 12 more
        Assert.Equal(D(12m), result.TakenBack);
        Assert.Equal(D(108m), Assert.Single(result.Kept).Paid);
        Assert.True(Promotion(result, "tiers").StillUsed);
        Assert.Equal(D(30m), Promotion(result, "tiers").SpendGivenBack);
    }

    [Fact]
    public void Return_FixedPriceForThreeBrokenToTwo_KeptUnitsPayTheirPrice()
    {
        var order = Order(Cart(Line("sock", 10m, 3)), Promo("three", Discount.FixedPrice(3, D(25m))).Build());
        Assert.Equal(D(25m), order.Result.Total);

        var result = order.Return(Units(("sock", 1)));

        Assert.Equal(D(5m), result.Refund);
        Assert.Equal(D(20m), result.Items);
        Assert.All(result.Kept, k => Assert.Equal(D(10m), k.Paid));
        Assert.True(Promotion(result, "three").NoLongerUsed);
    }

    [Fact]
    public void Return_OrderAmountWithoutMinimum_ReSpreadButNeverRefundsMoreThanPaid()
    {
        var order = Order(Cart(Line("a", 10m), Line("b", 10m), Line("c", 20m)), Promo("ten", Discount.AmountOffOrder(D(10m))).Build());

        var result = order.Return(Units(("c", 1)));

        // Evaluated again, a and b would pay 10.00 in all; they paid 15.00, and the refund stays what c paid.
        Assert.Equal(D(15m), result.Refund);
        Assert.Equal(D(15m), result.Items);
        Assert.Equal(D(5m), Promotion(result, "ten").After);
        Assert.True(Promotion(result, "ten").StillUsed);
    }

    [Fact]
    public void Return_KeepDiscounts_RefundsWhatEachUnitPaid()
    {
        var order = Order(Cart(Line("a", 10m), Line("b", 10m), Line("c", 20m)),
            Promo("ten", Discount.AmountOffOrder(D(10m))).Require(Restriction.MinimumSubtotal(D(25m))).Build());

        var result = order.Return(Units(("c", 1)), ReturnPolicy.KeepDiscounts);

        Assert.Equal(D(15m), result.Refund);
        Assert.Equal(D(0m), result.TakenBack);
        Assert.Equal(D(5m), Promotion(result, "ten").After);
        Assert.Equal(D(5m), Promotion(result, "ten").SpendGivenBack);
    }

    [Fact]
    public void Return_KeepDiscountsOnBuyOneGetOne_TheFreeUnitGoesBackFirst()
    {
        var order = Order(Cart(Line("tee", 20m, 2)), Promo("bogo", Discount.BuyXGetY(1, 1)).Build());

        var first = order.Return(Units(("tee", 1)), ReturnPolicy.KeepDiscounts);
        var second = first.ThenReturn(Units(("tee", 1)));

        Assert.Equal(D(0m), first.Refund);
        Assert.Equal(D(20m), second.Refund);
        Assert.True(Promotion(first, "bogo").NoLongerUsed); // the unit kept paid full price
        Assert.Equal(D(20m), Promotion(first, "bogo").SpendGivenBack);
    }

    [Fact]
    public void Return_InSteps_ComposesWithTheSameTotal()
    {
        var order = Order(Cart(Line("a", 10m), Line("b", 10m), Line("c", 20m)),
            Promo("ten", Discount.AmountOffOrder(D(10m))).Require(Restriction.MinimumSubtotal(D(25m))).Build());

        var first = order.Return(Units(("c", 1)));
        var second = first.ThenReturn(Units(("a", 1)));
        var once = order.Return(Units(("a", 1), ("c", 1)));

        Assert.Equal(once.Refund, first.Refund + second.Refund);
        Assert.Equal(once.Total, second.Total);
        Assert.Equal(Units(("a", 1), ("c", 1)), second.ReturnedSoFar.ToArray());
        Assert.Equal(D(10m), second.Refunds.Single().Paid); // a pays 10.00 since c went back
    }

    [Fact]
    public void Return_EveryUnit_RefundsTheItemsAndKeepsShipping()
    {
        var order = Order(Cart(CustomerProfile.Guest, 5m, Line("a", 10m, 2)), Promo("half", Discount.PercentOffItems(50)).Build(),
            Promo("ship", Discount.FreeShipping).Require(Restriction.MinimumSubtotal(D(15m))).Build());

        var result = order.Return(Units(("a", 2)));

        Assert.Equal(D(10m), result.Refund);
        Assert.Equal(D(0m), result.Total); // shipping was free and stays so
        Assert.DoesNotContain(result.Promotions, p => p.PromotionId.Value == "ship");
        Assert.Empty(result.Kept);
    }

    [Fact]
    public void Return_PromotionPausedSince_StillJudgesTheOrderWithIt()
    {
        var promotion = Promo("bogo", Discount.BuyXGetY(1, 1)).Build();
        var cart = Cart(Line("tee", 20m, 4));
        var placed = Order(cart, promotion);
        var paused = new OrderRecord(cart, placed.Result, [Promo("bogo", Discount.BuyXGetY(1, 1)).WithStatus(PromotionStatus.Paused).Build()], Options);

        Assert.Equal(D(0m), paused.Return(Units(("tee", 1))).Refund);
        Assert.Equal(D(20m), paused.Return(Units(("tee", 2))).Refund);
    }

    [Fact]
    public void Return_LimitedPromotion_IsNotRejectedByItsOwnUse()
    {
        var promotion = Promo("once", Discount.PercentOffOrder(10)).WithCode("ONCE").Require(Restriction.MinimumSubtotal(D(15m)))
            .WithLimits(new UsageLimits(total: 1, perCustomer: 1, budget: D(3m))).Build();
        var order = Order(Cart(CustomerProfile.Registered("c1"), null, Line("a", 10m), Line("b", 10m)), [promotion], ["once"]);
        Assert.Equal(D(18m), order.Result.Total);

        var result = order.Return(Units(("a", 1)));

        Assert.Equal(D(8m), result.Refund); // 9.00 paid, 1.00 taken back: b alone is under the minimum
    }

    [Fact]
    public void Return_UnknownLine_Throws()
    {
        var order = Order(Cart(Line("a", 10m)), Promo("p", Discount.PercentOffItems(10)).Build());

        var error = Assert.Throws<ArgumentException>("units", () => order.Return(Units(("zz", 1))));
        Assert.Contains("no line zz", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Return_MoreThanBought_Throws()
    {
        var order = Order(Cart(Line("a", 10m, 2)), Promo("p", Discount.PercentOffItems(10)).Build());

        Assert.Throws<ArgumentException>("units", () => order.Return(Units(("a", 3))));
        Assert.Throws<ArgumentException>("units", () => order.Return(Units(("a", 1), ("a", 2))));
    }

    [Fact]
    public void Return_BeyondWhatEarlierReturnsLeft_Throws()
    {
        var order = Order(Cart(Line("a", 10m, 2)), Promo("p", Discount.PercentOffItems(10)).Build());
        var first = order.Return(Units(("a", 2)));

        var error = Assert.Throws<ArgumentException>("units", () => first.ThenReturn(Units(("a", 1))));
        Assert.Contains("2 returned before", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Return_NothingOrDefault_Throws()
    {
        var order = Order(Cart(Line("a", 10m)), Promo("p", Discount.PercentOffItems(10)).Build());

        Assert.Throws<ArgumentException>("units", () => order.Return([]));
        Assert.Throws<ArgumentException>("units", () => order.Return([default]));
        Assert.Throws<ArgumentOutOfRangeException>("quantity", () => new ReturnedUnits("a", 0));
        Assert.Throws<ArgumentOutOfRangeException>("policy", () => order.Return(Units(("a", 1)), (ReturnPolicy)7));
    }

    [Fact]
    public void OrderRecord_ResultWithoutUnits_Throws()
    {
        var cart = Cart(Line("a", 10m));
        var evaluator = new PromotionEvaluator(PromotionCatalog.Create([Promo("p", Discount.PercentOffItems(10)).Build()]));

        var error = Assert.Throws<ArgumentException>("result", () => OrderRecord.Of(evaluator, cart, evaluator.Evaluate(cart, [], Now)));
        Assert.Contains("IncludeUnits", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OrderRecord_OtherCartOrCurrencyOrMissingPromotion_Throws()
    {
        var order = Order(Cart(Line("a", 10m)), Promo("p", Discount.PercentOffItems(10)).Build());

        Assert.Throws<ArgumentException>("result", () => new OrderRecord(Cart(Line("b", 10m)), order.Result, order.Promotions));
        Assert.Throws<ArgumentException>("promotions", () => new OrderRecord(order.Cart, order.Result, []));
        var euro = new Cart(Currency.FromCode("EUR"), [new CartLine("a", "a", new Money(10m, Currency.FromCode("EUR")), 1)]);
        Assert.Throws<CurrencyMismatchException>(() => new OrderRecord(euro, order.Result, order.Promotions));
    }
}
