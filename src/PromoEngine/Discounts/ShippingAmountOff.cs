using System;
using System.Text.Json;

namespace PromoEngine;

/// <summary>An amount off the shipping charge, never more than the charge (<see cref="Discount.ShippingAmountOff"/>).</summary>
internal sealed class ShippingAmountOffDiscount : ShippingDiscount
{
    // Definition and factory.
    private ShippingAmountOffDiscount(Money amount) => Value = amount;

    public Money Value { get; }

    public static ShippingAmountOffDiscount Create(Money amount) => new(CheckAmount(amount));

    internal override Currency? AmountCurrency => Value.Currency;

    // Calculator.
    public override decimal Amount(decimal remaining, decimal originalSubtotal, int quantity) => Math.Min(Value.Amount, remaining);

    public override decimal Nominal(decimal remaining, decimal originalSubtotal, int quantity) => Value.Amount;

    // JSON: {"type": "shippingAmountOff", "amount": money}; schema: the discount oneOf entry whose type is
    // "shippingAmountOff".
    public const string JsonType = "shippingAmountOff";

    public static Discount? Read(DiscountJsonReader json)
    {
        json.Properties("type", "amount");
        return json.Money("amount") is { } a ? json.Make(".amount", a, Create) : null;
    }

    internal override void WriteJson(Utf8JsonWriter writer)
    {
        writer.WriteString("type", JsonType);
        DiscountJsonWriting.Money(writer, "amount", Value);
    }

    public override string ToString() => $"{Value} off shipping";
}
