using System.Linq;
using Xunit;
using static PromoEngine.Tests.Shop;

namespace PromoEngine.Tests;

/// <summary>A hint's message is formatted when first read: it reads, compares and hashes as a hint made with its
/// message would.</summary>
public sealed class NearMissHintTests
{
    private static readonly PromotionId Id = new("p");

    [Fact]
    public void Message_FormattedWhenFirstRead_AndOnlyOnce()
    {
        var formatted = 0;
        var hint = new NearMissHint(Id, HintKind.SpendMore, D(5m), null, () =>
        {
            formatted++;
            return "Spend 5.00 USD more.";
        });

        Assert.Equal(0, formatted);
        Assert.Equal("Spend 5.00 USD more.", hint.Message);
        Assert.Equal("Spend 5.00 USD more.", hint.Message);
        Assert.Equal(1, formatted);
    }

    [Fact]
    public void Equals_AHintFormattedLaterAndOneMadeWithItsMessage_AreEqualAndHashAlike()
    {
        var later = new NearMissHint(Id, HintKind.AddItems, null, 2, () => "Add 2 more.", "shoes");
        var made = new NearMissHint(Id, HintKind.AddItems, null, 2, "Add 2 more.", "shoes");

        Assert.Equal(made, later);
        Assert.Equal(later, made);
        Assert.Equal(made.GetHashCode(), later.GetHashCode());
        Assert.Equal(made.ToString(), later.ToString());
    }

    [Fact]
    public void Equals_HintsThatDifferInOneProperty_AreNotEqual()
    {
        var hint = new NearMissHint(Id, HintKind.AddItems, null, 2, () => "Add 2 more.", "shoes", "sku");

        Assert.NotEqual(hint, new NearMissHint(new PromotionId("q"), HintKind.AddItems, null, 2, "Add 2 more.", "shoes", "sku"));
        Assert.NotEqual(hint, new NearMissHint(Id, HintKind.AddRequiredItems, null, 2, "Add 2 more.", "shoes", "sku"));
        Assert.NotEqual(hint, new NearMissHint(Id, HintKind.AddItems, D(1m), 2, "Add 2 more.", "shoes", "sku"));
        Assert.NotEqual(hint, new NearMissHint(Id, HintKind.AddItems, null, 3, "Add 2 more.", "shoes", "sku"));
        Assert.NotEqual(hint, new NearMissHint(Id, HintKind.AddItems, null, 2, "Add 2 more.", "hats", "sku"));
        Assert.NotEqual(hint, new NearMissHint(Id, HintKind.AddItems, null, 2, "Add 2 more.", "shoes", "other"));
        Assert.NotEqual(hint, new NearMissHint(Id, HintKind.AddItems, null, 2, "Add two more.", "shoes", "sku"));
        Assert.NotEqual(hint, hint with { FromWallet = true });
        Assert.Equal(hint, hint with { });
    }

    [Fact]
    public void With_ACopyOfAHintNotReadYet_FormatsTheSameMessage()
    {
        var hint = new NearMissHint(Id, HintKind.SpendMore, D(5m), null, () => "Spend 5.00 USD more.");

        var copy = hint with { FromWallet = true };

        Assert.Equal("Spend 5.00 USD more.", copy.Message);
        Assert.Equal("Spend 5.00 USD more.", hint.Message);
        Assert.True(copy.FromWallet);
    }

    [Fact]
    public void Message_ReadFromManyThreadsAtOnce_IsTheSameText()
    {
        var hint = new NearMissHint(Id, HintKind.SpendMore, D(5m), null, () => string.Concat("Spend ", "5.00 USD", " more."));

        var messages = Enumerable.Range(0, 64).AsParallel().Select(_ => hint.Message).ToArray();

        Assert.All(messages, m => Assert.Equal("Spend 5.00 USD more.", m));
    }

    [Fact]
    public void Evaluate_NearMissesOfATieredOrderDiscount_MessagesAsBefore()
    {
        // Formatted when read, the texts of the hint and the rejection are the ones formatted at once before.
        var tiers = Promo("tiers", Discount.Tiered(TierBasis.Subtotal, Tier.PercentOffFrom(50m, 5m), Tier.PercentOffFrom(100m, 10m))).Build();
        var minimum = Promo("min", Discount.PercentOffItems(10)).Require(Restriction.MinimumSubtotal(D(80m))).Build();

        var result = Evaluate(Cart(Line("a", 60m, 1)), [tiers, minimum]);

        Assert.Equal(
            ["Spend 20.00 USD more on qualifying items to get min.", "Spend 40.00 USD more on qualifying items to get 10% off with tiers."],
            result.Hints.Select(h => h.Message).Order());
        Assert.Equal("Spend 20.00 USD more on qualifying items to get min.", result.Rejection("min").Message);
    }
}
