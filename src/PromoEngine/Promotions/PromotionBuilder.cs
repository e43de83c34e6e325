using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using PromoEngine.Internal;

namespace PromoEngine;

/// <summary>Builds a <see cref="Promotion"/>; <see cref="Build"/> checks the whole definition and reports every error
/// at once.</summary>
/// <remarks>Not thread-safe; the promotion it builds is.</remarks>
public sealed class PromotionBuilder
{
    internal PromotionBuilder(string id, string name)
    {
        Id = id;
        Name = name;
    }

    internal string Id { get; }

    internal string Name { get; }

    internal PromotionStatus Status { get; private set; } = PromotionStatus.Active;

    internal PromotionActivation Activation { get; private set; } = PromotionActivation.Automatic;

    internal Schedule Schedule { get; private set; } = Schedule.Always;

    // Most promotions have no restriction or one: the builder starts empty rather than with room for eight.
    internal ImmutableArray<Restriction>.Builder Restrictions { get; } = ImmutableArray.CreateBuilder<Restriction>(0);

    internal ItemFilter QualifyingItems { get; private set; } = ItemFilter.All;

    internal Discount? Discount { get; private set; }

    internal UsageLimits Limits { get; private set; } = UsageLimits.None;

    internal int Priority { get; private set; }

    internal Money? MaxDiscount { get; private set; }

    internal bool IsExclusive { get; private set; }

    internal string? Group { get; private set; }

    internal StopScope Stops { get; private set; }

    internal bool CompoundsWithAll { get; private set; }

    internal DiscountClasses CombinesWith { get; private set; } = DiscountClasses.All;

    /// <summary>Sets the classes of promotions this one may apply together with; all unless said.</summary>
    /// <param name="classes">The classes.</param>
    /// <returns>This builder.</returns>
    public PromotionBuilder CombiningWith(DiscountClasses classes)
    {
        CombinesWith = classes;
        return this;
    }

    internal List<string> CompoundsWithIds { get; } = [];

    /// <summary>Lets the promotion share units inside its lane with every promotion that compounds with it.</summary>
    /// <returns>This builder.</returns>
    public PromotionBuilder CompoundWithAll()
    {
        CompoundsWithAll = true;
        return this;
    }

    /// <summary>Lets the promotion share units inside its lane with these promotions (when they accept it too).</summary>
    /// <param name="promotionIds">The ids of the promotions.</param>
    /// <returns>This builder.</returns>
    public PromotionBuilder CompoundWith(params IEnumerable<string> promotionIds)
    {
        foreach (var id in Guard.NotNull(promotionIds))
        {
            CompoundsWithIds.Add(Guard.NotNull(id, nameof(promotionIds)));
        }

        return this;
    }

    /// <summary>Makes the promotion stop lower lanes when it applies.</summary>
    /// <param name="scope">What it stops: the units it discounted (the default), or every lower promotion.</param>
    /// <returns>This builder.</returns>
    public PromotionBuilder StopLowerLanes(StopScope scope = StopScope.ItsItems)
    {
        Stops = scope;
        return this;
    }

    /// <summary>Makes the promotion apply only alone; it is compared with the best combination of the others.</summary>
    /// <returns>This builder.</returns>
    public PromotionBuilder Exclusive()
    {
        IsExclusive = true;
        return this;
    }

    /// <summary>Puts the promotion in a group: at most one promotion of a group applies, the best for the shopper.</summary>
    /// <param name="group">The group's name: 1 to 200 characters, no control characters.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException"><paramref name="group"/> is empty or malformed.</exception>
    public PromotionBuilder InGroup(string group)
    {
        Group = Text.Identifier(group);
        return this;
    }

    /// <summary>Sets the status.</summary>
    /// <param name="status">Active, paused or cancelled.</param>
    /// <returns>This builder.</returns>
    public PromotionBuilder WithStatus(PromotionStatus status)
    {
        Status = status;
        return this;
    }

    /// <summary>Makes it automatic: no code needed (the default).</summary>
    /// <returns>This builder.</returns>
    public PromotionBuilder Automatic()
    {
        Activation = PromotionActivation.Automatic;
        return this;
    }

    /// <summary>Activates it by one shared code.</summary>
    /// <param name="code">The code; it is normalized.</param>
    /// <param name="foldLookAlikes">Whether the code is also found when typed with look-alike characters (0/O/Q,
    /// 1/I/L, 2/Z, 5/S, 8/B: <c>SAVEZO</c> finds <c>SAVE20</c>); <see langword="false"/> unless said.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException">The code is malformed.</exception>
    public PromotionBuilder WithCode(string code, bool foldLookAlikes = false)
    {
        Activation = PromotionActivation.SharedCode(code, foldLookAlikes).WithAttribution(Activation.Attribution).WithIssuedTo(Activation.IssuedTo);
        return this;
    }

    /// <summary>Activates it by a pool of single-use claim codes.</summary>
    /// <param name="codes">The codes; each is normalized.</param>
    /// <param name="format">The codes' format, if they have one: it enables typo detection and look-alike folding.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException">A code is malformed, repeated, or not of the format.</exception>
    public PromotionBuilder WithClaimCodes(IEnumerable<string> codes, ClaimCodeFormat? format = null)
    {
        Activation = PromotionActivation.ClaimCodes(codes, format).WithAttribution(Activation.Attribution).WithIssuedTo(Activation.IssuedTo);
        return this;
    }

    /// <summary>Says where its code or batch of claim codes was distributed; every redemption records it (see
    /// <see cref="PromotionActivation.Attribution"/>). Kept when the code or codes are set again.</summary>
    /// <param name="attribution">The attribution, or <see langword="null"/> for none.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="InvalidOperationException">The promotion is automatic: call <see cref="WithCode"/> or
    /// <see cref="WithClaimCodes"/> first.</exception>
    public PromotionBuilder DistributedVia(CodeAttribution? attribution)
    {
        Activation = Activation.WithAttribution(attribution);
        return this;
    }

    /// <summary>Issues every code of the promotion to one customer: only that customer may use them (a service-recovery
    /// credit, a referral reward); see <see cref="PromotionActivation.IssuedTo"/>. Kept when the code or codes are set
    /// again.</summary>
    /// <param name="customerId">The customer id, or <see langword="null"/> for anyone.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException"><paramref name="customerId"/> is empty or malformed.</exception>
    /// <exception cref="InvalidOperationException">The promotion is automatic: call <see cref="WithCode"/> or
    /// <see cref="WithClaimCodes"/> first.</exception>
    public PromotionBuilder IssuedTo(string? customerId)
    {
        Activation = Activation.WithIssuedTo(customerId);
        return this;
    }

    /// <summary>Issues claim codes one by one, each to its customer (birthday vouchers from one batch); see
    /// <see cref="PromotionActivation.WithCodeOwners"/>. Call it after <see cref="WithClaimCodes"/>: setting the codes
    /// again forgets the owners.</summary>
    /// <param name="owners">Pairs of a claim code and a customer id.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException">A code is not one of the pool's, is given twice, or a customer id is
    /// malformed.</exception>
    /// <exception cref="InvalidOperationException">The promotion has no pool of claim codes.</exception>
    public PromotionBuilder IssuingCodes(IEnumerable<KeyValuePair<string, string>> owners)
    {
        Activation = Activation.WithCodeOwners(owners);
        return this;
    }

    /// <summary>Sets when it runs.</summary>
    /// <param name="schedule">The schedule.</param>
    /// <returns>This builder.</returns>
    public PromotionBuilder WithSchedule(Schedule schedule)
    {
        Schedule = Guard.NotNull(schedule);
        return this;
    }

    /// <summary>Adds a condition on the customer or the cart.</summary>
    /// <param name="restriction">The restriction.</param>
    /// <returns>This builder.</returns>
    public PromotionBuilder Require(Restriction restriction)
    {
        Restrictions.Add(Guard.NotNull(restriction));
        return this;
    }

    /// <summary>Sets which items qualify.</summary>
    /// <param name="filter">The filter.</param>
    /// <returns>This builder.</returns>
    public PromotionBuilder ForItems(ItemFilter filter)
    {
        QualifyingItems = Guard.NotNull(filter);
        return this;
    }

    /// <summary>Sets what it gives.</summary>
    /// <param name="discount">The discount.</param>
    /// <returns>This builder.</returns>
    public PromotionBuilder Giving(Discount discount)
    {
        Discount = Guard.NotNull(discount);
        return this;
    }

    /// <summary>Sets how often it may be redeemed.</summary>
    /// <param name="limits">The limits.</param>
    /// <returns>This builder.</returns>
    public PromotionBuilder WithLimits(UsageLimits limits)
    {
        Limits = Guard.NotNull(limits);
        return this;
    }

    /// <summary>Sets its lane: higher applies first.</summary>
    /// <param name="priority">The priority.</param>
    /// <returns>This builder.</returns>
    public PromotionBuilder WithPriority(int priority)
    {
        Priority = priority;
        return this;
    }

    /// <summary>Caps what it may take off one cart.</summary>
    /// <param name="cap">More than zero, rounded.</param>
    /// <returns>This builder.</returns>
    public PromotionBuilder WithMaxDiscount(Money cap)
    {
        MaxDiscount = cap;
        return this;
    }

    /// <summary>Checks the definition and builds the promotion.</summary>
    /// <returns>The promotion.</returns>
    /// <exception cref="PromotionDefinitionException">The definition has errors; all are listed.</exception>
    public Promotion Build()
    {
        var errors = new List<string>();
        Check(errors, "id", Id is null ? "is required." : Text.IdentifierProblem(Id));
        Check(errors, "name", Name is null ? "is required." : Text.IdentifierProblem(Name));
        if (!Enum.IsDefined(Status))
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"status: {(int)Status} is not a defined status."));
        }

        if (Discount is null)
        {
            errors.Add("discount: is required.");
        }

        for (var i = 0; i < CompoundsWithIds.Count; i++)
        {
            Check(errors, string.Create(CultureInfo.InvariantCulture, $"compoundsWith[{i}]"), Text.IdentifierProblem(CompoundsWithIds[i]));
        }

        if ((CompoundsWithAll || CompoundsWithIds.Count > 0) && (Discount is not { CanCompound: true } || MaxDiscount is not null))
        {
            errors.Add("compoundsWith: only a percentage or an amount off each item, without a cap, can compound with other promotions.");
        }

        if ((CombinesWith & ~DiscountClasses.All) != 0)
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"combinesWith: {(int)CombinesWith} is not a set of discount classes."));
        }

        if (!Enum.IsDefined(Stops))
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"stops: {(int)Stops} is not a defined stop scope."));
        }

        if (MaxDiscount is { } cap && (cap.Currency.IsDefault || cap.Amount <= 0m || !cap.IsRounded))
        {
            errors.Add($"maxDiscount: must be more than zero and rounded to its minor unit; {cap} is not.");
        }
        else if (MaxDiscount is { } big && big.Amount > big.Currency.MaxAmount)
        {
            var tooLarge = Guard.TooLarge(big.Currency);
            errors.Add("maxDiscount: " + char.ToLowerInvariant(tooLarge[0]) + tooLarge[1..]);
        }

        Currency? currency = Discount?.AmountCurrency;
        currency = CheckCurrency(errors, currency, MaxDiscount?.Currency, "maxDiscount");
        currency = CheckCurrency(errors, currency, QualifyingItems.AmountCurrency, "items");
        currency = CheckCurrency(errors, currency, (Discount as ItemDiscount)?.GetItems?.AmountCurrency, "discount.getItems");
        for (var i = 0; i < Restrictions.Count; i++)
        {
            if (Restrictions[i].AmountCurrency is { } amountCurrency)
            {
                currency = CheckCurrency(errors, currency, amountCurrency, string.Create(CultureInfo.InvariantCulture, $"restrictions[{i}]"));
            }
        }

        CheckCurrency(errors, currency, Limits.Budget?.Currency, "limits.budget");

        if (errors.Count > 0)
        {
            throw new PromotionDefinitionException(Id ?? string.Empty, errors.ToImmutableArray());
        }

        return new Promotion(this);
    }

    private static void Check(List<string> errors, string path, string? problem)
    {
        if (problem is not null)
        {
            errors.Add($"{path}: {char.ToLowerInvariant(problem[0])}{problem[1..]}");
        }
    }

    private static Currency? CheckCurrency(List<string> errors, Currency? known, Currency? next, string path)
    {
        if (next is null)
        {
            return known;
        }

        if (known is { } k && k != next.Value)
        {
            errors.Add($"{path}: is in {next.Value.Code} but the promotion's other amounts are in {k.Code}.");
            return known;
        }

        return next;
    }
}
