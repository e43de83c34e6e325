using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using PromoEngine.Internal;

namespace PromoEngine;

/// <summary>What was committed for an order, as a return needs it: the cart, its evaluation (with the per-unit
/// breakdown), the promotions that applied and the options they were evaluated with.</summary>
/// <remarks>
/// <para>Immutable and thread-safe. <see cref="Return"/> is a pure function of the record and its arguments: no
/// clock, no I/O.</para>
/// <para>Persisting an order: evaluation is pure, so a host keeps the inputs and evaluates them again when a return
/// comes: the cart, the codes that applied (<see cref="AppliedPromotion.Code"/>), the instant
/// (<see cref="EvaluationResult.At"/>), the definitions of the promotions that applied as they were
/// (<see cref="PromotionJson"/> writes and reads them) and the usage snapshot the order was placed with when a
/// promotion's budget could bind. Evaluating those with <see cref="EvaluationOptions.IncludeUnits"/> gives back the
/// same result, which the host can check against the total it charged.</para>
/// </remarks>
public sealed partial class OrderRecord
{
    /// <summary>The most evaluations one return makes: past it, the re-evaluation keeps the discounts the kept units
    /// paid with, and the result says so (<see cref="ReturnResult.UsedFallback"/>).</summary>
    public const int MaxEvaluations = 256;

    private readonly Lazy<PromotionEvaluator> _reevaluator;

    /// <summary>Initializes a new instance of the <see cref="OrderRecord"/> class.</summary>
    /// <param name="cart">The cart the order was evaluated with.</param>
    /// <param name="result">Its evaluation, made with <see cref="EvaluationOptions.IncludeUnits"/>.</param>
    /// <param name="promotions">The promotions the order was evaluated with (the catalog's, say): every promotion that
    /// applied must be among them, as it was defined then; the others are ignored.</param>
    /// <param name="options">The options it was evaluated with; <see cref="EvaluationOptions.Default"/> when
    /// <see langword="null"/>.</param>
    /// <exception cref="ArgumentNullException">An argument is null, or <paramref name="promotions"/> holds a null.</exception>
    /// <exception cref="ArgumentException"><paramref name="result"/> is not this cart's evaluation (other lines or
    /// quantities), has no per-unit breakdown, or names a promotion <paramref name="promotions"/> does not hold.</exception>
    /// <exception cref="CurrencyMismatchException"><paramref name="result"/> is in another currency than the cart.</exception>
    public OrderRecord(Cart cart, EvaluationResult result, IEnumerable<Promotion> promotions, EvaluationOptions? options = null)
    {
        Cart = Guard.NotNull(cart);
        Result = Guard.NotNull(result);
        Guard.NotNull(promotions);
        Options = options ?? EvaluationOptions.Default;
        if (result.Total.Currency != cart.Currency)
        {
            throw new CurrencyMismatchException(cart.Currency, result.Total.Currency, nameof(result));
        }

        if (result.Lines.Length != cart.Lines.Length)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"The result has {result.Lines.Length} lines but the cart has {cart.Lines.Length}: it is not this cart's evaluation."),
                nameof(result));
        }

        for (var i = 0; i < cart.Lines.Length; i++)
        {
            var (line, evaluated) = (cart.Lines[i], result.Lines[i]);
            if (line.LineId != evaluated.LineId || line.Quantity != evaluated.Quantity || line.UnitPrice != evaluated.UnitPrice)
            {
                throw new ArgumentException($"The result's line {evaluated.LineId} is not the cart's line {line.LineId}: it is not this cart's evaluation.", nameof(result));
            }

            if (evaluated.Units.Length != evaluated.Quantity)
            {
                throw new ArgumentException(
                    $"The result's line {evaluated.LineId} has no per-unit breakdown: evaluate the order with EvaluationOptions.IncludeUnits.",
                    nameof(result));
            }
        }

        var byId = new Dictionary<PromotionId, Promotion>();
        foreach (var promotion in promotions)
        {
            Guard.NotNull(promotion, nameof(promotions));
            byId.TryAdd(promotion.Id, promotion);
        }

        var applied = ImmutableArray.CreateBuilder<Promotion>();
        foreach (var a in result.Applied)
        {
            if (!byId.TryGetValue(a.PromotionId, out var promotion))
            {
                throw new ArgumentException($"The order's promotion {a.PromotionId} is not among the promotions given.", nameof(promotions));
            }

            // A promotion with a shipping part is applied twice (one use): it is one promotion of the order.
            if (!applied.Contains(promotion))
            {
                applied.Add(promotion);
            }
        }

        Promotions = applied.ToImmutable();
        _reevaluator = new(MakeReevaluator);
    }

    /// <summary>Makes the record of an order evaluated by <paramref name="evaluator"/>: its promotions and options.</summary>
    /// <param name="evaluator">The evaluator the order was evaluated with.</param>
    /// <param name="cart">The cart.</param>
    /// <param name="result">Its evaluation, made with <see cref="EvaluationOptions.IncludeUnits"/>.</param>
    /// <returns>The record.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">As for the constructor.</exception>
    /// <exception cref="CurrencyMismatchException">As for the constructor.</exception>
    public static OrderRecord Of(PromotionEvaluator evaluator, Cart cart, EvaluationResult result)
    {
        Guard.NotNull(evaluator);
        return new OrderRecord(cart, result, evaluator.Catalog.Promotions, evaluator.Options);
    }

    /// <summary>Gets the cart the order was evaluated with.</summary>
    /// <value>As given.</value>
    public Cart Cart { get; }

    /// <summary>Gets the order's evaluation: what was charged.</summary>
    /// <value>As given.</value>
    public EvaluationResult Result { get; }

    /// <summary>Gets the promotions that applied to the order, in the order they applied.</summary>
    /// <value>One per <see cref="EvaluationResult.Applied"/>.</value>
    public ImmutableArray<Promotion> Promotions { get; }

    /// <summary>Gets the options the order was evaluated with.</summary>
    /// <value>As given, or the defaults.</value>
    public EvaluationOptions Options { get; }

    /// <summary>Computes the refund of units the shopper returns.</summary>
    /// <param name="units">The units returned now: line ids and quantities; the same line may appear more than once
    /// (the quantities add up).</param>
    /// <param name="policy">How to refund; <see cref="ReturnPolicy.ReEvaluate"/> unless said.</param>
    /// <param name="returnedBefore">The units earlier returns of this order took (the previous
    /// <see cref="ReturnResult.ReturnedSoFar"/>); none when <see langword="null"/>.</param>
    /// <returns>The refund of each returned unit, what the promotions take back and give back, and the new totals.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="units"/> is null.</exception>
    /// <exception cref="ArgumentException">No unit is returned, a line id is unknown or default, or more units of a
    /// line would be returned (with the earlier returns) than the order holds.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="policy"/> is not a defined value.</exception>
    /// <remarks>
    /// <para>Which units of a line go back: see <see cref="ReturnedUnits"/>.</para>
    /// <para>Under <see cref="ReturnPolicy.ReEvaluate"/>, what the order pays for the units it keeps is the least of:
    /// the kept cart evaluated again (at <see cref="EvaluationResult.At"/>, with only the order's item and order
    /// promotions, active and with usage limits lifted: the order already holds their use), but never less than the
    /// kept units paid in the order; and the same for every larger set of kept units between them and the whole order
    /// (so keeping fewer units never costs more, and refunds are never negative). It depends only on which units are
    /// kept, so returns compose: one step or several, in any order, refund the same. The refund is what the order paid
    /// before less what it pays after; each returned unit refunds what it paid less its share of what the kept units
    /// now pay extra. What the order pays more for its kept units is spread over them in proportion to the discount
    /// each had, so no kept unit pays more than its price. Past <see cref="MaxEvaluations"/> ways of keeping the
    /// units, the kept units keep what they paid (<see cref="ReturnResult.UsedFallback"/>).</para>
    /// <para>Shipping is never refunded nor taken back.</para>
    /// <para>Cost: one evaluation of a kept cart for each way of keeping between the units kept and the whole order
    /// (the product over the lines of one more than the units returned so far, less one), at most
    /// <see cref="MaxEvaluations"/>; returning one unit of one line costs one evaluation.</para>
    /// </remarks>
    public ReturnResult Return(IEnumerable<ReturnedUnits> units, ReturnPolicy policy = ReturnPolicy.ReEvaluate, IEnumerable<ReturnedUnits>? returnedBefore = null)
    {
        Guard.NotNull(units);
        if (policy is not (ReturnPolicy.ReEvaluate or ReturnPolicy.KeepDiscounts))
        {
            throw new ArgumentOutOfRangeException(nameof(policy), policy, "Not a defined ReturnPolicy value.");
        }

        var before = Counts(returnedBefore ?? [], nameof(returnedBefore), allowEmpty: true);
        var now = Counts(units, nameof(units), allowEmpty: false);
        var lines = Cart.Lines;
        var after = new int[lines.Length];
        for (var i = 0; i < lines.Length; i++)
        {
            after[i] = before[i] + now[i];
            if (after[i] > lines[i].Quantity)
            {
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture,
                        $"Line {lines[i].LineId} holds {lines[i].Quantity} units, {before[i]} returned before: {now[i]} more cannot be returned."),
                    nameof(units));
            }
        }

        return new Calculation(this, policy).Step(before, after, now);
    }

    /// <summary>The units returned from each line, by the cart's line order; throws on an unknown line.</summary>
    private int[] Counts(IEnumerable<ReturnedUnits> units, string paramName, bool allowEmpty)
    {
        var counts = new int[Cart.Lines.Length];
        var any = false;
        foreach (var unit in units)
        {
            if (unit.LineId is null)
            {
                throw new ArgumentException("A default ReturnedUnits names no line.", paramName);
            }

            var index = -1;
            for (var i = 0; i < Cart.Lines.Length && index < 0; i++)
            {
                index = Cart.Lines[i].LineId == unit.LineId ? i : -1;
            }

            if (index < 0)
            {
                throw new ArgumentException($"The order has no line {unit.LineId}.", paramName);
            }

            counts[index] = checked(counts[index] + unit.Quantity);
            if (counts[index] > Cart.Lines[index].Quantity)
            {
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture, $"Line {unit.LineId} holds {Cart.Lines[index].Quantity} units: {counts[index]} cannot be returned."),
                    paramName);
            }

            any = true;
        }

        if (!any && !allowEmpty)
        {
            throw new ArgumentException("A return needs at least one unit.", paramName);
        }

        return counts;
    }

    /// <summary>The evaluator a return re-evaluates kept carts with: the order's item and order promotions only, active.</summary>
    private PromotionEvaluator MakeReevaluator() =>
        new(PromotionCatalog.Create(Promotions.Where(p => p.Discount.Class != DiscountClass.Shipping).Select(p => p.AsActive())), Options);
}
