namespace PromoEngine;

/// <summary>What a shopper could do to earn a promotion they nearly earned.</summary>
public enum HintKind
{
    /// <summary>Spend more on qualifying items.</summary>
    SpendMore = 1,

    /// <summary>Add more qualifying items.</summary>
    AddItems = 2,

    /// <summary>Add more of the items a cart condition counts ("add 1 more pair of shoes"): see
    /// <see cref="NearMissHint.MissingQuantity"/> and <see cref="NearMissHint.ItemsLabel"/>.</summary>
    AddRequiredItems = 11,

    /// <summary>Spend more on the items a cart condition counts ("spend 20.00 USD more on shoes"): see
    /// <see cref="NearMissHint.Shortfall"/> and <see cref="NearMissHint.ItemsLabel"/>.</summary>
    SpendMoreOnRequiredItems = 12,

    /// <summary>Add the gift a gift with purchase gives: its <see cref="NearMissHint.Sku"/>, so many
    /// (<see cref="NearMissHint.MissingQuantity"/>). The purchase is there already.</summary>
    AddGift = 13,
}
