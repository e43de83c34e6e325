using System;
using System.Collections.Generic;

namespace PromoEngine;

// The units an item discount's calculator sees: the small interface it owns (IUnitPrices), and the values it reads
// and proposes (spans and parts of alike units). The evaluator's unit pool implements the interface; nothing here
// knows the pool.

/// <summary>What an item discount may ask of the units of a cart while it proposes: what is left of their prices.</summary>
internal interface IUnitPrices
{
    /// <summary>The spans read as parts of alike units: each span is cut where its units now differ. Reads only.</summary>
    List<Part> Read(List<Span> spans);

    /// <summary>Sorts parts by what is left of their price; ties keep the canonical order of the cart.</summary>
    List<Part> SortByRemaining(List<Part> parts, bool descending);
}

/// <summary>Consecutive units of one cart line: units <see cref="Start"/> to <see cref="End"/> less one.</summary>
internal readonly record struct Span(int Line, int Start, int Count)
{
    public int End => Start + Count;

    /// <summary>The units from <paramref name="offset"/> on, <paramref name="count"/> of them.</summary>
    public Span Slice(int offset, int count) => new(Line, Start + offset, count);
}

/// <summary>Units that are alike at the moment they were read: one span, and what is left of each unit's price.</summary>
internal readonly record struct Part(Span Span, decimal Remaining)
{
    public int Count => Span.Count;

    public Part Slice(int offset, int count) => new(Span.Slice(offset, count), Remaining);
}

/// <summary>Helpers over lists of parts.</summary>
internal static class Parts
{
    /// <summary>Each list of parts cut wherever a part of any of the lists begins or ends, so that a unit in several
    /// lists is in parts of the same span in each.</summary>
    public static List<List<Part>> CutAtEdges(IReadOnlyList<List<Part>> lists)
    {
        var edges = new Dictionary<int, List<int>>();
        foreach (var list in lists)
        {
            foreach (var part in list)
            {
                if (!edges.TryGetValue(part.Span.Line, out var lineEdges))
                {
                    edges[part.Span.Line] = lineEdges = [];
                }

                lineEdges.Add(part.Span.Start);
                lineEdges.Add(part.Span.End);
            }
        }

        foreach (var lineEdges in edges.Values)
        {
            lineEdges.Sort();
        }

        var result = new List<List<Part>>(lists.Count);
        foreach (var list in lists)
        {
            var cut = new List<Part>(list.Count);
            foreach (var part in list)
            {
                var lineEdges = edges[part.Span.Line];
                var start = part.Span.Start;
                var at = lineEdges.BinarySearch(start + 1);
                for (var i = at < 0 ? ~at : at; i < lineEdges.Count && lineEdges[i] < part.Span.End; i++)
                {
                    if (lineEdges[i] > start)
                    {
                        cut.Add(part.Slice(start - part.Span.Start, lineEdges[i] - start));
                        start = lineEdges[i];
                    }
                }

                cut.Add(part.Slice(start - part.Span.Start, part.Span.End - start));
            }

            result.Add(cut);
        }

        return result;
    }
}

/// <summary>A set of units of a cart, as sorted, disjoint spans per line.</summary>
internal sealed class SpanSet
{
    private readonly Dictionary<int, List<(int Start, int End)>> _byLine = [];

    public SpanSet()
    {
    }

    public SpanSet(IEnumerable<Span> spans) => AddRange(spans);

    public void AddRange(IEnumerable<Span> spans)
    {
        foreach (var span in spans)
        {
            Add(span);
        }
    }

    public void Add(Span span)
    {
        if (span.Count == 0)
        {
            return;
        }

        if (!_byLine.TryGetValue(span.Line, out var ranges))
        {
            _byLine[span.Line] = ranges = [];
        }

        // Merged into the sorted, disjoint ranges of its line.
        var start = span.Start;
        var end = span.End;
        var at = 0;
        while (at < ranges.Count && ranges[at].End < start)
        {
            at++;
        }

        while (at < ranges.Count && ranges[at].Start <= end)
        {
            start = Math.Min(start, ranges[at].Start);
            end = Math.Max(end, ranges[at].End);
            ranges.RemoveAt(at);
        }

        ranges.Insert(at, (start, end));
    }

    /// <summary>Whether every unit of a span is in this set.</summary>
    public bool Contains(Span span)
    {
        foreach (var (start, end) in _byLine.GetValueOrDefault(span.Line) ?? [])
        {
            if (start <= span.Start && span.End <= end)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The units of the spans that are in this set, in the spans' order.</summary>
    public List<Span> Intersect(IEnumerable<Span> spans) => Filter(spans, keep: true);

    /// <summary>The units of the spans that are not in this set, in the spans' order.</summary>
    public List<Span> Except(IEnumerable<Span> spans) => Filter(spans, keep: false);

    private List<Span> Filter(IEnumerable<Span> spans, bool keep)
    {
        var result = new List<Span>();
        foreach (var span in spans)
        {
            var ranges = _byLine.GetValueOrDefault(span.Line);
            var at = span.Start;
            foreach (var (start, end) in ranges ?? [])
            {
                if (end <= at || start >= span.End)
                {
                    continue;
                }

                if (!keep && start > at)
                {
                    result.Add(new Span(span.Line, at, start - at));
                }

                var from = Math.Max(start, at);
                var to = Math.Min(end, span.End);
                if (keep)
                {
                    result.Add(new Span(span.Line, from, to - from));
                }

                at = to;
            }

            if (!keep && at < span.End)
            {
                result.Add(new Span(span.Line, at, span.End - at));
            }
        }

        return result;
    }
}
