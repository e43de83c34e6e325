using System;
using System.Collections.Generic;
using System.Linq;
using FsCheck;
using FsCheck.Xunit;
using NodaTime;
using PromoEngine.Internal;
using PromoEngine.Tests.Reference;
using Xunit;

namespace PromoEngine.Tests;

/// <summary><c>LeaveOut.Suspects</c> against its first reading (<see cref="ReferenceSuspects"/>): the same suspects in
/// the same order, on random combinations of promotions of every kind its rules tell apart (moving value or not,
/// treating all items alike or not, capped, with get items, with a shipping part, measuring after higher lanes,
/// shipping), in up to four lanes, on carts of up to 200 lines (sets of lines of one word and of several), with random
/// lines and a random part of them applied.</summary>
public sealed class LeaveOutProperties
{
    private static readonly Money Five = new(5m, Currency.Usd);

    [Property(MaxTest = 10_000)]
    public void Suspects_AnyCombination_SameAsTheFirstReading(PositiveInt seed)
    {
        var random = new Random(seed.Get);
        var lineCount = random.Next(4) switch
        {
            0 => random.Next(0, 6),
            1 => random.Next(60, 70), // around one word
            2 => random.Next(120, 200), // two words or more
            _ => random.Next(6, 30),
        };

        // Lines drawn mostly from a few, so that promotions share them (rivals, movers, the lines a threshold measures),
        // with lines 64 apart (the same bit of different words).
        var shared = Enumerable.Range(0, 3).Select(_ => random.Next(Math.Max(lineCount, 1)))
            .SelectMany(line => new[] { line, line + 64, line - 64 }.Where(l => l >= 0 && l < lineCount))
            .ToArray();
        int[] SomeLines() => lineCount == 0 ? [] : [.. Enumerable.Range(0, random.Next(0, 5))
            .Select(_ => random.Next(10) < 7 ? shared[random.Next(shared.Length)] : random.Next(lineCount))
            .Distinct()];

        var linesOfFilter = new Dictionary<ItemFilter, int[]>(ReferenceEqualityComparer.Instance) { [ItemFilter.All] = SomeLines() };
        var measuredOf = new Dictionary<Promotion, int[]>();
        // Few promotions as often as many: many share every line, and a rule then finds what another found already.
        var lanes = random.Next(1, 5);
        var scenario = Enumerable.Range(0, random.Next(2) == 0 ? random.Next(0, 8) : random.Next(8, 25)).Select(k =>
        {
            var items = random.Next(4) == 0 ? ItemFilter.All : ItemFilter.Skus($"s{k}");
            // Discounts that move no value as often as the others: only they leave the rivalry rule something to find.
            var (discount, forItems) = random.Next(16) switch
            {
                < 3 => (Discount.PercentOffItems(10), true),
                3 => (Discount.FixedPrice(2, new Money(10m, Currency.Usd)), true),
                4 => (Discount.BuyXGetY(1, 1, getItems: ItemFilter.Skus($"g{k}")), true),
                5 => (Discount.AmountOffEachItem(Five), true),
                6 => (Discount.PercentOffItems(10).AndShipping(Discount.ShippingAmountOff(Five)), true),
                < 10 => (Discount.PercentOffOrder(10), true),
                10 => (Discount.AmountOffOrder(Five), true),
                11 => (Discount.AmountOffOrderAndShipping(Five), true),
                12 => (Discount.Tiered(TierBasis.Subtotal, Tier.AmountOffFrom(10, Five)), true),
                13 => (Discount.GiftWithPurchase($"gift{k}"), true),
                14 => (Discount.ShippingAmountOff(Five), false),
                _ => (Discount.FreeShipping, false),
            };
            var builder = Promotion.Create($"p{random.Next(100)}-{k}", $"P{k}").Giving(discount).WithPriority(random.Next(lanes));
            if (forItems)
            {
                builder = builder.ForItems(items);
            }

            if (forItems && random.Next(6) == 0)
            {
                builder = builder.WithMaxDiscount(new Money(20m, Currency.Usd));
            }

            var measures = random.Next(4) == 0;
            if (measures)
            {
                builder = builder.Require(Restriction.MinimumSubtotal(new Money(10m, Currency.Usd), ThresholdBasis.AfterHigherLanes));
            }

            var promotion = builder.Build();
            foreach (var filter in new[] { promotion.QualifyingItems, promotion.Discount.GetItems })
            {
                if (filter is not null && !linesOfFilter.ContainsKey(filter))
                {
                    linesOfFilter[filter] = SomeLines();
                }
            }

            measuredOf[promotion] = measures ? SomeLines() : [];
            return promotion;
        }).ToList();

        var applied = scenario.Where(_ => random.Next(10) < 6).OrderBy(_ => random.Next()).ToList();

        AssertSameAsTheFirstReading(scenario, applied, linesOfFilter, lineCount, p => measuredOf[p]);
    }

    [Fact]
    public void Suspects_PromotionsOnTheSameBitOfTwoWords_AreNotRivals()
    {
        // Lines 2 and 66 are bit 2 of the first and of the second word: the two percentages of the upper lane share no
        // line, so neither is the other's rival, though 10 % off line 66 follows.
        var upperOn66 = Percentage("upper-66", "a", priority: 1);
        var upperOn2 = Percentage("upper-2", "b", priority: 1);
        var lowerOn66 = Percentage("lower-66", "c", priority: 0);
        var lines = new Dictionary<ItemFilter, int[]>(ReferenceEqualityComparer.Instance)
        {
            [upperOn66.QualifyingItems] = [66],
            [upperOn2.QualifyingItems] = [2],
            [lowerOn66.QualifyingItems] = [66],
        };
        List<Promotion> scenario = [upperOn66, upperOn2, lowerOn66];

        var suspects = AssertSameAsTheFirstReading(scenario, scenario, lines, 70, _ => []);

        Assert.Empty(suspects);
    }

    [Fact]
    public void Suspects_RivalsOnALineOfTheSecondWord_AreSuspects()
    {
        // Two percentages of the upper lane share line 66 (the second word of bits), and 10 % off line 66 follows: each
        // is the other's rival, and their group has a line the lower lane treats unlike the others.
        var upperA = Percentage("upper-a", "a", priority: 1);
        var upperB = Percentage("upper-b", "b", priority: 1);
        var lower = Percentage("lower", "c", priority: 0);
        var lines = new Dictionary<ItemFilter, int[]>(ReferenceEqualityComparer.Instance)
        {
            [upperA.QualifyingItems] = [66],
            [upperB.QualifyingItems] = [66],
            [lower.QualifyingItems] = [66],
        };
        List<Promotion> scenario = [lower, upperB, upperA];

        var suspects = AssertSameAsTheFirstReading(scenario, scenario, lines, 70, _ => []);

        Assert.Equal(["upper-a", "upper-b"], suspects.Select(p => p.Id.Value));
    }

    [Fact]
    public void Suspects_AMoverTwoStagesLater_MakesAnEarlierPromotionOnItsLineSuspect()
    {
        // The upper lane's percentage, then (the upper lane's order stage holding nothing) a set price on the same line
        // in the lower lane, followed by an order percentage on that line: the set price moves value onto a line the
        // order percentage treats unlike the others, so the upper percentage, which changes the price it spreads, is
        // a suspect too, though the stage right after it holds no mover.
        var upper = Percentage("upper", "a", priority: 1);
        var setPrice = Promotion.Create("lower-set-price", "Set").ForItems(ItemFilter.Skus("b")).Giving(Discount.FixedPrice(2, new Money(10m, Currency.Usd))).Build();
        var orderPercentage = Promotion.Create("lower-order", "Order").ForItems(ItemFilter.Skus("c")).Giving(Discount.PercentOffOrder(10)).Build();
        var lines = new Dictionary<ItemFilter, int[]>(ReferenceEqualityComparer.Instance)
        {
            [upper.QualifyingItems] = [1],
            [setPrice.QualifyingItems] = [1],
            [orderPercentage.QualifyingItems] = [1],
        };
        List<Promotion> scenario = [upper, setPrice, orderPercentage];

        var suspects = AssertSameAsTheFirstReading(scenario, scenario, lines, 3, _ => []);

        Assert.Equal(["upper", "lower-set-price"], suspects.Select(p => p.Id.Value));
    }

    private static Promotion Percentage(string id, string sku, int priority) =>
        Promotion.Create(id, id).ForItems(ItemFilter.Skus(sku)).Giving(Discount.PercentOffItems(10)).WithPriority(priority).Build();

    /// <summary>Asserts that <c>LeaveOut.Suspects</c> finds what <see cref="ReferenceSuspects"/> finds, in the same
    /// order, and returns it.</summary>
    private static List<Promotion> AssertSameAsTheFirstReading(
        List<Promotion> scenario, List<Promotion> applied, Dictionary<ItemFilter, int[]> linesOfFilter, int lineCount, Func<Promotion, int[]> measuredLinesOf)
    {
        var zero = new Money(0m, Currency.Usd);
        var result = new EvaluationResult(
            Instant.FromUtc(2026, 11, 27, 18, 0),
            new LineResults([]),
            zero,
            zero,
            zero,
            zero,
            zero,
            [.. applied.Select(p => new AppliedPromotion(p.Id, p.Name, null, p.Discount.Class, Five, Five, ClampedBy.None))],
            [],
            [],
            [],
            false,
            CodeAttempts.None);
        int[] MatchingLines(ItemFilter filter) => linesOfFilter[filter];
        int[] LinesOf(Promotion p) => p.Discount.GetItems is { } getItems ? [.. MatchingLines(p.QualifyingItems).Union(MatchingLines(getItems))] : MatchingLines(p.QualifyingItems);

        var expected = ReferenceSuspects.Of(scenario, result, LinesOf, lineCount, measuredLinesOf);
        var suspects = LeaveOut.Suspects(scenario, result, MatchingLines, lineCount, measuredLinesOf);

        Assert.Equal(expected.Select(p => p.Id.Value), suspects.Select(p => p.Id.Value));
        return suspects;
    }
}
