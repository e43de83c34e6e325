namespace PromoEngine;

/// <summary>Whether the seller has a promotion running.</summary>
public enum PromotionStatus
{
    /// <summary>Running (within its schedule).</summary>
    Active = 0,

    /// <summary>Stopped for now by the seller; it may be resumed.</summary>
    Paused = 1,

    /// <summary>Stopped for good by the seller.</summary>
    Cancelled = 2,
}
