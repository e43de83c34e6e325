using System;
using System.Collections.Generic;

namespace PromoEngine;

// The linter's rules about who and what qualifies: item filters and cart conditions.
public static partial class CatalogLinter
{
    private static void Eligibility(List<Promotion> promotions, List<LintFinding> findings)
    {
        foreach (var promotion in promotions)
        {
            if (promotion.Discount is not BuyXGetYDiscount && promotion.QualifyingItems.CanNeverMatch())
            {
                findings.Add(Finding(LintRule.ItemsCanNeverQualify, LintSeverity.Error, [promotion],
                    $"{promotion.Id} can never apply: no item can pass its item filter ({promotion.QualifyingItems})."));
            }

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
}
