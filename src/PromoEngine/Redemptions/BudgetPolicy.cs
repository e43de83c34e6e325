namespace PromoEngine;

/// <summary>How a promotion's spend budget is enforced.</summary>
public enum BudgetPolicy
{
    /// <summary>Never exceeded: an order whose discount would pass the budget is refused.</summary>
    Hard = 0,

    /// <summary>Orders are accepted while anything is left; the last one may pass the budget.</summary>
    Soft = 1,
}
