namespace PromoEngine;

/// <summary>What a promotion that stops lower lanes stops, once it applies.</summary>
public enum StopScope
{
    /// <summary>It does not stop anything.</summary>
    None = 0,

    /// <summary>Lower lanes leave alone the units it discounted: no item or order discount of a lower lane reaches
    /// them. Other items, and shipping, are not affected (a stop on product A never blocks a rule on product B).</summary>
    ItsItems = 1,

    /// <summary>No promotion of a lower lane applies at all: item, order and shipping discounts alike.</summary>
    AllLowerLanes = 2,
}
