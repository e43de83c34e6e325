using System.Collections.Generic;
using System.Linq;
using Xunit;
using static PromoEngine.Tests.Shop;

namespace PromoEngine.Tests;

/// <summary>Lines alike in all but id and quantity are one item (an order amount is spread over items, then over an
/// item's units); lines that differ in anything a promotion can look at are items of their own.</summary>
public sealed class AlikeLinesTests
{
    private static readonly Dictionary<string, string> Red = new() { ["colour"] = "red", ["size"] = "m" };

    /// <summary>What line "b" differs from line "a" in (both of one SKU; "c", 15.00, is of another).</summary>
    public static TheoryData<string> Changes => new() { "categories", "tags", "brand", "attribute value", "one more attribute", "price" };

    private static CartLine B(string change) => change switch
    {
        "categories" => new("b", "s", D(10m), 1, ["y"], ["t"], "brand", Red),
        "tags" => new("b", "s", D(10m), 1, ["x"], ["u"], "brand", Red),
        "brand" => new("b", "s", D(10m), 1, ["x"], ["t"], "other", Red),
        "attribute value" => new("b", "s", D(10m), 1, ["x"], ["t"], "brand", new Dictionary<string, string> { ["colour"] = "blue", ["size"] = "m" }),
        "one more attribute" => new("b", "s", D(10m), 1, ["x"], ["t"], "brand", new Dictionary<string, string> { ["colour"] = "red", ["size"] = "m", ["fit"] = "slim" }),
        _ => new("b", "s", D(10.50m), 1, ["x"], ["t"], "brand", Red),
    };

    [Theory]
    [MemberData(nameof(Changes))]
    public void OrderAmount_LinesOfOneSkuThatDiffer_AreItemsOfTheirOwn(string change)
    {
        // One cent over 10 + 10 + 15 (or 10.50): the 15 has the largest share. Were "a" and "b" one item (20 or 20.50),
        // the cent would go to them.
        var cart = Cart(new CartLine("a", "s", D(10m), 1, ["x"], ["t"], "brand", Red), B(change), Line("c", 15m, 1, "t"));

        var result = Evaluate(cart, Promo("cent", Discount.AmountOffOrder(D(0.01m))).Build());

        Assert.Equal((0m, 0m, 0.01m), (result.Line("a").Discount.Amount, result.Line("b").Discount.Amount, result.Line("c").Discount.Amount));
    }

    [Fact]
    public void OrderAmount_LinesAlikeButForId_AreOneItem()
    {
        var cart = Cart(new CartLine("a", "s", D(10m), 1, ["x"], ["t"], "brand", Red), new CartLine("b", "s", D(10m), 1, ["x"], ["t"], "brand", Red), Line("c", 15m, 1, "t"));

        var result = Evaluate(cart, Promo("cent", Discount.AmountOffOrder(D(0.01m))).Build());

        Assert.Equal((0.01m, 0m, 0m), (result.Line("a").Discount.Amount, result.Line("b").Discount.Amount, result.Line("c").Discount.Amount));
    }

    [Fact]
    public void OrderAmount_AlikeLinesPastSixteenItems_AreOneItemAsOneLineOfTwoIs()
    {
        // Past 16 items an item's list is found through an index: the alike lines "z1" and "z2" come after 17 other
        // items and must still be found as one, as the line "z" of two units is.
        CartLine[] others = [.. Enumerable.Range(1, 17).Select(i => Line($"a{i:D2}", 1m))];
        var split = Cart([.. others, Line("z1", 1m, 1, "z"), Line("z2", 1m, 1, "z"), Line("zz", 1m, 1, "zz"), Line("zz2", 1m, 1, "zz")]);
        var whole = Cart([.. others, Line("z1", 1m, 2, "z"), Line("zz", 1m, 2, "zz")]);
        var promotion = Promo("dime", Discount.AmountOffOrder(D(0.10m))).Build();

        var fromSplit = Evaluate(split, promotion);
        var fromWhole = Evaluate(whole, promotion);

        Assert.Equal(
            fromWhole.Lines.Select(l => (l.LineId, l.Discount.Amount)).Where(l => l.LineId.StartsWith('a')),
            fromSplit.Lines.Select(l => (l.LineId, l.Discount.Amount)).Where(l => l.LineId.StartsWith('a')));
        Assert.Equal(fromWhole.Line("z1").Discount, fromSplit.Line("z1").Discount + fromSplit.Line("z2").Discount);
        Assert.Equal(fromWhole.Line("zz").Discount, fromSplit.Line("zz").Discount + fromSplit.Line("zz2").Discount);
    }

    [Fact]
    public void OrderAmount_ALineAlikeToAnEarlyItemPastSixteenItems_JoinsThatItem()
    {
        // "y01" is alike to "a01" (its SKU) but comes after 17 other items: found through the index, the item is 2.00
        // and takes the one cent; as items of their own, 1.00 and 1.00 would lose it to "a02" (1.50).
        CartLine[] others = [.. Enumerable.Range(1, 17).Select(i => Line($"a{i:D2}", i == 2 ? 1.50m : 1m))];
        var split = Cart([.. others, Line("y01", 1m, 1, "a01")]);
        var promotion = Promo("cent", Discount.AmountOffOrder(D(0.01m))).Build();

        var result = Evaluate(split, promotion);

        Assert.Equal(0.01m, result.Line("a01").Discount.Amount + result.Line("y01").Discount.Amount);
        Assert.Equal(0m, result.Line("a02").Discount.Amount);
    }

    [Fact]
    public void OrderAmount_ANewItemPastSixteenItems_IsAnItemOfItsOwn()
    {
        // "n" (0.60, its own SKU) comes after 17 items and is found in none: an item of its own, so the cent goes to
        // the largest item, "a05" (1.50); were it joined to another item (1.00 + 0.60), that one would take it.
        CartLine[] others = [.. Enumerable.Range(1, 17).Select(i => Line($"a{i:D2}", i == 5 ? 1.50m : 1m))];
        var cart = Cart([.. others, Line("n", 0.60m)]);
        var promotion = Promo("cent", Discount.AmountOffOrder(D(0.01m))).Build();

        var result = Evaluate(cart, promotion);

        Assert.Equal(0.01m, result.Line("a05").Discount.Amount);
        Assert.Equal(0m, result.Line("n").Discount.Amount);
    }

    [Fact]
    public void OrderAmount_ALineAlikeToTheSecondKindOfASku_JoinsThatKind()
    {
        // "b" and "c" are alike (20 together), "a" is of the same SKU but another category: the cent goes to "b" and
        // "c" as one item, not to "d" (15), which it would if "c" were an item of its own.
        var cart = Cart(
            new CartLine("a", "s", D(10m), 1, ["x"]), new CartLine("b", "s", D(10m), 1, ["y"]), new CartLine("c", "s", D(10m), 1, ["y"]),
            Line("d", 15m, 1, "t"));

        var result = Evaluate(cart, Promo("cent", Discount.AmountOffOrder(D(0.01m))).Build());

        Assert.Equal(0.01m, result.Line("b").Discount.Amount + result.Line("c").Discount.Amount);
        Assert.Equal(0m, result.Line("d").Discount.Amount);
    }
}
