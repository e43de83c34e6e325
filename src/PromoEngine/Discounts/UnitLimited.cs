using System;
using System.Collections.Generic;
using System.Text.Json;

namespace PromoEngine;

/// <summary>An item discount on at most so many units of each line and of the order (<see cref="Discount.LimitUnits"/>):
/// the units are chosen first, cheapest or dearest first by what is left of their price, and the inner discount
/// applies its own rules to them alone. The units left out stay free for other promotions of the lane.</summary>
/// <remarks>For a discount on sets (buy X get Y, a fixed price for N) the limit counts every unit a set uses, bought
/// or discounted, and with separate get items it chooses among both alike; a limit per order below the set size is
/// refused, since the discount could never apply.</remarks>
internal sealed class UnitLimitedDiscount : ItemDiscount
{
    // Definition and factory.
    private UnitLimitedDiscount(ItemDiscount inner, int? perLine, int? perOrder, UnitSelection selection)
        : base(DiscountClass.Item)
    {
        Inner = inner;
        PerLine = perLine;
        PerOrder = perOrder;
        Selection = selection;
    }

    /// <summary>The discount that applies to the chosen units.</summary>
    public ItemDiscount Inner { get; }

    /// <summary>The most units of one cart line, or <see langword="null"/> for no limit per line.</summary>
    public int? PerLine { get; }

    /// <summary>The most units of the whole order, or <see langword="null"/> for no limit per order.</summary>
    public int? PerOrder { get; }

    /// <summary>Which units are chosen first.</summary>
    public UnitSelection Selection { get; }

    public static Discount Create(Discount discount, int? perLine, int? perOrder, UnitSelection selection)
    {
        if (WithShippingDiscount.Around(discount, d => Create(d, perLine, perOrder, selection)) is { } around)
        {
            return around;
        }

        // A limit on a limited discount replaces it.
        var inner = discount switch
        {
            UnitLimitedDiscount limited => limited.Inner,
            ItemDiscount item => item,
            _ => throw new ArgumentException("Only an item discount can be limited to a number of units.", nameof(discount)),
        };
        if (perLine is null && perOrder is null)
        {
            throw new ArgumentException("A unit limit needs a limit per line, per order, or both.", nameof(perLine));
        }

        if (perLine is < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(perLine), perLine, "Must be one or more.");
        }

        if (perOrder is < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(perOrder), perOrder, "Must be one or more.");
        }

        if (perOrder < inner.Granularity)
        {
            throw new ArgumentOutOfRangeException(nameof(perOrder), perOrder,
                FormattableString.Invariant($"The discount works on sets of {inner.Granularity} units: a limit of {perOrder} per order means it never applies."));
        }

        if (selection is not (UnitSelection.Cheapest or UnitSelection.MostExpensive))
        {
            throw new ArgumentOutOfRangeException(nameof(selection), selection, "Not a defined UnitSelection value.");
        }

        return new UnitLimitedDiscount(inner, perLine, perOrder, selection);
    }

    internal override Currency? AmountCurrency => Inner.AmountCurrency;

    // Calculator.
    public override ItemProposal Propose(IUnitPrices pool, List<Span> eligible, List<Span> getEligible)
    {
        var chosen = new SpanSet(Choose(pool, GetItems is null ? eligible : [.. eligible, .. new SpanSet(eligible).Except(getEligible)]));
        var qualifying = chosen.Intersect(eligible);
        return Inner.Propose(pool, qualifying, GetItems is null ? qualifying : chosen.Intersect(getEligible));
    }

    /// <summary>The units the limit lets the discount use, in the order chosen.</summary>
    private List<Span> Choose(IUnitPrices pool, List<Span> units)
    {
        var chosen = new List<Span>();
        var perLine = new Dictionary<int, int>();
        var left = PerOrder ?? int.MaxValue;
        foreach (var part in pool.SortByRemaining(pool.Read(units), descending: Selection == UnitSelection.MostExpensive))
        {
            var used = perLine.GetValueOrDefault(part.Span.Line);
            var take = Math.Min(Math.Min(part.Count, left), (PerLine ?? int.MaxValue) - used);
            if (take > 0)
            {
                chosen.Add(part.Span.Slice(0, take));
                perLine[part.Span.Line] = used + take;
                left -= take;
            }
        }

        return chosen;
    }

    public override decimal MostPerUnit(decimal remaining) => Inner.MostPerUnit(remaining);

    public override bool HasOwnNominal => Inner.HasOwnNominal;

    public override decimal NominalPerUnit(decimal remaining) => Inner.NominalPerUnit(remaining);

    // Implementation note: cheapest first, one more cheap unit lowers the saving, so this is not strictly monotone. It is
    // said to be on purpose: the lane solver then never holds units back from the limit to steer it onto dearer ones
    // (the merchant chose which units it takes); units still go to another promotion when that saves more.
    public override bool IsMonotone => Inner.IsMonotone;

    public override int Granularity => Inner.Granularity;

    public override int? MaxSets
    {
        get
        {
            var limit = PerOrder is { } units ? units / Inner.Granularity : (int?)null;
            return Inner.MaxSets is { } sets && (limit is null || sets < limit) ? sets : limit;
        }
    }

    // JSON: the inner discount's properties and "maxUnits": {"perLine"?: n, "perOrder"?: n, "selection"?: "cheapest" |
    // "mostExpensive"}; schema: "maxUnits" ($defs/unitLimit) on every item discount of the discount oneOf.
    // DiscountKinds reads it around every item kind's own reader.
    public const string JsonProperty = "maxUnits";

    public static Discount? ReadAround(DiscountJsonReader json, Func<DiscountJsonReader, Discount?> read)
    {
        if (!json.Has(JsonProperty))
        {
            return read(json);
        }

        var inner = read(json.Allowing(JsonProperty));
        var before = json.ErrorCount;
        var limit = json.Object(JsonProperty);
        if (limit is not { } l || !l.Properties("perLine", "perOrder", "selection"))
        {
            return null;
        }

        var perLine = l.OptionalInt("perLine");
        var perOrder = l.OptionalInt("perOrder");
        var selection = l.Enum("selection", UnitSelection.Cheapest, ("cheapest", UnitSelection.Cheapest), ("mostExpensive", UnitSelection.MostExpensive));
        return inner is not null && selection is { } s && json.ErrorCount == before
            ? l.Make(string.Empty, (inner, perLine, perOrder, s), static d => Create(d.inner, d.perLine, d.perOrder, d.s))
            : null;
    }

    internal override void WriteJson(Utf8JsonWriter writer)
    {
        Inner.WriteJson(writer);
        writer.WriteStartObject(JsonProperty);
        DiscountJsonWriting.Optional(writer, "perLine", PerLine);
        DiscountJsonWriting.Optional(writer, "perOrder", PerOrder);
        writer.WriteString("selection", Selection == UnitSelection.Cheapest ? "cheapest" : "mostExpensive");
        writer.WriteEndObject();
    }

    // What may be asked of it.
    internal override ItemFilter? GetItems => Inner.GetItems;

    internal override bool MovesValue => true;

    internal override bool DependsOnLines => PerLine is not null || Inner.DependsOnLines;

    internal override bool CannotApply(decimal subtotal, int quantity, Func<ItemFilter, int> unitsOf) => Inner.CannotApply(subtotal, quantity, unitsOf);

    internal override bool LintsItemsThatNeverMatch => Inner.LintsItemsThatNeverMatch;

    internal override void Lint(Promotion promotion, List<LintFinding> findings) => Inner.Lint(promotion, findings);

    public override string ToString()
    {
        var which = Selection == UnitSelection.Cheapest ? "cheapest" : "dearest";
        var limits = (PerLine, PerOrder) switch
        {
            ({ } line, { } order) => FormattableString.Invariant($"at most {line} per line and {order} per order"),
            ({ } line, null) => FormattableString.Invariant($"at most {line} per line"),
            _ => FormattableString.Invariant($"at most {PerOrder} per order"),
        };
        return $"{Inner}, {limits}, {which} first";
    }
}
