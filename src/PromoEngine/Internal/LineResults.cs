namespace PromoEngine.Internal;

/// <summary>An evaluation's line results (see <see cref="LazyResults{T}"/>).</summary>
/// <remarks>Implementation note: a result's lines are most of what an evaluation allocates (one <see cref="LineResult"/>
/// per cart line, with its adjustments), and a caller that reads only the totals or the promotions applied never looks
/// at them: the common cart's are made on the first read.</remarks>
internal class LineResults : LazyResults<LineResult>
{
    /// <summary>Lines already built.</summary>
    public LineResults(LineResult[] items)
        : base(items)
    {
    }

    /// <summary>Lines built when first read.</summary>
    protected LineResults()
    {
    }
}
