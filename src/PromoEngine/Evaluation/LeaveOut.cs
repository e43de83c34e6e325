using System;
using System.Collections.Generic;
using System.Linq;
using System.Numerics;

namespace PromoEngine;

/// <summary>
/// Under "best for the shopper": the promotions of a chosen combination whose presence may cost the shopper, and the
/// search for the cheapest combination without some of them.
/// </summary>
/// <remarks>
/// <para>Lanes apply one after another, so a promotion changes the prices every later stage sees. That helps the
/// shopper, except through a promotion that moves value between units: a fixed price for a set, a buy-X-get-Y (which
/// unit is free), a capped discount or an amount spread over lines. Take a $100 shirt and a $100 hat, "2 for $100" in
/// a lane below "10 % off hats", and "50 % off hats" in the lowest lane. Without the 10 %, the set price gives 50 and
/// 50, and the hat ends at 25: 75 in all. With it, the hat is 90 when the set price is spread, so the shirt takes
/// 52.63 and the hat 47.37, which ends at 23.68: 76.32. The 10 % costs the shopper 1.32.</para>
/// <para>Stages: lanes from the highest priority down; inside a lane items, then order. A promotion is suspect when, on
/// lines it can reach, a later stage has a promotion that does not treat every item alike (anything but an order
/// discount on all items or an uncapped percentage off all items), and either the suspect moves value itself, or a promotion that moves value shares its
/// lines in a stage between them, or the suspect competes for units with other item promotions of its lane: taking
/// units, it changes which units the others take (on every line of the item promotions linked to it by shared lines),
/// and the lane's best is not always the order's best when an order discount on some items follows (a buy-X-get-Y
/// saving on items that "100 % off" makes free anyway, instead of on items it does not). Every combination the evaluator
/// considered (groups, exclusives, classes) is searched so: up to <see cref="MaxSuspects"/> suspects each, every subset
/// of them is tried without, and the cheapest total over all wins (ties: the earlier combination, then fewer left
/// out). A combination with more suspects, or past <see cref="MaxEvaluations"/> evaluations in all, is not searched,
/// and the result says a fallback was used. Each combination tried is then searched the same way, breadth first, while
/// the evaluations last (leaving one promotion out may let another apply that costs the shopper too); running out
/// there is not called a fallback, as the combinations the evaluator considered were all searched. Shipping promotions are never suspect: shipping is one amount, and
/// discounting it earlier never makes a later shipping discount leave more to pay.</para>
/// <para>A promotion with a shipping part (<see cref="Discount.ShippingPart"/>) that did not apply makes the applied
/// promotions sharing its lines suspect: the lanes choose by item and order savings alone.</para>
/// </remarks>
internal static class LeaveOut
{
    /// <summary>The most suspects of one combination whose every subset is tried (15 more evaluations).</summary>
    public const int MaxSuspects = 4;

    /// <summary>The most evaluations spent leaving promotions out, over all the combinations of one cart.</summary>
    public const int MaxEvaluations = 32;

    /// <summary>A combination's identity: its promotions' ids, sorted.</summary>
    public static string Key(List<Promotion> combination) =>
        string.Join("\n", combination.Select(p => p.Id.Value).Order(System.StringComparer.Ordinal));

    /// <summary>The applied promotions of a combination that may cost the shopper, by priority then id.</summary>
    /// <param name="scenario">The combination (each promotion once).</param>
    /// <param name="result">Its evaluation.</param>
    /// <param name="matchingLines">The cart lines an item filter lets through. A promotion can use (to qualify or to
    /// discount) the lines of its qualifying items and those of its get items.</param>
    /// <param name="lineCount">How many lines the cart has.</param>
    /// <param name="measuredLinesOf">The cart lines whose amounts a promotion measures after higher lanes (see
    /// <see cref="ThresholdBasis.AfterHigherLanes"/>; none for a promotion without a restriction so measured): an applied
    /// promotion of a higher lane that touches them is a suspect too, since it may keep that promotion from reaching its
    /// threshold.</param>
    /// <remarks>What lies after each stage is summed up once, from the last stage back, as sets of lines: a promotion
    /// can only reach the lines it touches, and through them the promotions that share them.
    /// <para>Implementation note: this runs for every combination of every evaluation under "best for the shopper", over
    /// every admitted promotion, and asking a promotion something (its lines, how it moves value, whether it applied)
    /// costs more than the rules' own work. So a promotion is asked each thing once at most, and only when a rule needs
    /// it; the answers are kept by its place in the combination (see <see cref="Facts"/>), on the stack for a combination
    /// and a cart of common size. Lines are bits, the stages ranges of one array, rivals found by a union-find over the
    /// lines; whether a promotion applied is asked last (a set of the applied ids is made for the first), only of one a
    /// rule would make a suspect.</para></remarks>
    public static List<Promotion> Suspects(List<Promotion> scenario, EvaluationResult result, Func<ItemFilter, int[]> matchingLines, int lineCount, Func<Promotion, int[]> measuredLinesOf)
    {
        if (result.Applied.Length == 0)
        {
            return []; // only a promotion that applied can have cost the shopper anything
        }

        var count = scenario.Count;
        var words = (lineCount + 63) / 64;
        var facts = new Facts(
            scenario,
            result,
            matchingLines,
            words,
            count * words <= StackLimit ? stackalloc ulong[count * words] : new ulong[count * words],
            count <= StackLimit ? stackalloc Fact[count] : new Fact[count],
            count <= StackLimit ? stackalloc int[count] : new int[count]);

        // Each promotion once: the lanes (the priorities of item and order promotions), the highest, whether there is an
        // order promotion, and the places of the item and order promotions (shipping promotions are never suspects).
        var priorities = count <= StackLimit ? stackalloc int[count] : new int[count];
        var itemsAndOrders = count <= StackLimit ? stackalloc int[count] : new int[count];
        var lanes = 0;
        var highest = int.MinValue;
        var itemsAndOrdersCount = 0;
        var hasOrder = false;
        for (var i = 0; i < count; i++)
        {
            var promotion = scenario[i];
            facts.Survey(i, promotion);
            if (facts.Has(i, Fact.Shipping))
            {
                continue;
            }

            if (priorities[..lanes].IndexOf(promotion.Priority) < 0)
            {
                priorities[lanes++] = promotion.Priority;
                highest = Math.Max(highest, promotion.Priority);
            }

            hasOrder |= facts.Has(i, Fact.Order);
            itemsAndOrders[itemsAndOrdersCount++] = i;
        }

        itemsAndOrders = itemsAndOrders[..itemsAndOrdersCount];
        if (lanes > 1 || (lanes == 1 && hasOrder))
        {
            ValueSuspects(ref facts, itemsAndOrders, priorities[..lanes], lineCount);
        }

        var measuredLines = words <= StackLimit ? stackalloc ulong[words] : new ulong[words];
        for (var measuringAt = 0; measuringAt < count; measuringAt++)
        {
            // Only an item or order promotion of a higher lane can be a suspect.
            var measuring = scenario[measuringAt];
            if (facts.Priority(measuringAt) >= highest || !MeasuresAfterHigherLanes(measuring)
                || measuredLinesOf(measuring) is not { Length: > 0 } measured)
            {
                continue;
            }

            measuredLines.Clear();
            Add(measuredLines, measured);
            foreach (var i in itemsAndOrders)
            {
                if (facts.Priority(i) > facts.Priority(measuringAt) && !facts.Has(i, Fact.Suspect)
                    && Overlaps(facts.Lines(i), measuredLines) && facts.IsApplied(i))
                {
                    facts.AddSuspect(i);
                }
            }
        }

        // A promotion with a shipping part that did not apply: the lanes choose by what promotions save on items and the
        // order, so the applied promotions that share its lines may have cost the shopper its shipping part.
        for (var blockedAt = 0; blockedAt < count; blockedAt++)
        {
            if (scenario[blockedAt].Discount.ShippingPart(0m) is null || !facts.HasLines(blockedAt) || facts.IsApplied(blockedAt))
            {
                continue;
            }

            var blockedLines = facts.Lines(blockedAt);
            foreach (var i in itemsAndOrders)
            {
                if (i != blockedAt && !facts.Has(i, Fact.Suspect) && Overlaps(facts.Lines(i), blockedLines) && facts.IsApplied(i))
                {
                    facts.AddSuspect(i);
                }
            }
        }

        if (facts.Suspects is not { } suspects)
        {
            return [];
        }

        // By priority, then id (ordinally, as PromotionId compares); an insertion sort keeps ties in the order found.
        for (var i = 1; i < suspects.Count; i++)
        {
            var suspect = suspects[i];
            var j = i - 1;
            for (; j >= 0 && ComesAfter(suspects[j], suspect); j--)
            {
                suspects[j + 1] = suspects[j];
            }

            suspects[j + 1] = suspect;
        }

        return suspects;

        static bool ComesAfter(Promotion a, Promotion b) =>
            a.Priority != b.Priority ? a.Priority < b.Priority : a.Id.CompareTo(b.Id) > 0;
    }

    /// <summary>The applied promotions that may cost the shopper by moving value onto lines a later promotion treats
    /// unlike the others (see <see cref="Suspects"/>), added to the facts' suspects stage by stage.</summary>
    /// <param name="facts">What is known of the combination's promotions.</param>
    /// <param name="itemsAndOrders">The places of the item and order promotions, in order.</param>
    /// <param name="priorities">The lanes' priorities, each once, in no order (sorted here).</param>
    /// <param name="lineCount">How many lines the cart has.</param>
    private static void ValueSuspects(ref Facts facts, scoped ReadOnlySpan<int> itemsAndOrders, scoped Span<int> priorities, int lineCount)
    {
        var words = facts.Words;

        // Lanes, highest priority first: the stage of lane l is 2l for its items, 2l + 1 for its order. Only promotions
        // that reach a line of this cart matter: byStage lists those of stage s (by their places, in the combination's
        // order) from start[s] to start[s + 1].
        priorities.Sort();
        priorities.Reverse();
        var stages = 2 * priorities.Length;
        var count = itemsAndOrders.Length;
        var stageOf = count <= StackLimit ? stackalloc int[count] : new int[count];
        var start = stages < StackLimit ? stackalloc int[stages + 1] : new int[stages + 1];
        start.Clear();
        for (var k = 0; k < count; k++)
        {
            var i = itemsAndOrders[k];
            if (!facts.HasLines(i))
            {
                stageOf[k] = -1;
                continue;
            }

            facts.ReadHowItTreatsItems(i);
            stageOf[k] = (2 * priorities.IndexOf(facts.Priority(i))) + (facts.Has(i, Fact.Order) ? 1 : 0);
            start[stageOf[k] + 1]++;
        }

        for (var s = 0; s < stages; s++)
        {
            start[s + 1] += start[s];
        }

        var byStage = count <= StackLimit ? stackalloc int[count] : new int[count];
        var next = stages <= StackLimit ? stackalloc int[stages] : new int[stages];
        start[..stages].CopyTo(next);
        for (var k = 0; k < count; k++)
        {
            if (stageOf[k] >= 0)
            {
                byStage[next[stageOf[k]]++] = itemsAndOrders[k];
            }
        }

        // Sensitive(s): the lines of promotions after stage s that do not treat all items alike. Movers(s): the lines of
        // promotions after stage s that move value onto lines a later sensitive one uses. After the last stage: none.
        var sets = 2 * stages * words <= StackLimit ? stackalloc ulong[2 * stages * words] : new ulong[2 * stages * words];
        sets.Clear();
        var sensitiveAfter = sets[..(stages * words)];
        var moversAfter = sets[(stages * words)..];
        for (var s = stages - 2; s >= 0; s--)
        {
            var after = sensitiveAfter.Slice(s * words, words);
            sensitiveAfter.Slice((s + 1) * words, words).CopyTo(after);
            foreach (var i in byStage[start[s + 1]..start[s + 2]])
            {
                if (!facts.Has(i, Fact.TreatsAllAlike))
                {
                    UnionWith(after, facts.Lines(i));
                }
            }
        }

        if (IsEmpty(sensitiveAfter[..words]))
        {
            return; // nothing later can be hurt
        }

        for (var s = stages - 2; s >= 0; s--)
        {
            var after = moversAfter.Slice(s * words, words);
            moversAfter.Slice((s + 1) * words, words).CopyTo(after);
            var sensitive = sensitiveAfter.Slice((s + 1) * words, words);
            foreach (var i in byStage[start[s + 1]..start[s + 2]])
            {
                var lines = facts.Lines(i);
                if (facts.Has(i, Fact.MovesValue) && Overlaps(lines, sensitive))
                {
                    UnionWith(after, lines);
                }
            }
        }

        // The groups of item promotions linked by shared lines, for the stage that asks (see Rivalry).
        var root = lineCount <= StackLimit ? stackalloc int[lineCount] : new int[lineCount];
        var groupSize = lineCount <= StackLimit ? stackalloc int[lineCount] : new int[lineCount];
        var groupHurts = lineCount <= StackLimit ? stackalloc bool[lineCount] : new bool[lineCount];
        for (var stage = 0; stage < stages; stage++)
        {
            var sensitive = sensitiveAfter.Slice(stage * words, words);
            if (IsEmpty(sensitive))
            {
                break; // nothing after this stage can be hurt, nor after any later one (movers need a sensitive line too)
            }

            var movers = moversAfter.Slice(stage * words, words);
            var members = byStage[start[stage]..start[stage + 1]];
            var grouped = false;
            foreach (var i in members)
            {
                var lines = facts.Lines(i);

                // A promotion that itself moves value between units (a set price, a capped or spread amount) changes
                // which units a later sensitive promotion prefers: $45 off a hat can make it the cheapest "get" item of
                // a buy-X-get-Y below, which then finds no unit left to buy.
                if (Overlaps(lines, movers) || (facts.Has(i, Fact.MovesValue) && Overlaps(lines, sensitive)))
                {
                    if (facts.IsApplied(i))
                    {
                        facts.AddSuspect(i);
                    }

                    continue;
                }

                // Competing for units in its own lane, an item promotion changes which units the others take: the lines
                // of every item promotion linked to it by shared lines (its rivals) may end up priced otherwise.
                if (stage % 2 != 0 || members.Length < 2)
                {
                    continue;
                }

                if (!grouped)
                {
                    Rivalry(ref facts, members, sensitive, root, groupSize, groupHurts);
                    grouped = true;
                }

                var group = Find(root, FirstLine(lines));
                if (groupSize[group] > 1 && groupHurts[group] && facts.IsApplied(i))
                {
                    facts.AddSuspect(i);
                }
            }
        }
    }

    /// <summary>The groups of a stage's item promotions linked by shared lines: a line's group is its root (lines no
    /// promotion uses are groups of none); how many promotions each group has (counted up to two); and whether each has
    /// a line of <paramref name="sensitive"/>.</summary>
    /// <remarks>Implementation note: a union-find over the cart's lines, as <c>LaneSolver.Roots</c> does: a group's
    /// lines are then the lines its promotions use, which <c>Connected.Groups</c> would have gathered.</remarks>
    private static void Rivalry(ref Facts facts, scoped ReadOnlySpan<int> members, scoped ReadOnlySpan<ulong> sensitive, scoped Span<int> root, scoped Span<int> groupSize, scoped Span<bool> groupHurts)
    {
        for (var line = 0; line < root.Length; line++)
        {
            root[line] = line;
        }

        groupSize.Clear();
        groupHurts.Clear();
        foreach (var i in members)
        {
            var lines = facts.Lines(i);
            var first = FirstLine(lines);
            for (var word = 0; word < lines.Length; word++)
            {
                for (var bits = lines[word]; bits != 0; bits &= bits - 1)
                {
                    // The smaller root wins, as in Connected.Groups (any would do: only the grouping matters).
                    var (a, b) = (Find(root, first), Find(root, (64 * word) + BitOperations.TrailingZeroCount(bits)));
                    root[Math.Max(a, b)] = Math.Min(a, b);
                }
            }
        }

        foreach (var i in members)
        {
            var group = Find(root, FirstLine(facts.Lines(i)));
            groupSize[group] = Math.Min(groupSize[group] + 1, 2);
        }

        for (var word = 0; word < sensitive.Length; word++)
        {
            for (var bits = sensitive[word]; bits != 0; bits &= bits - 1)
            {
                groupHurts[Find(root, (64 * word) + BitOperations.TrailingZeroCount(bits))] = true;
            }
        }
    }

    /// <summary>The root of a line's group, each line on the way pointed at its grandparent.</summary>
    private static int Find(Span<int> root, int line)
    {
        while (root[line] != line)
        {
            root[line] = root[root[line]];
            line = root[line];
        }

        return line;
    }

    /// <summary>The first line of a set that has one.</summary>
    private static int FirstLine(ReadOnlySpan<ulong> lines)
    {
        var word = 0;
        while (lines[word] == 0)
        {
            word++;
        }

        return (64 * word) + BitOperations.TrailingZeroCount(lines[word]);
    }

    /// <summary>Every non-empty subset of the suspects, fewer first, each as the combination without it.</summary>
    public static IEnumerable<List<Promotion>> Without(List<Promotion> scenario, List<Promotion> suspects)
    {
        var count = suspects.Count;
        return Enumerable.Range(1, (1 << count) - 1)
            .OrderBy(mask => System.Numerics.BitOperations.PopCount((uint)mask))
            .ThenBy(mask => mask)
            .Select(mask =>
            {
                var dropped = suspects.Where((_, i) => (mask & (1 << i)) != 0).ToHashSet();
                return scenario.Where(p => !dropped.Contains(p)).ToList();
            });
    }

    /// <summary>Whether a promotion has a threshold measured after higher lanes: without one it measures no line so.</summary>
    /// <remarks>Implementation note: most promotions have none, and this is cheaper to ask than for the lines measured.</remarks>
    private static bool MeasuresAfterHigherLanes(Promotion promotion)
    {
        foreach (var restriction in promotion.Restrictions)
        {
            if (restriction.MeasuredAfterHigherLanes)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether a promotion can lower one unit's price by raising another's share: a set price, a choice of
    /// which unit is free, a cap, or an amount spread over lines.</summary>
    private static bool MovesValue(Promotion promotion) => promotion.MaxDiscount is not null || promotion.Discount.MovesValue;

    /// <summary>Whether what a promotion saves depends only on the sum of what is left of every item.</summary>
    private static bool TreatsAllAlike(Promotion promotion) =>
        promotion.QualifyingItems.IsAll
        && promotion.Discount.DependsOnlyOnTotal(capped: promotion.MaxDiscount is not null);

    /// <summary>The most elements of one kind held on the stack; past it they are on the heap.</summary>
    private const int StackLimit = 256;

    // Sets of cart lines, as bits: line l is bit l % 64 of word l / 64.
    private static void Add(Span<ulong> set, int[] lines)
    {
        foreach (var line in lines)
        {
            set[line / 64] |= 1UL << (line % 64);
        }
    }

    private static void UnionWith(Span<ulong> set, ReadOnlySpan<ulong> other)
    {
        for (var word = 0; word < set.Length; word++)
        {
            set[word] |= other[word];
        }
    }

    private static bool Overlaps(ReadOnlySpan<ulong> set, ReadOnlySpan<ulong> other)
    {
        for (var word = 0; word < set.Length; word++)
        {
            if ((set[word] & other[word]) != 0)
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsEmpty(ReadOnlySpan<ulong> set) => set.IndexOfAnyExcept(0UL) < 0;

    /// <summary>What the rules ask of a promotion, read once (see <see cref="Facts"/>).</summary>
    [Flags]
    private enum Fact : ushort
    {
        None = 0,

        // Read of every promotion first (see Facts.Survey).
        Shipping = 1 << 0,
        Order = 1 << 1,

        // Read of an item or order promotion that reaches a line when the stages are made (see Facts.ReadHowItTreatsItems).
        MovesValue = 1 << 2,
        TreatsAllAlike = 1 << 3,

        // Read when first asked.
        LinesKnown = 1 << 4,
        HasLines = 1 << 5,
        AppliedKnown = 1 << 6,
        Applied = 1 << 7,

        // Found.
        Suspect = 1 << 8,
    }

    /// <summary>What the rules ask of each promotion of a combination, by its place in it (its class and priority,
    /// how it moves value, its lines, whether it applied: each read once), and the suspects found so far, in the order
    /// found.</summary>
    private ref struct Facts
    {
        private readonly EvaluationResult _result;
        private readonly Func<ItemFilter, int[]> _matchingLines;
        private readonly Span<ulong> _lines;
        private readonly Span<Fact> _facts;
        private readonly Span<int> _priority;
        private HashSet<string>? _applied;

        public Facts(List<Promotion> scenario, EvaluationResult result, Func<ItemFilter, int[]> matchingLines, int words, Span<ulong> lines, Span<Fact> facts, Span<int> priority)
        {
            Scenario = scenario;
            Words = words;
            _result = result;
            _matchingLines = matchingLines;
            _lines = lines;
            _facts = facts;
            _priority = priority;
            _lines.Clear();
            _facts.Clear();
        }

        /// <summary>The combination.</summary>
        public readonly List<Promotion> Scenario { get; }

        /// <summary>How many words of 64 lines a set of lines has.</summary>
        public readonly int Words { get; }

        /// <summary>The suspects found so far, in the order found; made for the first.</summary>
        public List<Promotion>? Suspects { get; private set; }

        /// <summary>Reads the class and priority of the promotion at place <paramref name="i"/>.</summary>
        public readonly void Survey(int i, Promotion promotion)
        {
            _facts[i] = promotion.Discount.Class switch
            {
                DiscountClass.Shipping => Fact.Shipping,
                DiscountClass.Order => Fact.Order,
                _ => Fact.None,
            };
            _priority[i] = promotion.Priority;
        }

        /// <summary>Reads whether the promotion at place <paramref name="i"/> moves value between units, and whether it
        /// treats all items alike.</summary>
        /// <remarks>Asked only of the promotions the stages hold (by <see cref="ValueSuspects"/>).</remarks>
        public readonly void ReadHowItTreatsItems(int i)
        {
            var promotion = Scenario[i];
            if (MovesValue(promotion))
            {
                _facts[i] |= Fact.MovesValue;
            }

            if (TreatsAllAlike(promotion))
            {
                _facts[i] |= Fact.TreatsAllAlike;
            }
        }

        /// <summary>Whether the promotion at place <paramref name="i"/> has a fact (read or found).</summary>
        public readonly bool Has(int i, Fact fact) => (_facts[i] & fact) != 0;

        /// <summary>The priority of the promotion at place <paramref name="i"/>.</summary>
        public readonly int Priority(int i) => _priority[i];

        /// <summary>The cart lines the promotion at place <paramref name="i"/> can use, to qualify or to discount.</summary>
        public readonly ReadOnlySpan<ulong> Lines(int i)
        {
            var lines = _lines.Slice(i * Words, Words);
            if (!Has(i, Fact.LinesKnown))
            {
                var promotion = Scenario[i];
                var qualifying = _matchingLines(promotion.QualifyingItems);
                Add(lines, qualifying);
                var any = qualifying.Length > 0;
                if (promotion.Discount.GetItems is { } getItems)
                {
                    var get = _matchingLines(getItems);
                    Add(lines, get);
                    any |= get.Length > 0;
                }

                _facts[i] |= any ? Fact.LinesKnown | Fact.HasLines : Fact.LinesKnown;
            }

            return lines;
        }

        /// <summary>Whether the promotion at place <paramref name="i"/> can use a line of the cart.</summary>
        public readonly bool HasLines(int i)
        {
            _ = Lines(i);
            return Has(i, Fact.HasLines);
        }

        /// <summary>Whether the promotion at place <paramref name="i"/> applied.</summary>
        public bool IsApplied(int i)
        {
            if (!Has(i, Fact.AppliedKnown))
            {
                _applied ??= AppliedIds(_result);
                _facts[i] |= _applied.Contains(Scenario[i].Id.Value) ? Fact.AppliedKnown | Fact.Applied : Fact.AppliedKnown;
            }

            return Has(i, Fact.Applied);
        }

        /// <summary>Makes the promotion at place <paramref name="i"/> a suspect.</summary>
        public void AddSuspect(int i)
        {
            _facts[i] |= Fact.Suspect;
            (Suspects ??= []).Add(Scenario[i]);
        }

        /// <summary>The ids of the applied promotions, as text.</summary>
        /// <remarks>Implementation note: ids compare as their text does, ordinally; a set of strings with the default
        /// comparer hashes them faster than a set of <see cref="PromotionId"/> (it starts with a non-randomized hash).</remarks>
        private static HashSet<string> AppliedIds(EvaluationResult result)
        {
            var ids = new HashSet<string>(result.Applied.Length);
            foreach (var applied in result.Applied)
            {
                ids.Add(applied.PromotionId.Value);
            }

            return ids;
        }
    }
}
