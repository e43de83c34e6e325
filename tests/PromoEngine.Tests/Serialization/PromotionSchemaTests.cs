using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using FsCheck.Xunit;
using Json.Schema;
using Xunit;

namespace PromoEngine.Tests;

/// <summary>Keeps <c>schemas/promotions.schema.json</c> in step with the loader: every sample the loader accepts, the
/// schema accepts; every structural mistake the loader refuses, the schema refuses.</summary>
public sealed class PromotionSchemaTests
{
    private static readonly string Root = Repository.Root;
    private static readonly JsonSchema Schema = JsonSchema.FromText(
        File.ReadAllText(Path.Combine(Root, "schemas/promotions.schema.json")),
        new BuildOptions { SchemaRegistry = new SchemaRegistry() });

    /// <summary>What JsonSchema.Net finds wrong with a document, one line per failed keyword: location, then message.</summary>
    internal static string[] Validate(string json)
    {
        using var document = JsonDocument.Parse(json);
        var results = Schema.Evaluate(document.RootElement, new Json.Schema.EvaluationOptions { OutputFormat = OutputFormat.List });
        return results.IsValid
            ? []
            : [.. (results.Details ?? []).Where(d => d.Errors is { Count: > 0 }).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key}: {e.Value}")).DefaultIfEmpty("$: invalid")];
    }

    [Fact]
    public void DemoCatalog_PassesTheSchemaAndTheLoader()
    {
        var json = File.ReadAllText(Path.Combine(Root, "samples/PromoEngine.Demo/catalog.json"));

        Assert.Empty(Validate(json));
        Assert.NotEmpty(PromotionJson.ReadCatalog(json).Promotions);
    }

    [Property(MaxTest = 200, Arbitrary = [typeof(EvaluationArbitraries)])]
    public void GeneratedDocuments_PassTheSchema(Promotion[] promotions)
    {
        var json = PromotionJson.Write(promotions.GroupBy(p => p.Id).Select(g => g.First()));

        Assert.Empty(Validate(json));
    }

    [Property(MaxTest = 100, Arbitrary = [typeof(AgreementArbitraries)])]
    public void GeneratedLimitedDocuments_PassTheSchema(AgreementCase session)
    {
        Assert.Empty(Validate(PromotionJson.Write(session.Promotions)));
    }

    [Fact]
    public void StructuralMistakes_TheLoaderRefuses_TheSchemaRefusesToo()
    {
        // The loader also checks what a schema cannot say (an end after a start, codes unique once normalized...):
        // those cases are the ones whose message is not about shape.
        string[] structural = ["is required.", "is not a known property", "is not a known type", "must be an object", "must be an array",
            "must be a string", "must be a whole number", "must be a decimal", "must be true or false", "is not one of", "must be in (0, 100]",
            "must be greater than zero", "is not supported", "at least one value is required", "needs at least one", "must be one or more", "needs exactly one of"];
        var checkedCases = 0;
        foreach (var row in PromotionJsonTests.Malformed())
        {
            var (json, expected) = ((string)row[0], (string)row[1]);
            if (expected.StartsWith("$: is not valid JSON", StringComparison.Ordinal) || !structural.Any(s => expected.Contains(s, StringComparison.Ordinal)))
            {
                continue;
            }

            Assert.True(Validate(json).Length > 0, $"The schema accepts what the loader refuses: {expected}");
            checkedCases++;
        }

        Assert.True(checkedCases >= 30, $"only {checkedCases} structural cases");
    }

    [Theory]
    [InlineData("""{ "type": "regions", "regions": ["US"], "except": ["US-AK", "US-HI"], "of": "shippingAddress" }""", true)]
    [InlineData("""{ "type": "regions", "except": ["CA", "MX"] }""", true)]
    [InlineData("""{ "type": "regions", "regions": ["US"], "of": "customer" }""", true)]
    [InlineData("""{ "type": "regions" }""", false)]
    [InlineData("""{ "type": "regions", "except": [] }""", false)]
    [InlineData("""{ "type": "regions", "regions": ["US"], "of": "billingAddress" }""", false)]
    public void RegionRestriction_AllowedExcludedAndWhoseRegion_AsTheLoaderReadsIt(string restriction, bool valid)
    {
        var json = $$"""{ "schemaVersion": 1, "promotions": [ { "id": "p", "name": "P", "restrictions": [ {{restriction}} ], "discount": { "type": "freeShipping" } } ] }""";

        Assert.Equal(valid, Validate(json).Length == 0);
        Assert.Equal(valid, Record.Exception(() => PromotionJson.Read(json)) is null);
    }

    [Theory]
    [InlineData("""{ "zone": "America/Los_Angeles", "firstDay": "2026-11-27", "lastDay": "2026-11-30" }""", true)]
    [InlineData("""{ "zone": "UTC", "lastDay": "2026-11-30" }""", true)]
    [InlineData("""{ "zone": "UTC", "start": "2026-11-27T00:00", "end": "2026-11-30T23:59", "endInclusive": true }""", true)]
    [InlineData("""{ "zone": "UTC" }""", true)]
    [InlineData("""{ "zone": "UTC", "start": "2026-11-27T00:00", "lastDay": "2026-11-30" }""", false)]
    [InlineData("""{ "zone": "UTC", "firstDay": "2026-11-27", "endInclusive": true }""", false)]
    [InlineData("""{ "zone": "UTC", "firstDay": "2026-11-27T00:00" }""", false)]
    public void Schedule_EitherLocalDateTimesOrWholeDays_AsTheLoaderReadsIt(string schedule, bool valid)
    {
        var json = $$"""{ "schemaVersion": 1, "promotions": [ { "id": "p", "name": "P", "schedule": {{schedule}}, "discount": { "type": "freeShipping" } } ] }""";

        Assert.Equal(valid, Validate(json).Length == 0);
        Assert.Equal(valid, Record.Exception(() => PromotionJson.Read(json)) is null);
    }


    [Fact]
    public void MalformedWindows_TheLoaderRefusesForTheirShape_TheSchemaRefusesToo()
    {
        // The loader alone checks a start equal to the end and hours past 23 (the pattern only says two digits); a
        // repeated property never reaches a schema validator as two values.
        foreach (var row in PromotionJsonWindowTests.MalformedWindows())
        {
            var (json, expected) = ((string)row[0], (string)row[1]);
            if (!expected.Contains("ends as it starts", StringComparison.Ordinal) && !expected.Contains("'24:00'", StringComparison.Ordinal)
                && !expected.Contains("each property may appear once", StringComparison.Ordinal))
            {
                Assert.True(Validate(json).Length > 0, $"The schema accepts what the loader refuses: {expected}");
            }
        }
    }

    [Theory]
    [InlineData("""{ "zone": "Europe/Berlin", "windows": [{ "days": ["friday"], "start": "17:00", "end": "20:00" }] }""")]
    [InlineData("""{ "firstDay": "2026-12-01", "zone": "Europe/Berlin", "windows": [{ "days": ["saturday", "sunday"] }] }""")]
    [InlineData("""{ "start": "2026-12-01T00:00", "zone": "UTC", "endInclusive": true, "end": "2026-12-02T00:00", "windows": [{ "days": ["monday"], "start": "22:00", "end": "02:00:30.5" }] }""")]
    public void Windows_TheLoaderAccepts_TheSchemaAccepts(string schedule)
    {
        var json = PromotionJsonWindowTests.WithSchedule(schedule);

        Assert.NotEmpty(PromotionJson.Read(json));
        Assert.Empty(Validate(json));
    }
}
