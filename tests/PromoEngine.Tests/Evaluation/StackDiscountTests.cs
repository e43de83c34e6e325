using System.Linq;
using Xunit;
using static PromoEngine.Tests.Shop;

namespace PromoEngine.Tests;

/// <summary>A compounding stack's own figures (StackDiscount.cs): the most it takes off a unit, and each member's share
/// of a unit, one after another (sequential) or each on the original price, never past the price.</summary>
public sealed class StackDiscountTests
{
    private static Promotion Pct(string id, decimal percent) => Promo(id, Discount.PercentOffItems(percent)).CompoundWithAll().Build();

    private static readonly Span Unit = new(0, 0, 1);

    private static StackDiscount Stack(CompoundingMode mode, params Promotion[] members) =>
        new([.. members.Select(m => (m, new SpanSet([Unit])))], mode);

    [Fact]
    public void MostPerUnit_SumsTheMembers_NeverPastWhatIsLeft()
    {
        Assert.Equal(30m, Stack(CompoundingMode.Sequential, Pct("ten", 10), Pct("twenty", 20)).MostPerUnit(100m));
        Assert.Equal(100m, Stack(CompoundingMode.Sequential, Pct("sixty", 60), Pct("seventy", 70)).MostPerUnit(100m));
    }

    [Fact]
    public void OnUnits_Sequential_EachMemberOnWhatTheOnesBeforeLeft()
    {
        var shares = Stack(CompoundingMode.Sequential, Pct("twenty", 20), Pct("ten", 10)).OnUnits(Unit, 100m);

        Assert.Equal([("ten", 10m), ("twenty", 18m)], shares.Select(s => (s.Promotion.Id.Value, s.Amount)));
    }

    [Fact]
    public void OnUnits_OnOriginalPrice_EachMemberOnThePrice_ClampedToWhatIsLeft()
    {
        var shares = Stack(CompoundingMode.OnOriginalPrice, Pct("ten", 10), Pct("twenty", 20)).OnUnits(Unit, 100m);
        var past = Stack(CompoundingMode.OnOriginalPrice, Pct("sixty", 60), Pct("seventy", 70)).OnUnits(Unit, 100m);

        Assert.Equal([("ten", 10m), ("twenty", 20m)], shares.Select(s => (s.Promotion.Id.Value, s.Amount)));
        Assert.Equal([("seventy", 70m), ("sixty", 30m)], past.Select(s => (s.Promotion.Id.Value, s.Amount)));
    }

    [Fact]
    public void WriteJson_AStackIsNoDefinition_ThrowsInvalidOperation()
    {
        using var stream = new System.IO.MemoryStream();
        using var writer = new System.Text.Json.Utf8JsonWriter(stream);

        var error = Assert.Throws<System.InvalidOperationException>(() => Stack(CompoundingMode.Sequential, Pct("ten", 10)).WriteJson(writer));
        Assert.Equal("A compounding stack is made by the evaluator and has no JSON.", error.Message);
    }

    [Fact]
    public void ToString_NamesTheMembersInTheirTurn()
    {
        var stack = Stack(CompoundingMode.Sequential, Promo("five", Discount.AmountOffEachItem(D(5))).CompoundWithAll().Build(), Pct("twenty", 20), Pct("ten", 10));

        Assert.Equal("compounding ten + twenty + five", stack.ToString());
    }
}
