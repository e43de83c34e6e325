using System.Collections.Immutable;
using BenchmarkDotNet.Attributes;

namespace PromoEngine.Benchmarks;

/// <summary>Claim codes: generating a batch of 100,000 (with and without a check character), and normalizing typed
/// codes.</summary>
[MemoryDiagnoser]
public class CodeBenchmarks
{
    private static readonly ClaimCodeFormat Plain = new(length: 10, checkCharacter: false);
    private static readonly ClaimCodeFormat Checked = new(length: 10, prefix: "GIFT");

    [Benchmark(Baseline = true)]
    public ImmutableArray<string> Generate100kPlain() => ClaimCodeGenerator.Generate(Plain, 100_000);

    [Benchmark]
    public ImmutableArray<string> Generate100kWithCheckCharacter() => ClaimCodeGenerator.Generate(Checked, 100_000);
}

/// <summary>Normalizing a code as typed (spaces, hyphens, lower case) and one already clean; checking its format.</summary>
[MemoryDiagnoser]
public class NormalizationBenchmarks
{
    private static readonly ClaimCodeFormat Format = new(length: 10, prefix: "GIFT");
    private readonly string _typed = " gift-7kq2-mx4p-r8 ";
    private readonly string _clean = "GIFT7KQ2MX4PR8";

    [Benchmark(Baseline = true)]
    public string NormalizeClean() => PromotionCode.Normalize(_clean);

    [Benchmark]
    public string NormalizeTyped() => PromotionCode.Normalize(_typed);

    [Benchmark]
    public ClaimCodeCheck CheckFormat() => Format.Check(_typed);
}
