using System;
using System.Collections.Generic;
using System.Linq;
using FsCheck.Xunit;
using NodaTime;
using Xunit;
using static PromoEngine.Tests.Shop;

namespace PromoEngine.Tests;

/// <summary>What <see cref="EvaluationResult.Rejected"/> lists by default (what concerns the shopper) and under
/// <see cref="EvaluationOptions.ListEveryRejection"/> (everything), and that the candidate index finds every promotion
/// that concerns a cart (README, "What is listed as rejected").</summary>
public sealed class RejectedListTests
{
    private static readonly EvaluationOptions Every = new() { ListEveryRejection = true };

    private static PromotionBuilder TenOff(string id) => Promo(id, Discount.PercentOffItems(10));

    private static Cart Vip(params CartLine[] lines) =>
        new(Usd, lines, CustomerProfile.Registered("c1").WithSegments(["vip"]).WithMemberships(["gold"]).WithRegion(new Region("DE", "BE")).WithPreviousOrders(3),
            channel: "web");

    private static EvaluationResult Run(Cart cart, IEnumerable<Promotion> promotions, EvaluationOptions? options = null, params string[] codes) =>
        new PromotionEvaluator(PromotionCatalog.Create(promotions), options ?? EvaluationOptions.Default).Evaluate(cart, codes, Now);

    public static TheoryData<string> NotConcerning => new()
    {
        "paused", "cancelled", "ended", "notStarted", "otherCurrency", "otherSku", "otherTag", "otherBrand", "otherPrice",
        "otherSegment", "otherMembership", "otherRegion", "otherChannel", "firstOrder", "otherHistory", "otherHistoryRange", "farMinimum",
        "limitedOtherItems",
    };

    private static Promotion NotConcerningPromotion(string kind, string? code = null)
    {
        var p = TenOff(kind);
        if (code is not null)
        {
            p = p.WithCode(code);
        }

        return (kind switch
        {
            "paused" => p.WithStatus(PromotionStatus.Paused),
            "cancelled" => p.WithStatus(PromotionStatus.Cancelled),
            "ended" => p.WithSchedule(Schedule.Days(null, new LocalDate(2025, 12, 31), DateTimeZone.Utc)),
            "notStarted" => p.WithSchedule(Schedule.Days(new LocalDate(2027, 1, 1), null, DateTimeZone.Utc)),
            "otherCurrency" => p.Giving(Discount.AmountOffOrder(new Money(5m, Currency.Eur))),
            "otherSku" => p.ForItems(ItemFilter.Skus("nothing")),
            "otherTag" => p.ForItems(ItemFilter.Tags("nothing")),
            "otherBrand" => p.ForItems(ItemFilter.Brands("nothing")),
            "otherPrice" => p.ForItems(ItemFilter.UnitPriceBetween(D(100m), D(200m))),
            "otherSegment" => p.Require(Restriction.Segments("staff")),
            "otherMembership" => p.Require(Restriction.MembersOnly("platinum")),
            "otherRegion" => p.Require(Restriction.Regions(new Region("US"))),
            "otherChannel" => p.Require(Restriction.Channels("app")),
            "firstOrder" => p.Require(Restriction.FirstOrderOnly),
            "otherHistory" => p.Require(Restriction.NthOrder(10)),
            "otherHistoryRange" => p.Require(Restriction.PreviousOrders(atMost: 0)),
            "farMinimum" => p.Require(Restriction.MinimumSubtotal(D(1000m))),
            "limitedOtherItems" => p.ForItems(ItemFilter.Tags("nothing")).WithLimits(new UsageLimits(total: 1)),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        }).Build();
    }

    [Theory]
    [MemberData(nameof(NotConcerning))]
    public void Evaluate_AutomaticPromotionThatDoesNotConcernTheCart_IsNotListedButIsUnderListEveryRejection(string kind)
    {
        var cart = Vip(Line("a", 40m));
        var promotions = new[] { NotConcerningPromotion(kind) };
        var usage = UsageSnapshot.Empty.WithPromotionUses(new PromotionId(kind), 1);

        var shopper = new PromotionEvaluator(PromotionCatalog.Create(promotions)).Evaluate(cart, [], Now, usage);
        var debug = new PromotionEvaluator(PromotionCatalog.Create(promotions), Every).Evaluate(cart, [], Now, usage);

        Assert.Empty(shopper.Applied);
        Assert.Empty(shopper.Rejected);
        Assert.Empty(shopper.Hints);
        Assert.Equal(kind, Assert.Single(debug.Rejected).PromotionId?.Value);
        Assert.Equal(shopper.Total, debug.Total);
    }

    [Theory]
    [MemberData(nameof(NotConcerning))]
    public void Evaluate_CodeEnteredForAPromotionThatDoesNotConcernTheCart_IsListed(string kind)
    {
        var coded = NotConcerningPromotion(kind, "CODE");
        var usage = UsageSnapshot.Empty.WithPromotionUses(coded.Id, 1);

        var result = new PromotionEvaluator(PromotionCatalog.Create([coded])).Evaluate(Vip(Line("a", 40m)), ["code"], Now, usage);

        var rejection = Assert.Single(result.Rejected);
        Assert.Equal("CODE", rejection.Code);
        Assert.NotEqual(string.Empty, rejection.Message);
    }

    [Fact]
    public void Evaluate_EveryTargetingKindThatMatches_AppliesThroughTheIndex()
    {
        var line = new CartLine("l", "s1", D(40m), 1, ["c1"], ["t1"], "b1");
        var promotions = new[]
        {
            TenOff("sku").ForItems(ItemFilter.Skus("s1")).InGroup("g1").Build(),
            TenOff("category").ForItems(ItemFilter.Categories("c1")).InGroup("g2").Build(),
            TenOff("tag").ForItems(ItemFilter.Tags("t1")).InGroup("g3").Build(),
            TenOff("brand").ForItems(ItemFilter.Brands("b1")).InGroup("g4").Build(),
            TenOff("price").ForItems(ItemFilter.UnitPriceBetween(D(40m), D(40m))).InGroup("g5").Build(),
            TenOff("priceFrom").ForItems(ItemFilter.UnitPriceAtLeast(D(10m))).InGroup("g6").Build(),
            TenOff("segment").Require(Restriction.Segments("vip")).InGroup("g7").Build(),
            TenOff("membership").Require(Restriction.MembersOnly("gold")).InGroup("g8").Build(),
            TenOff("region").Require(Restriction.Regions(new Region("DE", "BE"))).InGroup("g9").Build(),
            TenOff("channel").Require(Restriction.Channels("web")).InGroup("g10").Build(),
            TenOff("history").Require(Restriction.NthOrder(4)).InGroup("g11").Build(),
            TenOff("historyRange").Require(Restriction.PreviousOrders(atLeast: 2, atMost: 5)).InGroup("g15").Build(),
            TenOff("historyFrom").Require(Restriction.PreviousOrders(atLeast: 3)).InGroup("g16").Build(),
            TenOff("minimum").Require(Restriction.MinimumSubtotal(D(40m))).InGroup("g12").Build(),
            TenOff("anyOf").ForItems(ItemFilter.AnyOf(ItemFilter.Skus("zz"), ItemFilter.Tags("t1"))).InGroup("g13").Build(),
            TenOff("allOf").ForItems(ItemFilter.AllOf(ItemFilter.Brands("b1"), ItemFilter.Categories("c1"))).InGroup("g14").Build(),
        };

        var result = Run(Vip(line), promotions, new EvaluationOptions { Compounding = CompoundingMode.Sequential });
        var debug = Run(Vip(line), promotions, Every);

        Assert.Equal(promotions.Select(p => p.Id.Value).Order(StringComparer.Ordinal), debug.Applied.Select(a => a.PromotionId.Value).Order(StringComparer.Ordinal).Concat(debug.Rejected.Select(r => r.PromotionId!.Value.Value)).Order(StringComparer.Ordinal));
        Assert.Equal(debug.Applied.Select(a => (a.PromotionId, a.Amount)), result.Applied.Select(a => (a.PromotionId, a.Amount)));
        Assert.Equal(debug.Rejected.AsEnumerable(), result.Rejected.AsEnumerable());
    }

    [Fact]
    public void Evaluate_MinimumSubtotalANearMiss_IsListedWithItsHint()
    {
        var free = Promo("ship", Discount.FreeShipping).Require(Restriction.MinimumSubtotal(D(50m))).Build();

        var near = Evaluate(Cart(CustomerProfile.Guest, 5m, Line("a", 20m)), free); // 40 % of the way
        var far = Evaluate(Cart(CustomerProfile.Guest, 5m, Line("a", 10m)), free);  // 20 %

        Assert.Equal(RejectionReason.MinimumSubtotalNotMet, near.Rejection("ship").Reason);
        Assert.Equal(D(30m), near.Rejection("ship").Shortfall);
        Assert.Equal(D(30m), Assert.Single(near.Hints).Shortfall);
        Assert.Empty(far.Rejected);
        Assert.Empty(far.Hints);
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(0.2, true)]
    [InlineData(0.21, false)]
    [InlineData(1, false)]
    public void NearMissShare_DecidesWhichShortfallIsListed(double share, bool listed)
    {
        var free = Promo("ship", Discount.FreeShipping).Require(Restriction.MinimumSubtotal(D(50m))).Build();
        var options = new EvaluationOptions { NearMissShare = (decimal)share };

        var result = Run(Cart(CustomerProfile.Guest, 5m, Line("a", 10m)), [free], options);

        Assert.Equal(listed, !result.Rejected.IsEmpty);
        Assert.Equal(listed, !result.Hints.IsEmpty);
    }

    [Fact]
    public void Evaluate_MinimumQuantityFarOff_IsNotListed_ACodeIsAlwaysTold()
    {
        var automatic = TenOff("auto").Require(Restriction.MinimumQuantity(5)).Build();
        var coded = TenOff("coded").Require(Restriction.MinimumQuantity(5)).WithCode("FIVE").Build();

        var result = Evaluate(Cart(Line("a", 10m)), [automatic, coded], "five");

        var rejection = Assert.Single(result.Rejected);
        Assert.Equal(RejectionReason.MinimumQuantityNotMet, rejection.Reason);
        Assert.Equal("FIVE", rejection.Code);
        Assert.Equal(4, rejection.MissingQuantity);
    }

    [Fact]
    public void Evaluate_LimitedPromotionWithItemsInTheCart_IsListed()
    {
        var limited = TenOff("p").WithLimits(new UsageLimits(total: 1)).Build();

        var result = new PromotionEvaluator(PromotionCatalog.Create([limited]))
            .Evaluate(Cart(Line("a", 10m)), [], Now, UsageSnapshot.Empty.WithPromotionUses(limited.Id, 1));

        Assert.Equal(RejectionReason.UsageLimitReached, Assert.Single(result.Rejected).Reason);
        Assert.Equal("p has been used once, as often as it allows.", result.Rejected[0].Message);
    }

    [Fact]
    public void NearMissShare_OutsideZeroToOne_Throws()
    {
        var catalog = PromotionCatalog.Create([]);

        Assert.Equal("NearMissShare", Assert.Throws<ArgumentOutOfRangeException>(() => new PromotionEvaluator(catalog, new EvaluationOptions { NearMissShare = 1.01m })).ParamName);
        Assert.Equal("NearMissShare", Assert.Throws<ArgumentOutOfRangeException>(() => new PromotionEvaluator(catalog, new EvaluationOptions { NearMissShare = -0.01m })).ParamName);
    }

    [Fact]
    public void Rejection_MessageFormattedWhenRead_EqualsTheSameRejectionRead()
    {
        var paused = TenOff("p").WithStatus(PromotionStatus.Paused).Build();

        var first = Run(Cart(Line("a", 10m)), [paused], Every).Rejected.Single();
        var second = Run(Cart(Line("a", 10m)), [paused], Every).Rejected.Single();

        Assert.Equal(first, second); // formats both
        Assert.Equal("p is paused.", first.Message);
        Assert.Equal(first.GetHashCode(), second.GetHashCode());
        Assert.NotEqual(first, first with { Limit = 1 });
    }

    public static TheoryData<string> IndexedKinds => new()
    {
        "otherSku", "otherTag", "otherBrand", "otherPrice", "otherSegment", "otherMembership", "otherRegion", "otherChannel",
        "otherHistory", "otherHistoryRange", "farMinimum",
    };

    [Theory]
    [MemberData(nameof(IndexedKinds))]
    public void Evaluate_ManyPromotionsTheIndexRulesOut_AllocateNothingMore(string kind)
    {
        // Promotion i of the kind, renamed so ids are unique: only the one that concerns the cart is looked at.
        static IEnumerable<Promotion> Catalog(string kind, int count) =>
            Enumerable.Range(0, count).Select(i => Promotion.Create($"{kind}{i}", kind).ForItems(NotConcerningPromotion(kind).QualifyingItems)
                .Require(NotConcerningPromotion(kind).Restrictions.FirstOrDefault() ?? Restriction.MinimumQuantity(1)).Giving(Discount.PercentOffItems(10)).Build())
            .Append(TenOff("match").Build());
        var cart = Vip(Line("a", 40m));
        var small = new PromotionEvaluator(PromotionCatalog.Create(Catalog(kind, 10)));
        var large = new PromotionEvaluator(PromotionCatalog.Create(Catalog(kind, 5_000)));

        long Allocated(PromotionEvaluator evaluator)
        {
            _ = evaluator.Evaluate(cart, [], Now); // warm
            var before = GC.GetAllocatedBytesForCurrentThread();
            var result = evaluator.Evaluate(cart, [], Now);
            var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            Assert.Equal(4m, result.Applied("match"));
            Assert.Empty(result.Rejected);
            return allocated;
        }

        Assert.Equal(Allocated(small), Allocated(large));
    }

    [Property(MaxTest = 300, Arbitrary = [typeof(EvaluationArbitraries)])]
    public void ListEveryRejection_ChangesNothingButTheLongerList(EvaluationCase c)
    {
        var shopper = (c with { Options = c.Options with { ListEveryRejection = false } }).Evaluate();
        var debug = (c with { Options = c.Options with { ListEveryRejection = true } }).Evaluate();

        Assert.Equal(debug.Total, shopper.Total);
        Assert.Equal(debug.Lines.AsEnumerable(), shopper.Lines.AsEnumerable());
        Assert.Equal(debug.Applied.AsEnumerable(), shopper.Applied.AsEnumerable());
        Assert.Equal(debug.Redemptions.AsEnumerable(), shopper.Redemptions.AsEnumerable());
        var listed = debug.Rejected.ToList();
        foreach (var rejection in shopper.Rejected)
        {
            Assert.True(listed.Remove(rejection), $"{rejection} is listed by default but not under ListEveryRejection");
        }

        // What only the diagnostic lists is automatic promotions, never a code entered.
        Assert.All(listed, r => Assert.Null(r.Code));
        Assert.All(shopper.Hints, h => Assert.Contains(h, debug.Hints));
    }
}
