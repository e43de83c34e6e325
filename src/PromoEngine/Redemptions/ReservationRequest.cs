using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using PromoEngine.Internal;

namespace PromoEngine;

/// <summary>What checkout asks the ledger to hold for one order: its redemptions, each with the limits to check.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class ReservationRequest
{
    /// <summary>Initializes a new instance of the <see cref="ReservationRequest"/> class.</summary>
    /// <param name="orderId">The order's id; the reservation is known by it, and retries with it never count twice.</param>
    /// <param name="items">The redemptions with their limits: at most one per promotion, all of this order.</param>
    /// <exception cref="ArgumentException">The order id is malformed, a promotion appears twice, or a redemption
    /// belongs to another order.</exception>
    public ReservationRequest(string orderId, IEnumerable<(Redemption Redemption, RedemptionLimits Limits)> items)
    {
        OrderId = Text.Identifier(orderId);
        Guard.NotNull(items);
        var seen = new HashSet<PromotionId>();
        var builder = ImmutableArray.CreateBuilder<(Redemption, RedemptionLimits)>();
        foreach (var (redemption, limits) in items)
        {
            Guard.NotNull(redemption, nameof(items));
            Guard.NotNull(limits, nameof(items));
            if (!seen.Add(redemption.PromotionId))
            {
                throw new ArgumentException($"The promotion {redemption.PromotionId} appears twice; an order redeems a promotion once.", nameof(items));
            }

            if (redemption.OrderId is { } other && other != OrderId)
            {
                throw new ArgumentException($"A redemption belongs to order {other}, not {OrderId}.", nameof(items));
            }

            builder.Add((redemption.ForOrder(OrderId), limits));
        }

        Items = builder.ToImmutable();
    }

    /// <summary>Gets the order's id.</summary>
    /// <value>Trimmed.</value>
    public string OrderId { get; }

    /// <summary>Gets the redemptions, each tied to the order, with the limits to check.</summary>
    /// <value>Possibly empty (an order without promotions reserves nothing, and succeeds).</value>
    public ImmutableArray<(Redemption Redemption, RedemptionLimits Limits)> Items { get; }

    /// <summary>Makes the request for an evaluated cart: its redemptions, with the limits of their promotions.</summary>
    /// <param name="orderId">The order's id.</param>
    /// <param name="result">The evaluation of the order's cart.</param>
    /// <param name="catalog">The catalog the cart was evaluated against.</param>
    /// <returns>The request.</returns>
    /// <exception cref="ArgumentException">A redemption's promotion is not in the catalog.</exception>
    public static ReservationRequest For(string orderId, EvaluationResult result, PromotionCatalog catalog)
    {
        Guard.NotNull(result);
        Guard.NotNull(catalog);
        var items = new List<(Redemption, RedemptionLimits)>();
        foreach (var redemption in result.Redemptions)
        {
            var promotion = catalog.Find(redemption.PromotionId)
                ?? throw new ArgumentException($"The promotion {redemption.PromotionId} is not in the catalog.", nameof(catalog));
            items.Add((redemption, RedemptionLimits.For(promotion)));
        }

        return new ReservationRequest(orderId, items);
    }
}
