using System;
using System.Collections.Immutable;
using System.Runtime.InteropServices;
using System.Threading;

namespace PromoEngine.Internal;

/// <summary>An evaluation's redemptions: given as they are, or built from what the evaluation kept the first time they
/// are read (<see cref="Build"/>). Equal when the redemptions are.</summary>
/// <remarks>
/// <para>Implementation note: the common cart's redemptions (one per automatic promotion applied) say again what its
/// applications say, and only checkout reads them; a result keeps this holder, and they are made once, on the first
/// read, as <see cref="LineResults"/> makes the lines. Every later read (and every copy of the result made by
/// <c>with</c>) sees the same array.</para>
/// <para>Thread-safe: two threads reading at once may both build the redemptions; one array is kept, and both are
/// equal.</para>
/// </remarks>
internal class RedemptionResults : IEquatable<RedemptionResults>
{
    private Redemption[]? _items;

    /// <summary>No redemptions (shared: nothing in it changes).</summary>
    public static readonly RedemptionResults None = new([]);

    /// <summary>Redemptions already made.</summary>
    public RedemptionResults(ImmutableArray<Redemption> items) => _items = ImmutableCollectionsMarshal.AsArray(items) ?? [];

    /// <summary>Redemptions made by <see cref="Build"/> when first read.</summary>
    protected RedemptionResults()
    {
    }

    /// <summary>The redemptions, made on the first read.</summary>
    public ImmutableArray<Redemption> Items =>
        ImmutableCollectionsMarshal.AsImmutableArray(Volatile.Read(ref _items) ?? Interlocked.CompareExchange(ref _items, Build(), null) ?? _items!);

    /// <summary>Makes the redemptions; called at most once per thread that finds them not made.</summary>
    protected virtual Redemption[] Build() => throw new InvalidOperationException("Redemptions given when made are never built.");

    public bool Equals(RedemptionResults? other) =>
        ReferenceEquals(this, other) || (other is not null && new EquatableArray<Redemption>(Items).Equals(new EquatableArray<Redemption>(other.Items)));

    public override bool Equals(object? obj) => Equals(obj as RedemptionResults);

    public override int GetHashCode() => new EquatableArray<Redemption>(Items).GetHashCode();

    public override string ToString() => new EquatableArray<Redemption>(Items).ToString();
}
