using System.Collections.Immutable;
using System.Globalization;
using NodaTime;

namespace PromoEngine.Messages.German;

/// <summary>German texts for shoppers (de, and so de-DE, de-AT, de-CH): every rejection reason, near-miss hint and
/// receipt term, worded from the reason's details, with money, numbers and dates in the shopper's culture.</summary>
/// <remarks>Uses PromoEngine's public API only; hand it to <see cref="ShopperText"/>:
/// <c>new ShopperText(new GermanMessages())</c>.</remarks>
public sealed class GermanMessages : ShopperMessages
{
    /// <summary>Initializes a new instance of the <see cref="GermanMessages"/> class.</summary>
    public GermanMessages()
        : base(CultureInfo.GetCultureInfo("de"))
    {
    }

    /// <inheritdoc/>
    public override string? Describe(Rejection rejection, MessageContext context)
    {
        var c = context;
        var name = Subject(rejection, c);
        return rejection.Reason switch
        {
            RejectionReason.UnknownCode => $"Der Code {rejection.Code} ist ungültig.",
            RejectionReason.TooManyCodes => rejection.Limit == 1 && rejection.WinnerCode is { } winner
                ? $"Pro Bestellung kann nur ein Code eingelöst werden, und {winner} ist bereits eingelöst."
                : $"Pro Bestellung können höchstens {c.Number(rejection.Limit ?? 1)} Codes eingelöst werden.",
            RejectionReason.NotStarted => rejection.Boundary is { } starts
                ? $"{name} beginnt am {c.Day(starts)} um {c.Time(starts)} Uhr."
                : $"{name} hat noch nicht begonnen.",
            RejectionReason.Expired => rejection.Boundary is { } ended
                ? $"{name} ist am {c.Day(ended - Duration.Epsilon)} abgelaufen."
                : $"{name} ist abgelaufen.",
            RejectionReason.Paused => $"{name} ist derzeit pausiert.",
            RejectionReason.Cancelled => $"{name} ist nicht mehr verfügbar.",
            RejectionReason.NoQualifyingItems => $"Für {name} qualifiziert sich kein Artikel in Ihrem Warenkorb.",
            RejectionReason.MinimumSubtotalNotMet => rejection.Shortfall is { } shortfall
                ? $"Kaufen Sie qualifizierende Artikel für weitere {c.Money(shortfall)} ein, um {name} zu erhalten."
                : $"Kaufen Sie weitere qualifizierende Artikel ein, um {name} zu erhalten.",
            RejectionReason.MinimumQuantityNotMet => $"Legen Sie {Items(rejection.MissingQuantity ?? 1, c)} in den Warenkorb, um {name} zu erhalten.",
            RejectionReason.GiftNotInCart => $"Legen Sie {c.Number(rejection.MissingQuantity ?? 1)} x {rejection.Sku} in den Warenkorb, um es mit {name} zu erhalten.",
            RejectionReason.MembersOnly => rejection.Allowed.IsEmpty
                ? $"{name} gilt nur für Mitglieder."
                : $"{name} gilt nur für Mitglieder von {Or(rejection.Allowed)}.",
            RejectionReason.RegionNotEligible => $"{name} ist für Ihre Region oder Lieferadresse nicht verfügbar.",
            RejectionReason.ChannelNotEligible => rejection.Allowed.IsEmpty
                ? $"{name} ist hier nicht erhältlich."
                : $"{name} ist nur über {Or(rejection.Allowed)} erhältlich.",
            RejectionReason.SegmentNotEligible => rejection.Allowed.IsEmpty
                ? $"{name} ist für Ihr Kundenkonto nicht verfügbar."
                : $"{name} gilt nur für Kunden der Gruppe {Or(rejection.Allowed)}.",
            RejectionReason.FirstOrderOnly => $"{name} gilt nur für Ihre erste Bestellung.",
            RejectionReason.AlreadyRedeemed => $"Der Code {rejection.Code} wurde bereits eingelöst.",
            RejectionReason.UsageLimitReached => $"{name} wurde bereits so oft genutzt, wie es erlaubt ist.",
            RejectionReason.CustomerLimitReached => rejection.Limit is null or 1
                ? $"Sie haben {name} bereits genutzt."
                : $"Sie haben {name} bereits {c.Number(rejection.Limit.Value)}-mal genutzt, so oft wie erlaubt.",
            RejectionReason.GuestNotAllowed => $"Melden Sie sich an, um {name} zu nutzen.",
            RejectionReason.CurrencyNotSupported => $"{name} ist in dieser Währung nicht verfügbar.",
            RejectionReason.BetterDealChosen => c.Winner is null
                ? $"{name} wurde nicht angewendet: ein besseres Angebot spart Ihnen bei denselben Artikeln mehr."
                : $"{name} wurde nicht angewendet: {c.WinnerName} spart Ihnen bei denselben Artikeln mehr.",
            RejectionReason.NothingToDiscount => $"Bei {name} gibt es nichts mehr zu rabattieren.",
            RejectionReason.SamePromotionCodeEntered => $"Der Code {rejection.Code} gehört zum selben Angebot wie ein zuvor eingegebener Code.",
            RejectionReason.BudgetExhausted => $"{name} ist ausgeschöpft.",
            RejectionReason.LikelyTypo => $"Der Code {rejection.Code} scheint vertippt: Bitte prüfen Sie jedes Zeichen.",
            RejectionReason.NotCombinable => c.Winner is null
                ? $"{name} kann nicht mit dem angewendeten Angebot kombiniert werden."
                : $"{name} kann nicht mit {c.WinnerName} kombiniert werden.",
            RejectionReason.StoppedByHigherLane => c.Winner is null
                ? $"{name} gilt nicht zusammen mit dem angewendeten Angebot."
                : $"{name} gilt nicht zusammen mit {c.WinnerName}.",
            RejectionReason.MalformedCode => "Der eingegebene Code kann nicht gelesen werden: Bitte prüfen Sie ihn und versuchen Sie es erneut.",
            RejectionReason.UsageUnavailable => $"{name} kann gerade nicht geprüft werden: Bitte versuchen Sie es gleich noch einmal.",
            RejectionReason.OutsideWindow => rejection.Boundary is { } opens
                ? $"{name} ist gerade nicht verfügbar: wieder ab {c.Day(opens)} um {c.Time(opens)} Uhr."
                : $"{name} ist gerade nicht verfügbar.",
            RejectionReason.IssuedToAnotherCustomer => rejection.Code is { } personal
                ? $"Der Code {personal} wurde für ein anderes Kundenkonto ausgestellt: Melden Sie sich mit dem Konto an, an das er gesendet wurde."
                : "Dieser Code wurde für ein anderes Kundenkonto ausgestellt: Melden Sie sich mit dem Konto an, an das er gesendet wurde.",
            RejectionReason.ShippingMethodNotEligible => rejection.Allowed.IsEmpty
                ? $"{name} gilt nicht für diese Versandart."
                : $"{name} gilt nur für die Versandart {Or(rejection.Allowed)}.",
            RejectionReason.OrderHistoryNotEligible => rejection.PreviousOrders is null
                ? $"{name} hängt von Ihren bisherigen Bestellungen ab: Melden Sie sich an, um es zu nutzen."
                : (rejection.PreviousOrdersAtLeast, rejection.PreviousOrdersAtMost) switch
                {
                    (0, 0) => $"{name} gilt nur für Ihre erste Bestellung.",
                    ({ } low, { } high) when low == high => $"{name} gilt nur für Ihre {c.Number(low + 1)}. Bestellung.",
                    ({ } low, { } high) => $"{name} gilt für Kundinnen und Kunden mit {c.Number(low)} bis {c.Number(high)} früheren Bestellungen.",
                    ({ } low, null) => $"{name} gilt für Kundinnen und Kunden mit mindestens {c.Number(low)} {(low == 1 ? "früheren Bestellung" : "früheren Bestellungen")}.",
                    (null, { } high) => $"{name} gilt für Kundinnen und Kunden mit höchstens {c.Number(high)} {(high == 1 ? "früheren Bestellung" : "früheren Bestellungen")}.",
                    _ => $"{name} ist für Ihre bisherigen Bestellungen nicht verfügbar.",
                },
            RejectionReason.CartConditionNotMet => rejection.Shortfall is { } more
                ? $"Kaufen Sie für weitere {c.Money(more)} {Label(rejection.ItemsLabel)} ein, um {name} zu erhalten."
                : $"Legen Sie {Count(rejection.MissingQuantity ?? 1, c)} {Label(rejection.ItemsLabel)} in den Warenkorb, um {name} zu erhalten.",
            _ => null,
        };
    }

    /// <inheritdoc/>
    public override string? Describe(NearMissHint hint, MessageContext context) => hint.FromWallet ? FromWallet(hint, context) : hint.Kind switch
    {
        HintKind.SpendMore => hint.Shortfall is { } shortfall
            ? $"Noch {context.Money(shortfall)} bis {Name(context)}."
            : $"Nur noch ein wenig mehr bis {Name(context)}.",
        HintKind.AddItems => $"Legen Sie {Items(hint.MissingQuantity ?? 1, context)} in den Warenkorb, um {Name(context)} zu erhalten.",
        HintKind.AddRequiredItems => $"Legen Sie {Count(hint.MissingQuantity ?? 1, context)} {Label(hint.ItemsLabel)} in den Warenkorb, um {Name(context)} zu erhalten.",
        HintKind.SpendMoreOnRequiredItems => hint.Shortfall is { } more
            ? $"Noch {context.Money(more)} {Label(hint.ItemsLabel)} bis {Name(context)}."
            : $"Nur noch ein wenig mehr {Label(hint.ItemsLabel)} bis {Name(context)}.",
        HintKind.AddGift => $"Legen Sie {context.Number(hint.MissingQuantity ?? 1)} x {hint.Sku} in den Warenkorb, um es mit {Name(context)} zu erhalten.",
        _ => null,
    };

    /// <summary>Ein Hinweis zu einem Coupon, den die Kundin oder der Kunde schon hat: wie er sich einlösen lässt.</summary>
    private string? FromWallet(NearMissHint hint, MessageContext context) => hint.Kind switch
    {
        HintKind.SpendMore => hint.Shortfall is { } shortfall
            ? $"Noch {context.Money(shortfall)} bis zur Einlösung Ihres Coupons {Name(context)}."
            : $"Nur noch ein wenig mehr bis zur Einlösung Ihres Coupons {Name(context)}.",
        HintKind.AddItems => $"Legen Sie {Items(hint.MissingQuantity ?? 1, context)} in den Warenkorb, um Ihren Coupon {Name(context)} einzulösen.",
        HintKind.AddRequiredItems => $"Legen Sie {Count(hint.MissingQuantity ?? 1, context)} {Label(hint.ItemsLabel)} in den Warenkorb, um Ihren Coupon {Name(context)} einzulösen.",
        HintKind.SpendMoreOnRequiredItems => hint.Shortfall is { } more
            ? $"Noch {context.Money(more)} {Label(hint.ItemsLabel)} bis zur Einlösung Ihres Coupons {Name(context)}."
            : $"Nur noch ein wenig mehr {Label(hint.ItemsLabel)} bis zur Einlösung Ihres Coupons {Name(context)}.",
        HintKind.AddGift => $"Legen Sie {context.Number(hint.MissingQuantity ?? 1)} x {hint.Sku} in den Warenkorb, um es mit Ihrem Coupon {Name(context)} zu erhalten.",
        _ => null,
    };

    /// <inheritdoc/>
    public override string? Describe(ReceiptTerm term, MessageContext context) => term switch
    {
        ReceiptTerm.Subtotal => "Zwischensumme",
        ReceiptTerm.OrderDiscounts => "Bestellrabatte",
        ReceiptTerm.Shipping => "Versand",
        ReceiptTerm.ShippingDiscount => "Versandrabatt",
        ReceiptTerm.Total => "Gesamt",
        ReceiptTerm.YouSaved => "Sie sparen",
        ReceiptTerm.Automatic => "automatisch",
        ReceiptTerm.Code => "Code",
        ReceiptTerm.Applied => "angewendet",
        ReceiptTerm.NotUsed => "nicht genutzt",
        ReceiptTerm.Tip => "Tipp",
        ReceiptTerm.CutToPrice => "auf den Preis begrenzt",
        ReceiptTerm.Capped => "gedeckelt",
        ReceiptTerm.CutToBudget => "auf das Restbudget begrenzt",
        ReceiptTerm.FromWallet => "aus Ihren Gutscheinen",
        ReceiptTerm.CutToPriceFloor => "durch den Mindestpreis begrenzt",
        _ => null,
    };

    private static string Subject(Rejection rejection, MessageContext c) =>
        c.Promotion is not null ? c.Name : rejection.Code is { } code ? "Der Code " + code : "Das Angebot";

    private static string Name(MessageContext c) => c.Promotion is null ? "zum Angebot" : c.Name;

    private static string Items(int count, MessageContext c) =>
        count == 1 ? "einen weiteren qualifizierenden Artikel" : $"{c.Number(count)} weitere qualifizierende Artikel";

    /// <summary>The items a cart condition counts, as the promotion calls them.</summary>
    private static string Label(string? label) => label is null ? "der für das Angebot nötigen Artikel" : $"aus „{label}“";

    private static string Count(int count, MessageContext c) =>
        count == 1 ? "einen weiteren Artikel" : $"{c.Number(count)} weitere Artikel";

    private static string Or(ImmutableArray<string> names) =>
        names.Length == 1 ? names[0] : string.Join(", ", names[..^1]) + " oder " + names[^1];
}
