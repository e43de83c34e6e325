using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

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

            var stopsAfterLane = new List<(Promotion Promotion, List<int> Units)>();
            _laneStops = stopsAfterLane;
            var claimedBy = new Promotion?[_pool.Count];
            ApplyItemPromotions(lane.Where(p => p.Discount is ItemDiscount).ToList(), claimedBy);

            foreach (var promotion in Sequence(lane.Where(p => p.Discount is OrderDiscount), OrderAloneAmount, OrderSequenceSaving, p => Scope(p).Lines))
            {
                ApplyOrderPromotion(promotion);
            }

            foreach (var promotion in Sequence(lane.Where(p => p.Discount is ShippingDiscount), ShippingAloneAmount, ShippingSequenceSaving, null))
            {
                ApplyShippingPromotion(promotion);
            }

            // Stops take effect below this lane: promotions of the same lane are not affected.
            foreach (var (promotion, units) in stopsAfterLane)
            {
                if (promotion.Stops == StopScope.AllLowerLanes)
                {
                    _stoppedAll ??= promotion;
                }

                foreach (var unit in units)
                {
                    _stoppedBy[unit] ??= promotion;
                }
            }
        }

        private List<(Promotion Promotion, List<int> Units)> _laneStops = [];

        private void ApplyItemPromotions(List<Promotion> promotions, Promotion?[] claimedBy)
        {
            if (promotions.Count == 0)
            {
                return;
            }

            var own = promotions.ToDictionary(p => p, p =>
            {
                var qualifying = FreeUnits(p.QualifyingItems, claimedBy);
                var get = ((ItemDiscount)p.Discount).GetItems is { } getItems ? FreeUnits(getItems, claimedBy) : qualifying;
                return new LaneCandidate(p, qualifying, get);
            });

            // Promotions that compound with each other compete as one stack; the rest one by one.
            var stacks = Stacks(promotions);
            var stacked = stacks.SelectMany(s => s).ToHashSet();
            var candidates = promotions.Where(p => !stacked.Contains(p)).Select(p => own[p]).ToList();
            var stackOf = new Dictionary<Promotion, StackDiscount>();
            foreach (var members in stacks)
            {
                var discount = new StackDiscount(members.Select(m => (m, own[m].Qualifying.ToHashSet())).ToList(), Options.Compounding);
                var units = members.SelectMany(m => own[m].Qualifying).Distinct().Order().ToList();
                var stack = Promotion.Create("~" + string.Join("+", members.Select(m => m.Id)), "stack").Giving(discount).Build();
                stackOf[stack] = discount;
                candidates.Add(new LaneCandidate(stack, units, units));
            }

            var solution = Options.Selection == SelectionPolicy.StrictPriority
                ? LaneSolver.SolveInOrder(_pool, candidates.OrderBy(c => c.Promotion.Id), Capped)
                : LaneSolver.Solve(_pool, candidates, Capped);
            _usedFallback |= solution.UsedFallback;

            // Winners first, larger saving first; then every other promotion learns why it did not apply.
            var winners = new List<(LaneCandidate Candidate, ItemProposal Proposal, decimal Exact)>();
            foreach (var candidate in candidates)
            {
                if (solution.Sets.TryGetValue(candidate.Promotion, out var units))
                {
                    var set = units.ToHashSet();
                    var qualifying = candidate.Qualifying.Where(set.Contains).ToList();
                    var get = candidate.Discount.GetItems is null ? qualifying : candidate.Get.Where(set.Contains).ToList();
                    var proposal = candidate.Discount.Propose(_pool, qualifying, get);
                    if (proposal.Total > 0m)
                    {
                        winners.Add((candidate, proposal, proposal.Total));
                    }
                }
            }

            // What each loser would have saved alone, on the prices before this lane's winners apply.
            var winning = winners.SelectMany(w => stackOf.TryGetValue(w.Candidate.Promotion, out var stack)
                ? stack.Members.Select(m => m.Promotion) : [w.Candidate.Promotion]).ToHashSet();
            var alone = promotions.Where(p => !winning.Contains(p))
                .ToDictionary(p => p, p => own[p].Discount.Propose(_pool, own[p].Qualifying, own[p].Get));

            var applied = new HashSet<Promotion>();
            foreach (var (candidate, proposal, exact) in winners.OrderByDescending(w => Capped(w.Candidate.Promotion, w.Exact)).ThenBy(w => w.Candidate.Promotion.Id))
            {
                if (stackOf.TryGetValue(candidate.Promotion, out var stack))
                {
                    ApplyStack(stack, proposal.Claimed, claimedBy, applied);
                }
                else if (ApplyItemProposal(candidate.Promotion, proposal, exact, claimedBy))
                {
                    applied.Add(candidate.Promotion);
                }
            }

            foreach (var promotion in promotions.Where(p => !applied.Contains(p)).OrderBy(p => p.Id))
            {
                // A winner that rounded to nothing (or a stack member that added nothing) is judged on its own units.
                var proposal = alone.TryGetValue(promotion, out var lost) ? lost : own[promotion].Discount.Propose(_pool, own[promotion].Qualifying, own[promotion].Get);
                RejectEmptyItemProposal(promotion, proposal, Capped(promotion, proposal.Total), claimedBy);
            }
        }

        /// <summary>Rounds, allocates and records one item application; false when it rounds to nothing.</summary>
        private bool ApplyItemProposal(Promotion promotion, ItemProposal proposal, decimal exact, Promotion?[] claimedBy)
        {
            var capped = Capped(promotion, exact);
            var rounded = RoundDiscount(proposal.Amounts.Sum(a => _pool.Remaining[a.Unit]), capped);
            if (rounded <= 0m)
            {
                return false;
            }

            ApplyToUnits(promotion, proposal.Amounts.Select(a => a.Unit).ToArray(), proposal.Amounts.Select(a => a.Amount).ToArray(), rounded);
            foreach (var unit in proposal.Claimed)
            {
                claimedBy[unit] ??= promotion;
            }

            _itemDiscounts += rounded;
            RecordApplied(promotion, rounded, proposal.Nominal ?? exact, exact, capped);
            return true;
        }

        /// <summary>Applies the members of a compounding stack on its units, each as its own application, in the stack's
        /// order. Which members go on a unit is the stack's choice; each amount is taken from what the members before
        /// it really left (rounded), not from the exact figures the lane was solved with.</summary>
        private void ApplyStack(StackDiscount stack, List<int> units, Promotion?[] claimedBy, HashSet<Promotion> applied)
        {
            var start = units.ToDictionary(u => u, u => _pool.Remaining[u]);
            var members = units.ToDictionary(u => u, u => stack.OnUnit(u, start[u]).Where(m => m.Amount > 0m).Select(m => m.Promotion).ToHashSet());
            foreach (var (member, _) in stack.Members)
            {
                var discount = (ItemDiscount)member.Discount;
                var proposal = new ItemProposal { Nominal = 0m };
                foreach (var unit in units.Where(u => members[u].Contains(member)))
                {
                    var left = _pool.Remaining[unit];
                    var basis = Options.Compounding == CompoundingMode.Sequential ? left : start[unit];
                    var amount = Math.Min(discount.MostPerUnit(basis), left);
                    if (amount > 0m)
                    {
                        proposal.Amounts.Add((unit, amount));
                        proposal.Claimed.Add(unit);
                        proposal.Nominal += discount.NominalPerUnit(basis);
                    }
                }

                if (proposal.Total > 0m && ApplyItemProposal(member, proposal, proposal.Total, claimedBy))
                {
                    applied.Add(member);
                }
            }
        }

        /// <summary>The groups of a lane's promotions that compound with one another (two or more each), by id.</summary>
        private static List<List<Promotion>> Stacks(List<Promotion> promotions)
        {
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

            return stacks;
        }

        private List<int> FreeUnits(ItemFilter filter, Promotion?[] claimedBy)
        {
            var units = new List<int>();
            foreach (var lineIndex in MatchingLines(filter))
            {
                var line = _cart.Lines[lineIndex];
                var first = _pool.FirstUnitOfLine[lineIndex];
                for (var k = 0; k < line.Quantity; k++)
                {
                    if (claimedBy[first + k] is null && _stoppedBy[first + k] is null)
                    {
                        units.Add(first + k);
                    }
                }
            }

            return units;
        }

        private void RejectEmptyItemProposal(Promotion promotion, ItemProposal proposal, decimal aloneAmount, Promotion?[] claimedBy)
        {
            if (aloneAmount <= 0m && StopperOf(promotion.QualifyingItems) is { } stopper)
            {
                _rejections.Add(Reject(promotion, RejectionReason.StoppedByHigherLane,
                    $"{stopper.Name} applied to the same items and stops the promotions after it.") with { Winner = stopper.Id });
                return;
            }

            if (aloneAmount > 0m && WinnerOver(promotion, claimedBy) is { } winner)
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

            if (proposal.MissingQuantity > 0)
            {
                _rejections.Add(AddItems(promotion, proposal.MissingQuantity));
                return;
            }

            _rejections.Add(Reject(promotion, RejectionReason.NothingToDiscount, $"The items {promotion.Name} targets are free already."));
        }

        /// <summary>The promotion that took most of the units the loser could have used (to buy or to discount).</summary>
        private Promotion? WinnerOver(Promotion loser, Promotion?[] claimedBy)
        {
            var lines = MatchingLines(loser.QualifyingItems).AsEnumerable();
            if (loser.Discount is ItemDiscount { GetItems: { } getItems })
            {
                lines = lines.Union(MatchingLines(getItems));
            }

            var counts = new Dictionary<Promotion, int>();
            foreach (var lineIndex in lines)
            {
                var first = _pool.FirstUnitOfLine[lineIndex];
                for (var k = 0; k < _cart.Lines[lineIndex].Quantity; k++)
                {
                    if (claimedBy[first + k] is { } owner)
                    {
                        counts[owner] = counts.GetValueOrDefault(owner) + 1;
                    }
                }
            }

            return counts.Count == 0 ? null : counts.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key.Id).First().Key;
        }

        /// <summary>The promotion that stopped a filter's units, when every one of them is stopped.</summary>
        private Promotion? StopperOf(ItemFilter filter)
        {
            Promotion? stopper = null;
            foreach (var lineIndex in MatchingLines(filter))
            {
                var first = _pool.FirstUnitOfLine[lineIndex];
                for (var k = 0; k < _cart.Lines[lineIndex].Quantity; k++)
                {
                    if (_stoppedBy[first + k] is not { } by)
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
        private (decimal Remaining, decimal Original, int Quantity, List<int> Lines) Qualifying(Promotion promotion)
        {
            var (original, quantity, lines) = Scope(promotion);
            var remaining = 0m;
            foreach (var lineIndex in lines)
            {
                remaining += LineLeft(lineIndex);
            }

            return (remaining, original, quantity, lines);
        }

        /// <summary>A promotion's qualifying lines, what they cost at first and how many units they hold; computed once.</summary>
        private (decimal Original, int Quantity, List<int> Lines) Scope(Promotion promotion)
        {
            if (!_scopes.TryGetValue(promotion, out var scope))
            {
                var lines = new List<int>();
                var original = 0m;
                var quantity = 0;
                foreach (var lineIndex in MatchingLines(promotion.QualifyingItems))
                {
                    var line = _cart.Lines[lineIndex];
                    lines.Add(lineIndex);
                    original += line.Total.Amount;
                    quantity += line.Quantity;
                }

                _scopes[promotion] = scope = (original, quantity, lines);
            }

            return scope;
        }

        /// <summary>What is left to pay of a line's units that no stop holds.</summary>
        private decimal LineLeft(int lineIndex)
        {
            var left = 0m;
            var first = _pool.FirstUnitOfLine[lineIndex];
            for (var k = 0; k < _cart.Lines[lineIndex].Quantity; k++)
            {
                if (_stoppedBy[first + k] is null)
                {
                    left += _pool.Remaining[first + k];
                }
            }

            return left;
        }

        private decimal OrderAloneAmount(Promotion promotion)
        {
            var (remaining, original, quantity, _) = Qualifying(promotion);
            return Capped(promotion, ((OrderDiscount)promotion.Discount).Amount(remaining, original, quantity));
        }

        private void ApplyOrderPromotion(Promotion promotion)
        {
            var discount = (OrderDiscount)promotion.Discount;
            var (remaining, original, quantity, lines) = Qualifying(promotion);
            if (discount is TieredDiscount tiered)
            {
                if (tiered.Reached(original, quantity) is null)
                {
                    _rejections.Add(MissTier(promotion, tiered, original, quantity, tiered.Tiers[0]));
                    return;
                }

                if (tiered.Next(original, quantity) is { } next)
                {
                    HintNextTier(promotion, tiered, original, quantity, next);
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

            // Allocated over the qualifying lines by what is left of them, then over each line's units likewise.
            var lineWeights = lines.Select(LineLeft).ToArray();

            var lineShares = M(rounded).Allocate(lineWeights);
            for (var i = 0; i < lines.Count; i++)
            {
                if (lineShares[i].IsZero)
                {
                    continue;
                }

                var first = _pool.FirstUnitOfLine[lines[i]];
                var count = _cart.Lines[lines[i]].Quantity;
                var units = Enumerable.Range(first, count).Where(u => _stoppedBy[u] is null).ToArray();
                var weights = units.Select(u => _pool.Remaining[u]).ToArray();
                ApplyToUnits(promotion, units, weights, lineShares[i].Amount);
            }

            _orderDiscounts += rounded;
            RecordApplied(promotion, rounded, discount.Nominal(remaining, original, quantity), exact, capped);
        }

        private Rejection MissTier(Promotion promotion, TieredDiscount tiered, decimal original, int quantity, Tier first)
        {
            if (tiered.Basis == TierBasis.Subtotal)
            {
                return SpendMore(promotion, M(first.Threshold - original), RejectionReason.MinimumSubtotalNotMet);
            }

            return AddItems(promotion, (int)Math.Ceiling(first.Threshold - quantity));
        }

        private void HintNextTier(Promotion promotion, TieredDiscount tiered, decimal original, int quantity, Tier next)
        {
            var what = next.PercentOff is { } p ? string.Create(CultureInfo.InvariantCulture, $"{p}% off") : $"{next.AmountOff} off";
            if (tiered.Basis == TierBasis.Subtotal)
            {
                var shortfall = M(next.Threshold - original);
                _hints.Add(new NearMissHint(promotion.Id, HintKind.SpendMore, shortfall, null,
                    $"Spend {shortfall} more on qualifying items to get {what} with {promotion.Name}."));
            }
            else
            {
                var missing = (int)Math.Ceiling(next.Threshold - quantity);
                _hints.Add(new NearMissHint(promotion.Id, HintKind.AddItems, null, missing,
                    string.Create(CultureInfo.InvariantCulture, $"Add {missing} more qualifying item{(missing == 1 ? string.Empty : "s")} to get {what} with {promotion.Name}.")));
            }
        }

        private decimal ShippingAloneAmount(Promotion promotion) => ShippingAmount(promotion, _shippingRemaining);

        /// <summary>What a shipping promotion takes off (capped, exact) when this much of shipping is left.</summary>
        private decimal ShippingAmount(Promotion promotion, decimal left) =>
            Capped(promotion, ((ShippingDiscount)promotion.Discount).Amount(left));

        private void ApplyShippingPromotion(Promotion promotion)
        {
            if (_cart.Shipping.IsZero)
            {
                _rejections.Add(Reject(promotion, RejectionReason.NothingToDiscount, "There is no shipping charge to discount."));
                return;
            }

            var shippingBefore = _shippingRemaining;
            var exact = ((ShippingDiscount)promotion.Discount).Amount(shippingBefore);
            var capped = Capped(promotion, exact);
            var rounded = RoundDiscount(_shippingRemaining, capped);
            if (rounded <= 0m)
            {
                _rejections.Add(Reject(promotion, RejectionReason.NothingToDiscount, "Shipping is free already."));
                return;
            }

            _shippingRemaining -= rounded;
            _shippingDiscount += rounded;
            if (promotion.Stops != StopScope.None)
            {
                _laneStops.Add((promotion, []));
            }

            RecordApplied(promotion, rounded, ((ShippingDiscount)promotion.Discount).Nominal(shippingBefore), exact, capped);
        }

        /// <summary>Spreads a rounded amount over units by weights, never past what is left of a unit, and records it.</summary>
        private void ApplyToUnits(Promotion promotion, int[] units, decimal[] weights, decimal amount)
        {
            var parts = M(amount).Allocate(weights).Select(p => p.Amount).ToArray();

            // Implementation note: largest remainder keeps each part within one minor unit of its exact share, and
            // the shares never exceed what is left of a unit, so this never moves anything in practice; it makes
            // "never below zero" hold by construction rather than by argument.
            var excess = 0m;
            for (var i = 0; i < units.Length; i++)
            {
                var room = _pool.Remaining[units[i]];
                if (parts[i] > room)
                {
                    excess += parts[i] - room;
                    parts[i] = room;
                }
            }

            for (var i = 0; i < units.Length && excess > 0m; i++)
            {
                var room = _pool.Remaining[units[i]] - parts[i];
                var moved = Math.Min(room, excess);
                parts[i] += moved;
                excess -= moved;
            }

            if (excess > 0m)
            {
                throw new InvalidOperationException($"Internal error: {promotion.Id} allocated more than its units hold.");
            }

            if (promotion.Stops != StopScope.None)
            {
                var index = _laneStops.FindIndex(s => s.Promotion == promotion);
                if (index < 0)
                {
                    _laneStops.Add((promotion, []));
                    index = _laneStops.Count - 1;
                }

                _laneStops[index].Units.AddRange(units.Where((_, i) => parts[i] > 0m));
            }

            for (var i = 0; i < units.Length; i++)
            {
                if (parts[i] == 0m)
                {
                    continue;
                }

                _pool.Remaining[units[i]] -= parts[i];
                (_unitAdjustments[units[i]] ??= []).Add(new Adjustment(promotion.Id, promotion.Discount.Class, M(parts[i])));
            }
        }
    }
}
