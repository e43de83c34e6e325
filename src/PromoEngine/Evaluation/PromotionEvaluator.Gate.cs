using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Runtime.CompilerServices;

namespace PromoEngine;

public sealed partial class PromotionEvaluator
{
    private sealed partial class Run
    {
        /// <summary>Checks everything but the discount itself: who the code is issued to, status, schedule, currency,
        /// customer, usage, items.</summary>
        /// <returns>The rejection, or null when the promotion may apply.</returns>
        /// <remarks>Implementation note: ownership comes first, so a code issued to another customer says nothing else
        /// of its promotion; when what is said is hidden (<see cref="Hides"/>), the other checks still run and their
        /// outcome is dropped, so such a code costs what any code that does not apply costs and timing does not tell it
        /// apart from an unknown one.</remarks>
        private Rejection? Gate(Promotion promotion)
        {
            if (promotion.Activation.IsPersonal && CodeOf(promotion) is { } code && promotion.Activation.OwnerOf(code) is { } owner
                && !string.Equals(owner, _cart.Customer.Id, System.StringComparison.Ordinal))
            {
                if (Hides(promotion))
                {
                    _ = Checks(promotion);
                }

                return _cart.Customer.IsGuest
                    ? Reject(promotion, RejectionReason.IssuedToAnotherCustomer, $"The code {code} is issued to one customer: sign in to use it.")
                    : Reject(promotion, RejectionReason.IssuedToAnotherCustomer, $"The code {code} is issued to another customer.");
            }

            return Checks(promotion);
        }

        /// <summary>The checks of <see cref="Gate"/> after ownership.</summary>
        private Rejection? Checks(Promotion promotion)
        {
            var quiet = IsQuiet(promotion);
            switch (promotion.Status)
            {
                case PromotionStatus.Paused:
                    return quiet ? Unconcerned : Reject(promotion, RejectionReason.Paused, static (p, _) => $"{p.Name} is paused.");
                case PromotionStatus.Cancelled:
                    return quiet ? Unconcerned : Reject(promotion, RejectionReason.Cancelled, static (p, _) => $"{p.Name} has been cancelled.");
            }

            var schedule = promotion.Schedule;
            var state = schedule.StateAt(_at);
            if (quiet && state != ScheduleState.Running)
            {
                return Unconcerned;
            }

            switch (state)
            {
                case ScheduleState.NotStarted:
                    return (schedule.FirstDay is not null
                        ? Reject(promotion, RejectionReason.NotStarted, static (p, _) => $"{p.Name} starts on {Describe(p.Schedule.FirstDay!.Value)} ({p.Schedule.Zone.Id}).")
                        : Reject(promotion, RejectionReason.NotStarted, static (p, _) => $"{p.Name} starts {Describe(p.Schedule.Start!.Value, p.Schedule)}.")) with { Boundary = schedule.StartInstant };
                case ScheduleState.Ended:
                    // The boundary is the first instant after the schedule, however the end was written; the message
                    // names the end as written (an inclusive 23:59, a last day).
                    return (schedule.LastDay is not null
                        ? Reject(promotion, RejectionReason.Expired, static (p, _) => $"{p.Name} ended: its last day was {Describe(p.Schedule.LastDay!.Value)} ({p.Schedule.Zone.Id}).")
                        : Reject(promotion, RejectionReason.Expired, static (p, _) => $"{p.Name} ended {Describe(p.Schedule.End!.Value, p.Schedule)}.")) with { Boundary = schedule.EndInstant };
                case ScheduleState.OutsideWindow:
                    return Hides(promotion) ? Reject(promotion, RejectionReason.OutsideWindow, string.Empty) : OutsideWindow(promotion, schedule);
            }

            if (promotion.AmountCurrency is { } currency && currency != _currency)
            {
                return quiet ? Unconcerned : CurrencyNotSupported(promotion, currency);
            }

            if (quiet && !Concerns(promotion))
            {
                return Unconcerned;
            }

            if (CheckCustomer(promotion) is { } customerRejection)
            {
                return customerRejection;
            }

            if (CheckUsage(promotion, out var usageUnavailable) is { } usageRejection)
            {
                return usageRejection;
            }

            if (CheckItems(promotion) is { } itemsRejection)
            {
                return itemsRejection;
            }

            return usageUnavailable
                ? Reject(promotion, RejectionReason.UsageUnavailable,
                    static (p, _) => $"{p.Name} could not be checked against its usage limits just now: try again in a moment.")
                : null;
        }

        /// <summary>What the gate returns for an automatic promotion that does not concern the cart (see
        /// <see cref="IsQuiet"/>): never listed, and shared, so ruling a promotion out allocates nothing.</summary>
        private static readonly Rejection Unconcerned = new(null, null, RejectionReason.NoQualifyingItems, string.Empty);

        /// <summary>Whether the gate only tells whether a promotion concerns the cart before it says why it does not apply:
        /// an automatic promotion, unless <see cref="EvaluationOptions.ListEveryRejection"/> is set. A code entered (typed
        /// or from the wallet) always concerns the shopper.</summary>
        private bool IsQuiet(Promotion promotion) =>
            !Options.ListEveryRejection && !ReferenceEquals(promotion, Decoy) && CodeOf(promotion) is null;

        /// <summary>Whether an active, running promotion in the cart's currency concerns the cart (see
        /// <see cref="EvaluationOptions.ListEveryRejection"/>): some line passes its qualifying items, every restriction on
        /// the customer admits the cart, and every minimum subtotal or quantity on its qualifying items (measured before
        /// discounts) that the cart falls short of, it reaches at least <see cref="EvaluationOptions.NearMissShare"/> of.</summary>
        private bool Concerns(Promotion promotion)
        {
            var lines = MatchingLines(promotion.QualifyingItems);
            if (lines.Length == 0)
            {
                return false;
            }

            var customer = _cart.Customer;
            var kinds = promotion.RestrictionKinds;
            foreach (var restriction in (kinds & RestrictionKinds.Customer) == 0 ? [] : promotion.Restrictions)
            {
                var admits = restriction switch
                {
                    MembershipRestriction members => Intersect(members.Memberships, customer.Memberships),
                    RegionRestriction regions => regions.Admits(regions.Of == RegionSource.Customer ? customer.Region : _cart.ShippingRegion),
                    ChannelRestriction channels => _cart.Channel is { } channel && channels.Allowed.Contains(channel),
                    SegmentRestriction segments => Intersect(segments.Allowed, customer.Segments),
                    FirstOrderRestriction => customer.IsFirstOrder,
                    OrderHistoryRestriction history => history.Admits(customer.PreviousOrders),
                    _ => true,
                };
                if (!admits)
                {
                    return false;
                }
            }

            if ((kinds & RestrictionKinds.Minimum) == 0)
            {
                return true;
            }

            var (subtotal, quantity) = TotalsOf(promotion.QualifyingItems);
            var share = Options.NearMissShare;
            foreach (var restriction in promotion.Restrictions)
            {
                switch (restriction)
                {
                    // A minimum met is met in any share of it (a share is at most 1): no product for it.
                    case MinimumSubtotalRestriction { MeasuredAfterHigherLanes: false } minimum
                        when subtotal < minimum.Amount.Amount && subtotal < minimum.Amount.Amount * share:
                    case MinimumQuantityRestriction minimum2 when quantity < minimum2.Quantity && quantity < minimum2.Quantity * share:
                        return false;
                }
            }

            return true;
        }

        /// <summary>Whether a customer holds any of the values a restriction wants (memberships, segments).</summary>
        /// <remarks>Implementation note: a method rather than a lambda, so the gate allocates no closure per promotion.</remarks>
        private static bool Intersect(System.Collections.Immutable.ImmutableArray<string> wanted, System.Collections.Immutable.ImmutableArray<string> held)
        {
            foreach (var item in wanted)
            {
                if (held.Contains(item))
                {
                    return true;
                }
            }

            return false;
        }

        private static string Describe(NodaTime.LocalDateTime local, Schedule schedule) =>
            local.ToString(local.Second == 0 && local.NanosecondOfSecond == 0 ? "uuuu'-'MM'-'dd HH':'mm" : "uuuu'-'MM'-'dd HH':'mm':'ss;FFFFFFFFF", CultureInfo.InvariantCulture)
            + " " + schedule.Zone.Id;

        /// <summary>The rejection of a promotion between its start and end but outside its windows: when it next opens,
        /// by the local time the clock will show then (03:00 for a 02:30 start on the day 02:00 becomes 03:00).</summary>
        private Rejection OutsideWindow(Promotion promotion, Schedule schedule)
        {
            if (schedule.NextRunning(_at) is not { } opens)
            {
                return Reject(promotion, RejectionReason.OutsideWindow,
                    $"{promotion.Name} is not available at this time, and its schedule ends before it opens again.");
            }

            var local = opens.InZone(schedule.Zone).LocalDateTime;
            return Reject(promotion, RejectionReason.OutsideWindow,
                $"{promotion.Name} is not available at this time: it opens {WeeklyWindow.DayName(local.DayOfWeek)} {WeeklyWindow.Format(local.TimeOfDay)} {schedule.Zone.Id} ({DayPattern.Format(local.Date)}).")
                with { Boundary = opens };
        }

        private static readonly NodaTime.Text.LocalDatePattern DayPattern = NodaTime.Text.LocalDatePattern.Iso;

        private static string Describe(NodaTime.LocalDate day) => day.ToString("uuuu'-'MM'-'dd", CultureInfo.InvariantCulture);

        private Rejection? CheckCustomer(Promotion promotion)
        {
            if ((promotion.RestrictionKinds & RestrictionKinds.Customer) == 0)
            {
                return null;
            }

            var customer = _cart.Customer;
            foreach (var restriction in promotion.Restrictions)
            {
                switch (restriction)
                {
                    case MembershipRestriction members when !Intersect(members.Memberships, customer.Memberships):
                        return Reject(promotion, RejectionReason.MembersOnly,
                            static (p, r) => $"{p.Name} is for {string.Join(" or ", r.Allowed)} members only.") with { Allowed = members.Memberships };
                    case RegionRestriction regions when (regions.Of == RegionSource.Customer ? customer.Region : _cart.ShippingRegion) is var region && !regions.Admits(region):
                        return Reject(promotion, RejectionReason.RegionNotEligible, Hides(promotion) ? string.Empty : RegionMessage(promotion, regions, region));
                    case ChannelRestriction channels when _cart.Channel is null || !channels.Allowed.Contains(_cart.Channel):
                        return Reject(promotion, RejectionReason.ChannelNotEligible,
                            static (p, r) => $"{p.Name} is only for orders placed through {string.Join(", ", r.Allowed)}.") with { Allowed = channels.Allowed };
                    case SegmentRestriction segments when !Intersect(segments.Allowed, customer.Segments):
                        return Reject(promotion, RejectionReason.SegmentNotEligible,
                            static (p, r) => $"{p.Name} is only for {string.Join(", ", r.Allowed)} customers.") with { Allowed = segments.Allowed };
                    case FirstOrderRestriction when !customer.IsFirstOrder:
                        return Reject(promotion, RejectionReason.FirstOrderOnly, static (p, _) => $"{p.Name} is for a first order only.");
                    case ShippingMethodRestriction methods when _cart.ShippingMethod is not { } method || !methods.Allowed.Contains(method):
                        return Reject(promotion, RejectionReason.ShippingMethodNotEligible, _cart.ShippingMethod is null
                            ? $"{promotion.Name} is only for shipping by {string.Join(" or ", methods.Allowed)}: choose one of them."
                            : $"{promotion.Name} is only for shipping by {string.Join(" or ", methods.Allowed)}, not {_cart.ShippingMethod}.") with { Allowed = methods.Allowed };
                    case OrderHistoryRestriction history when !history.Admits(customer.PreviousOrders):
                        return Reject(promotion, RejectionReason.OrderHistoryNotEligible, static (p, r) => r.PreviousOrders is null
                            ? $"{p.Name} is only for {History(r)}, and your order history is not known: sign in to use it."
                            : $"{p.Name} is only for {History(r)}.")
                            with { PreviousOrders = customer.PreviousOrders, PreviousOrdersAtLeast = history.AtLeast, PreviousOrdersAtMost = history.AtMost };
                }
            }

            return null;

            static string RegionMessage(Promotion promotion, RegionRestriction regions, Region? region)
            {
                var who = regions.Of == RegionSource.Customer ? "customers in" : "deliveries to";
                if (region is not { } known)
                {
                    // An unknown region fails an exclusion-only restriction too: nothing says it is outside the excluded places.
                    var unknown = regions.Of == RegionSource.Customer ? "your region is not known" : "the shipping address is not known";
                    return regions.Allowed.IsEmpty
                        ? $"{promotion.Name} is not available for {who} {string.Join(", ", regions.Excluded)}, and {unknown}."
                        : $"{promotion.Name} is only for {who} {regions.Describe()}, and {unknown}.";
                }

                return regions.Excluded.Any(e => e.Contains(known))
                    ? $"{promotion.Name} is not available for {who} {known}."
                    : $"{promotion.Name} is only for {who} {regions.Describe()}.";
            }
        }

        /// <summary>Checks the promotion's limits against the snapshot. A limit reached is a rejection; a limit the
        /// snapshot does not know makes <paramref name="unavailable"/> true (the caller rejects with
        /// <see cref="RejectionReason.UsageUnavailable"/> once nothing more specific applies), so a limit is never
        /// treated as unused because its usage could not be read.</summary>
        private Rejection? CheckUsage(Promotion promotion, out bool unavailable)
        {
            unavailable = false;
            var limits = promotion.LedgerLimits; // exactly what the ledger will check

            if (limits.Total is not null || limits.Budget is not null)
            {
                if (_usage.PromotionUses(promotion.Id) is not { } used)
                {
                    unavailable = true;
                }
                else if (limits.Total is { } total && used >= total)
                {
                    return Reject(promotion, RejectionReason.UsageLimitReached,
                        static (p, r) => $"{p.Name} has been used {Times(r.Limit!.Value)}, as often as it allows.") with { Limit = total, Used = used };
                }
                else if (limits.Budget is { } budget && _usage.PromotionSpent(promotion.Id) is { } spent
                    && spent.Currency == budget.Currency && spent >= budget)
                {
                    return Reject(promotion, RejectionReason.BudgetExhausted, static (p, _) => $"{p.Name} has given away its whole budget.");
                }
            }

            if (limits.PerCode is { } codeLimit && CodeOf(promotion) is { } code)
            {
                if (_usage.CanonicalCodeUses(code) is not { } codeUses)
                {
                    unavailable = true;
                }
                else if (codeUses >= codeLimit)
                {
                    return promotion.Activation.Kind == ActivationKind.ClaimCodes
                        ? Reject(promotion, RejectionReason.AlreadyRedeemed, static (_, r) => $"The code {r.Code} has already been redeemed.") with { Limit = 1, Used = codeUses }
                        : Reject(promotion, RejectionReason.UsageLimitReached,
                            static (_, r) => $"The code {r.Code} has been used {Times(r.Limit!.Value)}, as often as it allows.") with { Limit = codeLimit, Used = codeUses };
                }
            }

            if (limits.PerCustomer is { } perCustomer)
            {
                if (_cart.Customer.Id is not { } customerId)
                {
                    return Reject(promotion, RejectionReason.GuestNotAllowed,
                        static (p, _) => $"{p.Name} is limited per customer: sign in to use it.") with { Limit = perCustomer };
                }

                if (_usage.CustomerUses(promotion.Id, customerId) is not { } customerUses)
                {
                    unavailable = true;
                }
                else if (customerUses >= perCustomer)
                {
                    return Reject(promotion, RejectionReason.CustomerLimitReached,
                        static (p, r) => $"You have used {p.Name} {Times(r.Limit!.Value)}, as often as it allows.") with { Limit = perCustomer, Used = customerUses };
                }
            }

            return null;
        }

        /// <summary>The promotion as this evaluation applies it: with a hard budget, capped to what is left of it
        /// (when that could bind on this cart), so the evaluator never offers more than the ledger will accept.</summary>
        /// <remarks>Implementation note: the cap is carried by a copy of the promotion whose <see cref="Promotion.MaxDiscount"/>
        /// is what is left, so every part of the search (the lane solver's bounds, the order of application, the
        /// leave-out rules) sees the budget exactly as it sees a cap.</remarks>
        private Promotion WithinBudget(Promotion promotion)
        {
            if (promotion.LedgerLimits is not { Budget: { } budget, BudgetPolicy: BudgetPolicy.Hard })
            {
                return promotion;
            }

            var spent = _usage.PromotionSpent(promotion.Id) is { } s && s.Currency == budget.Currency ? s.Amount : 0m;
            var left = budget.Amount - spent;
            var most = _cart.Subtotal.Amount + _cart.Shipping.Amount;
            if (left >= most || (promotion.MaxDiscount is { } cap && cap.Amount <= left))
            {
                return promotion;
            }

            var capped = promotion.WithMaxDiscount(new Money(left, budget.Currency));
            (_budgetCapped ??= new(System.Collections.Generic.ReferenceEqualityComparer.Instance)).Add(capped);
            return capped;
        }

        private Rejection? CheckItems(Promotion promotion)
        {
            // Every line holds a unit or more: no lines, no units.
            if (MatchingLines(promotion.QualifyingItems).Length == 0)
            {
                return Reject(promotion, RejectionReason.NoQualifyingItems, static (p, _) => $"No item in the cart qualifies for {p.Name}.");
            }

            // Implementation note: the totals are summed only when something reads them (most promotions have no minimum).
            var hides = Hides(promotion);
            var kinds = promotion.RestrictionKinds;
            if (!hides && (kinds & (RestrictionKinds.Minimum | RestrictionKinds.CartCondition)) == 0)
            {
                return null;
            }

            var (subtotal, quantity) = TotalsOf(promotion.QualifyingItems);
            if (hides && CannotApply(promotion.Discount, subtotal, quantity))
            {
                (_inert ??= []).Add(promotion.Id);
            }

            foreach (var restriction in promotion.Restrictions)
            {
                switch (restriction)
                {
                    case MinimumSubtotalRestriction minimum when !minimum.MeasuredAfterHigherLanes && subtotal < minimum.Amount.Amount:
                        return SpendMore(promotion, M(minimum.Amount.Amount - subtotal), RejectionReason.MinimumSubtotalNotMet);
                    case MinimumQuantityRestriction minimum when quantity < minimum.Quantity:
                        return AddItems(promotion, minimum.Quantity - quantity);
                }
            }

            foreach (var restriction in (kinds & RestrictionKinds.CartCondition) == 0 ? [] : promotion.Restrictions)
            {
                if (restriction is CartConditionRestriction condition && CheckCartCondition(promotion, condition) is { } rejection)
                {
                    return rejection;
                }
            }

            return null;
        }

        /// <summary>Checks a condition on items of the cart that pass its own filter, at prices before discounts.</summary>
        private Rejection? CheckCartCondition(Promotion promotion, CartConditionRestriction condition)
        {
            var amount = 0m;
            var units = 0;
            foreach (var lineIndex in MatchingLines(condition.Items))
            {
                var line = _cart.Lines[lineIndex];
                amount += line.Total.Amount;
                units += line.Quantity;
            }

            if (condition.Units is { } needed && units < needed)
            {
                var missing = needed - units;
                if (Hides(promotion))
                {
                    return Reject(promotion, RejectionReason.CartConditionNotMet, string.Empty) with { MissingQuantity = missing, ItemsLabel = condition.Label };
                }

                Hints.Add(new NearMissHint(promotion.Id, HintKind.AddRequiredItems, null, missing, () => AddRequiredItemsMessage(promotion, missing, condition.Label), condition.Label));
                return Reject(promotion, RejectionReason.CartConditionNotMet, static (p, r) => AddRequiredItemsMessage(p, r.MissingQuantity!.Value, r.ItemsLabel))
                    with { MissingQuantity = missing, ItemsLabel = condition.Label };
            }

            // A threshold measured after higher lanes is checked when the promotion's lane begins (see ApplyLane).
            return condition.Amount is { } least && !condition.MeasuredAfterHigherLanes && amount < least.Amount
                ? SpendMoreOn(promotion, condition, M(least.Amount - amount))
                : null;
        }

        private Rejection SpendMoreOn(Promotion promotion, CartConditionRestriction condition, Money shortfall)
        {
            if (Hides(promotion))
            {
                return Reject(promotion, RejectionReason.CartConditionNotMet, string.Empty) with { Shortfall = shortfall, ItemsLabel = condition.Label };
            }

            Hints.Add(new NearMissHint(promotion.Id, HintKind.SpendMoreOnRequiredItems, shortfall, null, () => SpendMoreOnMessage(promotion, shortfall, condition.Label), condition.Label));
            return Reject(promotion, RejectionReason.CartConditionNotMet, static (p, r) => SpendMoreOnMessage(p, r.Shortfall!.Value, r.ItemsLabel))
                with { Shortfall = shortfall, ItemsLabel = condition.Label };
        }

        /// <summary>Checks the thresholds a promotion measures after higher lanes (see
        /// <see cref="ThresholdBasis.AfterHigherLanes"/>) on what is left of the items now, when its lane begins.</summary>
        /// <returns>The rejection with the shortfall, or null when every such threshold holds.</returns>
        private Rejection? CheckThresholdsAfterHigherLanes(Promotion promotion)
        {
            if ((promotion.RestrictionKinds & RestrictionKinds.AfterHigherLanes) == 0)
            {
                return null;
            }

            foreach (var restriction in promotion.Restrictions)
            {
                switch (restriction)
                {
                    case MinimumSubtotalRestriction { MeasuredAfterHigherLanes: true } minimum
                        when LeftToPay(MatchingLines(promotion.QualifyingItems)) is var left && left < minimum.Amount.Amount:
                        return SpendMore(promotion, M(minimum.Amount.Amount - left), RejectionReason.MinimumSubtotalNotMet);
                    case CartConditionRestriction { MeasuredAfterHigherLanes: true, Amount: { } least } condition
                        when LeftToPay(MatchingLines(condition.Items)) is var paid && paid < least.Amount:
                        return SpendMoreOn(promotion, condition, M(least.Amount - paid));
                }
            }

            return null;
        }

        /// <summary>What is left to pay of these lines' units now, stopped ones included.</summary>
        private decimal LeftToPay(int[] lines)
        {
            var left = 0m;
            foreach (var line in lines)
            {
                foreach (var piece in Pool.PiecesOf(line))
                {
                    left += piece.Remaining * piece.Count;
                }
            }

            return left;
        }

        /// <summary>The cart lines whose amounts a promotion measures after higher lanes (empty when it measures none):
        /// a promotion of a higher lane that touches them may keep it from applying.</summary>
        public int[] MeasuredAfterHigherLanes(Promotion promotion)
        {
            int[]? lines = null;
            foreach (var restriction in promotion.Restrictions)
            {
                var measured = restriction switch
                {
                    MinimumSubtotalRestriction { MeasuredAfterHigherLanes: true } => MatchingLines(promotion.QualifyingItems),
                    CartConditionRestriction { MeasuredAfterHigherLanes: true, Amount: not null } condition => MatchingLines(condition.Items),
                    _ => null,
                };
                if (measured is not null)
                {
                    lines = lines is null ? measured : [.. lines.Union(measured)];
                }
            }

            return lines ?? [];
        }

        private static string Times(int count) => count == 1 ? "once" : string.Create(CultureInfo.InvariantCulture, $"{count} times");

        private Rejection SpendMore(Promotion promotion, Money shortfall, RejectionReason reason)
        {
            if (Hides(promotion))
            {
                return Reject(promotion, reason, string.Empty) with { Shortfall = shortfall };
            }

            Hints.Add(new NearMissHint(promotion.Id, HintKind.SpendMore, shortfall, null, () => SpendMoreMessage(promotion, shortfall)));
            return Reject(promotion, reason, static (p, r) => SpendMoreMessage(p, r.Shortfall!.Value)) with { Shortfall = shortfall };
        }

        /// <summary>A gift with purchase whose gift is missing: a rejection and a hint that name the SKU to add.</summary>
        private Rejection AddGift(Promotion promotion, string sku, int missing)
        {
            if (Hides(promotion))
            {
                return Reject(promotion, RejectionReason.GiftNotInCart, string.Empty) with { MissingQuantity = missing, Sku = sku };
            }

            Hints.Add(new NearMissHint(promotion.Id, HintKind.AddGift, null, missing, () => AddGiftMessage(promotion, missing, sku), sku: sku));
            return Reject(promotion, RejectionReason.GiftNotInCart, static (p, r) => AddGiftMessage(p, r.MissingQuantity!.Value, r.Sku!))
                with { MissingQuantity = missing, Sku = sku };
        }

        private Rejection AddItems(Promotion promotion, int missing)
        {
            if (Hides(promotion))
            {
                return Reject(promotion, RejectionReason.MinimumQuantityNotMet, string.Empty) with { MissingQuantity = missing };
            }

            Hints.Add(new NearMissHint(promotion.Id, HintKind.AddItems, null, missing, () => AddItemsMessage(promotion, missing)));
            return Reject(promotion, RejectionReason.MinimumQuantityNotMet, static (p, r) => AddItemsMessage(p, r.MissingQuantity!.Value))
                with { MissingQuantity = missing };
        }

        // The messages of near misses, for the rejection and the hint alike: formatted when first read (most are not).
        private static string SpendMoreMessage(Promotion promotion, Money shortfall) =>
            $"Spend {shortfall} more on qualifying items to get {promotion.Name}.";

        private static string SpendMoreOnMessage(Promotion promotion, Money shortfall, string? label) =>
            $"Spend {shortfall} more on {label} to get {promotion.Name}.";

        private static string AddItemsMessage(Promotion promotion, int missing) =>
            string.Create(CultureInfo.InvariantCulture, $"Add {missing} more qualifying item{(missing == 1 ? string.Empty : "s")} to get {promotion.Name}.");

        private static string AddRequiredItemsMessage(Promotion promotion, int missing, string? label) =>
            string.Create(CultureInfo.InvariantCulture, $"Add {missing} more item{(missing == 1 ? string.Empty : "s")} from {label} to get {promotion.Name}.");

        private static string AddGiftMessage(Promotion promotion, int missing, string sku) =>
            string.Create(CultureInfo.InvariantCulture, $"Add {missing} x {sku} to your cart to get it with {promotion.Name}.");

        /// <summary>The promotions entered by code that pass the gate but cannot apply to this cart in any combination;
        /// found only under <see cref="EvaluationOptions.HideCodeStatus"/> (see <see cref="CannotApply"/>).</summary>
        private HashSet<PromotionId>? _inert;

        /// <summary>Whether what is said of a promotion is hidden from the shopper: under
        /// <see cref="EvaluationOptions.HideCodeStatus"/>, everything about a promotion entered by code that does not
        /// apply is replaced by "unknown", so nothing that would only explain it is worked out (messages, hints, when a
        /// window opens). The same holds for the decoy an unknown code is gated against.</summary>
        private bool Hides(Promotion promotion) =>
            Options.HideCodeStatus && (ReferenceEquals(promotion, Decoy) || (CodeOf(promotion) is { } code && !IsWalletCode(code)));

        /// <summary>Whether a discount can never apply to this cart, whatever the combination, from what the gate already
        /// knows: the subtotal and the number of units of the qualifying lines. <see langword="false"/> when unsure.</summary>
        /// <remarks>Implementation note: under <see cref="EvaluationOptions.HideCodeStatus"/> a promotion that would
        /// only be reported as unknown is not run through the lanes (a buy-3-get-1 with two items took 3.5 times as long
        /// as an unknown code); every lane offers a discount at most the units its qualifying lines hold, so too few of
        /// them for one set (or for the first tier) means it applies nothing. Each strategy knows its own
        /// (<see cref="Discount.CannotApply"/>).</remarks>
        private bool CannotApply(Discount discount, decimal subtotal, int quantity) => discount.CannotApply(subtotal, quantity, UnitsOf);

        private int UnitsOf(ItemFilter filter)
        {
            var units = 0;
            foreach (var lineIndex in MatchingLines(filter))
            {
                units += _cart.Lines[lineIndex].Quantity;
            }

            return units;
        }

        /// <summary>A rejection whose message is formatted from the promotion and the rejection's details when it is first
        /// read (see <see cref="Rejection.Message"/>); none at all when the run <see cref="Hides"/> what is said of the
        /// promotion. A static lambda costs no allocation.</summary>
        private Rejection Reject(Promotion promotion, RejectionReason reason, System.Func<Promotion, Rejection, string> message) =>
            Hides(promotion)
                ? new(promotion.Id, promotion.IdOrder, CodeOf(promotion), reason, string.Empty)
                : new(promotion, CodeOf(promotion), reason, message);

        /// <summary>The rejection of a promotion whose amounts are in another currency than the cart.</summary>
        private Rejection CurrencyNotSupported(Promotion promotion, Currency currency)
        {
            var cart = _currency;
            return Reject(promotion, RejectionReason.CurrencyNotSupported, (p, _) => $"{p.Name} is for carts in {currency.Code}, not {cart.Code}.");
        }

        /// <summary>The order history a rejection's bounds describe, as <see cref="OrderHistoryRestriction"/> writes it.</summary>
        private static OrderHistoryRestriction History(Rejection rejection) => new(rejection.PreviousOrdersAtLeast, rejection.PreviousOrdersAtMost);

        /// <summary>A rejection whose message is formatted only when it will be read (see <see cref="Message"/>).</summary>
        private Rejection Reject(Promotion promotion, RejectionReason reason, [InterpolatedStringHandlerArgument("", nameof(promotion))] ref Message message) =>
            new(promotion.Id, promotion.IdOrder, CodeOf(promotion), reason, message.ToStringAndClear());

        /// <summary>A rejection's message, formatted as a plain interpolated string would be, unless the run
        /// <see cref="Hides"/> what is said of the promotion: then nothing of it is formatted, not even its
        /// arguments.</summary>
        [InterpolatedStringHandler]
        private ref struct Message
        {
            private readonly bool _formats;
            private DefaultInterpolatedStringHandler _text;

            public Message(int literalLength, int formattedCount, Run run, Promotion promotion, out bool formats)
            {
                _formats = formats = !run.Hides(promotion);
                _text = formats ? new DefaultInterpolatedStringHandler(literalLength, formattedCount) : default;
            }

            public void AppendLiteral(string value) => _text.AppendLiteral(value);

            public void AppendFormatted<T>(T value) => _text.AppendFormatted(value);

            public void AppendFormatted<T>(T value, string? format) => _text.AppendFormatted(value, format);

            public void AppendFormatted(string? value) => _text.AppendFormatted(value);

            public string ToStringAndClear() => _formats ? _text.ToStringAndClear() : string.Empty;
        }
    }
}
