using System;

namespace PromoEngine;

/// <summary>How an evaluation works: codes per order, rounding, and the detail of the result.</summary>
/// <remarks>Immutable and thread-safe, with value equality; set values with an object initializer.</remarks>
public sealed record EvaluationOptions
{
    /// <summary>Gets the default options: one code per order, rounding away from zero, no per-unit breakdown.</summary>
    /// <value>The defaults.</value>
    public static EvaluationOptions Default { get; } = new();

    /// <summary>Gets how many codes one order may carry. Only usable codes compete for the slots (an unknown,
    /// malformed, expired or otherwise ineligible code takes none); when more are entered, under
    /// <see cref="SelectionPolicy.BestForShopper"/> the slots go to the codes that leave the lowest total (ties: the
    /// codes entered first), under <see cref="SelectionPolicy.StrictPriority"/> to the first entered, and the others
    /// are rejected with <see cref="RejectionReason.TooManyCodes"/>, naming the code that took the slot.</summary>
    /// <value>1 unless said; at least 0.</value>
    public int MaxCodesPerOrder { get; init; } = 1;

    /// <summary>Gets a value indicating whether the codes of the customer's wallet (<see cref="CustomerProfile.Wallet"/>)
    /// compete for the order's code slots (<see cref="MaxCodesPerOrder"/>) as typed codes do. When they do, the codes
    /// typed come first and the wallet's follow in its order, so under <see cref="SelectionPolicy.StrictPriority"/> a
    /// typed code takes the slot before a clipped coupon; under <see cref="SelectionPolicy.BestForShopper"/> the slots
    /// go to whichever leave the lowest total. When they do not, every usable wallet code applies beside the typed
    /// codes, still subject to the combination model (exclusives, groups, classes, the best deal per unit).</summary>
    /// <value><see langword="true"/> unless said. Implementation note: the limit on codes is the merchant's guard
    /// against stacking codes; a wallet entry is a code the shopper holds instead of typing, so by default it is
    /// counted exactly as if typed (and a wallet entry gives the same result as typing its code). A host whose clipped
    /// coupons are meant to stack with a typed code sets it to <see langword="false"/>.</value>
    public bool WalletCountsTowardCodeLimit { get; init; } = true;

    /// <summary>Gets how each application is rounded to the minor unit: the amount left to pay after it is rounded
    /// with this rule, and the discount is the difference. With the default, 15 % off 10.50 leaves 8.925, which
    /// rounds to 8.93 (a discount of 1.57); 25 % off 19.99 leaves 14.9925, so 14.99.</summary>
    /// <value><see cref="MidpointRounding.AwayFromZero"/> unless said.</value>
    public MidpointRounding Rounding { get; init; } = MidpointRounding.AwayFromZero;

    /// <summary>Gets what <see cref="Rounding"/> is applied to: the amount left to pay (the discount is the difference)
    /// or the discount itself. Only a midpoint (or a directed rule) tells them apart: 15 % off 10.50 is 1.575 off, so
    /// 8.93 to pay (a discount of 1.57) under <see cref="RoundingTarget.AmountToPay"/>, and a discount of 1.58 (8.92 to
    /// pay) under <see cref="RoundingTarget.Discount"/>. Either way each application is rounded once and stays between
    /// zero and what is left.</summary>
    /// <value><see cref="RoundingTarget.AmountToPay"/> unless said.</value>
    public RoundingTarget RoundingTarget { get; init; }

    /// <summary>Gets how an order discount's minor units are spread over its qualifying lines: see
    /// <see cref="PromoEngine.OrderAllocation"/> for each rule and a worked example. The amount each promotion takes
    /// does not change, only which line carries which cent.</summary>
    /// <value><see cref="OrderAllocation.LargestRemainder"/> unless said.</value>
    public OrderAllocation OrderAllocation { get; init; }

    /// <summary>Gets a value indicating whether each line's result lists its units.</summary>
    /// <value><see langword="false"/> unless said.</value>
    /// <remarks>The breakdown has one <see cref="UnitResult"/> for each unit, so it costs time and memory in proportion
    /// to the quantities (at most <see cref="Cart.MaxUnits"/>); everything else an evaluation does is the same for a
    /// line of one unit and a line of a million. Alike units of a line are interchangeable: where a promotion treats
    /// some of them one way and some another (the free units of a buy-one-get-one), the units treated alike are listed
    /// together, the discounted ones after the others.</remarks>
    public bool IncludeUnits { get; init; }

    /// <summary>Gets a value indicating whether code status is hidden from shoppers (anti-enumeration): every entered
    /// code that cannot be used is reported as <see cref="RejectionReason.UnknownCode"/>, with no promotion, details
    /// or hints, so codes cannot be probed. <see cref="RejectionReason.LikelyTypo"/> and
    /// <see cref="RejectionReason.MalformedCode"/> are still reported: they reveal nothing about the catalog. So is
    /// <see cref="RejectionReason.UsageUnavailable"/>, without its promotion, so that during an outage of the ledger a
    /// shopper is asked to try again rather than told the code does not exist (it tells a prober that a limited code
    /// exists only while usage cannot be read).
    /// <see cref="EvaluationResult.CodeAttempts"/> keeps the true counts, for the host. The codes of the customer's
    /// wallet (<see cref="CustomerProfile.Wallet"/>) are not hidden: the shopper did not type them, so nothing about the
    /// catalog is learned from them, and "your clipped coupon needs $5 more" is still said.</summary>
    /// <value><see langword="false"/> unless said.</value>
    /// <remarks>An entered code that does not apply costs about what an unknown code costs, so codes cannot be told
    /// apart by timing either: its promotion is checked as usual (status, schedule, customer, usage, items), but
    /// nothing that would only explain it is worked out (messages, hints, when a weekly window opens next); a promotion
    /// whose qualifying items are too few for one set of a buy X get Y or a fixed price, or for the first tier, is not
    /// run at all when every promotion concerned combines freely (it keeps its code slot, as it does when it is run;
    /// beside an exclusive, a group, a stop or a class that does not combine it is run, since its mere presence can
    /// decide what else applies); and each unknown code is checked against a
    /// stand-in promotion, so that it does the same work. The result is what it would be without the option but for
    /// what is said of codes. Measured on one cart (<c>benchmarks/results/HideCodeStatusBenchmarks-report-github.md</c>):
    /// an expired code, one below its minimum subtotal and a buy-3-get-1 one item short take 1.29, 1.28 and 1.46 times
    /// what an unknown code takes (before: about 1.3, 1.7 and 3.6), with 1.03 to 1.08 times its allocations. A code
    /// whose promotion passes those
    /// checks and then loses (to a better deal, or with nothing left to discount) is run, and costs what running it
    /// costs.</remarks>
    public bool HideCodeStatus { get; init; }

    /// <summary>Gets how competing promotions are chosen.</summary>
    /// <value><see cref="SelectionPolicy.BestForShopper"/> unless said.</value>
    public SelectionPolicy Selection { get; init; }

    /// <summary>Gets how item discounts that compound inside one lane combine on a unit.</summary>
    /// <value><see cref="CompoundingMode.Sequential"/> unless said.</value>
    public CompoundingMode Compounding { get; init; }

    /// <summary>Gets a value indicating whether every automatic promotion is left out of the evaluation, for carts that
    /// must not get them (a B2B price list, a staff order): only promotions activated by a code can apply, whether
    /// entered or held in the customer's wallet (<see cref="CustomerProfile.Wallet"/>). Codes work as usual; automatic
    /// promotions are neither applied nor listed as rejected, and
    /// <see cref="PromotionEvaluator.UsageRequestFor"/> asks for no usage of them.</summary>
    /// <value><see langword="false"/> unless said.</value>
    /// <remarks>Use one evaluator with this option for such carts beside the usual one; both may share a catalog.</remarks>
    public bool ExcludeAutomaticPromotions { get; init; }

    /// <summary>Gets a value indicating whether <see cref="EvaluationResult.Rejected"/> lists every promotion of the
    /// catalog that did not apply, for debugging a catalog: every automatic promotion is checked against the cart and
    /// each one that fails is listed with its reason, whether or not it ever concerned this cart.</summary>
    /// <value><see langword="false"/> unless said: the result lists only what concerns the shopper (see the remarks).</value>
    /// <remarks>
    /// <para>By default the result lists every code entered (typed or from the wallet) that did not apply, and every
    /// automatic promotion that <em>concerns</em> the cart but did not apply. An automatic promotion concerns the cart
    /// when all of these hold: it is active (not paused or cancelled) and running at the instant (started, not ended,
    /// inside its weekly windows); its amounts are in the cart's currency; some line of the cart passes its qualifying
    /// item filter; every restriction on the customer admits the cart (segments, memberships, region of the customer or
    /// of the shipping address, sales channel, first order, order history); and every minimum subtotal or minimum
    /// quantity on its qualifying items that the cart falls short of is a near miss: the cart reaches at least
    /// <see cref="NearMissShare"/> of it (a minimum measured after higher lanes is judged when its lane begins and always
    /// counts). Such a promotion is listed when it then loses (a better deal, an exclusive, a stop, nothing left to
    /// discount), falls short (a near miss, with its hint), is limited (usage limits, budgets, a guest, usage that could
    /// not be read), or fails a condition the shopper can act on (a shipping method, a cart condition, a missing
    /// gift).</para>
    /// <para>A promotion that does not concern the cart is neither listed nor hinted, and a catalog index rules most of
    /// them out without looking at them: an evaluation costs the same with 100 promotions as with 100,000 that do not
    /// concern the cart. Under this option every automatic promotion is checked one by one, so an evaluation costs time
    /// in proportion to the catalog.</para>
    /// </remarks>
    public bool ListEveryRejection { get; init; }

    /// <summary>Gets how much of a minimum subtotal or minimum quantity (on a promotion's qualifying items) a cart must
    /// reach for the automatic promotion it falls short of to concern the shopper: listed as rejected
    /// (<see cref="RejectionReason.MinimumSubtotalNotMet"/>, <see cref="RejectionReason.MinimumQuantityNotMet"/>) with a
    /// near-miss hint. With the default, a cart of $20 hears of free shipping from $50 (it is 40 % of the way), and a cart
    /// of $10 does not (20 %). A code entered is always told how far it is.</summary>
    /// <value>0.25 unless said: a quarter of the way; from 0 (every shortfall is a near miss) to 1 (none is).
    /// Ignored under <see cref="ListEveryRejection"/>, which lists every shortfall.</value>
    public decimal NearMissShare { get; init; } = 0.25m;

    internal void Validate()
    {
        if (Compounding is not (CompoundingMode.Sequential or CompoundingMode.OnOriginalPrice))
        {
            throw new ArgumentOutOfRangeException(nameof(Compounding), Compounding, "Not a defined CompoundingMode value.");
        }

        if (Selection is not (SelectionPolicy.BestForShopper or SelectionPolicy.StrictPriority))
        {
            throw new ArgumentOutOfRangeException(nameof(Selection), Selection, "Not a defined SelectionPolicy value.");
        }

        if (RoundingTarget is not (RoundingTarget.AmountToPay or RoundingTarget.Discount))
        {
            throw new ArgumentOutOfRangeException(nameof(RoundingTarget), RoundingTarget, "Not a defined RoundingTarget value.");
        }

        if (OrderAllocation is < OrderAllocation.LargestRemainder or > OrderAllocation.CarryForward)
        {
            throw new ArgumentOutOfRangeException(nameof(OrderAllocation), OrderAllocation, "Not a defined OrderAllocation value.");
        }

        if (NearMissShare is < 0m or > 1m)
        {
            throw new ArgumentOutOfRangeException(nameof(NearMissShare), NearMissShare, "Must be from 0 to 1.");
        }

        if (MaxCodesPerOrder < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxCodesPerOrder), MaxCodesPerOrder, "Must be zero or more.");
        }

        Internal.Guard.DefinedRounding(Rounding, nameof(Rounding));
    }
}
