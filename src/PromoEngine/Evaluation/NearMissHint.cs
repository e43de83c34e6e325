using System;

namespace PromoEngine;

/// <summary>A promotion the cart nearly earned, and what it takes: "spend 12.50 more", "add 1 more qualifying item".</summary>
/// <remarks>
/// <para>Immutable and thread-safe, with value equality over every property (the message included).</para>
/// <para>The kind and the details are the data; <see cref="Message"/> is formatted the first time it is read, so a hint
/// nobody reads a message of costs no formatting.</para>
/// </remarks>
public sealed record NearMissHint
{
    private readonly Func<string>? _format;
    private string? _message;

    internal NearMissHint(PromotionId promotionId, HintKind kind, Money? shortfall, int? missingQuantity, string message, string? itemsLabel = null, string? sku = null)
        : this(promotionId, kind, shortfall, missingQuantity, itemsLabel, sku) => _message = message;

    /// <summary>A hint whose message is formatted when first read.</summary>
    internal NearMissHint(PromotionId promotionId, HintKind kind, Money? shortfall, int? missingQuantity, Func<string> format, string? itemsLabel = null, string? sku = null)
        : this(promotionId, kind, shortfall, missingQuantity, itemsLabel, sku) => _format = format;

    private NearMissHint(PromotionId promotionId, HintKind kind, Money? shortfall, int? missingQuantity, string? itemsLabel, string? sku)
    {
        ItemsLabel = itemsLabel;
        Sku = sku;
        PromotionId = promotionId;
        Kind = kind;
        Shortfall = shortfall;
        MissingQuantity = missingQuantity;
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
    /// <value>Such as <c>Spend 12.50 USD more to get Free shipping.</c>; formatted from the kind and the details when
    /// first read.</value>
    public string Message => _message ??= _format!();

    /// <summary>Gets a value indicating whether the promotion within reach is held in the customer's wallet
    /// (<see cref="CustomerProfile.Wallet"/>): "spend 5.00 more to use your coupon".</summary>
    /// <value><see langword="false"/> for a typed code and for an automatic promotion.</value>
    public bool FromWallet { get; init; }

    /// <summary>Tells whether another hint has the same promotion, kind, details and message.</summary>
    /// <param name="other">The other hint.</param>
    /// <returns><see langword="true"/> when every property is equal.</returns>
    public bool Equals(NearMissHint? other) =>
        other is not null
        && (ReferenceEquals(this, other)
            || (PromotionId == other.PromotionId && Kind == other.Kind && Shortfall == other.Shortfall && MissingQuantity == other.MissingQuantity
                && ItemsLabel == other.ItemsLabel && Sku == other.Sku && FromWallet == other.FromWallet && Message == other.Message));

    /// <summary>A hash of the promotion, kind and details (equal hints hash alike).</summary>
    /// <returns>The hash.</returns>
    public override int GetHashCode() => HashCode.Combine(PromotionId, Kind, Shortfall, MissingQuantity, ItemsLabel, Sku, FromWallet);
}
