namespace PromoEngine;

/// <summary>How a count limit (uses of a promotion in all, uses of a shared code) is enforced.</summary>
public enum LimitPolicy
{
    /// <summary>Never exceeded: the ledger refuses a use past the limit, even one the evaluator offered on an older
    /// snapshot (the shopper is asked to evaluate again).</summary>
    Hard = 0,

    /// <summary>The evaluator stops offering at the limit, and the ledger never refuses on it: a shopper who was shown
    /// the price keeps it, and the checkouts in flight when the limit is reached may pass it.</summary>
    Soft = 1,
}
