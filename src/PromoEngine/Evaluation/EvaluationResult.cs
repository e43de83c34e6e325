using System.Collections.Immutable;
using NodaTime;
using PromoEngine.Internal;

namespace PromoEngine;

/// <summary>What an evaluation decided: lines with their adjustments, the totals, the promotions that applied, those
/// that did not and why, near-miss hints, and the redemptions checkout must reserve.</summary>
/// <remarks>
/// <para>Immutable and thread-safe, with value equality: two evaluations of the same input are equal.</para>
/// <para>Always: <c>Total = Subtotal - ItemDiscounts - OrderDiscounts + Shipping - ShippingDiscount</c>; every line's
/// adjustments sum to its discount; no line, unit, shipping or total is below zero.</para>
/// </remarks>
public sealed record EvaluationResult
{
    private readonly LineResults _lines;
    private readonly EquatableArray<AppliedPromotion> _applied;
    private readonly EquatableArray<Rejection> _rejected;
    private readonly EquatableArray<NearMissHint> _hints;
    private readonly RedemptionResults _redemptions;

    internal EvaluationResult(
        Instant at,
        LineResults lines,
        Money subtotal,
        Money itemDiscounts,
        Money orderDiscounts,
        Money shipping,
        Money shippingDiscount,
        ImmutableArray<AppliedPromotion> applied,
        ImmutableArray<Rejection> rejected,
        ImmutableArray<NearMissHint> hints,
        ImmutableArray<Redemption> redemptions,
        bool usedGreedyFallback,
        CodeAttempts codeAttempts)
        : this(at, lines, subtotal, itemDiscounts, orderDiscounts, shipping, shippingDiscount, applied, rejected, hints, new RedemptionResults(redemptions), usedGreedyFallback, codeAttempts)
    {
    }

    /// <summary>A result whose redemptions may be made when first read (see <see cref="RedemptionResults"/>).</summary>
    internal EvaluationResult(
        Instant at,
        LineResults lines,
        Money subtotal,
        Money itemDiscounts,
        Money orderDiscounts,
        Money shipping,
        Money shippingDiscount,
        ImmutableArray<AppliedPromotion> applied,
        ImmutableArray<Rejection> rejected,
        ImmutableArray<NearMissHint> hints,
        RedemptionResults redemptions,
        bool usedGreedyFallback,
        CodeAttempts codeAttempts)
    {
        CodeAttempts = codeAttempts;
        UsedGreedyFallback = usedGreedyFallback;
        At = at;
        _lines = lines;
        Subtotal = subtotal;
        ItemDiscounts = itemDiscounts;
        OrderDiscounts = orderDiscounts;
        Shipping = shipping;
        ShippingDiscount = shippingDiscount;
        // Implementation note: most carts have no order or shipping discount, and many no shipping: a term that is a
        // bare zero (Decimals.IsBareZero) leaves the sum as it is, bit for bit, so it is not added.
        Total = Less(Plus(Less(Less(subtotal, itemDiscounts), orderDiscounts), shipping), shippingDiscount);
        _applied = new(applied);
        _rejected = new(rejected);
        _hints = new(hints);
        _redemptions = redemptions;
    }

    /// <summary><paramref name="sum"/> + <paramref name="term"/>; the sum itself when the term is a bare zero.</summary>
    private static Money Plus(Money sum, Money term) => Decimals.IsBareZero(term.Amount) ? sum : sum + term;

    /// <summary><paramref name="sum"/> - <paramref name="term"/>; the sum itself when the term is a bare zero.</summary>
    private static Money Less(Money sum, Money term) => Decimals.IsBareZero(term.Amount) ? sum : sum - term;

    /// <summary>Gets the instant the cart was evaluated at.</summary>
    /// <value>The instant passed in.</value>
    public Instant At { get; }

    /// <summary>Gets the lines, in the cart's order.</summary>
    /// <value>One per cart line.</value>
    public ImmutableArray<LineResult> Lines => _lines.Items;

    /// <summary>Gets the sum of the lines before discounts.</summary>
    /// <value>The cart's subtotal.</value>
    public Money Subtotal { get; }

    /// <summary>Gets the sum of the item discounts.</summary>
    /// <value>Zero or more.</value>
    public Money ItemDiscounts { get; }

    /// <summary>Gets the sum of the order discounts.</summary>
    /// <value>Zero or more.</value>
    public Money OrderDiscounts { get; }

    /// <summary>Gets the shipping charge before discounts.</summary>
    /// <value>Zero when the cart has none.</value>
    public Money Shipping { get; }

    /// <summary>Gets the discount on shipping.</summary>
    /// <value>Zero or more, never more than <see cref="Shipping"/>.</value>
    public Money ShippingDiscount { get; }

    /// <summary>Gets what the shopper pays.</summary>
    /// <value>Zero or more.</value>
    public Money Total { get; }

    /// <summary>Gets the promotions that applied, in the order they applied.</summary>
    /// <value>Possibly empty.</value>
    public ImmutableArray<AppliedPromotion> Applied => _applied.Items;

    /// <summary>Gets the codes and promotions that concern the shopper and did not apply, with their reasons: every code
    /// entered (typed or from the wallet), and every automatic promotion that concerns the cart (active and running, in
    /// the cart's currency, with a qualifying item in the cart, for this customer, and near any minimum it falls short
    /// of) and then lost, fell short, was limited or failed a condition the shopper can act on. Under
    /// <see cref="EvaluationOptions.ListEveryRejection"/>, every automatic promotion that did not apply (see there for
    /// the exact rule).</summary>
    /// <value>Entered codes first, in the order entered; then promotions by id.</value>
    public ImmutableArray<Rejection> Rejected => _rejected.Items;

    /// <summary>Gets the promotions within reach and what it takes to earn them.</summary>
    /// <value>Possibly empty.</value>
    public ImmutableArray<NearMissHint> Hints => _hints.Items;

    /// <summary>Gets the redemptions checkout must reserve with the ledger, one per applied promotion.</summary>
    /// <value>Their <see cref="Redemption.OrderId"/> is unset until checkout calls <see cref="Redemption.ForOrder"/>.</value>
    public ImmutableArray<Redemption> Redemptions => _redemptions.Items;

    /// <summary>Gets a value indicating whether a search had too much to try exhaustively and took a documented
    /// shortcut, which may save less than the best: a lane with more than 16 item promotions competing for the same
    /// units (solved greedily, promotions in order of what each alone saves), a lane with more than 6 order or
    /// shipping promotions (their order of application improved by swaps), more promotions that could cost the
    /// shopper through the lanes below them than are tried without (4 per combination, 32 evaluations per cart), or,
    /// when more usable codes are entered than the order has code slots, more than 64 ways to give out the slots (the
    /// codes entered first then take them).</summary>
    /// <value><see langword="false"/> when every search was exhaustive.</value>
    public bool UsedGreedyFallback { get; internal init; }

    /// <summary>Gets what the entered codes came to, for a host's rate limiter: how many were entered, unknown,
    /// malformed or likely typos. True counts even when code status is hidden from the shopper.</summary>
    /// <value><see cref="PromoEngine.CodeAttempts.None"/> when no code was entered.</value>
    public CodeAttempts CodeAttempts { get; }

    /// <summary>Gets the total discount: items, order and shipping.</summary>
    /// <value>Zero or more.</value>
    public Money TotalDiscount => ItemDiscounts + OrderDiscounts + ShippingDiscount;
}
