using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using PromoEngine.Internal;
using Xunit;

namespace PromoEngine.Tests;

/// <summary>Allocation over runs of alike units is allocation over the units one by one, without a slot for each.</summary>
public sealed class AllocationOverRunsProperties
{
    private static Arbitrary<(int Cents, (int Count, decimal Weight)[] Runs)> Cases() =>
        (from cents in Gen.Choose(1, 100_000)
         from n in Gen.Choose(1, 6)
         from runs in Gen.ArrayOf(
             from count in Gen.Choose(1, 7)
             from weight in Gen.OneOf(
                 Gen.Choose(0, 5_000).Select(c => c / 100m),
                 Gen.Choose(1, 999).Select(c => c / 3m),
                 Gen.Elements(1m, 1m, 2m))
             select (count, weight), n)
         where runs.Sum(r => r.weight * r.count) > 0m
         select (cents, runs)).ToArbitrary();

    [Property(MaxTest = 1000)]
    public Property OverRuns_GivesEachUnitWhatMoneyAllocateGivesIt() => Prop.ForAll(Cases(), c =>
    {
        // The evaluator quantizes weights before it allocates over runs (Allocation.Quantized), so that a run's weight
        // times its count adds up exactly as its units one by one do; the weights of a third (c / 3) have 28 digits, and
        // unquantized, the last digit of the two sums differed and chose another unit for a leftover cent.
        var amount = Money.FromMinorUnits(c.Cents, Currency.Usd);
        var quantized = Allocation.Quantized(c.Runs);
        var perUnit = quantized.SelectMany(r => Enumerable.Repeat(r.Weight, r.Count)).ToArray();
        var expected = amount.Allocate(perUnit).Select(m => m.Amount).ToArray();

        var runs = Allocation.OverRuns(amount, quantized);

        // Each run's entries are the next units of its part, in order.
        var actual = runs.SelectMany(r => Enumerable.Repeat(r.Share, r.Count)).ToArray();
        Assert.Equal(expected, actual);
        Assert.Equal(c.Runs.Select(r => r.Count), runs.GroupBy(r => r.Part).Select(g => g.Sum(r => r.Count)));
    });

    [Property(MaxTest = 2000)]
    public Property OverRunsInIntegers_IsBitForBitOverRunsInDecimals() => Prop.ForAll(Cases(), Gen.Elements(0, 2, 3, 18).ToArbitrary(), (c, minorUnits) =>
    {
        // The integer path must give the very shares, scale included (a share's scale shows in what is written), and
        // take the usual cases: quantized weights of a few places, whole minor units.
        var currency = minorUnits == 2 ? Currency.Usd : Currency.Custom(minorUnits switch { 0 => "QQZ", 3 => "QQT", _ => "QQE" }, minorUnits);
        var amount = new Money(c.Cents / currency.MinorUnitsPerMajor, currency);
        var quantized = Allocation.Quantized(c.Runs);

        AssertIntegersAsDecimals(amount, quantized);
    });

    [Property(MaxTest = 2000)]
    public Property OverRunsInIntegers_OneRun_IsBitForBitOverRunsInDecimals() => Prop.ForAll(
        (from cents in Gen.Choose(0, 100_000)
         from count in Gen.Choose(1, 40)
         from weight in Gen.OneOf(Gen.Choose(1, 5_000).Select(c => c / 100m), Gen.Choose(1, 999).Select(c => c / 3m), Gen.Elements(1m, 1.000m))
         select (cents, count, weight)).ToArbitrary(),
        Gen.Elements(0, 2, 3, 18).ToArbitrary(),
        (c, minorUnits) =>
        {
            var (cents, count, weight) = c;
            // One run (an item's units at one price), the split an order discount makes for each item: any amount (none,
            // fewer minor units than units, an even or uneven split), any weight (quantized, as the evaluator has them).
            var currency = minorUnits == 2 ? Currency.Usd : Currency.Custom(minorUnits switch { 0 => "QQZ", 3 => "QQT", _ => "QQE" }, minorUnits);
            var amount = new Money(cents / currency.MinorUnitsPerMajor, currency);

            AssertIntegersAsDecimals(amount, Allocation.Quantized([(count, weight)]));
        });

    [Property(MaxTest = 2000)]
    public Property SpreadInIntegers_IsBitForBitMoneyAllocate() => Prop.ForAll(
        (from cents in Gen.Choose(0, 1_000_000)
         from weights in Gen.ArrayOf(Gen.OneOf(
             Gen.Choose(0, 500_000).Select(c => c / 100m),
             Gen.Choose(0, 999).Select(c => c / 7m),
             Gen.Choose(0, 9_999).Select(c => c / 10_000m),
             Gen.Elements(0m, 1m, 2.50m, 2.5m, 1.000m)))
         where weights.Length > 0 && weights.Sum() > 0m
         select (cents, weights)).ToArbitrary(),
        Gen.Elements(0, 2, 3).ToArbitrary(),
        (c, minorUnits) =>
        {
            // An order discount over what is left of its items: the parts, scale included, as the decimal split gives
            // them, or none (the decimals decide) when the numbers do not fit.
            var currency = minorUnits == 2 ? Currency.Usd : Currency.Custom(minorUnits == 0 ? "QQZ" : "QQT", minorUnits);
            var amount = new Money(c.cents / currency.MinorUnitsPerMajor, currency);

            var integers = Allocation.SpreadInIntegers(amount, c.weights);

            var expected = amount.Allocate(c.weights).Select(m => string.Join(",", decimal.GetBits(m.Amount)));
            return integers is null
                ? c.weights.Length > Allocation.MaxIntegerRuns || c.weights.Any(w => w.Scale > 18)
                : integers.Value.Select(m => string.Join(",", decimal.GetBits(m.Amount))).SequenceEqual(expected)
                    && integers.Value.All(m => m.Currency == currency);
        });

    [Fact]
    public void OverRunsInIntegers_OneRunThatWeighsNothing_LeftToTheDecimals()
    {
        Assert.Null(Allocation.OverRunsInIntegers(Money.FromMinorUnits(5, Currency.Usd), [(3, 0m)]));
    }

    [Property(MaxTest = 1000)]
    public Property OverRunsInIntegers_WholeWeightsThatSumToTheAmount_IsBitForBitOverRunsInDecimals() =>
        Prop.ForAll(WholeCases(), Gen.Elements(0, 2, 3).ToArbitrary(), (runs, minorUnits) =>
        {
            // The shortcut's case (nothing was rounded: each unit takes its weight), with a weight of zero now and then,
            // at the fewest places and padded with zeros.
            var currency = minorUnits == 2 ? Currency.Usd : Currency.Custom(minorUnits == 0 ? "QQZ" : "QQT", minorUnits);
            var weighted = runs.Select(r => (r.Count, Weight: r.Padded ? r.Units / currency.MinorUnitsPerMajor + 0.000m : r.Units / currency.MinorUnitsPerMajor)).ToArray();
            var amount = new Money(weighted.Sum(r => r.Weight * r.Count), currency);

            AssertIntegersAsDecimals(amount, weighted);
        });

    /// <summary>The integer split gives the decimal split's very shares, scale included (a share's scale shows in what
    /// is written); so does it without first trying weights that add up to the amount, and into a list used before.</summary>
    private static void AssertIntegersAsDecimals(Money amount, (int Count, decimal Weight)[] runs)
    {
        var integers = Allocation.OverRunsInIntegers(amount, runs);
        var decimals = Allocation.OverRunsInDecimals(amount, runs);
        var used = new System.Collections.Generic.List<Allocation.Run> { new(5, 1.5m, 2) };
        var untried = Allocation.OverRunsInIntegers(amount, runs, used, tryWhole: false);

        Assert.NotNull(integers);
        Assert.Same(used, untried);
        var expected = decimals.Select(r => (r.Part, r.Count, string.Join(",", decimal.GetBits(r.Share)))).ToList();
        Assert.Equal(expected, integers.Select(r => (r.Part, r.Count, string.Join(",", decimal.GetBits(r.Share)))));
        Assert.Equal(expected, untried!.Select(r => (r.Part, r.Count, string.Join(",", decimal.GetBits(r.Share)))));
    }

    private static Arbitrary<(int Count, decimal Units, bool Padded)[]> WholeCases() =>
        (from n in Gen.Choose(1, 6)
         from runs in Gen.ArrayOf(
             from count in Gen.Choose(1, 7)
             from units in Gen.Frequency((1, Gen.Constant(0)), (6, Gen.Choose(1, 50_000)))
             from padded in Gen.Elements(false, true)
             select (count, (decimal)units, padded), n)
         where runs.Any(r => r.Item2 > 0)
         select runs).ToArbitrary();

    [Fact]
    public void OverRunsInIntegers_TheLargestAmount_AsDecimals()
    {
        // Its products pass 64 bits: they are taken in 128.
        var amount = new Money(Currency.Usd.MaxAmount, Currency.Usd);
        (int, decimal)[] runs = [(1, 0.333333333333m), (2, 1m)];

        Assert.Equal(
            Allocation.OverRunsInDecimals(amount, runs).Select(r => (r.Part, r.Count, string.Join(",", decimal.GetBits(r.Share)))),
            Allocation.OverRunsInIntegers(amount, runs)!.Select(r => (r.Part, r.Count, string.Join(",", decimal.GetBits(r.Share)))));
    }

    [Fact]
    public void OverRunsInIntegers_WeightsTooLargeOrNone_LeavesItToDecimals()
    {
        Assert.Null(Allocation.OverRunsInIntegers(new Money(10m, Currency.Usd), [(1, 79228162514264337593543950335m)]));
        Assert.Null(Allocation.OverRunsInIntegers(new Money(10m, Currency.Usd), [(1, 0m)]));
    }
}
