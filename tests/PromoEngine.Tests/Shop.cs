using System.Collections.Generic;
using System.Linq;
using NodaTime;

namespace PromoEngine.Tests;

/// <summary>Short ways to build carts, promotions and evaluations in tests (all in USD unless said).</summary>
internal static class Shop
{
    public static readonly Currency Usd = Currency.Usd;

    /// <summary>Mid-June 2026, noon UTC: inside every schedule the tests do not make on purpose.</summary>
    public static readonly Instant Now = Instant.FromUtc(2026, 6, 15, 12, 0);

    public static Money D(decimal amount) => new(amount, Usd);

    public static CartLine Line(string id, decimal price, int quantity = 1, string? sku = null, params string[] categories) =>
        new(id, sku ?? id, D(price), quantity, categories);

    public static Cart Cart(params CartLine[] lines) => new(Usd, lines);

    public static Cart Cart(CustomerProfile customer, decimal? shipping, params CartLine[] lines) =>
        new(Usd, lines, customer, shipping is { } s ? D(s) : null);

    public static PromotionBuilder Promo(string id, Discount discount) => Promotion.Create(id, id).Giving(discount);

    public static EvaluationResult Evaluate(Cart cart, IEnumerable<Promotion> promotions, params string[] codes) =>
        new PromotionEvaluator(PromotionCatalog.Create(promotions), new EvaluationOptions { IncludeUnits = true, MaxCodesPerOrder = 5 })
            .Evaluate(cart, codes, Now);

    public static EvaluationResult Evaluate(Cart cart, Promotion promotion, params string[] codes) => Evaluate(cart, [promotion], codes);

    /// <summary>As <see cref="Evaluate(Cart, IEnumerable{Promotion}, string[])"/>, listing every rejection
    /// (<see cref="EvaluationOptions.ListEveryRejection"/>): for the reasons of promotions that do not concern the cart.</summary>
    public static EvaluationResult Diagnose(Cart cart, IEnumerable<Promotion> promotions, params string[] codes) =>
        new PromotionEvaluator(PromotionCatalog.Create(promotions), new EvaluationOptions { IncludeUnits = true, MaxCodesPerOrder = 5, ListEveryRejection = true })
            .Evaluate(cart, codes, Now);

    public static EvaluationResult Diagnose(Cart cart, Promotion promotion, params string[] codes) => Diagnose(cart, [promotion], codes);

    public static decimal Applied(this EvaluationResult result, string id) =>
        result.Applied.Where(a => a.PromotionId.Value == id).Sum(a => a.Amount.Amount);

    public static Rejection Rejection(this EvaluationResult result, string id) =>
        result.Rejected.Single(r => r.PromotionId?.Value == id);

    public static LineResult Line(this EvaluationResult result, string lineId) => result.Lines.Single(l => l.LineId == lineId);
}
