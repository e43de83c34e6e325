using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.InteropServices;

namespace PromoEngine;

/// <summary>One item promotion competing in a lane: the free units it can use to qualify and to discount.</summary>
internal sealed record LaneCandidate(Promotion Promotion, List<Span> Qualifying, List<Span> Get)
{
    public ItemDiscount Discount => (ItemDiscount)Promotion.Discount;

    /// <summary>Every unit the promotion can use, to qualify or to discount.</summary>
    public List<Span> Units => Discount.GetItems is null ? Qualifying : [.. Qualifying, .. new SpanSet(Qualifying).Except(Get)];
}

/// <summary>Which units each promotion of a lane gets, what that saves (exact, before rounding), and how it was found.</summary>
internal sealed class LaneSolution(Dictionary<Promotion, List<Span>> sets, decimal total, bool usedFallback,
    List<(Promotion Promotion, ItemProposal Proposal)>? proposals = null)
{
    /// <summary>The proposal the solver made for a candidate on exactly the units a proposal on its set would be
    /// made on (its set covers every unit it may use, and nothing was taken before it); <see langword="null"/> when
    /// there is none, and a proposal on its set must be made.</summary>
    /// <param name="candidate">A candidate of the lane.</param>
    /// <returns>The proposal, or <see langword="null"/>.</returns>
    public ItemProposal? ProposalOn(LaneCandidate candidate)
    {
        foreach (var (promotion, proposal) in proposals ?? [])
        {
            if (promotion == candidate.Promotion)
            {
                return proposal;
            }
        }

        return null;
    }

    public Dictionary<Promotion, List<Span>> Sets { get; } = sets;

    public decimal Total { get; } = total;

    public bool UsedFallback { get; } = usedFallback;
}

/// <summary>
/// Chooses, within one lane, which item promotion each unit goes to so that the shopper saves most: each unit to at
/// most one promotion, each promotion's saving computed by its own rules on the units it gets.
/// </summary>
/// <remarks>
/// <para>Exact search: promotions that share no line are solved apart (connected components). Inside a component,
/// units that are interchangeable (same item, same price left, usable by the same promotions) are decided together,
/// by how many go to each promotion, largest possible discounts first. Branch and bound prunes with an optimistic
/// bound (each open promotion's best per-unit discount on every unit it may still get, capped; the exact saving of
/// promotions whose units are all decided).</para>
/// <para>Ties: savings within <see cref="Tolerance"/> are equal, and of equal solutions the first in the search order
/// is kept (groups in their order; in each, most units to the candidate with the smallest id first), never the greedy
/// incumbent for being first: the order is a function of the groups, so splitting a line changes nothing.</para>
/// <para>A component with more than <see cref="MaxExactCandidates"/> promotions, or whose search visits more than
/// <see cref="NodeBudget"/> nodes, is solved greedily instead (promotions in order of what each alone saves, each
/// taking the units still free), and the solution says so. A group of more than <see cref="MaxExactGroup"/>
/// interchangeable units that several promotions want is not split every way: each promotion is offered none, all,
/// or the counts where its own rules change (its most sets, the units that reach its cap), and the solution says a
/// fallback was used. So a line's quantity never multiplies the search.</para>
/// </remarks>
internal static class LaneSolver
{
    /// <summary>The most promotions one component may have to be solved exactly; chosen from the solver benchmark.</summary>
    public const int MaxExactCandidates = 16;

    /// <summary>The most search nodes one component may visit before the greedy fallback takes over.</summary>
    public const int NodeBudget = 50_000;

    /// <summary>The most interchangeable units a group may hold to be split over its promotions in every way.</summary>
    public const int MaxExactGroup = 64;

    /// <summary>How far apart two savings may be and still count as equal. Exact savings are sums of quotients (a
    /// set price shared over its units in proportion to their prices), so decimal rounding leaves noise in their last
    /// digits that depends on how the units are cut into lines; real differences between assignments are far larger
    /// (savings have a few decimal places at most).</summary>
    public const decimal Tolerance = 0.000_000_000_001m;

    /// <summary>Solves a lane.</summary>
    /// <param name="pool">The units and what is left of their prices.</param>
    /// <param name="candidates">The lane's item promotions and the units each may use.</param>
    /// <param name="cap">A promotion's saving after its cap.</param>
    /// <param name="additiveShortcut">Whether a component of additive candidates is solved directly (see
    /// <see cref="SolveAdditive"/>) rather than searched; the answer is the same (tests compare the two).</param>
    public static LaneSolution Solve(UnitPool pool, IReadOnlyList<LaneCandidate> candidates, Func<Promotion, decimal, decimal> cap, bool additiveShortcut = true)
    {
        // A promotion whose units to discount (its get items, when they differ from what qualifies) are not in the cart
        // saves nothing on any units: it is given none, so no component is searched on its account (a gift code whose
        // gift is missing beside a promotion on many units made the search pass its bound, and the result say so).
        List<LaneCandidate>? useful = null; // made for the first one left out
        for (var i = 0; i < candidates.Count; i++)
        {
            if (candidates[i].Discount.GetItems is not null && candidates[i].Get.Count == 0)
            {
                useful ??= [.. candidates.Take(i)];
            }
            else
            {
                useful?.Add(candidates[i]);
            }
        }

        if (useful is not null)
        {
            candidates = useful;
        }

        var sets = new Dictionary<Promotion, List<Span>>(candidates.Count); // at most one set each: never grown
        var total = 0m;
        var fallback = false;
        List<(Promotion Promotion, ItemProposal Proposal)>? proposals = null;
        // Each candidate's component, named by its first candidate (components in the order of their first).
        var root = Apart(pool, candidates) ? null : Roots(pool, candidates);
        int[]? next = null; // [candidate]: the next candidate of its component, or -1
        if (root is not null)
        {
            // Each component's candidates chained in order (a root is the smallest of its component, so it comes first).
            next = new int[candidates.Count];
            var tail = new int[candidates.Count];
            for (var j = 0; j < candidates.Count; j++)
            {
                next[j] = -1;
                var r = root[j];
                if (r != j)
                {
                    next[tail[r]] = j;
                }

                tail[r] = j;
            }
        }

        for (var i = 0; i < candidates.Count; i++)
        {
            if (root is not null && root[i] != i)
            {
                continue; // in the component of an earlier candidate
            }

            List<LaneCandidate>? members = null; // made when the component has more than one
            for (var j = next?[i] ?? -1; j >= 0; j = next![j])
            {
                (members ??= [candidates[i]]).Add(candidates[j]);
            }

            // A lone promotion whose saving never drops with more units is best off with every unit it can use,
            // which is what the greedy pass gives it: no search needed.
            if (members is null && candidates[i].Discount.IsMonotone)
            {
                total += Alone(pool, candidates[i], cap, sets, ref proposals);
                continue;
            }

            var component = members ?? [candidates[i]];
            var solved = component.Count == 1 && component[0].Discount.IsMonotone ? (SolveGreedily(pool, component, cap), false)
                : component.Count <= MaxExactCandidates ? (additiveShortcut && IsAdditive(component) ? SolveAdditive(pool, component, cap, ref proposals) : SolveExactly(pool, component, cap))
                : null;
            if (solved is null)
            {
                solved = (SolveGreedily(pool, component, cap), true);
            }

            var ((found, saving), coarse) = solved.Value;
            foreach (var (promotion, units) in found)
            {
                sets[promotion] = units;
            }

            total += saving;
            fallback |= coarse;
        }

        return new LaneSolution(sets, total, fallback, proposals);
    }

    /// <summary>For each candidate, the first candidate of its component: candidates that may use units of one line,
    /// directly or through others, are in one component.</summary>
    /// <remarks>Implementation note: a union of candidates by the lines of their units, over an array by line; the
    /// components are those <c>Connected.Groups</c> finds over the same lines.</remarks>
    private static int[] Roots(UnitPool pool, IReadOnlyList<LaneCandidate> candidates)
    {
        var root = new int[candidates.Count];
        for (var i = 0; i < root.Length; i++)
        {
            root[i] = i;
        }

        var lines = pool.LinesInOrder.Length;
        var owner = lines <= 256 ? stackalloc int[lines] : new int[lines];
        owner.Fill(-1);
        for (var i = 0; i < candidates.Count; i++)
        {
            var candidate = candidates[i];
            foreach (var span in candidate.Discount.GetItems is null ? candidate.Qualifying : candidate.Units)
            {
                if (owner[span.Line] < 0)
                {
                    owner[span.Line] = i;
                    continue;
                }

                // The smaller root wins, so a component's root is its first candidate.
                var (a, b) = (Find(root, i), Find(root, owner[span.Line]));
                root[Math.Max(a, b)] = Math.Min(a, b);
            }
        }

        for (var i = 0; i < root.Length; i++)
        {
            root[i] = Find(root, i);
        }

        return root;

        static int Find(int[] root, int i)
        {
            while (root[i] != i)
            {
                root[i] = root[root[i]];
                i = root[i];
            }

            return i;
        }
    }

    /// <summary>Whether no two candidates may use units of the same line (each is then a component of its own).</summary>
    /// <remarks>Implementation note: the lines a candidate's qualifying and get spans name hold every line its units
    /// name, so candidates apart by these are apart by their units; when this says no, the components are found the
    /// general way.</remarks>
    private static bool Apart(UnitPool pool, IReadOnlyList<LaneCandidate> candidates)
    {
        var lines = pool.LinesInOrder.Length;
        if (candidates.Count < 2)
        {
            return true;
        }

        if (lines > 256)
        {
            return false;
        }

        Span<int> owner = stackalloc int[lines];
        owner.Clear();
        for (var c = 0; c < candidates.Count; c++)
        {
            if (!Claim(owner, candidates[c].Qualifying, c + 1)
                || (!ReferenceEquals(candidates[c].Get, candidates[c].Qualifying) && !Claim(owner, candidates[c].Get, c + 1)))
            {
                return false;
            }
        }

        return true;

        static bool Claim(Span<int> owner, List<Span> spans, int who)
        {
            foreach (var span in spans)
            {
                if (owner[span.Line] != 0 && owner[span.Line] != who)
                {
                    return false;
                }

                owner[span.Line] = who;
            }

            return true;
        }
    }

    /// <summary>What the greedy pass gives a lone monotone candidate (every unit it may use, when it saves anything),
    /// without its copies: its set goes into <paramref name="sets"/>, and its proposal into
    /// <paramref name="proposals"/> when a proposal on that set would be made on the same units.</summary>
    /// <returns>Its saving (capped), or zero when it saves nothing.</returns>
    private static decimal Alone(
        UnitPool pool,
        LaneCandidate candidate,
        Func<Promotion, decimal, decimal> cap,
        Dictionary<Promotion, List<Span>> sets,
        ref List<(Promotion Promotion, ItemProposal Proposal)>? proposals)
    {
        // With nothing taken before it, the units it is offered are its own, but for empty spans (none in practice).
        var whole = !HasEmpty(candidate.Qualifying) && (ReferenceEquals(candidate.Get, candidate.Qualifying) || !HasEmpty(candidate.Get));
        if (!whole)
        {
            var (found, saving) = Sequentially(pool, [candidate], cap);
            foreach (var (promotion, units) in found)
            {
                sets[promotion] = units;
            }

            return saving;
        }

        var get = candidate.Discount.GetItems is null ? candidate.Qualifying : candidate.Get;
        var proposal = candidate.Discount.Propose(pool, candidate.Qualifying, get);
        var capped = cap(candidate.Promotion, proposal.Total);
        if (capped <= 0m)
        {
            return 0m;
        }

        // The proposal's own list when it is in the canonical order already (neither is changed after this).
        var claimed = proposal.Claimed;
        if (!IsCanonical(pool, claimed))
        {
            claimed = new List<Span>(claimed);
            claimed.Sort(pool.Canonical);
        }

        sets[candidate.Promotion] = claimed;
        if (Covers(claimed, candidate.Qualifying) && (candidate.Discount.GetItems is null || Covers(claimed, candidate.Get)))
        {
            // A proposal on its set would read exactly these units (the set's intersection with them is them).
            (proposals ??= []).Add((candidate.Promotion, proposal));
        }

        return capped;

        static bool HasEmpty(List<Span> spans) => spans.Exists(s => s.Count == 0);
    }

    /// <summary>Whether spans are in the canonical order, each after the one before it.</summary>
    private static bool IsCanonical(UnitPool pool, List<Span> spans)
    {
        for (var i = 1; i < spans.Count; i++)
        {
            if (pool.CompareCanonical(spans[i - 1], spans[i]) > 0)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether every unit of some spans is in a set of spans sorted in the canonical order.</summary>
    private static bool Covers(List<Span> sorted, List<Span> spans)
    {
        foreach (var span in spans)
        {
            var at = span.Start;
            foreach (var given in sorted)
            {
                if (given.Line == span.Line && given.Start <= at && given.End > at)
                {
                    at = given.End;
                    if (at >= span.End)
                    {
                        break;
                    }
                }
            }

            if (at < span.End)
            {
                return false;
            }
        }

        return true;
    }

    public static decimal Saving(UnitPool pool, LaneCandidate candidate, List<Span> units, Func<Promotion, decimal, decimal> cap)
    {
        if (units.Count == 0)
        {
            return 0m;
        }

        var set = new SpanSet(units);
        var qualifying = set.Intersect(candidate.Qualifying);
        var get = candidate.Discount.GetItems is null ? qualifying : set.Intersect(candidate.Get);
        return cap(candidate.Promotion, candidate.Discount.Propose(pool, qualifying, get).Total);
    }

    /// <summary>A classic rule list: promotions in the order given (by id within a lane), each taking the units it
    /// can still use.</summary>
    public static LaneSolution SolveInOrder(UnitPool pool, IEnumerable<LaneCandidate> candidates, Func<Promotion, decimal, decimal> cap)
    {
        var (sets, total) = Sequentially(pool, candidates, cap);
        return new LaneSolution(sets, total, usedFallback: false);
    }

    private static (Dictionary<Promotion, List<Span>> Sets, decimal Total) SolveGreedily(
        UnitPool pool, List<LaneCandidate> component, Func<Promotion, decimal, decimal> cap)
    {
        var order = component
            .Select(c => (Candidate: c, Alone: Saving(pool, c, c.Units, cap)))
            .OrderByDescending(x => decimal.Round(x.Alone, 12))
            .ThenBy(x => x.Candidate.Promotion.Id)
            .Select(x => x.Candidate);
        return Sequentially(pool, order, cap);
    }

    private static (Dictionary<Promotion, List<Span>> Sets, decimal Total) Sequentially(
        UnitPool pool, IEnumerable<LaneCandidate> order, Func<Promotion, decimal, decimal> cap)
    {
        var taken = new SpanSet();
        var sets = new Dictionary<Promotion, List<Span>>();
        var total = 0m;
        foreach (var candidate in order)
        {
            var qualifying = taken.Except(candidate.Qualifying);
            var get = candidate.Discount.GetItems is null ? qualifying : taken.Except(candidate.Get);
            var proposal = candidate.Discount.Propose(pool, qualifying, get);
            var saving = cap(candidate.Promotion, proposal.Total);
            if (saving <= 0m)
            {
                continue;
            }

            var claimed = new List<Span>(proposal.Claimed);
            claimed.Sort(pool.Canonical);
            sets[candidate.Promotion] = claimed;
            taken.AddRange(claimed);
            total += saving;
        }

        return (sets, total);
    }

    /// <summary>Whether every candidate of a component saves a plain sum over its units, without a cap, on the units it
    /// qualifies with (no separate units to discount).</summary>
    private static bool IsAdditive(List<LaneCandidate> component)
    {
        foreach (var candidate in component)
        {
            var discount = candidate.Discount;
            if (!discount.IsAdditive || !discount.IsMonotone || discount.GetItems is not null || candidate.Promotion.MaxDiscount is not null)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>What <see cref="SolveExactly"/> finds for a component of additive candidates (see
    /// <see cref="IsAdditive(List{LaneCandidate})"/>), found directly: the same groups in the same order, each given
    /// whole to the one candidate the search keeps for it (the most per unit; ties: the smallest id), and the same exact
    /// savings summed in the same order.</summary>
    /// <returns>The sets and their saving (never coarse); null when the search would have run out of its node budget.
    /// The proposal made on each set goes into <paramref name="proposals"/>.</returns>
    /// <remarks>Implementation note: with each group usable by one candidate, and every candidate monotone, the search has
    /// one path (a group's units all go to its candidate), and the solution at its end saves the most any assignment can
    /// (each unit saves most where it goes, and the savings are sums over units), so it always replaces the greedy
    /// incumbent: neither the incumbent, nor the bound, nor the memo of savings is needed to find it.</remarks>
    private static ((Dictionary<Promotion, List<Span>> Sets, decimal Total) Solution, bool Coarse)? SolveAdditive(
        UnitPool pool,
        List<LaneCandidate> component,
        Func<Promotion, decimal, decimal> cap,
        ref List<(Promotion Promotion, ItemProposal Proposal)>? proposals)
    {
        // The candidates by id (ids are unique), their units cut at each other's edges, as the search has them.
        var candidates = component.ToArray();
        Array.Sort(candidates, static (a, b) => Promotion.CompareIds(a.Promotion, b.Promotion));
        var cut = SharedCut(pool, candidates) ?? CutApart(pool, candidates);

        // Each run of units, first seen first, with the candidate that saves most on each of its units.
        // Implementation note: a component has a few runs, found again by a look through them; an index is made past
        // a few (most components are two promotions on a line or two).
        var runs = new List<(Span Span, decimal Remaining, int Best, decimal PerUnit)>();
        Dictionary<Span, int>? runOf = null;
        for (var c = 0; c < candidates.Length; c++)
        {
            foreach (var part in cut[c])
            {
                var at = RunOf(part.Span);
                if (at < 0)
                {
                    if (runOf is not null)
                    {
                        runOf[part.Span] = runs.Count;
                    }
                    else if (runs.Count == FewRuns)
                    {
                        runOf = new Dictionary<Span, int>(2 * FewRuns);
                        for (var r = 0; r < runs.Count; r++)
                        {
                            runOf[runs[r].Span] = r;
                        }

                        runOf[part.Span] = runs.Count;
                    }

                    runs.Add((part.Span, part.Remaining, c, candidates[c].Discount.MostPerUnit(part.Remaining)));
                    continue;
                }

                var run = runs[at];
                var perUnit = candidates[c].Discount.MostPerUnit(run.Remaining);
                if (perUnit > run.PerUnit)
                {
                    runs[at] = (run.Span, run.Remaining, c, perUnit);
                }
            }
        }

        int RunOf(Span span)
        {
            if (runOf is not null)
            {
                return runOf.GetValueOrDefault(span, -1);
            }

            for (var r = 0; r < runs.Count; r++)
            {
                if (runs[r].Span == span)
                {
                    return r;
                }
            }

            return -1;
        }

        return runs.Count == 1 ? OneRun(pool, candidates, runs[0], cap, ref proposals) : Grouped(pool, candidates, runs, cap, ref proposals);
    }

    /// <summary><see cref="SolveAdditive"/>'s answer for one run (two promotions on one line, most often): one group,
    /// given whole to its candidate.</summary>
    private static ((Dictionary<Promotion, List<Span>> Sets, decimal Total) Solution, bool Coarse)? OneRun(
        UnitPool pool,
        LaneCandidate[] candidates,
        (Span Span, decimal Remaining, int Best, decimal PerUnit) run,
        Func<Promotion, decimal, decimal> cap,
        ref List<(Promotion Promotion, ItemProposal Proposal)>? proposals)
    {
        var sets = new Dictionary<Promotion, List<Span>>();
        var total = 0m;
        if (run.Span.Count > 0)
        {
            List<Span> units = [run.Span];
            var candidate = candidates[run.Best];
            var qualifying = new SpanSet(units).Intersect(candidate.Qualifying);
            var proposal = candidate.Discount.Propose(pool, qualifying, qualifying);
            total += cap(candidate.Promotion, proposal.Total);
            (proposals ??= []).Add((candidate.Promotion, proposal));
            sets[candidate.Promotion] = units;
        }

        return ((sets, total), false);
    }

    /// <summary><see cref="SolveAdditive"/>'s answer from its runs: their groups, each given whole to its candidate.</summary>
    private static ((Dictionary<Promotion, List<Span>> Sets, decimal Total) Solution, bool Coarse)? Grouped(
        UnitPool pool,
        LaneCandidate[] candidates,
        List<(Span Span, decimal Remaining, int Best, decimal PerUnit)> runs,
        Func<Promotion, decimal, decimal> cap,
        ref List<(Promotion Promotion, ItemProposal Proposal)>? proposals)
    {
        // Groups of alike runs (one item, one price left, one candidate), first seen first, each in the canonical order;
        // then the largest possible discounts first, ties by the first run in the canonical order.
        var itemOf = pool.ItemOf;
        var groups = new List<AdditiveGroup>();
        Dictionary<(int Item, decimal Remaining, int Best), AdditiveGroup>? groupOf = null; // past a few, as for runs
        foreach (var (span, remaining, best, perUnit) in runs)
        {
            var item = itemOf[span.Line];
            var group = GroupOf(item, remaining, best);
            if (group is null)
            {
                group = new AdditiveGroup([], item, remaining, best, perUnit);
                groups.Add(group);
                if (groupOf is not null)
                {
                    groupOf[(item, remaining, best)] = group;
                }
                else if (groups.Count > FewRuns)
                {
                    groupOf = new Dictionary<(int Item, decimal Remaining, int Best), AdditiveGroup>(2 * FewRuns);
                    foreach (var made in groups)
                    {
                        groupOf[(made.Item, made.Remaining, made.Best)] = made;
                    }
                }
            }

            group.Spans.Add(span);
            group.Count += span.Count;
        }

        AdditiveGroup? GroupOf(int item, decimal remaining, int best)
        {
            if (groupOf is not null)
            {
                return groupOf.GetValueOrDefault((item, remaining, best));
            }

            foreach (var group in groups)
            {
                if (group.Item == item && group.Best == best && group.Remaining == remaining)
                {
                    return group;
                }
            }

            return null;
        }

        if (groups.Count >= NodeBudget)
        {
            return null;
        }

        foreach (var group in groups)
        {
            group.Spans.Sort(pool.Canonical);
            group.Saving = group.PerUnit * group.Count;
        }

        groups.Sort((a, b) =>
        {
            var bySaving = b.Saving.CompareTo(a.Saving);
            return bySaving != 0 ? bySaving : pool.CompareCanonical(a.Spans[0], b.Spans[0]);
        });

        var last = new int[candidates.Length];
        Array.Fill(last, -1);
        for (var g = 0; g < groups.Count; g++)
        {
            last[groups[g].Best] = g;
        }

        // The search's one path: each group whole to its candidate; a candidate's exact saving counted at its last group.
        var current = new List<Span>?[candidates.Length];
        var total = 0m;
        for (var g = 0; g < groups.Count; g++)
        {
            var group = groups[g];
            var units = current[group.Best] ??= [];
            foreach (var span in group.Spans)
            {
                if (span.Count > 0)
                {
                    units.Add(span);
                }
            }

            if (last[group.Best] == g && units.Count > 0)
            {
                // As Saving reads it; the proposal is the one a proposal on the set would make (the set's units that
                // qualify, which are all it may use), so it is handed on with the set.
                var candidate = candidates[group.Best];
                var qualifying = new SpanSet(units).Intersect(candidate.Qualifying);
                var proposal = candidate.Discount.Propose(pool, qualifying, qualifying);
                total += cap(candidate.Promotion, proposal.Total);
                (proposals ??= []).Add((candidate.Promotion, proposal));
            }
        }

        var sets = new Dictionary<Promotion, List<Span>>();
        for (var c = 0; c < candidates.Length; c++)
        {
            if (current[c] is { Count: > 0 } units)
            {
                sets[candidates[c].Promotion] = units;
            }
        }

        return ((sets, total), false);
    }

    /// <summary>Each candidate's units to qualify with, read and cut at each other's edges.</summary>
    private static List<List<Part>> CutApart(UnitPool pool, LaneCandidate[] candidates)
    {
        var reads = new List<List<Part>>(candidates.Length);
        foreach (var candidate in candidates)
        {
            reads.Add(pool.Read(candidate.Qualifying));
        }

        return UnitPool.CutAtEdges(reads);
    }

    /// <summary><see cref="CutApart"/> when every candidate qualifies with the same spans and no part of them has an edge
    /// inside another (so cutting changes nothing): the one read, for each; otherwise <see langword="null"/>.</summary>
    /// <remarks>Implementation note: most components of the realistic mix are two percentages on one category's lines;
    /// the cut of equal lists is the cut of one, and a list whose parts have no edge inside another is its own cut.</remarks>
    private static List<List<Part>>? SharedCut(UnitPool pool, LaneCandidate[] candidates)
    {
        var first = candidates[0].Qualifying;
        for (var c = 1; c < candidates.Length; c++)
        {
            var other = candidates[c].Qualifying;
            if (other.Count != first.Count || !CollectionsMarshal.AsSpan(other).SequenceEqual(CollectionsMarshal.AsSpan(first)))
            {
                return null;
            }
        }

        var read = pool.Read(first);
        if (read.Count > FewRuns)
        {
            return null;
        }

        foreach (var part in read)
        {
            foreach (var other in read)
            {
                if (other.Span.Line == part.Span.Line
                    && ((other.Span.Start > part.Span.Start && other.Span.Start < part.Span.End)
                        || (other.Span.End > part.Span.Start && other.Span.End < part.Span.End)))
                {
                    return null;
                }
            }
        }

        var cut = new List<List<Part>>(candidates.Length);
        for (var c = 0; c < candidates.Length; c++)
        {
            cut.Add(read);
        }

        return cut;
    }

    /// <summary>The most runs of a component <see cref="SolveAdditive"/> finds again by looking through them.</summary>
    private const int FewRuns = 16;

    /// <summary>Alike units of a component of additive candidates, and the one candidate they go to.</summary>
    private sealed class AdditiveGroup(List<Span> spans, int item, decimal remaining, int best, decimal perUnit)
    {
        public List<Span> Spans { get; } = spans;

        /// <summary>The item, the price left of each unit, and the candidate: what makes runs alike.</summary>
        public int Item { get; } = item;

        public decimal Remaining { get; } = remaining;

        public int Best { get; } = best;

        public decimal PerUnit { get; } = perUnit;

        public int Count { get; set; }

        /// <summary>The most the group saves: its units at the most per unit (set once the units are counted).</summary>
        public decimal Saving { get; set; }
    }

    /// <returns>The best sets and their saving, and whether some group was split coarsely; null when the node budget
    /// ran out.</returns>
    private static ((Dictionary<Promotion, List<Span>> Sets, decimal Total) Solution, bool Coarse)? SolveExactly(
        UnitPool pool, List<LaneCandidate> component, Func<Promotion, decimal, decimal> cap)
    {
        var greedy = SolveGreedily(pool, component, cap);
        var search = new Search(pool, component, cap, greedy);
        return search.Run() ? ((search.BestSets(), search.BestTotal), search.Coarse) : null;
    }

    /// <summary>The branch-and-bound search of one component.</summary>
    private sealed class Search
    {
        private readonly UnitPool _pool;
        private readonly List<LaneCandidate> _candidates;
        private readonly Func<Promotion, decimal, decimal> _cap;
        private readonly List<Group> _groups = [];
        private readonly decimal[][] _perUnit;          // [candidate][group]: the most one unit of the group can save
        private readonly int[] _lastGroup;              // [candidate]: the last group it may get units from
        private readonly List<Span>[] _current;         // [candidate]: units given so far
        private readonly int[][] _counts;               // [candidate][group]: how many units of the group it has
        private readonly decimal[] _optimistic;         // [candidate]: sum of per-unit bests of units given so far
        private readonly decimal[] _remainingBound;     // [group]: best possible from this group on
        private readonly Dictionary<int[], decimal>[] _memo; // [candidate]: exact saving by units of each group
        private List<Span>[]? _best;
        private decimal _bar; // what a solution must save more than to be kept
        private int _nodes;

        public Search(UnitPool pool, List<LaneCandidate> candidates, Func<Promotion, decimal, decimal> cap,
            (Dictionary<Promotion, List<Span>> Sets, decimal Total) incumbent)
        {
            _pool = pool;
            _candidates = [.. candidates];
            _candidates.Sort(static (a, b) => Promotion.CompareIds(a.Promotion, b.Promotion)); // ids are unique
            _cap = cap;

            // Runs of alike units, cut so that each is wholly in or out of every candidate's units; each with the
            // candidates that may use it, first seen first.
            var reads = new List<List<Part>>(_candidates.Count);
            foreach (var candidate in _candidates)
            {
                reads.Add(pool.Read(candidate.Units));
            }

            var cut = UnitPool.CutAtEdges(reads);
            var usable = new List<(Span Span, decimal Remaining, List<int> Candidates)>();
            Dictionary<Span, int>? usableAt = null; // made past a few, as in SolveAdditive
            for (var c = 0; c < _candidates.Count; c++)
            {
                foreach (var part in cut[c])
                {
                    var at = UsableAt(part.Span);
                    if (at < 0)
                    {
                        at = usable.Count;
                        usable.Add((part.Span, part.Remaining, []));
                        if (usableAt is not null)
                        {
                            usableAt[part.Span] = at;
                        }
                        else if (usable.Count > FewRuns)
                        {
                            usableAt = new Dictionary<Span, int>(2 * FewRuns);
                            for (var u = 0; u < usable.Count; u++)
                            {
                                usableAt[usable[u].Span] = u;
                            }
                        }
                    }

                    usable[at].Candidates.Add(c);
                }
            }

            int UsableAt(Span span)
            {
                if (usableAt is not null)
                {
                    return usableAt.GetValueOrDefault(span, -1);
                }

                for (var u = 0; u < usable.Count; u++)
                {
                    if (usable[u].Span == span)
                    {
                        return u;
                    }
                }

                return -1;
            }

            // Interchangeable units: same item and same price left, usable by the same promotions. Among promotions
            // whose saving is a plain sum over units (uncapped percentages and amounts off each), only the best for
            // a unit is worth trying: giving the unit to another of them never saves more (ties: the first).
            foreach (var (_, remaining, list) in usable)
            {
                var best = -1;
                var additive = 0;
                var bestPerUnit = 0m;
                foreach (var c in list)
                {
                    if (IsAdditive(_candidates[c]))
                    {
                        additive++;
                        var perUnit = _candidates[c].Discount.MostPerUnit(remaining);
                        if (best < 0 || perUnit > bestPerUnit)
                        {
                            (best, bestPerUnit) = (c, perUnit);
                        }
                    }
                }

                if (additive > 1)
                {
                    list.RemoveAll(c => c != best && IsAdditive(_candidates[c]));
                }
            }

            // Groups of runs alike in item, price left and candidates, first seen first, each's runs in the canonical
            // order.
            var itemOf = pool.ItemOf;
            var members = new List<List<int>>(); // [group]: its runs' places in usable
            for (var u = 0; u < usable.Count; u++)
            {
                var g = 0;
                while (g < members.Count && !Alike(usable[members[g][0]], usable[u], itemOf))
                {
                    g++;
                }

                if (g == members.Count)
                {
                    members.Add([]);
                }

                members[g].Add(u);
            }

            static bool Alike((Span Span, decimal Remaining, List<int> Candidates) a, (Span Span, decimal Remaining, List<int> Candidates) b, int[] itemOf) =>
                itemOf[a.Span.Line] == itemOf[b.Span.Line] && a.Remaining == b.Remaining
                && CollectionsMarshal.AsSpan(a.Candidates).SequenceEqual(CollectionsMarshal.AsSpan(b.Candidates));

            var groups = new List<Group>(members.Count);
            foreach (var runs in members)
            {
                // In the canonical order, ties as found (an insertion sort: a group has a few runs); the group is read
                // from its first run so.
                for (var i = 1; i < runs.Count; i++)
                {
                    var run = runs[i];
                    var j = i - 1;
                    for (; j >= 0 && pool.CompareCanonical(usable[runs[j]].Span, usable[run].Span) > 0; j--)
                    {
                        runs[j + 1] = runs[j];
                    }

                    runs[j + 1] = run;
                }

                var spans = new Span[runs.Count];
                var count = 0;
                for (var i = 0; i < spans.Length; i++)
                {
                    spans[i] = usable[runs[i]].Span;
                    count += spans[i].Count;
                }

                var first = usable[runs[0]];
                groups.Add(new Group(spans, [.. first.Candidates], count, first.Remaining));
            }

            var perUnitOf = new decimal[_candidates.Count][];
            for (var c = 0; c < _candidates.Count; c++)
            {
                perUnitOf[c] = new decimal[groups.Count];
            }

            var mostOf = new decimal[groups.Count]; // [group]: the most its units can save
            for (var g = 0; g < groups.Count; g++)
            {
                var most = decimal.MinValue;
                foreach (var c in groups[g].Eligible)
                {
                    perUnitOf[c][g] = _candidates[c].Discount.MostPerUnit(groups[g].Remaining);
                    most = Math.Max(most, perUnitOf[c][g]);
                }

                mostOf[g] = most * groups[g].Count;
            }

            // Largest possible discounts first: good solutions early make the bound bite (ties: the canonical order of
            // their first runs, then as found).
            var order = new int[groups.Count];
            for (var g = 0; g < order.Length; g++)
            {
                order[g] = g;
            }

            Array.Sort(order, (a, b) =>
            {
                var byMost = mostOf[b].CompareTo(mostOf[a]);
                var byFirst = byMost != 0 ? byMost : pool.CompareCanonical(groups[a].Spans[0], groups[b].Spans[0]);
                return byFirst != 0 ? byFirst : a.CompareTo(b);
            });

            _perUnit = new decimal[_candidates.Count][];
            for (var c = 0; c < _candidates.Count; c++)
            {
                _perUnit[c] = new decimal[groups.Count];
                for (var g = 0; g < order.Length; g++)
                {
                    _perUnit[c][g] = perUnitOf[c][order[g]];
                }
            }

            foreach (var g in order)
            {
                _groups.Add(groups[g]);
            }

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
                _remainingBound[g] = _remainingBound[g + 1] + mostOf[order[g]];
            }

            _current = new List<Span>[_candidates.Count];
            _counts = new int[_candidates.Count][];
            _memo = new Dictionary<int[], decimal>[_candidates.Count];
            for (var c = 0; c < _candidates.Count; c++)
            {
                _current[c] = [];
                _counts[c] = new int[_groups.Count];
                _memo[c] = new Dictionary<int[], decimal>(CountsComparer.Instance);
            }

            _optimistic = new decimal[_candidates.Count];

            // The greedy solution is the first incumbent, so the bound prunes from the start; but the first solution
            // the search finds that saves as much replaces it, so that among equal savings the search order decides
            // (a function of the groups, so of the items), never the greedy pass or the noise in the last digits.
            BestTotal = incumbent.Total;
            _bar = incumbent.Total - Tolerance;
            _best = new List<Span>[_candidates.Count];
            for (var c = 0; c < _candidates.Count; c++)
            {
                _best[c] = incumbent.Sets.TryGetValue(_candidates[c].Promotion, out var units) ? units : [];
            }
        }

        public decimal BestTotal { get; private set; }

        /// <summary>Gets a value indicating whether some group was too large to split every way.</summary>
        public bool Coarse { get; private set; }

        /// <summary>Searches; false when the node budget ran out.</summary>
        public bool Run() => Visit(0, 0m);

        public Dictionary<Promotion, List<Span>> BestSets()
        {
            var sets = new Dictionary<Promotion, List<Span>>();
            for (var c = 0; c < _candidates.Count; c++)
            {
                if (_best![c].Count > 0)
                {
                    sets[_candidates[c].Promotion] = [.. _best[c]];
                }
            }

            return sets;
        }

        private bool IsAdditive(LaneCandidate candidate) => candidate.Discount.IsAdditive && candidate.Promotion.MaxDiscount is null;

        /// <summary>The exact saving of a candidate on the units it has, remembered by how many of each group it has
        /// (alike units save alike, whichever of them it has).</summary>
        private decimal ExactSaving(int candidate)
        {
            if (!_memo[candidate].TryGetValue(_counts[candidate], out var saving))
            {
                _memo[candidate][(int[])_counts[candidate].Clone()] = saving = Saving(_pool, _candidates[candidate], _current[candidate], _cap);
            }

            return saving;
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
                if (closed > _bar)
                {
                    BestTotal = closed;
                    _bar = closed + Tolerance;
                    var best = new List<Span>[_current.Length];
                    for (var c = 0; c < best.Length; c++)
                    {
                        best[c] = new List<Span>(_current[c]);
                    }

                    _best = best;
                }

                return true;
            }

            if (closed + OpenBound(group) + _remainingBound[group] <= _bar)
            {
                return true;
            }

            var current = _groups[group];
            var eligible = current.Eligible;
            var mayKeep = false;
            foreach (var c in eligible)
            {
                mayKeep |= !_candidates[c].Discount.IsMonotone;
            }

            var added = new int[eligible.Length];
            foreach (var split in Splits(current, mayKeep))
            {
                var given = 0;
                for (var i = 0; i < eligible.Length; i++)
                {
                    var c = eligible[i];
                    var before = _current[c].Count;
                    current.Take(given, split[i], _current[c]);
                    added[i] = _current[c].Count - before;
                    given += split[i];
                    _counts[c][group] = split[i];
                    _optimistic[c] += split[i] * _perUnit[c][group];
                }

                var nextClosed = closed;
                foreach (var c in eligible)
                {
                    if (_lastGroup[c] == group)
                    {
                        nextClosed += ExactSaving(c);
                    }
                }

                var finished = Visit(group + 1, nextClosed);
                for (var i = 0; i < eligible.Length; i++)
                {
                    var c = eligible[i];
                    _current[c].RemoveRange(_current[c].Count - added[i], added[i]);
                    _counts[c][group] = 0;
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

        /// <summary>Ways to split a group's units over its candidates, most to the first ones first. With monotone
        /// candidates every unit is given away (more units never save less); otherwise a last bin keeps units from
        /// everyone. A small group is split every way; a large one only at the counts that matter to each candidate
        /// (see <see cref="Counts"/>), and the search is then no longer exact.</summary>
        private IEnumerable<int[]> Splits(Group group, bool mayKeep)
        {
            var k = group.Eligible.Length + (mayKeep ? 1 : 0);
            var coarse = group.Count > MaxExactGroup && k > 1;
            Coarse |= coarse;
            var split = new int[k];
            return Recurse(0, group.Count);

            IEnumerable<int[]> Recurse(int index, int left)
            {
                if (index == k - 1)
                {
                    split[index] = left;
                    yield return split;
                    yield break;
                }

                if (coarse)
                {
                    foreach (var take in Counts(group.Eligible[index], group, left))
                    {
                        split[index] = take;
                        foreach (var s in Recurse(index + 1, left - take))
                        {
                            yield return s;
                        }
                    }

                    yield break;
                }

                // Every count, most first (no sequence is made for them).
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

        /// <summary>The counts of a large group worth offering a candidate, most first: all that is left, none, and
        /// where its own rules change (its most sets; the units that reach its cap), in whole sets.</summary>
        private IEnumerable<int> Counts(int candidate, Group group, int left)
        {
            var discount = _candidates[candidate].Discount;
            var size = discount.Granularity;
            var counts = new SortedSet<int> { 0, left, left / size * size };
            if (discount.MaxSets is { } sets && (long)sets * size < left)
            {
                counts.Add(sets * size);
            }

            var perUnit = discount.MostPerUnit(group.Remaining);
            if (_candidates[candidate].Promotion.MaxDiscount is { } cap && perUnit > 0m && cap.Amount / perUnit < left)
            {
                var units = (int)Math.Ceiling(cap.Amount / perUnit);
                counts.Add(Math.Min(left, (units + size - 1) / size * size));
            }

            return counts.Reverse();
        }
    }

    /// <summary>Alike units of a component: runs of one item (of lines alike in all but id and quantity), at one price
    /// left, usable by the same candidates.</summary>
    private sealed record Group(Span[] Spans, int[] Eligible, int Count, decimal Remaining)
    {
        /// <summary>Adds the group's units from <paramref name="offset"/> on, <paramref name="count"/> of them, in the
        /// canonical order.</summary>
        public void Take(int offset, int count, List<Span> into)
        {
            foreach (var span in Spans)
            {
                if (count == 0)
                {
                    return;
                }

                if (offset >= span.Count)
                {
                    offset -= span.Count;
                    continue;
                }

                var n = Math.Min(span.Count - offset, count);
                into.Add(span.Slice(offset, n));
                count -= n;
                offset = 0;
            }
        }
    }

    private sealed class CountsComparer : IEqualityComparer<int[]>
    {
        public static readonly CountsComparer Instance = new();

        public bool Equals(int[]? x, int[]? y) => x.AsSpan().SequenceEqual(y);

        public int GetHashCode(int[] obj)
        {
            var hash = default(HashCode);
            foreach (var count in obj)
            {
                hash.Add(count);
            }

            return hash.ToHashCode();
        }
    }
}
