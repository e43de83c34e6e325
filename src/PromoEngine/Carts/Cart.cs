using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics.Contracts;
using System.Globalization;
using System.Runtime.CompilerServices;
using PromoEngine.Internal;

namespace PromoEngine;

/// <summary>A shopper's cart: one currency, its lines, the customer, an optional shipping charge, the sales channel, the
/// region it ships to and the shipping method chosen.</summary>
/// <remarks>Immutable and thread-safe. Everything is checked when it is built; a cart that exists is valid.</remarks>
public sealed class Cart
{
    /// <summary>The most lines one cart may hold.</summary>
    public const int MaxLines = 1_000;

    /// <summary>The most units one cart may hold in all lines together (see <see cref="CartLine.MaxQuantity"/>).</summary>
    /// <remarks>Evaluation costs nothing per unit; this bounds the per-unit breakdown of a result
    /// (<see cref="EvaluationOptions.IncludeUnits"/>).</remarks>
    public const int MaxUnits = 1_000_000;

    /// <summary>Initializes a new instance of the <see cref="Cart"/> class.</summary>
    /// <param name="currency">The cart's one currency.</param>
    /// <param name="lines">The lines, with unique line ids, all priced in <paramref name="currency"/>. May be empty.</param>
    /// <param name="customer">Who is buying; a guest when <see langword="null"/>.</param>
    /// <param name="shipping">The shipping charge, zero or more, in <paramref name="currency"/>; none when
    /// <see langword="null"/>.</param>
    /// <param name="channel">The sales channel (such as <c>web</c>, <c>app</c>, <c>store</c>), if any.</param>
    /// <param name="shippingRegion">The region of the shipping address, if known (for restrictions on
    /// <see cref="RegionSource.ShippingAddress"/>).</param>
    /// <exception cref="ArgumentException">The cart holds more than <see cref="MaxLines"/> lines or <see cref="MaxUnits"/>
    /// units, or its lines and shipping add up to more than <see cref="PromoEngine.Currency.MaxAmount"/>; or <paramref name="currency"/> is default, two lines share an id, the
    /// shipping charge is not rounded, or <paramref name="shippingRegion"/> is <c>default(Region)</c>.</exception>
    /// <exception cref="CurrencyMismatchException">A line or the shipping charge is in another currency.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The shipping charge is negative.</exception>
    public Cart(
        Currency currency,
        IEnumerable<CartLine> lines,
        CustomerProfile? customer = null,
        Money? shipping = null,
        string? channel = null,
        Region? shippingRegion = null)
    {
        if (currency.IsDefault)
        {
            throw new ArgumentException("A cart needs a currency.", nameof(currency));
        }

        Guard.NotNull(lines);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var builder = ImmutableArray.CreateBuilder<CartLine>();
        var subtotal = Money.Zero(currency);
        var units = 0;
        foreach (var line in lines)
        {
            Guard.NotNull(line, nameof(lines));
            if (line.UnitPrice.Currency != currency)
            {
                throw new CurrencyMismatchException(currency, line.UnitPrice.Currency, nameof(lines));
            }

            if (!ids.Add(line.LineId))
            {
                throw new ArgumentException($"Two lines have the id '{line.LineId}'; line ids must be unique in a cart.", nameof(lines));
            }

            builder.Add(line);
            if (builder.Count > MaxLines)
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"A cart may hold at most {MaxLines:#,0} lines (Cart.MaxLines)."), nameof(lines));
            }

            units += line.Quantity;
            if (units > MaxUnits)
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"A cart may hold at most {MaxUnits:#,0} units in all (Cart.MaxUnits)."), nameof(lines));
            }

            subtotal += line.Total;
        }

        if (shipping is { } charge)
        {
            if (charge.Currency != currency)
            {
                throw new CurrencyMismatchException(currency, charge.Currency, nameof(shipping));
            }

            Guard.WithinMaxAmount(charge, nameof(shipping));
            if (charge.IsNegative)
            {
                throw new ArgumentOutOfRangeException(nameof(shipping), charge, "A shipping charge must not be negative.");
            }

            if (!charge.IsRounded)
            {
                throw new ArgumentException($"The shipping charge {charge} is not a whole number of minor units.", nameof(shipping));
            }
        }

        if (subtotal.Amount + (shipping?.Amount ?? 0m) > currency.MaxAmount)
        {
            throw new ArgumentException("The cart's lines and shipping add up to too much: " + Guard.TooLarge(currency), nameof(lines));
        }

        Currency = currency;
        Lines = builder.ToImmutable();
        Customer = customer ?? CustomerProfile.Guest;
        Shipping = shipping ?? Money.Zero(currency);
        Channel = channel is null ? null : Text.Identifier(channel);
        Subtotal = subtotal;
        ShippingRegion = CheckRegion(shippingRegion);
    }

    private Cart(Cart source, Region? shippingRegion, string? shippingMethod)
    {
        _canonicalOrder = source._canonicalOrder;
        ShippingMethod = shippingMethod;
        Currency = source.Currency;
        Lines = source.Lines;
        Customer = source.Customer;
        Shipping = source.Shipping;
        Channel = source.Channel;
        Subtotal = source.Subtotal;
        ShippingRegion = shippingRegion;
    }

    /// <summary>The lines in canonical order (by line id, ordinal), as indices into <see cref="Lines"/>, and each line's
    /// place in that order; worked out at the first evaluation and kept (every evaluation of the cart reads them).</summary>
    internal LineOrder CanonicalOrder => _canonicalOrder ??= new LineOrder(Lines);

    private LineOrder? _canonicalOrder;

    /// <summary>Gets the cart's currency.</summary>
    /// <value>Every amount of the cart and of its evaluation is in it.</value>
    public Currency Currency { get; }

    /// <summary>Gets the lines, in the order given.</summary>
    /// <value>Possibly empty.</value>
    public ImmutableArray<CartLine> Lines { get; }

    /// <summary>Gets who is buying.</summary>
    /// <value><see cref="CustomerProfile.Guest"/> unless said.</value>
    public CustomerProfile Customer { get; }

    /// <summary>Gets the shipping charge.</summary>
    /// <value>Zero when the cart has none.</value>
    public Money Shipping { get; }

    /// <summary>Gets the sales channel.</summary>
    /// <value><see langword="null"/> when not said; channel-restricted promotions then do not apply.</value>
    public string? Channel { get; }

    /// <summary>Gets the region of the shipping address.</summary>
    /// <value><see langword="null"/> when not known; promotions restricted by shipping address then do not apply.</value>
    public Region? ShippingRegion { get; }

    /// <summary>Gets the sum of the line totals.</summary>
    /// <value>Before any discount and without shipping.</value>
    public Money Subtotal { get; }

    /// <summary>Returns a copy that ships to the given region.</summary>
    /// <param name="region">The region of the shipping address, or <see langword="null"/> when unknown.</param>
    /// <returns>The changed copy, or this instance when nothing changes.</returns>
    /// <exception cref="ArgumentException"><paramref name="region"/> is <c>default(Region)</c>.</exception>
    [Pure]
    public Cart WithShippingRegion(Region? region) =>
        CheckRegion(region) == ShippingRegion ? this : new Cart(this, region, ShippingMethod);

    /// <summary>Gets the id of the shipping method the shopper chose (such as <c>standard</c>, <c>express</c>,
    /// <c>pickup</c>), as the host names its methods.</summary>
    /// <value><see langword="null"/> when not said; promotions restricted to shipping methods
    /// (<see cref="Restriction.ShippingMethods"/>) then do not apply.</value>
    public string? ShippingMethod { get; }

    /// <summary>Returns a copy with the shipping method the shopper chose.</summary>
    /// <param name="method">The method's id (trimmed, 1 to 200 characters, no control characters; compared
    /// ordinally), or <see langword="null"/> when none is chosen yet.</param>
    /// <returns>The changed copy, or this instance when nothing changes.</returns>
    /// <exception cref="ArgumentException"><paramref name="method"/> is empty or malformed.</exception>
    [Pure]
    public Cart WithShippingMethod(string? method)
    {
        var id = method is null ? null : Text.Identifier(method, nameof(method));
        return string.Equals(id, ShippingMethod, StringComparison.Ordinal) ? this : new Cart(this, ShippingRegion, id);
    }

    private static Region? CheckRegion(Region? region, [CallerArgumentExpression(nameof(region))] string? paramName = null) =>
        region is { Country: null }
            ? throw new ArgumentException("A shipping region needs a country; default(Region) is not one.", paramName)
            : region;
}
