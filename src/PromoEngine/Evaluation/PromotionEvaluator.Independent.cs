using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.InteropServices;
using NodaTime;
using PromoEngine.Internal;

namespace PromoEngine;

public sealed partial class PromotionEvaluator
{
    private sealed partial class Run
    {
        /// <summary>The result of applying the admitted promotions when none of them can change what another does, or
        /// <see langword="null"/> when the general path must decide (see <see cref="IsIndependent"/>).</summary>
        /// <param name="admitted">The promotions admitted: the automatic ones and those whose codes were entered, when
        /// every code entered fits the order's code slots (then there is one way to give out the slots).</param>
        /// <remarks>
        /// <para>Independent promotions are item percentages or amounts off each unit, with no cap, no threshold
        /// measured after higher lanes and no combination rule, on lines no other admitted promotion can use. Then the
        /// general path has one combination (all of them), leaves none out (each saves something on lines nothing else
        /// discounts), gives each promotion every unit it may take, and applies them in its order: lanes from the highest
        /// priority down, larger saving first within a lane, then by id. This computes the same result straight from
        /// the lines, with the same rounding (<see cref="RoundDiscount"/>) and allocation
        /// (<see cref="Allocation.OverRuns"/>) and the same additions in the same order, so every amount, its scale
        /// included, is what the general path gives.</para>
        /// <para>Anything the general path would decide otherwise (an amount that rounds to nothing, a share a unit
        /// cannot take) hands back to it, before anything is recorded. The per-unit breakdown
        /// (<see cref="EvaluationOptions.IncludeUnits"/>) is built as the general path builds it from its pieces.</para>
        /// <para>Implementation note: this is the common cart (a few promotions, each on its own lines) and it allocates
        /// only what the result keeps: no unit pool, no lane solver, no second run.</para>
        /// </remarks>
        public EvaluationResult? ApplyIndependent(List<Promotion> admitted)
        {
            if (admitted.Count > MaxIndependent)
            {
                return null;
            }

            var cartLines = _cart.Lines;
            Span<int> owner = cartLines.Length <= 256 ? stackalloc int[cartLines.Length] : new int[cartLines.Length];
            owner.Fill(-1);
            for (var i = 0; i < admitted.Count; i++)
            {
                if (!IsIndependent(admitted[i]))
                {
                    return null;
                }

                foreach (var line in MatchingLines(admitted[i].QualifyingItems))
                {
                    if (owner[line] >= 0)
                    {
                        return null;
                    }

                    owner[line] = i;
                }
            }

            // Each promotion's exact saving and what is left of its lines, added in canonical line order as its
            // proposal and the pool would add them; and each line's exact amount off a unit (the allocation's weight).
            Span<decimal> perUnit = cartLines.Length <= 256 ? stackalloc decimal[cartLines.Length] : new decimal[cartLines.Length];
            Span<long> perUnitMinor = cartLines.Length <= 256 ? stackalloc long[cartLines.Length] : new long[cartLines.Length];
            Span<bool> inMinorUnits = stackalloc bool[admitted.Count];
            Span<(decimal Exact, decimal Left, decimal Nominal, decimal Rounded)> amounts = stackalloc (decimal, decimal, decimal, decimal)[admitted.Count];
            for (var i = 0; i < admitted.Count; i++)
            {
                var discount = (ItemDiscount)admitted[i].Discount;
                var hasOwnNominal = discount.HasOwnNominal;
                decimal exact = 0m, left = 0m, nominal = 0m;
                decimal? wholeRounded = null;
                if (!hasOwnNominal && TryAmountsInMinorUnits(discount, MatchingLines(admitted[i].QualifyingItems), perUnit, perUnitMinor, out exact, out left, out wholeRounded))
                {
                    inMinorUnits[i] = true;
                }
                else
                {
                    foreach (var lineIndex in MatchingLines(admitted[i].QualifyingItems))
                    {
                        var line = cartLines[lineIndex];
                        var price = line.UnitPrice.Amount;
                        perUnit[lineIndex] = discount.MostPerUnit(price);
                        exact += perUnit[lineIndex] * line.Quantity;
                        if (hasOwnNominal)
                        {
                            nominal += discount.NominalPerUnit(price) * line.Quantity;
                        }

                        left += line.Total.Amount;
                    }
                }

                if (!hasOwnNominal)
                {
                    nominal = exact;
                }

                // A promotion that saves nothing, or rounds to nothing, is rejected by the general path.
                var rounded = wholeRounded ?? (exact > 0m ? RoundDiscount(left, exact) : 0m);
                if (rounded <= 0m)
                {
                    return null;
                }

                amounts[i] = (exact, left, nominal, rounded);
            }

            // The order the general path applies them in: lanes from the highest priority down; larger saving first,
            // then by id.
            Span<int> order = stackalloc int[admitted.Count];
            for (var i = 0; i < order.Length; i++)
            {
                order[i] = i;
            }

            for (var i = 1; i < order.Length; i++)
            {
                var moving = order[i];
                var j = i - 1;
                while (j >= 0 && AppliesBefore(admitted, amounts, moving, order[j]))
                {
                    order[j + 1] = order[j];
                    j--;
                }

                order[j + 1] = moving;
            }

            // Each promotion's rounded amount spread over its units by their exact amounts; per line, the sum of what
            // its units took (as recorded: equal shares as the first of them). With one promotion on a line, that sum is
            // the line's discount too, bit for bit: the general path adds the same products to a zero of no places.
            Span<decimal> lineAmount = cartLines.Length <= 256 ? stackalloc decimal[cartLines.Length] : new decimal[cartLines.Length];
            Span<bool> adjusted = cartLines.Length <= 256 ? stackalloc bool[cartLines.Length] : new bool[cartLines.Length];
            var unitRuns = Options.IncludeUnits ? new List<(int Line, decimal Recorded, int Count)>() : null;
            foreach (var i in order)
            {
                // An exact amount in whole minor units rounds to itself: each unit takes its own amount.
                if (unitRuns is null && inMinorUnits[i])
                {
                    SpreadWhole(MatchingLines(admitted[i].QualifyingItems), perUnitMinor, lineAmount, adjusted);
                }
                else if (!SpreadOnLines(admitted[i], amounts[i].Rounded, perUnit, lineAmount, adjusted, unitRuns))
                {
                    return null;
                }
            }

            // Nothing handed back: record it all, as the general path would have. The lines are built when first read,
            // from each adjusted line's promotion and amount, unless the per-unit breakdown is asked for.
            LineResults lines;
            if (unitRuns is null)
            {
                var adjustedCount = ((ReadOnlySpan<bool>)adjusted).Count(true);
                var kept = adjustedCount == 0 ? [] : new (int Line, int Owner, decimal Amount)[adjustedCount];
                for (int lineIndex = 0, k = 0; k < kept.Length; lineIndex++)
                {
                    if (adjusted[lineIndex])
                    {
                        kept[k++] = (lineIndex, owner[lineIndex], lineAmount[lineIndex]);
                    }
                }

                lines = new DeferredLines(_cart, admitted, kept);
            }
            else
            {
                var built = new LineResult[cartLines.Length];
                var firstRun = FirstRunOfEachLine(unitRuns, cartLines.Length);
                for (var lineIndex = 0; lineIndex < built.Length; lineIndex++)
                {
                    var line = cartLines[lineIndex];
                    var units = Units(line, owner[lineIndex] >= 0 ? admitted[owner[lineIndex]] : null, unitRuns, firstRun[lineIndex]);
                    built[lineIndex] = adjusted[lineIndex]
                        ? Line(line, admitted[owner[lineIndex]], lineAmount[lineIndex], units)
                        : new LineResult(line, [], 0m, units);
                }

                lines = new LineResults(built);
            }

            // Recorded as RecordApplied records them, straight into the arrays the result keeps: nothing caps or floors
            // them, and none has a shipping part, so each is one application and one redemption. With no code entered,
            // each redemption is its application's promotion and amount, with no code: made when first read.
            var applied = order.Length == 0 ? [] : new AppliedPromotion[order.Length];
            var redemptions = order.Length == 0 || _codeOf is null ? null : new Redemption[order.Length];
            for (var k = 0; k < order.Length; k++)
            {
                var (exact, _, nominal, rounded) = amounts[order[k]];
                // A rounded amount is more than zero, so added to a bare zero it is itself, bit for bit (the first is).
                _itemDiscounts = Decimals.IsBareZero(_itemDiscounts) ? rounded : _itemDiscounts + rounded;
                var clampedBy = exact < nominal ? ClampedBy.Price : ClampedBy.None;
                if (redemptions is null)
                {
                    applied[k] = Applied(admitted[order[k]], rounded, nominal, clampedBy);
                }
                else
                {
                    (applied[k], redemptions[k]) = Application(admitted[order[k]], rounded, nominal, clampedBy);
                }
            }

            return Finish(
                lines,
                ImmutableCollectionsMarshal.AsImmutableArray(applied),
                redemptions is not null ? new RedemptionResults(ImmutableCollectionsMarshal.AsImmutableArray(redemptions))
                    : applied.Length == 0 ? RedemptionResults.None
                    : new AutomaticRedemptions(applied, _cart.Customer.Id, _at));
        }

        /// <summary>The independent path's redemptions when no code was entered, made when first read: one per
        /// application, in its order, as <see cref="Application"/> makes it for a promotion with no code (its promotion
        /// and amount, the customer, the instant, no order, no attribution).</summary>
        /// <param name="applied">The applications, in order (the array is not changed after).</param>
        /// <param name="customerId">The cart's customer.</param>
        /// <param name="at">The instant evaluated at.</param>
        private sealed class AutomaticRedemptions(AppliedPromotion[] applied, string? customerId, Instant at) : RedemptionResults
        {
            protected override Redemption[] Build()
            {
                var redemptions = new Redemption[applied.Length];
                for (var k = 0; k < redemptions.Length; k++)
                {
                    redemptions[k] = new Redemption(applied[k].PromotionId, null, customerId, null, applied[k].Amount, at, null);
                }

                return redemptions;
            }
        }

        /// <summary>A line one promotion took <paramref name="amount"/> off, as the general path records it: one
        /// adjustment of that amount.</summary>
        private static LineResult Line(CartLine line, Promotion promotion, decimal amount, ImmutableArray<UnitResult> units) =>
            new(line, ImmutableCollectionsMarshal.AsImmutableArray(new[] { new Adjustment(promotion.Id, DiscountClass.Item, new Money(amount, line.UnitPrice.Currency)) }), amount, units);

        /// <summary>The independent path's lines, built when first read: each adjusted line with its one promotion's
        /// amount (<see cref="Line"/>), every other line as it is, with no per-unit breakdown.</summary>
        /// <param name="cart">The cart.</param>
        /// <param name="promotions">The promotions applied, as admitted (the list is not changed after).</param>
        /// <param name="adjusted">The adjusted lines, by index, in line order: the place in
        /// <paramref name="promotions"/> of the promotion on each, and what it took.</param>
        /// <remarks>Implementation note: each line names its promotion by place rather than by reference, so filling the
        /// array stores no reference (each such store into the heap went through the garbage collector's write barrier)
        /// and each entry is 8 bytes smaller.</remarks>
        private sealed class DeferredLines(Cart cart, List<Promotion> promotions, (int Line, int Owner, decimal Amount)[] adjusted) : LineResults
        {
            protected override LineResult[] Build()
            {
                var cartLines = cart.Lines;
                var lines = new LineResult[cartLines.Length];
                var next = 0;
                for (var lineIndex = 0; lineIndex < lines.Length; lineIndex++)
                {
                    lines[lineIndex] = next < adjusted.Length && adjusted[next].Line == lineIndex
                        ? Line(cartLines[lineIndex], promotions[adjusted[next].Owner], adjusted[next++].Amount, [])
                        : new LineResult(cartLines[lineIndex], [], 0m, []);
                }

                return lines;
            }
        }

        /// <summary>A promotion's exact saving and what is left of its lines, as the decimal sums of the general path give
        /// them (value and places), added in whole minor units: when each line's exact amount off a unit and its price
        /// have no more places than the currency's minor unit (the usual case: a whole percentage of a price in cents, an
        /// amount off), and the unit's amount is within its price. Otherwise false, and the sums are made in decimals.</summary>
        /// <param name="discount">The promotion's discount (one whose nominal amount is its exact one).</param>
        /// <param name="lines">Its lines, in canonical order.</param>
        /// <param name="perUnit">Each line's exact amount off a unit, set.</param>
        /// <param name="perUnitMinor">The same in minor units, set.</param>
        /// <param name="exact">The exact saving.</param>
        /// <param name="left">What is left of the lines.</param>
        /// <param name="rounded">The amount <see cref="RoundDiscount"/> gives, when the amount left to pay is rounded (the
        /// default); otherwise <see langword="null"/>.</param>
        /// <remarks>Implementation note: a product of an amount and a quantity keeps the amount's places, and a sum has
        /// the most places of its terms (starting from a zero of none), so the sums in minor units made into decimals at
        /// those places are the decimal sums bit for bit (<see cref="Decimals.FromMinorUnits"/>).</remarks>
        private bool TryAmountsInMinorUnits(ItemDiscount discount, int[] lines, Span<decimal> perUnit, Span<long> perUnitMinor, out decimal exact, out decimal left, out decimal? rounded)
        {
            (exact, left, rounded) = (0m, 0m, null);
            // Past WeightDecimals places, the allocation rounds the weights (Allocation.Quantize): not each its own amount.
            var minorUnits = _currency.MinorUnits;
            if (minorUnits > Allocation.WeightDecimals)
            {
                return false;
            }

            long exactSum = 0, leftSum = 0;
            int exactPlaces = 0, leftPlaces = 0;
            var includeUnits = Options.IncludeUnits;
            foreach (var lineIndex in lines)
            {
                var line = _cart.Lines[lineIndex];
                var price = line.UnitPrice.Amount;
                if (!Decimals.TryParts(price, out var priceMantissa, out var pricePlaces)
                    || pricePlaces > minorUnits
                    || !Decimals.TryMultiply(priceMantissa, Decimals.LongPowerOfTen(minorUnits - pricePlaces), out var priceMinor)
                    || !Decimals.TryMultiply(priceMinor, line.Quantity, out var lineMinor)
                    || !discount.TryMostPerUnitInMinorUnits(price, priceMantissa, pricePlaces, minorUnits, out var share, out var sharePlaces))
                {
                    return false;
                }

                if (share > priceMinor)
                {
                    // Never, by MostPerUnit's contract; kept so that a new discount cannot give a unit more than its price.
                    return false;
                }

                if (includeUnits)
                {
                    // The per-unit breakdown spreads by the decimal amounts (SpreadOnLines): MostPerUnit's, bit for bit.
                    perUnit[lineIndex] = Decimals.FromMinorUnits(share, minorUnits, sharePlaces);
                }

                perUnitMinor[lineIndex] = share;
                exactSum += share * line.Quantity;
                leftSum += lineMinor;
                if (leftSum > MaxMinorUnitsSum)
                {
                    return false;
                }

                exactPlaces = Math.Max(exactPlaces, sharePlaces);
                leftPlaces = Math.Max(leftPlaces, pricePlaces);
            }

            exact = Decimals.FromMinorUnits(exactSum, minorUnits, Math.Max(exactPlaces, leftPlaces));
            left = Decimals.FromMinorUnits(leftSum, minorUnits, leftPlaces);
            if (Options.RoundingTarget == RoundingTarget.AmountToPay)
            {
                // RoundDiscount takes the exact amount from what is left, rounds that (whole minor units: it is as it was)
                // and takes it from what is left again: the exact amount at the places of both, which is the exact amount.
                rounded = exactSum == 0 ? 0m : exact;
            }

            return true;
        }

        /// <summary>The most a sum of <see cref="TryAmountsInMinorUnits"/> may reach (a line's and the sum so far each
        /// below it, so adding one more cannot overflow).</summary>
        private const long MaxMinorUnitsSum = long.MaxValue / 4;

        /// <summary>A promotion whose units' exact amounts are whole minor units (<see cref="TryAmountsInMinorUnits"/>), so
        /// that its exact amount is too, and rounds to itself: each unit takes its own amount, as <see cref="SpreadOnLines"/>
        /// would have it (<see cref="Allocation.TrySplitInIntegers"/> gives each run its weight), without the
        /// allocation.</summary>
        private void SpreadWhole(int[] lines, ReadOnlySpan<long> perUnitMinor, Span<decimal> lineAmount, Span<bool> adjusted)
        {
            var minorUnits = _currency.MinorUnits;
            foreach (var lineIndex in lines)
            {
                var share = perUnitMinor[lineIndex];
                if (share > 0)
                {
                    lineAmount[lineIndex] = Decimals.TimesAtFewestPlaces(share, _cart.Lines[lineIndex].Quantity, minorUnits);
                    adjusted[lineIndex] = true;
                }
            }
        }

        /// <summary><see cref="SpreadOnLines"/> from the allocation's whole numbers of minor units
        /// (<see cref="Allocation.TrySplitInIntegers"/>): the same checks and the same amounts, bit for bit, without a
        /// decimal for each share.</summary>
        /// <remarks>Implementation note: a share of q minor units is the decimal q / 10^m at the fewest places that hold
        /// it (<see cref="Decimals.DividedByPowerOfTen"/>), and the general path adds a line's shares times their counts:
        /// the value is their sum, at the most places any of them has; so the line's amount is made once from the sum.</remarks>
        private bool SpreadInMinorUnits(
            int[] lineIndices,
            ReadOnlySpan<(int Count, decimal Weight)> runs,
            ReadOnlySpan<long> quotients,
            ReadOnlySpan<int> extra,
            Span<decimal> lineAmount,
            Span<bool> adjusted,
            List<(int Line, decimal Recorded, int Count)>? unitRuns)
        {
            var minorUnits = _currency.MinorUnits;
            for (var r = 0; r < runs.Length; r++)
            {
                var most = quotients[r] + (extra[r] > 0 ? 1 : 0);
                if (most > _cart.Lines[lineIndices[r]].UnitPrice.Amount * _currency.MinorUnitsPerMajor)
                {
                    return false;
                }
            }

            for (var r = 0; r < runs.Length; r++)
            {
                var (lineIndex, count, more, share) = (lineIndices[r], runs[r].Count, extra[r], quotients[r]);
                long sum = 0;
                var places = -1;
                if (more > 0)
                {
                    sum += (share + 1) * more;
                    places = Math.Max(places, Decimals.PlacesOf(share + 1, minorUnits));
                    unitRuns?.Add((lineIndex, Decimals.DividedByPowerOfTen(share + 1, minorUnits), more));
                }

                if (more < count)
                {
                    if (share > 0)
                    {
                        sum += share * (count - more);
                        places = Math.Max(places, Decimals.PlacesOf(share, minorUnits));
                    }

                    unitRuns?.Add((lineIndex, share > 0 ? Decimals.DividedByPowerOfTen(share, minorUnits) : 0m, count - more));
                }

                if (places >= 0)
                {
                    lineAmount[lineIndex] = Decimals.FromMinorUnits(sum, minorUnits, places);
                    adjusted[lineIndex] = true;
                }
            }

            return true;
        }

        /// <summary>A line's per-unit breakdown, as the general path builds it from the unit pool's pieces: each run of
        /// units that took one share shares one list of adjustments; a line no promotion took is one run at its price.</summary>
        /// <param name="line">The cart line.</param>
        /// <param name="promotion">The promotion on its units, if any.</param>
        /// <param name="unitRuns">The runs of units, each line's together.</param>
        /// <param name="first">The line's first run in <paramref name="unitRuns"/>, or -1 when it has none.</param>
        private ImmutableArray<UnitResult> Units(CartLine line, Promotion? promotion, List<(int Line, decimal Recorded, int Count)> unitRuns, int first)
        {
            var units = new UnitResult[line.Quantity];
            var next = 0;
            for (var r = first; r >= 0 && r < unitRuns.Count && unitRuns[r].Line == unitRuns[first].Line; r++)
            {
                var (_, recorded, count) = unitRuns[r];

                var adjustments = recorded == 0m
                    ? ImmutableArray<Adjustment>.Empty
                    : ImmutableCollectionsMarshal.AsImmutableArray(new[] { new Adjustment(promotion!.Id, DiscountClass.Item, M(recorded)) });
                var final = M(line.UnitPrice.Amount - (recorded == 0m ? 0m : 0m + recorded));
                for (var k = 0; k < count; k++, next++)
                {
                    units[next] = new UnitResult(next, line.UnitPrice, adjustments, final);
                }
            }

            if (next == 0)
            {
                var final = M(line.UnitPrice.Amount - 0m);
                for (; next < units.Length; next++)
                {
                    units[next] = new UnitResult(next, line.UnitPrice, [], final);
                }
            }

            return ImmutableCollectionsMarshal.AsImmutableArray(units);
        }

        /// <summary>For each cart line, where its runs of units start in the list (a line's runs are added together), or
        /// -1: so the breakdown reads each run once.</summary>
        private static int[] FirstRunOfEachLine(List<(int Line, decimal Recorded, int Count)> unitRuns, int lineCount)
        {
            var first = new int[lineCount];
            Array.Fill(first, -1);
            for (var r = unitRuns.Count - 1; r >= 0; r--)
            {
                first[unitRuns[r].Line] = r;
            }

            return first;
        }

        /// <summary>The most promotions <see cref="ApplyIndependent"/> orders on the stack; past it, the general path.</summary>
        private const int MaxIndependent = 64;

        /// <summary>Whether a promotion is one <see cref="ApplyIndependent"/> can apply on its own lines: a discount that
        /// saves unit by unit (<see cref="ItemDiscount.SavesUnitByUnit"/>: a percentage or an amount off each), with no cap (nor a budget that caps it), no threshold measured after higher lanes,
        /// combining freely and compounding with none.</summary>
        private static bool IsIndependent(Promotion promotion)
        {
            if (promotion.Discount is not ItemDiscount { SavesUnitByUnit: true }
                || promotion.MaxDiscount is not null
                || !CombinesFreely(promotion)
                || promotion.CompoundsWithAll
                || !promotion.CompoundsWith.IsEmpty)
            {
                return false;
            }

            foreach (var restriction in promotion.Restrictions)
            {
                if (restriction.MeasuredAfterHigherLanes)
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>Whether promotion <paramref name="a"/> applies before <paramref name="b"/>: a higher priority, then a
        /// larger saving, then the smaller id (ids are unique: a total order).</summary>
        private static bool AppliesBefore(List<Promotion> admitted, Span<(decimal Exact, decimal Left, decimal Nominal, decimal Rounded)> amounts, int a, int b)
        {
            if (admitted[a].Priority != admitted[b].Priority)
            {
                return admitted[a].Priority > admitted[b].Priority;
            }

            var bySaving = amounts[a].Exact.CompareTo(amounts[b].Exact);
            return bySaving != 0 ? bySaving > 0 : admitted[a].Id.CompareTo(admitted[b].Id) < 0;
        }

        /// <summary>Spreads one promotion's rounded amount over the units of its lines by their exact amounts (as
        /// <see cref="ApplyToUnits"/> does on untouched lines), adding to each line's amounts; false when a unit's share
        /// would pass its price (the general path moves the excess).</summary>
        /// <param name="promotion">The promotion.</param>
        /// <param name="rounded">Its rounded amount.</param>
        /// <param name="perUnit">Each line's exact amount off a unit.</param>
        /// <param name="lineAmount">Each line's sum of what its units took, added to.</param>
        /// <param name="adjusted">Whether a line's units took anything, set.</param>
        /// <param name="unitRuns">When the per-unit breakdown is asked for, where each run of units that took one share
        /// is added (a share of nothing as zero), in unit order.</param>
        private bool SpreadOnLines(
            Promotion promotion,
            decimal rounded,
            ReadOnlySpan<decimal> perUnit,
            Span<decimal> lineAmount,
            Span<bool> adjusted,
            List<(int Line, decimal Recorded, int Count)>? unitRuns)
        {
            var lineIndices = MatchingLines(promotion.QualifyingItems);
            var runs = lineIndices.Length <= 64 ? stackalloc (int Count, decimal Weight)[lineIndices.Length] : new (int Count, decimal Weight)[lineIndices.Length];
            for (var r = 0; r < runs.Length; r++)
            {
                runs[r] = (_cart.Lines[lineIndices[r]].Quantity, perUnit[lineIndices[r]]);
            }

            Allocation.Quantize(runs);
            if (runs.Length <= Allocation.MaxIntegerRuns)
            {
                Span<long> quotients = stackalloc long[runs.Length];
                Span<int> extra = stackalloc int[runs.Length];
                if (Allocation.TrySplitInIntegers(M(rounded), runs, quotients, extra))
                {
                    return SpreadInMinorUnits(lineIndices, runs, quotients, extra, lineAmount, adjusted, unitRuns);
                }
            }

            var shares = Allocation.OverRuns(M(rounded), runs);
            var recordedShares = shares.Count <= 64 ? stackalloc decimal[shares.Count] : new decimal[shares.Count];
            var recordedCount = 0;
            foreach (var (part, share, count) in shares)
            {
                var lineIndex = lineIndices[part];
                if (share > _cart.Lines[lineIndex].UnitPrice.Amount)
                {
                    return false;
                }

                if (share == 0m)
                {
                    unitRuns?.Add((lineIndex, 0m, count));
                    continue;
                }

                // Equal shares are recorded as the first of them, as ApplyToUnits records them.
                var recorded = share;
                var known = false;
                for (var k = 0; k < recordedCount && !known; k++)
                {
                    if (recordedShares[k] == share)
                    {
                        recorded = recordedShares[k];
                        known = true;
                    }
                }

                if (!known)
                {
                    recordedShares[recordedCount++] = share;
                }

                unitRuns?.Add((lineIndex, recorded, count));
                lineAmount[lineIndex] = adjusted[lineIndex] ? lineAmount[lineIndex] + (recorded * count) : recorded * count;
                adjusted[lineIndex] = true;
            }

            return true;
        }
    }
}
