namespace PromoEngine;

/// <summary>The one statement of how a ledger judges a redemption against its limits, given the uses held or committed
/// before the reservation: shared by every ledger of this repository so they cannot drift apart.</summary>
internal static class LimitCheck
{
    /// <summary>Checks one redemption; returns the failure, or <see langword="null"/> when every limit passes.</summary>
    /// <param name="redemption">The redemption.</param>
    /// <param name="limits">Its limits.</param>
    /// <param name="promotionUses">The promotion's uses in all.</param>
    /// <param name="codeUses">The code's uses (read only when the redemption has a code).</param>
    /// <param name="customerUses">The customer's uses of the promotion (read only when it has a customer).</param>
    /// <param name="spent">What the promotion has given away, or <see langword="null"/> when nothing was recorded.</param>
    public static ReservationFailure? Check(Redemption redemption, RedemptionLimits limits, int promotionUses, int codeUses, int customerUses, Money? spent)
    {
        var id = redemption.PromotionId;
        if (limits.Total is { } total && limits.TotalPolicy == LimitPolicy.Hard && promotionUses >= total)
        {
            return new(id, redemption.Code, RejectionReason.UsageLimitReached, total, promotionUses);
        }

        if (redemption.Code is { } code && limits.PerCode is { } perCode && limits.PerCodePolicy == LimitPolicy.Hard && codeUses >= perCode)
        {
            return new(id, code, perCode == 1 ? RejectionReason.AlreadyRedeemed : RejectionReason.UsageLimitReached, perCode, codeUses);
        }

        if (limits.PerCustomer is { } perCustomer)
        {
            if (redemption.CustomerId is null)
            {
                return new(id, redemption.Code, RejectionReason.GuestNotAllowed, perCustomer, null);
            }

            if (customerUses >= perCustomer)
            {
                return new(id, redemption.Code, RejectionReason.CustomerLimitReached, perCustomer, customerUses);
            }
        }

        if (limits.Budget is { } budget)
        {
            var sum = spent ?? Money.Zero(budget.Currency);
            var over = limits.BudgetPolicy == BudgetPolicy.Hard ? sum + redemption.Amount > budget : sum >= budget;
            if (over)
            {
                return new(id, redemption.Code, RejectionReason.BudgetExhausted, null, null);
            }
        }

        return null;
    }
}
