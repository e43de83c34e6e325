using System;
using System.Collections.Immutable;
using System.Runtime.InteropServices;
using System.Threading;

namespace PromoEngine.Internal;

/// <summary>An evaluation's line results: given as they are, or built from what the evaluation kept the first time they
/// are read (<see cref="Build"/>). Equal when the lines are.</summary>
/// <remarks>
/// <para>Implementation note: a result's lines are most of what an evaluation allocates (one
/// <see cref="LineResult"/> per cart line, with its adjustments), and a caller that reads only the totals or the
/// promotions applied never looks at them. A result keeps this holder; the lines are made once, on the first read, and
/// every later read (and every copy of the result made by <c>with</c>) sees the same array.</para>
/// <para>Thread-safe: two threads reading at once may both build the lines; one array is kept, and both are equal.</para>
/// </remarks>
internal class LineResults : IEquatable<LineResults>
{
    private LineResult[]? _items;

    /// <summary>Lines already built.</summary>
    public LineResults(LineResult[] items) => _items = items;

    /// <summary>Lines built by <see cref="Build"/> when first read.</summary>
    protected LineResults()
    {
    }

    /// <summary>The lines, built on the first read.</summary>
    public ImmutableArray<LineResult> Items =>
        ImmutableCollectionsMarshal.AsImmutableArray(Volatile.Read(ref _items) ?? Interlocked.CompareExchange(ref _items, Build(), null) ?? _items!);

    /// <summary>Builds the lines; called at most once per thread that finds them not built.</summary>
    protected virtual LineResult[] Build() => throw new InvalidOperationException("Lines given when made are never built.");

    public bool Equals(LineResults? other) =>
        ReferenceEquals(this, other) || (other is not null && new EquatableArray<LineResult>(Items).Equals(new EquatableArray<LineResult>(other.Items)));

    public override bool Equals(object? obj) => Equals(obj as LineResults);

    public override int GetHashCode() => new EquatableArray<LineResult>(Items).GetHashCode();

    public override string ToString() => new EquatableArray<LineResult>(Items).ToString();
}
