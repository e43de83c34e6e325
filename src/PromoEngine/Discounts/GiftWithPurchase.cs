using System;
using System.Collections.Generic;
using System.Text.Json;

namespace PromoEngine;

/// <summary>A gift with purchase (<see cref="Discount.GiftWithPurchase"/>): each set of qualifying units bought makes
/// so many units of the gift's line free (or a percentage off). It is a buy X get Y whose get items are the gift's
/// SKU, so the gift never pays for itself: when the gift also qualifies, a set needs the bought units besides it. When
/// the purchase is there and the gift's line is not, the result says which SKU and how many to add.</summary>
internal sealed class GiftWithPurchaseDiscount : ItemDiscount
{
    // Definition and factory.
    private GiftWithPurchaseDiscount(string sku, BuyXGetYDiscount sets)
        : base(DiscountClass.Item)
    {
        Sku = sku;
        Sets = sets;
    }

    /// <summary>The gift's SKU.</summary>
    public string Sku { get; }

    /// <summary>The sets it makes: <see cref="BuyXGetYDiscount.Buy"/> bought, <see cref="BuyXGetYDiscount.Get"/> gifts.</summary>
    public BuyXGetYDiscount Sets { get; }

    public static GiftWithPurchaseDiscount Create(string giftSku, int quantity, int buy, decimal percentOff, int? maxApplications)
    {
        var filter = ItemFilter.Skus(giftSku);
        var sets = BuyXGetYDiscount.Create(buy, quantity, percentOff, filter, UnitSelection.Cheapest, maxApplications);
        return new GiftWithPurchaseDiscount(giftSku, sets);
    }

    internal override Currency? AmountCurrency => null;

    // Calculator.
    public override ItemProposal Propose(IUnitPrices pool, List<Span> eligible, List<Span> getEligible)
    {
        var proposal = Sets.Propose(pool, eligible, getEligible);
        if (proposal.Total > 0m || proposal.MissingQuantity == 0)
        {
            return proposal;
        }

        // The purchase is there (units besides the gifts make a set) and gifts are missing: name the gift.
        var boughtUnits = 0;
        foreach (var span in new SpanSet(getEligible).Except(eligible))
        {
            boughtUnits += span.Count;
        }

        var giftUnits = 0;
        foreach (var span in getEligible)
        {
            giftUnits += span.Count;
        }

        if (boughtUnits >= Sets.Buy && giftUnits < Sets.Get)
        {
            proposal.MissingGift = (Sku, Sets.Get - giftUnits);
        }

        return proposal;
    }

    public override decimal MostPerUnit(decimal remaining) => Sets.MostPerUnit(remaining);

    public override bool IsMonotone => Sets.IsMonotone;

    public override int Granularity => Sets.Granularity;

    public override int? MaxSets => Sets.MaxSets;

    // JSON: {"type": "giftWithPurchase", "sku": "TOTE", "quantity": 1, "buy": 1, "percentOff": 100,
    // "maxApplications"?: n}; schema: the discount oneOf entry whose type is "giftWithPurchase".
    public const string JsonType = "giftWithPurchase";

    public static Discount? Read(DiscountJsonReader json)
    {
        json.Properties("type", "sku", "quantity", "buy", "percentOff", "maxApplications");
        var sku = json.String("sku");
        var quantity = json.OptionalInt("quantity") ?? (json.Has("quantity") ? null : 1);
        var buy = json.OptionalInt("buy") ?? (json.Has("buy") ? null : 1);
        var percent = json.Decimal("percentOff", 100m);
        var max = json.OptionalInt("maxApplications");
        return sku is not null && quantity is { } q && buy is { } b && percent is { } p
            ? json.Make(string.Empty, () => Create(sku, q, b, p, max))
            : null;
    }

    internal override void WriteJson(Utf8JsonWriter writer)
    {
        writer.WriteString("type", JsonType);
        writer.WriteString("sku", Sku);
        writer.WriteNumber("quantity", Sets.Get);
        writer.WriteNumber("buy", Sets.Buy);
        writer.WriteNumber("percentOff", Sets.PercentOff);
        DiscountJsonWriting.Optional(writer, "maxApplications", Sets.MaxApplications);
    }

    // What may be asked of it.
    internal override ItemFilter? GetItems => Sets.GetItems;

    internal override bool MovesValue => true;

    internal override bool LintsItemsThatNeverMatch => Sets.LintsItemsThatNeverMatch;

    internal override bool CannotApply(decimal subtotal, int quantity, Func<ItemFilter, int> unitsOf) => Sets.CannotApply(subtotal, quantity, unitsOf);

    internal override void Lint(Promotion promotion, List<LintFinding> findings)
    {
        Sets.Lint(promotion, findings);

        // The qualifying items can hold the gift itself: a cart of gifts alone earns one of them.
        if (promotion.QualifyingItems.Matches(new CartLine("gift", Sku, new Money(1m, Currency.Usd), 1)))
        {
            findings.Add(CatalogLinter.Finding(LintRule.GiftEarnsItself, LintSeverity.Warning, [promotion],
                $"{promotion.Id} gives {Sku}, which its own qualifying items can include: gifts alone make a set. Leave {Sku} out of its items."));
        }
    }

    public override string ToString() =>
        (Sets.PercentOff == 100m ? FormattableString.Invariant($"{Sets.Get} x {Sku} free") : FormattableString.Invariant($"{Sets.Get} x {Sku} at {Sets.PercentOff}% off"))
        + FormattableString.Invariant($" with every {Sets.Buy} qualifying item{(Sets.Buy == 1 ? string.Empty : "s")}");
}
