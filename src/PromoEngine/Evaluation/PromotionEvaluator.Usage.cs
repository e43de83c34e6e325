using System;
using System.Collections.Generic;
using System.Linq;
using NodaTime;
using PromoEngine.Internal;

namespace PromoEngine;

public sealed partial class PromotionEvaluator
{
    /// <summary>Says which usage an evaluation of this cart, with these codes, at this instant needs: the promotions
    /// that can concern the cart and have limits (their counts and spend, and the customer's counts of them), and the
    /// codes entered and those of the customer's wallet (<see cref="CustomerProfile.Wallet"/>) valid at the instant, each in the canonical form its promotion records (normalized, and folded where it folds
    /// look-alikes). Checkout asks the ledger for exactly this (<see cref="IRedemptionLedger.GetUsageAsync"/>) and
    /// passes the snapshot to <see cref="Evaluate"/> with the same cart, codes and instant.</summary>
    /// <param name="cart">The cart.</param>
    /// <param name="codes">The codes the shopper entered, as typed: any text; one that is malformed or unknown needs
    /// no usage.</param>
    /// <param name="at">The instant the cart will be evaluated at: promotions paused, cancelled, or outside their
    /// schedule then need no usage.</param>
    /// <returns>The request; <see cref="UsageRequest.IsEmpty"/> when no usage is needed.</returns>
    /// <exception cref="System.ArgumentNullException"><paramref name="cart"/> or <paramref name="codes"/> is null, or holds a
    /// null code (as for <see cref="Evaluate"/>: codes are read the same way).</exception>
    /// <exception cref="System.ArgumentOutOfRangeException"><paramref name="codes"/> holds more than
    /// <see cref="MaxCodesPerRequest"/> codes.</exception>
    /// <remarks>Costs time in proportion to the codes and to the automatic promotions that can concern the cart, never
    /// to the whole catalog; reads no clock.</remarks>
    public UsageRequest UsageRequestFor(Cart cart, IEnumerable<string> codes, Instant at)
    {
        Guard.NotNull(cart);
        Guard.NotNull(codes);
        var promotions = new List<PromotionId>();
        var canonicalCodes = new List<string>();
        var seen = new HashSet<Promotion>(ReferenceEqualityComparer.Instance);
        // The codes typed, then those of the customer's wallet that are valid at the instant: each is gated as a typed code is.
        var read = ReadCodes(codes);
        foreach (var entry in cart.Customer.Wallet.Entries)
        {
            if (entry.IsValidAt(at))
            {
                read.Add((entry.Code, entry.Code, null));
            }
        }

        foreach (var (normalized, _, _) in read)
        {
            if (normalized is not null && Catalog.Resolve(normalized) is var (promotion, code) && NeedsUsage(promotion, at))
            {
                if (promotion.LedgerLimits.PerCode is not null)
                {
                    canonicalCodes.Add(code);
                }

                if (seen.Add(promotion) && NeedsPromotionCounters(promotion, cart))
                {
                    promotions.Add(promotion.Id);
                }
            }
        }

        var automatic = new CandidateSet();
        if (!Options.ExcludeAutomaticPromotions)
        {
            Catalog.AddAutomaticCandidates(cart, Options, automatic);
        }

        foreach (var promotion in automatic.Items)
        {
            if (NeedsUsage(promotion, at) && seen.Add(promotion) && NeedsPromotionCounters(promotion, cart))
            {
                promotions.Add(promotion.Id);
            }
        }

        promotions.Sort();
        return promotions.Count == 0 && canonicalCodes.Count == 0
            ? UsageRequest.None
            : UsageRequest.Canonical([.. promotions], [.. canonicalCodes.Distinct(StringComparer.Ordinal)], cart.Customer.Id);
    }

    private static bool NeedsUsage(Promotion promotion, Instant at) =>
        promotion.LedgerLimits.NeedsUsage
        && promotion.Status == PromotionStatus.Active
        && promotion.Schedule.StateAt(at) == ScheduleState.Running;

    private static bool NeedsPromotionCounters(Promotion promotion, Cart cart) =>
        promotion.LedgerLimits is var limits
        && (limits.Total is not null || limits.Budget is not null || (limits.PerCustomer is not null && cart.Customer.Id is not null));
}
