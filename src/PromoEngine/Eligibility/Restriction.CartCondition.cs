using System;
using PromoEngine.Internal;

namespace PromoEngine;

// The cart-condition kind of restriction: a condition on items of the cart that need not be the items the discount
// targets. Its parts: the factories here, the check in the evaluator's gate (PromotionEvaluator.Gate.cs, CheckItems), the
// JSON shape { "type": "cartHolds", "items": filter, "units": n | "amount": money, "label": text }
// (Serialization/PromotionJson.Parts.cs), and the linter's rules (Linting/CatalogLinter.Eligibility.cs).
public abstract partial class Restriction
{
    /// <summary>The cart must hold at least this many units of items that pass <paramref name="items"/>, whichever items
    /// the discount targets: "buy any shoes, get 30% off socks" is <c>CartHoldsUnits(ItemFilter.Categories("shoes"), 1)</c>
    /// on a promotion for socks.</summary>
    /// <param name="items">The items counted.</param>
    /// <param name="units">The fewest units, one or more.</param>
    /// <param name="label">How shoppers are told the items (such as <c>shoes</c>), in rejections and hints
    /// (<see cref="Rejection.ItemsLabel"/>); the filter's description when <see langword="null"/>.</param>
    /// <returns>The restriction; when it fails the promotion is rejected with
    /// <see cref="RejectionReason.CartConditionNotMet"/>, whose <see cref="Rejection.MissingQuantity"/> says how many
    /// units to add, and a <see cref="HintKind.AddRequiredItems"/> hint says the same.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="items"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="units"/> is below one.</exception>
    /// <exception cref="ArgumentException"><paramref name="label"/> is empty or malformed.</exception>
    public static Restriction CartHoldsUnits(ItemFilter items, int units, string? label = null) =>
        new CartConditionRestriction(Guard.NotNull(items), Guard.Positive(units), null, LabelOf(items, label), ThresholdBasis.BeforeDiscounts);

    /// <summary>The items of the cart that pass <paramref name="items"/> must add up to at least this amount, at their
    /// prices before any discount, whichever items the discount targets: "spend $100 on shoes, get free shipping" is
    /// <c>CartHoldsAmount(ItemFilter.Categories("shoes"), 100 USD)</c> on a free-shipping promotion.</summary>
    /// <param name="items">The items counted.</param>
    /// <param name="amount">The least amount, more than zero and rounded to its minor unit; the promotion's other
    /// amounts must be in its currency.</param>
    /// <param name="label">How shoppers are told the items (such as <c>shoes</c>); the filter's description when
    /// <see langword="null"/>.</param>
    /// <param name="measuredOn">The prices the amount is measured on: before any discount (the default), or what is left
    /// after the promotions of higher lanes.</param>
    /// <returns>The restriction; when it fails the promotion is rejected with
    /// <see cref="RejectionReason.CartConditionNotMet"/>, whose <see cref="Rejection.Shortfall"/> says how much more to
    /// spend on such items, and a <see cref="HintKind.SpendMoreOnRequiredItems"/> hint says the same.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="items"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="amount"/> is not positive, or
    /// <paramref name="measuredOn"/> is not a defined value.</exception>
    /// <exception cref="ArgumentException"><paramref name="amount"/> is not rounded or too large, the filter names
    /// amounts in another currency, or <paramref name="label"/> is malformed.</exception>
    public static Restriction CartHoldsAmount(ItemFilter items, Money amount, string? label = null, ThresholdBasis measuredOn = ThresholdBasis.BeforeDiscounts)
    {
        Guard.NotNull(items);
        CheckBasis(measuredOn, nameof(measuredOn));
        if (amount.Currency.IsDefault || !amount.IsRounded)
        {
            throw new ArgumentException($"A cart condition's amount must be rounded to its minor unit; {amount} is not.", nameof(amount));
        }

        if (amount.Amount <= 0m)
        {
            throw new ArgumentOutOfRangeException(nameof(amount), amount, "A cart condition's amount must be more than zero.");
        }

        if (items.AmountCurrency is { } filterCurrency && filterCurrency != amount.Currency)
        {
            throw new ArgumentException($"The filter names amounts in {filterCurrency.Code}, the condition {amount.Currency.Code}.", nameof(amount));
        }

        return new CartConditionRestriction(items, null, Guard.WithinMaxAmount(amount), LabelOf(items, label), measuredOn);
    }

    private static string LabelOf(ItemFilter items, string? label) => label is null ? items.ToString()! : Text.Identifier(label, nameof(label));
}

/// <summary>A condition on items of the cart that pass a filter: at least so many units, or so much at prices before
/// discounts.</summary>
internal sealed class CartConditionRestriction(ItemFilter items, int? units, Money? amount, string label, ThresholdBasis measuredOn) : Restriction
{
    /// <summary>What prices an amount is measured on (units are counted, whatever the prices).</summary>
    public ThresholdBasis MeasuredOn { get; } = measuredOn;

    internal override bool MeasuredAfterHigherLanes => MeasuredOn == ThresholdBasis.AfterHigherLanes;

    public ItemFilter Items { get; } = items;

    /// <summary>The fewest units; null when the condition is on an amount.</summary>
    public int? Units { get; } = units;

    /// <summary>The least amount; null when the condition is on units.</summary>
    public Money? Amount { get; } = amount;

    /// <summary>How shoppers are told the items.</summary>
    public string Label { get; } = label;

    /// <summary>Whether the label was given (not derived from the filter): what JSON writes.</summary>
    public bool HasOwnLabel => !string.Equals(Label, Items.ToString(), StringComparison.Ordinal);

    internal override Currency? AmountCurrency => Amount?.Currency ?? Items.AmountCurrency;

    public override string ToString() => Units is { } n
        ? FormattableString.Invariant($"a cart holding at least {n} units of {Items}")
        : $"a cart holding at least {Amount} of {Items}" + (MeasuredAfterHigherLanes ? " after higher lanes" : string.Empty);
}
