using System;
using System.Text.Json;
using PromoEngine.Internal;

namespace PromoEngine;

/// <summary>A percentage off what is left of the qualifying lines (<see cref="Discount.PercentOffOrder"/>).</summary>
internal sealed class PercentOffOrderDiscount : OrderDiscount
{
    // Definition and factory.
    private PercentOffOrderDiscount(decimal percent) => Percent = percent;

    public decimal Percent { get; }

    public static PercentOffOrderDiscount Create(decimal percent) => new(CheckPercent(percent));

    internal override Currency? AmountCurrency => null;

    // Calculator.
    public override decimal Amount(decimal remaining, decimal originalSubtotal, int quantity) => Decimals.DividedByPowerOfTen(remaining * Percent, 2);

    // JSON: {"type": "percentOffOrder", "percent": 10}; schema: the discount oneOf entry whose type is "percentOffOrder".
    public const string JsonType = "percentOffOrder";

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

    internal override decimal? FlatPercent => Percent;

    public override string ToString() => FormattableString.Invariant($"{Percent}% off the order");
}
