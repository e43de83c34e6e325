using System;
using System.Collections.Generic;
using System.Text.Json;
using PromoEngine.Internal;

namespace PromoEngine;

/// <summary>A percentage off each qualifying unit (<see cref="Discount.PercentOffItems"/>).</summary>
internal sealed class PercentOffItemsDiscount : ItemDiscount
{
    // Definition and factory.
    private PercentOffItemsDiscount(decimal percent)
        : base(DiscountClass.Item)
    {
        Percent = percent;
        _percentFits = Decimals.TryParts(percent, out _percentMantissa, out _percentScale);
    }

    // The percentage as mantissa and scale, for TryMostPerUnitInMinorUnits.
    private readonly bool _percentFits;
    private readonly long _percentMantissa;
    private readonly int _percentScale;

    public decimal Percent { get; }

    public static PercentOffItemsDiscount Create(decimal percent) => new(CheckPercent(percent));

    internal override Currency? AmountCurrency => null;

    // Calculator.
    public override ItemProposal Propose(IUnitPrices pool, List<Span> eligible, List<Span> getEligible)
    {
        var proposal = new ItemProposal();
        foreach (var part in pool.Read(eligible))
        {
            proposal.Discount(part, MostPerUnit(part.Remaining));
        }

        return proposal;
    }

    public override decimal MostPerUnit(decimal remaining) => Decimals.DividedByPowerOfTen(remaining * Percent, 2);

    /// <remarks>Implementation note: <see cref="MostPerUnit"/> in whole numbers, for the common cart. The product of two
    /// decimals has their mantissas' product at the sum of their scales; dividing by 100 drops up to two trailing zeros
    /// of it and adds what it did not drop to the scale (<see cref="Decimals.DividedByPowerOfTen"/>): the same value at
    /// the same places, bit for bit.</remarks>
    internal override bool TryMostPerUnitInMinorUnits(decimal price, long priceMantissa, int priceScale, int minorUnits, out long share, out int places)
    {
        (share, places) = (0, 0);
        if (!_percentFits || !Decimals.TryMultiply(priceMantissa, _percentMantissa, out var product))
        {
            return false;
        }

        var dropped = 0;
        if (product == 0)
        {
            dropped = 2;
        }
        else
        {
            while (dropped < 2 && product % 10 == 0)
            {
                product /= 10;
                dropped++;
            }
        }

        places = priceScale + _percentScale + 2 - dropped;
        return places <= minorUnits && Decimals.TryMultiply(product, Decimals.LongPowerOfTen(minorUnits - places), out share);
    }

    public override bool IsAdditive => true;

    public override bool SavesUnitByUnit => true;

    // JSON: {"type": "percentOffItems", "percent": 20}; schema: the discount oneOf entry whose type is "percentOffItems".
    public const string JsonType = "percentOffItems";

    public static Discount? Read(DiscountJsonReader json)
    {
        json.Properties("type", "percent");
        return json.Decimal("percent") is { } p ? json.Make(".percent", p, Create) : null;
    }

    internal override void WriteJson(Utf8JsonWriter writer)
    {
        writer.WriteString("type", JsonType);
        writer.WriteNumber("percent", Percent);
    }

    // What may be asked of it.
    internal override bool TakesSameShare => true;

    // A cap on the whole saving is spread over the units by their share: it no longer depends on the total alone.
    internal override bool DependsOnlyOnTotal(bool capped) => !capped;

    internal override bool CanCompound => true;

    internal override decimal? FlatPercent => Percent;

    public override string ToString() => FormattableString.Invariant($"{Percent}% off each qualifying item");
}
