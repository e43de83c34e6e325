namespace PromoEngine;

/// <summary>How the evaluator chooses among promotions that compete.</summary>
public enum SelectionPolicy
{
    /// <summary>The choice that leaves the shopper the lowest total: units go to the promotions that save most,
    /// exclusive promotions and group members win only when they save more.</summary>
    BestForShopper = 0,

    /// <summary>A classic rule list: the first applicable promotion (highest priority, then smallest id) wins each
    /// unit, the first member of a group wins the group, and an exclusive promotion wins only when it comes first.</summary>
    StrictPriority = 1,
}
