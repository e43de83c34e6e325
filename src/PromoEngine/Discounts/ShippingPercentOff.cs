using System;
using System.Text.Json;
using PromoEngine.Internal;

namespace PromoEngine;

/// <summary>A percentage off the shipping charge; free shipping at 100 (<see cref="Discount.ShippingPercentOff"/>,
/// <see cref="Discount.FreeShipping"/>).</summary>
internal sealed class ShippingPercentOffDiscount : ShippingDiscount
{
    // Definition and factory.
    private ShippingPercentOffDiscount(decimal percent) => Percent = percent;

    public static ShippingPercentOffDiscount Free { get; } = new(100m);

    public decimal Percent { get; }

    public static ShippingPercentOffDiscount Create(decimal percent) => new(CheckPercent(percent));

    internal override Currency? AmountCurrency => null;

    // Calculator.
    public override decimal Amount(decimal remaining, decimal originalSubtotal, int quantity) => Decimals.DividedByPowerOfTen(remaining * Percent, 2);

    public override decimal Nominal(decimal remaining, decimal originalSubtotal, int quantity) => Amount(remaining, originalSubtotal, quantity);

    // JSON: {"type": "freeShipping"} at 100, else {"type": "shippingPercentOff", "percent": 50}; schema: the discount
    // oneOf entries whose type is "freeShipping" or "shippingPercentOff".
    public const string JsonType = "shippingPercentOff";

    public const string FreeJsonType = "freeShipping";

    public static Discount? Read(DiscountJsonReader json)
    {
        json.Properties("type", "percent");
        return json.Decimal("percent") is { } p ? json.Make(".percent", p, Create) : null;
    }

    public static Discount? ReadFree(DiscountJsonReader json)
    {
        json.Properties("type");
        return Free;
    }

    internal override void WriteJson(Utf8JsonWriter writer)
    {
        if (Percent == 100m)
        {
            writer.WriteString("type", FreeJsonType);
            return;
        }

        writer.WriteString("type", JsonType);
        writer.WriteNumber("percent", Percent);
    }

    // What may be asked of it.
    internal override bool TakesSameShare => true;

    public override string ToString() => Percent == 100m ? "free shipping" : FormattableString.Invariant($"{Percent}% off shipping");
}
