namespace PromoEngine;

/// <summary>What a shopper could do to earn a promotion they nearly earned.</summary>
public enum HintKind
{
    /// <summary>Spend more on qualifying items.</summary>
    SpendMore = 1,

    /// <summary>Add more qualifying items.</summary>
    AddItems = 2,

    /// <summary>Add the gift a gift with purchase gives: its <see cref="NearMissHint.Sku"/>, so many
    /// (<see cref="NearMissHint.MissingQuantity"/>). The purchase is there already.</summary>
    AddGift = 13,
}
