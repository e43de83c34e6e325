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

/// <summary>A code as a shopper may type it, and the form the catalog holds it in.</summary>
public sealed record CodeSpelling(string Canonical, string Typed)
{
    public override string ToString() => $"{Canonical} typed as \"{Typed}\" ({string.Join(" ", Typed.EnumerateRunes().Select(r => $"U+{r.Value:X4}"))})";
}

/// <summary>The domain generators for FsCheck properties, in one place.</summary>
public static class Arbitraries
{
    /// <summary>Codes of <see cref="SpellingCatalog"/>: a plain shared code, a shared code that folds look-alikes,
    /// and a claim code of the default format with folding.</summary>
    public const string PlainCode = "SUMMER25";

    public const string FoldingCode = "SAVE20";

    public static readonly ClaimCodeFormat FoldingFormat = new(foldLookAlikes: true);

    /// <summary>A valid claim code of <see cref="FoldingFormat"/>, the same on every run (the check character found
    /// by trying each).</summary>
    public static readonly string ClaimCode = FoldingFormat.Alphabet
        .Select(c => "7KQ2MX5P8" + c)
        .Single(code => FoldingFormat.Check(code) == ClaimCodeCheck.Valid);

    public static PromotionCatalog SpellingCatalog() => PromotionCatalog.Create(
    [
        Promotion.Create("plain", "plain").WithCode(PlainCode).WithLimits(new UsageLimits(perCode: 100)).Giving(Discount.PercentOffItems(10)).Build(),
        Promotion.Create("folding", "folding").WithCode(FoldingCode, foldLookAlikes: true).WithLimits(new UsageLimits(perCode: 100)).Giving(Discount.PercentOffItems(20)).Build(),
        Promotion.Create("claim", "claim").WithClaimCodes([ClaimCode], FoldingFormat).Giving(Discount.AmountOffOrder(new Money(5m, Currency.Usd))).Build(),
    ]);

    /// <summary>Every separator the normalization drops, and white space of several kinds.</summary>
    private static readonly string[] Separators =
        [" ", "-", "\u2010", "\u2011", "\u2012", "\u2013", "\u2014", "\u2015", "\u2212", "_", ".", "/", "\t", "\u00A0", "\u3000", "\uFF0D", "\uFF3F", "\uFF0E", "\uFF0F"];

    /// <summary>The look-alike sets: any member may be typed for any other where folding is on.</summary>
    private static readonly string[] LookAlikes = ["0OQ", "1IL", "2Z", "5S", "8B"];

    /// <summary>One character as it may be typed: any case, full width, mathematical bold, and (when folding) any
    /// look-alike of it.</summary>
    private static Gen<string> CharacterGen(char c, bool fold) =>
        from alike in fold && LookAlikes.FirstOrDefault(set => set.Contains(c, System.StringComparison.Ordinal)) is { } set
            ? Gen.Elements(set.ToCharArray())
            : Gen.Constant(c)
        from form in Gen.Choose(0, 4)
        select form switch
        {
            1 => char.ToLowerInvariant(alike).ToString(),
            2 => ((char)(alike + 0xFEE0)).ToString(), // full width
            3 when char.IsAsciiLetterUpper(alike) => char.ConvertFromUtf32(0x1D400 + (alike - 'A')), // mathematical bold
            3 when char.IsAsciiDigit(alike) => char.ConvertFromUtf32(0x1D7CE + (alike - '0')),
            _ => alike.ToString(),
        };

    public static Arbitrary<CodeSpelling> CodeSpellingArb() =>
        (from kind in Gen.Choose(0, 2)
         let canonical = kind switch { 0 => PlainCode, 1 => FoldingCode, _ => ClaimCode }
         from characters in Gen.CollectToArray(canonical, c => CharacterGen(c, fold: kind > 0))
         from gaps in Gen.ArrayOf(Gen.Frequency((3, Gen.Constant(string.Empty)), (2, Gen.Elements(Separators))), canonical.Length + 1)
         select new CodeSpelling(canonical, string.Concat(gaps.Zip(characters.Append(string.Empty), (gap, c) => gap + c))))
        .ToArbitrary();

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
