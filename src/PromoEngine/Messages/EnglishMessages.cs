using System.Collections.Immutable;
using System.Globalization;
using NodaTime;

namespace PromoEngine;

/// <summary>The built-in English texts (<see cref="ShopperMessages.English"/>): every reason, hint kind and receipt
/// term has one; a test fails when one is added without.</summary>
internal sealed class EnglishMessages() : ShopperMessages(CultureInfo.GetCultureInfo("en"))
{
    /// <summary>What is said of a value no language knows.</summary>
    public const string Unknown = "This offer cannot be used on this order.";

    public override string? Describe(Rejection rejection, MessageContext c)
    {
        var name = Subject(rejection, c);
        return rejection.Reason switch
        {
            RejectionReason.UnknownCode => $"The code {rejection.Code} is not valid.",
            RejectionReason.TooManyCodes => rejection.Limit == 1 && rejection.WinnerCode is { } winner
                ? $"Only one code can be used per order, and {winner} is already applied."
                : $"Only {c.Number(rejection.Limit ?? 1)} codes can be used per order.",
            RejectionReason.NotStarted => rejection.Boundary is { } starts
                ? $"{name} starts on {c.Day(starts)} at {c.Time(starts)}."
                : $"{name} has not started yet.",
            RejectionReason.Expired => rejection.Boundary is { } ended
                ? $"{name} ended on {c.Day(ended - Duration.Epsilon)}."
                : $"{name} has ended.",
            RejectionReason.Paused => $"{name} is paused at the moment.",
            RejectionReason.Cancelled => $"{name} is no longer available.",
            RejectionReason.NoQualifyingItems => $"No item in your cart qualifies for {name}.",
            RejectionReason.MinimumSubtotalNotMet => rejection.Shortfall is { } shortfall
                ? $"Spend {c.Money(shortfall)} more on qualifying items to get {name}."
                : $"Spend more on qualifying items to get {name}.",
            RejectionReason.MinimumQuantityNotMet => $"Add {Items(rejection.MissingQuantity ?? 1, c)} to get {name}.",
            RejectionReason.GiftNotInCart => $"Add {c.Number(rejection.MissingQuantity ?? 1)} x {rejection.Sku} to your cart to get it with {name}.",
            RejectionReason.MembersOnly => rejection.Allowed.IsEmpty
                ? $"{name} is for members only."
                : $"{name} is for {Or(rejection.Allowed)} members only.",
            RejectionReason.RegionNotEligible => $"{name} is not available for your region or delivery address.",
            RejectionReason.ChannelNotEligible => rejection.Allowed.IsEmpty
                ? $"{name} is not available here."
                : $"{name} is only available through {Or(rejection.Allowed)}.",
            RejectionReason.SegmentNotEligible => rejection.Allowed.IsEmpty
                ? $"{name} is not available for your account."
                : $"{name} is only for {Or(rejection.Allowed)} customers.",
            RejectionReason.FirstOrderOnly => $"{name} is for your first order only.",
            RejectionReason.AlreadyRedeemed => $"The code {rejection.Code} has already been used.",
            RejectionReason.UsageLimitReached => $"{name} has been used as often as it allows.",
            RejectionReason.CustomerLimitReached => rejection.Limit is null or 1
                ? $"You have already used {name}."
                : $"You have used {name} {c.Number(rejection.Limit.Value)} times, as often as it allows.",
            RejectionReason.GuestNotAllowed => $"Sign in to use {name}.",
            RejectionReason.CurrencyNotSupported => $"{name} is not available in this currency.",
            RejectionReason.BetterDealChosen => c.Winner is null
                ? $"{name} was not used: a better deal saves you more on the same items."
                : $"{name} was not used: {c.WinnerName} saves you more on the same items.",
            RejectionReason.NothingToDiscount => $"{name} has nothing left to take off.",
            RejectionReason.SamePromotionCodeEntered => $"The code {rejection.Code} is for the same offer as a code you entered before.",
            RejectionReason.BudgetExhausted => $"{name} has run out.",
            RejectionReason.LikelyTypo => $"The code {rejection.Code} looks mistyped: check each character.",
            RejectionReason.NotCombinable => c.Winner is null
                ? $"{name} cannot be combined with the offer applied."
                : $"{name} cannot be combined with {c.WinnerName}.",
            RejectionReason.StoppedByHigherLane => c.Winner is null
                ? $"{name} does not apply together with the offer applied."
                : $"{name} does not apply together with {c.WinnerName}.",
            RejectionReason.MalformedCode => "The code entered cannot be read: check it and try again.",
            RejectionReason.UsageUnavailable => $"{name} cannot be checked just now: try again in a moment.",
            RejectionReason.OutsideWindow => rejection.Boundary is { } opens
                ? $"{name} is not available right now: it opens again on {c.Day(opens)} at {c.Time(opens)}."
                : $"{name} is not available right now.",
            RejectionReason.IssuedToAnotherCustomer => rejection.Code is { } personal
                ? $"The code {personal} was issued to another customer account: sign in to the account it was sent to."
                : "This code was issued to another customer account: sign in to the account it was sent to.",
            RejectionReason.ShippingMethodNotEligible => rejection.Allowed.IsEmpty
                ? $"{name} is not available for this shipping method."
                : $"{name} is only for shipping by {Or(rejection.Allowed)}.",
            RejectionReason.OrderHistoryNotEligible => rejection.PreviousOrders is null
                ? $"{name} depends on your order history: sign in to use it."
                : (rejection.PreviousOrdersAtLeast, rejection.PreviousOrdersAtMost) switch
                {
                    (0, 0) => $"{name} is for your first order only.",
                    ({ } low, { } high) when low == high => $"{name} is for order number {c.Number(low + 1)} only.",
                    ({ } low, { } high) => $"{name} is for customers with {c.Number(low)} to {c.Number(high)} earlier orders.",
                    ({ } low, null) => $"{name} is for customers with at least {c.Number(low)} earlier order{(low == 1 ? "" : "s")}.",
                    (null, { } high) => $"{name} is for customers with at most {c.Number(high)} earlier order{(high == 1 ? "" : "s")}.",
                    _ => $"{name} is not available for your order history.",
                },
            RejectionReason.CartConditionNotMet => rejection.Shortfall is { } more
                ? $"Spend {c.Money(more)} more on {rejection.ItemsLabel ?? "the items this offer needs"} to get {name}."
                : $"Add {Required(rejection.MissingQuantity ?? 1, rejection.ItemsLabel, c)} to get {name}.",
            _ => null,
        };
    }

    public override string? Describe(NearMissHint hint, MessageContext c) => hint.FromWallet ? FromWallet(hint, c) : hint.Kind switch
    {
        HintKind.SpendMore => hint.Shortfall is { } shortfall
            ? $"Spend {c.Money(shortfall)} more to get {Name(c)}."
            : $"Spend a little more to get {Name(c)}.",
        HintKind.AddItems => $"Add {Items(hint.MissingQuantity ?? 1, c)} to get {Name(c)}.",
        HintKind.AddRequiredItems => $"Add {Required(hint.MissingQuantity ?? 1, hint.ItemsLabel, c)} to get {Name(c)}.",
        HintKind.SpendMoreOnRequiredItems => hint.Shortfall is { } more
            ? $"Spend {c.Money(more)} more on {hint.ItemsLabel ?? "the items this offer needs"} to get {Name(c)}."
            : $"Spend a little more on {hint.ItemsLabel ?? "the items this offer needs"} to get {Name(c)}.",
        HintKind.AddGift => $"Add {c.Number(hint.MissingQuantity ?? 1)} x {hint.Sku} to your cart to get it with {Name(c)}.",
        _ => null,
    };

    /// <summary>A hint about a coupon the customer holds: it is theirs already, so the hint says how to use it.</summary>
    private static string? FromWallet(NearMissHint hint, MessageContext c) => hint.Kind switch
    {
        HintKind.SpendMore => hint.Shortfall is { } shortfall
            ? $"Spend {c.Money(shortfall)} more to use your coupon {Name(c)}."
            : $"Spend a little more to use your coupon {Name(c)}.",
        HintKind.AddItems => $"Add {Items(hint.MissingQuantity ?? 1, c)} to use your coupon {Name(c)}.",
        HintKind.AddRequiredItems => $"Add {Required(hint.MissingQuantity ?? 1, hint.ItemsLabel, c)} to use your coupon {Name(c)}.",
        HintKind.SpendMoreOnRequiredItems => hint.Shortfall is { } more
            ? $"Spend {c.Money(more)} more on {hint.ItemsLabel ?? "the items this offer needs"} to use your coupon {Name(c)}."
            : $"Spend a little more on {hint.ItemsLabel ?? "the items this offer needs"} to use your coupon {Name(c)}.",
        HintKind.AddGift => $"Add {c.Number(hint.MissingQuantity ?? 1)} x {hint.Sku} to your cart to get it with your coupon {Name(c)}.",
        _ => null,
    };

    public override string? Describe(ReceiptTerm term, MessageContext c) => term switch
    {
        ReceiptTerm.Subtotal => "Subtotal",
        ReceiptTerm.OrderDiscounts => "Order discounts",
        ReceiptTerm.Shipping => "Shipping",
        ReceiptTerm.ShippingDiscount => "Shipping discount",
        ReceiptTerm.Total => "Total",
        ReceiptTerm.YouSaved => "You saved",
        ReceiptTerm.Automatic => "automatic",
        ReceiptTerm.Code => "code",
        ReceiptTerm.Applied => "applied",
        ReceiptTerm.NotUsed => "not used",
        ReceiptTerm.Tip => "tip",
        ReceiptTerm.CutToPrice => "cut to the price",
        ReceiptTerm.Capped => "capped",
        ReceiptTerm.CutToBudget => "cut to what is left of its budget",
        ReceiptTerm.FromWallet => "from your wallet",
        ReceiptTerm.CutToPriceFloor => "kept above its price floor",
        _ => null,
    };

    /// <summary>The promotion's name; for a code the catalog cannot name, the code; else "This offer".</summary>
    private static string Subject(Rejection rejection, MessageContext c) =>
        c.Promotion is not null ? c.Name : rejection.Code is { } code ? "The code " + code : "This offer";

    private static string Name(MessageContext c) => c.Promotion is null ? "this offer" : c.Name;

    private static string Items(int count, MessageContext c) =>
        count == 1 ? "1 more qualifying item" : $"{c.Number(count)} more qualifying items";

    /// <summary>How many more of the items a cart condition counts, as the promotion calls them: "1 more item from shoes".</summary>
    private static string Required(int count, string? label, MessageContext c) =>
        (count == 1 ? "1 more item" : $"{c.Number(count)} more items") + (label is null ? " of the kind this offer needs" : " from " + label);

    private static string Or(ImmutableArray<string> names) =>
        names.Length == 1 ? names[0] : string.Join(", ", names[..^1]) + " or " + names[^1];
}
