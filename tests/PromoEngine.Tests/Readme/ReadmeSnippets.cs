using System.IO;
using System.Threading;

namespace PromoEngine.Tests;

/// <summary>
/// The README's code, compiled here. <see cref="ReadmeTests"/> checks that every <c>snippet: NAME</c> block of
/// README.md is the text between the matching markers below, and runs it.
/// </summary>
internal static class ReadmeSnippets
{
    public static void Money()
    {
        // snippet: money
        var usd = Currency.FromCode("USD");

        // $2.00 off spread over three $5.00 lines: 0.67 + 0.67 + 0.66, never 2.02.
        var byLine = new Money(2.00m, usd).Allocate([5.00m, 5.00m, 5.00m]);

        // $10.00 in three equal parts: the leftover cent goes to the first part.
        var thirds = new Money(10.00m, usd).Split(3);

        // 25% off $19.99 is 14.9925 exactly; rounding is explicit (away from zero unless you say otherwise).
        var price = (new Money(19.99m, usd) * 0.75m).Round();

        Console.WriteLine($"{string.Join(" + ", byLine)} | {string.Join(" + ", thirds)} | {price}");
        // 0.67 USD + 0.67 USD + 0.66 USD | 3.34 USD + 3.33 USD + 3.33 USD | 14.99 USD
        // endsnippet
    }

    /// <summary>Stands in for <see cref="System.Console"/> inside the snippets, so a test can read what they print.</summary>
    private static class Console
    {
        public static void WriteLine(string line) => Output.Value?.WriteLine(line);
    }

    public static readonly AsyncLocal<TextWriter?> Output = new();
}
