using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using PromoEngine.Internal;

namespace PromoEngine;

/// <summary>One line of a cart: a SKU at a unit price, some quantity of it, and what describes it (categories, tags,
/// brand, attributes).</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class CartLine
{
    /// <summary>The most units one line may hold.</summary>
    /// <remarks>An evaluation holds a line's units as runs of alike units, so its cost does not grow with the
    /// quantity; this bounds the per-unit breakdown (<see cref="EvaluationOptions.IncludeUnits"/>), the one part of a
    /// result with a slot for each unit, and keeps every count far inside an <see cref="int"/>.</remarks>
    public const int MaxQuantity = 1_000_000;

    /// <summary>Initializes a new instance of the <see cref="CartLine"/> class.</summary>
    /// <param name="lineId">The line's id, unique in its cart.</param>
    /// <param name="sku">The item's SKU.</param>
    /// <param name="unitPrice">The price of one unit: zero or more, rounded to the currency's minor unit.</param>
    /// <param name="quantity">How many units: one or more.</param>
    /// <param name="categories">The item's categories; duplicates are dropped.</param>
    /// <param name="tags">The item's tags; duplicates are dropped.</param>
    /// <param name="brand">The item's brand, if any.</param>
    /// <param name="attributes">Other attributes (name to value), if any.</param>
    /// <exception cref="ArgumentException">An id, SKU, category, tag or brand is empty or malformed; or the unit
    /// price is not rounded to the minor unit.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="unitPrice"/> is negative or past
    /// <see cref="Currency.MaxAmount"/>, <paramref name="quantity"/> is below one or past <see cref="MaxQuantity"/>, or
    /// the line's total is past <see cref="Currency.MaxAmount"/>.</exception>
    public CartLine(
        string lineId,
        string sku,
        Money unitPrice,
        int quantity,
        IEnumerable<string>? categories = null,
        IEnumerable<string>? tags = null,
        string? brand = null,
        IReadOnlyDictionary<string, string>? attributes = null)
    {
        LineId = Text.Identifier(lineId);
        Sku = Text.Identifier(sku);
        if (unitPrice.Currency.IsDefault)
        {
            throw new ArgumentException("The unit price needs a currency.", nameof(unitPrice));
        }

        if (unitPrice.IsNegative)
        {
            throw new ArgumentOutOfRangeException(nameof(unitPrice), unitPrice, "A unit price must not be negative.");
        }

        if (!unitPrice.IsRounded)
        {
            throw new ArgumentException($"The unit price {unitPrice} is not a whole number of minor units.", nameof(unitPrice));
        }

        if (quantity <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(quantity), quantity, "A quantity must be one or more.");
        }

        if (quantity > MaxQuantity)
        {
            throw new ArgumentOutOfRangeException(nameof(quantity), quantity, string.Create(
                System.Globalization.CultureInfo.InvariantCulture, $"A line may hold at most {MaxQuantity:#,0} units (CartLine.MaxQuantity)."));
        }

        Guard.WithinMaxAmount(unitPrice);
        if (unitPrice.Amount * quantity > unitPrice.Currency.MaxAmount)
        {
            throw new ArgumentOutOfRangeException(nameof(quantity), quantity, "The line's total is too large: " + Guard.TooLarge(unitPrice.Currency));
        }

        UnitPrice = unitPrice;
        Quantity = quantity;
        Categories = Text.Identifiers(categories);
        Tags = Text.Identifiers(tags);
        Brand = brand is null ? null : Text.Identifier(brand);
        var builder = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in attributes ?? ImmutableSortedDictionary<string, string>.Empty)
        {
            builder[Text.Identifier(name, nameof(attributes))] = Guard.NotNull(value, nameof(attributes));
        }

        Attributes = builder.ToImmutable();
        Total = unitPrice * quantity;
    }

    /// <summary>Gets the line's id, unique in its cart.</summary>
    /// <value>Trimmed.</value>
    public string LineId { get; }

    /// <summary>Gets the item's SKU.</summary>
    /// <value>Trimmed.</value>
    public string Sku { get; }

    /// <summary>Gets the price of one unit.</summary>
    /// <value>Zero or more, rounded to the minor unit.</value>
    public Money UnitPrice { get; }

    /// <summary>Gets how many units the line holds.</summary>
    /// <value>One or more.</value>
    public int Quantity { get; }

    /// <summary>Gets the item's categories, sorted.</summary>
    /// <value>Possibly empty.</value>
    public ImmutableArray<string> Categories { get; }

    /// <summary>Gets the item's tags, sorted.</summary>
    /// <value>Possibly empty.</value>
    public ImmutableArray<string> Tags { get; }

    /// <summary>Gets the item's brand.</summary>
    /// <value><see langword="null"/> when none was given.</value>
    public string? Brand { get; }

    /// <summary>Gets the item's other attributes.</summary>
    /// <value>Possibly empty; names compare ordinally.</value>
    public ImmutableSortedDictionary<string, string> Attributes { get; }

    /// <summary>Gets the unit price times the quantity.</summary>
    /// <value>The line's amount before any discount.</value>
    public Money Total { get; }
}
