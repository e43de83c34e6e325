using System;
using System.Buffers;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.InteropServices;

namespace PromoEngine;

public readonly partial struct Money
{
    /// <summary>Splits this amount over weights (line prices, say), in whole minor units, so the parts sum exactly
    /// to the amount.</summary>
    /// <param name="weights">One non-negative weight a part; at least one must be positive.</param>
    /// <returns>One part a weight, in the same order.</returns>
    /// <remarks>
    /// <para>Largest remainder: each part first gets its exact share rounded down to the minor unit; the minor
    /// units left over go one each to the parts with the largest remainders. Ties are broken by the larger weight,
    /// then by the earlier position. So every part is within one minor unit of its exact share, no part is
    /// negative, a zero weight gets nothing, and the same input always gives the same parts.</para>
    /// <para>3.00 USD over 43, 14 and 23 gives 1.61, 0.53 and 0.86; 2.00 USD over three 5.00 lines gives 0.67,
    /// 0.67 and 0.66.</para>
    /// </remarks>
    /// <exception cref="ArgumentException"><paramref name="weights"/> is empty, all zero, or too large to
    /// compute with.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A weight is negative.</exception>
    /// <exception cref="InvalidOperationException">This amount is negative or not rounded to the minor unit (see
    /// <see cref="IsRounded"/>).</exception>
    public ImmutableArray<Money> Allocate(ReadOnlySpan<decimal> weights)
    {
        var parts = new Money[weights.Length];
        Allocate(weights, parts);
        return ImmutableCollectionsMarshal.AsImmutableArray(parts);
    }

    /// <summary>Splits this amount over weights into a caller's buffer, without allocating; see
    /// <see cref="Allocate(ReadOnlySpan{decimal})"/> for the rule.</summary>
    /// <param name="weights">One non-negative weight a part; at least one must be positive.</param>
    /// <param name="destination">Receives one part a weight; exactly as long as <paramref name="weights"/>. It is
    /// left untouched when an exception is thrown.</param>
    /// <exception cref="ArgumentException"><paramref name="weights"/> is empty, all zero, or too large to
    /// compute with; or <paramref name="destination"/> has another length.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A weight is negative.</exception>
    /// <exception cref="InvalidOperationException">This amount is negative or not rounded to the minor unit.</exception>
    public void Allocate(ReadOnlySpan<decimal> weights, Span<Money> destination)
    {
        if (weights.IsEmpty)
        {
            throw new ArgumentException("At least one weight is required.", nameof(weights));
        }

        if (destination.Length != weights.Length)
        {
            throw new ArgumentException(
                FormattableString.Invariant($"The destination holds {destination.Length} parts but there are {weights.Length} weights."),
                nameof(destination));
        }

        var total = TotalMinorUnits();
        var weightSum = 0m;
        for (var i = 0; i < weights.Length; i++)
        {
            if (weights[i] < 0m)
            {
                throw new ArgumentOutOfRangeException(
                    nameof(weights), weights[i], FormattableString.Invariant($"Weight {i} is negative; weights must be zero or more."));
            }

            try
            {
                weightSum += weights[i];
            }
            catch (OverflowException e)
            {
                throw new ArgumentException("The weights add up to more than a decimal can hold.", nameof(weights), e);
            }
        }

        if (weightSum == 0m)
        {
            throw new ArgumentException("The weights are all zero: there is nothing to allocate by.", nameof(weights));
        }

        var n = weights.Length;
        var units = ArrayPool<decimal>.Shared.Rent(n);
        var remainders = ArrayPool<decimal>.Shared.Rent(n);
        try
        {
            var assigned = 0m;
            for (var i = 0; i < n; i++)
            {
                // Implementation note: the remainder r = total * w - q * W is computed, and corrected, in exact
                // decimal arithmetic; comparing remainders needs no division because W is common to all parts.
                decimal product;
                try
                {
                    product = total * weights[i];
                }
                catch (OverflowException e)
                {
                    throw new ArgumentException("The amount times a weight is more than a decimal can hold; scale the weights down.", nameof(weights), e);
                }

                var (quotient, remainder) = Internal.Allocation.Divide(product, weightSum);
                units[i] = quotient;
                remainders[i] = remainder;
                assigned += quotient;
            }

            var leftover = (int)(total - assigned);
            if (leftover > 0)
            {
                var order = ArrayPool<int>.Shared.Rent(n);
                var weightCopy = ArrayPool<decimal>.Shared.Rent(n);
                try
                {
                    weights.CopyTo(weightCopy);
                    for (var i = 0; i < n; i++)
                    {
                        order[i] = i;
                    }

                    order.AsSpan(0, n).Sort(new LargestRemainderFirst(remainders, weightCopy));
                    for (var k = 0; k < leftover; k++)
                    {
                        units[order[k]] += 1m;
                    }
                }
                finally
                {
                    ArrayPool<int>.Shared.Return(order);
                    ArrayPool<decimal>.Shared.Return(weightCopy);
                }
            }

            var perMajor = Currency.MinorUnitsPerMajor;
            for (var i = 0; i < n; i++)
            {
                destination[i] = new Money(units[i] / perMajor, Currency, trusted: true);
            }
        }
        finally
        {
            ArrayPool<decimal>.Shared.Return(units);
            ArrayPool<decimal>.Shared.Return(remainders);
        }
    }

    /// <summary>Splits this amount into equal parts, in whole minor units, so the parts sum exactly to the amount.</summary>
    /// <param name="parts">How many parts; at least one.</param>
    /// <returns>The parts; the leftover minor units go one each to the first parts: 10.00 USD in three is 3.34,
    /// 3.33, 3.33.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="parts"/> is below one.</exception>
    /// <exception cref="InvalidOperationException">This amount is negative or not rounded to the minor unit.</exception>
    public ImmutableArray<Money> Split(int parts)
    {
        if (parts <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(parts), parts, "Must be greater than zero.");
        }

        var result = new Money[parts];
        Split(result);
        return ImmutableCollectionsMarshal.AsImmutableArray(result);
    }

    /// <summary>Splits this amount into as many equal parts as <paramref name="destination"/> holds, without
    /// allocating; see <see cref="Split(int)"/>.</summary>
    /// <param name="destination">Receives the parts; at least one. Left untouched when an exception is thrown.</param>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is empty.</exception>
    /// <exception cref="InvalidOperationException">This amount is negative or not rounded to the minor unit.</exception>
    public void Split(Span<Money> destination)
    {
        if (destination.IsEmpty)
        {
            throw new ArgumentException("At least one part is required.", nameof(destination));
        }

        var total = TotalMinorUnits();
        var n = destination.Length;
        var each = decimal.Floor(total / n);
        var leftover = total - (each * n);
        if (leftover < 0m)
        {
            each -= 1m;
            leftover += n;
        }

        var perMajor = Currency.MinorUnitsPerMajor;
        var larger = new Money((each + 1m) / perMajor, Currency, trusted: true);
        var smaller = new Money(each / perMajor, Currency, trusted: true);
        var extra = (int)leftover;
        for (var i = 0; i < n; i++)
        {
            destination[i] = i < extra ? larger : smaller;
        }
    }

    /// <summary>The amount in minor units, checked to be whole and not negative (the rules of allocation).</summary>
    private decimal TotalMinorUnits()
    {
        if (Currency.IsDefault)
        {
            throw new InvalidOperationException("default(Money) has no currency and cannot be allocated.");
        }

        if (Amount < 0m)
        {
            throw new InvalidOperationException($"Cannot allocate {this}: only an amount of zero or more can be allocated.");
        }

        var total = Amount * Currency.MinorUnitsPerMajor;
        if (total != decimal.Truncate(total))
        {
            throw new InvalidOperationException($"Cannot allocate {this}: it is not a whole number of minor units; round it first.");
        }

        return total;
    }

    /// <summary>Orders part indices by larger remainder, then larger weight, then earlier position.</summary>
    private readonly struct LargestRemainderFirst(decimal[] remainders, decimal[] weights) : IComparer<int>
    {
        public int Compare(int x, int y)
        {
            var byRemainder = remainders[y].CompareTo(remainders[x]);
            if (byRemainder != 0)
            {
                return byRemainder;
            }

            var byWeight = weights[y].CompareTo(weights[x]);
            return byWeight != 0 ? byWeight : x.CompareTo(y);
        }
    }
}
