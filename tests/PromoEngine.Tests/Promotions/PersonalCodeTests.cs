using System;
using System.Collections.Generic;
using System.Linq;
using NodaTime;
using Xunit;
using static PromoEngine.Tests.Shop;

namespace PromoEngine.Tests;

/// <summary>Codes issued to one customer: definitions, JSON and schema, and what the wallet looks like in a cart's and a
/// result's JSON.</summary>
public sealed class PersonalCodeTests
{
    [Fact]
    public void IssuedTo_OnAnAutomaticPromotion_Throws()
    {
        Assert.Throws<InvalidOperationException>(() => Promotion.Create("p", "p").IssuedTo("jane"));
        Assert.Throws<InvalidOperationException>(() => Promotion.Create("p", "p").WithCode("X").IssuingCodes([new("X", "jane")]));
    }

    [Fact]
    public void IssuedTo_IsKeptWhenTheCodeIsSetAgain_AndCanBeCleared()
    {
        var builder = Promotion.Create("p", "p").WithCode("A").IssuedTo(" jane ").WithCode("B");

        Assert.Equal("jane", builder.Activation.IssuedTo);
        Assert.Equal("jane", builder.Activation.OwnerOf("B"));
        Assert.Null(builder.IssuedTo(null).Activation.IssuedTo);
        Assert.Throws<ArgumentException>(() => builder.IssuedTo(new string('x', 201)));
    }

    [Fact]
    public void WithCodeOwners_CodesNotInThePoolOrGivenTwice_Throw()
    {
        var pool = PromotionActivation.ClaimCodes(["A1", "B2"]);

        Assert.Equal("owners", Assert.Throws<ArgumentException>(() => pool.WithCodeOwners([new("C3", "jane")])).ParamName);
        Assert.Equal("owners", Assert.Throws<ArgumentException>(() => pool.WithCodeOwners([new("a1", "jane"), new("A1", "john")])).ParamName);
        Assert.Equal("owners", Assert.Throws<ArgumentException>(() => pool.WithCodeOwners([new("A1", "")])).ParamName);
        Assert.Equal("owners", Assert.Throws<ArgumentException>(() => pool.WithCodeOwners(Enumerable.Range(0, 3).Select(i => new KeyValuePair<string, string>("A1", $"c{i}")))).ParamName);
        Assert.True(pool.WithCodeOwners([new("a1", "jane")]).IsPersonal);
        Assert.False(pool.IsPersonal);
    }

    [Fact]
    public void IssuedWholeAndCodeByCode_AreNotBoth()
    {
        var pool = PromotionActivation.ClaimCodes(["A1", "B2"]);

        Assert.Equal("owners", Assert.Throws<ArgumentException>(() => pool.WithIssuedTo("jane").WithCodeOwners([new("A1", "john")])).ParamName);
        Assert.Equal("customerId", Assert.Throws<ArgumentException>(() => pool.WithCodeOwners([new("A1", "john")]).WithIssuedTo("jane")).ParamName);
        Assert.Same(pool, pool.WithIssuedTo(null));
        Assert.Empty(pool.WithIssuedTo("jane").WithCodeOwners([]).CodeOwners);
    }

    [Fact]
    public void Json_PersonalCodes_AreReadWrittenAndPassTheSchema()
    {
        const string json = """
            { "schemaVersion": 1, "promotions": [
              { "id": "sorry", "name": "Our apologies", "activation": { "type": "code", "code": "SORRY-JANE", "issuedTo": "jane" },
                "discount": { "type": "percentOffItems", "percent": 10 } },
              { "id": "bday", "name": "Birthday voucher", "activation": { "type": "claimCodes", "codes": ["BDAY-1", "BDAY-2"],
                "owners": { "bday-1": "jane", "BDAY2": "john" } },
                "discount": { "type": "percentOffItems", "percent": 20 } }] }
            """;

        var promotions = PromotionJson.Read(json);

        Assert.Equal("jane", promotions[0].Activation.IssuedTo);
        Assert.Equal([("BDAY1", "jane"), ("BDAY2", "john")], promotions[1].Activation.CodeOwners.OrderBy(p => p.Key).Select(p => (p.Key, p.Value)));
        var written = PromotionJson.Write(promotions);
        var again = PromotionJson.Read(written);
        Assert.Equal("jane", again[0].Activation.IssuedTo);
        Assert.Equal(promotions[1].Activation.CodeOwners.OrderBy(p => p.Key), again[1].Activation.CodeOwners.OrderBy(p => p.Key));
        Assert.Empty(PromotionSchemaTests.Validate(json));
        Assert.Empty(PromotionSchemaTests.Validate(written));
    }

    [Theory]
    [InlineData("""{ "type": "code", "code": "X", "issuedTo": 7 }""", "$.promotions[0].activation.issuedTo: must be a string, not a number.", true)]
    [InlineData("""{ "type": "code", "code": "X", "issuedTo": "" }""", "$.promotions[0].activation.issuedTo: ", true)]
    [InlineData("""{ "type": "code", "code": "X", "owners": { "X": "jane" } }""", "$.promotions[0].activation.owners: is not a known property", true)]
    [InlineData("""{ "type": "claimCodes", "codes": ["A"], "owners": { "B": "jane" } }""", "$.promotions[0].activation.owners: the code 'B' is not one of the pool's claim codes.", false)]
    [InlineData("""{ "type": "claimCodes", "codes": ["A"], "owners": ["A"] }""", "$.promotions[0].activation.owners: must be an object of claim codes and customer ids, not an array.", true)]
    [InlineData("""{ "type": "claimCodes", "codes": ["A"], "owners": { "A": 1 } }""", "$.promotions[0].activation.owners.A: must be a string, not a number.", true)]
    [InlineData("""{ "type": "automatic", "issuedTo": "jane" }""", "$.promotions[0].activation.issuedTo: is not a known property", true)]
    [InlineData("""{ "type": "claimCodes", "codes": ["A"], "issuedTo": "jane", "owners": { "A": "john" } }""", "$.promotions[0].activation.owners: every code is issued to jane already", true)]
    public void Json_MalformedOwners_AreReportedWithTheirPath(string activation, string expected, bool schemaSees)
    {
        var json = $$"""{ "schemaVersion": 1, "promotions": [{ "id": "p", "name": "p", "activation": {{activation}}, "discount": { "type": "percentOffItems", "percent": 10 } }] }""";

        var e = Assert.Throws<PromotionDefinitionException>(() => PromotionJson.Read(json));

        Assert.Contains(expected, string.Join("\n", e.Errors), StringComparison.Ordinal);
        Assert.Equal(schemaSees, PromotionSchemaTests.Validate(json).Length > 0); // which codes a pool holds is beyond a schema
    }

    [Fact]
    public void EvaluationJson_CartAndResult_ShowTheWallet()
    {
        var clip = Promo("clip", Discount.PercentOffItems(10)).WithCode("CLIP").Build();
        var until = Now.Plus(Duration.FromDays(1));
        var cart = new Cart(Usd, [Line("a", 10m)], CustomerProfile.Registered("jane").WithWallet(WalletEntry.Clipped("clip", validUntil: until), WalletEntry.Issued("GONE")));

        var cartJson = EvaluationJson.Write(cart);
        var resultJson = EvaluationJson.Write(Evaluate(cart, clip));

        Assert.Contains("\"wallet\": [", cartJson, StringComparison.Ordinal);
        Assert.Contains("\"code\": \"CLIP\", \"kind\": \"Clipped\", \"validUntil\": \"2026-06-16T12:00:00Z\"", OneLine(cartJson), StringComparison.Ordinal);
        Assert.Contains("\"kind\": \"Issued\"", cartJson, StringComparison.Ordinal);
        Assert.Equal(2, resultJson.Split("\"fromWallet\": true").Length - 1);
        Assert.DoesNotContain("wallet", EvaluationJson.Write(Cart(Line("a", 1m))), StringComparison.Ordinal);
    }

    private static string OneLine(string json) => System.Text.RegularExpressions.Regex.Replace(json, @"\s*\n\s*", " ");
}
