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
        }
    }
}
