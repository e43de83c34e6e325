using System;
using System.Collections.Immutable;
using PromoEngine.Internal;

namespace PromoEngine;

// The unit-price kind of item filter: its factories, its matcher, what the index and the linter may ask of it. Its JSON
// shape is { "type": "unitPrice", "atLeast": money, "atMost": money } (Serialization/PromotionJson.Parts.cs).
public abstract partial class ItemFilter
{
    /// <summary>Items whose unit price is at least this amount ("everything from $100").</summary>
    /// <param name="amount">The lowest price that qualifies (inclusive), zero or more.</param>
    /// <returns>The filter.</returns>
    /// <exception cref="ArgumentException"><paramref name="amount"/> has no currency or is too large.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="amount"/> is negative.</exception>
    /// <remarks>See <see cref="UnitPriceBetween"/> for which price counts.</remarks>
    public static ItemFilter UnitPriceAtLeast(Money amount) => UnitPrice(amount, null, nameof(amount), nameof(amount));

    /// <summary>Items whose unit price is at most this amount: "20% off everything under $50" is
    /// <c>UnitPriceAtMost(49.99 USD)</c>.</summary>
    /// <param name="amount">The highest price that qualifies (inclusive), zero or more.</param>
    /// <returns>The filter.</returns>
    /// <exception cref="ArgumentException"><paramref name="amount"/> has no currency or is too large.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="amount"/> is negative.</exception>
    /// <remarks>See <see cref="UnitPriceBetween"/> for which price counts.</remarks>
    public static ItemFilter UnitPriceAtMost(Money amount) => UnitPrice(null, amount, nameof(amount), nameof(amount));

    /// <summary>Items whose unit price lies between two amounts, both inclusive.</summary>
    /// <param name="atLeast">The lowest price that qualifies, zero or more.</param>
    /// <param name="atMost">The highest price that qualifies, at least <paramref name="atLeast"/>, in its currency.</param>
    /// <returns>The filter.</returns>
    /// <exception cref="ArgumentException">An amount has no currency or is too large.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An amount is negative, or <paramref name="atMost"/> is below
    /// <paramref name="atLeast"/>.</exception>
    /// <exception cref="CurrencyMismatchException">The amounts are in two currencies.</exception>
    /// <remarks>The price that counts is the line's <see cref="CartLine.UnitPrice"/>, as the cart gives it, before any
    /// discount; the amounts are in the cart's currency: a promotion whose filter names amounts in another currency
    /// than the cart's is rejected with <see cref="RejectionReason.CurrencyNotSupported"/>. The filter composes with
    /// <see cref="AllOf"/>, <see cref="AnyOf"/> and <see cref="Not"/> like any other; it names no SKU or category, so a
    /// promotion it alone decides is checked for every cart (in <see cref="AllOf"/> beside a SKU or category filter,
    /// the catalog finds the promotion by that).</remarks>
    public static ItemFilter UnitPriceBetween(Money atLeast, Money atMost) => UnitPrice(atLeast, atMost, nameof(atLeast), nameof(atMost));

    /// <summary>The unit-price filter with either bound or both; what JSON reads.</summary>
    internal static ItemFilter UnitPrice(Money? atLeast, Money? atMost, string atLeastName, string atMostName)
    {
        if (atLeast is null && atMost is null)
        {
            throw new ArgumentException("A unit-price filter needs at least one bound.", atLeastName);
        }

        Check(atLeast, atLeastName);
        Check(atMost, atMostName);
        if (atLeast is { } low && atMost is { } high)
        {
            if (low.Currency != high.Currency)
            {
                throw new CurrencyMismatchException(low.Currency, high.Currency, atMostName);
            }

            if (high.Amount < low.Amount)
            {
                throw new ArgumentOutOfRangeException(atMostName, high, $"The highest price ({high}) is below the lowest ({low}).");
            }
        }

        return new UnitPriceFilter(atLeast, atMost);

        static void Check(Money? bound, string name)
        {
            if (bound is not { } b)
            {
                return;
            }

            if (b.Currency.IsDefault)
            {
                throw new ArgumentException("A price bound needs a currency.", name);
            }

            Guard.WithinMaxAmount(b, name);
            if (b.IsNegative)
            {
                throw new ArgumentOutOfRangeException(name, b, "A price bound must not be negative.");
            }
        }
    }

    /// <summary>Whether the price ranges of the unit-price filters among these (all of which must hold) overlap.</summary>
    private static bool PriceRangeOverlaps(ImmutableArray<ItemFilter> filters)
    {
        decimal? low = null, high = null;
        foreach (var filter in filters)
        {
            if (filter.PriceBounds is not var (atLeast, atMost))
            {
                continue;
            }

            if (atLeast is { } l && (low is null || l.Amount > low))
            {
                low = l.Amount;
            }

            if (atMost is { } h && (high is null || h.Amount < high))
            {
                high = h.Amount;
            }
        }

        return low is null || high is null || low <= high;
    }

    private sealed class UnitPriceFilter(Money? atLeast, Money? atMost) : ItemFilter(1, (atLeast ?? atMost)!.Value.Currency)
    {
        internal override (Money? AtLeast, Money? AtMost)? PriceBounds => (atLeast, atMost);

        internal override (string, ImmutableArray<string>, ImmutableArray<ItemFilter>) Shape() => ("unitPrice", [], []);

        private protected override bool IsMatch(CartLine line) =>
            line.UnitPrice.Currency == AmountCurrency
            && (atLeast is not { } low || line.UnitPrice.Amount >= low.Amount)
            && (atMost is not { } high || line.UnitPrice.Amount <= high.Amount);

        // A price names no SKU or category: no index is possible.
        internal override (ImmutableArray<string>, ImmutableArray<string>)? IndexKeys() => null;

        public override string ToString() => (atLeast, atMost) switch
        {
            ({ } low, { } high) => $"unit price {low} to {high}",
            ({ } low, null) => $"unit price at least {low}",
            (_, { } high) => $"unit price at most {high}",
            _ => "unit price",
        };
    }
}
