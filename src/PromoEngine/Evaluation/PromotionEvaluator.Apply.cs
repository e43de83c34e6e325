using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using PromoEngine.Internal;

namespace PromoEngine;

public sealed partial class PromotionEvaluator
{
    private sealed partial class Run
    {
        private void ApplyLane(List<Promotion> lane)
        {
            if (_stoppedAll is { } stopper)
            {
                foreach (var promotion in lane)
                {
                    _rejections.Add(Reject(promotion, RejectionReason.StoppedByHigherLane,
                        $"{stopper.Name} applied and stops every promotion after it.") with { Winner = stopper.Id });
                }

                return;
            }

            lane = MeetingThresholdsAfterHigherLanes(lane);
            var laneRejections = _rejections.Count;
            _laneStops?.Clear();
            Pool.ClearClaims();
            var items = OfClass(lane, DiscountClass.Item);
            if (items.Count > 0)
            {
                ApplyItemPromotions(items);
            }

            var order = OfClass(lane, DiscountClass.Order);
            if (order.Count > 0)
            {
                foreach (var promotion in Sequence(order, OrderAloneAmount, OrderSequenceSaving, p => Scope(p).Lines))
                {
                    ApplyOrderPromotion(promotion);
                }
            }

            // Shipping promotions, and the shipping parts of this lane's promotions that applied or came to nothing on
            // items already free (one promotion, one use).
            var shipping = OfClass(lane, DiscountClass.Shipping);
            var ownShipping = shipping.Count;
            foreach (var promotion in lane)
            {
                if (promotion.Discount.Class != DiscountClass.Shipping && ShippingPartOf(promotion, laneRejections) is { } part)
                {
                    if (ReferenceEquals(shipping, NoPromotions))
                    {
                        shipping = [];
                    }

                    shipping.Add(part);
                }
            }

            if (shipping.Count > 0)
            {
                // Once shipping is free, every shipping promotion saves nothing in any order, and the search would put
                // them in the lane's order (by id): they take their turns so, unsearched. (Shipping parts come after the
                // lane's own, and the search would merge them by id: then it runs.)
                var turns = _shippingRemaining == 0m && shipping.Count == ownShipping
                    ? shipping
                    : Sequence(shipping, ShippingAloneAmount, ShippingSequenceSaving, null);
                foreach (var promotion in turns)
                {
                    ApplyShippingPromotion(promotion);
                }
            }

            WithdrawRejectionsOfEmptyParts();

            // Stops take effect below this lane: promotions of the same lane are not affected.
            if (_laneStops is null)
            {
                return;
            }

            foreach (var (promotion, units) in _laneStops)
            {
                if (promotion.Stops == StopScope.AllLowerLanes)
                {
                    _stoppedAll ??= promotion;
                }

                foreach (var span in units)
                {
                    foreach (var piece in Pool.Cover(span))
                    {
                        piece.StoppedBy ??= promotion;
                    }
                }
            }
        }

        /// <summary>The stops of the lane being applied (emptied as each lane begins); made for the first stop.</summary>
        private List<(Promotion Promotion, List<Span> Units)>? _laneStops;

        /// <summary>The empty list <see cref="OfClass"/> gives when a lane has no promotion of a class; never added to.</summary>
        private static readonly List<Promotion> NoPromotions = [];

        /// <summary>A lane's promotions of one class, in the lane's order; an empty list shared by all when there is none
        /// (add to it only after making a list of one's own).</summary>
        private static List<Promotion> OfClass(List<Promotion> lane, DiscountClass discountClass)
        {
            // Counted first, so the list is made at its size.
            var count = 0;
            foreach (var promotion in lane)
            {
                count += promotion.Discount.Class == discountClass ? 1 : 0;
            }

            if (count == 0)
            {
                return NoPromotions;
            }

            var result = new List<Promotion>(count);
            foreach (var promotion in lane)
            {
                if (promotion.Discount.Class == discountClass)
                {
                    result.Add(promotion);
                }
            }

            return result;
        }

        /// <summary>The lane's promotions whose thresholds measured after higher lanes hold on what the lanes above
        /// left; the others are rejected with their shortfall.</summary>
        private List<Promotion> MeetingThresholdsAfterHigherLanes(List<Promotion> lane)
        {
            List<Promotion>? kept = null; // made for the first promotion rejected
            for (var i = 0; i < lane.Count; i++)
            {
                if (CheckThresholdsAfterHigherLanes(lane[i]) is { } rejection)
                {
                    _rejections.Add(rejection);
                    kept ??= lane.GetRange(0, i);
                }
                else
                {
                    kept?.Add(lane[i]);
                }
            }

            return kept ?? lane;
        }

        private void ApplyItemPromotions(List<Promotion> promotions)
        {
            if (promotions.Count == 0)
            {
                return;
            }

            var own = new LaneCandidate[promotions.Count];
            for (var i = 0; i < own.Length; i++)
            {
                var p = promotions[i];
                var qualifying = FreeUnits(p.QualifyingItems);
                var get = p.Discount.GetItems is { } getItems ? FreeUnits(getItems) : qualifying;
                own[i] = new LaneCandidate(p, qualifying, get);
            }

            LaneCandidate OwnOf(Promotion promotion) => own[promotions.IndexOf(promotion)];

            // Promotions that compound with each other compete as one stack; the rest one by one.
            var stacks = Stacks(promotions);
            List<LaneCandidate> candidates;
            Dictionary<Promotion, StackDiscount>? stackOf = null; // made for the first stack
            if (stacks is null)
            {
                candidates = [.. own];
            }
            else
            {
                var stacked = stacks.SelectMany(s => s).ToHashSet();
                candidates = [.. own.Where(c => !stacked.Contains(c.Promotion))];
                stackOf = [];
                foreach (var members in stacks)
                {
                    var discount = new StackDiscount(members.Select(m => (m, new SpanSet(OwnOf(m).Qualifying))).ToList(), Options.Compounding);
                    var units = members.SelectMany(m => OwnOf(m).Qualifying).Distinct().Order(Comparer<Span>.Create(Pool.CompareCanonical)).ToList();
                    var stack = Promotion.Create("~" + string.Join("+", members.Select(m => m.Id)), "stack").Giving(discount).Build();
                    stackOf[stack] = discount;
                    candidates.Add(new LaneCandidate(stack, units, units));
                }
            }

            // Winners first, larger saving first; then every other promotion learns why it did not apply. A winner
            // whose amount rounds to nothing would apply nothing while holding units another could use: the lane is
            // solved again without it (rare: it takes units whose exact saving is below half a minor unit). So is a
            // promotion given units on which it saves nothing at all: the solver may give it units on a tie (a capped
            // promotion saves as much without them, and the smallest id comes first), and held, they would be kept
            // from the capped one for nothing (README: a share that rounds to nothing gives its units back).
            var winners = new List<(LaneCandidate Candidate, ItemProposal Proposal, decimal Exact)>(candidates.Count);
            var solving = candidates;
            var capped = _capped ??= Capped;
            while (true)
            {
                var solution = Options.Selection == SelectionPolicy.StrictPriority
                    ? LaneSolver.SolveInOrder(Pool, solving.OrderBy(c => c.Promotion.Id), capped)
                    : LaneSolver.Solve(Pool, solving, capped);
                _usedFallback |= solution.UsedFallback;
                winners.Clear();
                LaneCandidate? nothing = null; // the one to solve again without, when one holds units for nothing
                var nothingSaving = 0m;
                foreach (var candidate in solving)
                {
                    if (solution.Sets.TryGetValue(candidate.Promotion, out var units))
                    {
                        // The solver's own proposal when it was made on the very units this one would be (the units
                        // given cover every unit the candidate may use), else a proposal on the units given.
                        var proposal = solution.ProposalOn(candidate);
                        if (proposal is null)
                        {
                            var set = new SpanSet(units);
                            var qualifying = set.Intersect(candidate.Qualifying);
                            var get = candidate.Discount.GetItems is null ? qualifying : set.Intersect(candidate.Get);
                            proposal = candidate.Discount.Propose(Pool, qualifying, get);
                        }

                        var proposed = proposal.Total;
                        if (proposed > 0m)
                        {
                            winners.Add((candidate, proposal, proposed));
                        }
                        else if (units.Count > 0 && stackOf?.ContainsKey(candidate.Promotion) != true
                            && (nothing is null || candidate.Promotion.Id.CompareTo(nothing.Promotion.Id) < 0))
                        {
                            // It saves nothing on the units it was given: it goes first (it saves least), by id.
                            nothing = candidate;
                        }
                    }
                }

                // One at a time, the one saving least first (then by id): with its units back, another may no longer
                // round to nothing.
                foreach (var (candidate, proposal, exact) in winners)
                {
                    if (stackOf?.ContainsKey(candidate.Promotion) == true || !RoundsToNothing(candidate.Promotion, proposal, exact))
                    {
                        continue;
                    }

                    var saving = Capped(candidate.Promotion, exact);
                    if (nothing is null || saving < nothingSaving || (saving == nothingSaving && candidate.Promotion.Id.CompareTo(nothing.Promotion.Id) < 0))
                    {
                        (nothing, nothingSaving) = (candidate, saving);
                    }
                }

                if (nothing is null)
                {
                    break;
                }

                solving = [.. solving.Where(c => c != nothing)];
            }

            // What each loser would have saved alone, on the prices before this lane's winners apply.
            List<(Promotion Promotion, ItemProposal Proposal)>? alone = null; // made for the first loser
            foreach (var promotion in promotions)
            {
                if (!IsWinning(winners, stackOf, promotion))
                {
                    var candidate = OwnOf(promotion);
                    (alone ??= []).Add((promotion, candidate.Discount.Propose(Pool, candidate.Qualifying, candidate.Get)));
                }
            }

            // Larger saving first, then by id (a total order: ids are unique).
            if (winners.Count > 1)
            {
                winners.Sort((a, b) =>
            {
                    var bySaving = Capped(b.Candidate.Promotion, b.Exact).CompareTo(Capped(a.Candidate.Promotion, a.Exact));
                    return bySaving != 0 ? bySaving : Promotion.CompareIds(a.Candidate.Promotion, b.Candidate.Promotion);
                });
            }

            var applied = new List<Promotion>(promotions.Count);
            foreach (var (candidate, proposal, exact) in winners)
            {
                if (stackOf is not null && stackOf.TryGetValue(candidate.Promotion, out var stack))
                {
                    ApplyStack(stack, proposal.Claimed, applied);
                }
                else if (ApplyItemProposal(candidate.Promotion, proposal, exact))
                {
                    applied.Add(candidate.Promotion);
                }
            }

            if (applied.Count == promotions.Count)
            {
                return;
            }

            // The others by id (a lane's promotions come in id order: then as they come).
            var others = new List<Promotion>(promotions.Count - applied.Count);
            foreach (var promotion in promotions)
            {
                if (!applied.Contains(promotion))
                {
                    others.Add(promotion);
                }
            }

            IdSort.ById(others);
            foreach (var promotion in others)
            {
                // A winner that rounded to nothing (or a stack member that added nothing) is judged on its own units.
                ItemProposal? proposal = null;
                foreach (var (loser, lost) in alone ?? [])
                {
                    if (loser == promotion)
                    {
                        proposal = lost;
                        break;
                    }
                }

                if (proposal is null)
                {
                    var candidate = OwnOf(promotion);
                    proposal = candidate.Discount.Propose(Pool, candidate.Qualifying, candidate.Get);
                }

                RejectEmptyItemProposal(promotion, proposal, Capped(promotion, proposal.Total));
            }
        }

        /// <summary>The cap as a delegate, made once per run (the lane solver takes it for every lane).</summary>
        private Func<Promotion, decimal, decimal>? _capped;

        /// <summary>Whether a promotion won in this lane: alone, or as a member of a stack that won.</summary>
        private static bool IsWinning(
            List<(LaneCandidate Candidate, ItemProposal Proposal, decimal Exact)> winners,
            Dictionary<Promotion, StackDiscount>? stackOf,
            Promotion promotion)
        {
            foreach (var (candidate, _, _) in winners)
            {
                if (candidate.Promotion == promotion)
                {
                    return true;
                }

                if (stackOf is not null && stackOf.TryGetValue(candidate.Promotion, out var stack))
                {
                    foreach (var (member, _) in stack.Members)
                    {
                        if (member == promotion)
                        {
                            return true;
                        }
                    }
                }
            }

            return false;
        }

        /// <summary>Whether an item application would round to nothing on the prices now left.</summary>
        private bool RoundsToNothing(Promotion promotion, ItemProposal proposal, decimal exact) =>
            RoundDiscount(Pool.Left(proposal.Amounts), Capped(promotion, exact)) <= 0m;

        /// <summary>Rounds, allocates and records one item application; false when it rounds to nothing.</summary>
        private bool ApplyItemProposal(Promotion promotion, ItemProposal proposal, decimal exact)
        {
            var capped = Capped(promotion, exact);
            var rounded = RoundDiscount(Pool.Left(proposal.Amounts), capped);
            if (rounded <= 0m)
            {
                return false;
            }

            ApplyToUnits(promotion, proposal.Amounts, rounded);
            foreach (var span in proposal.Claimed)
            {
                foreach (var piece in Pool.Cover(span))
                {
                    piece.ClaimedBy ??= promotion;
                }
            }

            _itemDiscounts += rounded;
            RecordApplied(promotion, rounded, proposal.Nominal ?? exact, exact, capped, proposal.Floored);
            return true;
        }

        /// <summary>Applies the members of a compounding stack on its units, each as its own application, in the stack's
        /// order. Which members go on a unit is the stack's choice; each amount is taken from what the members before
        /// it really left (rounded), not from the exact figures the lane was solved with.</summary>
        private void ApplyStack(StackDiscount stack, List<Span> units, List<Promotion> applied)
        {
            var start = Pool.Read(units);
            var members = start.Select(p => stack.OnUnits(p.Span, p.Remaining).Where(m => m.Amount > 0m).Select(m => m.Promotion).ToHashSet()).ToArray();
            foreach (var (member, _) in stack.Members)
            {
                var discount = (ItemDiscount)member.Discount;
                var proposal = new ItemProposal { Nominal = 0m };
                for (var i = 0; i < start.Count; i++)
                {
                    if (!members[i].Contains(member))
                    {
                        continue;
                    }

                    // What the members before it left may differ from unit to unit by a cent of their allocation.
                    foreach (var part in Pool.Read([start[i].Span]))
                    {
                        var basis = Options.Compounding == CompoundingMode.Sequential ? part.Remaining : start[i].Remaining;
                        var amount = Math.Min(discount.MostPerUnit(basis), part.Remaining);
                        if (amount > 0m)
                        {
                            proposal.Discount(part, amount);
                            proposal.Nominal += discount.NominalPerUnit(basis) * part.Count;
                        }
                    }
                }

                if (proposal.Total > 0m && ApplyItemProposal(member, proposal, proposal.Total))
                {
                    if (!applied.Contains(member))
                    {
                        applied.Add(member);
                    }
                }
            }
        }

        /// <summary>The groups of a lane's promotions that compound with one another (two or more each), by id.</summary>
        private static List<List<Promotion>>? Stacks(List<Promotion> promotions)
        {
            if (!promotions.Exists(p => p.CompoundsWithAll || !p.CompoundsWith.IsEmpty))
            {
                return null;
            }

            var compounding = promotions.Where(p => p.CompoundsWithAll || !p.CompoundsWith.IsEmpty).OrderBy(p => p.Id).ToList();
            var stacks = new List<List<Promotion>>();
            var seen = new HashSet<Promotion>();
            foreach (var seed in compounding)
            {
                if (!seen.Add(seed))
                {
                    continue;
                }

                var stack = new List<Promotion> { seed };
                for (var i = 0; i < stack.Count; i++)
                {
                    foreach (var other in compounding.Where(o => !seen.Contains(o) && stack[i].Compounds(o)))
                    {
                        seen.Add(other);
                        stack.Add(other);
                    }
                }

                if (stack.Count > 1)
                {
                    stacks.Add([.. stack.OrderBy(p => p.Id)]);
                }
            }

            return stacks.Count == 0 ? null : stacks;
        }

        /// <summary>The units of a filter's lines that no promotion of this lane took and no stop holds.</summary>
        private List<Span> FreeUnits(ItemFilter filter)
        {
            var lines = MatchingLines(filter);
            var units = new List<Span>(lines.Length);
            foreach (var lineIndex in lines)
            {
                if (!Pool.IsTouched(lineIndex))
                {
                    // A line as it came is one run of free units.
                    units.Add(new Span(lineIndex, 0, _cart.Lines[lineIndex].Quantity));
                    continue;
                }

                var pieces = Pool.PiecesOf(lineIndex);
                for (var i = 0; i < pieces.Count; i++)
                {
                    var piece = pieces[i];
                    if (piece.ClaimedBy is null && piece.StoppedBy is null)
                    {
                        units.Add(new Span(lineIndex, piece.Start, piece.Count));
                    }
                }
            }

            return units;
        }

        private void RejectEmptyItemProposal(Promotion promotion, ItemProposal proposal, decimal aloneAmount)
        {
            if (aloneAmount <= 0m && StopperOf(promotion.QualifyingItems) is { } stopper)
            {
                _rejections.Add(Reject(promotion, RejectionReason.StoppedByHigherLane,
                    $"{stopper.Name} applied to the same items and stops the promotions after it.") with { Winner = stopper.Id });
                return;
            }

            if (aloneAmount > 0m && WinnerOver(promotion) is { } winner)
            {
                // It would have saved something alone: the units it needed went to a promotion that saved more.
                var why = Options.Selection == SelectionPolicy.StrictPriority
                    ? $"{winner.Name} comes first in the rule order for the same items."
                    : $"A better deal was chosen: {winner.Name} saves more on the same items.";
                _rejections.Add(Reject(promotion, RejectionReason.BetterDealChosen, why) with
                {
                    Winner = winner.Id,
                    AloneAmount = M(aloneAmount),
                });
                return;
            }

            if (aloneAmount > 0m)
            {
                _rejections.Add(Reject(promotion, RejectionReason.NothingToDiscount,
                    $"{promotion.Name} comes to less than {M(_currency.MinorUnit)} on this cart."));
                return;
            }

            if (proposal.MissingGift is { } gift)
            {
                _rejections.Add(AddGift(promotion, gift.Sku, gift.Quantity));
                return;
            }

            if (proposal.MissingQuantity > 0)
            {
                _rejections.Add(AddItems(promotion, proposal.MissingQuantity));
                return;
            }

            _rejections.Add(Reject(promotion, RejectionReason.NothingToDiscount, $"The items {promotion.Name} targets are free already."));
        }

        /// <summary>The promotion that took most of the units the loser could have used (to buy or to discount).</summary>
        private Promotion? WinnerOver(Promotion loser)
        {
            var lines = MatchingLines(loser.QualifyingItems).AsEnumerable();
            if (loser.Discount.GetItems is { } getItems)
            {
                lines = lines.Union(MatchingLines(getItems));
            }

            // Implementation note: a loser's lines are held by a few winners, counted in a short list.
            var counts = new List<(Promotion Owner, int Units)>();
            foreach (var lineIndex in lines)
            {
                foreach (var piece in Pool.PiecesOf(lineIndex))
                {
                    if (piece.ClaimedBy is { } owner)
                    {
                        var at = 0;
                        while (at < counts.Count && counts[at].Owner != owner)
                        {
                            at++;
                        }

                        if (at == counts.Count)
                        {
                            counts.Add((owner, piece.Count));
                        }
                        else
                        {
                            counts[at] = (owner, counts[at].Units + piece.Count);
                        }
                    }
                }
            }

            // Most units, then the smallest id.
            Promotion? winner = null;
            var most = 0;
            foreach (var (owner, units) in counts)
            {
                if (winner is null || units > most || (units == most && Promotion.CompareIds(owner, winner) < 0))
                {
                    (winner, most) = (owner, units);
                }
            }

            return winner;
        }

        /// <summary>The promotion that stopped a filter's units, when every one of them is stopped.</summary>
        private Promotion? StopperOf(ItemFilter filter)
        {
            Promotion? stopper = null;
            foreach (var lineIndex in MatchingLines(filter))
            {
                foreach (var piece in Pool.PiecesOf(lineIndex))
                {
                    if (piece.StoppedBy is not { } by)
                    {
                        return null;
                    }

                    stopper ??= by;
                }
            }

            return stopper;
        }

        private decimal Capped(Promotion promotion, decimal exact) =>
            promotion.MaxDiscount is { } cap && exact > cap.Amount ? cap.Amount : exact;

        /// <summary>What is left of a promotion's qualifying lines, what they cost at first, and how many units they hold.</summary>
        private (decimal Remaining, decimal Original, int Quantity, int[] Lines) Qualifying(Promotion promotion)
        {
            var (original, quantity, lines) = Scope(promotion);
            var remaining = 0m;
            foreach (var lineIndex in lines)
            {
                remaining += LineLeft(lineIndex);
            }

            return (remaining, original, quantity, lines);
        }

        /// <summary>A promotion's qualifying lines, what they cost at first and how many units they hold.</summary>
        /// <remarks>Implementation note: these depend on the promotion's filter alone, so promotions that share one (every
        /// promotion on all items) share them: they were once worked out and kept for each promotion, a tenth of the
        /// realistic mix's time when a hundred free-shipping promotions measured the same lines.</remarks>
        private (decimal Original, int Quantity, int[] Lines) Scope(Promotion promotion)
        {
            var lines = MatchingLines(promotion.QualifyingItems);
            var (original, quantity) = TotalsOf(promotion.QualifyingItems);
            return (original, quantity, lines);
        }

        /// <summary>What a filter's lines cost before discounts and how many units they hold, summed in the canonical
        /// order; remembered for a filter of many lines (the gate asks it of every promotion, and many share a filter:
        /// every item), summed again for a few (cheaper than a look-up).</summary>
        private (decimal Subtotal, int Quantity) TotalsOf(ItemFilter filter)
        {
            if (ReferenceEquals(filter, _lastTotalsFilter))
            {
                return _lastTotals;
            }

            _lastTotalsFilter = filter;
            return _lastTotals = SumTotalsOf(filter);
        }

        /// <summary>The filter <see cref="TotalsOf"/> answered last (asked for again by the next check), and its totals.</summary>
        private ItemFilter? _lastTotalsFilter;

        private (decimal Subtotal, int Quantity) _lastTotals;

        private (decimal Subtotal, int Quantity) SumTotalsOf(ItemFilter filter)
        {
            var lines = MatchingLines(filter);
            if (lines.Length <= RememberedTotalsFrom)
            {
                return Totals(lines);
            }

            var totals = _totals ??= new(ReferenceEqualityComparer.Instance);
            if (!totals.TryGetValue(filter, out var found))
            {
                totals[filter] = found = Totals(lines);
            }

            return found;

            (decimal Subtotal, int Quantity) Totals(int[] lines)
            {
                var subtotal = 0m;
                var quantity = 0;
                foreach (var lineIndex in lines)
                {
                    var line = _cart.Lines[lineIndex];
                    subtotal += line.Total.Amount;
                    quantity += line.Quantity;
                }

                return (subtotal, quantity);
            }
        }

        /// <summary>The fewest lines whose totals <see cref="TotalsOf"/> remembers.</summary>
        private const int RememberedTotalsFrom = 4;

        /// <summary>The totals of <see cref="TotalsOf"/> by filter, made for the first.</summary>
        private Dictionary<ItemFilter, (decimal Subtotal, int Quantity)>? _totals;

        /// <summary>What is left to pay of a line's units that no stop holds.</summary>
        private decimal LineLeft(int lineIndex)
        {
            var left = 0m;
            var pieces = Pool.PiecesOf(lineIndex);
            for (var i = 0; i < pieces.Count; i++)
            {
                var piece = pieces[i];
                if (piece.StoppedBy is null)
                {
                    left += piece.Remaining * piece.Count;
                }
            }

            return left;
        }

        private decimal ItemLeft(List<int> lines)
        {
            var left = 0m;
            foreach (var line in lines)
            {
                left += LineLeft(line);
            }

            return left;
        }

        private decimal OrderAloneAmount(Promotion promotion)
        {
            // Short of its first tier (reached on prices before discounts), it takes nothing whatever is left: what is left
            // of its lines is not summed (most of a large catalog's tiered promotions on a cart).
            var discount = (OrderDiscount)promotion.Discount;
            var (original, quantity, _) = Scope(promotion);
            if (discount.Reach(original, quantity) is { First: not null })
            {
                return 0m;
            }

            var (remaining, _, _, _) = Qualifying(promotion);
            return Capped(promotion, discount.Amount(remaining, original, quantity));
        }

        private void ApplyOrderPromotion(Promotion promotion)
        {
            var discount = (OrderDiscount)promotion.Discount;
            var (remaining, original, quantity, lines) = Qualifying(promotion);
            if (discount.Reach(original, quantity) is { } reach)
            {
                if (reach.First is { } first)
                {
                    _rejections.Add(MissTier(promotion, reach.Basis, original, quantity, first));
                    return;
                }

                if (reach.Next is { } next)
                {
                    HintNextTier(promotion, reach.Basis, original, quantity, next);
                }
            }

            var exact = discount.Amount(remaining, original, quantity);
            var capped = Capped(promotion, exact);
            var rounded = RoundDiscount(remaining, capped);
            if (rounded <= 0m)
            {
                _rejections.Add(StopperOf(promotion.QualifyingItems) is { } stopper
                    ? Reject(promotion, RejectionReason.StoppedByHigherLane, $"{stopper.Name} applied to the same items and stops the promotions after it.") with { Winner = stopper.Id }
                    : Reject(promotion, RejectionReason.NothingToDiscount, $"Nothing is left to discount for {promotion.Name}."));
                return;
            }

            // Allocated over the qualifying items (lines alike in all but id and quantity count as one) by what is left
            // of them, then over each item's units likewise. When no two lines are alike, the items are the lines.
            var items = Pool.LinesAreItems ? null : Pool.ByItem(lines);
            var itemLeft = new decimal[items?.Count ?? lines.Length];
            for (var i = 0; i < itemLeft.Length; i++)
            {
                itemLeft[i] = items is null ? LineLeft(lines[i]) : ItemLeft(items[i]);
            }

            // Each item's units are read as parts straight from its lines' pieces, each weighing what is left of it (as
            // reading each piece's units would).
            var itemShares = Spread(rounded, itemLeft);
            var parts = _weightedParts ??= [];
            for (var i = 0; i < itemLeft.Length; i++)
            {
                if (itemShares[i].IsZero)
                {
                    continue;
                }

                parts.Clear();
                if (items is null)
                {
                    AddParts(lines[i]);
                }
                else
                {
                    foreach (var line in items[i])
                    {
                        AddParts(line);
                    }
                }

                ApplyToParts(promotion, parts, itemShares[i].Amount);
            }

            void AddParts(int line)
            {
                foreach (var piece in Pool.PiecesOf(line))
                {
                    if (piece.StoppedBy is null && piece.Count > 0)
                    {
                        parts.Add((new Part(new Span(line, piece.Start, piece.Count), piece.Remaining), piece.Remaining));
                    }
                }
            }

            _orderDiscounts += rounded;
            RecordApplied(promotion, rounded, discount.Nominal(remaining, original, quantity), exact, capped);
        }

        private Rejection MissTier(Promotion promotion, TierBasis basis, decimal original, int quantity, Tier first)
        {
            if (basis == TierBasis.Subtotal)
            {
                return SpendMore(promotion, M(first.Threshold - original), RejectionReason.MinimumSubtotalNotMet);
            }

            return AddItems(promotion, (int)Math.Ceiling(first.Threshold - quantity));
        }

        private void HintNextTier(Promotion promotion, TierBasis basis, decimal original, int quantity, Tier next, string? of = null)
        {
            // The message is formatted when read (most are not).
            if (basis == TierBasis.Subtotal)
            {
                var shortfall = M(next.Threshold - original);
                Hints.Add(new NearMissHint(promotion.Id, HintKind.SpendMore, shortfall, null,
                    () => $"Spend {shortfall} more on qualifying items to get {What(next, of)} with {promotion.Name}."));
            }
            else
            {
                var missing = (int)Math.Ceiling(next.Threshold - quantity);
                Hints.Add(new NearMissHint(promotion.Id, HintKind.AddItems, null, missing,
                    () => string.Create(CultureInfo.InvariantCulture, $"Add {missing} more qualifying item{(missing == 1 ? string.Empty : "s")} to get {What(next, of)} with {promotion.Name}.")));
            }

            static string What(Tier next, string? of)
            {
                var what = next.PercentOff is { } p ? string.Create(CultureInfo.InvariantCulture, $"{p}% off") : $"{next.AmountOff} off";
                return of is null ? what : what + " " + of;
            }
        }

        private decimal ShippingAloneAmount(Promotion promotion) => ShippingAmount(promotion, _shippingRemaining);

        /// <summary>What a shipping promotion takes off (capped, exact) when this much of shipping is left.</summary>
        private decimal ShippingAmount(Promotion promotion, decimal left)
        {
            var discount = (ShippingDiscount)promotion.Discount;
            var (original, quantity) = ShippingScope(promotion, discount);
            return Capped(promotion, discount.Amount(left, original, quantity));
        }

        /// <summary>The qualifying subtotal and quantity a shipping discount reads; zero for one that reads neither, so
        /// its items are not measured (and no scope is made) for it.</summary>
        private (decimal Original, int Quantity) ShippingScope(Promotion promotion, ShippingDiscount discount)
        {
            if (!discount.MeasuresItems)
            {
                return (0m, 0);
            }

            var (original, quantity, _) = Scope(promotion);
            return (original, quantity);
        }

        /// <summary>The shipping part of a promotion whose own part applied in this run, or came to nothing because
        /// nothing is left of its items (<see cref="RejectionReason.NothingToDiscount"/> in this lane: the promotion
        /// passed every gate), with what is left of its cap; <see langword="null"/> when it has none, did not apply for
        /// any other reason, or its cap is used up.</summary>
        /// <param name="promotion">An item or order promotion of the lane.</param>
        /// <param name="laneRejections">How many rejections there were when the lane's item promotions began.</param>
        private Promotion? ShippingPartOf(Promotion promotion, int laneRejections)
        {
            if (promotion.Discount.ShippingPart(0m) is null)
            {
                // Most discounts have no shipping part, whatever their own part took: nothing to look up.
                return null;
            }

            var taken = 0m;
            var applied = false;
            foreach (var a in AppliedSoFar)
            {
                if (a.PromotionId == promotion.Id)
                {
                    taken += a.Amount.Amount;
                    applied = true;
                }
            }

            var empty = applied ? null : EmptyPartRejection(promotion, laneRejections);
            if ((!applied && empty is null) || promotion.Discount.ShippingPart(taken) is not { } discount)
            {
                return null;
            }

            Money? cap = promotion.MaxDiscount is { } c ? M(c.Amount - taken) : null;
            if (cap is { Amount: <= 0m })
            {
                return null;
            }

            var part = promotion.AsShippingPart(discount, cap);
            (_shippingParts ??= new(ReferenceEqualityComparer.Instance)).Add(part);
            if (_budgetCapped?.Contains(promotion) == true)
            {
                _budgetCapped.Add(part);
            }

            if (empty is not null)
            {
                (_emptyParts ??= []).Add((promotion.Id, empty));
            }

            return part;
        }

        /// <summary>The rejection this lane gave a promotion whose own part came to nothing on what is left of its
        /// items; <see langword="null"/> when it was rejected for anything else, or not in this lane.</summary>
        private Rejection? EmptyPartRejection(Promotion promotion, int laneRejections)
        {
            for (var i = laneRejections; i < _rejections.Count; i++)
            {
                if (_rejections[i].PromotionId == promotion.Id)
                {
                    return _rejections[i].Reason == RejectionReason.NothingToDiscount ? _rejections[i] : null;
                }
            }

            return null;
        }

        /// <summary>The promotions of this lane whose own part came to nothing but whose shipping part was made, with
        /// the rejection of their own part; emptied at the end of each lane.</summary>
        private List<(PromotionId Id, Rejection Rejection)>? _emptyParts;

        /// <summary>A promotion whose own part came to nothing but whose shipping part applied is applied, not rejected:
        /// its own part's rejection is withdrawn. When the shipping part did not apply either, the rejection stands.</summary>
        private void WithdrawRejectionsOfEmptyParts()
        {
            if (_emptyParts is not { Count: > 0 })
            {
                return;
            }

            foreach (var (id, rejection) in _emptyParts)
            {
                var applied = false;
                foreach (var a in AppliedSoFar)
                {
                    applied |= a.PromotionId == id;
                }

                if (!applied)
                {
                    continue;
                }

                for (var i = _rejections.Count - 1; i >= 0; i--)
                {
                    if (ReferenceEquals(_rejections[i], rejection))
                    {
                        _rejections.RemoveAt(i);
                        break;
                    }
                }
            }

            _emptyParts.Clear();
        }

        /// <summary>The shipping parts made in this run: they never add a rejection (their promotion applied).</summary>
        private HashSet<Promotion>? _shippingParts;

        private bool IsShippingPart(Promotion promotion) => _shippingParts?.Contains(promotion) == true;

        private void ApplyShippingPromotion(Promotion promotion)
        {
            if (_cart.Shipping.IsZero && IsShippingPart(promotion))
            {
                return;
            }

            if (_cart.Shipping.IsZero)
            {
                _rejections.Add(Reject(promotion, RejectionReason.NothingToDiscount, "There is no shipping charge to discount."));
                return;
            }

            var discount = (ShippingDiscount)promotion.Discount;
            var (original, quantity) = ShippingScope(promotion, discount);
            if (discount.Reach(original, quantity) is { } reach)
            {
                if (reach.First is { } first)
                {
                    if (!IsShippingPart(promotion))
                    {
                        _rejections.Add(MissTier(promotion, reach.Basis, original, quantity, first));
                    }

                    return;
                }

                if (reach.Next is { } next)
                {
                    HintNextTier(promotion, reach.Basis, original, quantity, next, "shipping");
                }
            }

            if (_shippingRemaining == 0m)
            {
                // Nothing left: every shipping discount takes nothing of nothing.
                if (!IsShippingPart(promotion))
                {
                    _rejections.Add(Reject(promotion, RejectionReason.NothingToDiscount, FreeAlready));
                }

                return;
            }

            var shippingBefore = _shippingRemaining;
            var exact = discount.Amount(shippingBefore, original, quantity);
            var capped = Capped(promotion, exact);
            var rounded = RoundDiscount(_shippingRemaining, capped);
            if (rounded <= 0m)
            {
                if (!IsShippingPart(promotion))
                {
                    _rejections.Add(Reject(promotion, RejectionReason.NothingToDiscount, FreeAlready));
                }

                return;
            }

            _shippingRemaining -= rounded;
            _shippingDiscount += rounded;
            if (promotion.Stops != StopScope.None)
            {
                (_laneStops ??= []).Add((promotion, []));
            }

            RecordApplied(promotion, rounded, discount.Nominal(shippingBefore, original, quantity), exact, capped);
        }

        private const string FreeAlready = "Shipping is free already.";

        /// <summary>The shares of the split over parts when each unit takes its own weight: every weight whole minor units
        /// (of a currency of at most <see cref="Allocation.WeightDecimals"/> places), the weights times their counts adding
        /// up to the amount (nothing was rounded away), as
        /// <see cref="Allocation.OverRuns"/> gives them then (each part whole, at its weight in its fewest places);
        /// <see langword="null"/> otherwise, or under the test switch <see cref="PromotionEvaluator.SplitEveryShare"/>.</summary>
        /// <remarks>Implementation note: most applications of item discounts are so (10 % of 12.50 is 1.25 a unit, and
        /// the rounded amount is their sum); the split's working arrays and list cost more than the application's own
        /// work. The list is reused from call to call.</remarks>
        private List<Allocation.Run>? OwnShares(List<(Part Part, decimal Weight)> parts, decimal amount)
        {
            var minorUnits = _currency.MinorUnits;
            // Past the weights' places (Allocation.WeightDecimals) the split rounds weights first, and may not give
            // each unit its own: it decides.
            if (_evaluator.SplitEveryShare || minorUnits > Allocation.WeightDecimals
                || !Allocation.TryMinorUnits(amount, minorUnits, out var target, out _))
            {
                return null;
            }

            // Each part's share is made as its weight is read (the list is dropped when the weights do not add up).
            var shares = _ownShares ??= [];
            shares.Clear();
            long sum = 0;
            for (var i = 0; i < parts.Count; i++)
            {
                var (part, weight) = parts[i];
                if (!Allocation.TryMinorUnits(weight, minorUnits, out var each, out _) || each > (long.MaxValue / 4 - sum) / Math.Max(1, part.Count))
                {
                    return null;
                }

                sum += each * part.Count;
                if (part.Count > 0)
                {
                    shares.Add(new Allocation.Run(i, Decimals.DividedByPowerOfTen(each, minorUnits), part.Count));
                }
            }

            return sum == target && sum != 0 ? shares : null;
        }

        /// <summary>The shares of the split over one part (<see cref="Allocation.OverOneRun"/>, its weight quantized as the
        /// split's are), in the list <see cref="OwnShares"/> fills; <see langword="null"/> when the general split
        /// decides.</summary>
        private List<Allocation.Run>? OneRunShares((Part Part, decimal Weight) part, decimal amount)
        {
            Span<(int Count, decimal Weight)> run = [(part.Part.Count, part.Weight)];
            Allocation.Quantize(run);
            return Allocation.OverOneRun(M(amount), run[0], _ownShares ??= []);
        }

        /// <summary>The list <see cref="OwnShares"/> and <see cref="OneRunShares"/> fill, reused.</summary>
        private List<Allocation.Run>? _ownShares;

        /// <summary>The parts <see cref="ApplyToUnits"/> spreads over, with their weights; reused from call to call.</summary>
        private List<(Part Part, decimal Weight)>? _weightedParts;

        /// <summary>The shares one call of <see cref="ApplyToUnits"/> recorded, each as first recorded; reused.</summary>
        private List<decimal>? _shareAmounts;

        /// <summary>Spreads a rounded amount over units by weights (one weight for each unit of a span), never past what
        /// is left of a unit, and records it.</summary>
        private void ApplyToUnits(Promotion promotion, List<(Span Units, decimal Weight)> weighted, decimal amount)
        {
            // Cut where units now differ (a promotion of the same stack may have left a cent more on some).
            var parts = _weightedParts ??= [];
            parts.Clear();
            foreach (var (units, weight) in weighted)
            {
                Pool.Read(units, weight, parts);
            }

            ApplyToParts(promotion, parts, amount);
        }

        /// <summary><see cref="ApplyToUnits"/> on units read as parts, each with its weight.</summary>
        private void ApplyToParts(Promotion promotion, List<(Part Part, decimal Weight)> parts, decimal amount)
        {
            // One part (an item's units at one price: every share of an order discount over its items) is split evenly
            // over its units whatever its weight, which is what OwnShares would give when the units take their own.
            var shares = parts.Count == 1 ? OneRunShares(parts[0], amount) : OwnShares(parts, amount);
            if (shares is null)
            {
                var runs = parts.Count <= 64 ? stackalloc (int Count, decimal Weight)[parts.Count] : new (int Count, decimal Weight)[parts.Count];
                for (var i = 0; i < runs.Length; i++)
                {
                    runs[i] = (parts[i].Part.Count, parts[i].Weight);
                }

                // Parts whose weights did not add up to the amount (OwnShares said so) are split without trying that
                // again; the list OwnShares dropped is filled.
                Allocation.Quantize(runs);
                shares = Allocation.OverRuns(M(amount), runs, _ownShares ??= [], tryWhole: parts.Count == 1 || _evaluator.SplitEveryShare);
            }

            // Implementation note: largest remainder keeps each unit's share within one minor unit of its exact share,
            // and the shares never exceed what is left of a unit, but for the rounding of the whole: what a unit
            // cannot take goes to the next units that can, in order, so "never below zero" holds by construction.
            var excess = 0m;
            for (var i = 0; i < shares.Count; i++)
            {
                var room = parts[shares[i].Part].Part.Remaining;
                if (shares[i].Share > room)
                {
                    excess += (shares[i].Share - room) * shares[i].Count;
                    shares[i] = shares[i] with { Share = room };
                }
            }

            for (var i = 0; i < shares.Count && excess > 0m; i++)
            {
                var run = shares[i];
                var room = parts[run.Part].Part.Remaining - run.Share;
                if (room <= 0m)
                {
                    continue;
                }

                if (excess >= room * run.Count)
                {
                    shares[i] = run with { Share = run.Share + room };
                    excess -= room * run.Count;
                    continue;
                }

                // Whole units take all the room they have, the next one the rest, and the others nothing more.
                var full = (int)decimal.Floor(excess / room);
                var rest = excess - (room * full);
                var moved = new List<Allocation.Run>(3);
                if (full > 0)
                {
                    moved.Add(run with { Share = run.Share + room, Count = full });
                }

                if (rest > 0m)
                {
                    moved.Add(run with { Share = run.Share + rest, Count = 1 });
                }

                var untouched = run.Count - full - (rest > 0m ? 1 : 0);
                if (untouched > 0)
                {
                    moved.Add(run with { Count = untouched });
                }

                shares.RemoveAt(i);
                shares.InsertRange(i, moved);
                excess = 0m;
            }

            if (excess > 0m)
            {
                throw new InvalidOperationException($"Internal error: {promotion.Id} allocated more than its units hold.");
            }

            List<Span>? stops = null;
            if (promotion.Stops != StopScope.None)
            {
                var laneStops = _laneStops ??= [];
                var index = laneStops.FindIndex(s => s.Promotion == promotion);
                if (index < 0)
                {
                    laneStops.Add((promotion, []));
                    index = laneStops.Count - 1;
                }

                stops = laneStops[index].Units;
            }

            // Each run of shares is the next units of its part.
            var offsets = parts.Count <= 64 ? stackalloc int[parts.Count] : new int[parts.Count];
            offsets.Clear();
            var shareAmounts = _shareAmounts ??= []; // each share as first recorded
            shareAmounts.Clear();
            foreach (var (part, share, count) in shares)
            {
                var span = parts[part].Part.Span.Slice(offsets[part], count);
                offsets[part] += count;
                if (share == 0m)
                {
                    continue;
                }

                stops?.Add(span);
                // Equal shares are recorded as the first of them (as one adjustment shared by its units would be).
                var at = shareAmounts.IndexOf(share);
                if (at < 0)
                {
                    at = shareAmounts.Count;
                    shareAmounts.Add(share);
                }

                var recorded = shareAmounts[at];

                var adjustment = new UnitAdjustment(promotion.Id, promotion.Discount.Class, recorded);
                foreach (var piece in Pool.Cover(span))
                {
                    piece.Remaining -= share;
                    piece.AddAdjustment(adjustment);
                }
            }
        }
    }
}
