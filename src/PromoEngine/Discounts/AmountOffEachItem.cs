using System;
using System.Collections.Generic;
using System.Text.Json;

namespace PromoEngine;

/// <summary>An amount off each qualifying unit, never more than its price (<see cref="Discount.AmountOffEachItem"/>).</summary>
internal sealed class AmountOffEachItemDiscount : ItemDiscount
{
    // Definition and factory.
    private AmountOffEachItemDiscount(Money amount)
        : base(DiscountClass.Item) => Amount = amount;

    public Money Amount { get; }

    public static AmountOffEachItemDiscount Create(Money amount) => new(CheckAmount(amount));

    internal override Currency? AmountCurrency => Amount.Currency;

    // Calculator.
    public override ItemProposal Propose(IUnitPrices pool, List<Span> eligible, List<Span> getEligible)
    {
        var proposal = new ItemProposal();
        var count = 0;
        foreach (var part in pool.Read(eligible))
        {
            proposal.Discount(part, Math.Min(Amount.Amount, part.Remaining));
            count += part.Count;
        }

        proposal.Nominal = Amount.Amount * count;
        return proposal;
    }

    public override decimal MostPerUnit(decimal remaining) => Math.Min(Amount.Amount, remaining);

    public override bool HasOwnNominal => true;

    public override decimal NominalPerUnit(decimal remaining) => Amount.Amount;

    public override bool IsAdditive => true;

    public override bool SavesUnitByUnit => true;

    // JSON: {"type": "amountOffEachItem", "amount": money}; schema: the discount oneOf entry whose type is
    // "amountOffEachItem".
    public const string JsonType = "amountOffEachItem";

    public static Discount? Read(DiscountJsonReader json)
    {
        json.Properties("type", "amount");
        return json.Money("amount") is { } a ? json.Make(".amount", a, Create) : null;
    }

    internal override void WriteJson(Utf8JsonWriter writer)
    {
        writer.WriteString("type", JsonType);
        DiscountJsonWriting.Money(writer, "amount", Amount);
    }

    // What may be asked of it.
    internal override bool CanCompound => true;

    public override string ToString() => $"{Amount} off each qualifying item";
}
