using System;
using System.Collections.Immutable;
using System.Linq;
using NodaTime;
using PromoEngine.Internal;

namespace PromoEngine;

/// <summary>A code or promotion that did not apply, why (a stable reason code), the details a UI needs, and a plain
/// message.</summary>
/// <remarks>
/// <para>Immutable and thread-safe, with value equality over every property (the message included).</para>
/// <para>The reason and the details are the data; <see cref="Message"/> is derived from them (and the promotion's name)
/// the first time it is read, so a rejection nobody reads a message of costs no formatting.</para>
/// </remarks>
public sealed record Rejection
{
    private readonly Promotion? _source;
    private readonly Func<Promotion, Rejection, string>? _format;
    private string? _message;

    // Implementation note: most rejections carry none of the details, so they live in an object of their own, made for
    // the first one set; a copy (`with`) shares its original's until it sets one of its own (then copies them).
    private Details? _details;
    private bool _ownsDetails;

    internal Rejection(PromotionId? promotionId, string? code, RejectionReason reason, string message)
    {
        PromotionId = promotionId;
        IdOrder = promotionId is { } id ? new IdOrder(id.Value) : default;
        Code = code;
        Reason = reason;
        _message = message;
    }

    /// <summary>A rejection of a promotion with its message, its id's order as the promotion has it (not packed again).</summary>
    internal Rejection(PromotionId promotionId, IdOrder idOrder, string? code, RejectionReason reason, string message)
    {
        PromotionId = promotionId;
        IdOrder = idOrder;
        Code = code;
        Reason = reason;
        _message = message;
    }

    /// <summary>A rejection whose message is formatted from its promotion and its own details when first read.</summary>
    internal Rejection(Promotion source, string? code, RejectionReason reason, Func<Promotion, Rejection, string> format)
    {
        PromotionId = source.Id;
        IdOrder = source.IdOrder;
        Code = code;
        Reason = reason;
        _source = source;
        _format = format;
    }

    /// <summary>Gets the promotion rejected.</summary>
    /// <value><see langword="null"/> when the code matched none.</value>
    public PromotionId? PromotionId { get; }

    /// <summary>The promotion id's first characters as numbers, to sort rejections by id quickly.</summary>
    internal IdOrder IdOrder { get; }

    /// <summary>Gets the normalized code the shopper entered for it (the promotion's own form of it when the code was
    /// read with look-alikes folded).</summary>
    /// <value><see langword="null"/> for an automatic promotion. For <see cref="RejectionReason.MalformedCode"/>, which
    /// has no normalized form, a printable rendering of what was typed (never long, never invisible): at most 32
    /// characters are kept, control and invisible characters (and lone surrogates) are written as their code point,
    /// such as <c>[U+200B]</c>, and longer input is cut with <c>…</c>.</value>
    public string? Code { get; }

    /// <summary>Gets why it did not apply.</summary>
    /// <value>A stable reason code.</value>
    public RejectionReason Reason { get; }

    /// <summary>Gets a plain message for people, in English (see <see cref="ShopperText"/> for the shopper's
    /// language).</summary>
    /// <value>Such as <c>Spend 12.50 USD more on qualifying items.</c>; formatted from the reason and the details when
    /// first read.</value>
    public string Message => _message ??= _format!(_source!, this);

    /// <summary>Gets how much more the qualifying items must cost.</summary>
    /// <value>Set for <see cref="RejectionReason.MinimumSubtotalNotMet"/>, and for
    /// <see cref="RejectionReason.CartConditionNotMet"/> when the condition is on an amount.</value>
    public Money? Shortfall
    {
        get => _details?.Shortfall;
        init => Edit().Shortfall = value;
    }

    /// <summary>Gets how many more qualifying units are needed.</summary>
    /// <value>Set for <see cref="RejectionReason.MinimumQuantityNotMet"/>, and for
    /// <see cref="RejectionReason.CartConditionNotMet"/> when the condition is on units.</value>
    public int? MissingQuantity
    {
        get => _details?.MissingQuantity;
        init => Edit().MissingQuantity = value;
    }

    /// <summary>Gets how the promotion calls the items a cart condition counts (such as <c>shoes</c>).</summary>
    /// <value>Set for <see cref="RejectionReason.CartConditionNotMet"/>; <see langword="null"/> otherwise.</value>
    public string? ItemsLabel
    {
        get => _details?.ItemsLabel;
        init => Edit().ItemsLabel = value;
    }

    /// <summary>Gets how many orders the customer placed before, as the profile says.</summary>
    /// <value>Set for <see cref="RejectionReason.OrderHistoryNotEligible"/> when the count is known.</value>
    public int? PreviousOrders
    {
        get => _details?.PreviousOrders;
        init => Edit().PreviousOrders = value;
    }

    /// <summary>Gets the fewest previous orders the promotion asks for.</summary>
    /// <value>Set for <see cref="RejectionReason.OrderHistoryNotEligible"/> when the promotion has a lower bound.</value>
    public int? PreviousOrdersAtLeast
    {
        get => _details?.PreviousOrdersAtLeast;
        init => Edit().PreviousOrdersAtLeast = value;
    }

    /// <summary>Gets the most previous orders the promotion allows.</summary>
    /// <value>Set for <see cref="RejectionReason.OrderHistoryNotEligible"/> when the promotion has an upper bound.</value>
    public int? PreviousOrdersAtMost
    {
        get => _details?.PreviousOrdersAtMost;
        init => Edit().PreviousOrdersAtMost = value;
    }

    /// <summary>Gets the SKU to add.</summary>
    /// <value>Set for <see cref="RejectionReason.GiftNotInCart"/>: the gift's SKU.</value>
    public string? Sku
    {
        get => _details?.Sku;
        init => Edit().Sku = value;
    }

    /// <summary>Gets the limit that was reached.</summary>
    /// <value>Set for the usage-limit reasons and <see cref="RejectionReason.TooManyCodes"/>.</value>
    public int? Limit
    {
        get => _details?.Limit;
        init => Edit().Limit = value;
    }

    /// <summary>Gets how many uses the snapshot counted.</summary>
    /// <value>Set for the usage-limit reasons.</value>
    public int? Used
    {
        get => _details?.Used;
        init => Edit().Used = value;
    }

    /// <summary>Gets the promotion that won the units, or the code slot.</summary>
    /// <value>Set for <see cref="RejectionReason.BetterDealChosen"/>, <see cref="RejectionReason.NotCombinable"/>,
    /// <see cref="RejectionReason.StoppedByHigherLane"/>, and <see cref="RejectionReason.TooManyCodes"/> (the promotion
    /// of <see cref="WinnerCode"/>).</value>
    public PromotionId? Winner
    {
        get => _details?.Winner;
        init => Edit().Winner = value;
    }

    /// <summary>Gets the code that took the code slot this one did not get.</summary>
    /// <value>Set for <see cref="RejectionReason.TooManyCodes"/> when some code took a slot: with one slot, the code
    /// that took it; with more, the last (in the order entered) of the codes that took them. The message names them
    /// all.</value>
    public string? WinnerCode
    {
        get => _details?.WinnerCode;
        init => Edit().WinnerCode = value;
    }

    /// <summary>Gets what this promotion alone would have taken off (before rounding).</summary>
    /// <value>Set for <see cref="RejectionReason.BetterDealChosen"/>.</value>
    public Money? AloneAmount
    {
        get => _details?.AloneAmount;
        init => Edit().AloneAmount = value;
    }

    /// <summary>Gets the instant the promotion starts, ended or next opens: the instant its schedule changes state.</summary>
    /// <value>Set for <see cref="RejectionReason.NotStarted"/>, as the first instant inside the schedule
    /// (<see cref="Schedule.StartInstant"/>), and for <see cref="RejectionReason.Expired"/>, as the first instant after
    /// it (<see cref="Schedule.EndInstant"/>; for an inclusive end of 23:59, the following 00:00). For
    /// <see cref="RejectionReason.OutsideWindow"/>, the first instant after the evaluation's at which a weekly window
    /// opens; <see langword="null"/> when the schedule ends first.</value>
    public Instant? Boundary
    {
        get => _details?.Boundary;
        init => Edit().Boundary = value;
    }

    /// <summary>Gets whom the promotion is for, when the cart's customer or channel is not among them: the
    /// memberships, the segments or the sales channels it names.</summary>
    /// <value>Set (in the order the promotion names them) for <see cref="RejectionReason.MembersOnly"/>,
    /// <see cref="RejectionReason.SegmentNotEligible"/>, <see cref="RejectionReason.ChannelNotEligible"/> and
    /// <see cref="RejectionReason.ShippingMethodNotEligible"/> (the shipping methods); empty otherwise. A message in the shopper's language is built from it (see <see cref="ShopperText"/>).</value>
    public ImmutableArray<string> Allowed
    {
        get => _details?.Allowed.Items ?? [];
        init => Edit().Allowed = new(value);
    }

    /// <summary>Gets a value indicating whether the code came from the customer's wallet
    /// (<see cref="CustomerProfile.Wallet"/>) rather than being typed: "your clipped coupon needs $5 more".</summary>
    /// <value><see langword="false"/> for a typed code and for an automatic promotion.</value>
    public bool FromWallet { get; init; }

    /// <summary>Tells whether another rejection has the same reason, promotion, code, details and message.</summary>
    /// <param name="other">The other rejection.</param>
    /// <returns><see langword="true"/> when every property is equal.</returns>
    public bool Equals(Rejection? other) =>
        other is not null
        && (ReferenceEquals(this, other)
            || (PromotionId == other.PromotionId && Code == other.Code && Reason == other.Reason && Shortfall == other.Shortfall
                && MissingQuantity == other.MissingQuantity && ItemsLabel == other.ItemsLabel && PreviousOrders == other.PreviousOrders
                && PreviousOrdersAtLeast == other.PreviousOrdersAtLeast && PreviousOrdersAtMost == other.PreviousOrdersAtMost
                && Sku == other.Sku && Limit == other.Limit && Used == other.Used && Winner == other.Winner && WinnerCode == other.WinnerCode
                && AloneAmount == other.AloneAmount && Boundary == other.Boundary && Allowed.SequenceEqual(other.Allowed)
                && FromWallet == other.FromWallet && Message == other.Message));

    /// <summary>A hash of the reason, promotion, code and main details (equal rejections hash alike).</summary>
    /// <returns>The hash.</returns>
    public override int GetHashCode() => HashCode.Combine(PromotionId, Code, Reason, Shortfall, MissingQuantity, Limit, Winner, Boundary);

    /// <summary>The copy a <c>with</c> expression starts from: it shares the original's details until it sets one.</summary>
    private Rejection(Rejection original)
    {
        PromotionId = original.PromotionId;
        IdOrder = original.IdOrder;
        Code = original.Code;
        Reason = original.Reason;
        _source = original._source;
        _format = original._format;
        _message = original._message;
        _details = original._details;
        FromWallet = original.FromWallet;
    }

    /// <summary>The details this rejection may set: its own (copied from what it shares, or new).</summary>
    private Details Edit()
    {
        if (!_ownsDetails)
        {
            _details = _details is null ? new Details() : _details.Copy();
            _ownsDetails = true;
        }

        return _details!;
    }

    /// <summary>The details of a rejection (see the properties of the same names).</summary>
    private sealed class Details
    {
        public Money? Shortfall;
        public int? MissingQuantity;
        public string? ItemsLabel;
        public int? PreviousOrders;
        public int? PreviousOrdersAtLeast;
        public int? PreviousOrdersAtMost;
        public string? Sku;
        public int? Limit;
        public int? Used;
        public PromotionId? Winner;
        public string? WinnerCode;
        public Money? AloneAmount;
        public Instant? Boundary;
        public EquatableArray<string> Allowed;

        public Details Copy() => (Details)MemberwiseClone();
    }
}
