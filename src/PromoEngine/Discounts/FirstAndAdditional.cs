using System;
using System.Collections.Generic;
using System.Text.Json;

namespace PromoEngine;

/// <summary>An amount off the first unit and another off each additional unit, a flexi rate
/// (<see cref="Discount.FirstAndAdditional"/>): "$5 off the first, $1 off each additional". The dearest unit is the
/// first; each line has its own first unit, or the qualifying lines share one (<see cref="UnitScope"/>).</summary>
internal sealed class FirstAndAdditionalDiscount : ItemDiscount
{
    // Definition and factory.
    private FirstAndAdditionalDiscount(Money first, Money additional, UnitScope scope)
        : base(DiscountClass.Item)
    {
        First = first;
        Additional = additional;
        Scope = scope;
    }

    /// <summary>The amount off the first unit.</summary>
    public Money First { get; }

    /// <summary>The amount off each additional unit; zero for the first unit alone.</summary>
    public Money Additional { get; }

    public UnitScope Scope { get; }

    public static FirstAndAdditionalDiscount Create(Money first, Money additional, UnitScope scope)
    {
        CheckAmount(first, nameof(first));
        if (additional.Currency.IsDefault || additional.IsNegative || !additional.IsRounded)
        {
            throw new ArgumentOutOfRangeException(nameof(additional), additional, "The amount off each additional unit must be zero or more and rounded to its minor unit.");
        }

        Internal.Guard.WithinMaxAmount(additional);
        if (first.Currency != additional.Currency)
        {
            throw new CurrencyMismatchException(first.Currency, additional.Currency, nameof(additional));
        }

        if (scope is not (UnitScope.EachLine or UnitScope.AcrossLines))
        {
            throw new ArgumentOutOfRangeException(nameof(scope), scope, "Not a defined UnitScope value.");
        }

        return new FirstAndAdditionalDiscount(first, additional, scope);
    }

    internal override Currency? AmountCurrency => First.Currency;

    // Calculator.
    public override ItemProposal Propose(IUnitPrices pool, List<Span> eligible, List<Span> getEligible)
    {
        var proposal = new ItemProposal();
        var parts = pool.SortByRemaining(pool.Read(eligible), descending: true);
        var firstTaken = new HashSet<int>(); // lines whose first unit is given; -1 for the order
        var nominal = 0m;
        foreach (var part in parts)
        {
            var offset = 0;
            if (firstTaken.Add(Scope == UnitScope.EachLine ? part.Span.Line : -1))
            {
                proposal.Discount(part.Slice(0, 1), Math.Min(First.Amount, part.Remaining));
                nominal += First.Amount;
                offset = 1;
            }

            if (offset < part.Count && Additional.Amount > 0m)
            {
                proposal.Discount(part.Slice(offset, part.Count - offset), Math.Min(Additional.Amount, part.Remaining));
                nominal += Additional.Amount * (part.Count - offset);
            }
        }

        proposal.Nominal = nominal;
        return proposal;
    }

    public override decimal MostPerUnit(decimal remaining) => Math.Min(Math.Max(First.Amount, Additional.Amount), remaining);

    public override bool HasOwnNominal => true;

    public override decimal NominalPerUnit(decimal remaining) => Math.Max(First.Amount, Additional.Amount);

    // With the larger amount first, one more unit takes the first amount from a cheaper one at most.
    public override bool IsMonotone => First.Amount >= Additional.Amount;

    // JSON: {"type": "firstAndAdditional", "first": money, "additional": money, "scope": "eachLine" | "acrossLines",
    // "maxUnits"?: limit, "priceFloor"?: floor}; schema: the discount oneOf entry whose type is "firstAndAdditional".
    public const string JsonType = "firstAndAdditional";

    public static Discount? Read(DiscountJsonReader json)
    {
        json.Properties("type", "first", "additional", "scope");
        var first = json.Money("first");
        var additional = json.Money("additional");
        var scope = json.Enum("scope", UnitScope.EachLine, ("eachLine", UnitScope.EachLine), ("acrossLines", UnitScope.AcrossLines));
        return first is { } f && additional is { } a && scope is { } s ? json.Make(string.Empty, () => Create(f, a, s)) : null;
    }

    internal override void WriteJson(Utf8JsonWriter writer)
    {
        writer.WriteString("type", JsonType);
        DiscountJsonWriting.Money(writer, "first", First);
        DiscountJsonWriting.Money(writer, "additional", Additional);
        writer.WriteString("scope", Scope == UnitScope.EachLine ? "eachLine" : "acrossLines");
    }

    // What may be asked of it.
    internal override bool MovesValue => true;

    internal override bool DependsOnLines => Scope == UnitScope.EachLine;

    public override string ToString() =>
        $"{First} off the first unit{(Scope == UnitScope.EachLine ? " of each line" : string.Empty)}, {Additional} off each additional";
}
