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
        // Implementation note: the edges of every line in one sorted list of (line, unit), searched by binary search.
        var count = 0;
        foreach (var list in lists)
        {
            count += list.Count * 2;
        }

        var edges = new List<(int Line, int Unit)>(count);
        foreach (var list in lists)
        {
            foreach (var part in list)
            {
                edges.Add((part.Span.Line, part.Span.Start));
                edges.Add((part.Span.Line, part.Span.End));
            }
        }

        edges.Sort();
        var result = new List<List<Part>>(lists.Count);
        foreach (var list in lists)
        {
            var cut = new List<Part>(list.Count);
            foreach (var part in list)
            {
                var line = part.Span.Line;
                var start = part.Span.Start;
                var at = edges.BinarySearch((line, start + 1));
                for (var i = at < 0 ? ~at : at; i < edges.Count && edges[i].Line == line && edges[i].Unit < part.Span.End; i++)
                {
                    if (edges[i].Unit > start)
                    {
                        cut.Add(part.Slice(start - part.Span.Start, edges[i].Unit - start));
                        start = edges[i].Unit;
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
/// <remarks>Implementation note: one list of ranges sorted by line and then by first unit (a few per set in practice),
/// not a list per line: a set is made for every proposal on a solver's set, so it should cost one small list.</remarks>
internal sealed class SpanSet
{
    private readonly List<(int Line, int Start, int End)> _ranges = [];

    public SpanSet()
    {
    }

    public SpanSet(IEnumerable<Span> spans) => AddRange(spans);

    public SpanSet(List<Span> spans)
    {
        _ranges.Capacity = spans.Count;
        foreach (var span in spans)
        {
            Add(span);
        }
    }

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

        // Merged into the sorted, disjoint ranges of its line.
        var start = span.Start;
        var end = span.End;
        var at = FirstOf(span.Line);
        while (at < _ranges.Count && _ranges[at].Line == span.Line && _ranges[at].End < start)
        {
            at++;
        }

        while (at < _ranges.Count && _ranges[at].Line == span.Line && _ranges[at].Start <= end)
        {
            start = Math.Min(start, _ranges[at].Start);
            end = Math.Max(end, _ranges[at].End);
            _ranges.RemoveAt(at);
        }

        _ranges.Insert(at, (span.Line, start, end));
    }

    /// <summary>Whether every unit of a span is in this set.</summary>
    public bool Contains(Span span)
    {
        for (var at = FirstOf(span.Line); at < _ranges.Count && _ranges[at].Line == span.Line; at++)
        {
            if (_ranges[at].Start <= span.Start && span.End <= _ranges[at].End)
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

    /// <summary>The index of the first range of a line, or where it would be.</summary>
    private int FirstOf(int line)
    {
        int low = 0, high = _ranges.Count;
        while (low < high)
        {
            var mid = (low + high) / 2;
            if (_ranges[mid].Line < line)
            {
                low = mid + 1;
            }
            else
            {
                high = mid;
            }
        }

        return low;
    }

    private List<Span> Filter(IEnumerable<Span> spans, bool keep)
    {
        var result = spans is List<Span> list ? new List<Span>(list.Count) : new List<Span>();
        if (spans is List<Span> given)
        {
            foreach (var span in given)
            {
                Filter(span, keep, result);
            }
        }
        else
        {
            foreach (var span in spans)
            {
                Filter(span, keep, result);
            }
        }

        return result;
    }

    private void Filter(Span span, bool keep, List<Span> result)
    {
        var at = span.Start;
        for (var i = FirstOf(span.Line); i < _ranges.Count && _ranges[i].Line == span.Line; i++)
        {
            var (_, start, end) = _ranges[i];
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
}
