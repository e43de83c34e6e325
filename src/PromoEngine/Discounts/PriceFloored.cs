using System;
using System.Collections.Generic;
using System.Text.Json;
using PromoEngine.Internal;

namespace PromoEngine;

/// <summary>An item discount that never takes a unit below a minimum price: an amount, or a share of what the unit
/// cost before this promotion (<see cref="Discount.WithPriceFloor"/>, <see cref="Discount.WithPriceFloorPercent"/>).
/// When the floor holds the discount back, the applied promotion says so (<see cref="ClampedBy.PriceFloor"/>).</summary>
internal sealed class PriceFlooredDiscount : ItemDiscount
{
    // Definition and factory.
    private PriceFlooredDiscount(ItemDiscount inner, Money? floor, decimal? percent)
        : base(DiscountClass.Item)
    {
        Inner = inner;
        Floor = floor;
        Percent = percent;
    }

    /// <summary>The discount the floor holds back.</summary>
    public ItemDiscount Inner { get; }

    /// <summary>The lowest price a unit may be left at, when the floor is an amount.</summary>
    public Money? Floor { get; }

    /// <summary>The share of what a unit cost before this promotion that it keeps at least, when the floor is one.</summary>
    public decimal? Percent { get; }

    public static Discount Create(Discount discount, Money? floor, decimal? percent)
    {
        // A floor sits inside a unit limit (the limit chooses the units, the floor holds each back), and a new floor
        // replaces an old one: so every combination has one shape, written and read back alike.
        if (WithShippingDiscount.Around(discount, d => Create(d, floor, percent)) is { } around)
        {
            return around;
        }

        switch (discount)
        {
            case UnitLimitedDiscount limited:
                return UnitLimitedDiscount.Create(Create(limited.Inner, floor, percent), limited.PerLine, limited.PerOrder, limited.Selection);
            case PriceFlooredDiscount floored:
                return Create(floored.Inner, floor, percent);
            case ItemDiscount item:
                if (floor is { } f)
                {
                    CheckAmount(f, nameof(floor));
                    if (item.AmountCurrency is { } currency && currency != f.Currency)
                    {
                        throw new CurrencyMismatchException(currency, f.Currency, nameof(floor));
                    }
                }

                if (percent is not (null or (> 0m and < 100m)))
                {
                    throw new ArgumentOutOfRangeException(nameof(percent), percent, "A price floor's share must be in (0, 100).");
                }

                return new PriceFlooredDiscount(item, floor, percent);
            default:
                throw new ArgumentException("Only an item discount can have a price floor.", nameof(discount));
        }
    }

    internal override Currency? AmountCurrency => Inner.AmountCurrency ?? Floor?.Currency;

    // Calculator.
    public override ItemProposal Propose(IUnitPrices pool, List<Span> eligible, List<Span> getEligible)
    {
        var inner = Inner.Propose(pool, eligible, getEligible);
        var proposal = new ItemProposal { MissingQuantity = inner.MissingQuantity, Nominal = inner.Nominal ?? inner.Total };
        var cut = 0m;
        foreach (var (span, amount) in inner.Amounts)
        {
            foreach (var part in pool.Read([span]))
            {
                var most = MostLeaving(part.Remaining);
                if (amount > most)
                {
                    cut += (amount - most) * part.Count;
                    proposal.Floored = true;
                }

                proposal.Amounts.Add((part.Span, Math.Min(amount, most)));
            }
        }

        proposal.Claimed.AddRange(inner.Claimed);
        if (inner.ExactTotal is { } exact)
        {
            proposal.ExactTotal = exact - cut;
        }

        return proposal;
    }

    /// <summary>The most a unit with this much left may take and stay at or above the floor.</summary>
    private decimal MostLeaving(decimal remaining) =>
        Math.Max(0m, remaining - (Floor is { } floor ? floor.Amount : Decimals.DividedByPowerOfTen(remaining * Percent!.Value, 2)));

    public override decimal MostPerUnit(decimal remaining) => Math.Min(Inner.MostPerUnit(remaining), MostLeaving(remaining));

    public override bool HasOwnNominal => Inner.HasOwnNominal;

    public override decimal NominalPerUnit(decimal remaining) => Inner.NominalPerUnit(remaining);

    // A floor holds each unit back on its own: the saving on a set of units is still the sum over them.
    public override bool IsAdditive => Inner.IsAdditive;

    public override bool IsMonotone => Inner.IsMonotone;

    public override int Granularity => Inner.Granularity;

    public override int? MaxSets => Inner.MaxSets;

    // JSON: the inner discount's properties and "priceFloor": {"amount": money} or {"percent": 60}; schema: "priceFloor"
    // ($defs/priceFloor) on every item discount of the discount oneOf. DiscountKinds reads it around every item kind's
    // own reader.
    public const string JsonProperty = "priceFloor";

    public static Discount? ReadAround(DiscountJsonReader json, Func<DiscountJsonReader, Discount?> read)
    {
        if (!json.Has(JsonProperty))
        {
            return read(json);
        }

        var inner = read(json.Allowing(JsonProperty));
        var before = json.ErrorCount;
        if (json.Object(JsonProperty) is not { } floor || !floor.Properties("amount", "percent"))
        {
            return null;
        }

        if (floor.Has("amount") == floor.Has("percent"))
        {
            floor.Error("needs exactly one of amount and percent.");
            return null;
        }

        var amount = floor.OptionalMoney("amount");
        var percent = floor.OptionalDecimal("percent");
        return inner is not null && json.ErrorCount == before ? floor.Make(string.Empty, (inner, amount, percent), static d => Create(d.inner, d.amount, d.percent)) : null;
    }

    internal override void WriteJson(Utf8JsonWriter writer)
    {
        Inner.WriteJson(writer);
        writer.WriteStartObject(JsonProperty);
        if (Floor is { } floor)
        {
            DiscountJsonWriting.Money(writer, "amount", floor);
        }
        else
        {
            writer.WriteNumber("percent", Percent!.Value);
        }

        writer.WriteEndObject();
    }

    // What may be asked of it.
    internal override ItemFilter? GetItems => Inner.GetItems;

    internal override bool MovesValue => Inner.MovesValue;

    internal override bool DependsOnLines => Inner.DependsOnLines;

    internal override bool CannotApply(decimal subtotal, int quantity, Func<ItemFilter, int> unitsOf) => Inner.CannotApply(subtotal, quantity, unitsOf);

    internal override bool LintsItemsThatNeverMatch => Inner.LintsItemsThatNeverMatch;

    internal override void Lint(Promotion promotion, List<LintFinding> findings)
    {
        Inner.Lint(promotion, findings);
        if (Percent is { } keep && Inner.FlatPercent is { } off && keep > 100m - off)
        {
            findings.Add(CatalogLinter.Finding(LintRule.PriceFloorAlwaysBinds, LintSeverity.Warning, [promotion],
                FormattableString.Invariant($"{promotion.Id} keeps {keep}% of every price, so it never takes more than {100m - keep}% off, not the {off}% it says.")));
        }
        else if (Floor is { } high && HighestPrice(promotion.QualifyingItems) is { } highest && high.Amount >= highest)
        {
            findings.Add(CatalogLinter.Finding(LintRule.PriceFloorAboveEveryPrice, LintSeverity.Error, [promotion],
                FormattableString.Invariant($"{promotion.Id} never leaves a unit below {high}, but its items cost at most {highest}: it can never take anything off.")));
        }
        else if (Floor is { } floor && Inner.PriceLeftPerUnit is { } left && left < floor.Amount)
        {
            findings.Add(CatalogLinter.Finding(LintRule.PriceFloorAlwaysBinds, LintSeverity.Warning, [promotion],
                $"{promotion.Id} never leaves a unit below {floor}, so a set never costs what it says ({Inner})."));
        }
    }

    /// <summary>The highest unit price a filter admits, from its unit-price bounds; <see langword="null"/> when unbounded.</summary>
    private static decimal? HighestPrice(ItemFilter filter)
    {
        if (filter.PriceBounds is var (_, atMost))
        {
            return atMost?.Amount;
        }

        var (kind, _, inner) = filter.Shape();
        decimal? highest = null;
        switch (kind)
        {
            case "allOf":
                foreach (var f in inner)
                {
                    if (HighestPrice(f) is { } h && (highest is null || h < highest))
                    {
                        highest = h;
                    }
                }

                return highest;
            case "anyOf":
                foreach (var f in inner)
                {
                    if (HighestPrice(f) is not { } h)
                    {
                        return null;
                    }

                    highest = highest is null || h > highest ? h : highest;
                }

                return highest;
            default:
                return null;
        }
    }

    public override string ToString() =>
        Floor is { } floor
            ? $"{Inner}, never below {floor}"
            : FormattableString.Invariant($"{Inner}, never below {Percent}% of the price");
}
