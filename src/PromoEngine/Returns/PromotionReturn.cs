namespace PromoEngine;

/// <summary>What one of the order's promotions gives up in a return: its amount on the order before and after, the
/// spend it gives back to its budget, what it takes back from the refund, and whether the order still uses it.</summary>
/// <remarks>
/// <para>Immutable and thread-safe, with value equality.</para>
/// <para>Only item and order promotions are listed: a return never touches shipping or its promotions (the parcel was
/// shipped); release the whole order with <see cref="IRedemptionLedger.ReleaseAsync"/> to give those back.</para>
/// </remarks>
public sealed record PromotionReturn
{
    internal PromotionReturn(PromotionId promotionId, string name, Money before, Money after, Money takenBack)
    {
        PromotionId = promotionId;
        Name = name;
        Before = before;
        After = after;
        TakenBack = takenBack;
    }

    /// <summary>Gets the promotion.</summary>
    /// <value>Its id.</value>
    public PromotionId PromotionId { get; }

    /// <summary>Gets the promotion's name.</summary>
    /// <value>As defined.</value>
    public string Name { get; }

    /// <summary>Gets what the promotion gave the order before this return (after the earlier ones).</summary>
    /// <value>Zero or more; for the first return, its <see cref="AppliedPromotion.Amount"/>.</value>
    public Money Before { get; }

    /// <summary>Gets what the promotion gives the order after this return.</summary>
    /// <value>Zero or more, never more than <see cref="Before"/>.</value>
    public Money After { get; }

    /// <summary>Gets the spend the promotion gives back to its budget: <see cref="Before"/> less <see cref="After"/>.</summary>
    /// <value>Zero or more.</value>
    public Money SpendGivenBack => Before - After;

    /// <summary>Gets the part of the return's <see cref="ReturnResult.TakenBack"/> put down to this promotion, in
    /// proportion to what each promotion no longer gives the units kept (what it gave, less its part on the returned
    /// units in the order, less <see cref="After"/>); the parts sum to the return's take-back.</summary>
    /// <value>Zero or more.</value>
    public Money TakenBack { get; }

    /// <summary>Gets a value indicating whether the order still uses the promotion after this return.</summary>
    /// <value><see langword="true"/> while it gives the kept units something.</value>
    public bool StillUsed => After.Amount > 0m;

    /// <summary>Gets a value indicating whether this return is the one after which the order no longer uses the
    /// promotion: its use is to be given back (see <see cref="ReturnResult.ToLedgerReturn"/>).</summary>
    /// <value><see langword="true"/> when it was used before this return and is not after it.</value>
    public bool NoLongerUsed => Before.Amount > 0m && !StillUsed;
}
