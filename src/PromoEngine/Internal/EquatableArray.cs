using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;

namespace PromoEngine.Internal;

/// <summary>
/// An <see cref="ImmutableArray{T}"/> with structural equality, for the backing fields of records whose equality
/// must compare contents (ImmutableArray compares references). <c>default</c> is treated as empty.
/// </summary>
internal readonly struct EquatableArray<T>(ImmutableArray<T> items) : IEquatable<EquatableArray<T>>
{
    public ImmutableArray<T> Items => items.IsDefault ? [] : items;

    public bool Equals(EquatableArray<T> other) => Items.SequenceEqual(other.Items, EqualityComparer<T>.Default);

    public override bool Equals(object? obj) => obj is EquatableArray<T> other && Equals(other);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var item in Items)
        {
            hash.Add(item);
        }

        return hash.ToHashCode();
    }

    public override string ToString() => "[" + string.Join(", ", Items) + "]";
}
