using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using PromoEngine.Internal;

namespace PromoEngine;

/// <summary>What a return of some of an order's units refunds: each returned unit's refund, what each of the order's
/// promotions takes back and gives back, and the order's new totals.</summary>
/// <remarks>
/// <para>Immutable and thread-safe, with value equality (collections compared in order; the order compared by
/// reference).</para>
/// <para>Always: <c>Refund</c> is the sum of the units' refunds plus <see cref="KeptRefund"/>; the order's
/// <see cref="EvaluationResult.Total"/> equals every refund of the order so far plus <see cref="Total"/>; returns
/// compose: the same units returned in one step or in several, in any order, refund the same in all.</para>
/// </remarks>
public sealed record ReturnResult
{
    private readonly EquatableArray<ReturnedUnits> _returned;
    private readonly EquatableArray<ReturnedUnits> _returnedSoFar;
    private readonly EquatableArray<UnitRefund> _refunds;
    private readonly EquatableArray<KeptUnit> _kept;
    private readonly EquatableArray<PromotionReturn> _promotions;

    internal ReturnResult(
        OrderRecord order,
        ReturnPolicy policy,
        ImmutableArray<ReturnedUnits> returned,
        ImmutableArray<ReturnedUnits> returnedSoFar,
        ImmutableArray<UnitRefund> refunds,
        Money keptRefund,
        ImmutableArray<KeptUnit> kept,
        ImmutableArray<PromotionReturn> promotions,
        Money keptItems,
        bool usedFallback)
    {
        Order = order;
        Policy = policy;
        _returned = new(returned);
        _returnedSoFar = new(returnedSoFar);
        _refunds = new(refunds);
        KeptRefund = keptRefund;
        _kept = new(kept);
        _promotions = new(promotions);
        Items = keptItems;
        UsedFallback = usedFallback;
        var refund = keptRefund;
        var takenBack = Money.Zero(keptRefund.Currency);
        foreach (var unit in refunds)
        {
            refund += unit.Refund;
            takenBack += unit.TakenBack;
        }

        Refund = refund;
        TakenBack = takenBack;
        var result = order.Result;
        Total = keptItems + result.Shipping - result.ShippingDiscount;
    }

    /// <summary>Gets the order the units came from.</summary>
    /// <value>As given.</value>
    public OrderRecord Order { get; }

    /// <summary>Gets the policy the refund was computed with.</summary>
    /// <value>As given.</value>
    public ReturnPolicy Policy { get; }

    /// <summary>Gets the units returned by this return, one entry a line, in the cart's order.</summary>
    /// <value>Quantities of the same line added up.</value>
    public ImmutableArray<ReturnedUnits> Returned => _returned.Items;

    /// <summary>Gets every unit returned from the order so far, this return included: what to pass as
    /// <c>returnedBefore</c> to the next return (or let <see cref="ThenReturn"/> do it).</summary>
    /// <value>One entry a line, in the cart's order.</value>
    public ImmutableArray<ReturnedUnits> ReturnedSoFar => _returnedSoFar.Items;

    /// <summary>Gets the refund of each unit returned by this return, line by line in the cart's order.</summary>
    /// <value>One per returned unit.</value>
    public ImmutableArray<UnitRefund> Refunds => _refunds.Items;

    /// <summary>Gets what is refunded beyond the returned units: when the units kept pay less after this return than
    /// before it, because a take-back of an earlier return no longer holds (an order discount spread over fewer units,
    /// say).</summary>
    /// <value>Zero or more; zero under <see cref="ReturnPolicy.KeepDiscounts"/> and for an order's first return.</value>
    public Money KeptRefund { get; }

    /// <summary>Gets what this return refunds in all.</summary>
    /// <value>Zero or more: the units' refunds plus <see cref="KeptRefund"/>.</value>
    public Money Refund { get; }

    /// <summary>Gets what the order's promotions take back from this return's refunds.</summary>
    /// <value>Zero or more: the sum of the units' <see cref="UnitRefund.TakenBack"/>.</value>
    public Money TakenBack { get; }

    /// <summary>Gets each unit the order keeps, and what it now pays.</summary>
    /// <value>Line by line in the cart's order; empty once every unit is returned.</value>
    public ImmutableArray<KeptUnit> Kept => _kept.Items;

    /// <summary>Gets what each of the order's item and order promotions gives up, in the order they applied.</summary>
    /// <value>One per such promotion of the order, still used or not.</value>
    public ImmutableArray<PromotionReturn> Promotions => _promotions.Items;

    /// <summary>Gets what the order now pays for its kept units.</summary>
    /// <value>The sum of <see cref="Kept"/>; zero once every unit is returned.</value>
    public Money Items { get; }

    /// <summary>Gets what the order now pays in all: its kept units and its shipping as paid (a return never refunds
    /// shipping).</summary>
    /// <value><see cref="Items"/> plus the order's shipping less its shipping discount.</value>
    public Money Total { get; }

    /// <summary>Gets a value indicating whether the units returned so far were too many to judge every way of keeping
    /// them (more than <see cref="OrderRecord.MaxEvaluations"/> evaluations): the kept units then keep the discounts
    /// they paid with, as under <see cref="ReturnPolicy.KeepDiscounts"/>. Refunds still compose; each promotion's
    /// <see cref="PromotionReturn.After"/> is then what it gave the kept units in the order, never more than after the
    /// previous return, so the spend given back may depend on the steps taken.</summary>
    /// <value><see langword="false"/> when the re-evaluation was exact.</value>
    public bool UsedFallback { get; }

    /// <summary>Returns more units of the same order, after this return, with the same policy.</summary>
    /// <param name="units">The units now returned.</param>
    /// <returns>The next return's result.</returns>
    /// <exception cref="ArgumentException">As for <see cref="OrderRecord.Return"/>.</exception>
    public ReturnResult ThenReturn(IEnumerable<ReturnedUnits> units) => Order.Return(units, Policy, ReturnedSoFar);

    /// <summary>Says what the ledger gives back for this return (see <see cref="IRedemptionLedger.ReturnAsync"/>): the
    /// spend each promotion gives back, and the promotions the order no longer uses.</summary>
    /// <param name="returnId">The return's id, unique within the order: a retry with the same id changes nothing.</param>
    /// <returns>The ledger's return; promotions that give nothing back are left out.</returns>
    /// <exception cref="ArgumentException"><paramref name="returnId"/> is empty or malformed.</exception>
    public LedgerReturn ToLedgerReturn(string returnId) =>
        new(returnId, Promotions
            .Where(p => p.SpendGivenBack.Amount > 0m || p.NoLongerUsed)
            .Select(p => new PromotionGiveBack(p.PromotionId, p.SpendGivenBack, p.NoLongerUsed)));
}
