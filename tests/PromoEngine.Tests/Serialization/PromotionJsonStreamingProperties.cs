using System;
using System.Linq;
using FsCheck.Xunit;
using Xunit;

namespace PromoEngine.Tests;

/// <summary><see cref="PromotionJson.Read"/> streams the usual shapes and hands everything else, and every document in
/// error, to the document reader: whatever the document, it gives what the document reader gives (the same definitions,
/// or the same errors in the same order).</summary>
public sealed class PromotionJsonStreamingProperties
{
    [Property(MaxTest = 300, Arbitrary = [typeof(EvaluationArbitraries)])]
    public void Read_ValidDocument_GivesWhatTheDocumentReaderGives(Promotion[] promotions)
    {
        var json = PromotionJson.Write(promotions.GroupBy(p => p.Id).Select(g => g.First()));

        Assert.Equal(PromotionJson.Write(PromotionJson.ReadWithDocument(json)), PromotionJson.Write(PromotionJson.Read(json)));
    }

    [Property(MaxTest = 1_000, Arbitrary = [typeof(EvaluationArbitraries)])]
    public void Read_MutatedDocument_GivesWhatTheDocumentReaderGives(Promotion[] promotions, int seed)
    {
        var valid = PromotionJson.Write(promotions.GroupBy(p => p.Id).Select(g => g.First()));
        var mutated = PromotionJsonMutationProperties.Mutate(valid, new Random(seed));

        Assert.Equal(Outcome(() => PromotionJson.ReadWithDocument(mutated)), Outcome(() => PromotionJson.Read(mutated)));
    }

    [Fact]
    public void Read_PropertiesInAnotherOrderAndEscaped_GivesWhatTheDocumentReaderGives()
    {
        const string json = """
            {"promotions": [
              {"discount": {"percent": 15, "type": "percentOffItems"}, "name": "Shoes", "\u0069d": "p1",
               "items": {"values": ["s1", "s2"], "type": "skus"}, "priority": 3, "exclusive": true, "status": "paused",
               "restrictions": [{"amount": {"currency": "EUR", "amount": 50}, "type": "minimumSubtotal", "measuredOn": "afterHigherLanes"},
                                {"type": "regions", "regions": ["DE-BE", "FR"]}, {"atMost": 0, "type": "previousOrders"}],
               "activation": {"foldLookAlikes": true, "code": "SAVE15", "type": "code"}},
              {"id": "p2", "name": "Shipping", "discount": {"type": "freeShipping"}}
            ], "schemaVersion": 1}
            """;

        var read = PromotionJson.Read(json);

        Assert.Equal(PromotionJson.Write(PromotionJson.ReadWithDocument(json)), PromotionJson.Write(read));
        Assert.Equal(["p1", "p2"], read.Select(p => p.Id.Value));
        Assert.Equal(PromotionStatus.Paused, read[0].Status);
    }

    [Fact]
    public void Read_ErrorInAStreamedShape_ReportsTheDocumentReadersErrors()
    {
        const string json = """
            {"schemaVersion": 1, "promotions": [
              {"id": "p1", "name": "A", "discount": {"type": "percentOffItems", "percent": 150}},
              {"id": "p2", "name": "B", "items": {"type": "skus", "values": []}, "discount": {"type": "percentOffItems", "percent": 10}}
            ]}
            """;

        var streamed = Assert.Throws<PromotionDefinitionException>(() => PromotionJson.Read(json));
        var document = Assert.Throws<PromotionDefinitionException>(() => PromotionJson.ReadWithDocument(json));

        Assert.Equal(string.Join("\n", document.Errors), string.Join("\n", streamed.Errors));
        Assert.Contains(streamed.Errors, e => e.StartsWith("$.promotions[0].discount.percent: ", StringComparison.Ordinal));
    }

    private static string Outcome(Func<System.Collections.Immutable.ImmutableArray<Promotion>> read)
    {
        try
        {
            return PromotionJson.Write(read());
        }
        catch (PromotionDefinitionException e)
        {
            return "errors: " + string.Join(" | ", e.Errors);
        }
    }
}
