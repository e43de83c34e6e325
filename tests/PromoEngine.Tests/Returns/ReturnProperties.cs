using System;
using System.Collections.Generic;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Xunit;

namespace PromoEngine.Tests;

/// <summary>Done-when properties of issue 14 for returns, over generated orders (every kind of promotion, lanes,
/// exclusives, groups, caps, codes) under both policies: (a) returning every unit refunds exactly what was paid for
/// the units, (b) one step or several in any order refund the same, (c) no refund is negative and no kept unit goes
/// below zero, (d) refunds plus what is kept equal the order's total.</summary>
public sealed class ReturnProperties
{
    private static OrderRecord? Order(EvaluationCase c)
    {
        if (c.Cart.Lines.Length == 0)
        {
            return null;
        }

        var evaluator = new PromotionEvaluator(
            PromotionCatalog.Create(c.Promotions),
            c.Options);
        return OrderRecord.Of(evaluator, c.Cart, evaluator.Evaluate(c.Cart, c.Codes, c.At, c.Usage));
    }

    /// <summary>Some units of the order (at least one), and the same units cut into steps in a random order.</summary>
    private static (ReturnedUnits[] All, ReturnedUnits[][] Steps) Plan(OrderRecord order, int seed, bool everything)
    {
        var random = new Random(seed);
        var units = order.Cart.Lines.SelectMany(l => Enumerable.Repeat(l.LineId, everything ? l.Quantity : random.Next(l.Quantity + 1))).ToList();
        if (units.Count == 0)
        {
            units.Add(order.Cart.Lines[random.Next(order.Cart.Lines.Length)].LineId);
        }

        var shuffled = units.ToArray();
        random.Shuffle(shuffled);
        var steps = new List<ReturnedUnits[]>();
        for (var at = 0; at < shuffled.Length;)
        {
            var size = random.Next(1, Math.Min(3, shuffled.Length - at) + 1);
            steps.Add(Group(shuffled.Skip(at).Take(size)));
            at += size;
        }

        return (Group(units), [.. steps]);
    }

    private static ReturnedUnits[] Group(IEnumerable<string> lineIds) =>
        [.. lineIds.GroupBy(id => id).Select(g => new ReturnedUnits(g.Key, g.Count()))];

    private static List<ReturnResult> InSteps(OrderRecord order, ReturnedUnits[][] steps, ReturnPolicy policy)
    {
        var results = new List<ReturnResult> { order.Return(steps[0], policy) };
        foreach (var step in steps.Skip(1))
        {
            results.Add(results[^1].ThenReturn(step));
        }

        return results;
    }

    /// <summary>The order of a generated case (none for an empty cart), the policy, and a plan of units to return.</summary>
    private static (OrderRecord Order, ReturnPolicy Policy, ReturnedUnits[] All, ReturnedUnits[][] Steps)? Case(EvaluationCase c, bool keepDiscounts, bool everything)
    {
        if (Order(c) is not { } order)
        {
            return null;
        }

        var (all, steps) = Plan(order, c.ShuffleSeed, everything);
        return (order, keepDiscounts ? ReturnPolicy.KeepDiscounts : ReturnPolicy.ReEvaluate, all, steps);
    }

    private static decimal PaidForItems(OrderRecord order) => order.Result.Lines.Sum(l => l.Final.Amount);

    [Property(MaxTest = 300, Arbitrary = [typeof(EvaluationArbitraries)])]
    public void Return_EveryUnit_RefundsExactlyWhatWasPaid(EvaluationCase c, bool keepDiscounts)
    {
        if (Case(c, keepDiscounts, everything: true) is not ({ } order, var policy, var all, var steps))
        {
            return;
        }

        var once = order.Return(all, policy);
        var several = InSteps(order, steps, policy);

        Assert.Equal(PaidForItems(order), once.Refund.Amount);
        Assert.Equal(PaidForItems(order), several.Sum(r => r.Refund.Amount));
        Assert.Empty(once.Kept);
        Assert.Equal(order.Result.Shipping - order.Result.ShippingDiscount, once.Total);
        Assert.All(once.Promotions, p => Assert.False(p.StillUsed));
    }

    [Property(MaxTest = 300, Arbitrary = [typeof(EvaluationArbitraries)])]
    public void Return_InOneStepOrSeveralInAnyOrder_RefundsTheSame(EvaluationCase c, bool keepDiscounts)
    {
        if (Case(c, keepDiscounts, everything: false) is not ({ } order, var policy, var all, var steps))
        {
            return;
        }

        var once = order.Return(all, policy);
        var several = InSteps(order, steps, policy);

        Assert.Equal(once.Refund, several.Select(r => r.Refund).Aggregate((a, b) => a + b));
        Assert.Equal(once.Total, several[^1].Total);
        Assert.Equal(once.Kept.ToArray(), several[^1].Kept.ToArray());
        if (once.UsedFallback || several.Exists(r => r.UsedFallback))
        {
            return; // past OrderRecord.MaxEvaluations the promotions' amounts are only bounded by the previous return's
        }

        Assert.Equal(once.Promotions.Select(p => p.After), several[^1].Promotions.Select(p => p.After));
        Assert.Equal(
            once.Promotions.Select(p => p.SpendGivenBack.Amount),
            several.Select(r => r.Promotions.Select(p => p.SpendGivenBack.Amount)).Aggregate((a, b) => a.Zip(b, (x, y) => x + y).ToArray()));
    }

    [Property(MaxTest = 300, Arbitrary = [typeof(EvaluationArbitraries)])]
    public void Return_AnySteps_NoRefundNegativeNoKeptUnitBelowZeroNeverMoreThanPaid(EvaluationCase c, bool keepDiscounts)
    {
        if (Case(c, keepDiscounts, everything: false) is not ({ } order, var policy, _, var steps))
        {
            return;
        }

        var results = InSteps(order, steps, policy);

        foreach (var result in results)
        {
            Assert.All(result.Refunds, u =>
            {
                Assert.False(u.TakenBack.IsNegative, $"{u}");
                Assert.False(u.Refund.IsNegative, $"{u}");
                Assert.True(u.Refund <= u.Paid, $"{u}");
            });
            Assert.False(result.KeptRefund.IsNegative);
            Assert.All(result.Kept, k =>
            {
                Assert.False(k.Paid.IsNegative);
                Assert.True(k.Paid <= order.Cart.Lines.Single(l => l.LineId == k.LineId).UnitPrice, $"{k}");
            });
            Assert.All(result.Promotions, p => Assert.False(p.SpendGivenBack.IsNegative, $"{p}"));
            Assert.Equal(result.Items.Amount, result.Kept.Sum(k => k.Paid.Amount));
            Assert.Equal(result.TakenBack.Amount, result.Promotions.Sum(p => p.TakenBack.Amount));
        }

        // In all, never more than the returned units paid in the order.
        var paid = results.SelectMany(r => r.Refunds)
            .Sum(u => order.Result.Lines.Single(l => l.LineId == u.LineId).Units[u.Index].Final.Amount);
        Assert.True(results.Sum(r => r.Refund.Amount) <= paid, $"refunded {results.Sum(r => r.Refund.Amount)}, paid {paid}");
    }

    [Property(MaxTest = 300, Arbitrary = [typeof(EvaluationArbitraries)])]
    public void Return_AnySteps_RefundsPlusWhatIsKeptEqualTheOrderTotal(EvaluationCase c, bool keepDiscounts)
    {
        if (Case(c, keepDiscounts, everything: false) is not ({ } order, var policy, _, var steps))
        {
            return;
        }

        var results = InSteps(order, steps, policy);

        Assert.Equal(order.Result.Total, results.Select(r => r.Refund).Aggregate((a, b) => a + b) + results[^1].Total);
        for (var k = 1; k < results.Count; k++)
        {
            Assert.Equal(results[k - 1].Total, results[k].Refund + results[k].Total);
        }
    }
}
