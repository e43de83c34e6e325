using System.Linq;
using FsCheck;
using FsCheck.Fluent;

namespace PromoEngine.Tests;

/// <summary>An amount to allocate and the weights to allocate it by (at least one positive).</summary>
public sealed record AllocationCase(Money Amount, decimal[] Weights)
{
    public override string ToString() => $"{Amount} over [{string.Join(", ", Weights)}]";
}

/// <summary>Two amounts in different currencies.</summary>
public sealed record MismatchedPair(Money Left, Money Right);

/// <summary>The domain generators for FsCheck properties, in one place.</summary>
public static class Arbitraries
{
    /// <summary>Currencies with 0, 2, 3 and 4 minor units, and a custom one with 8.</summary>
    public static readonly Currency[] SampleCurrencies =
    [
        Currency.Usd, Currency.Jpy, Currency.FromCode("BHD"), Currency.FromCode("CLF"), Currency.Eur,
        Currency.Custom("PTS", 8),
    ];

    public static Gen<Currency> CurrencyGen => Gen.Elements(SampleCurrencies);

    /// <summary>A non-negative amount rounded to its currency's minor unit: small ones often, huge ones sometimes.</summary>
    public static Gen<Money> RoundedAmountGen =>
        from currency in CurrencyGen
        from minor in Gen.Frequency(
            (5, Gen.Choose(0, 1000).Select(i => (long)i)),
            (3, Gen.Choose(0, int.MaxValue).Select(i => (long)i)),
            (1, Gen.Choose(0, int.MaxValue).Select(i => (long)i * 1_000_003L)))
        select Money.FromMinorUnits(minor, currency);

    /// <summary>A weight as a price would be: zero sometimes, cents, or large amounts with few decimals.</summary>
    public static Gen<decimal> WeightGen =>
        Gen.Frequency(
            (1, Gen.Constant(0m)),
            (6, Gen.Choose(1, 100_000).Select(i => i / 100m)),
            (2, Gen.Choose(1, 9).Select(i => (decimal)i)),
            (1, Gen.Choose(1, int.MaxValue).Select(i => i * 1_000m)));

    public static Arbitrary<AllocationCase> AllocationCaseArb() =>
        (from amount in RoundedAmountGen
         from count in Gen.Frequency((8, Gen.Choose(1, 12)), (1, Gen.Choose(13, 300)))
         from weights in Gen.ArrayOf(WeightGen, count)
         from positive in WeightGen.Where(w => w > 0m)
         from index in Gen.Choose(0, count - 1)
         select new AllocationCase(amount, WithPositive(weights, index, positive)))
        .ToArbitrary();

    public static Arbitrary<Money> MoneyArb() =>
        (from currency in CurrencyGen
         from units in Gen.Choose(-1_000_000, 1_000_000)
         from scale in Gen.Choose(0, 6)
         select new Money(units / Pow10(scale), currency))
        .ToArbitrary();

    public static Arbitrary<MismatchedPair> MismatchedPairArb() =>
        (from left in MoneyArb().Generator
         from right in MoneyArb().Generator.Where(m => m.Currency != left.Currency)
         select new MismatchedPair(left, right))
        .ToArbitrary();

    private static decimal[] WithPositive(decimal[] weights, int index, decimal positive)
    {
        var copy = weights.ToArray();
        if (copy.All(w => w == 0m))
        {
            copy[index] = positive;
        }

        return copy;
    }

    private static decimal Pow10(int scale)
    {
        var result = 1m;
        for (var i = 0; i < scale; i++)
        {
            result *= 10m;
        }

        return result;
    }
}
