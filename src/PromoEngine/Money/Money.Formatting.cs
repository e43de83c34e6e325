using System;
using System.Collections.Generic;
using System.Globalization;

namespace PromoEngine;

public readonly partial struct Money
{
    /// <summary>The symbols of the currencies most carts are in, for cultures whose own currency is another one (a
    /// German shopper reads <c>12,50 $</c> for dollars). A currency not here is written with its code.</summary>
    private static readonly Dictionary<string, string> Symbols = new(StringComparer.Ordinal)
    {
        ["USD"] = "$", ["EUR"] = "€", ["GBP"] = "£", ["JPY"] = "¥", ["INR"] = "₹", ["KRW"] = "₩", ["ILS"] = "₪",
        ["VND"] = "₫", ["NGN"] = "₦", ["PHP"] = "₱", ["UAH"] = "₴", ["TRY"] = "₺", ["RUB"] = "₽", ["THB"] = "฿",
    };

    /// <summary>Formats the amount as a shopper in <paramref name="culture"/> reads it: the culture's separators,
    /// digit grouping and currency pattern, the currency's own number of minor digits, and the currency's symbol:
    /// <c>1.234,50 €</c> in de-DE, <c>€1,234.50</c> in en-US, <c>¥1,235</c> for yen in en-US.</summary>
    /// <param name="culture">The shopper's culture, always explicit: the ambient culture is never read. The invariant
    /// culture gives <see cref="ToString()"/>'s form, <c>1234.50 EUR</c>.</param>
    /// <returns>The formatted amount. An amount with more digits than the currency's minor unit (one not rounded
    /// yet) keeps them all: nothing is rounded for display.</returns>
    /// <remarks>The symbol is the culture's own when the culture's currency is this currency (<c>￥</c> in ja-JP);
    /// otherwise a well-known symbol (<c>$</c>, <c>€</c>, <c>£</c>, <c>¥</c>, …) unless the culture's own currency
    /// uses that same symbol (a dollar in en-CA is written <c>USD</c>, not a <c>$</c> a Canadian reads as their own);
    /// otherwise the currency code.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="culture"/> is null.</exception>
    public string ToString(CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(culture);
        if (culture.Name.Length == 0)
        {
            return ToString();
        }

        var format = (NumberFormatInfo)culture.NumberFormat.Clone();
        var symbol = SymbolIn(culture);
        format.CurrencySymbol = symbol;
        format.CurrencyDecimalDigits = Math.Max(Currency.MinorUnits, Amount.Scale);
        if (symbol.Length > 0 && char.IsLetter(symbol[^1]) && char.IsLetter(symbol[0]))
        {
            // A code written where the culture puts a sign needs a space to stay readable: USD 12.50, not USD12.50.
            format.CurrencyPositivePattern = SpacedPositive[format.CurrencyPositivePattern];
            format.CurrencyNegativePattern = SpacedNegative[format.CurrencyNegativePattern];
        }

        return Amount.ToString("C", format);
    }

    /// <summary>Each .NET currency pattern (see <see cref="NumberFormatInfo.CurrencyPositivePattern"/> and
    /// <see cref="NumberFormatInfo.CurrencyNegativePattern"/>) with a space between the symbol and the number.</summary>
    private static readonly int[] SpacedPositive = [2, 3, 2, 3];

    private static readonly int[] SpacedNegative = [14, 9, 12, 11, 15, 8, 13, 10, 8, 9, 10, 11, 12, 13, 14, 15, 16];

    private string SymbolIn(CultureInfo culture)
    {
        var code = Currency.Code;
        var own = OwnCurrency(culture);
        if (own == code)
        {
            return culture.NumberFormat.CurrencySymbol;
        }

        return Currency.IsIso && Symbols.TryGetValue(code, out var symbol) && symbol != culture.NumberFormat.CurrencySymbol
            ? symbol
            : code;
    }

    /// <summary>The ISO code of the currency of the culture's country, or null for a neutral culture (<c>de</c>).</summary>
    private static string? OwnCurrency(CultureInfo culture)
    {
        if (culture.IsNeutralCulture)
        {
            return null;
        }

        try
        {
            return new RegionInfo(culture.Name).ISOCurrencySymbol;
        }
        catch (ArgumentException)
        {
            return null; // a culture with no region the platform knows
        }
    }
}
