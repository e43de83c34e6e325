using System;
using System.Linq;
using Xunit;
using static PromoEngine.Tests.Shop;

namespace PromoEngine.Tests;

/// <summary>Where a code was distributed: carried by the code or batch, recorded by every redemption, read and written
/// as JSON.</summary>
public sealed class CodeAttributionTests
{
    private static readonly CodeAttribution Creator = new(channel: " instagram ", affiliate: "creator-17", tags: ["video", "story", "video"]);

    private static Cart Basic => Cart(Line("a", 40m));

    [Fact]
    public void Constructor_TrimsAndSortsTags_AndComparesByValue()
    {
        Assert.Equal("instagram", Creator.Channel);
        Assert.Equal("story video", string.Join(" ", Creator.Tags));
        Assert.Null(Creator.Campaign);
        Assert.True(Creator == new CodeAttribution("instagram", null, "creator-17", ["story", "video"]));
        Assert.Equal(Creator.GetHashCode(), new CodeAttribution("instagram", null, "creator-17", ["video", "story"]).GetHashCode());
        Assert.True(Creator != new CodeAttribution("instagram", null, "creator-18", ["story", "video"]));
        Assert.Equal("story video", string.Join(" ", Creator.ValuesOf(AttributionDimension.Tag)));
        Assert.Empty(Creator.ValuesOf(AttributionDimension.Campaign));
    }

    [Fact]
    public void Constructor_Nothing_IsRefused()
    {
        var e = Assert.Throws<ArgumentException>(() => new CodeAttribution());

        Assert.Equal("channel", e.ParamName);
        Assert.Contains("needs a channel, a campaign, an affiliate or a tag", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_ControlCharacter_IsRefusedWithItsParameter()
    {
        var e = Assert.Throws<ArgumentException>(() => new CodeAttribution(affiliate: "a\u0001b"));

        Assert.Equal("affiliate", e.ParamName);
    }

    [Fact]
    public void DistributedVia_Automatic_IsRefused()
    {
        var e = Assert.Throws<InvalidOperationException>(() => Promo("p", Discount.PercentOffItems(10)).DistributedVia(Creator));

        Assert.Contains("no code to attribute", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DistributedVia_IsKeptWhenTheCodeIsSetAgain()
    {
        var promotion = Promo("p", Discount.PercentOffItems(10)).WithCode("A").DistributedVia(Creator).WithCode("B").Build();

        Assert.Equal(Creator, promotion.Activation.Attribution);
        Assert.Same(promotion.Activation, promotion.Activation.WithAttribution(Creator));
    }

    [Fact]
    public void Evaluate_AttributedCode_RecordsItsAttributionOnTheRedemption()
    {
        var coded = Promo("coded", Discount.PercentOffItems(10)).WithCode("CREATOR17").DistributedVia(Creator).Build();
        var batch = Promo("batch", Discount.AmountOffOrder(D(1m))).WithClaimCodes(["ONE", "TWO"]).DistributedVia(new CodeAttribution(campaign: "mailing")).Build();
        var automatic = Promo("auto", Discount.FreeShipping).Build();

        var result = Evaluate(Cart(CustomerProfile.Registered("c1"), 5m, Line("a", 40m)), [coded, batch, automatic], "creator17", "two");

        Assert.Equal(Creator, result.Redemptions.Single(r => r.PromotionId.Value == "coded").Attribution);
        Assert.Equal("mailing", result.Redemptions.Single(r => r.PromotionId.Value == "batch").Attribution!.Campaign);
        Assert.Null(result.Redemptions.Single(r => r.PromotionId.Value == "auto").Attribution);
        Assert.Equal(Creator, result.Redemptions.Single(r => r.PromotionId.Value == "coded").ForOrder("o1").Attribution);
    }

    [Fact]
    public void Json_Attribution_IsReadWrittenAndPassesTheSchema()
    {
        const string json = """
            { "schemaVersion": 1, "promotions": [{ "id": "p", "name": "Creator code", "activation": { "type": "code", "code": "CREATOR17",
               "attribution": { "channel": "instagram", "campaign": "bf-2026", "affiliate": "creator-17", "tags": ["video"] } },
               "discount": { "type": "percentOffItems", "percent": 10 } }] }
            """;

        var promotion = Assert.Single(PromotionJson.Read(json));

        Assert.Equal(new CodeAttribution("instagram", "bf-2026", "creator-17", ["video"]), promotion.Activation.Attribution);
        var written = PromotionJson.Write([promotion]);
        Assert.Contains("\"affiliate\": \"creator-17\"", written, StringComparison.Ordinal);
        Assert.Equal(promotion.Activation.Attribution, Assert.Single(PromotionJson.Read(written)).Activation.Attribution);
        Assert.Empty(PromotionSchemaTests.Validate(json));
        Assert.Empty(PromotionSchemaTests.Validate(written));
    }

    [Theory]
    [InlineData("""{ "type": "code", "code": "X", "attribution": {} }""", "$.promotions[0].activation.attribution: an attribution needs a channel, a campaign, an affiliate or a tag.")]
    [InlineData("""{ "type": "code", "code": "X", "attribution": { "partner": "p" } }""", "$.promotions[0].activation.attribution.partner: is not a known property")]
    [InlineData("""{ "type": "claimCodes", "codes": ["A"], "attribution": { "tags": "video" } }""", "$.promotions[0].activation.attribution.tags: must be an array of strings, not a string.")]
    [InlineData("""{ "type": "automatic", "attribution": { "channel": "x" } }""", "$.promotions[0].activation.attribution: is not a known property")]
    public void Json_MalformedAttribution_IsReportedWithItsPath(string activation, string expected)
    {
        var json = $$"""{ "schemaVersion": 1, "promotions": [{ "id": "p", "name": "p", "activation": {{activation}}, "discount": { "type": "percentOffItems", "percent": 10 } }] }""";

        var e = Assert.Throws<PromotionDefinitionException>(() => PromotionJson.Read(json));

        Assert.Contains(expected, string.Join("\n", e.Errors), StringComparison.Ordinal);
        Assert.NotEmpty(PromotionSchemaTests.Validate(json));
    }

    [Fact]
    public void EvaluationJson_Redemption_CarriesItsAttribution()
    {
        var coded = Promo("coded", Discount.PercentOffItems(10)).WithCode("CREATOR17").DistributedVia(Creator).Build();

        var json = EvaluationJson.Write(Evaluate(Basic, coded, "CREATOR17"));

        Assert.Contains("\"attribution\"", json, StringComparison.Ordinal);
        Assert.Contains("\"affiliate\": \"creator-17\"", json, StringComparison.Ordinal);
    }
}
