using System;
using System.Globalization;
using System.Linq;
using Xunit;
using static PromoEngine.Tests.Shop;

namespace PromoEngine.Tests;

/// <summary>A gift with purchase (<see cref="Discount.GiftWithPurchase"/>).</summary>
public sealed class GiftWithPurchaseTests
{
    private static Promotion Tote(int buy = 1, int? max = null) =>
        Promo("tote", Discount.GiftWithPurchase("TOTE", buy: buy, maxApplications: max)).ForItems(ItemFilter.Categories("shoes")).Build();

    private static CartLine Shoes(int quantity = 1) => Line("s", 80.00m, quantity, "SHOE", "shoes");

    private static CartLine Totes(int quantity = 1) => Line("t", 15.00m, quantity, "TOTE", "bags");

    [Fact]
    public void GiftWithPurchase_PurchaseAndGiftInTheCart_MakesTheGiftFree()
    {
        var result = Evaluate(Cart(Shoes(), Totes()), Tote());

        Assert.Equal(15.00m, result.Applied("tote"));
        Assert.Equal(0m, result.Line("t").Final.Amount);
        Assert.Equal(80.00m, result.Line("s").Final.Amount);
    }

    [Fact]
    public void GiftWithPurchase_GiftMissing_SaysWhichSkuAndHowManyToAdd()
    {
        var result = Evaluate(Cart(Shoes()), Tote());

        var rejection = result.Rejection("tote");
        Assert.Equal((RejectionReason.GiftNotInCart, "TOTE", 1), (rejection.Reason, rejection.Sku, rejection.MissingQuantity));
        var hint = Assert.Single(result.Hints);
        Assert.Equal((HintKind.AddGift, "TOTE", 1), (hint.Kind, hint.Sku, hint.MissingQuantity));
        Assert.Equal("Add 1 x TOTE to your cart to get it with tote.", hint.Message);
        var text = new ShopperText(new PromoEngine.Messages.German.GermanMessages());
        Assert.Equal("Add 1 x TOTE to your cart to get it with tote.", text.Describe(hint, PromotionCatalog.Create([Tote()]), CultureInfo.GetCultureInfo("en")));
        Assert.Equal("Legen Sie 1 x TOTE in den Warenkorb, um es mit tote zu erhalten.", text.Describe(hint, PromotionCatalog.Create([Tote()]), CultureInfo.GetCultureInfo("de-DE")));
    }

    [Fact]
    public void GiftWithPurchase_GiftWithoutItsPurchase_IsNeverFree()
    {
        var result = Diagnose(Cart(Totes(2)), Tote());

        Assert.Empty(result.Applied);
        Assert.Equal(30.00m, result.Total.Amount);
        Assert.Equal(RejectionReason.NoQualifyingItems, result.Rejection("tote").Reason);
        Assert.DoesNotContain(result.Hints, h => h.Kind == HintKind.AddGift);
    }

    [Fact]
    public void GiftWithPurchase_OncePerQualifyingSet_UpToItsLimit()
    {
        Assert.Equal(30.00m, Evaluate(Cart(Shoes(2), Totes(3)), Tote()).Applied("tote"));
        Assert.Equal(15.00m, Evaluate(Cart(Shoes(3), Totes(3)), Tote(buy: 2)).Applied("tote"));
        Assert.Equal(15.00m, Evaluate(Cart(Shoes(2), Totes(2)), Tote(max: 1)).Applied("tote"));
    }

    [Fact]
    public void GiftWithPurchase_GiftThatAlsoQualifies_DoesNotPayForItself()
    {
        var promotion = Promo("p", Discount.GiftWithPurchase("TOTE")).Build(); // every item qualifies, the tote too

        var one = Evaluate(Cart(Totes(1)), promotion);
        Assert.Empty(one.Applied);

        Assert.Equal(15.00m, Evaluate(Cart(Totes(2)), promotion).Applied("p"));
    }

    [Fact]
    public void GiftWithPurchase_HalfOff_TakesHalfTheGift()
    {
        var promotion = Promo("p", Discount.GiftWithPurchase("TOTE", percentOff: 50)).ForItems(ItemFilter.Categories("shoes")).Build();

        Assert.Equal(7.50m, Evaluate(Cart(Shoes(), Totes()), promotion).Applied("p"));
    }

    [Theory]
    [InlineData(0, 1, "get")]
    [InlineData(1, 0, "buy")]
    public void GiftWithPurchase_CountBelowOne_Throws(int quantity, int buy, string parameter)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Discount.GiftWithPurchase("TOTE", quantity, buy));

        Assert.Equal(parameter, e.ParamName);
    }

    [Fact]
    public void GiftWithPurchase_Json_RoundTripsAndWritesTheHint()
    {
        var json = PromotionJson.Write([Tote(max: 2)]);

        Assert.Contains("\"type\": \"giftWithPurchase\"", json, StringComparison.Ordinal);
        Assert.Equal(json, PromotionJson.Write(PromotionJson.Read(json)));
        var written = EvaluationJson.Write(Evaluate(Cart(Shoes()), Tote()));
        Assert.Contains("\"sku\": \"TOTE\"", written, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_GiftWithoutSku_SaysWhere()
    {
        var json = """{ "schemaVersion": 1, "promotions": [ { "id": "p", "name": "P", "discount": { "type": "giftWithPurchase", "quantity": 1 } } ] }""";

        var e = Assert.Throws<PromotionDefinitionException>(() => PromotionJson.Read(json));

        Assert.Equal("$.promotions[0].discount.sku: is required.", Assert.Single(e.Errors));
    }

    [Fact]
    public void Lint_GiftInsideItsOwnItems_Warns()
    {
        var finding = Assert.Single(CatalogLinter.Lint([Promo("p", Discount.GiftWithPurchase("TOTE")).Build()], Now));

        Assert.Equal((LintRule.GiftEarnsItself, LintSeverity.Warning), (finding.Rule, finding.Severity));
        Assert.Empty(CatalogLinter.Lint([Tote()], Now).Where(f => f.Rule == LintRule.GiftEarnsItself));
    }
}
