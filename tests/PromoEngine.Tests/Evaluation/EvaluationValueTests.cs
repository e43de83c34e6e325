using System;
using System.Collections.Generic;
using NodaTime;
using Xunit;
using static PromoEngine.Tests.Shop;

namespace PromoEngine.Tests;

/// <summary>The small values of an evaluation's result and options: what tells two rejections apart, which clamps are
/// caps, how attempts add up, and which options the evaluator refuses (each at its bound).</summary>
public sealed class EvaluationValueTests
{
    private static readonly PromotionId Sale = new("sale");

    private static Rejection Full() => new(Sale, "SAVE", RejectionReason.MinimumSubtotalNotMet, "short")
    {
        Shortfall = D(5m),
        MissingQuantity = 2,
        ItemsLabel = "shirts",
        PreviousOrders = 3,
        PreviousOrdersAtLeast = 1,
        PreviousOrdersAtMost = 4,
        Sku = "s1",
        Limit = 10,
        Used = 9,
        Winner = new PromotionId("winner"),
        WinnerCode = "WIN",
        AloneAmount = D(7m),
        Boundary = Instant.FromUtc(2026, 1, 1, 0, 0),
        Allowed = ["de", "fr"],
        FromWallet = true,
    };

    public static TheoryData<string, Rejection> OneFieldChanged() => new()
    {
        { "promotion", new Rejection(new PromotionId("other"), "SAVE", RejectionReason.MinimumSubtotalNotMet, "short") with { Shortfall = D(5m), MissingQuantity = 2, ItemsLabel = "shirts", PreviousOrders = 3, PreviousOrdersAtLeast = 1, PreviousOrdersAtMost = 4, Sku = "s1", Limit = 10, Used = 9, Winner = new PromotionId("winner"), WinnerCode = "WIN", AloneAmount = D(7m), Boundary = Instant.FromUtc(2026, 1, 1, 0, 0), Allowed = ["de", "fr"], FromWallet = true } },
        { "code", new Rejection(Sale, "SAVE2", RejectionReason.MinimumSubtotalNotMet, "short") with { Shortfall = D(5m), MissingQuantity = 2, ItemsLabel = "shirts", PreviousOrders = 3, PreviousOrdersAtLeast = 1, PreviousOrdersAtMost = 4, Sku = "s1", Limit = 10, Used = 9, Winner = new PromotionId("winner"), WinnerCode = "WIN", AloneAmount = D(7m), Boundary = Instant.FromUtc(2026, 1, 1, 0, 0), Allowed = ["de", "fr"], FromWallet = true } },
        { "reason", new Rejection(Sale, "SAVE", RejectionReason.MinimumQuantityNotMet, "short") with { Shortfall = D(5m), MissingQuantity = 2, ItemsLabel = "shirts", PreviousOrders = 3, PreviousOrdersAtLeast = 1, PreviousOrdersAtMost = 4, Sku = "s1", Limit = 10, Used = 9, Winner = new PromotionId("winner"), WinnerCode = "WIN", AloneAmount = D(7m), Boundary = Instant.FromUtc(2026, 1, 1, 0, 0), Allowed = ["de", "fr"], FromWallet = true } },
        { "message", new Rejection(Sale, "SAVE", RejectionReason.MinimumSubtotalNotMet, "shorter") with { Shortfall = D(5m), MissingQuantity = 2, ItemsLabel = "shirts", PreviousOrders = 3, PreviousOrdersAtLeast = 1, PreviousOrdersAtMost = 4, Sku = "s1", Limit = 10, Used = 9, Winner = new PromotionId("winner"), WinnerCode = "WIN", AloneAmount = D(7m), Boundary = Instant.FromUtc(2026, 1, 1, 0, 0), Allowed = ["de", "fr"], FromWallet = true } },
        { "shortfall", Full() with { Shortfall = D(6m) } },
        { "missing quantity", Full() with { MissingQuantity = 3 } },
        { "items label", Full() with { ItemsLabel = "hats" } },
        { "previous orders", Full() with { PreviousOrders = 2 } },
        { "previous orders at least", Full() with { PreviousOrdersAtLeast = 0 } },
        { "previous orders at most", Full() with { PreviousOrdersAtMost = 5 } },
        { "sku", Full() with { Sku = "s2" } },
        { "limit", Full() with { Limit = 11 } },
        { "used", Full() with { Used = 8 } },
        { "winner", Full() with { Winner = new PromotionId("runner-up") } },
        { "winner code", Full() with { WinnerCode = "WIN2" } },
        { "alone amount", Full() with { AloneAmount = D(8m) } },
        { "boundary", Full() with { Boundary = Instant.FromUtc(2026, 1, 2, 0, 0) } },
        { "allowed", Full() with { Allowed = ["de"] } },
        { "from wallet", Full() with { FromWallet = false } },
    };

    [Theory]
    [MemberData(nameof(OneFieldChanged))]
    public void Rejection_Equals_OneFieldChanged_IsNotEqual(string field, Rejection changed)
    {
        ValueAssert.Differs(Full(), changed, field);
    }

    [Fact]
    public void Rejection_Equals_ACopyWithTheSameFields_IsEqualWithTheSameHash()
    {
        var one = Full();
        var other = Full();

        Assert.True(one.Equals(other));
        Assert.True(one.Equals(one));
        Assert.Equal(one.GetHashCode(), other.GetHashCode());
        Assert.False(one.Equals(null));
    }

    [Fact]
    public void Rejection_Message_FormattedOnFirstReadOnly()
    {
        var promotion = Promo("sale", Discount.PercentOffItems(10)).Build();
        var calls = 0;
        var rejection = new Rejection(promotion, "SAVE", RejectionReason.Paused, (p, r) => $"{p.Id.Value} {r.Reason} {++calls}");

        Assert.Equal("sale Paused 1", rejection.Message);
        Assert.Equal("sale Paused 1", rejection.Message);
        Assert.Equal(1, calls);
        Assert.Equal(Sale, rejection.PromotionId);
        Assert.Equal("SAVE", rejection.Code);
    }

    [Theory]
    [InlineData(ClampedBy.None, false)]
    [InlineData(ClampedBy.Price, false)]
    [InlineData(ClampedBy.MaxDiscount, true)]
    [InlineData(ClampedBy.Budget, true)]
    [InlineData(ClampedBy.PriceFloor, false)]
    public void AppliedPromotion_Capped_OnlyForAMaxDiscountOrABudget(ClampedBy clampedBy, bool capped)
    {
        var applied = new AppliedPromotion(Sale, "Sale", null, DiscountClass.Item, D(5m), D(6m), clampedBy);

        Assert.Equal(capped, applied.Capped);
        Assert.Equal(clampedBy, applied.ClampedBy);
        Assert.Equal(D(5m), applied.Amount);
        Assert.Equal(D(6m), applied.NominalAmount);
    }

    [Fact]
    public void CodeAttempts_Failed_AddsUnknownMalformedAndLikelyTypos()
    {
        var attempts = new CodeAttempts(entered: 20, unknown: 1, malformed: 2, likelyTypos: 4);

        Assert.Equal(7, attempts.Failed);
        Assert.Equal((20, 1, 2, 4), (attempts.Entered, attempts.Unknown, attempts.Malformed, attempts.LikelyTypos));
    }

    public static TheoryData<string, EvaluationOptions, string> Refused() => new()
    {
        { "Compounding", new EvaluationOptions { Compounding = (CompoundingMode)2 }, "Not a defined CompoundingMode value." },
        { "Compounding", new EvaluationOptions { Compounding = (CompoundingMode)(-1) }, "Not a defined CompoundingMode value." },
        { "Selection", new EvaluationOptions { Selection = (SelectionPolicy)2 }, "Not a defined SelectionPolicy value." },
        { "Selection", new EvaluationOptions { Selection = (SelectionPolicy)(-1) }, "Not a defined SelectionPolicy value." },
        { "RoundingTarget", new EvaluationOptions { RoundingTarget = (RoundingTarget)2 }, "Not a defined RoundingTarget value." },
        { "RoundingTarget", new EvaluationOptions { RoundingTarget = (RoundingTarget)(-1) }, "Not a defined RoundingTarget value." },
        { "OrderAllocation", new EvaluationOptions { OrderAllocation = (OrderAllocation)4 }, "Not a defined OrderAllocation value." },
        { "OrderAllocation", new EvaluationOptions { OrderAllocation = (OrderAllocation)(-1) }, "Not a defined OrderAllocation value." },
        { "NearMissShare", new EvaluationOptions { NearMissShare = 1.000001m }, "Must be from 0 to 1." },
        { "NearMissShare", new EvaluationOptions { NearMissShare = -0.000001m }, "Must be from 0 to 1." },
        { "MaxCodesPerOrder", new EvaluationOptions { MaxCodesPerOrder = -1 }, "Must be zero or more." },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void EvaluationOptions_JustPastABound_IsRefusedNamingTheOption(string option, EvaluationOptions options, string message)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new PromotionEvaluator(PromotionCatalog.Create([]), options));

        Assert.Equal(option, error.ParamName);
        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
    }

    public static TheoryData<EvaluationOptions> AtTheBounds() => new(new List<EvaluationOptions>
    {
        new() { Compounding = CompoundingMode.Sequential },
        new() { Compounding = CompoundingMode.OnOriginalPrice },
        new() { Selection = SelectionPolicy.BestForShopper },
        new() { Selection = SelectionPolicy.StrictPriority },
        new() { RoundingTarget = RoundingTarget.AmountToPay },
        new() { RoundingTarget = RoundingTarget.Discount },
        new() { OrderAllocation = OrderAllocation.LargestRemainder },
        new() { OrderAllocation = OrderAllocation.CarryForward },
        new() { NearMissShare = 0m },
        new() { NearMissShare = 1m },
        new() { MaxCodesPerOrder = 0 },
    });

    [Theory]
    [MemberData(nameof(AtTheBounds))]
    public void EvaluationOptions_AtABound_IsAccepted(EvaluationOptions options)
    {
        var evaluator = new PromotionEvaluator(PromotionCatalog.Create([]), options);

        Assert.Equal(options, evaluator.Options);
    }
}
