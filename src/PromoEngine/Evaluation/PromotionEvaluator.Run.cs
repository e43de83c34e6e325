using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Runtime.InteropServices;
using NodaTime;
using PromoEngine.Internal;

namespace PromoEngine;

public sealed partial class PromotionEvaluator
{
    /// <summary>The working state of one evaluation; used once, on one thread.</summary>
    private sealed partial class Run
    {
        private readonly PromotionEvaluator _evaluator;
        private readonly Cart _cart;
        private readonly Instant _at;
        private readonly UsageSnapshot _usage;
        private readonly Currency _currency;
        private UnitPool? _pool; // made when first needed (see Pool): the independent path never needs one
        private List<(int Entry, Rejection Rejection)>? _codeRejections; // by entry: the order typed; made for the first (see CodeRejections)
        private readonly List<Rejection> _rejections = [];
        private List<NearMissHint>? _hints; // made for the first hint (see Hints)
        private List<AppliedPromotion>? _applied; // made for the first application (RecordApplied): the independent path makes none
        private List<Redemption>? _redemptions; // made with the first application, as _applied
        private Dictionary<PromotionId, string>? _codeOf; // made for the first code entered
        private List<Promotion>? _entered; // made for the first code that resolves
        private readonly SharedState _shared; // what the run and its forks work out once
        private decimal _shippingRemaining;
        private decimal _itemDiscounts;
        private decimal _orderDiscounts;
        private decimal _shippingDiscount;
        private bool _usedFallback;
        private Promotion? _stoppedAll;
        private HashSet<Promotion>? _budgetCapped; // made for the first promotion a budget caps; shared by every fork
        private CodeAttempts _attempts = CodeAttempts.None;
        private HashSet<string>? _walletCodes; // the canonical codes taken from the wallet, made for the first; shared by every fork

        public Run(PromotionEvaluator evaluator, Cart cart, Instant at, UsageSnapshot usage)
            : this(evaluator, cart, at, usage, null, new SharedState())
        {
        }

        private Run(
            PromotionEvaluator evaluator,
            Cart cart,
            Instant at,
            UsageSnapshot usage,
            UnitPool? pool,
            SharedState shared)
        {
            _shared = shared;
            _evaluator = evaluator;
            _cart = cart;
            _at = at;
            _usage = usage;
            _currency = cart.Currency;
            _pool = pool;
            _shippingRemaining = cart.Shipping.Amount;
        }

        /// <summary>A run that starts where this one stands after <see cref="ResolveCodes"/> and <see cref="Admit"/>,
        /// without gating every promotion again: one per combination evaluated. Call it before <see cref="Apply"/>.</summary>
        public Run Fork()
        {
            var run = new Run(_evaluator, _cart, _at, _usage, Pool.Fresh(), _shared);
            run._codeRejections = _codeRejections is null ? null : [.. _codeRejections];
            run._rejections.AddRange(_rejections);
            run._hints = _hints is null ? null : [.. _hints];
            run._entered = _entered is null ? null : [.. _entered];
            run._budgetCapped = _budgetCapped;
            run._attempts = _attempts;
            run._walletCodes = _walletCodes;
            if (_codeOf is not null)
            {
                run._codeOf = new(_codeOf);
            }

            return run;
        }

        private EvaluationOptions Options => _evaluator.Options;

        /// <summary>The run's near-miss hints, made for the first: most evaluations have none.</summary>
        private List<NearMissHint> Hints => _hints ??= [];

        /// <summary>The rejections of codes entered, by entry, made for the first: most evaluations enter no code.</summary>
        private List<(int Entry, Rejection Rejection)> CodeRejections => _codeRejections ??= [];

        /// <summary>The applications recorded so far (<see cref="RecordApplied"/>), in order; none before the first.</summary>
        private ReadOnlySpan<AppliedPromotion> AppliedSoFar => CollectionsMarshal.AsSpan(_applied);

        /// <summary>The run's unit pool, made on first use; a fork's pool is a fresh copy of this one's, so every fork
        /// shares what never changes.</summary>
        private UnitPool Pool => _pool ??= new UnitPool(_cart);

        /// <summary>Reads the entered codes, in the order entered: a malformed entry is rejected as such, an unknown
        /// code as unknown (or a likely typo), a second code of one promotion as such; the others are the promotions
        /// entered. Repeats (the same code in another spelling, or the same malformed rendering) are ignored. Then the
        /// wallet's codes, the same way (they are not counted as attempts), an entry outside its own validity rejected as
        /// not started or expired.</summary>
        public void ResolveCodes(ReadOnlySpan<(string? Normalized, string Typed, string? Error)> codes, CustomerWallet wallet)
        {
            HashSet<string>? malformedSeen = null; // made when the first malformed entry turns up
            int entered = 0, unknown = 0, malformed = 0, typos = 0;
            foreach (var (normalized, typed, error) in codes)
            {
                if (normalized is null)
                {
                    var rendering = PromotionCode.Render(typed);
                    if ((malformedSeen ??= new(StringComparer.Ordinal)).Add(rendering))
                    {
                        malformed++;
                        CodeRejections.Add((entered++, new Rejection(null, rendering, RejectionReason.MalformedCode, $"The code entered cannot be read: {error}")));
                    }

                    continue;
                }

                // Every later step speaks of a code in one form: the promotion's own (folded) form when it resolves.
                var resolved = _evaluator.Catalog.Resolve(normalized);
                if (!(_shared.EntryOf ??= new(StringComparer.Ordinal)).TryAdd(resolved?.Code ?? normalized, entered))
                {
                    continue;
                }

                var entry = entered++;
                if (resolved is not var (promotion, code))
                {
                    if (_evaluator.Catalog.IsLikelyTypo(normalized))
                    {
                        typos++;
                        CodeRejections.Add((entry, new Rejection(null, normalized, RejectionReason.LikelyTypo, $"The code {normalized} looks mistyped: check each character.")));
                    }
                    else
                    {
                        unknown++;
                        CodeRejections.Add((entry, Unknown(normalized)));
                    }
                }
                else if (_codeOf?.TryGetValue(promotion.Id, out var first) == true)
                {
                    CodeRejections.Add((entry, new Rejection(promotion.Id, code, RejectionReason.SamePromotionCodeEntered,
                        $"The code {first} for the same promotion was entered first; a promotion applies once per order.")));
                }
                else
                {
                    (_codeOf ??= []).Add(promotion.Id, code);
                    (_entered ??= []).Add(promotion);
                }
            }

            _attempts = entered == 0 ? CodeAttempts.None : new CodeAttempts(entered, unknown, malformed, typos);
            foreach (var item in wallet.Entries)
            {
                // After the codes typed, in the wallet's order; a code typed as well counts as typed.
                var resolved = _evaluator.Catalog.Resolve(item.Code);
                if (!(_shared.EntryOf ??= new(StringComparer.Ordinal)).TryAdd(resolved?.Code ?? item.Code, entered))
                {
                    continue;
                }

                var entry = entered++;
                (_walletCodes ??= new(StringComparer.Ordinal)).Add(resolved?.Code ?? item.Code);
                if (resolved is not var (promotion, code))
                {
                    CodeRejections.Add((entry, Unknown(item.Code)));
                }
                else if (!item.IsValidAt(_at))
                {
                    CodeRejections.Add((entry, item.ValidUntil is { } until && _at >= until
                        ? new Rejection(promotion.Id, code, RejectionReason.Expired, $"The code {code} in your wallet expired at {until.ToString("g", CultureInfo.InvariantCulture)}.") { Boundary = until }
                        : new Rejection(promotion.Id, code, RejectionReason.NotStarted, $"The code {code} in your wallet can be used from {item.ValidFrom!.Value.ToString("g", CultureInfo.InvariantCulture)}.") { Boundary = item.ValidFrom }));
                }
                else if (_codeOf?.TryGetValue(promotion.Id, out var first) == true)
                {
                    CodeRejections.Add((entry, new Rejection(promotion.Id, code, RejectionReason.SamePromotionCodeEntered,
                        $"The code {first} for the same promotion was entered first; a promotion applies once per order.")));
                }
                else
                {
                    (_codeOf ??= []).Add(promotion.Id, code);
                    (_entered ??= []).Add(promotion);
                }
            }
        }

        /// <summary>Whether a code (in its canonical form) came from the customer's wallet.</summary>
        private bool IsWalletCode(string code) => _walletCodes?.Contains(code) == true;

        /// <summary>Whether a promotion was entered through the customer's wallet.</summary>
        private bool IsFromWallet(Promotion promotion) => _walletCodes is not null && CodeOf(promotion) is { } code && _walletCodes.Contains(code);

        /// <summary>Gates every candidate (codes entered, then automatic ones) and records the rejections.</summary>
        /// <returns>The promotions entered by code that may apply, in the order entered (they still compete for the
        /// order's code slots: see <see cref="WithCodes"/>), the automatic ones that may apply, and the ids of those
        /// entered by code that cannot apply (see <see cref="CannotApply"/>; only under
        /// <see cref="EvaluationOptions.HideCodeStatus"/>): they take a slot as before, but are not run.</returns>
        /// <remarks>Implementation note: a code competes for one of the order's code slots only when its promotion
        /// passes the gate, so an expired or unknown code never crowds out a good one typed after it.</remarks>
        public (List<Promotion> Coded, List<Promotion> Automatic, HashSet<PromotionId>? Inert) Admit()
        {
            var coded = new List<Promotion>();
            var walletOutsideSlots = new List<Promotion>();
            foreach (var promotion in _entered ?? NoPromotions)
            {
                if (Gate(promotion) is { } rejection)
                {
                    _rejections.Add(rejection);
                }
                else if (!Options.WalletCountsTowardCodeLimit && IsFromWallet(promotion))
                {
                    // It takes no code slot: it competes as an automatic promotion does (never inert: a wallet code is not hidden).
                    walletOutsideSlots.Add(WithinBudget(promotion));
                }
                else
                {
                    if (_inert?.Contains(promotion.Id) == true)
                    {
                        // What it would have been told is hidden anyway: shown as unknown, like every code that does not apply.
                        _rejections.Add(Reject(promotion, RejectionReason.NothingToDiscount, string.Empty));
                    }

                    coded.Add(WithinBudget(promotion));
                }
            }

            if (Options.HideCodeStatus)
            {
                // An unknown code costs what a code that does not apply costs (as a login checks a dummy hash for an
                // unknown user): each is gated, against a promotion that passes every check, and the outcome dropped.
                for (var i = 0; i < _attempts.Unknown; i++)
                {
                    _ = Gate(Decoy);
                }
            }

            var candidates = new CandidateSet();
            if (!Options.ExcludeAutomaticPromotions)
            {
                _evaluator.Catalog.AddAutomaticCandidates(_cart, Options, candidates);
                KeepLinesFound(candidates);
            }

            var automatic = walletOutsideSlots;
            automatic.EnsureCapacity(automatic.Count + candidates.Count);
            foreach (var promotion in candidates.Items)
            {
                if (Gate(promotion) is { } rejection)
                {
                    if (!ReferenceEquals(rejection, Unconcerned))
                    {
                        _rejections.Add(rejection);
                    }
                }
                else
                {
                    automatic.Add(WithinBudget(promotion));
                }
            }

            return (coded, automatic, _inert);
        }

        /// <summary>Keeps, as their filters' matching lines, the lines through which the index found promotions by the
        /// one SKU or category their filters name (<see cref="CandidateSet.Found"/>): the same lines
        /// <see cref="MatchingLines"/> would find, put in canonical order, so the gate does not match them again.</summary>
        /// <remarks>Implementation note: matching a filter's lines visits every cart line; the index visited them
        /// already to find the candidates (a tenth of the common cart's time).</remarks>
        private void KeepLinesFound(CandidateSet candidates)
        {
            var found = candidates.Found;
            if (found.IsEmpty || _evaluator.MatchEveryFilter)
            {
                return;
            }

            // The lines found grouped by place (a counting sort: each place's lines in the order found).
            var places = candidates.Count;
            Span<int> start = places < 256 ? stackalloc int[places + 1] : new int[places + 1];
            start.Clear();
            foreach (var (slot, _) in found)
            {
                start[slot + 1]++;
            }

            for (var slot = 0; slot < places; slot++)
            {
                start[slot + 1] += start[slot];
            }

            Span<int> grouped = found.Length <= 256 ? stackalloc int[found.Length] : new int[found.Length];
            Span<int> next = places <= 256 ? stackalloc int[places] : new int[places];
            start[..places].CopyTo(next);
            foreach (var (slot, line) in found)
            {
                grouped[next[slot]++] = line;
            }

            var rank = _cart.CanonicalOrder.Rank;
            var items = candidates.Items;
            for (var slot = 0; slot < places; slot++)
            {
                var count = start[slot + 1] - start[slot];
                var filter = items[slot].QualifyingItems;
                if (count == 0 || !items[slot].FoundByOneItemName || _shared.TryGetLines(filter, out _))
                {
                    continue;
                }

                // Each line once: a line's categories are distinct (a cart line drops repeats).
                var lines = grouped.Slice(start[slot], count).ToArray();
                for (var i = 1; i < lines.Length; i++)
                {
                    var moving = lines[i];
                    var j = i - 1;
                    while (j >= 0 && rank[lines[j]] > rank[moving])
                    {
                        lines[j + 1] = lines[j];
                        j--;
                    }

                    lines[j + 1] = moving;
                }

                _shared.AddLines(filter, lines);
            }
        }

        /// <summary>The run for one way of giving out the order's code slots: the usable codes not chosen are rejected
        /// as too many, naming the codes that took the slots. This run itself when every usable code is chosen.</summary>
        /// <param name="chosen">The promotions whose codes take the slots, in the order entered.</param>
        /// <param name="coded">Every promotion entered by code that may apply, in the order entered.</param>
        public Run WithCodes(List<Promotion> chosen, List<Promotion> coded)
        {
            if (chosen.Count == coded.Count)
            {
                return this;
            }

            var run = Fork();
            var slots = Options.MaxCodesPerOrder;
            var last = chosen.Count > 0 ? chosen[^1] : null;
            var taken = chosen.Count switch
            {
                0 => string.Empty,
                1 => $", and {CodeOf(chosen[0])} took the slot",
                _ => $", and {string.Join(", ", chosen.Take(chosen.Count - 1).Select(CodeOf))} and {CodeOf(last!)} took the slots",
            };
            foreach (var promotion in coded)
            {
                if (chosen.Contains(promotion))
                {
                    continue;
                }

                var code = CodeOf(promotion)!;
                run.CodeRejections.Add((_shared.EntryOf![code], new Rejection(promotion.Id, code, RejectionReason.TooManyCodes,
                    string.Create(CultureInfo.InvariantCulture, $"The code {code} was not used: {Plural(slots, "code")} can be used on one order{taken}."))
                {
                    Limit = slots,
                    Winner = last?.Id,
                    WinnerCode = last is null ? null : CodeOf(last),
                }));
            }

            return run;
        }

        /// <summary>Applies a set of admitted promotions lane by lane and builds the result, with the rejections of the
        /// admitted promotions the combination left out.</summary>
        public EvaluationResult Apply(IEnumerable<Promotion> chosen, IEnumerable<Rejection> leftOut)
        {
            var admitted = chosen.ToList();
            _rejections.AddRange(leftOut);

            // Lanes from the highest priority down; inside a lane, a stable order by id.
            IdSort.ByPriorityThenId(admitted);
            var start = 0;
            while (start < admitted.Count)
            {
                var end = start;
                while (end < admitted.Count && admitted[end].Priority == admitted[start].Priority)
                {
                    end++;
                }

                ApplyLane(start == 0 && end == admitted.Count ? admitted : admitted.GetRange(start, end - start));
                start = end;
            }

            return BuildResult();
        }

        /// <summary>What an unknown code is gated against under <see cref="EvaluationOptions.HideCodeStatus"/>: a
        /// promotion that passes every check on any cart with an item, so the gate does all its work, and then is found
        /// unable to apply (a set is larger than any cart), as the costliest code that does not apply is.</summary>
        private static readonly Promotion Decoy = Promotion.Create("~unknown", "unknown").Giving(Discount.BuyXGetY(int.MaxValue - 1, 1)).Build();

        private static Rejection Unknown(string code) => new(null, code, RejectionReason.UnknownCode, $"The code {code} does not exist.");

        private static string Plural(int count, string noun) => count switch
        {
            0 => "no " + noun + "s",
            1 => "only one " + noun,
            _ => string.Create(CultureInfo.InvariantCulture, $"only {count} {noun}s"),
        };

        /// <summary>The code a promotion was entered by (its canonical form), or <see langword="null"/>.</summary>
        /// <remarks>Implementation note: an automatic promotion has no code, so it is not looked up (a code entered made
        /// every rejection and application of a large catalog hash a promotion id).</remarks>
        public string? CodeOf(Promotion promotion) =>
            _codeOf is null || promotion.Activation.Kind == ActivationKind.Automatic ? null : _codeOf.GetValueOrDefault(promotion.Id);

        /// <summary><see cref="MatchingLines"/> as a delegate, made once per run.</summary>
        public Func<ItemFilter, int[]> MatchingLinesDelegate => field ??= MatchingLines;

        /// <summary><see cref="MeasuredAfterHigherLanes"/> as a delegate, made once per run.</summary>
        public Func<Promotion, int[]> MeasuredAfterHigherLanesDelegate => field ??= MeasuredAfterHigherLanes;

        /// <summary>The cart lines a filter lets through, in canonical order; computed once per filter.</summary>
        /// <remarks>Implementation note: the gate and the application ask for one filter several times in a row (a
        /// promotion's filter, for each check): the last filter asked for is answered without a look-up.</remarks>
        private int[] MatchingLines(ItemFilter filter)
        {
            if (ReferenceEquals(filter, _lastFilter))
            {
                return _lastLines!;
            }

            _lastFilter = filter;
            return _lastLines = LinesOfFilter(filter);
        }

        /// <summary>The filter <see cref="MatchingLines"/> answered last, and its lines.</summary>
        private ItemFilter? _lastFilter;

        private int[]? _lastLines;

        private int[] LinesOfFilter(ItemFilter filter)
        {
            if (!_shared.TryGetLines(filter, out var lines))
            {
                // Implementation note: matched into a buffer on the stack, then copied once into an array of the right size.
                var order = _cart.CanonicalOrder.Order;
                var found = order.Length <= 256 ? stackalloc int[order.Length] : new int[order.Length];
                var count = filter.MatchLines(_cart.Lines.AsSpan(), order, found);
                lines = found[..count].ToArray();
                _shared.AddLines(filter, lines);
            }

            return lines;
        }

        /// <summary>What a run and its forks work out once for the cart: each filter's matching lines, each promotion's
        /// scope, the entry of each code entered.</summary>
        /// <remarks>Implementation note: most carts meet a few filters, each asked for several times in a row (the gate,
        /// then the application), so the first few are kept in arrays compared by reference; a dictionary takes the
        /// rest. The dictionaries are made when first needed, and so is the array: with room for a few, grown once (a
        /// cart that concerns no promotion meets no filter; the common cart, two).</remarks>
        private sealed class SharedState
        {
            private const int Inline = 8;
            private (ItemFilter? Filter, int[]? Lines)[] _inline = [];
            private int _count;

            // Past the inline ones, a map by the filter's identity (a large catalog's cart meets dozens of filters, each
            // asked for several times).
            private IdentityMap<ItemFilter, int[]>? _more;

            /// <summary>Each code entered, in the form used everywhere else: its entry (made for the first).</summary>
            public Dictionary<string, int>? EntryOf { get; set; }


            public bool TryGetLines(ItemFilter filter, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out int[]? lines)
            {
                for (var i = 0; i < _count; i++)
                {
                    if (ReferenceEquals(_inline[i].Filter, filter))
                    {
                        lines = _inline[i].Lines!;
                        return true;
                    }
                }

                lines = null;
                return _more is not null && _more.TryGetValue(filter, out lines);
            }

            public void AddLines(ItemFilter filter, int[] lines)
            {
                if (_count < Inline)
                {
                    if (_count == _inline.Length)
                    {
                        Array.Resize(ref _inline, _count == 0 ? Inline / 2 : Inline);
                    }

                    _inline[_count] = (filter, lines);
                    _count++;
                }
                else
                {
                    (_more ??= new(Inline)).Set(filter, lines);
                }
            }
        }

        private Money M(decimal amount) => new(amount, _currency);

        private Rejection Reject(Promotion promotion, RejectionReason reason, string message) =>
            new(promotion.Id, promotion.IdOrder, CodeOf(promotion), reason, message);

        private EvaluationResult BuildResult()
        {
            // Implementation note: built once, straight into the arrays the result keeps: a line no promotion touched
            // has no adjustments to gather, and a line's adjustments (one per promotion, in the order they first apply
            // to its units) are summed in a list reused from line to line.
            var lines = new LineResult[_cart.Lines.Length];
            var byPromotion = _byPromotion ??= [];
            for (var lineIndex = 0; lineIndex < lines.Length; lineIndex++)
            {
                var line = _cart.Lines[lineIndex];
                var units = Options.IncludeUnits ? ImmutableArray.CreateBuilder<UnitResult>(line.Quantity) : null;
                if (!Pool.IsTouched(lineIndex) && units is null)
                {
                    lines[lineIndex] = new LineResult(line, [], 0m, []);
                    continue;
                }

                byPromotion.Clear();
                var lineDiscount = 0m;
                var pieces = Pool.PiecesOf(lineIndex);
                for (var p = 0; p < pieces.Count; p++)
                {
                    var piece = pieces[p];
                    var unitDiscount = 0m;
                    for (var a = 0; a < piece.AdjustmentCount; a++)
                    {
                        var adjustment = piece.AdjustmentAt(a);
                        var amount = adjustment.Amount;
                        unitDiscount += amount;
                        var at = 0;
                        while (at < byPromotion.Count && byPromotion[at].Id != adjustment.PromotionId)
                        {
                            at++;
                        }

                        if (at == byPromotion.Count)
                        {
                            byPromotion.Add((adjustment.PromotionId, adjustment.Class, amount * piece.Count));
                        }
                        else
                        {
                            byPromotion[at] = (byPromotion[at].Id, byPromotion[at].Class, byPromotion[at].Amount + (amount * piece.Count));
                        }
                    }

                    lineDiscount += unitDiscount * piece.Count;
                    if (units is not null)
                    {
                        // The breakdown is the one part of a result that has a slot for each unit: asked for, it costs that.
                        var adjustments = ImmutableArray<Adjustment>.Empty;
                        if (piece.AdjustmentCount > 0)
                        {
                            var array = new Adjustment[piece.AdjustmentCount];
                            for (var a = 0; a < array.Length; a++)
                            {
                                var made = piece.AdjustmentAt(a);
                                array[a] = new Adjustment(made.PromotionId, made.Class, M(made.Amount));
                            }

                            adjustments = ImmutableCollectionsMarshal.AsImmutableArray(array);
                        }

                        var final = M(line.UnitPrice.Amount - unitDiscount);
                        for (var k = piece.Start; k < piece.End; k++)
                        {
                            units.Add(new UnitResult(k, line.UnitPrice, adjustments, final));
                        }
                    }
                }

                var lineAdjustments = ImmutableArray<Adjustment>.Empty;
                if (byPromotion.Count > 0)
                {
                    var array = new Adjustment[byPromotion.Count];
                    for (var i = 0; i < array.Length; i++)
                    {
                        array[i] = new Adjustment(byPromotion[i].Id, byPromotion[i].Class, M(byPromotion[i].Amount));
                    }

                    lineAdjustments = ImmutableCollectionsMarshal.AsImmutableArray(array);
                }

                lines[lineIndex] = new LineResult(line, lineAdjustments, lineDiscount, units?.ToImmutable() ?? []);
            }

            return Finish(new LineResults(lines), [.. AppliedSoFar], _redemptions is null ? RedemptionResults.None : new RedemptionResults([.. _redemptions]));
        }

        /// <summary>The result, from the line results, the applications and their redemptions, and what the run recorded:
        /// the rejections and hints in their order (codes as entered, then by promotion id), told as the options say.</summary>
        private EvaluationResult Finish(LineResults lines, ImmutableArray<AppliedPromotion> applied, RedemptionResults redemptions)
        {
            if (Options.HideCodeStatus)
            {
                HideCodeStatus();
            }

            IdSort.ById(_rejections);
            _hints?.Sort((a, b) => a.PromotionId.CompareTo(b.PromotionId));
            return new EvaluationResult(
                _at,
                lines,
                _cart.Subtotal,
                M(_itemDiscounts),
                M(_orderDiscounts),
                _cart.Shipping,
                M(_shippingDiscount),
                applied,
                _walletCodes is null ? (_codeRejections is not { Count: > 0 } ? [.. _rejections] : [.. CodeRejectionsInOrder(), .. _rejections]) : [.. CodeRejectionsInOrder().Select(MarkWallet), .. _rejections.Select(MarkWallet)],
                _hints is null ? [] : _walletCodes is null ? [.. _hints] : [.. _hints.Select(h => _codeOf?.GetValueOrDefault(h.PromotionId) is { } code && IsWalletCode(code) ? h with { FromWallet = true } : h)],
                redemptions,
                _usedFallback,
                _attempts);
        }

        private Rejection MarkWallet(Rejection rejection) =>
            rejection.Code is { } code && IsWalletCode(code) ? rejection with { FromWallet = true } : rejection;

        /// <summary>The list <see cref="BuildResult"/> sums each line's adjustments in, made once per run.</summary>
        private List<(PromotionId Id, DiscountClass Class, decimal Amount)>? _byPromotion;

        private IEnumerable<Rejection> CodeRejectionsInOrder()
        {
            CodeRejections.Sort((a, b) => a.Entry.CompareTo(b.Entry));
            return CodeRejections.Select(r => r.Rejection);
        }

        /// <summary>Anti-enumeration: every entered code that cannot be used is reported as unknown, in the order
        /// entered, and nothing else is said of its promotion (a likely typo or a malformed entry is still said: it
        /// reveals no code). The wallet's codes are said as they are: the shopper did not guess them.</summary>
        private void HideCodeStatus()
        {
            var listed = new HashSet<int>();
            var codeRejections = CodeRejections;
            for (var i = 0; i < codeRejections.Count; i++)
            {
                var (entry, rejection) = codeRejections[i];
                listed.Add(entry);
                if (rejection.Reason is not (RejectionReason.LikelyTypo or RejectionReason.MalformedCode) && !IsWalletCode(rejection.Code!))
                {
                    codeRejections[i] = (entry, Unknown(rejection.Code!));
                }
            }

            var coded = new HashSet<PromotionId?>();
            foreach (var rejection in _rejections)
            {
                if (rejection.Code is { } code && !IsWalletCode(code))
                {
                    coded.Add(rejection.PromotionId);
                    if (_shared.EntryOf!.TryGetValue(code, out var entry) && listed.Add(entry))
                    {
                        // A shopper whose code could not be checked during an outage is told to try again, not that
                        // the code does not exist; nothing else of the promotion is said.
                        CodeRejections.Add((entry, rejection.Reason == RejectionReason.UsageUnavailable
                            ? new Rejection(null, code, RejectionReason.UsageUnavailable, $"The code {code} could not be checked just now: try again in a moment.")
                            : Unknown(code)));
                    }
                }
            }

            _rejections.RemoveAll(r => r.Code is { } code && !IsWalletCode(code));
            _hints?.RemoveAll(h => coded.Contains(h.PromotionId));
        }

        /// <summary>Records an application: its rounded amount, and what cut it below its nominal amount, if anything
        /// (the cap or budget when it bound, else a price floor when it held a unit back, else the price when the
        /// discount wanted more than was left).</summary>
        private void RecordApplied(Promotion promotion, decimal amount, decimal nominal, decimal exact, decimal capped, bool floored = false)
        {
            var clampedBy = capped < exact
                ? (_budgetCapped?.Contains(promotion) == true ? ClampedBy.Budget : ClampedBy.MaxDiscount)
                : floored ? ClampedBy.PriceFloor
                : exact < nominal ? ClampedBy.Price : ClampedBy.None;
            var (applied, redemption) = Application(promotion, amount, nominal, clampedBy);
            (_applied ??= []).Add(applied);
            var redemptions = _redemptions ??= [];
            // A promotion's parts (its own and its shipping part) are one use: one redemption of their sum. Only a shipping
            // part records a promotion a second time, so without one made in this run there is no earlier one to look for
            // (the look compared ids as text, for every application of a cart that applies forty).
            var (code, money) = (redemption.Code, redemption.Amount);
            var earlier = -1;
            for (var i = 0; i < redemptions.Count && _shippingParts is not null; i++)
            {
                if (redemptions[i].PromotionId == promotion.Id)
                {
                    earlier = i;
                    break;
                }
            }

            if (earlier >= 0)
            {
                redemptions[earlier] = new Redemption(promotion.Id, code, _cart.Customer.Id, null, money + redemptions[earlier].Amount, _at, redemption.Attribution);
            }
            else
            {
                redemptions.Add(redemption);
            }
        }

        /// <summary>One application as the result tells it, and its redemption (see <see cref="RecordApplied"/>).</summary>
        /// <param name="promotion">The promotion.</param>
        /// <param name="amount">Its rounded amount.</param>
        /// <param name="nominal">What it would have taken had nothing cut it.</param>
        /// <param name="clampedBy">What cut it, if anything.</param>
        private (AppliedPromotion Applied, Redemption Redemption) Application(Promotion promotion, decimal amount, decimal nominal, ClampedBy clampedBy)
        {
            var code = CodeOf(promotion);
            return (
                Applied(promotion, amount, nominal, clampedBy),
                new Redemption(promotion.Id, code, _cart.Customer.Id, null, M(amount), _at, code is null ? null : promotion.Activation.Attribution));
        }

        /// <summary>One application as the result tells it (see <see cref="Application"/>), without its redemption.</summary>
        private AppliedPromotion Applied(Promotion promotion, decimal amount, decimal nominal, ClampedBy clampedBy)
        {
            var code = CodeOf(promotion);
            return new AppliedPromotion(promotion.Id, promotion.Name, code, promotion.Discount.Class, M(amount), M(nominal), clampedBy) { FromWallet = code is not null && IsWalletCode(code) };
        }

        /// <summary>Rounds one application: by default the amount left to pay is rounded with the configured rule, and
        /// the discount is what that takes off; under <see cref="RoundingTarget.Discount"/> the discount is rounded.</summary>
        /// <param name="remaining">What is left of the prices the application reduces: whole minor units.</param>
        /// <param name="exact">The exact discount, from zero to <paramref name="remaining"/>.</param>
        /// <remarks>Implementation note: rounding the price rather than the discount is what shoppers and merchants
        /// check on a receipt: 15 % off 10.50 is 8.925, which rounds (away from zero) to 8.93, so the discount is 1.57;
        /// rounding the discount 1.575 away from zero would charge 8.92. Away from the midpoint both agree
        /// (25 % off 19.99 leaves 14.9925, so 14.99). The result stays within 0 and <paramref name="remaining"/>.</remarks>
        private decimal RoundDiscount(decimal remaining, decimal exact)
        {
            // Implementation note: an exact amount that went through a division carries noise in its 28th digit (a bundle
            // price spread over units and added back can come to 935.5499999999999999999999999 for 935.55); a directed
            // rule (toward zero, up, down) rounds that noise a whole minor unit away, so a line of 6 and six lines of 1
            // gave different totals. The exact amount is first taken to NoiseDecimals places, far below any minor unit.
            if (exact.Scale > NoiseDecimals)
            {
                exact = decimal.Round(exact, NoiseDecimals, MidpointRounding.ToEven);
            }

            return Options.RoundingTarget == RoundingTarget.Discount
                ? Math.Min(remaining, decimal.Round(exact, _currency.MinorUnits, Options.Rounding))
                : remaining - decimal.Round(remaining - exact, _currency.MinorUnits, Options.Rounding);
        }

        /// <summary>The decimal places an exact discount is taken to before it is rounded to the minor unit.</summary>
        private const int NoiseDecimals = 20;

        /// <summary>Spreads an order discount over its items (in line-id order) by what is left of them, with the
        /// configured rule (<see cref="EvaluationOptions.OrderAllocation"/>).</summary>
        private ImmutableArray<Money> Spread(decimal amount, decimal[] weights) =>
            Internal.Allocation.Spread(M(amount), weights, Options.OrderAllocation);
    }
}
