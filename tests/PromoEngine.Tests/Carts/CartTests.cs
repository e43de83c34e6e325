using System;
using Xunit;
using static PromoEngine.Tests.Shop;

namespace PromoEngine.Tests;

public sealed class CartTests
{
    [Fact]
    public void Cart_DuplicateLineIds_AreRefused()
    {
        var e = Assert.Throws<ArgumentException>(() => Cart(Line("a", 1m), Line("a", 2m)));

        Assert.Equal("lines", e.ParamName);
        Assert.StartsWith("Two lines have the id 'a'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Cart_LineInAnotherCurrency_IsRefused()
    {
        var euroLine = new CartLine("e", "e", new Money(1m, Currency.Eur), 1);

        var e = Assert.Throws<CurrencyMismatchException>(() => Cart(Line("a", 1m), euroLine));

        Assert.Equal("lines", e.ParamName);
        Assert.Equal(Currency.Eur, e.Actual);
    }

    [Fact]
    public void Cart_ShippingInAnotherCurrencyOrNegative_IsRefused()
    {
        Assert.Throws<CurrencyMismatchException>(() => new Cart(Usd, [], shipping: new Money(1m, Currency.Eur)));
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new Cart(Usd, [], shipping: D(-1m)));
        Assert.Equal("shipping", e.ParamName);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    public void CartLine_NonPositiveQuantity_IsRefused(int quantity)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new CartLine("a", "sku", D(1m), quantity));

        Assert.Equal("quantity", e.ParamName);
    }

    [Fact]
    public void CartLine_NegativePrice_IsRefused()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new CartLine("a", "sku", D(-0.01m), 1));

        Assert.Equal("unitPrice", e.ParamName);
    }

    [Fact]
    public void CartLine_UnroundedPrice_IsRefused()
    {
        var e = Assert.Throws<ArgumentException>(() => new CartLine("a", "sku", D(1.005m), 1));

        Assert.Equal("unitPrice", e.ParamName);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("a\u0000b")]
    public void CartLine_MalformedIds_AreRefused(string id)
    {
        var e = Assert.Throws<ArgumentException>(() => new CartLine(id, "sku", D(1m), 1));

        Assert.Equal("lineId", e.ParamName);
    }

    [Fact]
    public void Cart_KnowsItsSubtotal_AndDefaultsToAGuestWithoutShipping()
    {
        var cart = Cart(Line("a", 2.50m, 2), Line("b", 1.25m));

        Assert.Equal(D(6.25m), cart.Subtotal);
        Assert.True(cart.Customer.IsGuest);
        Assert.True(cart.Shipping.IsZero);
    }

    [Fact]
    public void WithShippingRegion_ChangesOnlyTheShippingRegion()
    {
        var cart = new Cart(Usd, [Line("a", 1m)], CustomerProfile.Registered("c").WithRegion(new Region("US", "CA")), D(4m), "web");

        var shipped = cart.WithShippingRegion(new Region("us", "hi"));

        Assert.Null(cart.ShippingRegion);
        Assert.Equal(new Region("US", "HI"), shipped.ShippingRegion);
        Assert.Equal(new Region("US", "CA"), shipped.Customer.Region);
        Assert.Equal((cart.Lines, cart.Shipping, cart.Channel, cart.Subtotal), (shipped.Lines, shipped.Shipping, shipped.Channel, shipped.Subtotal));
        Assert.Same(shipped, shipped.WithShippingRegion(new Region("US", "HI")));
        Assert.Null(shipped.WithShippingRegion(null).ShippingRegion);
    }

    [Fact]
    public void Cart_DefaultShippingRegion_IsRefused()
    {
        var e = Assert.Throws<ArgumentException>(() => new Cart(Usd, [], shippingRegion: default(Region)));

        Assert.Equal("shippingRegion", e.ParamName);
        Assert.Equal("region", Assert.Throws<ArgumentException>(() => Cart(Line("a", 1m)).WithShippingRegion(default(Region))).ParamName);
    }

    [Fact]
    public void Region_MalformedCountry_IsRefused()
    {
        var e = Assert.Throws<ArgumentException>(() => new Region("USA"));

        Assert.Equal("country", e.ParamName);
    }
}
