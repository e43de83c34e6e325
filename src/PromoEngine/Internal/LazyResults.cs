using System;
using System.Collections.Immutable;
using System.Runtime.InteropServices;
using System.Threading;

namespace PromoEngine.Internal;

/// <summary>Part of an evaluation's result: given as it is, or built from what the evaluation kept the first time it is
/// read (<see cref="Build"/>). Equal when the items are.</summary>
/// <remarks>Thread-safe: two threads reading at once may both build the items; one array is kept, and both are equal.
/// Every later read (and every copy of the result made by <c>with</c>) sees the same array.</remarks>
/// <typeparam name="T">The items.</typeparam>
internal abstract class LazyResults<T> : IEquatable<LazyResults<T>>
{
    private T[]? _items;

    /// <summary>Items already made.</summary>
    protected LazyResults(T[] items) => _items = items;

    /// <summary>Items made by <see cref="Build"/> when first read.</summary>
    protected LazyResults()
    {
    }

    /// <summary>The items, made on the first read.</summary>
    public ImmutableArray<T> Items =>
        ImmutableCollectionsMarshal.AsImmutableArray(Volatile.Read(ref _items) ?? Interlocked.CompareExchange(ref _items, Build(), null) ?? _items!);

    /// <summary>Makes the items; called at most once per thread that finds them not made.</summary>
    protected virtual T[] Build() => throw new InvalidOperationException("Items given when made are never built.");

    public bool Equals(LazyResults<T>? other) =>
        ReferenceEquals(this, other) || (other is not null && new EquatableArray<T>(Items).Equals(new EquatableArray<T>(other.Items)));

    public override bool Equals(object? obj) => Equals(obj as LazyResults<T>);

    public override int GetHashCode() => new EquatableArray<T>(Items).GetHashCode();

    public override string ToString() => new EquatableArray<T>(Items).ToString();
}
