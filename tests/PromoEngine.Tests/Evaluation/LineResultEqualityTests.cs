using System.Collections.Immutable;
using Xunit;
using static PromoEngine.Tests.Shop;

namespace PromoEngine.Tests;

/// <summary>A line result's value equality (LineResult.cs): what tells two line results apart, with a hash that
/// follows, and what it shows (derived from the cart line and the discount).</summary>
public sealed class LineResultEqualityTests
{
    private static Adjustment Off(decimal amount, string promotion = "sale") => new(new PromotionId(promotion), DiscountClass.Item, D(amount));

    private static UnitResult Unit(int index, decimal price, decimal off) => new(index, D(price), [Off(off)], D(price - off));

    private static LineResult Full() =>
        new(Line("l1", 10m, 2, "s1"), [Off(3m)], 3m, [Unit(0, 10m, 1.5m), Unit(1, 10m, 1.5m)]);

    public static TheoryData<string, LineResult> OneFieldChanged() => new()
    {
        { "line id", new LineResult(Line("l2", 10m, 2, "s1"), [Off(3m)], 3m, [Unit(0, 10m, 1.5m), Unit(1, 10m, 1.5m)]) },
        { "sku", new LineResult(Line("l1", 10m, 2, "s2"), [Off(3m)], 3m, [Unit(0, 10m, 1.5m), Unit(1, 10m, 1.5m)]) },
        { "adjustments (the same amount, another promotion)", new LineResult(Line("l1", 10m, 2, "s1"), [Off(3m, "other")], 3m, [Unit(0, 10m, 1.5m), Unit(1, 10m, 1.5m)]) },
        { "units (the same sum, split otherwise)", new LineResult(Line("l1", 10m, 2, "s1"), [Off(3m)], 3m, [Unit(0, 10m, 1m), Unit(1, 10m, 2m)]) },
        { "discount", new LineResult(Line("l1", 10m, 2, "s1"), [Off(3m)], 4m, [Unit(0, 10m, 1.5m), Unit(1, 10m, 1.5m)]) },
        { "quantity", new LineResult(Line("l1", 10m, 3, "s1"), [Off(3m)], 3m, [Unit(0, 10m, 1.5m), Unit(1, 10m, 1.5m)]) },
        { "unit price", new LineResult(Line("l1", 11m, 2, "s1"), [Off(3m)], 3m, [Unit(0, 10m, 1.5m), Unit(1, 10m, 1.5m)]) },
    };

    [Theory]
    [MemberData(nameof(OneFieldChanged))]
    public void Equals_OneFieldChanged_IsNotEqual(string field, LineResult changed)
    {
        ValueAssert.Differs(Full(), changed, field);
    }

    [Theory]
    [MemberData(nameof(OneFieldChanged))]
    public void GetHashCode_OneFieldChanged_Differs(string field, LineResult changed)
    {
        // HashCode is seeded per process: two different inputs share a hash once in 2^32, never for these by design.
        Assert.NotEqual(Full().GetHashCode(), changed.GetHashCode());
        Assert.False(string.IsNullOrEmpty(field));
    }

    [Fact]
    public void Equals_ACopyWithTheSameFields_IsEqualWithTheSameHash()
    {
        var one = Full();
        var other = Full();

        Assert.True(one.Equals(other));
        Assert.True(one.Equals(one));
        Assert.Equal(one.GetHashCode(), other.GetHashCode());
        Assert.False(one.Equals(null));
        Assert.True(one == other);
    }

    [Fact]
    public void Properties_DerivedFromTheCartLineAndTheDiscount()
    {
        var line = Full();

        Assert.Equal(("l1", "s1", 2, D(10m), D(20m), D(3m), D(17m)), (line.LineId, line.Sku, line.Quantity, line.UnitPrice, line.Original, line.Discount, line.Final));
        Assert.Equal(Off(3m), Assert.Single(line.Adjustments));
        Assert.Equal(2, line.Units.Length);
    }

    [Fact]
    public void Equals_DefaultArrays_ReadAsEmpty()
    {
        var withDefaults = new LineResult(Line("l1", 10m, 1, "s1"), default, 0m, default);
        var withEmpty = new LineResult(Line("l1", 10m, 1, "s1"), ImmutableArray<Adjustment>.Empty, 0m, ImmutableArray<UnitResult>.Empty);

        Assert.Equal(withEmpty, withDefaults);
        Assert.Empty(withDefaults.Adjustments);
        Assert.Empty(withDefaults.Units);
    }
}
