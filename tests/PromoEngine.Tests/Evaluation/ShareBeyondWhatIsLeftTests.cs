using System;
using System.Linq;
using Xunit;
using static PromoEngine.Tests.Shop;

namespace PromoEngine.Tests;

/// <summary>A unit's share of a rounded application that is more than what is left of the unit: with compounding on the
/// original price, a member after the first is capped on some units at what they have left and takes a fraction of a cent
/// on others; rounded in the shopper's favour, the cent largest remainder gives a capped unit goes on to the next units
/// that have room, in order, and no unit ever goes below zero.</summary>
public sealed class ShareBeyondWhatIsLeftTests
{
    [Fact]
    public void Evaluate_AmountToPayRoundedDown_TheCentACappedUnitCannotTakeGoesToTheNextUnitWithRoom()
    {
        // 51 % of 0.06: 0.0306 exact, 0.02 left to pay rounded down, so 0.04 off: 0.03 on x0 and 0.01 on the first unit of
        // x1 (largest remainder). Then 30 % of the original prices, capped at what is left: 0.01 on x0 (capped), nothing
        // on x1's first unit, 0.003 on its second. 0.013 exact, nothing left to pay rounded down, so 0.02 off: largest
        // remainder gives x0 1.54 + 1 cents, one more than its 0.01; that cent goes to x1's second unit.
        var result = Stack(RoundingTarget.AmountToPay, MidpointRounding.ToNegativeInfinity, [51, 30], Line("x0", 0.04m), Line("x1", 0.01m, 2));

        Assert.Equal(["a 0.03, b 0.01"], Units(result, "x0"));
        Assert.Equal(["a 0.01", "b 0.01"], Units(result, "x1"));
        Assert.Equal((0.04m, 0.02m, 0m), (result.Applied("a"), result.Applied("b"), result.Total.Amount));
        // b's nominal counts only the units it goes on: 0.012 on x0 and 0.003 on x1's second unit, not the first, which
        // a left at nothing.
        Assert.Equal(D(0.015m), result.Applied.Single(x => x.PromotionId.Value == "b").NominalAmount);
        AssertNoUnitBelowZero(result);
    }

    [Fact]
    public void Evaluate_DiscountRoundedUp_TheCentGoesToTheNextLineWithRoom()
    {
        var result = Stack(RoundingTarget.Discount, MidpointRounding.ToPositiveInfinity, [78, 27], Line("x0", 0.06m), Line("x1", 0.10m), Line("x2", 0.01m, 4));

        Assert.Equal(["a 0.05, b 0.01"], Units(result, "x0"));
        Assert.Equal(["a 0.08, b 0.02"], Units(result, "x1"));
        Assert.Equal(["a 0.01", "a 0.01", "a 0.01", "b 0.01"], Units(result, "x2"));
        Assert.Equal((0.16m, 0.04m), (result.Applied("a"), result.Applied("b")));
        AssertNoUnitBelowZero(result);
    }

    [Theory]
    [InlineData(RoundingTarget.Discount, MidpointRounding.ToPositiveInfinity, 0.23, 62, 44, "a 0.15, b 0.08", 5, 2, 0.20, 0.10)]
    [InlineData(RoundingTarget.AmountToPay, MidpointRounding.ToNegativeInfinity, 0.26, 46, 54, "a 0.12, b 0.14", 4, 3, 0.16, 0.17)]
    public void Evaluate_TheCentLandsInARunOfUnitsWithRoom_OnlyTheFirstOfThemTakesIt(
        RoundingTarget target, MidpointRounding rounding, decimal price, int a, int b, string dear, int byA, int byB, decimal appliedA, decimal appliedB)
    {
        // One dear unit and eight at 0.01: the dear unit is capped by the second member, the last two cheap units left
        // by the first take 0.004 or so each, and largest remainder gives the dear unit a cent it has no room for. Of the
        // two cheap units with room, the first takes it and the second keeps its cent.
        var result = Stack(target, rounding, [a, b], Line("x0", price), Line("x1", 0.01m, 8));

        Assert.Equal([dear], Units(result, "x0"));
        string[] cheap = [.. Enumerable.Repeat("a 0.01", byA), .. Enumerable.Repeat("b 0.01", byB), .. Enumerable.Repeat("", 8 - byA - byB)];
        Assert.Equal(cheap, Units(result, "x1"));
        Assert.Equal((appliedA, appliedB), (result.Applied("a"), result.Applied("b")));
        Assert.Equal(0.01m, result.Line("x1").Units.Sum(u => u.Final.Amount));
        AssertNoUnitBelowZero(result);
    }

    [Fact]
    public void Evaluate_ThreeCentsPastWhatIsLeft_AWholeRunTakesTwoAndOneUnitOfTheNextRunTheThird()
    {
        // a takes 0.99 of each 1.00 unit; b's 5 % of the original 1.00 is capped at the 0.01 left. b comes to 0.051
        // exact, 0.06 rounded up, and largest remainder gives each 1.00 unit two cents (1.176 cents exact): three cents past
        // what they have. The two 0.01 units take one each, all they have; the first 0.02 unit takes the third and the
        // other nineteen keep what they had.
        var result = Narrowed(RoundingTarget.Discount, MidpointRounding.ToPositiveInfinity, (99, "x0"), 5, Line("x0", 1.00m, 3), Line("x1", 0.01m, 2), Line("x2", 0.02m, 20));

        Assert.All(Units(result, "x0"), u => Assert.Equal("a 0.99, b 0.01", u));
        Assert.Equal(["b 0.01", "b 0.01"], Units(result, "x1"));
        Assert.Equal(["b 0.01", .. Enumerable.Repeat("", 19)], Units(result, "x2"));
        Assert.Equal((2.97m, 0.06m, 0.39m), (result.Applied("a"), result.Applied("b"), result.Total.Amount));
        AssertNoUnitBelowZero(result);
    }

    [Fact]
    public void Evaluate_ThreeCentsOnUnitsWithTwoCentsOfRoom_OneUnitTakesTwoTheNextOne()
    {
        // As above without the 0.01 units: the three cents go to 0.02 units, which have two cents of room each; the
        // first takes two (all it has), the second the last cent, the other nineteen nothing.
        var result = Narrowed(RoundingTarget.Discount, MidpointRounding.ToPositiveInfinity, (99, "x0"), 5, Line("x0", 1.00m, 3), Line("x2", 0.02m, 21));

        Assert.All(Units(result, "x0"), u => Assert.Equal("a 0.99, b 0.01", u));
        Assert.Equal(["b 0.02", "b 0.01", .. Enumerable.Repeat("", 19)], Units(result, "x2"));
        Assert.Equal((2.97m, 0.06m, 0.39m), (result.Applied("a"), result.Applied("b"), result.Total.Amount));
        AssertNoUnitBelowZero(result);
    }

    [Fact]
    public void Evaluate_TheCentGoesToARunThatHasSharesAlready_TheOthersOfTheRunKeepTheirShares()
    {
        // a (80 %, the 1.03 item only) leaves 0.20 and 0.21; b's 38 % of 1.03, 0.3914, is capped on both, and with
        // 0.1102 on each 0.29 unit comes to 0.7406 exact, 0.75 with what is left to pay rounded down. Largest remainder asks one 1.03
        // unit a cent more than it has; the first 0.29 unit takes it over its 0.11, the other two keep their 0.11.
        var result = Narrowed(RoundingTarget.AmountToPay, MidpointRounding.ToNegativeInfinity, (80, "x1"), 38, Line("x0", 0.29m, 3), Line("x1", 1.03m, 2));

        Assert.Equal(["b 0.12", "b 0.11", "b 0.11"], Units(result, "x0"));
        Assert.Equal(["a 0.83, b 0.20", "a 0.82, b 0.21"], Units(result, "x1"));
        Assert.Equal((1.65m, 0.75m, 0.53m), (result.Applied("a"), result.Applied("b"), result.Total.Amount));
        AssertNoUnitBelowZero(result);
    }

    [Fact]
    public void Evaluate_TheCentGoesToTheFirstOfTwoUnitsWithARoom_TheOtherUnitsOfTheLineKeepTheirShares()
    {
        // a leaves 0.68 of the 1.84 item; b's 61 % of it is capped there, and with 0.0244 on each 0.04 unit comes to
        // 0.802 exact, 0.81 with what is left to pay rounded down. Largest remainder gives the 1.84 item 0.69 (0.68678
        // exact) and two 0.04 units 0.03, the other three 0.02. The cent the 1.84 item cannot take goes to the first 0.04
        // unit with room: of the two at 0.03, the first takes it and the second keeps its 0.03; the three at 0.02 keep
        // theirs.
        var result = Narrowed(RoundingTarget.AmountToPay, MidpointRounding.ToNegativeInfinity, (63, "x0"), 61, Line("x0", 1.84m), Line("x1", 0.04m, 5));

        Assert.Equal(["a 1.16, b 0.68"], Units(result, "x0"));
        Assert.Equal(["b 0.04", "b 0.03", "b 0.02", "b 0.02", "b 0.02"], Units(result, "x1"));
        Assert.Equal((1.16m, 0.81m, 0.07m), (result.Applied("a"), result.Applied("b"), result.Total.Amount));
        AssertNoUnitBelowZero(result);
    }

    [Fact]
    public void Evaluate_TheCentGoesToAUnitAheadOfOthersOfItsLine_OnlyThatUnitTakesIt()
    {
        // a leaves 0.41 of the 0.92 item; b's 51 % of it is capped there, and with 0.0357 on each 0.07 unit comes to
        // 0.4814 exact, 0.49 rounded up. Largest remainder gives the 0.92 item 0.42 and the first 0.07 unit 0.04, the
        // second 0.03; the cent the 0.92 item cannot take goes to the first 0.07 unit, the second keeps its 0.03.
        var result = Narrowed(RoundingTarget.Discount, MidpointRounding.ToPositiveInfinity, (55, "x0"), 51, Line("x0", 0.92m), Line("x1", 0.07m, 2));

        Assert.Equal(["a 0.51, b 0.41"], Units(result, "x0"));
        Assert.Equal(["b 0.05", "b 0.03"], Units(result, "x1"));
        Assert.Equal((0.51m, 0.49m, 0.06m), (result.Applied("a"), result.Applied("b"), result.Total.Amount));
        AssertNoUnitBelowZero(result);
    }

    private static string[] Units(EvaluationResult result, string line) =>
        [.. result.Line(line).Units.Select(u => string.Join(", ", u.Adjustments.Select(x => $"{x.PromotionId.Value} {x.Amount.Amount:0.00}")))];

    private static void AssertNoUnitBelowZero(EvaluationResult result)
    {
        foreach (var line in result.Lines)
        {
            Assert.All(line.Units, u => Assert.True(u.Final.Amount >= 0m, $"{line.LineId} unit {u.Index}: {u.Final}"));
            Assert.Equal(line.Discount.Amount, line.Units.Sum(u => u.Adjustments.Sum(x => x.Amount.Amount)));
        }
    }

    [Fact]
    public void Evaluate_ThreeMembersOnManyCheapUnits_TheCentGoesToTheFirstUnitOfARunThatHasAShareAlready()
    {
        // The third member (68 %) is capped on the 0.25 items, whose largest remainder asks a cent more than they have
        // left; the cheap 0.03 items it takes 0.02 each from all have a cent of room: the first of them takes the cent,
        // the other four keep theirs.
        var result = Stack(RoundingTarget.Discount, MidpointRounding.ToPositiveInfinity, [23, 16, 68], Line("x0", 0.03m, 7), Line("x1", 0.25m, 4), Line("x2", 0.16m, 8));

        Assert.Equal(["p0 0.01, p2 0.02", "p0 0.01, p2 0.02", "p2 0.03", "p2 0.02", "p2 0.02", "p2 0.02", "p2 0.02"], Units(result, "x0"));
        Assert.All(Units(result, "x1"), u => Assert.Equal("p0 0.06, p1 0.04, p2 0.15", u));
        Assert.All(Units(result, "x2"), u => Assert.Equal("p0 0.04, p1 0.03, p2 0.09", u));
        Assert.Equal((0.58m, 0.40m, 1.47m, 0.04m), (result.Applied("p0"), result.Applied("p1"), result.Applied("p2"), result.Total.Amount));
        AssertNoUnitBelowZero(result);
    }

    [Fact]
    public void Evaluate_TwoUnitsOverWhatTheyHaveLeft_BothCentsGoOnToTheNextUnitsWithRoom()
    {
        // Both 0.26 units are asked 0.10 by the third member with 0.09 left: two cents go on to the cheap units, the
        // first two of the three with a cent of room.
        var result = Stack(RoundingTarget.Discount, MidpointRounding.ToPositiveInfinity, [22, 40, 38], Line("x0", 0.01m, 4), Line("x1", 0.26m, 2));

        Assert.Equal(["p0 0.01", "p2 0.01", "p2 0.01", ""], Units(result, "x0"));
        Assert.Equal(["p0 0.06, p1 0.11, p2 0.09", "p0 0.06, p1 0.11, p2 0.09"], Units(result, "x1"));
        Assert.Equal((0.13m, 0.22m, 0.20m, 0.01m), (result.Applied("p0"), result.Applied("p1"), result.Applied("p2"), result.Total.Amount));
        AssertNoUnitBelowZero(result);
    }

    [Fact]
    public void Evaluate_TheCentGoesToAUnitThatHasAShareAlready_ItTakesAllItsRoom()
    {
        // The second member is asked 0.14 on the 0.24 item with 0.13 left; the cent goes to the second 0.06 unit, whose
        // 0.03 share then takes all it has left. The third member finds nothing left.
        var result = Stack(RoundingTarget.AmountToPay, MidpointRounding.ToNegativeInfinity, [44, 55, 83], Line("x0", 0.06m, 2), Line("x1", 0.24m));

        Assert.Equal(["p0 0.03, p1 0.03", "p0 0.02, p1 0.04"], Units(result, "x0"));
        Assert.Equal(["p0 0.11, p1 0.13"], Units(result, "x1"));
        Assert.Equal((0.16m, 0.20m, 0m), (result.Applied("p0"), result.Applied("p1"), result.Total.Amount));
        Assert.Equal(RejectionReason.NothingToDiscount, result.Rejection("p2").Reason);
        AssertNoUnitBelowZero(result);
    }

    /// <summary>Promotions of these percentages, compounding with all on the original price, named a, b (two) or p0, p1,
    /// p2 (three), evaluated with units under this rounding.</summary>
    private static EvaluationResult Stack(RoundingTarget target, MidpointRounding rounding, int[] percents, params CartLine[] lines)
    {
        var options = new EvaluationOptions { Compounding = CompoundingMode.OnOriginalPrice, RoundingTarget = target, Rounding = rounding, IncludeUnits = true };
        var promotions = percents.Select((p, i) => Promo(percents.Length == 2 ? ((char)('a' + i)).ToString() : $"p{i}", Discount.PercentOffItems(p)).CompoundWithAll().Build());
        return new PromotionEvaluator(PromotionCatalog.Create(promotions), options).Evaluate(Cart(lines), [], Now);
    }
    /// <summary>Two promotions compounding on the original price: a (this percentage, on these SKUs only, given as
    /// "x0+x1") and b (this percentage, on every item), evaluated with units under this rounding.</summary>
    private static EvaluationResult Narrowed(RoundingTarget target, MidpointRounding rounding, (int Percent, string Skus) a, int b, params CartLine[] lines)
    {
        var options = new EvaluationOptions { Compounding = CompoundingMode.OnOriginalPrice, RoundingTarget = target, Rounding = rounding, IncludeUnits = true };
        Promotion[] promotions =
        [
            Promo("a", Discount.PercentOffItems(a.Percent)).ForItems(ItemFilter.Skus(a.Skus.Split('+'))).CompoundWithAll().Build(),
            Promo("b", Discount.PercentOffItems(b)).CompoundWithAll().Build(),
        ];
        return new PromotionEvaluator(PromotionCatalog.Create(promotions), options).Evaluate(Cart(lines), [], Now);
    }
}
