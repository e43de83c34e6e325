using System;
using System.Collections.Generic;
using System.Linq;
using PromoEngine.Internal;

namespace PromoEngine;

/// <summary>One item promotion competing in a lane: the free units it can use to qualify and to discount.</summary>
internal sealed record LaneCandidate(Promotion Promotion, List<int> Qualifying, List<int> Get)
{
    public ItemDiscount Discount => (ItemDiscount)Promotion.Discount;

    /// <summary>Every unit the promotion can use, to qualify or to discount.</summary>
    public IEnumerable<int> Units => Discount.GetItems is null ? Qualifying : Qualifying.Union(Get);
}

/// <summary>Which units each promotion of a lane gets, what that saves (exact, before rounding), and how it was found.</summary>
internal sealed class LaneSolution(Dictionary<Promotion, List<int>> sets, decimal total, bool usedFallback)
{
    public Dictionary<Promotion, List<int>> Sets { get; } = sets;

    public decimal Total { get; } = total;

    public bool UsedFallback { get; } = usedFallback;
}

/// <summary>
/// Chooses, within one lane, which item promotion each unit goes to so that the shopper saves most: each unit to at
/// most one promotion, each promotion's saving computed by its own rules on the units it gets.
/// </summary>
/// <remarks>
/// <para>Exact search: promotions that share no unit are solved apart (connected components). Inside a component,
/// units that are interchangeable (same line, same price left) are decided together, by how many go to each
/// promotion, largest possible discounts first. Branch and bound prunes with an optimistic bound (each open
/// promotion's best per-unit discount on every unit it may still get, capped; the exact saving of promotions whose
/// units are all decided).</para>
/// <para>A component with more than <see cref="MaxExactCandidates"/> promotions, or whose search visits more than
/// <see cref="NodeBudget"/> nodes, is solved greedily instead (promotions in order of what each alone saves, each
/// taking the units still free), and the solution says so.</para>
/// </remarks>
internal static class LaneSolver
{
    /// <summary>The most promotions one component may have to be solved exactly; chosen from the solver benchmark.</summary>
    public const int MaxExactCandidates = 16;

    /// <summary>The most search nodes one component may visit before the greedy fallback takes over.</summary>
    public const int NodeBudget = 50_000;

    public static LaneSolution Solve(UnitPool pool, IReadOnlyList<LaneCandidate> candidates, Func<Promotion, decimal, decimal> cap)
    {
        var sets = new Dictionary<Promotion, List<int>>();
        var total = 0m;
        var fallback = false;
        foreach (var component in Connected.Groups(candidates, c => c.Units))
        {
            // A lone promotion whose saving never drops with more units is best off with every unit it can use,
            // which is what the greedy pass gives it: no search needed.
            var solved = component.Count == 1 && component[0].Discount.IsMonotone ? SolveGreedily(pool, component, cap)
                : component.Count <= MaxExactCandidates ? SolveExactly(pool, component, cap)
                : null;
            if (solved is null)
            {
                solved = SolveGreedily(pool, component, cap);
                fallback = true;
            }

            foreach (var (promotion, units) in solved.Value.Sets)
            {
                sets[promotion] = units;
            }

            total += solved.Value.Total;
        }

        return new LaneSolution(sets, total, fallback);
    }

    /// <summary>What a promotion saves on exactly these units (capped), by its own rules.</summary>
    public static decimal Saving(UnitPool pool, LaneCandidate candidate, IReadOnlyCollection<int> units, Func<Promotion, decimal, decimal> cap)
    {
        if (units.Count == 0)
        {
            return 0m;
        }

        var set = units as HashSet<int> ?? [.. units];
        var qualifying = candidate.Qualifying.Where(set.Contains).ToList();
        var get = candidate.Discount.GetItems is null ? qualifying : candidate.Get.Where(set.Contains).ToList();
        return cap(candidate.Promotion, candidate.Discount.Propose(pool, qualifying, get).Total);
    }

    /// <summary>A classic rule list: promotions in the order given (by id within a lane), each taking the units it
    /// can still use.</summary>
    public static LaneSolution SolveInOrder(UnitPool pool, IEnumerable<LaneCandidate> candidates, Func<Promotion, decimal, decimal> cap)
    {
        var (sets, total) = Sequentially(pool, candidates, cap);
        return new LaneSolution(sets, total, usedFallback: false);
    }

    private static (Dictionary<Promotion, List<int>> Sets, decimal Total) SolveGreedily(
        UnitPool pool, List<LaneCandidate> component, Func<Promotion, decimal, decimal> cap)
    {
        var order = component
            .Select(c => (Candidate: c, Alone: Saving(pool, c, c.Units.ToList(), cap)))
            .OrderByDescending(x => x.Alone)
            .ThenBy(x => x.Candidate.Promotion.Id)
            .Select(x => x.Candidate);
        return Sequentially(pool, order, cap);
    }

    private static (Dictionary<Promotion, List<int>> Sets, decimal Total) Sequentially(
        UnitPool pool, IEnumerable<LaneCandidate> order, Func<Promotion, decimal, decimal> cap)
    {
        var taken = new HashSet<int>();
        var sets = new Dictionary<Promotion, List<int>>();
        var total = 0m;
        foreach (var candidate in order)
        {
            var qualifying = candidate.Qualifying.Where(u => !taken.Contains(u)).ToList();
            var get = candidate.Discount.GetItems is null ? qualifying : candidate.Get.Where(u => !taken.Contains(u)).ToList();
            var proposal = candidate.Discount.Propose(pool, qualifying, get);
            var saving = cap(candidate.Promotion, proposal.Total);
            if (saving <= 0m)
            {
                continue;
            }

            sets[candidate.Promotion] = [.. proposal.Claimed.Order()];
            taken.UnionWith(proposal.Claimed);
            total += saving;
        }

        return (sets, total);
    }

    private static (Dictionary<Promotion, List<int>> Sets, decimal Total)? SolveExactly(
        UnitPool pool, List<LaneCandidate> component, Func<Promotion, decimal, decimal> cap)
    {
        var greedy = SolveGreedily(pool, component, cap);
        var search = new Search(pool, component, cap, greedy);
        return search.Run() ? (search.BestSets(), search.BestTotal) : null;
    }

    /// <summary>The branch-and-bound search of one component.</summary>
    private sealed class Search
    {
        private readonly UnitPool _pool;
        private readonly List<LaneCandidate> _candidates;
        private readonly Func<Promotion, decimal, decimal> _cap;
        private readonly List<(int[] Units, int[] Eligible)> _groups = [];
        private readonly decimal[][] _perUnit;          // [candidate][group]: the most one unit of the group can save
        private readonly int[] _lastGroup;              // [candidate]: the last group it may get units from
        private readonly List<int>[] _current;          // [candidate]: units given so far
        private readonly decimal[] _optimistic;         // [candidate]: sum of per-unit bests of units given so far
        private readonly decimal[] _remainingBound;     // [group]: best possible from this group on
        private readonly Dictionary<(int Candidate, ulong Units), decimal> _memo = [];
        private readonly Dictionary<int, int> _bit = [];
        private int[][]? _best;
        private int _nodes;

        public Search(UnitPool pool, List<LaneCandidate> candidates, Func<Promotion, decimal, decimal> cap,
            (Dictionary<Promotion, List<int>> Sets, decimal Total) incumbent)
        {
            _pool = pool;
            _candidates = candidates.OrderBy(c => c.Promotion.Id).ToList();
            _cap = cap;

            // Interchangeable units: same line and same price left, usable by the same promotions. Among promotions
            // whose saving is a plain sum over units (uncapped percentages and amounts off each), only the best for
            // a unit is worth trying: giving the unit to another of them never saves more.
            var usable = new Dictionary<int, List<int>>();
            for (var c = 0; c < _candidates.Count; c++)
            {
                foreach (var unit in _candidates[c].Units)
                {
                    (usable.TryGetValue(unit, out var list) ? list : usable[unit] = []).Add(c);
                }
            }

            foreach (var (unit, list) in usable)
            {
                var additive = list.Where(c => IsAdditive(_candidates[c])).ToList();
                if (additive.Count > 1)
                {
                    var best = additive.OrderByDescending(c => _candidates[c].Discount.MostPerUnit(pool.Remaining[unit])).ThenBy(c => c).First();
                    list.RemoveAll(c => IsAdditive(_candidates[c]) && c != best);
                }

                _bit[unit] = _bit.Count;
            }

            foreach (var group in usable.Keys
                .GroupBy(u => (pool.LineOf[u], pool.Remaining[u], Key: string.Join(",", usable[u])))
                .Select(g => g.Order().ToArray()))
            {
                _groups.Add((group, [.. usable[group[0]]]));
            }

            _perUnit = new decimal[_candidates.Count][];
            for (var c = 0; c < _candidates.Count; c++)
            {
                _perUnit[c] = new decimal[_groups.Count];
            }

            for (var g = 0; g < _groups.Count; g++)
            {
                foreach (var c in _groups[g].Eligible)
                {
                    _perUnit[c][g] = _candidates[c].Discount.MostPerUnit(pool.Remaining[_groups[g].Units[0]]);
                }
            }

            // Largest possible discounts first: good solutions early make the bound bite.
            var order = Enumerable.Range(0, _groups.Count)
                .OrderByDescending(g => _groups[g].Eligible.Max(c => _perUnit[c][g]) * _groups[g].Units.Length)
                .ThenBy(g => _groups[g].Units[0])
                .ToArray();
            var reordered = order.Select(g => _groups[g]).ToList();
            var perUnit = _perUnit.Select(row => order.Select(g => row[g]).ToArray()).ToArray();
            _groups.Clear();
            _groups.AddRange(reordered);
            _perUnit = perUnit;

            _lastGroup = new int[_candidates.Count];
            Array.Fill(_lastGroup, -1);
            for (var g = 0; g < _groups.Count; g++)
            {
                foreach (var c in _groups[g].Eligible)
                {
                    _lastGroup[c] = g;
                }
            }

            _remainingBound = new decimal[_groups.Count + 1];
            for (var g = _groups.Count - 1; g >= 0; g--)
            {
                _remainingBound[g] = _remainingBound[g + 1] + (_groups[g].Units.Length * _groups[g].Eligible.Max(c => _perUnit[c][g]));
            }

            _current = _candidates.Select(_ => new List<int>()).ToArray();
            _optimistic = new decimal[_candidates.Count];

            // The greedy solution is the first incumbent, so the bound prunes from the start.
            BestTotal = incumbent.Total;
            _best = _candidates.Select(c => incumbent.Sets.TryGetValue(c.Promotion, out var units) ? units.ToArray() : []).ToArray();
        }

        private bool IsAdditive(LaneCandidate candidate) => candidate.Discount.IsAdditive && candidate.Promotion.MaxDiscount is null;

        /// <summary>The exact saving of a candidate on a set of units, remembered by the set (as a bit mask when the
        /// component has at most 64 units).</summary>
        private decimal ExactSaving(int candidate, List<int> units)
        {
            if (_bit.Count > 64)
            {
                return Saving(_pool, _candidates[candidate], units, _cap);
            }

            var mask = 0UL;
            foreach (var unit in units)
            {
                mask |= 1UL << _bit[unit];
            }

            if (!_memo.TryGetValue((candidate, mask), out var saving))
            {
                _memo[(candidate, mask)] = saving = Saving(_pool, _candidates[candidate], units, _cap);
            }

            return saving;
        }

        public decimal BestTotal { get; private set; }

        /// <summary>Searches; false when the node budget ran out.</summary>
        public bool Run() => Visit(0, 0m);

        public Dictionary<Promotion, List<int>> BestSets()
        {
            var sets = new Dictionary<Promotion, List<int>>();
            for (var c = 0; c < _candidates.Count; c++)
            {
                if (_best![c].Length > 0)
                {
                    sets[_candidates[c].Promotion] = [.. _best[c]];
                }
            }

            return sets;
        }

        /// <param name="group">The next group to decide.</param>
        /// <param name="closed">The exact saving of the candidates whose groups are all decided.</param>
        private bool Visit(int group, decimal closed)
        {
            if (++_nodes > NodeBudget)
            {
                return false;
            }

            if (group == _groups.Count)
            {
                if (closed > BestTotal)
                {
                    BestTotal = closed;
                    _best = _current.Select(l => l.ToArray()).ToArray();
                }

                return true;
            }

            if (closed + OpenBound(group) + _remainingBound[group] <= BestTotal)
            {
                return true;
            }

            var (units, eligible) = _groups[group];
            var mayKeep = eligible.Any(c => !_candidates[c].Discount.IsMonotone);
            foreach (var split in Splits(units.Length, eligible.Length + (mayKeep ? 1 : 0)))
            {
                var given = 0;
                for (var i = 0; i < eligible.Length; i++)
                {
                    var c = eligible[i];
                    for (var k = 0; k < split[i]; k++)
                    {
                        _current[c].Add(units[given++]);
                    }

                    _optimistic[c] += split[i] * _perUnit[c][group];
                }

                var nextClosed = closed;
                foreach (var c in eligible)
                {
                    if (_lastGroup[c] == group)
                    {
                        nextClosed += ExactSaving(c, _current[c]);
                    }
                }

                var finished = Visit(group + 1, nextClosed);
                for (var i = 0; i < eligible.Length; i++)
                {
                    var c = eligible[i];
                    _current[c].RemoveRange(_current[c].Count - split[i], split[i]);
                    _optimistic[c] -= split[i] * _perUnit[c][group];
                }

                if (!finished)
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>The most the still-open candidates can save on the units they already have.</summary>
        private decimal OpenBound(int group)
        {
            var bound = 0m;
            for (var c = 0; c < _candidates.Count; c++)
            {
                if (_lastGroup[c] >= group && _optimistic[c] > 0m)
                {
                    bound += _cap(_candidates[c].Promotion, _optimistic[c]);
                }
            }

            return bound;
        }

        /// <summary>Every way to split n units over k bins, most to the first bins first. With monotone candidates
        /// every unit is given away (more units never save less); otherwise a last bin keeps units from everyone.</summary>
        private static IEnumerable<int[]> Splits(int n, int k)
        {
            var split = new int[k];
            return Recurse(0, n);

            IEnumerable<int[]> Recurse(int index, int left)
            {
                if (index == k - 1)
                {
                    split[index] = left;
                    yield return split;
                    yield break;
                }

                for (var take = left; take >= 0; take--)
                {
                    split[index] = take;
                    foreach (var s in Recurse(index + 1, left - take))
                    {
                        yield return s;
                    }
                }
            }
        }
    }
}
