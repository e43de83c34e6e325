using System.Collections.Immutable;
using System.Runtime.InteropServices;

namespace PromoEngine.Internal;

/// <summary>An evaluation's redemptions (see <see cref="LazyResults{T}"/>).</summary>
/// <remarks>Implementation note: the common cart's redemptions (one per automatic promotion applied) say again what its
/// applications say, and only checkout reads them: with no code entered they are made on the first read, as
/// <see cref="LineResults"/> makes the lines.</remarks>
internal class RedemptionResults : LazyResults<Redemption>
{
    /// <summary>No redemptions (shared: nothing in it changes).</summary>
    public static readonly RedemptionResults None = new([]);

    /// <summary>Redemptions already made.</summary>
    public RedemptionResults(ImmutableArray<Redemption> items)
        : base(ImmutableCollectionsMarshal.AsArray(items) ?? [])
    {
    }

    /// <summary>Redemptions made when first read.</summary>
    protected RedemptionResults()
    {
    }
}
