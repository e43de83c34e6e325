namespace PromoEngine;

/// <summary>Why a code or a promotion did not apply. The names and values are stable: hosts may store and map them.</summary>
public enum RejectionReason
{
    /// <summary>No promotion has this code.</summary>
    UnknownCode = 1,

    /// <summary>More codes were entered than one order may carry; this one was over the limit.</summary>
    TooManyCodes = 2,

    /// <summary>The promotion has not started yet (judged in its time zone).</summary>
    NotStarted = 3,

    /// <summary>The promotion has ended (judged in its time zone).</summary>
    Expired = 4,

    /// <summary>The seller paused the promotion.</summary>
    Paused = 5,

    /// <summary>The seller cancelled the promotion.</summary>
    Cancelled = 6,

    /// <summary>No item in the cart qualifies.</summary>
    NoQualifyingItems = 7,

    /// <summary>The qualifying items add up to less than the minimum; the rejection carries the shortfall.</summary>
    MinimumSubtotalNotMet = 8,

    /// <summary>Too few qualifying units; the rejection carries how many more are needed.</summary>
    MinimumQuantityNotMet = 9,

    /// <summary>Only for members, and the customer is not one.</summary>
    MembersOnly = 10,

    /// <summary>Not for the region that counts, the customer's or the shipping address's (or that region is unknown,
    /// even when the restriction only excludes regions).</summary>
    RegionNotEligible = 11,

    /// <summary>Not for this sales channel (or the channel is unknown).</summary>
    ChannelNotEligible = 12,

    /// <summary>Not for the customer's segments.</summary>
    SegmentNotEligible = 13,

    /// <summary>Only for a customer's first order.</summary>
    FirstOrderOnly = 14,

    /// <summary>This single-use code has been redeemed already.</summary>
    AlreadyRedeemed = 15,

    /// <summary>The promotion or this code has reached its usage limit.</summary>
    UsageLimitReached = 16,

    /// <summary>This customer has used the promotion as often as allowed.</summary>
    CustomerLimitReached = 17,

    /// <summary>The promotion is limited per customer, and a guest has no customer key to count uses by.</summary>
    GuestNotAllowed = 18,

    /// <summary>The promotion's amounts are in another currency than the cart.</summary>
    CurrencyNotSupported = 19,

    /// <summary>Another promotion of the same lane took the units and saved more; the rejection names it.</summary>
    BetterDealChosen = 20,

    /// <summary>Nothing is left to discount (the items or the shipping are free already, or there is no shipping).</summary>
    NothingToDiscount = 21,

    /// <summary>Another code of the same promotion was entered first; a promotion applies once per order.</summary>
    SamePromotionCodeEntered = 22,

    /// <summary>The promotion's spend budget is used up.</summary>
    BudgetExhausted = 23,

    /// <summary>No promotion has this code, but it has the shape of a claim code with a wrong check character: a
    /// character was probably mistyped or two were swapped.</summary>
    LikelyTypo = 24,

    /// <summary>The promotion cannot be combined with the promotion that applied (one of them is exclusive); the
    /// rejection names the winner and what this one would have saved.</summary>
    NotCombinable = 25,

    /// <summary>A promotion of a higher lane stopped the lower lanes (for these items, or altogether); the rejection
    /// names it.</summary>
    StoppedByHigherLane = 26,

    /// <summary>What was entered cannot be read as a code: empty once normalized, longer than
    /// <see cref="PromotionCode.MaxLength"/>, or holding a control, invisible or symbol character (the message names
    /// it by its code point, such as U+200B). It takes no code slot, and is reported as such even when code status is
    /// hidden: it reveals nothing about the catalog.</summary>
    MalformedCode = 27,

    /// <summary>The promotion has usage limits and the usage could not be read (the ledger is unavailable, or the
    /// snapshot does not cover it): the shopper may try again in a moment. Never a limit reached.</summary>
    UsageUnavailable = 28,

    /// <summary>The promotion is between its start and end but outside its weekly windows at this instant (judged on the
    /// local time in its time zone); the rejection's <see cref="Rejection.Boundary"/> is the instant a window next opens,
    /// when one opens before the schedule ends.</summary>
    OutsideWindow = 30,

    /// <summary>The code is issued to one customer (see <see cref="PromotionActivation.IssuedTo"/> and
    /// <see cref="PromotionActivation.CodeOwners"/>), and the cart's customer is another, or a guest (a guest owns no
    /// code). Nothing else of the promotion is said. Under <see cref="EvaluationOptions.HideCodeStatus"/> a typed code
    /// reads as <see cref="UnknownCode"/> instead, as every code that cannot be used does.</summary>
    IssuedToAnotherCustomer = 31,

    /// <summary>The cart does not hold enough of the items a cart condition counts (see
    /// <see cref="Restriction.CartHoldsUnits"/> and <see cref="Restriction.CartHoldsAmount"/>): the rejection carries
    /// the missing units (<see cref="Rejection.MissingQuantity"/>) or the shortfall (<see cref="Rejection.Shortfall"/>),
    /// and how the items are called (<see cref="Rejection.ItemsLabel"/>).</summary>
    CartConditionNotMet = 41,

    /// <summary>Not for the customer's order history (see <see cref="Restriction.PreviousOrders"/> and
    /// <see cref="Restriction.NthOrder"/>), or the history is unknown (a guest): the rejection carries the bounds
    /// (<see cref="Rejection.PreviousOrdersAtLeast"/>, <see cref="Rejection.PreviousOrdersAtMost"/>) and the customer's
    /// count (<see cref="Rejection.PreviousOrders"/>, null when unknown).</summary>
    OrderHistoryNotEligible = 42,

    /// <summary>Not for the shipping method the cart names (or the cart names none); the rejection's
    /// <see cref="Rejection.Allowed"/> lists the methods it is for.</summary>
    ShippingMethodNotEligible = 43,

    /// <summary>A gift with purchase whose purchase is in the cart but whose gift is not (or not enough of it): the
    /// rejection's <see cref="Rejection.Sku"/> and <see cref="Rejection.MissingQuantity"/> say what to add, and a
    /// <see cref="HintKind.AddGift"/> hint says it too.</summary>
    GiftNotInCart = 44,
}
