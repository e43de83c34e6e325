using System;
using System.Collections.Generic;
using System.Linq;

namespace PromoEngine;

// The linter's rules about who and what qualifies: item filters and cart conditions.
public static partial class CatalogLinter
{
    private static void Eligibility(List<Promotion> promotions, List<LintFinding> findings)
    {
        var highest = int.MinValue;
        foreach (var promotion in promotions)
        {
            highest = Math.Max(highest, promotion.Priority);
        }

        foreach (var promotion in promotions)
        {
            if (promotion.Priority == highest && promotion.Restrictions.Any(r => r.MeasuredAfterHigherLanes))
            {
                findings.Add(Finding(LintRule.ThresholdBasisHasNoEffect, LintSeverity.Info, [promotion],
                    $"{promotion.Id} measures a threshold after higher lanes, but no promotion has a higher priority: it measures the prices before discounts."));
            }

            if (!promotion.Discount.LintsItemsThatNeverMatch && promotion.QualifyingItems.CanNeverMatch())
            {
                findings.Add(Finding(LintRule.ItemsCanNeverQualify, LintSeverity.Error, [promotion],
                    $"{promotion.Id} can never apply: no item can pass its item filter ({promotion.QualifyingItems})."));
            }

            OrderHistory(promotion, findings);
            ShippingMethods(promotion, findings);
            foreach (var restriction in promotion.Restrictions)
            {
                if (restriction is not CartConditionRestriction condition)
                {
                    continue;
                }

                if (condition.Items.CanNeverMatch())
                {
                    findings.Add(Finding(LintRule.CartConditionContradictsItems, LintSeverity.Error, [promotion],
                        $"{promotion.Id} can never apply: no item can pass the filter of its cart condition ({condition.Items})."));
                }
                else if (string.Equals(condition.Items.ToString(), promotion.QualifyingItems.ToString(), StringComparison.Ordinal))
                {
                    findings.Add(Finding(LintRule.CartConditionContradictsItems, LintSeverity.Warning, [promotion],
                        $"{promotion.Id} has a cart condition on its own items ({condition.Items}): that is a minimum quantity or subtotal; a cart condition is for other items."));
                }
            }
        }
    }

    /// <summary>Shipping-method lists with no method in common.</summary>
    private static void ShippingMethods(Promotion promotion, List<LintFinding> findings)
    {
        HashSet<string>? common = null;
        foreach (var restriction in promotion.Restrictions)
        {
            if (restriction is ShippingMethodRestriction methods)
            {
                if (common is null)
                {
                    common = new HashSet<string>(methods.Allowed, StringComparer.Ordinal);
                }
                else
                {
                    common.IntersectWith(methods.Allowed);
                }
            }
        }

        if (common is { Count: 0 })
        {
            findings.Add(Finding(LintRule.ShippingMethodsNeverMet, LintSeverity.Error, [promotion],
                $"{promotion.Id} can never apply: its shipping-method restrictions share no method."));
        }
    }

    /// <summary>Order-history bounds that exclude each other (a first order is zero previous orders).</summary>
    private static void OrderHistory(Promotion promotion, List<LintFinding> findings)
    {
        int? low = null, high = null;
        var any = false;
        foreach (var restriction in promotion.Restrictions)
        {
            var (atLeast, atMost) = restriction switch
            {
                OrderHistoryRestriction history => (history.AtLeast, history.AtMost),
                FirstOrderRestriction => (0, 0),
                _ => ((int?)null, (int?)null),
            };
            any |= restriction is OrderHistoryRestriction or FirstOrderRestriction;
            low = atLeast is { } l && (low is null || l > low) ? l : low;
            high = atMost is { } h && (high is null || h < high) ? h : high;
        }

        if (any && low > high)
        {
            findings.Add(Finding(LintRule.OrderHistoryNeverMet, LintSeverity.Error, [promotion],
                $"{promotion.Id} can never apply: no customer has at least {low} and at most {high} previous orders."));
        }
    }
}
