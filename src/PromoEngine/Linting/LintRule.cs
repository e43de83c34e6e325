namespace PromoEngine;

/// <summary>What a catalog lint finding is about. The names and values are stable.</summary>
public enum LintRule
{
    /// <summary>Promotions that can apply together can take 100 % off.</summary>
    StackingReachesFullPrice = 1,

    /// <summary>Promotions of one group and one lane are alike: which applies is decided only by their ids.</summary>
    AmbiguousGroupTie = 2,

    /// <summary>A buy-X-get-Y whose bought or discounted items can never be in a cart.</summary>
    BuyXGetYCannotFire = 3,

    /// <summary>A schedule that has ended, or a promotion that can never be active.</summary>
    NeverActive = 4,

    /// <summary>Codes that are the same once normalized, or differ only by look-alike characters.</summary>
    CodeCollision = 5,

    /// <summary>A limit or a budget that makes the promotion impossible to redeem.</summary>
    UnusableLimit = 6,

    /// <summary>A shipping promotion that a stop in a higher lane always hides.</summary>
    HiddenByStop = 7,

    /// <summary>Region restrictions of one promotion (on the same region) that exclude an allowed region entirely, or
    /// that no region can meet.</summary>
    UnreachableRegion = 8,

    /// <summary>Claim codes that are too easy to guess: a format whose random part holds fewer than
    /// <see cref="CatalogLinter.MinClaimCodeBits"/> bits, or a pool that fills more than
    /// <see cref="ClaimCodeGenerator.DefaultMaxShare"/> (one millionth) of its format's capacity.</summary>
    GuessableClaimCodes = 9,

    /// <summary>A code holding letters of another script that look like Latin ones (a Cyrillic А, a Greek Ο): a shopper
    /// typing what they see on a Latin keyboard cannot enter it.</summary>
    ConfusableCharacters = 10,

    /// <summary>A schedule whose weekly windows never open between its start and end (a validity of one Tuesday with a
    /// Friday-only window): the promotion can never apply.</summary>
    WindowNeverOpen = 20,

    /// <summary>Weekly windows of one schedule that cover the same local times: one of them is probably a typo.</summary>
    OverlappingWindows = 21,

    /// <summary>A price floor that holds the discount back on every unit it could take: a floor of 90% under 20% off
    /// never gives more than 10%; a floor of $5 under "3 for $10" never lets a set cost $10.</summary>
    PriceFloorAlwaysBinds = 22,

    /// <summary>Tiers of a discount on quantity groups where more groups give less off each unit.</summary>
    TierSavesLessForMore = 23,

    /// <summary>A gift with purchase whose qualifying items can include the gift itself: gifts alone earn a gift.</summary>
    GiftEarnsItself = 24,

    /// <summary>A price floor at or above the highest unit price the promotion's item filter admits
    /// (<see cref="ItemFilter.UnitPriceAtMost"/>): every qualifying unit is at or below the floor, so the discount never
    /// takes anything.</summary>
    PriceFloorAboveEveryPrice = 25,

    /// <summary>A promotion whose qualifying items no item can pass (unit-price bounds that exclude each other, SKU lists
    /// with nothing in common, a negation of all items): it can never apply. Buy X get Y has its own rule
    /// (<see cref="BuyXGetYCannotFire"/>).</summary>
    ItemsCanNeverQualify = 40,

    /// <summary>A cart condition (<see cref="Restriction.CartHoldsUnits"/>, <see cref="Restriction.CartHoldsAmount"/>)
    /// that contradicts the promotion: its filter admits no item (unit-price bounds that exclude each other, SKU lists
    /// with nothing in common), so no cart meets it (an error). Also reported (a warning): a condition whose filter is
    /// the promotion's own item filter, which restates <see cref="Restriction.MinimumQuantity"/> or <see cref="Restriction.MinimumSubtotal(Money)"/>
    /// (probably other items were meant).</summary>
    CartConditionContradictsItems = 41,

    /// <summary>Order-history restrictions of one promotion (<see cref="Restriction.PreviousOrders"/>,
    /// <see cref="Restriction.NthOrder"/>, <see cref="Restriction.FirstOrderOnly"/>) that no number of previous orders
    /// meets together: "first order only" and "from the third order": the promotion can never apply.</summary>
    OrderHistoryNeverMet = 42,

    /// <summary>Shipping-method restrictions of one promotion that share no method: no cart meets them all, so the
    /// promotion can never apply.</summary>
    ShippingMethodsNeverMet = 43,

    /// <summary>A threshold measured after higher lanes (<see cref="ThresholdBasis.AfterHigherLanes"/>) on a promotion
    /// that no promotion of the catalog outranks: it measures the prices before discounts all the same (information).</summary>
    ThresholdBasisHasNoEffect = 44,
}
