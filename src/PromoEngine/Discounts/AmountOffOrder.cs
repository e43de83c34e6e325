using System;
using System.Text.Json;

namespace PromoEngine;

/// <summary>An amount off the qualifying lines, never more than is left of them (<see cref="Discount.AmountOffOrder"/>).</summary>
internal sealed class AmountOffOrderDiscount : OrderDiscount
{
    // Definition and factory.
    private AmountOffOrderDiscount(Money amount, bool includeShipping)
    {
        Value = amount;
        IncludesShipping = includeShipping;
    }

    public Money Value { get; }

    /// <summary>Whether what the lines cannot take comes off shipping.</summary>
    public bool IncludesShipping { get; }

    public static AmountOffOrderDiscount Create(Money amount, bool includeShipping = false) => new(CheckAmount(amount), includeShipping);

    internal override Currency? AmountCurrency => Value.Currency;

    // Calculator.
    public override decimal Amount(decimal remaining, decimal originalSubtotal, int quantity) => Math.Min(Value.Amount, remaining);

    public override decimal Nominal(decimal remaining, decimal originalSubtotal, int quantity) => Value.Amount;

    // The rest of the amount, once the lines took theirs, off shipping.
    internal override ShippingDiscount? ShippingPart(decimal taken) =>
        IncludesShipping && Value.Amount > taken ? ShippingAmountOffDiscount.Create(new Money(Value.Amount - taken, Value.Currency)) : null;

    // JSON: {"type": "amountOffOrder", "amount": money, "includeShipping"?: true}; schema: the discount oneOf entry whose
    // type is "amountOffOrder".
    public const string JsonType = "amountOffOrder";

    public static Discount? Read(DiscountJsonReader json)
    {
        json.Properties("type", "amount", "includeShipping");
        var includeShipping = json.OptionalBool("includeShipping");
        return json.Money("amount") is { } a && includeShipping is { } i ? json.Make(".amount", () => Create(a, i)) : null;
    }

    internal override void WriteJson(Utf8JsonWriter writer)
    {
        writer.WriteString("type", JsonType);
        DiscountJsonWriting.Money(writer, "amount", Value);
        if (IncludesShipping)
        {
            writer.WriteBoolean("includeShipping", true);
        }
    }

    // What may be asked of it.
    internal override bool MovesValue => true;

    internal override Money? FullAmount => Value;

    public override string ToString() => IncludesShipping ? $"{Value} off the order and shipping" : $"{Value} off the order";
}
