using System;
using System.Collections.Generic;
using System.Linq;

namespace PromoEngine;

/// <summary>A run of units of one line that have had exactly the same things happen to them.</summary>
internal sealed class Piece
{
    public required int Start { get; set; }

    public required int Count { get; set; }

    /// <summary>What is left of each unit's price.</summary>
    public required decimal Remaining { get; set; }

    // Implementation note: most pieces take one adjustment, kept inline; a list is made for the second.
    private UnitAdjustment _first;
    private List<UnitAdjustment>? _more;

    /// <summary>How many adjustments each unit has.</summary>
    public int AdjustmentCount { get; private set; }

    /// <summary>The adjustments on each unit, in the order they applied: the one at <paramref name="index"/>.</summary>
    public UnitAdjustment AdjustmentAt(int index) => index == 0 ? _first : _more![index - 1];

    /// <summary>Adds an adjustment on each unit, after those before it.</summary>
    public void AddAdjustment(UnitAdjustment adjustment)
    {
        if (AdjustmentCount == 0)
        {
            _first = adjustment;
        }
        else
        {
            // Pieces that take a second adjustment often take a third (item, order and shipping lanes).
            (_more ??= new(2)).Add(adjustment);
        }

        AdjustmentCount++;
    }

    /// <summary>The promotion whose stop holds these units from lower lanes.</summary>
    public Promotion? StoppedBy { get; set; }

    /// <summary>The promotion that took these units in the current lane.</summary>
    public Promotion? ClaimedBy { get; set; }

    public int End => Start + Count;

    /// <summary>Cuts this piece at <paramref name="offset"/> and returns the units from there on, alike in all else.</summary>
    public Piece SplitAt(int offset)
    {
        var tail = new Piece
        {
            Start = Start + offset,
            Count = Count - offset,
            Remaining = Remaining,
            StoppedBy = StoppedBy,
            ClaimedBy = ClaimedBy,
            _first = _first,
            _more = _more is null ? null : [.. _more],
            AdjustmentCount = AdjustmentCount,
        };
        Count = offset;
        return tail;
    }
}

/// <summary>
/// The units of a cart, held as runs: each line is a few pieces of units that are alike (one piece at first), so the
/// cost of an evaluation does not grow with a line's quantity. A piece is cut only where units come to differ (a
/// set price on some of them, a cent of an allocation). Units are in a canonical order, by line id and then by index
/// in the line, so the result does not depend on the order of the cart's lines.
/// </summary>
/// <remarks>Implementation note: units of one piece are interchangeable, so where a rule treats some of them one way
/// and some another (the free units of a buy-one-get-one in one line), the ones treated alike are kept together in
/// the piece rather than interleaved: the result per line is the same, and only which unit index carries which
/// adjustment in <see cref="LineResult.Units"/> follows from it.</remarks>
internal sealed class UnitPool : IUnitPrices
{
    private readonly Cart _cart;
    private List<Piece>?[]? _pieces; // by line; null: the line is as it came, one run at its price (see Pristine); made at the first cut
    private readonly Shared _shared; // what every fresh copy of this pool shares with it

    public UnitPool(Cart cart)
    {
        _cart = cart;
        (LinesInOrder, RankOfLine) = cart.CanonicalOrder;
        _shared = new Shared();
    }

    /// <summary>A pool of the same units at their original prices; shares everything that never changes.</summary>
    private UnitPool(UnitPool other)
    {
        _cart = other._cart;
        LinesInOrder = other.LinesInOrder;
        RankOfLine = other.RankOfLine;
        _shared = other._shared;
    }

    /// <summary>The same units, every price back to its original.</summary>
    public UnitPool Fresh() => new(this);

    /// <summary>Cart line indices in canonical (line id) order.</summary>
    public int[] LinesInOrder { get; }

    /// <summary>Each cart line's place in <see cref="LinesInOrder"/>.</summary>
    public int[] RankOfLine { get; }

    /// <summary>Each cart line's item: the first line, in canonical order, of the lines alike in all but id and
    /// quantity.</summary>
    public int[] ItemOf => _shared.ItemOf ??= Items(_cart, LinesInOrder);

    /// <summary>Whether every line is an item of its own (no two lines are alike): then <see cref="ByItem"/> gives
    /// each line alone, in the order given.</summary>
    public bool LinesAreItems => _shared.LinesAreItems ??= EachOwnItem(ItemOf);

    private static bool EachOwnItem(int[] itemOf)
    {
        for (var line = 0; line < itemOf.Length; line++)
        {
            if (itemOf[line] != line)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Lines grouped by item, in the order given (an item where its first line is); remembered for each list
    /// of lines (a promotion's scope is one list for the whole evaluation).</summary>
    public List<List<int>> ByItem(int[] lines)
    {
        if (_shared.ByItem.TryGetValue(lines, out var known))
        {
            return known;
        }

        // Implementation note: an item's list is found by its first line (whose item it is), by a look through the
        // lists made so far while they are few, else through an index.
        var items = new List<List<int>>();
        Dictionary<int, int>? index = null; // made when the lists become many
        foreach (var line in lines)
        {
            var item = ItemOf[line];
            var at = -1;
            if (index is not null)
            {
                at = index.GetValueOrDefault(item, -1);
            }
            else
            {
                for (var i = 0; i < items.Count; i++)
                {
                    if (ItemOf[items[i][0]] == item)
                    {
                        at = i;
                        break;
                    }
                }
            }

            if (at < 0)
            {
                at = items.Count;
                items.Add([]);
                if (index is not null)
                {
                    index[item] = at;
                }
                else if (items.Count > 16)
                {
                    index = [];
                    for (var i = 0; i < items.Count; i++)
                    {
                        index[ItemOf[items[i].Count > 0 ? items[i][0] : line]] = i;
                    }
                }
            }

            items[at].Add(line);
        }

        _shared.ByItem[lines] = items;
        return items;
    }

    /// <summary>Whether a promotion of this evaluation cut or changed a line's units (else it is one run at its price).</summary>
    /// <param name="line">The line's index in the cart.</param>
    /// <returns><see langword="false"/> while the line is as it came.</returns>
    public bool IsTouched(int line) => _pieces?[line] is not null;

    /// <summary>The pieces of a line, by their first unit; together they hold every unit of the line once. To read
    /// only: what changes pieces goes through <see cref="Cover"/>.</summary>
    public IReadOnlyList<Piece> PiecesOf(int line) => (IReadOnlyList<Piece>?)_pieces?[line]
        ?? ((_shared.Pristine ??= new Piece[_cart.Lines.Length][])[line] ??= [Pristine(_cart.Lines[line])]);

    /// <summary><see cref="CompareCanonical"/> as a delegate, made once per pool.</summary>
    public Comparison<Span> Canonical => field ??= CompareCanonical;

    /// <summary>Orders spans as their units stand in the canonical order.</summary>
    public int CompareCanonical(Span a, Span b)
    {
        var byLine = RankOfLine[a.Line].CompareTo(RankOfLine[b.Line]);
        return byLine != 0 ? byLine : a.Start.CompareTo(b.Start);
    }

    /// <summary>The pieces that hold exactly the units of a span, cutting pieces at its ends where needed.</summary>
    public PieceRange Cover(Span span)
    {
        var pieces = (_pieces ??= new List<Piece>?[_cart.Lines.Length])[span.Line] ??= [Pristine(_cart.Lines[span.Line])];
        var first = CutAt(pieces, span.Start);
        var last = CutAt(pieces, span.End);
        return new PieceRange(pieces, first, last);
    }

    /// <summary>What is left of the units of some spans, summed in the order <see cref="Read(List{Span})"/> gives their parts.</summary>
    /// <param name="amounts">The spans, each with an amount that is not read.</param>
    /// <returns>The sum of the remaining price of every unit, part by part.</returns>
    public decimal Left(List<(Span Span, decimal Amount)> amounts)
    {
        var left = 0m;
        for (var s = 0; s < amounts.Count; s++)
        {
            var span = amounts[s].Span;
            if (_pieces?[span.Line] is not { } pieces)
            {
                if (span.End > 0)
                {
                    var line = _cart.Lines[span.Line];
                    left += line.UnitPrice.Amount * (Math.Min(line.Quantity, span.End) - Math.Max(0, span.Start));
                }

                continue;
            }

            for (var i = IndexOf(pieces, span.Start); i < pieces.Count && pieces[i].Start < span.End; i++)
            {
                var piece = pieces[i];
                left += piece.Remaining * (Math.Min(piece.End, span.End) - Math.Max(piece.Start, span.Start));
            }
        }

        return left;
    }

    /// <summary>The spans read as parts of alike units: each span is cut where its units now differ. Reads only.</summary>
    public List<Part> Read(List<Span> spans)
    {
        var parts = new List<Part>(spans.Count);
        for (var s = 0; s < spans.Count; s++)
        {
            var span = spans[s];
            if (_pieces?[span.Line] is not { } pieces)
            {
                // A line as it came is one run of units at its price (read as its one piece would be).
                if (span.End > 0)
                {
                    var line = _cart.Lines[span.Line];
                    var first = Math.Max(0, span.Start);
                    parts.Add(new Part(new Span(span.Line, first, Math.Min(line.Quantity, span.End) - first), line.UnitPrice.Amount));
                }

                continue;
            }

            for (var i = IndexOf(pieces, span.Start); i < pieces.Count && pieces[i].Start < span.End; i++)
            {
                var piece = pieces[i];
                var start = Math.Max(piece.Start, span.Start);
                var end = Math.Min(piece.End, span.End);
                parts.Add(new Part(new Span(span.Line, start, end - start), piece.Remaining));
            }
        }

        return parts;
    }

    /// <summary>Reads one span as <see cref="Read(List{Span})"/> does, adding its parts with a weight to a list.</summary>
    /// <param name="span">The units to read.</param>
    /// <param name="weight">The weight each part is added with.</param>
    /// <param name="parts">The list the parts are added to.</param>
    public void Read(Span span, decimal weight, List<(Part Part, decimal Weight)> parts)
    {
        if (_pieces?[span.Line] is not { } pieces)
        {
            if (span.End > 0)
            {
                var line = _cart.Lines[span.Line];
                var first = Math.Max(0, span.Start);
                parts.Add((new Part(new Span(span.Line, first, Math.Min(line.Quantity, span.End) - first), line.UnitPrice.Amount), weight));
            }

            return;
        }

        for (var i = IndexOf(pieces, span.Start); i < pieces.Count && pieces[i].Start < span.End; i++)
        {
            var piece = pieces[i];
            var start = Math.Max(piece.Start, span.Start);
            var end = Math.Min(piece.End, span.End);
            parts.Add((new Part(new Span(span.Line, start, end - start), piece.Remaining), weight));
        }
    }

    /// <summary>Sorts parts by what is left of their price; ties keep the canonical order.</summary>
    public List<Part> SortByRemaining(List<Part> parts, bool descending)
    {
        var sorted = new List<Part>(parts);
        sorted.Sort((a, b) =>
        {
            var byPrice = descending ? b.Remaining.CompareTo(a.Remaining) : a.Remaining.CompareTo(b.Remaining);
            return byPrice != 0 ? byPrice : CompareCanonical(a.Span, b.Span);
        });
        return sorted;
    }

    /// <summary>Each list of parts cut wherever a part of any of the lists begins or ends (see
    /// <see cref="Parts.CutAtEdges"/>).</summary>
    public static List<List<Part>> CutAtEdges(IReadOnlyList<List<Part>> lists) => Parts.CutAtEdges(lists);

    /// <summary>Forgets which promotion took which units: a new lane begins.</summary>
    public void ClearClaims()
    {
        foreach (var pieces in _pieces ?? [])
        {
            if (pieces is null)
            {
                continue;
            }

            foreach (var piece in pieces)
            {
                piece.ClaimedBy = null;
            }
        }
    }

    /// <summary>The index of the piece holding a unit.</summary>
    private static int IndexOf(IReadOnlyList<Piece> pieces, int unit)
    {
        int low = 0, high = pieces.Count - 1;
        while (low < high)
        {
            var mid = (low + high + 1) / 2;
            if (pieces[mid].Start <= unit)
            {
                low = mid;
            }
            else
            {
                high = mid - 1;
            }
        }

        return low;
    }

    /// <summary>Makes a piece start at <paramref name="unit"/> (unless it is past the line) and returns its index.</summary>
    private static int CutAt(List<Piece> pieces, int unit)
    {
        if (unit >= pieces[^1].End)
        {
            return pieces.Count;
        }

        var index = IndexOf(pieces, unit);
        var piece = pieces[index];
        if (piece.Start == unit)
        {
            return index;
        }

        pieces.Insert(index + 1, piece.SplitAt(unit - piece.Start));
        return index + 1;
    }

    /// <summary>What a pool and its fresh copies share: facts of the cart, found once.</summary>
    private sealed class Shared
    {
        public int[]? ItemOf { get; set; }

        /// <summary>By line, the one piece of a line as it came, made when the line is first read as pieces (most
        /// lines are never: see <see cref="IsTouched"/>); never changed.</summary>
        public Piece[]?[]? Pristine { get; set; }

        public Dictionary<int[], List<List<int>>> ByItem => field ??= new(ReferenceEqualityComparer.Instance);

        public bool? LinesAreItems { get; set; }
    }

    private static Piece Pristine(CartLine line) => new() { Start = 0, Count = line.Quantity, Remaining = line.UnitPrice.Amount };

    /// <summary>Each line's item: lines alike in everything a promotion can look at hold one item. Allocations treat
    /// them as one line, and the solver's groups take their units together, so splitting a line in several never
    /// changes an answer.</summary>
    private static int[] Items(Cart cart, int[] linesInOrder)
    {
        var itemOf = new int[linesInOrder.Length];
        var bySku = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        foreach (var line in linesInOrder)
        {
            itemOf[line] = line;
            if (!bySku.TryGetValue(cart.Lines[line].Sku, out var items))
            {
                bySku[cart.Lines[line].Sku] = [line];
                continue;
            }

            foreach (var other in items)
            {
                if (Alike(cart.Lines[other], cart.Lines[line]))
                {
                    itemOf[line] = other;
                    break;
                }
            }

            if (itemOf[line] == line)
            {
                items.Add(line);
            }
        }

        return itemOf;
    }

    private static bool Alike(CartLine a, CartLine b) =>
        a.Sku == b.Sku
        && a.UnitPrice.Amount == b.UnitPrice.Amount
        && a.Brand == b.Brand
        && a.Categories.SequenceEqual(b.Categories)
        && a.Tags.SequenceEqual(b.Tags)
        && a.Attributes.Count == b.Attributes.Count
        && a.Attributes.All(kv => b.Attributes.TryGetValue(kv.Key, out var value) && value == kv.Value);
}

/// <summary>Some consecutive pieces of a line, as <see cref="UnitPool.Cover"/> gives them; enumerated without a copy.</summary>
internal readonly struct PieceRange(List<Piece> pieces, int start, int end)
{
    public Enumerator GetEnumerator() => new(pieces, start, end);

    public struct Enumerator(List<Piece> pieces, int start, int end)
    {
        private int _index = start - 1;

        public readonly Piece Current => pieces[_index];

        public bool MoveNext() => ++_index < end;
    }
}

/// <summary>What one promotion took off each unit of a piece: the data of a unit's <see cref="Adjustment"/>, made into one
/// only when a result shows units.</summary>
internal readonly record struct UnitAdjustment(PromotionId PromotionId, DiscountClass Class, decimal Amount);
