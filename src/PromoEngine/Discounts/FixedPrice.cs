using System;
using System.Collections.Generic;
using System.Text.Json;
using PromoEngine.Internal;

namespace PromoEngine;

/// <summary>A fixed price for each group of N qualifying units (<see cref="Discount.FixedPrice"/>).</summary>
internal sealed class FixedPriceDiscount(int quantity, Money price, int? maxApplications) : ItemDiscount(DiscountClass.Item)
{
    // Definition and factory.
    public static FixedPriceDiscount Create(int quantity, Money price, int? maxApplications)
    {
        Guard.Positive(quantity);
        if (price.Currency.IsDefault || price.IsNegative || !price.IsRounded)
        {
            throw new ArgumentOutOfRangeException(nameof(price), price, "A fixed price must be zero or more and rounded to its minor unit.");
        }

        Guard.WithinMaxAmount(price);

        return new FixedPriceDiscount(quantity, price, CheckMax(maxApplications));
    }

    public int Quantity { get; } = quantity;

    public Money Price { get; } = price;

    public int? MaxApplications { get; } = maxApplications;

    internal override Currency? AmountCurrency => Price.Currency;

    public override int Granularity => Quantity;

    public override int? MaxSets => MaxApplications;

    // Calculator.

    /// <remarks>Groups that lie in one run of alike units are all alike, and are proposed together.</remarks>
    public override ItemProposal Propose(IUnitPrices pool, List<Span> eligible, List<Span> getEligible)
    {
        var proposal = new ItemProposal();
        var (units, groups) = CompleteSets(pool, eligible, Quantity, MaxApplications, proposal);
        for (var g = 0; g < groups;)
        {
            var alike = Math.Min(units.LeftInPart / Quantity, groups - g);
            var group = units.Take(alike > 0 ? alike * Quantity : Quantity);
            var sum = 0m;
            foreach (var part in group)
            {
                sum += part.Remaining * (alike > 0 ? Quantity : part.Count);
            }

            // The group's saving is shared by the units in proportion to their prices; the total stays exact (the
            // shares summed to 28 digits can miss it in the last digit, which a rounding rule toward zero or an
            // infinity would turn into a minor unit).
            var saving = sum - Price.Amount;
            if (saving > 0m)
            {
                proposal.ExactTotal = (proposal.ExactTotal ?? 0m) + (saving * Math.Max(alike, 1));
            }

            foreach (var part in group)
            {
                if (saving > 0m)
                {
                    proposal.Discount(part, saving * part.Remaining / sum);
                }
                else
                {
                    proposal.Claimed.Add(part.Span);
                }
            }

            g += Math.Max(alike, 1);
        }

        return proposal;
    }

    // A group saves its units' prices less the price, so each unit at most its price less its share of the price.
    public override decimal MostPerUnit(decimal remaining) => Math.Max(0m, remaining - (Price.Amount / Quantity));

    // JSON: {"type": "fixedPrice", "quantity": 3, "price": money, "maxApplications"?: n}; schema: the discount oneOf
    // entry whose type is "fixedPrice".
    public const string JsonType = "fixedPrice";

    public static Discount? Read(DiscountJsonReader json)
    {
        json.Properties("type", "quantity", "price", "maxApplications");
        var quantity = json.Int("quantity");
        var price = json.Money("price");
        var max = json.OptionalInt("maxApplications");
        return quantity is { } n && price is { } pr ? json.Make(string.Empty, () => Create(n, pr, max)) : null;
    }

    internal override void WriteJson(Utf8JsonWriter writer)
    {
        writer.WriteString("type", JsonType);
        writer.WriteNumber("quantity", Quantity);
        DiscountJsonWriting.Money(writer, "price", Price);
        DiscountJsonWriting.Optional(writer, "maxApplications", MaxApplications);
    }

    // What may be asked of it.
    internal override bool MovesValue => true;

    internal override decimal? PriceLeftPerUnit => Price.Amount / Quantity;

    internal override bool CannotApply(decimal subtotal, int quantity, Func<ItemFilter, int> unitsOf) => quantity < Quantity;

    public override string ToString() => FormattableString.Invariant($"{Quantity} for {Price}");
}
