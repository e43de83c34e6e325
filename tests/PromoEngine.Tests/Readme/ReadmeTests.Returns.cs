using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Xunit;

namespace PromoEngine.Tests;

public sealed partial class ReadmeTests
{
    /// <summary>The returns example prints every refund line its closing comments show, not only the last.</summary>
    [Fact]
    public void Readme_ReturnsSnippet_PrintsEveryLineOfItsClosingComments()
    {
        var block = ReadmeBlocks()["returns"].Split('\n');
        var expected = block.Reverse().TakeWhile(l => l.StartsWith("// ", StringComparison.Ordinal)).Reverse().Select(l => l[3..]).ToArray();

        using var output = new StringWriter();
        ReadmeSnippets.Output.Value = output;
        ReadmeSnippets.Returns();

        Assert.True(expected.Length >= 4);
        Assert.Equal(expected, Regex.Split(output.ToString().TrimEnd(), "\r?\n").Select(l => l.TrimEnd()).ToArray());
    }
}
