using System.IO;
using System.Linq;
using System.Threading;
using NodaTime;

namespace PromoEngine.Tests;

/// <summary>
/// The README's code, compiled here. <see cref="ReadmeTests"/> checks that every <c>snippet: NAME</c> block of
/// README.md is the text between the matching markers below, and runs it.
/// </summary>
internal static class ReadmeSnippets
{
    public static void Quickstart()
    {
        // snippet: quickstart
        var usd = Currency.FromCode("USD");
        var catalog = PromotionCatalog.Create(
        [
            Promotion.Create("save20", "20% off shoes")
                .WithCode("SAVE20")
                .ForItems(ItemFilter.Categories("shoes"))
                .Giving(Discount.PercentOffItems(20))
                .Build(),
            Promotion.Create("ship50", "Free shipping over $50")
                .Require(Restriction.MinimumSubtotal(new Money(50m, usd)))
                .Giving(Discount.FreeShipping)
                .Build(),
        ]);
        var evaluator = new PromotionEvaluator(catalog); // build once, share across threads

        var cart = new Cart(
            usd,
            [new CartLine("1", "RUNNER-42", new Money(59.99m, usd), 1, categories: ["shoes"])],
            CustomerProfile.Registered("customer-17"),
            shipping: new Money(4.99m, usd));

        // Codes are normalized ("save-20" is SAVE20); time is an argument, never read from a clock.
        var result = evaluator.Evaluate(cart, ["save-20", "BOGUS"], Instant.FromUtc(2026, 11, 27, 18, 0));

        var applied = string.Join(", ", result.Applied.Select(a => $"{a.Name} -{a.Amount.Amount}"));
        var rejected = string.Join(", ", result.Rejected.Select(r => $"{r.Code} {r.Reason}"));
        Console.WriteLine($"{result.Total} after {applied}; {rejected}");
        // 47.99 USD after 20% off shoes -12.00, Free shipping over $50 -4.99; BOGUS UnknownCode
        // endsnippet
    }

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
