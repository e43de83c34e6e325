using System.Linq;
using Xunit;
using static PromoEngine.Tests.Shop;

namespace PromoEngine.Tests;

/// <summary>Units that tie on what is left of their price are taken in the canonical order (by line id), however many
/// there are.</summary>
public sealed class TiedUnitsTests
{
    [Fact]
    public void FirstAndAdditional_NineteenLinesAtOnePriceAcrossLines_GivesTheFirstAmountToTheFirstOfThem()
    {
        // "L00" (9) and nineteen lines of 10 (past List.Sort's insertion sort): "5 off the first, 1 off each additional"
        // across lines takes the first of the dearest in the canonical order, "L01", as the first unit.
        var cart = Cart([.. Enumerable.Range(0, 20).Select(i => Line($"L{i:D2}", i == 0 ? 9m : 10m))]);
        var promotion = Promo("f", Discount.FirstAndAdditional(D(5m), D(1m), UnitScope.AcrossLines)).Build();

        var result = Evaluate(cart, promotion);

        Assert.Equal(24m, result.TotalDiscount.Amount);
        Assert.Equal([1m, 5m, .. Enumerable.Repeat(1m, 18)], result.Lines.OrderBy(l => l.LineId, System.StringComparer.Ordinal).Select(l => l.Discount.Amount));
    }
}
