using System;
using System.Collections.Immutable;
using PromoEngine.Internal;

namespace PromoEngine;

/// <summary>One cart line after evaluation: its original amount, each promotion's adjustment, and the final amount.</summary>
/// <remarks>Immutable and thread-safe, with value equality over its properties (collections compared in order).</remarks>
public sealed record LineResult
{
    // Implementation note: one of these is made for every line of every evaluation, so it keeps the cart line and the
    // discount's amount rather than five amounts with their currency; what it shows is derived from them on each read.
    private readonly CartLine _line;
    private readonly decimal _discount;
    private readonly EquatableArray<Adjustment> _adjustments;
    private readonly EquatableArray<UnitResult> _units;

    internal LineResult(CartLine line, ImmutableArray<Adjustment> adjustments, decimal discount, ImmutableArray<UnitResult> units)
    {
        _line = line;
        _adjustments = new(adjustments);
        _discount = discount;
        _units = new(units);
    }

    /// <summary>Gets the line's id.</summary>
    /// <value>As in the cart.</value>
    public string LineId => _line.LineId;

    /// <summary>Gets the item's SKU.</summary>
    /// <value>As in the cart.</value>
    public string Sku => _line.Sku;

    /// <summary>Gets the number of units.</summary>
    /// <value>As in the cart.</value>
    public int Quantity => _line.Quantity;

    /// <summary>Gets the unit price before discounts.</summary>
    /// <value>As in the cart.</value>
    public Money UnitPrice => _line.UnitPrice;

    /// <summary>Gets the line's amount before discounts.</summary>
    /// <value>Unit price times quantity.</value>
    public Money Original => _line.Total;

    /// <summary>Gets each promotion's adjustment on the line, in the order they applied (one per promotion).</summary>
    /// <value>Possibly empty.</value>
    public ImmutableArray<Adjustment> Adjustments => _adjustments.Items;

    /// <summary>Gets the sum of the adjustments.</summary>
    /// <value>Zero or more, never more than <see cref="Original"/>.</value>
    public Money Discount => new(_discount, _line.UnitPrice.Currency);

    /// <summary>Gets what is left to pay for the line.</summary>
    /// <value><see cref="Original"/> less <see cref="Discount"/>; zero or more.</value>
    public Money Final => _line.Total - Discount;

    /// <summary>Gets the per-unit breakdown, when <see cref="EvaluationOptions.IncludeUnits"/> asked for it.</summary>
    /// <value>Empty unless asked for.</value>
    public ImmutableArray<UnitResult> Units => _units.Items;

    /// <summary>Whether another line result shows the same line, adjustments, amounts and units.</summary>
    /// <param name="other">The line result to compare with.</param>
    /// <returns><see langword="true"/> when every property is equal (collections in order).</returns>
    public bool Equals(LineResult? other) =>
        ReferenceEquals(this, other)
        || (other is not null
            && LineId == other.LineId
            && Sku == other.Sku
            && Quantity == other.Quantity
            && UnitPrice == other.UnitPrice
            && Original == other.Original
            && _adjustments.Equals(other._adjustments)
            && Discount == other.Discount
            && Final == other.Final
            && _units.Equals(other._units));

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(LineId);
        hash.Add(Sku);
        hash.Add(Quantity);
        hash.Add(UnitPrice);
        hash.Add(Original);
        hash.Add(_adjustments);
        hash.Add(Discount);
        hash.Add(Final);
        hash.Add(_units);
        return hash.ToHashCode();
    }
}
