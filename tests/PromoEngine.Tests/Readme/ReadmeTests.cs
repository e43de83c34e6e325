using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Xunit;

namespace PromoEngine.Tests;

/// <summary>README examples are compiled (in <see cref="ReadmeSnippets"/>) and run, so they cannot rot.</summary>
public sealed partial class ReadmeTests
{
    private static readonly string Root = Repository.Root;

    public static TheoryData<string> SnippetNames() => [.. ReadmeBlocks().Keys];

    [Fact]
    public void Readme_HasSnippets()
    {
        Assert.NotEmpty(ReadmeBlocks());
    }

    [Theory]
    [MemberData(nameof(SnippetNames))]
    public void Readme_Snippet_IsTheCompiledCode(string name)
    {
        // The snippets live in ReadmeSnippets.cs and its partial files (ReadmeSnippets.*.cs).
        var source = string.Concat(Directory.GetFiles(Path.Combine(Root, "tests/PromoEngine.Tests/Readme"), "ReadmeSnippets*.cs")
            .Order(StringComparer.Ordinal)
            .Select(File.ReadAllText));
        var match = Regex.Match(source, $@"// snippet: {Regex.Escape(name)}\n(?<code>.*?)\n\s*// endsnippet", RegexOptions.Singleline);
        Assert.True(match.Success, $"ReadmeSnippets*.cs have no snippet '{name}'.");

        Assert.Equal(Dedent(match.Groups["code"].Value), ReadmeBlocks()[name]);
    }

    [Theory]
    [MemberData(nameof(SnippetNames))]
    public async Task Readme_Snippet_PrintsWhatItsLastCommentSays(string name)
    {
        var method = typeof(ReadmeSnippets).GetMethod(char.ToUpperInvariant(name[0]) + name[1..]);
        Assert.NotNull(method);
        var expected = ReadmeBlocks()[name].Split('\n').Last(l => l.StartsWith("// ", StringComparison.Ordinal))[3..];

        using var output = new StringWriter();
        ReadmeSnippets.Output.Value = output;
        if (method.Invoke(null, null) is Task task)
        {
            await task;
        }

        Assert.Equal(expected, output.ToString().TrimEnd().Split('\n').Last().TrimEnd());
    }

    private static Dictionary<string, string> ReadmeBlocks()
    {
        var readme = File.ReadAllText(Path.Combine(Root, "README.md")).Replace("\r\n", "\n", StringComparison.Ordinal);
        return SnippetBlock().Matches(readme).ToDictionary(m => m.Groups["name"].Value, m => m.Groups["code"].Value.TrimEnd());
    }

    private static string Dedent(string code)
    {
        var lines = code.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var indent = lines.Where(l => l.Trim().Length > 0).Min(l => l.Length - l.TrimStart().Length);
        return string.Join('\n', lines.Select(l => l.Length >= indent ? l[indent..] : l.TrimStart())).TrimEnd();
    }


    [GeneratedRegex(@"<!-- snippet: (?<name>\w+) -->\n```csharp\n(?<code>.*?)\n```\n<!-- endsnippet -->", RegexOptions.Singleline)]
    private static partial Regex SnippetBlock();
}
