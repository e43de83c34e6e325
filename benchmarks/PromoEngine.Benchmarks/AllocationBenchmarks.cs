using System.Collections.Immutable;
using BenchmarkDotNet.Attributes;

namespace PromoEngine.Benchmarks;

/// <summary>
/// Splitting a discount over lines: equal parts (the baseline), by weights into a new array, and by weights into
/// a caller's buffer (the evaluator's path).
/// </summary>
[MemoryDiagnoser]
public class AllocationBenchmarks
{
    private readonly Money _amount = new(1234.57m, Currency.Usd);
    private decimal[] _weights = [];
    private Money[] _buffer = [];

    [Params(1, 10, 1_000)]
    public int Parts { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        // Prices as a real cart has them: different, with cents, so most parts leave a remainder.
        _weights = new decimal[Parts];
        for (var i = 0; i < Parts; i++)
        {
            _weights[i] = 3.99m + (i * 7.13m % 250m);
        }

        _buffer = new Money[Parts];
    }

    [Benchmark(Baseline = true)]
    public void SplitEqualIntoBuffer() => _amount.Split(_buffer);

    [Benchmark]
    public void AllocateByWeightsIntoBuffer() => _amount.Allocate(_weights, _buffer);

    [Benchmark]
    public ImmutableArray<Money> AllocateByWeights() => _amount.Allocate(_weights);
}
