using System;
using System.Text.Json;

namespace PromoEngine;

/// <summary>An amount off the qualifying lines, never more than is left of them (<see cref="Discount.AmountOffOrder"/>).</summary>
internal sealed class AmountOffOrderDiscount : OrderDiscount
{
    // Definition and factory.
    private AmountOffOrderDiscount(Money amount) => Value = amount;

    public Money Value { get; }

    public static AmountOffOrderDiscount Create(Money amount) => new(CheckAmount(amount));

    internal override Currency? AmountCurrency => Value.Currency;

    // Calculator.
    public override decimal Amount(decimal remaining, decimal originalSubtotal, int quantity) => Math.Min(Value.Amount, remaining);

    public override decimal Nominal(decimal remaining, decimal originalSubtotal, int quantity) => Value.Amount;

    // JSON: {"type": "amountOffOrder", "amount": money}; schema: the discount oneOf entry whose type is "amountOffOrder".
    public const string JsonType = "amountOffOrder";

    public static Discount? Read(DiscountJsonReader json)
    {
        json.Properties("type", "amount");
        return json.Money("amount") is { } a ? json.Make(".amount", () => Create(a)) : null;
    }

    internal override void WriteJson(Utf8JsonWriter writer)
    {
        writer.WriteString("type", JsonType);
        DiscountJsonWriting.Money(writer, "amount", Value);
    }

    // What may be asked of it.
    internal override bool MovesValue => true;

    internal override Money? FullAmount => Value;

    public override string ToString() => $"{Value} off the order";
}
