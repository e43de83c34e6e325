using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;

namespace PromoEngine;

/// <summary>Sums committed redemptions by one dimension of their attribution and by currency, for a ledger's
/// <see cref="IRedemptionReport"/>: one place decides how rows are keyed and ordered, for the built-in ledgers and a
/// host's own alike.</summary>
/// <remarks>Not thread-safe: one report per call.</remarks>
public sealed class AttributionReport
{
    private readonly AttributionDimension by;
    private readonly Dictionary<(string? Key, Currency Currency), (int Count, Money Discount)> _sums = [];

    /// <summary>Initializes a new instance of the <see cref="AttributionReport"/> class.</summary>
    /// <param name="by">The dimension the rows are keyed by.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="by"/> is not a defined value.</exception>
    public AttributionReport(AttributionDimension by)
    {
        CheckDimension(by);
        this.by = by;
    }

    /// <summary>Refuses a dimension that is not defined.</summary>
    internal static void CheckDimension(AttributionDimension by)
    {
        if (by is not (AttributionDimension.Channel or AttributionDimension.Campaign or AttributionDimension.Affiliate or AttributionDimension.Tag))
        {
            throw new ArgumentOutOfRangeException(nameof(by), by, "Not a defined AttributionDimension value.");
        }
    }

    /// <summary>Adds one redemption (its count, 0 or 1, and what is left of its discount) under each of its values.</summary>
    /// <param name="attribution">The redemption's attribution; none counts under no value.</param>
    /// <param name="count">1 while the use counts, 0 once a return gave it back.</param>
    /// <param name="discount">What is left of its discount after returns.</param>
    public void Add(CodeAttribution? attribution, int count, Money discount)
    {
        var values = attribution?.ValuesOf(by) ?? [];
        if (values.IsEmpty)
        {
            AddRow(null, count, discount);
        }

        foreach (var value in values)
        {
            AddRow(value, count, discount);
        }
    }

    /// <summary>Adds a row already summed (by a database) under one key.</summary>
    /// <param name="key">The value of the dimension, or <see langword="null"/> for no value.</param>
    /// <param name="count">The redemptions counted.</param>
    /// <param name="discount">Their discount.</param>
    public void AddRow(string? key, int count, Money discount)
    {
        var sum = _sums.TryGetValue((key, discount.Currency), out var s) ? s : (Count: 0, Discount: Money.Zero(discount.Currency));
        _sums[(key, discount.Currency)] = (sum.Count + count, sum.Discount + discount);
    }

    /// <summary>The rows, by key (ordinal, no key last), then currency code; none for a group with nothing in it.</summary>
    /// <returns>The report's rows.</returns>
    public ImmutableArray<AttributionTotal> ToTotals() =>
    [
        .. _sums
            .Where(pair => pair.Value.Count > 0 || pair.Value.Discount.Amount != 0m)
            .OrderBy(pair => pair.Key.Key is null)
            .ThenBy(pair => pair.Key.Key, StringComparer.Ordinal)
            .ThenBy(pair => pair.Key.Currency.Code, StringComparer.Ordinal)
            .Select(pair => new AttributionTotal(by, pair.Key.Key, pair.Value.Count, pair.Value.Discount)),
    ];
}
