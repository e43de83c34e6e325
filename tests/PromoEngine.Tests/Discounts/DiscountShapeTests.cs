using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using Xunit;

namespace PromoEngine.Tests;

/// <summary>The shape of the strategies (DESIGN.md): the evaluator, the serializer and the linter never name a concrete
/// discount kind, and every kind the registry reads is in the published schema.</summary>
public sealed class DiscountShapeTests
{
    /// <summary>The concrete strategies of <c>Discounts/</c> (the evaluator's own compounding stack is not one).</summary>
    private static readonly string[] Kinds = [.. typeof(Discount).Assembly.GetTypes()
        .Where(t => t.IsSubclassOf(typeof(Discount)) && !t.IsAbstract && t != typeof(StackDiscount))
        .Select(t => t.Name)];

    [Fact]
    public void Kinds_AreFound()
    {
        Assert.Contains(nameof(PercentOffItemsDiscount), Kinds);
        Assert.True(Kinds.Length >= 15);
    }

    [Theory]
    [InlineData("src/PromoEngine/Evaluation")]
    [InlineData("src/PromoEngine/Serialization")]
    [InlineData("src/PromoEngine/Linting")]
    public void Folder_NeverNamesAConcreteDiscountKind(string folder)
    {
        var named = Directory.GetFiles(Repository.Path(folder), "*.cs", SearchOption.AllDirectories)
            .SelectMany(file => Kinds.Where(kind => Regex.IsMatch(File.ReadAllText(file), $@"\b{kind}\b")).Select(kind => $"{Path.GetFileName(file)}: {kind}"))
            .ToList();

        Assert.Empty(named);
    }

    [Fact]
    public void Registry_AndSchema_NameTheSameDiscountTypes()
    {
        using var schema = JsonDocument.Parse(File.ReadAllText(Repository.Path("schemas/promotions.schema.json")));
        var inSchema = schema.RootElement.GetProperty("$defs").GetProperty("promotion").GetProperty("properties").GetProperty("discount")
            .GetProperty("oneOf").EnumerateArray()
            .Select(e => e.GetProperty("properties").GetProperty("type").GetProperty("const").GetString())
            .Order(StringComparer.Ordinal);

        Assert.Equal(DiscountKinds.Types.Order(StringComparer.Ordinal), inSchema);
    }
}
