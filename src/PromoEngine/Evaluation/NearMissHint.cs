namespace PromoEngine;

/// <summary>A promotion the cart nearly earned, and what it takes: "spend 12.50 more", "add 1 more qualifying item".</summary>
/// <remarks>Immutable and thread-safe, with value equality.</remarks>
public sealed record NearMissHint
{
    internal NearMissHint(PromotionId promotionId, HintKind kind, Money? shortfall, int? missingQuantity, string message, string? itemsLabel = null, string? sku = null)
    {
        ItemsLabel = itemsLabel;
        Sku = sku;
        PromotionId = promotionId;
        Kind = kind;
        Shortfall = shortfall;
        MissingQuantity = missingQuantity;
        Message = message;
    }

    /// <summary>Gets the promotion within reach.</summary>
    /// <value>Its id.</value>
    public PromotionId PromotionId { get; }

    /// <summary>Gets what to do.</summary>
    /// <value>Spend more, or add items.</value>
    public HintKind Kind { get; }

    /// <summary>Gets how much more to spend on qualifying items.</summary>
    /// <value>Set for <see cref="HintKind.SpendMore"/> and <see cref="HintKind.SpendMoreOnRequiredItems"/>.</value>
    public Money? Shortfall { get; }

    /// <summary>Gets how many more qualifying units to add.</summary>
    /// <value>Set for <see cref="HintKind.AddItems"/>, <see cref="HintKind.AddRequiredItems"/> and
    /// <see cref="HintKind.AddGift"/>.</value>
    public int? MissingQuantity { get; }

    /// <summary>Gets how the promotion calls the items to add or to spend more on.</summary>
    /// <value>Set for <see cref="HintKind.AddRequiredItems"/> and <see cref="HintKind.SpendMoreOnRequiredItems"/>
    /// (such as <c>shoes</c>); <see langword="null"/> otherwise.</value>
    public string? ItemsLabel { get; }

    /// <summary>Gets the SKU to add.</summary>
    /// <value>Set for <see cref="HintKind.AddGift"/>: the gift's SKU, which a storefront can add to the cart.</value>
    public string? Sku { get; }

    /// <summary>Gets a plain message for shoppers.</summary>
    /// <value>Such as <c>Spend 12.50 USD more to get Free shipping.</c></value>
    public string Message { get; }

    /// <summary>Gets a value indicating whether the promotion within reach is held in the customer's wallet
    /// (<see cref="CustomerProfile.Wallet"/>): "spend 5.00 more to use your coupon".</summary>
    /// <value><see langword="false"/> for a typed code and for an automatic promotion.</value>
    public bool FromWallet { get; init; }
}
