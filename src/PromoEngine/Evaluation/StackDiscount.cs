using System;
using System.Collections.Generic;
using System.Linq;

namespace PromoEngine;

/// <summary>
/// Item promotions of one lane that compound with each other, seen by the lane solver as one: on each unit every
/// member that can use it and compounds with the members already on it adds its discount, one after the other or
/// each on the lane's starting price (<see cref="CompoundingMode"/>), never past the unit's price.
/// </summary>
/// <remarks>Members take their turn percentages first, then amounts, each kind by id. One after the other, that order
/// is the best for the shopper on every unit: 50 % then $5 off $20 leaves 5.00, $5 then 50 % leaves 7.50 (a
/// percentage taken after an amount shrinks by the amount; percentages commute among themselves, and so do amounts).
/// On the starting price the order only decides which member is clamped when the unit reaches zero.</remarks>
internal sealed class StackDiscount(IReadOnlyList<(Promotion Promotion, SpanSet Units)> members, CompoundingMode mode)
    : ItemDiscount(DiscountClass.Item)
{
    public IReadOnlyList<(Promotion Promotion, SpanSet Units)> Members { get; } =
        [.. members.OrderBy(m => m.Promotion.Discount.TakesSameShare ? 0 : 1).ThenBy(m => m.Promotion.Id)];

    internal override Currency? AmountCurrency => null;

    /// <summary>A stack is the evaluator's own, made for one lane of one cart: it is never part of a definition.</summary>
    internal override void WriteJson(System.Text.Json.Utf8JsonWriter writer) =>
        throw new InvalidOperationException("A compounding stack is made by the evaluator and has no JSON.");

    /// <summary>At most what every member could take on its own from the unit's price, and never past it: a member
    /// that comes later, or works on the starting price, takes no more than it would first.</summary>
    public override decimal MostPerUnit(decimal remaining)
    {
        var most = 0m;
        foreach (var (promotion, _) in Members)
        {
            most += ((ItemDiscount)promotion.Discount).MostPerUnit(remaining);
        }

        return Math.Min(most, remaining);
    }

    public override ItemProposal Propose(IUnitPrices pool, List<Span> eligible, List<Span> getEligible)
    {
        var proposal = new ItemProposal();
        foreach (var part in pool.Read(eligible))
        {
            var total = 0m;
            foreach (var (_, amount) in OnUnits(part.Span, part.Remaining))
            {
                total += amount;
            }

            proposal.Discount(part, total);
        }

        return proposal;
    }

    /// <summary>Each member's exact discount on each unit of a span of alike units, given what was left of their
    /// price when the lane began. The members' units are whole runs of the lane's start, so a member has all of the
    /// span or none of it.</summary>
    public List<(Promotion Promotion, decimal Amount)> OnUnits(Span units, decimal start)
    {
        var result = new List<(Promotion, decimal)>();
        var left = start;
        foreach (var (promotion, memberUnits) in Members)
        {
            if (!memberUnits.Contains(units) || result.Exists(r => !promotion.Compounds(r.Item1)))
            {
                continue;
            }

            var discount = (ItemDiscount)promotion.Discount;
            var amount = mode == CompoundingMode.Sequential ? discount.MostPerUnit(left) : Math.Min(discount.MostPerUnit(start), left);
            left -= amount;
            result.Add((promotion, amount));
        }

        return result;
    }

    public override string ToString() => "compounding " + string.Join(" + ", Members.Select(m => m.Promotion.Id));
}
