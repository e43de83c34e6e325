using System;
using System.Collections.Generic;
using System.Text.Json;
using PromoEngine.Internal;

namespace PromoEngine;

/// <summary>What a promotion gives: percent or amount off items, each line, the order or shipping; a fixed price for N
/// items; buy X get Y; a gift with purchase; a flexi rate (first and additional units); quantity groups; tiers (of the
/// order or of shipping); and options on item discounts (at most N units, a price floor, a shipping part).</summary>
/// <remarks>
/// <para>Immutable and thread-safe. Build discounts with the static factories. Amounts are computed exactly and
/// rounded once per application, then allocated to lines and units so every sum is exact; no unit, line or shipping
/// charge goes below zero.</para>
/// <para>Every kind of discount (a strategy) is one file of <c>Discounts/</c> with the same parts, in the same order:
/// its definition and factory (<c>Create</c>, which validates); its calculator (an item strategy proposes amounts on
/// the units it may take through <see cref="IUnitPrices"/>, an order or shipping strategy says how much it takes off
/// what is left); its JSON read (<c>Read</c>) and write (<see cref="WriteJson"/>), with the fragment of
/// <c>schemas/promotions.schema.json</c> it matches noted beside them; and what the evaluator and the linter may ask
/// of it (the virtual members below). The evaluator, the serializer and the linter never ask which concrete kind
/// they hold.</para>
/// <para>To add a kind: write <c>Discounts/YourKind.cs</c> with those parts (derive from <see cref="ItemDiscount"/>,
/// <see cref="OrderDiscount"/> or <see cref="ShippingDiscount"/>), add its factory here (one line that calls its
/// <c>Create</c>), register its JSON type name and reader in <see cref="DiscountKinds"/> (one line), add its
/// <c>oneOf</c> entry to the schema's <c>discount</c>, and give it a README cookbook entry, example tests and a case
/// in the generators of the property tests.</para>
/// </remarks>
public abstract class Discount
{
    private protected Discount(DiscountClass discountClass) => Class = discountClass;

    /// <summary>Gets what the discount reduces.</summary>
    /// <value>Item prices, the order subtotal, or shipping.</value>
    public DiscountClass Class { get; }

    /// <summary>A percentage off each qualifying unit.</summary>
    /// <param name="percent">In (0, 100].</param>
    /// <returns>An item discount.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="percent"/> is out of range.</exception>
    public static Discount PercentOffItems(decimal percent) => PercentOffItemsDiscount.Create(percent);

    /// <summary>An amount off each qualifying unit, never more than the unit's price.</summary>
    /// <param name="amount">More than zero, rounded to the minor unit.</param>
    /// <returns>An item discount.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="amount"/> is not positive or not rounded.</exception>
    public static Discount AmountOffEachItem(Money amount) => AmountOffEachItemDiscount.Create(amount);

    /// <summary>An amount off each qualifying line, whatever its quantity ("$10 off the line"), never more than is left
    /// of the line; shared by the line's units in proportion to their prices.</summary>
    /// <param name="amount">More than zero, rounded to the minor unit.</param>
    /// <returns>An item discount.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="amount"/> is not positive or not rounded.</exception>
    public static Discount AmountOffEachLine(Money amount) => AmountOffEachLineDiscount.Create(amount);

    /// <summary>An amount off the first unit and another off each additional unit, a flexi rate ("$5 off the first,
    /// $1 off each additional"); each never more than the unit's price. The dearest unit is the first. With
    /// <see cref="UnitScope.EachLine"/> every line has its own first unit; with <see cref="UnitScope.AcrossLines"/>
    /// the qualifying lines share one. For "at most N units", limit it (<see cref="LimitUnits"/>, dearest first).</summary>
    /// <param name="first">The amount off the first unit; more than zero, rounded.</param>
    /// <param name="additional">The amount off each additional unit; zero or more, rounded, in the same currency.</param>
    /// <param name="scope">Whether each line has its own first unit; each line unless said.</param>
    /// <returns>An item discount.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An amount is out of range, or <paramref name="scope"/> is not defined.</exception>
    /// <exception cref="CurrencyMismatchException">The two amounts are in different currencies.</exception>
    public static Discount FirstAndAdditional(Money first, Money additional, UnitScope scope = UnitScope.EachLine) =>
        FirstAndAdditionalDiscount.Create(first, additional, scope);

    /// <summary>A percentage off each unit that completes a group of <paramref name="size"/> ("10% off every full set
    /// of 3"); leftovers pay full price. The dearest units are grouped first.</summary>
    /// <param name="size">Units in a group; at least two.</param>
    /// <param name="percentOff">The percentage off each grouped unit, in (0, 100].</param>
    /// <param name="scope">Whether groups mix the qualifying lines (the default) or stay within each line.</param>
    /// <returns>An item discount.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The size, the percentage or the scope is out of range.</exception>
    public static Discount PercentOffGroups(int size, decimal percentOff, UnitScope scope = UnitScope.AcrossLines) =>
        QuantityGroupsDiscount.Create(size, scope, [Tier.PercentOffFrom(1, percentOff)]);

    /// <summary>An amount off each unit that completes a group of <paramref name="size"/>, never more than the unit's
    /// price; leftovers pay full price. The dearest units are grouped first.</summary>
    /// <param name="size">Units in a group; at least two.</param>
    /// <param name="amountOffEachUnit">The amount off each grouped unit; more than zero, rounded.</param>
    /// <param name="scope">Whether groups mix the qualifying lines (the default) or stay within each line.</param>
    /// <returns>An item discount.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The size, the amount or the scope is out of range.</exception>
    public static Discount AmountOffGroups(int size, Money amountOffEachUnit, UnitScope scope = UnitScope.AcrossLines) =>
        QuantityGroupsDiscount.Create(size, scope, [Tier.AmountOffFrom(1, amountOffEachUnit)]);

    /// <summary>Quantity groups with tiers by number of groups: each tier's percentage or amount comes off each grouped
    /// unit from its threshold (a whole number of groups) on; the highest tier reached applies, never the sum.</summary>
    /// <param name="size">Units in a group; at least two.</param>
    /// <param name="scope">Whether groups mix the qualifying lines or stay within each line.</param>
    /// <param name="tiers">The tiers, at least one, with distinct whole thresholds; any order.</param>
    /// <returns>An item discount.</returns>
    /// <exception cref="ArgumentException">There is no tier, two share a threshold, a threshold is not whole, or amount
    /// tiers mix currencies.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The size or the scope is out of range.</exception>
    public static Discount QuantityGroups(int size, UnitScope scope, params IEnumerable<Tier> tiers) =>
        QuantityGroupsDiscount.Create(size, scope, tiers);

    /// <summary>A fixed price for each group of <paramref name="quantity"/> qualifying units ("3 for $10"); the
    /// dearest units are grouped first, and a group whose units cost less than the price is left alone.</summary>
    /// <param name="quantity">Units in a group; at least one.</param>
    /// <param name="price">The price of a group; zero or more, rounded.</param>
    /// <param name="maxApplications">How many groups at most, or <see langword="null"/> for no limit.</param>
    /// <returns>An item discount.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A count is below one or the price is negative or not rounded.</exception>
    public static Discount FixedPrice(int quantity, Money price, int? maxApplications = null) =>
        FixedPriceDiscount.Create(quantity, price, maxApplications);

    /// <summary>Buy <paramref name="buy"/> qualifying units, get <paramref name="get"/> units free or at a percentage
    /// off; repeated for each complete set.</summary>
    /// <param name="buy">Units to buy in a set; at least one.</param>
    /// <param name="get">Units discounted in a set; at least one (it may exceed <paramref name="buy"/>).</param>
    /// <param name="percentOff">The percentage off the discounted units, in (0, 100]; 100 (free) unless said.</param>
    /// <param name="getItems">Which items can be the discounted ones; the promotion's qualifying items unless said.
    /// When the two overlap, a set needs <paramref name="buy"/> + <paramref name="get"/> units and the bought units
    /// are not discounted.</param>
    /// <param name="selection">Which eligible units are discounted; the cheapest unless said.</param>
    /// <param name="maxApplications">How many sets at most, or <see langword="null"/> for no limit.</param>
    /// <returns>An item discount.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A count or the percentage is out of range.</exception>
    public static Discount BuyXGetY(
        int buy,
        int get,
        decimal percentOff = 100m,
        ItemFilter? getItems = null,
        UnitSelection selection = UnitSelection.Cheapest,
        int? maxApplications = null) => BuyXGetYDiscount.Create(buy, get, percentOff, getItems, selection, maxApplications);

    /// <summary>Tiers by subtotal or quantity of the qualifying items; the highest tier reached applies, never the sum.</summary>
    /// <param name="basis">What the thresholds measure.</param>
    /// <param name="tiers">The tiers, at least one, with distinct thresholds; any order.</param>
    /// <returns>An order discount over the qualifying items.</returns>
    /// <exception cref="ArgumentException">There is no tier, two share a threshold, or amount tiers mix currencies.</exception>
    public static Discount Tiered(TierBasis basis, params IEnumerable<Tier> tiers) => TieredDiscount.Create(basis, tiers);

    /// <summary>A percentage off the subtotal of the qualifying lines, after their item discounts.</summary>
    /// <param name="percent">In (0, 100].</param>
    /// <returns>An order discount.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="percent"/> is out of range.</exception>
    public static Discount PercentOffOrder(decimal percent) => PercentOffOrderDiscount.Create(percent);

    /// <summary>An amount off the qualifying lines, allocated over them by what is left of their price (never over
    /// lines that do not qualify), and never more than that.</summary>
    /// <param name="amount">More than zero, rounded to the minor unit.</param>
    /// <returns>An order discount.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="amount"/> is not positive or not rounded.</exception>
    public static Discount AmountOffOrder(Money amount) => AmountOffOrderDiscount.Create(amount);

    /// <summary>Gets free shipping.</summary>
    /// <value>The whole shipping charge off.</value>
    public static Discount FreeShipping { get; } = ShippingPercentOffDiscount.Free;

    /// <summary>A percentage off the shipping charge.</summary>
    /// <param name="percent">In (0, 100].</param>
    /// <returns>A shipping discount.</returns>
    public static Discount ShippingPercentOff(decimal percent) => ShippingPercentOffDiscount.Create(percent);

    /// <summary>An amount off the shipping charge, never more than the charge.</summary>
    /// <param name="amount">More than zero, rounded.</param>
    /// <returns>A shipping discount.</returns>
    public static Discount ShippingAmountOff(Money amount) => ShippingAmountOffDiscount.Create(amount);

    /// <summary>This item discount on at most <paramref name="perLine"/> units of each line and
    /// <paramref name="perOrder"/> units of the order ("10% off, at most 2 units"; "one unit per order"). The units
    /// are chosen first, cheapest or dearest first by what is left of their price, and the discount applies its own
    /// rules to them alone; the others stay free for other promotions. For a discount on sets (buy X get Y, a fixed
    /// price for N) the limit counts every unit a set uses. A limit on a limited discount replaces it.</summary>
    /// <param name="perLine">The most units of one cart line; <see langword="null"/> for no limit per line.</param>
    /// <param name="perOrder">The most units of the order; <see langword="null"/> for no limit per order.</param>
    /// <param name="selection">Which units are chosen first; the cheapest unless said.</param>
    /// <returns>The limited item discount.</returns>
    /// <exception cref="ArgumentException">This is not an item discount, or both limits are <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A limit is below one, the limit per order is below the size of
    /// the discount's sets, or <paramref name="selection"/> is not defined.</exception>
    public Discount LimitUnits(int? perLine = null, int? perOrder = null, UnitSelection selection = UnitSelection.Cheapest) =>
        UnitLimitedDiscount.Create(this, perLine, perOrder, selection);

    /// <summary>This item discount, never taking a unit below <paramref name="floor"/> ("20% off, but nothing under
    /// $5"); a unit already at or below it is not discounted. When the floor holds the discount back, the applied
    /// promotion says so (<see cref="ClampedBy.PriceFloor"/>). A new floor replaces an old one.</summary>
    /// <param name="floor">The lowest price a unit may be left at; more than zero, rounded, in the discount's currency.</param>
    /// <returns>The item discount with its floor.</returns>
    /// <exception cref="ArgumentException">This is not an item discount.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="floor"/> is not positive or not rounded.</exception>
    /// <exception cref="CurrencyMismatchException"><paramref name="floor"/> is in another currency than the discount's amounts.</exception>
    public Discount WithPriceFloor(Money floor) => PriceFlooredDiscount.Create(this, floor, null);

    /// <summary>This item discount, never taking a unit below <paramref name="percent"/> % of what it cost before this
    /// promotion ("at most 40% off whatever else applies": a floor of 60). When the floor holds the discount back, the
    /// applied promotion says so (<see cref="ClampedBy.PriceFloor"/>). A new floor replaces an old one.</summary>
    /// <param name="percent">The share of its price a unit keeps at least, in (0, 100).</param>
    /// <returns>The item discount with its floor.</returns>
    /// <exception cref="ArgumentException">This is not an item discount.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="percent"/> is out of range.</exception>
    public Discount WithPriceFloorPercent(decimal percent) => PriceFlooredDiscount.Create(this, null, percent);

    /// <summary>A gift with purchase: each set of <paramref name="buy"/> qualifying units bought makes
    /// <paramref name="quantity"/> units of the gift's line free (or <paramref name="percentOff"/> off), never without
    /// the purchase (the gift does not count toward its own set). When the purchase is in the cart and the gift is
    /// not, the promotion is rejected with <see cref="RejectionReason.GiftNotInCart"/> and a
    /// <see cref="HintKind.AddGift"/> hint names the SKU and how many to add.</summary>
    /// <param name="giftSku">The gift's SKU.</param>
    /// <param name="quantity">Gift units per set; at least one.</param>
    /// <param name="buy">Qualifying units per set; at least one.</param>
    /// <param name="percentOff">The percentage off the gift, in (0, 100]; 100 (free) unless said.</param>
    /// <param name="maxApplications">How many sets at most, or <see langword="null"/> for one per set bought.</param>
    /// <returns>An item discount.</returns>
    /// <exception cref="ArgumentException">The SKU is malformed.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A count or the percentage is out of range.</exception>
    public static Discount GiftWithPurchase(string giftSku, int quantity = 1, int buy = 1, decimal percentOff = 100m, int? maxApplications = null) =>
        GiftWithPurchaseDiscount.Create(giftSku, quantity, buy, percentOff, maxApplications);

    /// <summary>An amount off the qualifying lines that goes on to reduce shipping once the lines are used up ("$100
    /// off the order" on a $90 cart with $10 shipping leaves 0): one promotion, one use, applied as two parts (the order
    /// part and the shipping part, each in <see cref="EvaluationResult.Applied"/>) and one redemption.</summary>
    /// <param name="amount">More than zero, rounded to the minor unit.</param>
    /// <returns>An order discount with a shipping part.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="amount"/> is not positive or not rounded.</exception>
    public static Discount AmountOffOrderAndShipping(Money amount) => AmountOffOrderDiscount.Create(amount, includeShipping: true);

    /// <summary>Shipping discounts in tiers by the subtotal or quantity of the qualifying items ("half off shipping
    /// from $50, free from $100"); the highest tier reached applies, never the sum. Short of the first tier, the result
    /// says how much to add; between tiers, a hint says what the next one gives.</summary>
    /// <param name="basis">What the thresholds measure (the subtotal before any discount, or the number of units).</param>
    /// <param name="tiers">The tiers, at least one, with distinct thresholds; each a percentage or an amount off
    /// shipping; any order.</param>
    /// <returns>A shipping discount.</returns>
    /// <exception cref="ArgumentException">There is no tier, two share a threshold, or amount tiers mix currencies.</exception>
    public static Discount TieredShipping(TierBasis basis, params IEnumerable<Tier> tiers) => TieredShippingDiscount.Create(basis, tiers);

    /// <summary>This item or order discount and a shipping discount, given together by one promotion ("20% off and
    /// free shipping"): the shipping part applies when this part does, in the same lane, and the promotion counts as
    /// one use (one redemption for both parts; each part is in <see cref="EvaluationResult.Applied"/> with its class).
    /// The promotion's cap covers both parts. A new shipping part replaces an old one.</summary>
    /// <param name="shipping">A shipping discount (<see cref="FreeShipping"/>, <see cref="ShippingPercentOff"/>, ...).</param>
    /// <returns>The discount with its shipping part.</returns>
    /// <exception cref="ArgumentException">This is a shipping discount, or <paramref name="shipping"/> is not one.</exception>
    /// <exception cref="CurrencyMismatchException">The two parts' amounts are in different currencies.</exception>
    public Discount AndShipping(Discount shipping) => WithShippingDiscount.Create(this, shipping);

    // What the serializer, the evaluator and the linter may ask of any strategy. Each answer is the strategy's own;
    // the defaults are the cautious ones.

    /// <summary>The currency of the discount's amounts, or null when it has none (percentages only).</summary>
    internal abstract Currency? AmountCurrency { get; }

    /// <summary>Writes the discount's JSON properties (its <c>type</c> first) inside an object the caller opened.</summary>
    internal abstract void WriteJson(Utf8JsonWriter writer);

    /// <summary>The filter of units that can be discounted, when it differs from the promotion's qualifying items.</summary>
    internal virtual ItemFilter? GetItems => null;

    /// <summary>Whether the discount takes the same share of every price it reaches, whenever it comes (an uncapped
    /// percentage): two such discounts leave the same exact amounts in either order.</summary>
    internal virtual bool TakesSameShare => false;

    /// <summary>Whether the discount can lower one unit's price by raising another's share: a set price, a choice of
    /// which unit is discounted, a limit on units, or an amount spread over lines.</summary>
    internal virtual bool MovesValue => false;

    /// <summary>Whether what the discount saves depends on how the cart's units are split into lines (a limit per line,
    /// an amount off each line), and not only on the units themselves.</summary>
    internal virtual bool DependsOnLines => false;

    /// <summary>Whether what the discount saves on all items depends only on the sum of what is left of them.</summary>
    /// <param name="capped">Whether the promotion caps what it takes off.</param>
    internal virtual bool DependsOnlyOnTotal(bool capped) => false;

    /// <summary>Whether the discount may compound with other promotions on the same unit (a per-unit amount that
    /// does not depend on the other units).</summary>
    internal virtual bool CanCompound => false;

    /// <summary>The one percentage the discount takes off everything it reaches, for the linter's stacking check; or
    /// <see langword="null"/>.</summary>
    internal virtual decimal? FlatPercent => null;

    /// <summary>The price the discount means to leave each unit at, when it sets one (a fixed price for a set, per
    /// unit); or <see langword="null"/>.</summary>
    internal virtual decimal? PriceLeftPerUnit => null;

    /// <summary>The shipping discount the same promotion also gives once this discount applied, given what it took
    /// (rounded); or <see langword="null"/> (see <see cref="AndShipping"/>, <see cref="AmountOffOrderAndShipping"/>).</summary>
    internal virtual ShippingDiscount? ShippingPart(decimal taken) => null;

    /// <summary>The fixed amount the discount takes off once the cart is big enough, for the linter's budget check;
    /// or <see langword="null"/>.</summary>
    internal virtual Money? FullAmount => null;

    /// <summary>Whether the discount can never apply to a cart whose qualifying lines hold <paramref name="quantity"/>
    /// units worth <paramref name="subtotal"/> before any discount; <see langword="false"/> when unsure.</summary>
    /// <param name="subtotal">The qualifying lines' subtotal before any discount.</param>
    /// <param name="quantity">How many units the qualifying lines hold.</param>
    /// <param name="unitsOf">How many units of the cart a filter lets through.</param>
    internal virtual bool CannotApply(decimal subtotal, int quantity, Func<ItemFilter, int> unitsOf) => false;

    /// <summary>Whether <see cref="Lint"/> already reports qualifying items that no item can pass (buy X get Y, with its
    /// own rule), so the linter's general rule leaves the promotion to it.</summary>
    internal virtual bool LintsItemsThatNeverMatch => false;

    /// <summary>Adds what the linter finds wrong with this discount in <paramref name="promotion"/> alone.</summary>
    internal virtual void Lint(Promotion promotion, List<LintFinding> findings)
    {
    }

    internal static decimal CheckPercent(decimal percent, string name = "percent") =>
        percent is > 0m and <= 100m ? percent : throw new ArgumentOutOfRangeException(name, percent, "A percentage must be in (0, 100].");

    internal static Money CheckAmount(Money amount, string name = "amount") =>
        !amount.Currency.IsDefault && amount.Amount > 0m && amount.IsRounded
            ? Guard.WithinMaxAmount(amount, name)
            : throw new ArgumentOutOfRangeException(name, amount, "An amount off must be more than zero and rounded to its minor unit.");

    internal static int? CheckMax(int? max, string name = "maxApplications") =>
        max is < 1 ? throw new ArgumentOutOfRangeException(name, max, "Must be one or more.") : max;
}
