using System;
using System.Globalization;
using System.Linq;
using NodaTime;
using PromoEngine.Messages.German;
using Xunit;
using static PromoEngine.Tests.Shop;

namespace PromoEngine.Tests.Messages;

public sealed class ShopperTextTests
{
    private static readonly CultureInfo German = CultureInfo.GetCultureInfo("de-DE");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-US");
    private static readonly ShopperMessages[] Languages = [ShopperMessages.English, new GermanMessages()];

    private static readonly Promotion Sale = Promo("sale", Discount.PercentOffItems(10)).Build();
    private static readonly Promotion Winner = Promotion.Create("winner", "Winter deal").Giving(Discount.PercentOffItems(20)).Build();
    private static readonly PromotionCatalog Catalog = PromotionCatalog.Create([Sale, Winner]);

    public static TheoryData<RejectionReason> Reasons() => new(Enum.GetValues<RejectionReason>());

    public static TheoryData<HintKind> HintKinds() => new(Enum.GetValues<HintKind>());

    public static TheoryData<ReceiptTerm> Terms() => new(Enum.GetValues<ReceiptTerm>());

    /// <summary>Every reason has text in both languages, with its details and without, and German is not English: a
    /// reason added without its texts fails here.</summary>
    [Theory]
    [MemberData(nameof(Reasons))]
    public void Every_reason_has_text_in_both_languages(RejectionReason reason)
    {
        foreach (var rejection in new[] { Full(reason), new Rejection(Sale.Id, null, reason, "") })
        {
            var texts = Languages.Select(l => l.Describe(rejection, new MessageContext(German, Sale, Winner))).ToArray();
            Assert.All(texts, t => Assert.False(string.IsNullOrWhiteSpace(t), $"{reason} has no text"));
            Assert.NotEqual(texts[0], texts[1]);
        }
    }

    [Theory]
    [MemberData(nameof(HintKinds))]
    public void Every_hint_kind_has_text_in_both_languages(HintKind kind)
    {
        var hint = new NearMissHint(Sale.Id, kind, D(12.5m), 2, "");
        var texts = Languages.Select(l => l.Describe(hint, new MessageContext(German, Sale))).ToArray();
        Assert.All(texts, t => Assert.False(string.IsNullOrWhiteSpace(t), $"{kind} has no text"));
        Assert.NotEqual(texts[0], texts[1]);
    }

    /// <summary>A hint about a coupon in the wallet reads as the shopper's own coupon, in both languages, for every kind.</summary>
    [Theory]
    [MemberData(nameof(HintKinds))]
    public void Every_hint_kind_has_wallet_text_in_both_languages(HintKind kind)
    {
        var hint = new NearMissHint(Sale.Id, kind, D(12.5m), 2, "") { FromWallet = true };
        var plain = hint with { FromWallet = false };
        foreach (var language in Languages)
        {
            var text = language.Describe(hint, new MessageContext(German, Sale));
            Assert.False(string.IsNullOrWhiteSpace(text), $"{kind} has no wallet text");
            Assert.NotEqual(language.Describe(plain, new MessageContext(German, Sale)), text);
        }

        Assert.NotEqual(Languages[0].Describe(hint, new MessageContext(German, Sale)), Languages[1].Describe(hint, new MessageContext(German, Sale)));
    }

    [Theory]
    [MemberData(nameof(Terms))]
    public void Every_receipt_term_has_text_in_both_languages(ReceiptTerm term)
    {
        var texts = Languages.Select(l => l.Describe(term, new MessageContext(German))).ToArray();
        Assert.All(texts, t => Assert.False(string.IsNullOrWhiteSpace(t), $"{term} has no text"));
        Assert.NotEqual(texts[0], texts[1]);
    }

    [Theory]
    [InlineData("de-DE", 1234.5, "EUR", "1.234,50 €")]
    [InlineData("de-DE", -1234.5, "EUR", "-1.234,50 €")]
    [InlineData("fr-FR", 1234.5, "EUR", "1 234,50 €")]
    [InlineData("en-US", 1234.5, "EUR", "€1,234.50")]
    [InlineData("en-US", 1235, "JPY", "¥1,235")]
    [InlineData("ja-JP", 1235, "JPY", "￥1,235")]
    [InlineData("de-DE", 1234.5, "USD", "1.234,50 $")]
    [InlineData("en-US", 1234.5, "USD", "$1,234.50")]
    [InlineData("en-CA", 1234.5, "USD", "USD 1,234.50")]
    [InlineData("en-US", 12.5, "CHF", "CHF 12.50")]
    [InlineData("de-DE", 12.5, "CHF", "12,50 CHF")]
    [InlineData("de-CH", 1234.5, "CHF", "CHF 1’234.50")]
    [InlineData("en-US", 1.5, "KWD", "KWD 1.500")]
    [InlineData("en-US", 1.005, "USD", "$1.005")]
    [InlineData("de", 12.5, "EUR", "12,50 €")]
    public void Money_is_formatted_per_culture_and_currency(string culture, double amount, string currency, string expected)
    {
        var money = new Money((decimal)amount, Currency.FromCode(currency));
        Assert.Equal(expected, money.ToString(CultureInfo.GetCultureInfo(culture)).Replace('\u00A0', ' ').Replace('\u202F', ' '));
    }

    [Fact]
    public void The_invariant_culture_gives_the_plain_form_and_a_custom_currency_its_code()
    {
        Assert.Equal("1234.50 EUR", new Money(1234.5m, Currency.Eur).ToString(CultureInfo.InvariantCulture));
        Assert.Equal("PTS 1,200", new Money(1200m, Currency.Custom("PTS", 0)).ToString(English).Replace('\u00A0', ' '));
    }

    [Fact]
    public void A_culture_is_served_by_its_language_then_its_parents_then_English()
    {
        var text = new ShopperText(new GermanMessages());
        Assert.IsType<GermanMessages>(text.LanguageFor(CultureInfo.GetCultureInfo("de-AT")));
        Assert.IsType<GermanMessages>(text.LanguageFor(CultureInfo.GetCultureInfo("de")));
        Assert.Same(ShopperMessages.English, text.LanguageFor(CultureInfo.GetCultureInfo("fr-FR")));
        Assert.Same(ShopperMessages.English, text.LanguageFor(CultureInfo.InvariantCulture));
    }

    [Fact]
    public void What_a_language_lacks_is_said_in_English()
    {
        var text = new ShopperText(new Partial());
        var rejection = new Rejection(Sale.Id, null, RejectionReason.Paused, "");
        Assert.Equal("sale is paused at the moment.", text.Describe(rejection, Catalog, CultureInfo.GetCultureInfo("nl-NL")));
        Assert.Equal("Subtotaal", text.Describe(ReceiptTerm.Subtotal, CultureInfo.GetCultureInfo("nl-NL")));
        Assert.Equal("Total", text.Describe(ReceiptTerm.Total, CultureInfo.GetCultureInfo("nl-NL")));
    }

    [Fact]
    public void A_value_no_language_knows_still_reads_as_a_sentence()
    {
        var text = new ShopperText(new GermanMessages());
        var rejection = new Rejection(Sale.Id, null, (RejectionReason)999, "");
        Assert.Equal("This offer cannot be used on this order.", text.Describe(rejection, Catalog, German));
    }

    [Fact]
    public void A_host_may_replace_English_and_may_not_give_two_texts_for_one_culture()
    {
        var text = new ShopperText(new Plain("en"));
        Assert.Equal("nope", text.Describe(new Rejection(null, "X", RejectionReason.UnknownCode, ""), Catalog, English));
        Assert.Throws<ArgumentException>(() => new ShopperText(new GermanMessages(), new Plain("DE")));
        Assert.Throws<ArgumentNullException>(() => new ShopperText([null!]));
        Assert.Throws<ArgumentException>(() => new Plain(""));
    }

    [Fact]
    public void An_evaluation_reads_in_German_with_German_money()
    {
        var free = Promotion.Create("free-shipping", "Gratisversand").Require(Restriction.MinimumSubtotal(D(75m))).Giving(Discount.FreeShipping).Build();
        var catalog = PromotionCatalog.Create([free]);
        var result = new PromotionEvaluator(catalog).Evaluate(new Cart(Usd, [Line("1", 62.5m)], shipping: D(6.99m)), [], Now);
        var text = new ShopperText(new GermanMessages());

        Assert.Equal("Kaufen Sie qualifizierende Artikel für weitere 12,50 $ ein, um Gratisversand zu erhalten.",
            text.Describe(result.Rejected.Single(), catalog, German));
        Assert.Equal("Noch 12,50 $ bis Gratisversand.", text.Describe(result.Hints.Single(), catalog, German));
        Assert.Equal("Spend $12.50 more to get Gratisversand.", text.Describe(result.Hints.Single(), catalog, English));
    }

    [Fact]
    public void Dates_are_read_in_the_promotions_time_zone_and_the_shoppers_culture()
    {
        var berlin = DateTimeZoneProviders.Tzdb["Europe/Berlin"];
        var later = Promotion.Create("later", "Winterschlussverkauf")
            .WithSchedule(Schedule.Between(new LocalDateTime(2026, 12, 26, 9, 0), null, berlin))
            .Giving(Discount.PercentOffItems(30)).Build();
        var catalog = PromotionCatalog.Create([later]);
        var result = new PromotionEvaluator(catalog, new EvaluationOptions { ListEveryRejection = true }).Evaluate(Cart(Line("1", 10m)), [], Now);
        var text = new ShopperText(new GermanMessages());

        Assert.Equal("Winterschlussverkauf beginnt am Samstag, 26. Dezember 2026 um 09:00 Uhr.", text.Describe(result.Rejected.Single(), catalog, German));
        Assert.Equal("Winterschlussverkauf starts on Saturday, December 26, 2026 at 9:00 AM.",
            text.Describe(result.Rejected.Single(), catalog, English).Replace('\u202F', ' '));
    }

    [Fact]
    public void The_rejection_names_whom_a_promotion_is_for()
    {
        var gold = Promotion.Create("gold", "Gold sale").Require(Restriction.MembersOnly("Gold", "Platinum")).Giving(Discount.PercentOffItems(10)).Build();
        var catalog = PromotionCatalog.Create([gold]);
        var rejection = new PromotionEvaluator(catalog, new EvaluationOptions { ListEveryRejection = true }).Evaluate(Cart(Line("1", 10m)), [], Now).Rejected.Single();

        Assert.Equal(["Gold", "Platinum"], rejection.Allowed.ToArray());
        Assert.Equal("Gold sale is for Gold or Platinum members only.", new ShopperText().Describe(rejection, catalog, English));
        Assert.Equal("Gold sale gilt nur für Mitglieder von Gold oder Platinum.", new ShopperText(new GermanMessages()).Describe(rejection, catalog, German));
    }

    [Fact]
    public void The_ambient_culture_is_never_read()
    {
        var rejection = Full(RejectionReason.MinimumSubtotalNotMet);
        var text = new ShopperText(new GermanMessages());
        var saved = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        var expected = (text.Describe(rejection, Catalog, English), text.Describe(rejection, Catalog, German), D(1234.5m).ToString(English));
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("tr-TR");
            Assert.Equal(expected, (text.Describe(rejection, Catalog, English), text.Describe(rejection, Catalog, German), D(1234.5m).ToString(English)));
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = saved;
        }
    }

    /// <summary>A rejection with every detail a reason may carry.</summary>
    private static Rejection Full(RejectionReason reason) => new(Sale.Id, "SAVE10", reason, "")
    {
        Shortfall = D(12.5m), MissingQuantity = 2, Limit = 3, Used = 3, Winner = Winner.Id, WinnerCode = "WINTER",
        AloneAmount = D(4m), Boundary = Instant.FromUtc(2026, 12, 24, 17, 0), Allowed = ["Gold", "Platinum"], ItemsLabel = "shoes",
    };

    /// <summary>A language with only one term, to see the fallback.</summary>
    private sealed class Partial() : ShopperMessages(CultureInfo.GetCultureInfo("nl"))
    {
        public override string? Describe(Rejection rejection, MessageContext context) => null;

        public override string? Describe(NearMissHint hint, MessageContext context) => null;

        public override string? Describe(ReceiptTerm term, MessageContext context) => term == ReceiptTerm.Subtotal ? "Subtotaal" : null;
    }

    private sealed class Plain(string name) : ShopperMessages(CultureInfo.GetCultureInfo(name))
    {
        public override string? Describe(Rejection rejection, MessageContext context) => "nope";

        public override string? Describe(NearMissHint hint, MessageContext context) => "nope";

        public override string? Describe(ReceiptTerm term, MessageContext context) => "nope";
    }
}
