using System.Collections.Generic;
using Xunit;
using static PromoEngine.Tests.Shop;

namespace PromoEngine.Tests;

/// <summary>Reading units of a line that a promotion has cut into pieces: each part is exactly the units of the span
/// read that lie in one piece, at that piece's price left, and no part is empty; spans of one line are ordered by their
/// first unit.</summary>
public sealed class PieceReadTests
{
    /// <summary>A line of four units of 10 whose last two have 5 left: pieces [0, 2) at 10 and [2, 4) at 5.</summary>
    private static UnitPool CutPool()
    {
        var pool = new UnitPool(Cart(Line("a", 10m, 4)));
        foreach (var piece in pool.Cover(new Span(0, 2, 2)))
        {
            piece.Remaining = 5m;
        }

        return pool;
    }

    private static List<(Part Part, decimal Weight)> ReadWeighted(UnitPool pool, Span span)
    {
        var parts = new List<(Part Part, decimal Weight)>();
        pool.Read(span, 2m, parts);
        return parts;
    }

    [Fact]
    public void Read_ASpanAcrossAPieceBoundary_GivesItsUnitsInEachPiece()
    {
        var pool = CutPool();

        Assert.Equal([(new Part(new Span(0, 1, 1), 10m), 2m), (new Part(new Span(0, 2, 1), 5m), 2m)], ReadWeighted(pool, new Span(0, 1, 2)));
    }

    [Fact]
    public void Read_ASpanFromAPieceBoundary_GivesNoEmptyPartBeforeIt()
    {
        var pool = CutPool();

        Assert.Equal([(new Part(new Span(0, 2, 2), 5m), 2m)], ReadWeighted(pool, new Span(0, 2, 2)));
        Assert.Equal([new Part(new Span(0, 2, 2), 5m)], pool.Read([new Span(0, 2, 2)]));
    }

    [Fact]
    public void Read_ASpanThatEndsAtAPieceBoundary_GivesNoEmptyPartAfterIt()
    {
        var pool = CutPool();

        Assert.Equal([(new Part(new Span(0, 0, 2), 10m), 2m)], ReadWeighted(pool, new Span(0, 0, 2)));
    }

    [Fact]
    public void CompareCanonical_TwoSpansOfOneLine_AreOrderedByTheirFirstUnit()
    {
        var pool = CutPool();

        Assert.True(pool.CompareCanonical(new Span(0, 0, 2), new Span(0, 2, 2)) < 0);
        Assert.True(pool.CompareCanonical(new Span(0, 2, 2), new Span(0, 0, 2)) > 0);
    }
}
