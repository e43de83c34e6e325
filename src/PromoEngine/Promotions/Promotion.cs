using System;
using System.Collections.Immutable;
using System.Linq;
using PromoEngine.Internal;

namespace PromoEngine;

/// <summary>A promotion: how it is activated, when it runs, whom and which items it is for, what it gives, how often
/// it may be used, and its priority lane.</summary>
/// <remarks>Immutable and thread-safe. Build one with <see cref="Create"/>, which checks the whole definition and
/// reports every error at once.</remarks>
public sealed class Promotion
{
    internal Promotion(PromotionBuilder builder)
    {
        Id = new PromotionId(builder.Id);
        IdOrder = new IdOrder(Id.Value);
        Name = builder.Name;
        Status = builder.Status;
        Activation = builder.Activation;
        Schedule = builder.Schedule;
        Restrictions = builder.Restrictions.Count == 0 ? [] : builder.Restrictions.ToImmutable();
        QualifyingItems = builder.QualifyingItems;
        Discount = builder.Discount!;
        Limits = builder.Limits;
        Priority = builder.Priority;
        MaxDiscount = builder.MaxDiscount;
        IsExclusive = builder.IsExclusive;
        Group = builder.Group;
        Stops = builder.Stops;
        CombinesWith = builder.CombinesWith;
        CompoundsWithAll = builder.CompoundsWithAll;
        CompoundsWith = builder.CompoundsWithIds.Count == 0 ? [] : builder.CompoundsWithIds.Select(id => new PromotionId(id)).Distinct().Order().ToImmutableArray();
        LedgerLimits = ReferenceEquals(Activation, PromotionActivation.Automatic) && ReferenceEquals(Limits, UsageLimits.None)
            ? NoLedgerLimits
            : RedemptionLimits.Of(Activation, Limits);
        AmountCurrency = CurrencyOfAmounts();
        FoundByOneItemName = Discount.GetItems is null && QualifyingItems.IsOneName;
        RestrictionKinds = KindsOf(Restrictions);
    }

    // Implementation note: most promotions of a large catalog are automatic and unlimited; they share one value (a
    // catalog of 100,000 promotions is compiled at a process's start, see issue 13).
    private static readonly RedemptionLimits NoLedgerLimits = RedemptionLimits.Of(PromotionActivation.Automatic, UsageLimits.None);

    private Promotion(Promotion source, Money? maxDiscount, PromotionStatus status, Discount? discount = null)
    {
        Id = source.Id;
        IdOrder = source.IdOrder;
        Name = source.Name;
        Status = status;
        Activation = source.Activation;
        Schedule = source.Schedule;
        Restrictions = source.Restrictions;
        QualifyingItems = source.QualifyingItems;
        Discount = discount ?? source.Discount;
        Limits = source.Limits;
        Priority = source.Priority;
        MaxDiscount = maxDiscount;
        IsExclusive = source.IsExclusive;
        Group = source.Group;
        Stops = source.Stops;
        CombinesWith = source.CombinesWith;
        CompoundsWithAll = source.CompoundsWithAll;
        CompoundsWith = source.CompoundsWith;
        LedgerLimits = source.LedgerLimits;
        AmountCurrency = CurrencyOfAmounts();
        FoundByOneItemName = Discount.GetItems is null && QualifyingItems.IsOneName;
        RestrictionKinds = source.RestrictionKinds;
    }

    /// <summary>The kinds of restrictions the promotion has, so the gate reads only the ones it checks (most promotions
    /// have none, a free-shipping offer one minimum).</summary>
    internal RestrictionKinds RestrictionKinds { get; }

    private static RestrictionKinds KindsOf(ImmutableArray<Restriction> restrictions)
    {
        var kinds = RestrictionKinds.None;
        foreach (var restriction in restrictions)
        {
            if (restriction is MinimumSubtotalRestriction { MeasuredAfterHigherLanes: true } or CartConditionRestriction { MeasuredAfterHigherLanes: true, Amount: not null })
            {
                kinds |= RestrictionKinds.AfterHigherLanes;
            }

            kinds |= restriction switch
            {
                MembershipRestriction or RegionRestriction or ChannelRestriction or SegmentRestriction or FirstOrderRestriction
                    or OrderHistoryRestriction or ShippingMethodRestriction => RestrictionKinds.Customer,
                MinimumSubtotalRestriction { MeasuredAfterHigherLanes: false } or MinimumQuantityRestriction => RestrictionKinds.Minimum,
                CartConditionRestriction => RestrictionKinds.CartCondition,
                _ => RestrictionKinds.None,
            };
        }

        return kinds;
    }

    /// <summary>Gets the promotion's id, unique in its catalog.</summary>
    /// <value>The id.</value>
    public PromotionId Id { get; }

    /// <summary>Whether the catalog's index finds this promotion by the one SKU or category its items filter names (see
    /// <see cref="ItemFilter.IsOneName"/>): then the lines through which it is found are its qualifying lines.</summary>
    internal bool FoundByOneItemName { get; }

    /// <summary>The id's first characters as numbers, to compare ids quickly (<see cref="CompareIds"/>).</summary>
    internal IdOrder IdOrder { get; }

    /// <summary>Compares two promotions' ids, ordinal, as <see cref="PromotionId.CompareTo"/> does.</summary>
    internal static int CompareIds(Promotion a, Promotion b) => IdOrder.Compare(a.IdOrder, a.Id.Value, b.IdOrder, b.Id.Value);

    /// <summary>Gets the name shown to shoppers.</summary>
    /// <value>Not empty.</value>
    public string Name { get; }

    /// <summary>Gets whether the seller has it running.</summary>
    /// <value><see cref="PromotionStatus.Active"/> unless said.</value>
    public PromotionStatus Status { get; }

    /// <summary>Gets how a shopper gets it.</summary>
    /// <value>Automatic unless said.</value>
    public PromotionActivation Activation { get; }

    /// <summary>Gets when it runs.</summary>
    /// <value><see cref="Schedule.Always"/> unless said.</value>
    public Schedule Schedule { get; }

    /// <summary>Gets the conditions on the customer and the cart; all must hold.</summary>
    /// <value>Possibly empty.</value>
    public ImmutableArray<Restriction> Restrictions { get; }

    /// <summary>Gets which items qualify: those the discount targets and the minimums count.</summary>
    /// <value><see cref="ItemFilter.All"/> unless said.</value>
    public ItemFilter QualifyingItems { get; }

    /// <summary>Gets what it gives.</summary>
    /// <value>The discount.</value>
    public Discount Discount { get; }

    /// <summary>Gets how often it may be redeemed.</summary>
    /// <value><see cref="UsageLimits.None"/> unless said.</value>
    public UsageLimits Limits { get; }

    /// <summary>Gets its lane: higher priorities apply first, and lower lanes see the prices they left.</summary>
    /// <value>0 unless said.</value>
    public int Priority { get; }

    /// <summary>Gets the most this promotion may take off one cart.</summary>
    /// <value><see langword="null"/> for no cap.</value>
    public Money? MaxDiscount { get; }

    /// <summary>Gets a value indicating whether the promotion applies only alone (like Amazon's exclusive claim codes):
    /// the evaluator compares it with the best combination of the others and keeps the better for the shopper.</summary>
    /// <value><see langword="false"/> unless said.</value>
    public bool IsExclusive { get; }

    /// <summary>Gets the promotion's group: of the promotions of one group, at most one applies, the one that leaves the
    /// shopper the lowest total (like Amazon's preferential codes or commercetools' discount groups).</summary>
    /// <value><see langword="null"/> for none.</value>
    public string? Group { get; }

    /// <summary>Gets what the promotion stops in lower lanes when it applies (Magento's "discard subsequent rules",
    /// with its scope made explicit).</summary>
    /// <value><see cref="StopScope.None"/> unless said.</value>
    public StopScope Stops { get; }

    /// <summary>Gets the classes of promotions this one may apply together with (as Shopify's combinations): two
    /// promotions apply together only when each combines with the other's class. The evaluator keeps the best set
    /// of promotions that can all be combined.</summary>
    /// <value><see cref="DiscountClasses.All"/> unless said.</value>
    public DiscountClasses CombinesWith { get; }

    /// <summary>Tells whether this promotion and another may apply to one cart together, by their classes.</summary>
    /// <param name="other">The other promotion.</param>
    /// <returns><see langword="true"/> when each combines with the other's class.</returns>
    public bool CanCombineWith(Promotion other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return CombinesWith.HasFlag(ClassFlag(other.Discount.Class)) && other.CombinesWith.HasFlag(ClassFlag(Discount.Class));
    }

    private static DiscountClasses ClassFlag(DiscountClass discountClass) => discountClass switch
    {
        DiscountClass.Item => DiscountClasses.Item,
        DiscountClass.Order => DiscountClasses.Order,
        _ => DiscountClasses.Shipping,
    };

    /// <summary>Gets a value indicating whether the promotion may share units, inside its lane, with every other
    /// promotion that compounds with it.</summary>
    /// <value><see langword="false"/> unless said.</value>
    public bool CompoundsWithAll { get; }

    /// <summary>Gets the promotions this one may share units with inside its lane (when they name it too, or compound
    /// with all).</summary>
    /// <value>Possibly empty.</value>
    public ImmutableArray<PromotionId> CompoundsWith { get; }

    /// <summary>Tells whether this promotion and another may both discount the same unit inside one lane: each must
    /// accept the other, by name or by compounding with all.</summary>
    /// <param name="other">The other promotion.</param>
    /// <returns><see langword="true"/> when they compound.</returns>
    public bool Compounds(Promotion other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return other != this && Accepts(other) && other.Accepts(this);
    }

    private bool Accepts(Promotion other) => CompoundsWithAll || CompoundsWith.Contains(other.Id);

    /// <summary>Starts the definition of a promotion.</summary>
    /// <param name="id">Its id, unique in a catalog.</param>
    /// <param name="name">The name shown to shoppers.</param>
    /// <returns>A builder; call <see cref="PromotionBuilder.Build"/> when done.</returns>
    public static PromotionBuilder Create(string id, string name) => new(id, name);

    /// <summary>The limits as the ledger checks them (a claim code single-use whatever else is said): the one statement
    /// of them, which the evaluator's gate and its usage requests read too, so the two sides cannot disagree.</summary>
    internal RedemptionLimits LedgerLimits { get; }

    /// <summary>The currency the promotion's amounts are in (its discount's, its cap's, its budget's, its filters' or its
    /// restrictions', the first found), or null when it names no amount: a cart in another currency cannot use it.
    /// Worked out once, when the promotion is made, rather than on every evaluation.</summary>
    internal Currency? AmountCurrency { get; }

    private Currency? CurrencyOfAmounts()
    {
        if (Discount.AmountCurrency is { } discountCurrency)
        {
            return discountCurrency;
        }

        if (MaxDiscount is { } cap)
        {
            return cap.Currency;
        }

        if (Limits.Budget is { } budget)
        {
            return budget.Currency;
        }

        if (QualifyingItems.AmountCurrency is { } itemsCurrency)
        {
            return itemsCurrency;
        }

        if ((Discount as ItemDiscount)?.GetItems?.AmountCurrency is { } getCurrency)
        {
            return getCurrency;
        }

        foreach (var restriction in Restrictions)
        {
            if (restriction.AmountCurrency is { } restrictionCurrency)
            {
                return restrictionCurrency;
            }
        }

        return null;
    }

    /// <summary>This promotion as one evaluation sees it when something lowers its cap (what is left of a hard
    /// budget): the same promotion in every other respect.</summary>
    internal Promotion WithMaxDiscount(Money cap) => MaxDiscount == cap ? this : new Promotion(this, cap, Status);

    /// <summary>The part of this promotion that discounts shipping too (<see cref="Discount.ShippingPart"/>), as the
    /// evaluator applies it after the promotion's own part: the same promotion with that discount and what is left of
    /// its cap.</summary>
    internal Promotion AsShippingPart(Discount part, Money? cap) => new(this, cap, Status, part);

    /// <summary>This promotion as an order placed with it sees it: active, whatever its status now (a return judges the
    /// order by the promotions it was placed with, even if one was paused since).</summary>
    internal Promotion AsActive() => Status == PromotionStatus.Active ? this : new Promotion(this, MaxDiscount, PromotionStatus.Active);

    /// <summary>This promotion with another status: paused, resumed (<see cref="PromotionStatus.Active"/>) or cancelled,
    /// the same in every other respect.</summary>
    /// <param name="status">The status.</param>
    /// <returns>The promotion (this one when it already has that status).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="status"/> is not a defined value.</exception>
    public Promotion WithStatus(PromotionStatus status)
    {
        if (status is not (PromotionStatus.Active or PromotionStatus.Paused or PromotionStatus.Cancelled))
        {
            throw new ArgumentOutOfRangeException(nameof(status), status, "Not a defined PromotionStatus value.");
        }

        return status == Status ? this : new Promotion(this, MaxDiscount, status);
    }

    /// <summary>Describes the promotion.</summary>
    /// <returns>Its id and name.</returns>
    public override string ToString() => $"{Id} ({Name})";
}
