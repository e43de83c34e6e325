using System;
using System.Collections.Generic;
using System.Linq;

namespace PromoEngine.Checkout;

/// <summary>A cart as a storefront posts it, with the codes the shopper typed.</summary>
public sealed record CheckoutRequest(
    string Currency,
    IReadOnlyList<CheckoutLine> Lines,
    IReadOnlyList<string>? Codes = null,
    string? CustomerId = null,
    decimal? Shipping = null,
    string? ShippingCountry = null)
{
    /// <summary>The engine's cart; bad input throws the library's ArgumentException family, with a message.</summary>
    public Cart ToCart()
    {
        if (Lines is null)
        {
            throw new ArgumentException("A cart needs lines.", nameof(Lines));
        }

        var currency = PromoEngine.Currency.FromCode(Currency ?? throw new ArgumentException("A cart needs a currency.", nameof(Currency)));
        var lines = Lines.Select(l => l is null
            ? throw new ArgumentException("A line is missing.", nameof(Lines))
            : new CartLine(l.Id, l.Sku, new Money(l.Price, currency), l.Quantity, l.Categories));
        var customer = CustomerId is null ? CustomerProfile.Guest : CustomerProfile.Registered(CustomerId);
        return new Cart(currency, lines, customer, Shipping is { } shipping ? new Money(shipping, currency) : null,
            shippingRegion: ShippingCountry is null ? null : new Region(ShippingCountry));
    }
}

/// <summary>One line of a posted cart.</summary>
public sealed record CheckoutLine(string Id, string Sku, decimal Price, int Quantity, IReadOnlyList<string>? Categories = null);
