using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Xunit;

namespace PromoEngine.Tests;

public sealed partial class ReadmeTests
{
    /// <summary>The wallet example prints every line its comments show, not only the last.</summary>
    [Fact]
    public void Readme_WalletSnippet_PrintsEveryLineOfItsComments()
    {
        var expected = ReadmeBlocks()["wallet"].Split('\n')
            .Where(l => l.StartsWith("// ", StringComparison.Ordinal)).Select(l => l[3..]).ToArray();

        using var output = new StringWriter();
        ReadmeSnippets.Output.Value = output;
        ReadmeSnippets.Wallet();

        Assert.Equal(3, expected.Length);
        Assert.Equal(expected, Regex.Split(output.ToString().TrimEnd(), "\r?\n").Select(l => l.TrimEnd()).ToArray());
    }
}
