using System;
using System.Linq;
using System.Text.Json.Nodes;
using FsCheck.Xunit;
using Xunit;

namespace PromoEngine.Tests;

/// <summary>Valid promotion documents, broken at random (a property dropped or given twice, a value retyped or nested,
/// the text cut short or bytes injected): the loader gives a catalog or a <see cref="PromotionDefinitionException"/>,
/// never another exception, and what it accepts the schema accepts.</summary>
public sealed class PromotionJsonMutationProperties
{
    private static readonly JsonNode?[] Replacements =
    [
        null, JsonValue.Create("x"), JsonValue.Create(""), JsonValue.Create(0), JsonValue.Create(-1), JsonValue.Create(1e300),
        JsonValue.Create(true), new JsonArray(), new JsonObject(), JsonValue.Create("\u0000"), JsonValue.Create(new string('9', 400)),
    ];

    [Property(MaxTest = 1_000, Arbitrary = [typeof(EvaluationArbitraries)])]
    public void ReadCatalog_MutatedDocument_IsACatalogOrADefinitionError(Promotion[] promotions, int seed)
    {
        var valid = PromotionJson.Write(promotions.GroupBy(p => p.Id).Select(g => g.First()));
        var random = new Random(seed);
        var mutated = Mutate(valid, random);

        try
        {
            PromotionJson.ReadCatalog(mutated);
        }
        catch (PromotionDefinitionException e)
        {
            Assert.NotEmpty(e.Errors);
            return;
        }

        var schemaErrors = PromotionSchemaTests.Validate(mutated);
        Assert.True(schemaErrors.Length == 0, $"the loader accepts what the schema refuses ({string.Join("; ", schemaErrors.Take(3))}): {mutated}");
    }

    internal static string Mutate(string json, Random random)
    {
        switch (random.Next(6))
        {
            case 0:
                return json[..random.Next(json.Length)]; // truncated
            case 1:
            {
                var at = random.Next(json.Length);
                string[] junk = ["\u0000", "\"", "{", "]", ",", "\\ud800", "\uD800", "\uFFFF", "1e999", "\"\\u0000\"", "😀", "\\"];
                return json[..at] + junk[random.Next(junk.Length)] + json[at..]; // bytes injected
            }

            case 2:
            {
                // A property given twice: a copy of a random "name": value pair right after itself.
                var root = JsonNode.Parse(json)!;
                var objects = Descendants(root).OfType<JsonObject>().Where(o => o.Count > 0).ToList();
                if (objects.Count == 0)
                {
                    return json;
                }

                var target = objects[random.Next(objects.Count)];
                var (name, value) = target.ElementAt(random.Next(target.Count));
                var pair = $"\"{name}\": {value?.ToJsonString() ?? "null"}";
                var text = root.ToJsonString();
                var index = text.IndexOf(pair, StringComparison.Ordinal);
                return index < 0 ? text : text[..index] + pair + ", " + text[index..];
            }

            default:
            {
                var root = JsonNode.Parse(json)!;
                var nodes = Descendants(root).Where(n => n.Parent is not null).ToList();
                if (nodes.Count == 0)
                {
                    return json;
                }

                var node = nodes[random.Next(nodes.Count)];
                var parent = node.Parent!;
                var kind = random.Next(3);
                if (parent is JsonObject obj)
                {
                    var name = obj.First(kv => ReferenceEquals(kv.Value, node)).Key;
                    if (kind == 0)
                    {
                        obj.Remove(name); // dropped
                    }
                    else
                    {
                        obj[name] = kind == 1 ? Replacements[random.Next(Replacements.Length)]?.DeepClone() : Nest(node);
                    }
                }
                else if (parent is JsonArray array)
                {
                    var i = array.IndexOf(node);
                    if (kind == 0)
                    {
                        array.RemoveAt(i);
                    }
                    else
                    {
                        array[i] = kind == 1 ? Replacements[random.Next(Replacements.Length)]?.DeepClone() : Nest(node);
                    }
                }

                return root.ToJsonString();
            }
        }
    }

    private static JsonNode Nest(JsonNode node) => new JsonArray(node.DeepClone());

    private static System.Collections.Generic.IEnumerable<JsonNode> Descendants(JsonNode node)
    {
        yield return node;
        var children = node switch
        {
            JsonObject o => o.Select(kv => kv.Value),
            JsonArray a => a.AsEnumerable(),
            _ => [],
        };
        foreach (var child in children)
        {
            if (child is not null)
            {
                foreach (var d in Descendants(child))
                {
                    yield return d;
                }
            }
        }
    }
}
