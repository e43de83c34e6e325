using System;
using PromoEngine.Internal;

namespace PromoEngine;

/// <summary>A promotion's id: stable, unique in a catalog, compared ordinally.</summary>
/// <remarks>An immutable value type and thread-safe.</remarks>
public readonly record struct PromotionId : IComparable<PromotionId>
{
    /// <summary>Initializes a new instance of the <see cref="PromotionId"/> struct.</summary>
    /// <param name="value">The id: trimmed, 1 to 200 characters, no control characters.</param>
    /// <exception cref="ArgumentException"><paramref name="value"/> is empty or malformed.</exception>
    public PromotionId(string value) => Value = Text.Identifier(value);

    /// <summary>Gets the id's text.</summary>
    /// <value>Trimmed.</value>
    public string Value { get => field ?? string.Empty; }

    /// <inheritdoc/>
    public int CompareTo(PromotionId other) => string.CompareOrdinal(Value, other.Value);

    /// <summary>Returns the id's text.</summary>
    /// <returns>The id.</returns>
    public override string ToString() => Value;
}
