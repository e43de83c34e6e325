using System.Collections.Immutable;
using PromoEngine.Internal;

namespace PromoEngine;

/// <summary>One cart line after evaluation: its original amount, each promotion's adjustment, and the final amount.</summary>
/// <remarks>Immutable and thread-safe, with value equality (collections compared in order).</remarks>
public sealed record LineResult
{
    private readonly EquatableArray<Adjustment> _adjustments;
    private readonly EquatableArray<UnitResult> _units;

    internal LineResult(CartLine line, ImmutableArray<Adjustment> adjustments, Money discount, ImmutableArray<UnitResult> units)
    {
        LineId = line.LineId;
        Sku = line.Sku;
        Quantity = line.Quantity;
        UnitPrice = line.UnitPrice;
        Original = line.Total;
        _adjustments = new(adjustments);
        Discount = discount;
        Final = line.Total - discount;
        _units = new(units);
    }

    /// <summary>Gets the line's id.</summary>
    /// <value>As in the cart.</value>
    public string LineId { get; }

    /// <summary>Gets the item's SKU.</summary>
    /// <value>As in the cart.</value>
    public string Sku { get; }

    /// <summary>Gets the number of units.</summary>
    /// <value>As in the cart.</value>
    public int Quantity { get; }

    /// <summary>Gets the unit price before discounts.</summary>
    /// <value>As in the cart.</value>
    public Money UnitPrice { get; }

    /// <summary>Gets the line's amount before discounts.</summary>
    /// <value>Unit price times quantity.</value>
    public Money Original { get; }

    /// <summary>Gets each promotion's adjustment on the line, in the order they applied (one per promotion).</summary>
    /// <value>Possibly empty.</value>
    public ImmutableArray<Adjustment> Adjustments => _adjustments.Items;

    /// <summary>Gets the sum of the adjustments.</summary>
    /// <value>Zero or more, never more than <see cref="Original"/>.</value>
    public Money Discount { get; }

    /// <summary>Gets what is left to pay for the line.</summary>
    /// <value><see cref="Original"/> less <see cref="Discount"/>; zero or more.</value>
    public Money Final { get; }

    /// <summary>Gets the per-unit breakdown, when <see cref="EvaluationOptions.IncludeUnits"/> asked for it.</summary>
    /// <value>Empty unless asked for.</value>
    public ImmutableArray<UnitResult> Units => _units.Items;
}
