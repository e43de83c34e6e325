using System;
using System.Collections.Generic;
using System.Text.Json;

namespace PromoEngine;

/// <summary>An amount off each qualifying line whatever its quantity, never more than is left of the line
/// (<see cref="Discount.AmountOffEachLine"/>).</summary>
internal sealed class AmountOffEachLineDiscount : ItemDiscount
{
    // Definition and factory.
    private AmountOffEachLineDiscount(Money amount)
        : base(DiscountClass.Item) => Amount = amount;

    public Money Amount { get; }

    public static AmountOffEachLineDiscount Create(Money amount) => new(CheckAmount(amount));

    internal override Currency? AmountCurrency => Amount.Currency;

    // Calculator.

    /// <remarks>A line's amount is shared by the units it may take in proportion to what is left of them (the
    /// evaluator rounds and allocates it exactly).</remarks>
    public override ItemProposal Propose(IUnitPrices pool, List<Span> eligible, List<Span> getEligible)
    {
        var proposal = new ItemProposal();
        var parts = pool.Read(eligible);
        var total = 0m;
        var count = 0;
        for (var first = 0; first < parts.Count;)
        {
            var line = parts[first].Span.Line;
            var end = first;
            var sum = 0m;
            while (end < parts.Count && parts[end].Span.Line == line)
            {
                sum += parts[end].Remaining * parts[end].Count;
                end++;
            }

            if (sum > 0m)
            {
                var take = Math.Min(Amount.Amount, sum);
                for (var i = first; i < end; i++)
                {
                    proposal.Discount(parts[i], take * parts[i].Remaining / sum);
                }

                total += take;
                count++;
            }

            first = end;
        }

        // The shares may miss the line's amount in the last digit a decimal holds; the total is exact.
        proposal.ExactTotal = total;
        proposal.Nominal = Amount.Amount * count;
        return proposal;
    }

    // One unit alone on its line may take the whole amount.
    public override decimal MostPerUnit(decimal remaining) => Math.Min(Amount.Amount, remaining);

    public override bool HasOwnNominal => true;

    public override decimal NominalPerUnit(decimal remaining) => Amount.Amount;

    // JSON: {"type": "amountOffEachLine", "amount": money, "maxUnits"?: limit}; schema: the discount oneOf entry whose
    // type is "amountOffEachLine".
    public const string JsonType = "amountOffEachLine";

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
    internal override bool MovesValue => true;

    internal override bool DependsOnLines => true;

    public override string ToString() => $"{Amount} off each qualifying line";
}
