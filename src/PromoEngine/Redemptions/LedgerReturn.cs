using System;
using System.Collections.Immutable;
using System.Collections.Generic;
using PromoEngine.Internal;

namespace PromoEngine;

/// <summary>A partial return of a committed order, as the ledger records it: its id and what it gives back to each
/// promotion (see <see cref="IRedemptionLedger.ReturnAsync"/>). Make one with
/// <see cref="ReturnResult.ToLedgerReturn"/>.</summary>
/// <remarks>Immutable and thread-safe, with value equality (give-backs compared in order).</remarks>
public sealed record LedgerReturn
{
    private readonly EquatableArray<PromotionGiveBack> _giveBacks;

    /// <summary>Initializes a new instance of the <see cref="LedgerReturn"/> class.</summary>
    /// <param name="returnId">The return's id, unique within its order.</param>
    /// <param name="giveBacks">What it gives back, at most one entry a promotion; possibly none.</param>
    /// <exception cref="ArgumentException"><paramref name="returnId"/> is empty or malformed, or two entries name the
    /// same promotion.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="giveBacks"/> is null or holds a null entry.</exception>
    public LedgerReturn(string returnId, IEnumerable<PromotionGiveBack> giveBacks)
    {
        ReturnId = Text.Identifier(returnId);
        Guard.NotNull(giveBacks);
        var items = giveBacks.ToImmutableArray();
        var seen = new HashSet<PromotionId>();
        foreach (var item in items)
        {
            Guard.NotNull(item, nameof(giveBacks));
            if (!seen.Add(item.PromotionId))
            {
                throw new ArgumentException($"The return {ReturnId} names the promotion {item.PromotionId} twice.", nameof(giveBacks));
            }
        }

        _giveBacks = new(items);
    }

    /// <summary>Gets the return's id.</summary>
    /// <value>As given.</value>
    public string ReturnId { get; }

    /// <summary>Gets what the return gives back, one entry a promotion.</summary>
    /// <value>Possibly empty.</value>
    public ImmutableArray<PromotionGiveBack> GiveBacks => _giveBacks.Items;
}
