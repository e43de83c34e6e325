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
}
