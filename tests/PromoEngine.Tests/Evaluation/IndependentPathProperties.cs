using System;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using Xunit;

namespace PromoEngine.Tests;

/// <summary>The evaluator applies promotions that each work on lines of their own straight from the lines, without the
/// lane solver (<c>PromotionEvaluator.Run.ApplyIndependent</c>): these check it gives exactly what the general path
/// gives, down to each amount's scale as written in JSON, on the shared generators and on catalogs made to take it.</summary>
public sealed class IndependentPathProperties
{
    private static readonly Instant Now = Instant.FromUtc(2026, 11, 27, 18, 0);

    [Property(MaxTest = 500, Arbitrary = [typeof(EvaluationArbitraries)])]
    public void Evaluate_AnyCase_SameAsTheGeneralPath(EvaluationCase c)
    {
        var catalog = PromotionCatalog.Create(c.Promotions);
        foreach (var options in new[] { c.Options, c.Options with { IncludeUnits = false } })
        {
            AssertSame(catalog, options, c.Cart, c.Codes, c.At, c.Usage);
        }
    }

    [Property(MaxTest = 1000)]
    public void Evaluate_PromotionsOnLinesOfTheirOwn_SameAsTheGeneralPath(PositiveInt seed)
    {
        var random = new Random(seed.Get);
        var (catalog, cart, options) = Build(random);
        // Now and then codes: of promotions that take one, unknown, repeated, or more than the order's slots.
        string[] codes = random.Next(2) == 0 ? [.. Enumerable.Range(0, random.Next(1, 4)).Select(_ => $"CODE{random.Next(6)}")] : [];

        AssertSame(catalog, options, cart, codes, Now, null);
    }

    [Fact]
    public void Generator_PromotionsOnLinesOfTheirOwn_MostlyTakeTheIndependentPathAndApplySomething()
    {
        // The property above is only worth something if most of its cases apply promotions on lines of their own, and
        // take the path (the counts pin the conditions that send a cart to it: always handing back to the general path
        // would give the same results, and only this would tell).
        var (applied, taken) = (0, 0);
        foreach (var seed in Enumerable.Range(1, 400))
        {
            var (catalog, cart, options) = Build(new Random(seed));
            var result = new PromotionEvaluator(catalog, options) { IndependentPathTaken = () => taken++ }.Evaluate(cart, [], Now);
            applied += result.Applied.IsEmpty ? 0 : 1;
        }

        Assert.InRange(applied, 240, 400);
        Assert.InRange(taken, 240, 400);
    }

    [Fact]
    public void Evaluate_APriceTooLargeForTheIntegerAllocation_TakesThePathInDecimals()
    {
        // 12.3456789 % of 99,999,999,999.99 has 11 places: scaled to whole numbers it passes 64 bits, so the allocation
        // is made in decimals (and a share equal to the one before is recorded as it).
        var catalog = OddPercentage;
        var cart = WithALargePrice((0.07m, 3), (0.07m, 2));
        var taken = 0;

        foreach (var includeUnits in new[] { false, true })
        {
            var options = new EvaluationOptions { IncludeUnits = includeUnits };
            var result = AssertSame(catalog, options, cart, [], Now, null);
            _ = new PromotionEvaluator(catalog, options) { IndependentPathTaken = () => taken++ }.Evaluate(cart, [], Now);
            // 12.3456789 % of 100,000,000,000.34 is 12,345,678,900.0419…, which leaves 87,654,321,100.30 to pay.
            Assert.Equal(12_345_678_900.04m, result.ItemDiscounts.Amount);
            Assert.Equal(result.ItemDiscounts.Amount, result.Lines.Sum(l => l.Discount.Amount));
        }

        Assert.Equal(2, taken);
    }

    [Fact]
    public void Evaluate_TwoPercentagesOnTheirOwnLines_AllocatesToTheCentAsTheGeneralPath()
    {
        var usd = Currency.Usd;
        var catalog = PromotionCatalog.Create([
            Promotion.Create("a", "15% off shoes").ForItems(ItemFilter.Categories("shoes")).Giving(Discount.PercentOffItems(15m)).Build(),
            Promotion.Create("b", "$0.35 off each hat").ForItems(ItemFilter.Categories("hats")).Giving(Discount.AmountOffEachItem(new Money(0.35m, usd))).WithPriority(2).Build(),
        ]);
        var cart = new Cart(usd, [
            new CartLine("l1", "s1", new Money(10.50m, usd), 3, ["shoes"]),
            new CartLine("l2", "s2", new Money(0.30m, usd), 2, ["hats"]),
            new CartLine("l3", "s3", new Money(3.33m, usd), 1, ["shoes"]),
            new CartLine("l4", "s4", new Money(7m, usd), 1, ["socks"]),
        ]);

        var result = AssertSame(catalog, new EvaluationOptions { IncludeUnits = true }, cart, [], Now, null);
        var taken = 0;
        _ = new PromotionEvaluator(catalog, new EvaluationOptions { IncludeUnits = true }) { IndependentPathTaken = () => taken++ }.Evaluate(cart, [], Now);
        Assert.Equal(1, taken);

        // b (priority 2) first, held back by the price; then a: 15% of 34.83 = 5.2245, leaving 29.6055, rounded 29.61.
        Assert.Equal(["b", "a"], result.Applied.Select(a => a.PromotionId.ToString()));
        Assert.Equal(0.60m, result.Applied[0].Amount.Amount);
        Assert.Equal(ClampedBy.Price, result.Applied[0].ClampedBy);
        Assert.Equal(5.22m, result.Applied[1].Amount.Amount);
        Assert.Equal(result.ItemDiscounts.Amount, result.Lines.Sum(l => l.Discount.Amount));
    }

    [Fact]
    public void Evaluate_APromotionThatRoundsToNothing_HandsBackToTheGeneralPath()
    {
        // 1 % of a cent rounds to nothing: the general path rejects it, so the direct path must not record it.
        var catalog = PromotionCatalog.Create([Promotion.Create("p", "1% off").Giving(Discount.PercentOffItems(1m)).Build()]);
        var cart = new Cart(Currency.Usd, [new CartLine("a", "s1", new Money(0.01m, Currency.Usd), 1, [])]);

        var result = AssertSame(catalog, new EvaluationOptions(), cart, [], Now, null);

        Assert.Empty(result.Applied);
        Assert.Equal(0, TimesTaken(catalog, new EvaluationOptions(), cart));
    }

    [Fact]
    public void Evaluate_TwoPromotionsSavingTheSame_ApplyInIdOrderWhateverOrderTheyAreFound()
    {
        // Equal priority and equal savings: the smaller id applies first, whether "a" or "b" is found first (the
        // promotion of the first line is).
        var catalog = PromotionCatalog.Create([
            Promotion.Create("b", "10% off shoes").ForItems(ItemFilter.Skus("shoe")).Giving(Discount.PercentOffItems(10m)).Build(),
            Promotion.Create("a", "10% off hats").ForItems(ItemFilter.Skus("hat")).Giving(Discount.PercentOffItems(10m)).Build(),
        ]);
        foreach (var (first, second) in new[] { ("shoe", "hat"), ("hat", "shoe") })
        {
            var cart = new Cart(Currency.Usd, [
                new CartLine("l1", first, new Money(10m, Currency.Usd), 1, []),
                new CartLine("l2", second, new Money(10m, Currency.Usd), 1, []),
            ]);

            var result = AssertSame(catalog, new EvaluationOptions(), cart, [], Now, null);

            Assert.Equal(["a", "b"], result.Applied.Select(a => a.PromotionId.ToString()));
            Assert.Equal(1, TimesTaken(catalog, new EvaluationOptions(), cart));
        }
    }

    [Fact]
    public void Evaluate_EverythingFree_TakesThePath()
    {
        // A share equal to its unit's price fits: only a share past it hands back.
        var catalog = PromotionCatalog.Create([Promotion.Create("p", "all free").Giving(Discount.PercentOffItems(100m)).Build()]);
        var cart = new Cart(Currency.Usd, [new CartLine("a", "s1", new Money(3.33m, Currency.Usd), 3, [])]);

        var result = AssertSame(catalog, new EvaluationOptions { IncludeUnits = true }, cart, [], Now, null);

        Assert.Equal(9.99m, result.ItemDiscounts.Amount);
        Assert.Equal(1, TimesTaken(catalog, new EvaluationOptions { IncludeUnits = true }, cart));
    }

    [Fact]
    public void Evaluate_ACartConditionMeasuredAfterHigherLanesOnAnotherPromotionsLines_IsNotIndependent()
    {
        // q discounts socks but needs 50 of shoes left to pay after p (a higher lane) took half of them: 30 is left.
        var usd = Currency.Usd;
        var catalog = PromotionCatalog.Create([
            Promotion.Create("p", "half off shoes").ForItems(ItemFilter.Categories("shoes")).Giving(Discount.PercentOffItems(50m)).WithPriority(2).Build(),
            Promotion.Create("q", "10% off socks").ForItems(ItemFilter.Categories("socks")).Giving(Discount.PercentOffItems(10m))
                .Require(Restriction.CartHoldsAmount(ItemFilter.Categories("shoes"), new Money(50m, usd), "shoes", ThresholdBasis.AfterHigherLanes)).Build(),
        ]);
        var cart = new Cart(usd, [
            new CartLine("l1", "s1", new Money(60m, usd), 1, ["shoes"]),
            new CartLine("l2", "s2", new Money(10m, usd), 1, ["socks"]),
        ]);

        var result = AssertSame(catalog, new EvaluationOptions(), cart, [], Now, null);

        Assert.Equal(["p"], result.Applied.Select(a => a.PromotionId.ToString()));
        Assert.Equal(RejectionReason.CartConditionNotMet, result.Rejected.Single(r => r.PromotionId == new PromotionId("q")).Reason);
    }

    [Fact]
    public void Evaluate_DecimalAllocationWithSharesOfNothingAndUnevenShares_SameAsTheGeneralPath()
    {
        // The large price sends the allocation to decimals; the 0.01 units take a share of nothing, and the 1.00 units
        // take shares that differ by a cent.
        var catalog = OddPercentage;
        var cart = WithALargePrice((0.01m, 3), (1.00m, 3));

        foreach (var includeUnits in new[] { false, true })
        {
            var options = new EvaluationOptions { IncludeUnits = includeUnits };
            var result = AssertSame(catalog, options, cart, [], Now, null);
            Assert.Equal(1, TimesTaken(catalog, options, cart));
            Assert.Equal(0m, result.Lines.Single(l => l.LineId == "b").Discount.Amount);
            Assert.Equal(result.ItemDiscounts.Amount, result.Lines.Sum(l => l.Discount.Amount));
            if (includeUnits)
            {
                Assert.Equal(2, result.Lines.Single(l => l.LineId == "c").Units.Select(u => u.Final).Distinct().Count());
            }
        }
    }

    [Fact]
    public void Evaluate_DecimalAllocationGivingAUnitItsWholePrice_TakesThePath()
    {
        // One of the 0.01 units takes the last cent: a share equal to its price fits, so the path is not handed back.
        var catalog = OddPercentage;
        var cart = WithALargePrice((0.01m, 5), (0.90m, 3));
        var options = new EvaluationOptions { IncludeUnits = true };

        var result = AssertSame(catalog, options, cart, [], Now, null);

        Assert.Equal(1, TimesTaken(catalog, options, cart));
        Assert.Equal([0m, 0.01m, 0.01m, 0.01m, 0.01m], result.Lines.Single(l => l.LineId == "b").Units.Select(u => u.Final.Amount).Order());
    }

    /// <summary>12.3456789 % off category c.</summary>
    private static readonly PromotionCatalog OddPercentage = PromotionCatalog.Create([
        Promotion.Create("odd", "an odd percentage").ForItems(ItemFilter.Categories("c")).Giving(Discount.PercentOffItems(12.3456789m)).Build(),
    ]);

    /// <summary>A line at 99,999,999,999.99 (12.3456789 % of it passes 64 bits in minor units), then lines b and c at
    /// these prices and quantities, all in category c.</summary>
    private static Cart WithALargePrice((decimal Price, int Quantity) b, (decimal Price, int Quantity) c) =>
        new(Currency.Usd, [
            new CartLine("a", "s1", new Money(99_999_999_999.99m, Currency.Usd), 1, ["c"]),
            new CartLine("b", "s2", new Money(b.Price, Currency.Usd), b.Quantity, ["c"]),
            new CartLine("c", "s3", new Money(c.Price, Currency.Usd), c.Quantity, ["c"]),
        ]);

    [Fact]
    public void Evaluate_AFreeItemAmongAPromotionsItems_TakesNothingAsTheGeneralPath()
    {
        // 10 % of 0.00 is nothing: the free line gets no adjustment, the other its whole cents (0.35 off 3.50).
        var catalog = PromotionCatalog.Create([Promotion.Create("p", "10% off shoes").ForItems(ItemFilter.Categories("shoes")).Giving(Discount.PercentOffItems(10m)).Build()]);
        var cart = new Cart(Currency.Usd, [
            new CartLine("l1", "s1", new Money(0.00m, Currency.Usd), 2, ["shoes"]),
            new CartLine("l2", "s2", new Money(3.50m, Currency.Usd), 1, ["shoes"]),
        ]);

        var result = AssertSame(catalog, new EvaluationOptions(), cart, [], Now, null);

        Assert.Equal(1, TimesTaken(catalog, new EvaluationOptions(), cart));
        Assert.Empty(result.Lines[0].Adjustments);
        Assert.Equal(0.35m, Assert.Single(result.Lines[1].Adjustments).Amount.Amount);
    }

    [Fact]
    public void Evaluate_MinorUnitsPastTheAllocationsWeightPlaces_AsTheGeneralPath()
    {
        // With 14 places to the minor unit, 50 % of 0.00000000000002 is one minor unit, which the allocation's weights
        // (12 places) round away: the general path gives the larger line the whole amount, not each unit its own.
        var currency = Currency.Custom("XTS", 14);
        var catalog = PromotionCatalog.Create([Promotion.Create("p", "half off").Giving(Discount.PercentOffItems(50m)).Build()]);
        var cart = new Cart(currency, [
            new CartLine("l1", "s1", new Money(1m, currency), 1, []),
            new CartLine("l2", "s2", new Money(0.00000000000002m, currency), 1, []),
        ]);

        var result = AssertSame(catalog, new EvaluationOptions(), cart, [], Now, null);

        Assert.Equal(1, TimesTaken(catalog, new EvaluationOptions(), cart));
        Assert.Equal(0.50000000000001m, result.ItemDiscounts.Amount);
    }

    [Theory]
    [InlineData(RoundingTarget.AmountToPay, "1.00")]
    [InlineData(RoundingTarget.Discount, "1")]
    public void Evaluate_AWholeAmountOffAPriceInCents_KeepsThePlacesOfTheRounding(RoundingTarget target, string applied)
    {
        // $1 off a 10.50 item: rounding what is left to pay (10.50 - 1 = 9.50) and taking it from 10.50 gives 1.00; rounding
        // the discount itself gives 1. The amount is written as it is, so its places show. (An amount off each item has a
        // nominal amount of its own, so its sums are made in decimals; a percentage's amount per unit has at least its
        // price's places, so for it the two places agree.)
        var catalog = PromotionCatalog.Create([Promotion.Create("p", "$1 off").Giving(Discount.AmountOffEachItem(new Money(1m, Currency.Usd))).Build()]);
        var cart = new Cart(Currency.Usd, [new CartLine("l1", "s1", new Money(10.50m, Currency.Usd), 1, [])]);
        var options = new EvaluationOptions { RoundingTarget = target };

        var result = AssertSame(catalog, options, cart, [], Now, null);

        Assert.Equal(1, TimesTaken(catalog, options, cart));
        Assert.Equal(applied, result.Applied[0].Amount.Amount.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Evaluate_NoCodeEntered_RedemptionsMadeOnReadAsTheGeneralPathMakesThem()
    {
        // With no code entered the path makes each redemption when first read, from its application: the promotion, the
        // amount (1.50 off 15.00 twice, $2 off 5.00 once), the customer, the instant, no code; one array for every read,
        // and for a copy of the result.
        var catalog = PromotionCatalog.Create([
            Promotion.Create("p1", "10% off shoes").ForItems(ItemFilter.Categories("shoes")).Giving(Discount.PercentOffItems(10m)).Build(),
            Promotion.Create("p2", "$2 off hats").ForItems(ItemFilter.Categories("hats")).Giving(Discount.AmountOffEachItem(new Money(2m, Currency.Usd))).Build(),
        ]);
        var cart = new Cart(Currency.Usd, [
            new CartLine("l1", "s1", new Money(15.00m, Currency.Usd), 2, ["shoes"]),
            new CartLine("l2", "s2", new Money(5.00m, Currency.Usd), 1, ["hats"]),
        ], CustomerProfile.Registered("c-42"));

        var result = AssertSame(catalog, new EvaluationOptions(), cart, [], Now, null);

        Assert.Equal(1, TimesTaken(catalog, new EvaluationOptions(), cart));
        Assert.Equal(
            [("p1", 3.00m, "c-42"), ("p2", 2m, "c-42")],
            result.Redemptions.Select(r => (r.PromotionId.Value, r.Amount.Amount, r.CustomerId)).OrderBy(r => r.Value, StringComparer.Ordinal));
        Assert.All(result.Redemptions, r => Assert.Equal((Now, (string?)null, (string?)null), (r.At, r.Code, r.OrderId)));
        Assert.Equal(result.Applied.Select(a => (a.PromotionId, a.Amount)), result.Redemptions.Select(r => (r.PromotionId, r.Amount)));
        Assert.True(result.Redemptions == result.Redemptions);
        Assert.True(result.Redemptions == (result with { UsedGreedyFallback = true }).Redemptions);
    }

    private static int TimesTaken(PromotionCatalog catalog, EvaluationOptions options, Cart cart)
    {
        var taken = 0;
        _ = new PromotionEvaluator(catalog, options) { IndependentPathTaken = () => taken++ }.Evaluate(cart, [], Now);
        return taken;
    }

    private static EvaluationResult AssertSame(PromotionCatalog catalog, EvaluationOptions options, Cart cart, string[] codes, Instant at, UsageSnapshot? usage)
    {
        var general = new PromotionEvaluator(catalog, options) { GeneralPathOnly = true }.Evaluate(cart, codes, at, usage);
        var result = new PromotionEvaluator(catalog, options).Evaluate(cart, codes, at, usage);

        Assert.Equal(EvaluationJson.Write(general), EvaluationJson.Write(result));
        Assert.Equal(general, result);
        return result;
    }

    /// <summary>Percentages and amounts off each item, each on a category of its own, in lanes of a few priorities, on
    /// carts whose lines mostly hold one category (now and then two, so two promotions want the line), with now and then
    /// a cap, a threshold after higher lanes, or a price a share cannot fit: the cases that take the independent path
    /// and those next to it that must not.</summary>
    private static (PromotionCatalog Catalog, Cart Cart, EvaluationOptions Options) Build(Random random)
    {
        var currency = random.Next(5) switch
        {
            0 => Currency.Jpy,
            1 => Currency.FromCode("BHD"),
            _ => Currency.Usd,
        };
        var perMajor = (int)currency.MinorUnitsPerMajor;
        decimal Price(int most) => Math.Round((decimal)random.Next(0, most * perMajor) / perMajor, currency.MinorUnits);
        var promotions = Enumerable.Range(0, random.Next(0, 6)).Select(k =>
        {
            var builder = Promotion.Create($"p{k}", $"promotion {k}")
                .ForItems(ItemFilter.Categories($"c{k}"))
                .Giving(random.Next(3) == 0
                    ? Discount.AmountOffEachItem(new Money(Math.Max(Price(20), 1m / currency.MinorUnitsPerMajor), currency))
                    : Discount.PercentOffItems(random.Next(10) == 0 ? 100m : random.Next(1, 100) + (random.Next(4) == 0 ? 0.5m : 0m)))
                .WithPriority(random.Next(3));
            if (random.Next(4) == 0)
            {
                builder = builder.WithCode($"CODE{k}");
            }

            if (random.Next(12) == 0)
            {
                builder = builder.WithMaxDiscount(new Money(Math.Max(Price(5), 1m / currency.MinorUnitsPerMajor), currency));
            }

            if (random.Next(12) == 0)
            {
                builder = builder.Require(Restriction.MinimumSubtotal(new Money(Price(50) + (1m / perMajor), currency), ThresholdBasis.AfterHigherLanes));
            }

            return builder.Build();
        }).ToArray();
        var lines = Enumerable.Range(0, random.Next(1, 12)).Select(i =>
        {
            string[] categories = random.Next(8) == 0 ? [$"c{random.Next(6)}", $"c{random.Next(6)}"] : [$"c{random.Next(6)}"];
            var price = random.Next(10) == 0 ? 1m / currency.MinorUnitsPerMajor : Price(random.Next(2) == 0 ? 30 : 3000);
            return new CartLine($"l{random.Next(1000):D3}-{i}", $"s{i}", new Money(price, currency), random.Next(1, 8), categories.Distinct());
        }).ToArray();
        var rounding = (MidpointRounding)random.Next(5);
        var options = new EvaluationOptions
        {
            IncludeUnits = random.Next(2) == 0,
            Rounding = rounding,
            RoundingTarget = random.Next(3) == 0 ? RoundingTarget.Discount : RoundingTarget.AmountToPay,
            Selection = random.Next(4) == 0 ? SelectionPolicy.StrictPriority : SelectionPolicy.BestForShopper,
            MaxCodesPerOrder = random.Next(3),
            HideCodeStatus = random.Next(4) == 0,
        };
        return (PromotionCatalog.Create(promotions), new Cart(currency, lines), options);
    }
}
