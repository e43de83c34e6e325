using System;
using System.Collections.Generic;

namespace PromoEngine.Internal;

/// <summary>Largest-remainder allocation over runs of units that weigh alike, without one slot per unit.</summary>
internal static class Allocation
{
    /// <summary>Units <see cref="Count"/> of run <see cref="Part"/> (the next ones of it) each get <see cref="Share"/>.</summary>
    public readonly record struct Run(int Part, decimal Share, int Count);

    /// <summary>The whole minor units of one share, <paramref name="product"/> / <paramref name="weightSum"/> rounded
    /// down, and the exact remainder <c>product - quotient * weightSum</c>: comparing remainders needs no division, as
    /// the weight sum is common to all shares.</summary>
    /// <remarks>The division is rounded to 28 digits, so the floor of it is corrected by one where it overshot or fell
    /// short.</remarks>
    public static (decimal Quotient, decimal Remainder) Divide(decimal product, decimal weightSum)
    {
        var quotient = decimal.Floor(product / weightSum);
        var remainder = product - (quotient * weightSum);
        if (remainder < 0m)
        {
            quotient -= 1m;
            remainder += weightSum;
        }
        else if (remainder >= weightSum)
        {
            quotient += 1m;
            remainder -= weightSum;
        }

        return (quotient, remainder);
    }

    /// <summary>The decimal places weights are rounded to before they are added up.</summary>
    public const int WeightDecimals = 12;

    /// <summary>
    /// The weights rounded to <see cref="WeightDecimals"/> places (unless that leaves them all zero), so that adding
    /// them is exact: an exact share such as 2/3 of a cent has 28 digits, and a run's weight counted once times its
    /// units could then differ in its last digit from the same weight added unit by unit, which would let noise, not
    /// the rule, choose which unit gets a leftover cent.
    /// </summary>
    public static (int Count, decimal Weight)[] Quantized((int Count, decimal Weight)[] runs)
    {
        var rounded = new (int Count, decimal Weight)[runs.Length];
        var any = false;
        for (var i = 0; i < runs.Length; i++)
        {
            rounded[i] = (runs[i].Count, decimal.Round(runs[i].Weight, WeightDecimals));
            any |= rounded[i].Weight > 0m;
        }

        return any ? rounded : runs;
    }

    /// <summary><see cref="Quantized"/> in place: the weights rounded, unless every one would round to zero.</summary>
    /// <param name="runs">The runs, changed in place.</param>
    public static void Quantize(Span<(int Count, decimal Weight)> runs)
    {
        // Implementation note: a weight of at most WeightDecimals places rounds to itself, so it is not rounded (this
        // runs for every application of every evaluation).
        var any = false;
        var exact = true;
        foreach (var (_, weight) in runs)
        {
            var fits = weight.Scale <= WeightDecimals;
            exact &= fits;
            any |= (fits ? weight : decimal.Round(weight, WeightDecimals)) > 0m;
        }

        if (any && !exact)
        {
            foreach (ref var run in runs)
            {
                run.Weight = decimal.Round(run.Weight, WeightDecimals);
            }
        }
    }

    /// <summary>
    /// Splits a rounded amount over runs of units, each unit of a run weighing the run's weight, exactly as
    /// <see cref="Money.Allocate(ReadOnlySpan{decimal})"/> would split it over the units one by one, in order: each
    /// unit gets its exact share rounded down to the minor unit, and the minor units left over go one each to the
    /// units with the largest remainder, then the largest weight, then the first.
    /// </summary>
    /// <returns>For each run in order, its first units with one minor unit more, then the others (one entry when they
    /// all get the same).</returns>
    /// <param name="amount">The rounded amount.</param>
    /// <param name="runs">The runs, their weights quantized.</param>
    /// <param name="into">A list the integer split fills (cleared first) instead of a new one.</param>
    /// <param name="tryWhole">Whether the integer split first tries weights that add up to the amount (see
    /// <see cref="TrySplitInIntegers"/>); false when the caller found they do not.</param>
    public static List<Run> OverRuns(Money amount, ReadOnlySpan<(int Count, decimal Weight)> runs, List<Run>? into = null, bool tryWhole = true) =>
        OverRunsInIntegers(amount, runs, into, tryWhole) ?? OverRunsInDecimals(amount, runs);

    /// <summary><see cref="OverRuns"/> in decimal arithmetic: any amount and weights.</summary>
    public static List<Run> OverRunsInDecimals(Money amount, ReadOnlySpan<(int Count, decimal Weight)> runs)
    {
        var perMajor = amount.Currency.MinorUnitsPerMajor;
        var minorUnits = amount.Currency.MinorUnits;
        var total = amount.Amount * perMajor;
        var weightSum = 0m;
        foreach (var (count, weight) in runs)
        {
            weightSum += weight * count;
        }

        // Implementation note: the working arrays live on the stack for the usual few runs (this runs for every
        // application of every evaluation).
        var small = runs.Length <= 32;
        var quotients = small ? stackalloc decimal[runs.Length] : new decimal[runs.Length];
        var remainders = small ? stackalloc decimal[runs.Length] : new decimal[runs.Length];
        var assigned = 0m;
        for (var i = 0; i < runs.Length; i++)
        {
            var (quotient, remainder) = Divide(total * runs[i].Weight, weightSum);
            quotients[i] = quotient;
            remainders[i] = remainder;
            assigned += quotient * runs[i].Count;
        }

        var extra = small ? stackalloc int[runs.Length] : new int[runs.Length];
        extra.Clear();
        var leftover = total - assigned;
        if (leftover > 0m)
        {
            var weights = small ? stackalloc decimal[runs.Length] : new decimal[runs.Length];
            for (var i = 0; i < runs.Length; i++)
            {
                weights[i] = runs[i].Weight;
            }

            HandOut<decimal>(remainders, weights, runs, (long)leftover, extra);
        }

        var made = 0;
        for (var i = 0; i < runs.Length; i++)
        {
            made += (extra[i] > 0 ? 1 : 0) + (extra[i] < runs[i].Count ? 1 : 0);
        }

        var result = new List<Run>(made);
        for (var i = 0; i < runs.Length; i++)
        {
            if (extra[i] > 0)
            {
                result.Add(new Run(i, Decimals.DividedByPowerOfTen(quotients[i] + 1m, minorUnits), extra[i]));
            }

            if (extra[i] < runs[i].Count)
            {
                result.Add(new Run(i, Decimals.DividedByPowerOfTen(quotients[i], minorUnits), runs[i].Count - extra[i]));
            }
        }

        return result;
    }

    /// <summary>The most places of a weight (and of the currency's minor units) the integer split takes.</summary>
    private const int MaxWeightScale = 18;

    /// <summary>The most runs <see cref="TrySplitInIntegers"/> takes.</summary>
    public const int MaxIntegerRuns = 32;

    /// <summary>The whole numbers behind <see cref="OverRunsInIntegers"/>: each run's share in minor units
    /// (<paramref name="quotients"/>) and how many of its first units take one minor unit more
    /// (<paramref name="extra"/>); false (and nothing to read) when the numbers do not fit.</summary>
    /// <param name="amount">The rounded amount.</param>
    /// <param name="runs">The runs, their weights quantized.</param>
    /// <param name="quotients">One slot per run.</param>
    /// <param name="extra">One slot per run.</param>
    /// <param name="tryWhole">Whether weights that add up to the amount are tried first (their split is the general
    /// one's, found without a division: see <see cref="TrySplitWhole"/>); false skips the try, the answer the same.</param>
    public static bool TrySplitInIntegers(Money amount, ReadOnlySpan<(int Count, decimal Weight)> runs, Span<long> quotients, Span<int> extra, bool tryWhole = true)
    {
        const int MaxScale = MaxWeightScale;
        if (runs.Length > MaxIntegerRuns || amount.Currency.MinorUnits > MaxScale || amount.Amount < 0m)
        {
            return false;
        }

        if (tryWhole && TrySplitWhole(amount, runs, quotients))
        {
            extra.Clear();
            return true;
        }

        // The amount in minor units: read from its bits when it has no more places than they do (a rounded amount), else
        // by a decimal product; the same whole number either way.
        long whole;
        if (TryMinorUnits(amount.Amount, amount.Currency.MinorUnits, out var units))
        {
            if (units > long.MaxValue / 10)
            {
                return false;
            }

            whole = units;
        }
        else
        {
            var total = amount.Amount * amount.Currency.MinorUnitsPerMajor;
            if (total > long.MaxValue / 10 || decimal.Truncate(total) != total)
            {
                return false;
            }

            whole = (long)total;
        }

        // The weights as whole numbers at their largest scale.
        Span<long> weights = stackalloc long[runs.Length];
        Span<int> scales = stackalloc int[runs.Length];
        Span<int> bits = stackalloc int[4];
        var scale = 0;
        for (var i = 0; i < runs.Length; i++)
        {
            decimal.GetBits(runs[i].Weight, bits);
            scales[i] = (bits[3] >> 16) & 0xFF;
            scale = Math.Max(scale, scales[i]);
            if (bits[2] != 0 || bits[1] < 0 || bits[3] < 0 || scale > MaxScale)
            {
                return false;
            }

            weights[i] = unchecked(((long)bits[1] << 32) | (uint)bits[0]);
        }

        long weightSum = 0;
        for (var i = 0; i < runs.Length; i++)
        {
            var mantissa = weights[i];
            var factor = PowersOfTen[scale - scales[i]];
            if (mantissa > long.MaxValue / factor)
            {
                return false;
            }

            weights[i] = mantissa * factor;
            if (weights[i] > (long.MaxValue - weightSum) / Math.Max(1, runs[i].Count))
            {
                return false;
            }

            weightSum += weights[i] * runs[i].Count;
        }

        if (weightSum == 0)
        {
            return false;
        }

        Span<long> remainders = stackalloc long[runs.Length];
        long assigned = 0;
        for (var i = 0; i < runs.Length; i++)
        {
            if (weights[i] == 0 || whole <= long.MaxValue / weights[i])
            {
                quotients[i] = Math.DivRem(whole * weights[i], weightSum, out remainders[i]);
            }
            else
            {
                // The quotient is at most the amount and the remainder below the weight sum: only the product needs more.
                var (quotient, remainder) = Int128.DivRem((Int128)whole * weights[i], weightSum);
                (quotients[i], remainders[i]) = ((long)quotient, (long)remainder);
            }

            assigned += quotients[i] * runs[i].Count;
        }

        extra.Clear();
        var leftover = whole - assigned;
        if (leftover > 0)
        {
            HandOut<long>(remainders, weights, runs, leftover, extra);
        }

        return true;
    }

    /// <summary>The common case of <see cref="TrySplitInIntegers"/>: every weight a whole number of minor units, and the
    /// weights times their counts summing to the amount (nothing was rounded), so each unit's share is its weight and no
    /// unit takes a minor unit more; false (and nothing to read) otherwise.</summary>
    /// <remarks>Implementation note: the largest-remainder split of an amount equal to the sum of the weights gives each
    /// unit amount x weight / sum = its weight, remainder zero, so this is the general split's answer without a division
    /// per run.</remarks>
    private static bool TrySplitWhole(Money amount, ReadOnlySpan<(int Count, decimal Weight)> runs, Span<long> quotients)
    {
        var minorUnits = amount.Currency.MinorUnits;
        if (!TryMinorUnits(amount.Amount, minorUnits, out var target))
        {
            return false;
        }

        long sum = 0;
        for (var i = 0; i < runs.Length; i++)
        {
            if (!TryMinorUnits(runs[i].Weight, minorUnits, out var weight) || weight > (long.MaxValue / 2 - sum) / Math.Max(1, runs[i].Count))
            {
                return false;
            }

            quotients[i] = weight;
            sum += weight * runs[i].Count;
        }

        return sum > 0 && sum == target;
    }

    /// <summary>A non-negative decimal as a whole number of minor units, when it has no more places than they do and fits
    /// 62 bits.</summary>
    private static bool TryMinorUnits(decimal value, int minorUnits, out long units) => TryMinorUnits(value, minorUnits, out units, out _);

    /// <summary><see cref="TryMinorUnits(decimal, int, out long)"/>, with the decimal's scale (its places as written).</summary>
    public static bool TryMinorUnits(decimal value, int minorUnits, out long units, out int scale)
    {
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(value, bits);
        scale = (bits[3] >> 16) & 0xFF;
        var mantissa = unchecked(((long)bits[1] << 32) | (uint)bits[0]);
        units = 0;
        if (bits[2] != 0 || bits[1] < 0 || bits[3] < 0 || scale > minorUnits)
        {
            return false;
        }

        var factor = PowersOfTen[minorUnits - scale];
        if (mantissa > (long.MaxValue / 2) / factor)
        {
            return false;
        }

        units = mantissa * factor;
        return true;
    }

    /// <summary><see cref="OverRuns"/> in 64-bit integers (128 for a product that needs it), when the amount in minor
    /// units, every weight scaled to the weights' largest scale, and their sum fit (the usual case: amounts of a few
    /// places); otherwise <see langword="null"/>.</summary>
    /// <remarks>Implementation note: with the weights scaled by one power of ten, each quotient and the order of the
    /// remainders are those of the decimal division (the remainders are only compared, and all scaled alike), and
    /// the shares are made from the same whole numbers of minor units, so the result is bit for bit
    /// <see cref="OverRunsInDecimals"/>'s, without a decimal division per run.</remarks>
    /// <param name="amount">The rounded amount.</param>
    /// <param name="runs">The runs, their weights quantized.</param>
    /// <param name="into">A list to fill (cleared first) instead of a new one.</param>
    /// <param name="tryWhole">See <see cref="TrySplitInIntegers"/>.</param>
    public static List<Run>? OverRunsInIntegers(Money amount, ReadOnlySpan<(int Count, decimal Weight)> runs, List<Run>? into = null, bool tryWhole = true)
    {
        if (runs.Length == 1 && OverOneRun(amount, runs[0], into) is { } one)
        {
            return one;
        }

        Span<long> quotients = stackalloc long[Math.Min(runs.Length, MaxIntegerRuns)];
        Span<int> extra = stackalloc int[Math.Min(runs.Length, MaxIntegerRuns)];
        if (!TrySplitInIntegers(amount, runs, quotients, extra, tryWhole))
        {
            return null;
        }

        var minorUnits = amount.Currency.MinorUnits;
        var result = into ?? new List<Run>(runs.Length + 1);
        result.Clear();
        for (var i = 0; i < runs.Length; i++)
        {
            if (extra[i] > 0)
            {
                result.Add(new Run(i, Decimals.DividedByPowerOfTen(quotients[i] + 1, minorUnits), extra[i]));
            }

            if (extra[i] < runs[i].Count)
            {
                result.Add(new Run(i, Decimals.DividedByPowerOfTen(quotients[i], minorUnits), runs[i].Count - extra[i]));
            }
        }

        return result;
    }

    /// <summary><see cref="OverRunsInIntegers"/> for one run (an item's units, one price): the amount in minor units
    /// split evenly, its first units taking the minor units left over; <see langword="null"/> (the general split
    /// decides) when the amount is not whole minor units at their places, or the weight is not one the general split
    /// takes.</summary>
    /// <remarks>Implementation note: each unit's exact share is the amount over the count whatever the weight, so the
    /// quotient is the amount divided by the count and every remainder is the same: the leftover goes to the first
    /// units, as the general split hands it out. An order discount spreads over each of its items this way, twenty
    /// splits for an order of twenty lines, where the general split's working arrays cost more than the arithmetic.</remarks>
    /// <param name="amount">The rounded amount.</param>
    /// <param name="run">The run, its weight quantized.</param>
    /// <param name="into">A list to fill (cleared first) instead of a new one.</param>
    public static List<Run>? OverOneRun(Money amount, (int Count, decimal Weight) run, List<Run>? into = null)
    {
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(run.Weight, bits);
        if (run.Count <= 0 || run.Weight <= 0m || bits[2] != 0 || ((bits[3] >> 16) & 0xFF) > MaxWeightScale
            || !TryMinorUnits(amount.Amount, amount.Currency.MinorUnits, out var whole))
        {
            return null;
        }

        var quotient = Math.DivRem(whole, run.Count, out var leftover);
        var minorUnits = amount.Currency.MinorUnits;
        var result = into ?? new List<Run>(2);
        result.Clear();
        if (leftover > 0)
        {
            result.Add(new Run(0, Decimals.DividedByPowerOfTen(quotient + 1, minorUnits), (int)leftover));
        }

        if (leftover < run.Count)
        {
            result.Add(new Run(0, Decimals.DividedByPowerOfTen(quotient, minorUnits), run.Count - (int)leftover));
        }

        return result;
    }

    private static readonly long[] PowersOfTen = [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000, 1_000_000_000,
        10_000_000_000, 100_000_000_000, 1_000_000_000_000, 10_000_000_000_000, 100_000_000_000_000, 1_000_000_000_000_000,
        10_000_000_000_000_000, 100_000_000_000_000_000, 1_000_000_000_000_000_000];

    /// <summary>Gives the minor units left over one each to the first units of the runs in order of largest
    /// remainder, then larger weight, then the earlier run (a total order, so any sort agrees), each run taking at most
    /// as many as it has units.</summary>
    /// <param name="remainders">Each run's remainder, all on one scale.</param>
    /// <param name="weights">Each run's weight, all on one scale.</param>
    /// <param name="runs">The runs (their counts).</param>
    /// <param name="leftover">The minor units left over: fewer than the units of the runs.</param>
    /// <param name="extra">Set to how many of each run's first units take one more.</param>
    private static void HandOut<T>(ReadOnlySpan<T> remainders, ReadOnlySpan<T> weights, ReadOnlySpan<(int Count, decimal Weight)> runs, long leftover, Span<int> extra)
        where T : IComparable<T>
    {
        var order = runs.Length <= 32 ? stackalloc int[runs.Length] : new int[runs.Length];
        for (var i = 0; i < order.Length; i++)
        {
            var at = i;
            while (at > 0 && Before(i, order[at - 1], remainders, weights))
            {
                order[at] = order[at - 1];
                at--;
            }

            order[at] = i;
        }

        foreach (var i in order)
        {
            var take = (int)Math.Min(leftover, runs[i].Count);
            extra[i] = take;
            leftover -= take;
            if (leftover == 0)
            {
                break;
            }
        }
    }

    /// <summary>Whether run <paramref name="x"/> takes a leftover minor unit before run <paramref name="y"/>.</summary>
    private static bool Before<T>(int x, int y, ReadOnlySpan<T> remainders, ReadOnlySpan<T> weights)
        where T : IComparable<T>
    {
        var byRemainder = remainders[y].CompareTo(remainders[x]);
        if (byRemainder != 0)
        {
            return byRemainder < 0;
        }

        var byWeight = weights[y].CompareTo(weights[x]);
        return byWeight != 0 ? byWeight < 0 : x < y;
    }

    /// <summary><see cref="Money.Allocate(ReadOnlySpan{decimal})"/> in whole numbers, as the split over runs of one unit
    /// each (<see cref="TrySplitInIntegers"/>: the same quotients, the same order of remainders, the same rule for the
    /// minor units left over, and each part made as the division would make it); <see langword="null"/> when the numbers
    /// do not fit or the weights are not ones it takes (then the decimals decide, and say what is wrong).</summary>
    /// <remarks>Implementation note: an order discount spreads over its items by what is left of them; the decimal split
    /// divides twice per item.</remarks>
    public static System.Collections.Immutable.ImmutableArray<Money>? SpreadInIntegers(Money amount, ReadOnlySpan<decimal> weights)
    {
        if (weights.IsEmpty || weights.Length > MaxIntegerRuns)
        {
            return null;
        }

        Span<(int Count, decimal Weight)> runs = stackalloc (int, decimal)[weights.Length];
        for (var i = 0; i < weights.Length; i++)
        {
            runs[i] = (1, weights[i]);
        }

        Span<long> quotients = stackalloc long[weights.Length];
        Span<int> extra = stackalloc int[weights.Length];
        if (!TrySplitInIntegers(amount, runs, quotients, extra))
        {
            return null;
        }

        var parts = new Money[weights.Length];
        var minorUnits = amount.Currency.MinorUnits;
        for (var i = 0; i < parts.Length; i++)
        {
            parts[i] = new Money(Decimals.DividedByPowerOfTen(quotients[i] + extra[i], minorUnits), amount.Currency);
        }

        return System.Runtime.InteropServices.ImmutableCollectionsMarshal.AsImmutableArray(parts);
    }

    /// <summary>Spreads an amount over weights with an order-allocation rule (see <see cref="OrderAllocation"/>): the
    /// parts sum exactly to the amount, and none is more than its weight when the weights are whole minor units and add
    /// up to at least the amount.</summary>
    public static System.Collections.Immutable.ImmutableArray<Money> Spread(Money amount, decimal[] weights, OrderAllocation rule)
    {
        if (rule == OrderAllocation.LargestRemainder)
        {
            return SpreadInIntegers(amount, weights) ?? amount.Allocate(weights);
        }

        var perMajor = amount.Currency.MinorUnitsPerMajor;
        var total = amount.Amount * perMajor;
        var weightSum = 0m;
        foreach (var weight in weights)
        {
            weightSum += weight;
        }

        var units = new decimal[weights.Length];
        if (rule == OrderAllocation.CarryForward)
        {
            var before = 0m;
            var running = 0m;
            for (var i = 0; i < weights.Length; i++)
            {
                running += weights[i];
                var upTo = i == weights.Length - 1 ? total : decimal.Round(total * running / weightSum, 0, MidpointRounding.AwayFromZero);
                units[i] = upTo - before;
                before = upTo;
            }
        }
        else
        {
            var fraction = new bool[weights.Length];
            var assigned = 0m;
            for (var i = 0; i < weights.Length; i++)
            {
                var (quotient, remainder) = Divide(total * weights[i], weightSum);
                units[i] = quotient;
                fraction[i] = remainder > 0m;
                assigned += quotient;
            }

            var leftover = total - assigned;
            if (rule == OrderAllocation.RemainderToFirstLines)
            {
                for (var i = 0; i < weights.Length && leftover > 0m; i++)
                {
                    if (fraction[i])
                    {
                        units[i] += 1m;
                        leftover -= 1m;
                    }
                }
            }
            else
            {
                // To the last line, as much as it can take; the rest to the line before it, and so on.
                for (var i = weights.Length - 1; i >= 0 && leftover > 0m; i--)
                {
                    var room = Math.Max(0m, decimal.Floor(weights[i] * perMajor) - units[i]);
                    var take = i == 0 ? leftover : Math.Min(room, leftover);
                    units[i] += take;
                    leftover -= take;
                }
            }
        }

        var parts = new Money[weights.Length];
        for (var i = 0; i < weights.Length; i++)
        {
            parts[i] = new Money(units[i] / perMajor, amount.Currency);
        }

        return System.Runtime.InteropServices.ImmutableCollectionsMarshal.AsImmutableArray(parts);
    }
}
