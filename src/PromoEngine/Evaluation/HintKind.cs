namespace PromoEngine;

/// <summary>What a shopper could do to earn a promotion they nearly earned.</summary>
public enum HintKind
{
    /// <summary>Spend more on qualifying items.</summary>
    SpendMore = 1,

    /// <summary>Add more qualifying items.</summary>
    AddItems = 2,
}
