using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using NodaTime;

namespace PromoEngine.Tests.Reference;

/// <summary>A cart, its catalog (as reference specs), the codes entered, the instant, the usage and the options.</summary>
public sealed record RefCase(Cart Cart, RefPromotion[] Promotions, string[] Codes, Instant At, RefUsage Usage, EvaluationOptions Options)
{
    public EvaluationResult EvaluateProduction() =>
        new PromotionEvaluator(PromotionCatalog.Create(Promotions.Select(p => p.ToPromotion())), Options)
            .Evaluate(Cart, Codes, At, Usage.ToSnapshot());

    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"cart {Cart.Currency.Code} shipping {Cart.Shipping.Amount} customer {Cart.Customer.Id ?? "guest"}")
            .Append(CultureInfo.InvariantCulture, $" [{string.Join(",", Cart.Customer.Memberships)}|{string.Join(",", Cart.Customer.Segments)}|{(Cart.Customer.IsFirstOrder ? "first" : "")}|{Cart.Customer.Region}] channel {Cart.Channel} ship-to {Cart.ShippingRegion}\n");
        foreach (var line in Cart.Lines)
        {
            text.Append(CultureInfo.InvariantCulture, $"  {line.LineId} {line.Sku} {line.Quantity} x {line.UnitPrice.Amount} cat [{string.Join(",", line.Categories)}] tags [{string.Join(",", line.Tags)}] brand {line.Brand}\n");
        }

        foreach (var promotion in Promotions)
        {
            text.Append("  ").Append(promotion).Append('\n');
        }

        text.Append(CultureInfo.InvariantCulture, $"  codes [{string.Join(", ", Codes.Select(c => $"\"{c}\""))}] at {At} {Usage}\n");
        text.Append(CultureInfo.InvariantCulture, $"  options: codes {Options.MaxCodesPerOrder}, {Options.Rounding}, hide {Options.HideCodeStatus}, every rejection {Options.ListEveryRejection}, near miss {Options.NearMissShare}, {Options.Selection}, {Options.Compounding}");
        return text.ToString();
    }
}

/// <summary>What the reference found: every outcome the engine may return (as canonical text, see
/// <see cref="RefOutcome"/>: those reachable at or below <see cref="Total"/>), the highest total the engine may end
/// with (the lowest over the combinations of the highest each reaches when lanes tie), whether the case was too large
/// to enumerate, and whether the engine's documented shortcut for code slots applies.</summary>
public sealed record RefAnswer(HashSet<string> Outcomes, decimal Total, bool TooLarge, bool Fallback, decimal Lowest = 0m);

/// <summary>
/// An independent, slow, obviously exhaustive evaluator written from the README ("How promotions combine", "Money
/// rules", codes, limits), for differential tests on small carts. It shares no calculation with src/: it reads the
/// catalog from <see cref="RefPromotion"/> specs, rounds and allocates with its own arithmetic, and searches every
/// assignment of units to the promotions of a lane, every order of a lane's order (and shipping) promotions, every
/// combination of promotions that may apply together and every way to give out the code slots.
/// </summary>
/// <remarks>
/// Where the README leaves a choice open (assignments or orders of application that save a lane equally), the reference
/// follows every choice and the engine's result must be one of the outcomes reached, no dearer than the best
/// combination's dearest choice (with no tie, exactly the cheapest). It models automatic and coded promotions
/// (shared and claim codes), every discount kind, item filter and restriction of <see cref="RefPromotion"/>, caps,
/// usage limits and budgets, statuses, schedules (start and end), lanes, exclusive promotions, groups, classes that do
/// not combine and stops (on its items or on every lower lane), under <see cref="SelectionPolicy.BestForShopper"/>,
/// with any number of code slots, rounding rule and <see cref="EvaluationOptions.HideCodeStatus"/>. Not modelled (the
/// differential generator does not make them; the library's own properties cover them): compounding, strict
/// priority, weekly windows and zones, look-alike folding.
/// </remarks>
public static class ReferenceEvaluator
{
    /// <summary>The most unit assignments of one lane the reference enumerates before it calls a case too large.</summary>
    public const int MaxAssignments = 20_000;

    /// <summary>The most ways to give out code slots the engine searches (README: "past 64 ways the first entered take
    /// them").</summary>
    private const int MaxCodeChoices = 64;

    public static RefAnswer Evaluate(RefCase c)
    {
        try
        {
            return new Run(c).Answer();
        }
        catch (TooLargeException)
        {
            return new RefAnswer([], 0m, true, false);
        }
    }

    private sealed class TooLargeException : Exception
    {
    }

    /// <summary>A rejection as compared: promotion id, code and reason.</summary>
    private readonly record struct Rej(string? Id, string? Code, RejectionReason Reason);

    private sealed class UnitState
    {
        public required int Line { get; init; }

        public required int Index { get; init; }

        public decimal Left { get; set; }

        public List<(string Id, decimal Amount)> Adjustments { get; init; } = [];

        public string? ClaimedBy { get; set; }

        /// <summary>The promotion of a higher lane whose stop holds this unit.</summary>
        public string? StoppedBy { get; set; }

        public UnitState Clone() => new() { Line = Line, Index = Index, Left = Left, Adjustments = [.. Adjustments], ClaimedBy = ClaimedBy, StoppedBy = StoppedBy };

        public string Signature => string.Join(",", Adjustments.Select(a => $"{a.Id}:{N(a.Amount)}")) + (StoppedBy is null ? "" : "/" + StoppedBy);
    }

    private sealed class State
    {
        public required UnitState[][] Units { get; init; }

        public decimal ShippingLeft { get; set; }

        public decimal Item { get; set; }

        public decimal Order { get; set; }

        public decimal Shipping { get; set; }

        public List<(string Id, string? Code, decimal Amount)> Applied { get; init; } = [];

        public List<Rej> Rejections { get; init; } = [];

        /// <summary>The promotion that stopped every lower lane, if one did.</summary>
        public string? StoppedAll { get; set; }

        /// <summary>The stopping promotions of the lane being applied, in the order they applied, with the units they
        /// discounted: stops take effect below the lane.</summary>
        public List<(RefPromotion Promotion, List<(int Line, int Index)> Units)> LaneStops { get; init; } = [];

        public State Clone() => new()
        {
            StoppedAll = StoppedAll,
            Units = [.. Units.Select(line => line.Select(u => u.Clone()).ToArray())],
            ShippingLeft = ShippingLeft,
            Item = Item,
            Order = Order,
            Shipping = Shipping,
            Applied = [.. Applied],
            Rejections = [.. Rejections],
            LaneStops = [.. LaneStops.Select(x => (x.Promotion, x.Units.ToList()))],
        };

        public IEnumerable<UnitState> All => Units.SelectMany(u => u);
    }

    private sealed class Run(RefCase c)
    {
        private readonly Cart _cart = c.Cart;
        private readonly EvaluationOptions _options = c.Options;
        private readonly int _minor = c.Cart.Currency.MinorUnits;
        private readonly Dictionary<string, string> _codeOf = new(StringComparer.Ordinal); // promotion id -> code entered
        private readonly Dictionary<string, decimal?> _caps = new(StringComparer.Ordinal); // the cap, budget included

        /// <summary>Lines in canonical order: by line id.</summary>
        private readonly int[] _order = [.. Enumerable.Range(0, c.Cart.Lines.Length).OrderBy(i => c.Cart.Lines[i].LineId, StringComparer.Ordinal)];

        public RefAnswer Answer()
        {
            // 1. Codes, in the order entered: repeats ignored, unknown ones rejected, a second code of one promotion too.
            var codeRejections = new List<(int Entry, Rej Rejection)>();
            var entries = new Dictionary<string, int>(StringComparer.Ordinal);
            var entered = new List<RefPromotion>();
            foreach (var typed in c.Codes)
            {
                var code = Normalize(typed);
                if (!entries.TryAdd(code, entries.Count))
                {
                    continue;
                }

                var promotion = c.Promotions.FirstOrDefault(p => p.Codes.Any(pc => Normalize(pc) == code));
                if (promotion is null)
                {
                    codeRejections.Add((entries[code], new Rej(null, code, RejectionReason.UnknownCode)));
                }
                else if (_codeOf.ContainsKey(promotion.Id))
                {
                    codeRejections.Add((entries[code], new Rej(promotion.Id, code, RejectionReason.SamePromotionCodeEntered)));
                }
                else
                {
                    _codeOf[promotion.Id] = code;
                    entered.Add(promotion);
                }
            }

            // 2. The gate: entered promotions in the order entered, then the automatic ones that can concern the cart.
            var gateRejections = new List<Rej>();
            var coded = new List<RefPromotion>();
            foreach (var promotion in entered)
            {
                if (Gate(promotion) is { } reason)
                {
                    gateRejections.Add(Reject(promotion, reason));
                }
                else
                {
                    coded.Add(promotion);
                }
            }

            var automatic = new List<RefPromotion>();
            // README "What is listed as rejected": every automatic promotion when every rejection is listed; else only
            // those that concern the cart are gated (the others are not listed, whatever the gate would say).
            foreach (var promotion in c.Promotions.Where(p => !p.IsCoded && (_options.ListEveryRejection || Concerns(p))))
            {
                if (Gate(promotion) is { } reason)
                {
                    gateRejections.Add(Reject(promotion, reason));
                }
                else
                {
                    automatic.Add(promotion);
                }
            }

            foreach (var promotion in coded.Concat(automatic))
            {
                _caps[promotion.Id] = EffectiveCap(promotion);
            }

            // 3. The code slots: every way to give them out (past 64, the first entered), then every combination.
            var slots = _options.MaxCodesPerOrder;
            var fallback = false;
            List<List<RefPromotion>> choices;
            if (coded.Count <= slots)
            {
                choices = [coded];
            }
            else if (slots == 0)
            {
                choices = [[]];
            }
            else if (Choose(coded.Count, slots) > MaxCodeChoices)
            {
                choices = [coded.Take(slots).ToList()];
                fallback = true;
            }
            else
            {
                choices = Subsets(coded).Where(s => s.Count == slots).ToList();
            }

            // Lanes may tie (two assignments of units, or two orders of application, that save a lane the same) and
            // the README leaves the choice to the engine; the lanes below may then give different amounts. So each
            // combination reaches a set of outcomes, of which the engine takes one. The engine's outcome is one reached
            // by some combination, and its total is at most the lowest, over the combinations it must weigh (see
            // Required), of the highest total each can reach: with no tie, exactly the best of those.
            var upper = decimal.MaxValue;
            var reached = new List<(decimal Total, string Outcome)>();
            foreach (var choice in choices)
            {
                var rejections = new List<(int Entry, Rej Rejection)>(codeRejections);
                foreach (var promotion in coded.Where(p => !choice.Contains(p)))
                {
                    var code = _codeOf[promotion.Id];
                    rejections.Add((entries[code], new Rej(promotion.Id, code, RejectionReason.TooManyCodes)));
                }

                var admitted = automatic.Concat(choice).ToList();
                var required = Required(admitted);
                foreach (var scenario in Subsets(admitted).Where(Valid))
                {
                    var highest = decimal.MinValue;
                    foreach (var state in ApplyScenario(scenario, admitted))
                    {
                        var total = _cart.Subtotal.Amount - state.Item - state.Order + _cart.Shipping.Amount - state.Shipping;
                        highest = Math.Max(highest, total);
                        reached.Add((total, Describe(state, total, rejections, gateRejections, entries)));
                    }

                    if (required.Any(r => r.SetEquals(scenario)))
                    {
                        upper = Math.Min(upper, highest);
                    }
                }
            }

            var outcomes = reached.Where(r => r.Total <= upper).Select(r => r.Outcome).ToHashSet(StringComparer.Ordinal);
            var best = upper;
            return new RefAnswer(outcomes, best, false, fallback, reached.Count == 0 ? best : reached.Min(r => r.Total));
        }

        // ---- Codes --------------------------------------------------------------------------------------------------

        /// <summary>The generator types codes in ASCII, with any case and hyphens or spaces: normalized, those go.</summary>
        private static string Normalize(string typed) => new([.. typed.Where(ch => ch is not (' ' or '-')).Select(char.ToUpperInvariant)]);

        // ---- The gate ----------------------------------------------------------------------------------------------

        private Rej Reject(RefPromotion promotion, RejectionReason reason) => new(promotion.Id, _codeOf.GetValueOrDefault(promotion.Id), reason);

        /// <summary>Whether an automatic promotion concerns the cart (README, "What is listed as rejected"): it is active
        /// and inside its schedule, its amounts are in the cart's currency, some line passes its item filter, every
        /// restriction on the customer admits the cart, and every minimum subtotal or quantity it falls short of, the
        /// cart reaches at least the near-miss share of.</summary>
        private bool Concerns(RefPromotion promotion)
        {
            if (promotion.Status != PromotionStatus.Active
                || (promotion.StartInstant is { } start && c.At < start)
                || (promotion.EndInstant is { } end && c.At >= end)
                || !InCartCurrency(promotion))
            {
                return false;
            }

            var lines = _cart.Lines.Where(promotion.Filter.Matches).ToList();
            if (lines.Count == 0 || promotion.Restrictions.Any(r => r.OnCustomer && r.Fails(_cart, 0m, 0) is not null))
            {
                return false;
            }

            var subtotal = lines.Sum(l => l.UnitPrice.Amount * l.Quantity);
            var quantity = lines.Sum(l => l.Quantity);
            var share = _options.NearMissShare;
            return !promotion.Restrictions.Any(r => r switch
            {
                RefMinimumSubtotal minimum => subtotal < minimum.Amount * share,
                RefMinimumQuantity minimum => quantity < minimum.Quantity * share,
                _ => false,
            });
        }

        private bool InCartCurrency(RefPromotion promotion) =>
            !new[] { promotion.Discount.AmountCurrency, promotion.Cap is null ? null : promotion.Currency, promotion.Limits?.Budget is null ? null : promotion.Currency }
                .Concat(promotion.Restrictions.Select(r => r.AmountCurrency))
                .Any(cur => cur is { } x && x != _cart.Currency);

        /// <summary>The first reason, in the documented order: a code issued to another customer, status, schedule, currency, the customer's restrictions
        /// (as written), the usage limits (promotion, code, customer), the items (none qualify, then the cart's
        /// restrictions as written), and last a limit whose usage is unknown.</summary>
        private RejectionReason? Gate(RefPromotion promotion)
        {
            // A code issued to one customer: anyone else (a guest included) is told that alone.
            if (promotion.IssuedTo is { } owner && _codeOf.ContainsKey(promotion.Id) && owner != _cart.Customer.Id)
            {
                return RejectionReason.IssuedToAnotherCustomer;
            }

            if (promotion.Status == PromotionStatus.Paused)
            {
                return RejectionReason.Paused;
            }

            if (promotion.Status == PromotionStatus.Cancelled)
            {
                return RejectionReason.Cancelled;
            }

            if (promotion.StartInstant is { } start && c.At < start)
            {
                return RejectionReason.NotStarted;
            }

            if (promotion.EndInstant is { } end && c.At >= end)
            {
                return RejectionReason.Expired;
            }

            var currencies = new[] { promotion.Discount.AmountCurrency, promotion.Cap is null ? null : promotion.Currency, promotion.Limits?.Budget is null ? null : promotion.Currency }
                .Concat(promotion.Restrictions.Select(r => r.AmountCurrency));
            if (currencies.Any(cur => cur is { } x && x != _cart.Currency))
            {
                return RejectionReason.CurrencyNotSupported;
            }

            foreach (var restriction in promotion.Restrictions.Where(r => r.OnCustomer))
            {
                if (restriction.Fails(_cart, 0m, 0) is { } reason)
                {
                    return reason;
                }
            }

            var unavailable = false;
            if (promotion.Limits is { } limits || promotion.ClaimCodes is not null)
            {
                var total = promotion.Limits?.Total;
                var budget = promotion.Limits?.Budget;
                if (total is not null || budget is not null)
                {
                    if (c.Usage.Uses(promotion.Id) is not { } used)
                    {
                        unavailable = true;
                    }
                    else if (total is { } t && used >= t)
                    {
                        return RejectionReason.UsageLimitReached;
                    }
                    else if (budget is { } b && c.Usage.SpentBy(promotion.Id) is { } spent && spent >= b)
                    {
                        return RejectionReason.BudgetExhausted;
                    }
                }

                var perCode = promotion.ClaimCodes is not null ? 1 : promotion.Limits?.PerCode;
                if (perCode is { } codeLimit && _codeOf.TryGetValue(promotion.Id, out var code))
                {
                    if (c.Usage.Code(code) is not { } codeUses)
                    {
                        unavailable = true;
                    }
                    else if (codeUses >= codeLimit)
                    {
                        return promotion.ClaimCodes is not null ? RejectionReason.AlreadyRedeemed : RejectionReason.UsageLimitReached;
                    }
                }

                if (promotion.Limits?.PerCustomer is { } perCustomer)
                {
                    if (_cart.Customer.Id is not { } customer)
                    {
                        return RejectionReason.GuestNotAllowed;
                    }

                    if (c.Usage.Customer(promotion.Id, customer) is not { } customerUses)
                    {
                        unavailable = true;
                    }
                    else if (customerUses >= perCustomer)
                    {
                        return RejectionReason.CustomerLimitReached;
                    }
                }
            }

            var lines = _cart.Lines.Where(promotion.Filter.Matches).ToList();
            if (lines.Count == 0)
            {
                return RejectionReason.NoQualifyingItems;
            }

            var subtotal = lines.Sum(l => l.UnitPrice.Amount * l.Quantity);
            var quantity = lines.Sum(l => l.Quantity);
            foreach (var restriction in promotion.Restrictions.Where(r => !r.OnCustomer))
            {
                if (restriction.Fails(_cart, subtotal, quantity) is { } reason)
                {
                    return reason;
                }
            }

            return unavailable ? RejectionReason.UsageUnavailable : null;
        }

        /// <summary>The most a promotion may take: its cap, and with a hard budget what is left of it, when that could
        /// bind on this cart (README: "a hard budget is never offered past what is left of it").</summary>
        private decimal? EffectiveCap(RefPromotion promotion)
        {
            var cap = promotion.Cap;
            if (promotion.Limits is { Budget: { } budget, BudgetPolicy: BudgetPolicy.Hard })
            {
                var left = budget - (c.Usage.SpentBy(promotion.Id) ?? 0m);
                if (left < _cart.Subtotal.Amount + _cart.Shipping.Amount && (cap is null || cap > left))
                {
                    cap = left;
                }
            }

            return cap;
        }

        private decimal Capped(RefPromotion promotion, decimal exact) => _caps[promotion.Id] is { } cap && exact > cap ? cap : exact;

        // ---- Combinations ------------------------------------------------------------------------------------------

        /// <summary>The combinations the engine must weigh: every exclusive promotion alone, the others with one member of
        /// each group (README: "each is compared with the best combination of the others"; "of a group, at most one
        /// applies, the best"), and each of those without one promotion that moves value between units (a set price,
        /// a buy-X-get-Y, an amount off the order or an amount tier, a cap or hard budget) and is not a shipping
        /// discount (README: "such a promotion is left out when the order is cheaper without it"). The engine may find
        /// more (leaving several out), never less.</summary>
        private List<HashSet<RefPromotion>> Required(List<RefPromotion> admitted)
        {
            var exclusives = admitted.Where(p => p.Exclusive).ToList();
            var others = admitted.Where(p => !p.Exclusive).ToList();
            var full = new List<List<RefPromotion>>();
            if (others.Count > 0 || exclusives.Count == 0)
            {
                var combinations = new List<List<RefPromotion>> { others.Where(p => p.Group is null).ToList() };
                foreach (var group in others.Where(p => p.Group is not null).GroupBy(p => p.Group))
                {
                    combinations = [.. combinations.SelectMany(c => group.Select(member => c.Append(member).ToList()))];
                }

                full.AddRange(combinations);
            }

            // Classes: the largest sets of mutually combinable promotions (README: "the best combinable set wins"); a
            // promotion that stops lower lanes with and without it ("left out when the shopper is better off").
            full = [.. full.SelectMany(Combinable).SelectMany(WithAndWithoutStops)];
            full.AddRange(exclusives.Select(e => new List<RefPromotion> { e }));
            var required = new List<HashSet<RefPromotion>>();
            foreach (var combination in full)
            {
                required.Add([.. combination]);
                foreach (var mover in combination.Where(m => MovesValue(m) && combination.Any(later => Hurts(m, later))))
                {
                    required.Add([.. combination.Where(p => p != mover)]);
                }
            }

            return required;
        }

        private static IEnumerable<List<RefPromotion>> Combinable(List<RefPromotion> combination)
        {
            var conflicting = combination.Where(p => combination.Any(q => q != p && !p.CanCombineWith(q))).ToList();
            if (conflicting.Count == 0)
            {
                return [combination];
            }

            var settled = combination.Except(conflicting).ToList();
            return Subsets(conflicting)
                .Where(chosen => chosen.Count > 0 && chosen.All(p => chosen.All(q => p == q || p.CanCombineWith(q)))
                    && conflicting.All(p => chosen.Contains(p) || chosen.Any(q => !p.CanCombineWith(q))))
                .Select(chosen => settled.Concat(chosen).ToList());
        }

        private static IEnumerable<List<RefPromotion>> WithAndWithoutStops(List<RefPromotion> combination)
        {
            var stoppers = combination.Where(p => p.Stops != StopScope.None).ToList();
            return Subsets(stoppers).Select(kept => combination.Where(p => p.Stops == StopScope.None || kept.Contains(p)).ToList());
        }

        /// <summary>Whether a promotion comes after another (a lower lane, or the same lane's order discounts after its
        /// items), on a line the other can reach, and does not treat all items alike (README: the engine looks for a
        /// promotion that moves value "where a later promotion on their lines does not treat all items alike").</summary>
        private bool Hurts(RefPromotion mover, RefPromotion later)
        {
            var after = later.Priority < mover.Priority
                || (later.Priority == mover.Priority && mover.Discount is RefItemDiscount && later.Discount is RefOrderDiscount);
            var alike = later.Filter is RefAll && (later.Discount is RefOrderDiscount || (later.Discount is RefPercentOffItems && _caps[later.Id] is null));
            return after && !alike && later.Discount is not RefShipping && Lines(mover).Intersect(Lines(later)).Any();
        }

        private IEnumerable<int> Lines(RefPromotion promotion) =>
            Enumerable.Range(0, _cart.Lines.Length).Where(l => promotion.Filter.Matches(_cart.Lines[l]) || (promotion.Discount.GetItems?.Matches(_cart.Lines[l]) ?? false));

        private bool MovesValue(RefPromotion promotion) =>
            promotion.Discount is not RefShipping
            && (_caps[promotion.Id] is not null
                || promotion.Discount is RefFixedPrice or RefBuyXGetY or RefAmountOffOrder
                || (promotion.Discount is RefTiered tiered && tiered.Tiers.Any(t => t.AmountOff is not null)));

        /// <summary>Exclusive promotions apply alone; at most one promotion of a group; two apply together only when each
        /// combines with the other's class.</summary>
        private static bool Valid(List<RefPromotion> scenario) =>
            (scenario.Count <= 1 || !scenario.Any(p => p.Exclusive))
            && scenario.Where(p => p.Group is not null).GroupBy(p => p.Group).All(g => g.Count() == 1)
            && scenario.All(p => scenario.All(q => p == q || p.CanCombineWith(q)));

        private static IEnumerable<List<T>> Subsets<T>(List<T> items)
        {
            for (var mask = 0; mask < 1 << items.Count; mask++)
            {
                yield return [.. items.Where((_, i) => (mask & (1 << i)) != 0)];
            }
        }

        private static long Choose(int n, int k)
        {
            long ways = 1;
            for (var i = 0; i < k; i++)
            {
                ways = ways * (n - i) / (i + 1);
            }

            return ways;
        }

        private List<State> ApplyScenario(List<RefPromotion> scenario, List<RefPromotion> admitted)
        {
            var start = new State
            {
                Units = [.. _cart.Lines.Select((line, l) => Enumerable.Range(0, line.Quantity).Select(i => new UnitState { Line = l, Index = i, Left = line.UnitPrice.Amount }).ToArray())],
                ShippingLeft = _cart.Shipping.Amount,
            };
            var exclusiveWinner = scenario.Count == 1 && scenario[0].Exclusive;
            foreach (var promotion in admitted.Where(p => !scenario.Contains(p)))
            {
                var conflict = exclusiveWinner || promotion.Exclusive || scenario.Any(q => !q.CanCombineWith(promotion));
                start.Rejections.Add(Reject(promotion, conflict ? RejectionReason.NotCombinable : RejectionReason.BetterDealChosen));
            }

            var states = new List<State> { start };
            foreach (var lane in scenario.GroupBy(p => p.Priority).OrderByDescending(g => g.Key))
            {
                var promotions = lane.OrderBy(p => p.Id, StringComparer.Ordinal).ToList();
                var stopped = states.Where(s => s.StoppedAll is not null).ToList();
                foreach (var state in stopped)
                {
                    // README: with StopScope.AllLowerLanes nothing below it applies.
                    state.Rejections.AddRange(promotions.Select(p => Reject(p, RejectionReason.StoppedByHigherLane)));
                }

                var running = states.Where(s => s.StoppedAll is null).ToList();
                running = Distinct(running.SelectMany(s => ItemPhase(s, promotions.Where(p => p.Discount is RefItemDiscount).ToList())));
                running = Distinct(running.SelectMany(s => Sequences(s, promotions.Where(p => p.Discount is RefOrderDiscount).ToList(), ApplyOrder)));
                running = Distinct(running.SelectMany(s => Sequences(s, promotions.Where(p => p.Discount is RefShipping).ToList(), ApplyShipping)));
                foreach (var state in running)
                {
                    // Stops take effect below this lane: the units each stopping promotion discounted (README: "lower
                    // lanes leave alone the units the promotion discounted"), or everything.
                    foreach (var (promotion, units) in state.LaneStops)
                    {
                        if (promotion.Stops == StopScope.AllLowerLanes)
                        {
                            state.StoppedAll ??= promotion.Id;
                        }

                        foreach (var (line, index) in units)
                        {
                            state.Units[line][index].StoppedBy ??= promotion.Id;
                        }
                    }

                    state.LaneStops.Clear();
                }

                states = [.. stopped, .. running];
            }

            return states;
        }

        private static List<State> Distinct(IEnumerable<State> states)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            return [.. states.Where(s => seen.Add(Key(s)))];
        }

        private static string Key(State s) =>
            string.Join("|", s.Units.Select(line => string.Join(";", line.Select(u => $"{N(u.Left)}={u.Signature}").Order(StringComparer.Ordinal))))
            + $"#{N(s.ShippingLeft)}#{s.StoppedAll}#" + string.Join(";", s.Applied.Select(a => $"{a.Id}:{N(a.Amount)}"))
            + "#" + string.Join(";", s.Rejections.Select(r => $"{r.Id}:{r.Reason}").Order(StringComparer.Ordinal));

        // ---- Item discounts: every assignment of units to the lane's promotions ----------------------------------

        /// <summary>The units of a filter's lines that no stop holds.</summary>
        private List<UnitState> Eligible(State state, RefFilter filter) =>
            [.. _order.Where(l => filter.Matches(_cart.Lines[l])).SelectMany(l => state.Units[l]).Where(u => u.StoppedBy is null)];

        /// <summary>The promotion that stopped a filter's units, when every one of them is stopped.</summary>
        private string? StopperOf(State state, RefFilter filter)
        {
            var units = _order.Where(l => filter.Matches(_cart.Lines[l])).SelectMany(l => state.Units[l]).ToList();
            return units.Count > 0 && units.All(u => u.StoppedBy is not null) ? units[0].StoppedBy : null;
        }

        private static List<RefUnit> AsUnits(IEnumerable<UnitState> units) => [.. units.Select(u => new RefUnit(u.Line, u.Index, u.Left, u.Signature))];

        /// <summary>Every best assignment of the lane's units; a promotion whose share rounds to nothing gives up its
        /// units, and the lane is solved again without it (one at a time: the one saving least, then by id).</summary>
        private IEnumerable<State> ItemPhase(State state, List<RefPromotion> promotions)
        {
            if (promotions.Count == 0)
            {
                return [state];
            }

            return Solve(promotions);

            IEnumerable<State> Solve(List<RefPromotion> solving)
            {
                foreach (var best in BestAssignments(state, solving))
                {
                    // One at a time, the one saving least first, then by id.
                    var nothing = solving
                        .Select(p => (Promotion: p, Proposal: Propose(p, best[p])))
                        .Where(x => x.Proposal.Total > 0m && RoundDiscount(x.Proposal.Amounts.Sum(a => a.Unit.Left), Capped(x.Promotion, x.Proposal.Total)) <= 0m)
                        .OrderBy(x => Capped(x.Promotion, x.Proposal.Total)).ThenBy(x => x.Promotion.Id, StringComparer.Ordinal)
                        .Select(x => x.Promotion)
                        .FirstOrDefault();
                    if (nothing is not null)
                    {
                        foreach (var next in Solve([.. solving.Where(p => p != nothing)]))
                        {
                            yield return next;
                        }

                        continue;
                    }

                    foreach (var promotion in promotions.Where(p => !best.ContainsKey(p)))
                    {
                        best[promotion] = [];
                    }

                    yield return ApplyAssignment(state, promotions, best);
                }
            }
        }

        private List<Dictionary<RefPromotion, List<UnitState>>> BestAssignments(State state, List<RefPromotion> promotions)
        {
            if (promotions.Count == 0)
            {
                return [[]];
            }

            // Units alike (same line, price left and adjustments) form a class: how many of a class go to each
            // promotion is all that matters.
            var candidates = new Dictionary<UnitState, List<RefPromotion>>();
            foreach (var promotion in promotions)
            {
                var units = Eligible(state, promotion.Filter);
                if (promotion.Discount.GetItems is { } get)
                {
                    units = [.. units.Union(Eligible(state, get))];
                }

                foreach (var unit in units)
                {
                    (candidates.TryGetValue(unit, out var list) ? list : candidates[unit] = []).Add(promotion);
                }
            }

            var classes = candidates
                .GroupBy(kv => (kv.Key.Line, kv.Key.Left, kv.Key.Signature, string.Join(",", kv.Value.Select(p => p.Id))))
                .Select(g => (Units: g.Select(kv => kv.Key).OrderBy(u => u.Index).ToList(), Promotions: g.First().Value))
                .OrderBy(g => Array.IndexOf(_order, g.Units[0].Line)).ThenBy(g => g.Units[0].Index)
                .ToList();
            double count = 1;
            foreach (var (units, options) in classes)
            {
                count *= Compositions(units.Count, options.Count + 1);
            }

            if (count > MaxAssignments)
            {
                throw new TooLargeException();
            }

            var best = decimal.MinValue / 2m;
            var bests = new List<(decimal Value, Dictionary<RefPromotion, List<UnitState>> Assignment)>();
            var assignment = promotions.ToDictionary(p => p, _ => new List<UnitState>());
            void Assign(int k)
            {
                if (k == classes.Count)
                {
                    // README: exact savings within 10^-12 of each other count as equal.
                    var value = promotions.Sum(p => Capped(p, Propose(p, assignment[p]).Total));
                    if (value > best + Tie)
                    {
                        best = value;
                        bests.RemoveAll(b => b.Value < best - Tie);
                    }

                    if (value >= best - Tie)
                    {
                        bests.Add((value, assignment.ToDictionary(kv => kv.Key, kv => kv.Value.ToList())));
                    }

                    return;
                }

                var (units, options) = classes[k];
                foreach (var split in Splits(units.Count, options.Count + 1))
                {
                    var taken = 0;
                    for (var o = 0; o < options.Count; o++)
                    {
                        assignment[options[o]].AddRange(units.Skip(taken).Take(split[o]));
                        taken += split[o];
                    }

                    Assign(k + 1);
                    for (var o = 0; o < options.Count; o++)
                    {
                        assignment[options[o]].RemoveRange(assignment[options[o]].Count - split[o], split[o]);
                    }
                }
            }

            Assign(0);
            return [.. bests.Where(b => b.Value >= best - Tie).Select(b => b.Assignment)];
        }

        private const decimal Tie = 0.000000000001m;

        private RefProposal Propose(RefPromotion promotion, List<UnitState> units)
        {
            var discount = (RefItemDiscount)promotion.Discount;
            var canonical = units.OrderBy(u => Array.IndexOf(_order, u.Line)).ThenBy(u => u.Index).ToList();
            var qualifying = canonical.Where(u => promotion.Filter.Matches(_cart.Lines[u.Line])).ToList();
            var get = discount.GetItems is { } filter ? canonical.Where(u => filter.Matches(_cart.Lines[u.Line])).ToList() : qualifying;
            return discount.Propose(AsUnits(qualifying), AsUnits(get));
        }

        private RefProposal ProposeAlone(State state, RefPromotion promotion)
        {
            var units = Eligible(state, promotion.Filter);
            if (promotion.Discount.GetItems is { } get)
            {
                units = [.. units.Union(Eligible(state, get))];
            }

            return Propose(promotion, units);
        }

        private State ApplyAssignment(State before, List<RefPromotion> promotions, Dictionary<RefPromotion, List<UnitState>> assignment)
        {
            var state = before.Clone();
            foreach (var unit in state.All)
            {
                unit.ClaimedBy = null;
            }

            UnitState Find(RefUnit u) => state.Units[u.Line][u.Index];
            var proposals = promotions.ToDictionary(p => p, p => Propose(p, assignment[p].Select(u => before.Units[u.Line][u.Index]).ToList()));
            var winners = promotions.Where(p => proposals[p].Total > 0m).ToList();
            var applied = new HashSet<RefPromotion>();
            foreach (var promotion in winners)
            {
                var proposal = proposals[promotion];
                var capped = Capped(promotion, proposal.Total);
                var left = proposal.Amounts.Sum(a => a.Unit.Left);
                var rounded = RoundDiscount(left, capped);
                if (rounded <= 0m)
                {
                    continue;
                }

                Spread(state, promotion, [.. proposal.Amounts.Select(a => (Find(a.Unit), a.Amount))], rounded);
                foreach (var unit in proposal.Claimed.Concat(proposal.Amounts.Select(a => a.Unit)))
                {
                    Find(unit).ClaimedBy ??= promotion.Id;
                }

                state.Item += rounded;
                state.Applied.Add((promotion.Id, _codeOf.GetValueOrDefault(promotion.Id), rounded));
                applied.Add(promotion);
            }

            foreach (var promotion in promotions.Where(p => !applied.Contains(p)))
            {
                // What it would have saved alone, on the prices the lane began with (a winner that rounded to nothing:
                // on what is left now).
                var alone = winners.Contains(promotion) ? ProposeAlone(state, promotion) : ProposeAlone(before, promotion);
                var amount = Capped(promotion, alone.Total);
                RejectionReason reason;
                if (amount <= 0m && StopperOf(state, promotion.Filter) is not null)
                {
                    reason = RejectionReason.StoppedByHigherLane;
                }
                else if (amount > 0m && WinnerOver(state, promotion) is not null)
                {
                    reason = RejectionReason.BetterDealChosen;
                }
                else if (amount > 0m)
                {
                    reason = RejectionReason.NothingToDiscount;
                }
                else if (alone.Missing > 0)
                {
                    reason = RejectionReason.MinimumQuantityNotMet;
                }
                else
                {
                    reason = RejectionReason.NothingToDiscount;
                }

                state.Rejections.Add(Reject(promotion, reason));
            }

            return state;
        }

        /// <summary>The promotion that took most of the units a loser could have used.</summary>
        private string? WinnerOver(State state, RefPromotion loser)
        {
            var lines = _order.Where(l => loser.Filter.Matches(_cart.Lines[l]) || (loser.Discount.GetItems?.Matches(_cart.Lines[l]) ?? false));
            return lines.SelectMany(l => state.Units[l]).Where(u => u.ClaimedBy is not null)
                .GroupBy(u => u.ClaimedBy!).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => g.Key).FirstOrDefault();
        }

        private static double Compositions(int units, int parts)
        {
            // C(units + parts - 1, parts - 1)
            double result = 1;
            for (var i = 1; i < parts; i++)
            {
                result = result * (units + i) / i;
            }

            return result;
        }

        private static IEnumerable<int[]> Splits(int units, int parts)
        {
            var split = new int[parts];
            IEnumerable<int[]> Fill(int at, int left)
            {
                if (at == parts - 1)
                {
                    split[at] = left;
                    yield return split;
                    yield break;
                }

                for (var n = 0; n <= left; n++)
                {
                    split[at] = n;
                    foreach (var s in Fill(at + 1, left - n))
                    {
                        yield return s;
                    }
                }
            }

            return Fill(0, units);
        }

        // ---- Order and shipping discounts: every order of application -------------------------------------------

        private IEnumerable<State> Sequences(State state, List<RefPromotion> promotions, Func<State, RefPromotion, decimal> apply)
        {
            if (promotions.Count == 0)
            {
                return [state];
            }

            // README: uncapped percentages (tiers of percentages alike) keep the order "most taken off alone (exactly,
            // before rounding) first, then smaller id" among themselves; only the others' places among them are searched.
            var canonical = promotions.Where(Commutes)
                .OrderByDescending(p => AloneExact(state, p))
                .ThenBy(p => p.Id, StringComparer.Ordinal)
                .ToList();
            var best = decimal.MinValue;
            var results = new List<State>();
            foreach (var order in Permutations(promotions).Where(o => o.Where(Commutes).SequenceEqual(canonical)))
            {
                var next = state.Clone();
                var saving = order.Sum(p => apply(next, p));
                if (saving > best)
                {
                    best = saving;
                    results.Clear();
                }

                if (saving == best)
                {
                    results.Add(next);
                }
            }

            return results;
        }

        /// <summary>What a promotion alone would take off now, exactly (before rounding).</summary>
        private decimal AloneExact(State state, RefPromotion promotion)
        {
            if (promotion.Discount is RefShipping shipping)
            {
                return _cart.Shipping.Amount == 0m ? 0m : shipping.Amount(state.ShippingLeft);
            }

            var discount = (RefOrderDiscount)promotion.Discount;
            var lines = _order.Where(l => promotion.Filter.Matches(_cart.Lines[l])).ToList();
            var original = lines.Sum(l => _cart.Lines[l].UnitPrice.Amount * _cart.Lines[l].Quantity);
            var quantity = lines.Sum(l => _cart.Lines[l].Quantity);
            var left = lines.Sum(l => state.Units[l].Where(u => u.StoppedBy is null).Sum(u => u.Left));
            return discount.NotReached(original, quantity) is null ? discount.Amount(left, original, quantity) : 0m;
        }

        /// <summary>An uncapped percentage off the order or shipping, or tiers of percentages only.</summary>
        private bool Commutes(RefPromotion promotion) => _caps[promotion.Id] is null && promotion.Discount switch
        {
            RefPercentOffOrder => true,
            RefTiered tiered => tiered.Tiers.All(t => t.AmountOff is null),
            RefShipping shipping => shipping.Percent is not null,
            _ => false,
        };

        private static IEnumerable<List<T>> Permutations<T>(List<T> items)
        {
            if (items.Count <= 1)
            {
                yield return items;
                yield break;
            }

            for (var i = 0; i < items.Count; i++)
            {
                var rest = items.Where((_, j) => j != i).ToList();
                foreach (var tail in Permutations(rest))
                {
                    yield return [items[i], .. tail];
                }
            }
        }

        private decimal ApplyOrder(State state, RefPromotion promotion)
        {
            var discount = (RefOrderDiscount)promotion.Discount;
            var lines = _order.Where(l => promotion.Filter.Matches(_cart.Lines[l])).ToList();
            var original = lines.Sum(l => _cart.Lines[l].UnitPrice.Amount * _cart.Lines[l].Quantity);
            var quantity = lines.Sum(l => _cart.Lines[l].Quantity);
            if (discount.NotReached(original, quantity) is { } reason)
            {
                state.Rejections.Add(Reject(promotion, reason));
                return 0m;
            }

            var left = lines.Sum(l => state.Units[l].Where(u => u.StoppedBy is null).Sum(u => u.Left));
            var rounded = RoundDiscount(left, Capped(promotion, discount.Amount(left, original, quantity)));
            if (rounded <= 0m)
            {
                state.Rejections.Add(Reject(promotion, StopperOf(state, promotion.Filter) is not null ? RejectionReason.StoppedByHigherLane : RejectionReason.NothingToDiscount));
                return 0m;
            }

            // Over the qualifying items (lines alike in all but id and quantity are one item) by what is left of them,
            // then over each item's units by what is left of each.
            var items = new List<List<int>>();
            foreach (var line in lines)
            {
                if (items.FirstOrDefault(item => Alike(_cart.Lines[item[0]], _cart.Lines[line])) is { } item)
                {
                    item.Add(line);
                }
                else
                {
                    items.Add([line]);
                }
            }

            var shares = LargestRemainder(rounded, [.. items.Select(item => item.Sum(l => state.Units[l].Where(u => u.StoppedBy is null).Sum(u => u.Left)))]);
            for (var i = 0; i < items.Count; i++)
            {
                if (shares[i] > 0m)
                {
                    Spread(state, promotion, [.. items[i].SelectMany(l => state.Units[l]).Where(u => u.StoppedBy is null).Select(u => (u, u.Left))], shares[i]);
                }
            }

            state.Order += rounded;
            state.Applied.Add((promotion.Id, _codeOf.GetValueOrDefault(promotion.Id), rounded));
            return rounded;
        }

        private static bool Alike(CartLine a, CartLine b) =>
            a.Sku == b.Sku && a.UnitPrice.Amount == b.UnitPrice.Amount && a.Brand == b.Brand
            && a.Categories.SequenceEqual(b.Categories) && a.Tags.SequenceEqual(b.Tags)
            && a.Attributes.Count == b.Attributes.Count && a.Attributes.All(kv => b.Attributes.TryGetValue(kv.Key, out var v) && v == kv.Value);

        private decimal ApplyShipping(State state, RefPromotion promotion)
        {
            if (_cart.Shipping.Amount == 0m)
            {
                state.Rejections.Add(Reject(promotion, RejectionReason.NothingToDiscount));
                return 0m;
            }

            var rounded = RoundDiscount(state.ShippingLeft, Capped(promotion, ((RefShipping)promotion.Discount).Amount(state.ShippingLeft)));
            if (rounded <= 0m)
            {
                state.Rejections.Add(Reject(promotion, RejectionReason.NothingToDiscount));
                return 0m;
            }

            state.ShippingLeft -= rounded;
            state.Shipping += rounded;
            if (promotion.Stops != StopScope.None)
            {
                state.LaneStops.Add((promotion, []));
            }

            state.Applied.Add((promotion.Id, _codeOf.GetValueOrDefault(promotion.Id), rounded));
            return rounded;
        }

        // ---- Money: rounding once per application, largest remainder --------------------------------------------

        /// <summary>README: "the amount left to pay is rounded to the minor unit".</summary>
        private decimal RoundDiscount(decimal left, decimal exact) => left - Math.Round(left - exact, _minor, _options.Rounding);

        private decimal Unit => 1m / Pow10(_minor);

        private static decimal Pow10(int n)
        {
            var result = 1m;
            for (var i = 0; i < n; i++)
            {
                result *= 10m;
            }

            return result;
        }

        /// <summary>Largest remainder in minor units: each part its exact share rounded down, the units left over one
        /// each by larger remainder, then larger weight, then earlier part.</summary>
        private decimal[] LargestRemainder(decimal amount, decimal[] weights)
        {
            var perMajor = Pow10(_minor);
            var total = amount * perMajor;
            var sum = weights.Sum();
            var floors = new decimal[weights.Length];
            var remainders = new decimal[weights.Length];
            for (var i = 0; i < weights.Length; i++)
            {
                // Exact: q = floor(total * w / sum), r = total * w - q * sum (no division error in r).
                var product = total * weights[i];
                var q = decimal.Floor(product / sum);
                var r = product - (q * sum);
                while (r < 0m)
                {
                    q -= 1m;
                    r += sum;
                }

                while (r >= sum)
                {
                    q += 1m;
                    r -= sum;
                }

                floors[i] = q;
                remainders[i] = r;
            }

            var leftover = total - floors.Sum();
            foreach (var i in Enumerable.Range(0, weights.Length).OrderByDescending(i => remainders[i]).ThenByDescending(i => weights[i]).ThenBy(i => i))
            {
                if (leftover <= 0m)
                {
                    break;
                }

                floors[i] += 1m;
                leftover -= 1m;
            }

            return [.. floors.Select(f => f / perMajor)];
        }

        /// <summary>Spreads a rounded amount over units by weight (largest remainder, weights taken to 12 decimals),
        /// never past what is left of a unit: what a unit cannot take goes to the next units that can, in order.</summary>
        private void Spread(State state, RefPromotion promotion, List<(UnitState Unit, decimal Weight)> weighted, decimal amount)
        {
            var weights = weighted.Select(w => Math.Round(w.Weight, 12)).ToArray();
            if (weights.All(w => w == 0m))
            {
                weights = [.. weighted.Select(w => w.Weight)];
            }

            var shares = LargestRemainder(amount, weights);
            var excess = 0m;
            for (var i = 0; i < shares.Length; i++)
            {
                if (shares[i] > weighted[i].Unit.Left)
                {
                    excess += shares[i] - weighted[i].Unit.Left;
                    shares[i] = weighted[i].Unit.Left;
                }
            }

            for (var i = 0; i < shares.Length && excess > 0m; i++)
            {
                var room = weighted[i].Unit.Left - shares[i];
                var take = Math.Min(room, excess);
                shares[i] += take;
                excess -= take;
            }

            if (excess > 0m)
            {
                throw new InvalidOperationException($"Reference: {promotion.Id} spread more than its units hold.");
            }

            List<(int Line, int Index)>? stops = null;
            if (promotion.Stops != StopScope.None)
            {
                var at = state.LaneStops.FindIndex(x => x.Promotion == promotion);
                if (at < 0)
                {
                    state.LaneStops.Add((promotion, []));
                    at = state.LaneStops.Count - 1;
                }

                stops = state.LaneStops[at].Units;
            }

            for (var i = 0; i < shares.Length; i++)
            {
                if (shares[i] > 0m)
                {
                    weighted[i].Unit.Left -= shares[i];
                    weighted[i].Unit.Adjustments.Add((promotion.Id, shares[i]));
                    stops?.Add((weighted[i].Unit.Line, weighted[i].Unit.Index));
                }
            }
        }

        // ---- The outcome ---------------------------------------------------------------------------------------

        private string Describe(State state, decimal total, List<(int Entry, Rej Rejection)> codeRejections, List<Rej> gateRejections, Dictionary<string, int> entries)
        {
            var byEntry = codeRejections.OrderBy(r => r.Entry).ToList();
            var rejections = gateRejections.Concat(state.Rejections).ToList();
            if (_options.HideCodeStatus)
            {
                // Every unusable code reads as unknown (a code that could not be checked: try again); nothing else is
                // said of a promotion entered by code.
                byEntry = [.. byEntry.Select(r => (r.Entry, new Rej(null, r.Rejection.Code, RejectionReason.UnknownCode)))];
                var listed = byEntry.Select(r => r.Entry).ToHashSet();
                foreach (var rejection in rejections.Where(r => r.Code is not null))
                {
                    if (listed.Add(entries[rejection.Code!]))
                    {
                        byEntry.Add((entries[rejection.Code!], new Rej(null, rejection.Code,
                            rejection.Reason == RejectionReason.UsageUnavailable ? RejectionReason.UsageUnavailable : RejectionReason.UnknownCode)));
                    }
                }

                rejections.RemoveAll(r => r.Code is not null);
            }

            var units = state.Units.Select(line => line.Select(u => (u.Left, u.Adjustments)).ToList()).ToList();
            return RefOutcome.Canonical(
                total, state.Item, state.Order, state.Shipping,
                state.Applied.Select(a => (a.Id, a.Code, a.Amount)),
                _cart.Lines.Select((line, l) => (line.LineId, units[l])),
                byEntry.OrderBy(r => r.Entry).Select(r => (r.Rejection.Id, r.Rejection.Code, r.Rejection.Reason)).Concat(rejections.Select(r => (r.Id, r.Code, r.Reason))));
        }

        internal static string N(decimal d) => RefOutcome.N(d);
    }

    private static string N(decimal d) => RefOutcome.N(d);
}

/// <summary>The canonical text of an outcome, from the reference's state or from an engine's result, so the two compare
/// as strings: totals; applied promotions by id with code and amount; each line's discount, its amount per promotion
/// and its units (as a sorted multiset of what each pays and was given: units of a line are interchangeable); and the
/// rejections as a sorted multiset of (promotion, code, reason).</summary>
public static class RefOutcome
{
    public static string N(decimal d) => (d / 1.0000000000000000000000000000m).ToString(CultureInfo.InvariantCulture);

    public static string Canonical(
        decimal total,
        decimal item,
        decimal order,
        decimal shipping,
        IEnumerable<(string Id, string? Code, decimal Amount)> applied,
        IEnumerable<(string LineId, List<(decimal Left, List<(string Id, decimal Amount)> Adjustments)> Units)> lines,
        IEnumerable<(string? Id, string? Code, RejectionReason Reason)> rejections)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"total {N(total)} (items -{N(item)}, order -{N(order)}, shipping -{N(shipping)})\n");
        text.Append("applied: ").Append(string.Join(", ", applied.OrderBy(a => a.Id, StringComparer.Ordinal).Select(a => $"{a.Id}[{a.Code}] -{N(a.Amount)}"))).Append('\n');
        foreach (var (lineId, units) in lines)
        {
            var discount = units.Sum(u => u.Adjustments.Sum(a => a.Amount));
            var perPromotion = units.SelectMany(u => u.Adjustments).GroupBy(a => a.Id).OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => $"{g.Key} -{N(g.Sum(a => a.Amount))}");
            // A unit: what it pays and what it was given in all. Which of a line's alike units carries which
            // promotion's leftover minor unit follows how the engine cuts its runs of units, which the README leaves
            // open; the line's amount per promotion above is compared whole.
            var unitTexts = units.Select(u => $"{N(u.Left)}(-{N(u.Adjustments.Sum(a => a.Amount))})").Order(StringComparer.Ordinal);
            text.Append(CultureInfo.InvariantCulture, $"{lineId}: -{N(discount)} [{string.Join(", ", perPromotion)}] units {string.Join(" ", unitTexts)}\n");
        }

        text.Append("rejected: ").Append(string.Join(", ", rejections.Select(r => $"{r.Id}[{r.Code}] {r.Reason}").Order(StringComparer.Ordinal)));
        return text.ToString();
    }

    public static string Of(EvaluationResult result) => Canonical(
        result.Total.Amount,
        result.ItemDiscounts.Amount,
        result.OrderDiscounts.Amount,
        result.ShippingDiscount.Amount,
        result.Applied.Select(a => (a.PromotionId.Value, a.Code, a.Amount.Amount)),
        result.Lines.Select(l => (l.LineId, l.Units.Select(u => (u.Final.Amount, u.Adjustments.Select(a => (a.PromotionId.Value, a.Amount.Amount)).ToList())).ToList())),
        result.Rejected.Select(r => (r.PromotionId?.Value, r.Code, r.Reason)));
}
