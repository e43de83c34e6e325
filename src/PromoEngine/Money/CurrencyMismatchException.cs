using System;

namespace PromoEngine;

/// <summary>
/// Thrown when an operation combines amounts of two different currencies: a programming error, since a cart
/// has exactly one currency.
/// </summary>
public sealed class CurrencyMismatchException : ArgumentException
{
    /// <summary>Initializes a new instance of the <see cref="CurrencyMismatchException"/> class.</summary>
    /// <param name="expected">The currency the operation works in.</param>
    /// <param name="actual">The other currency it was given.</param>
    /// <param name="paramName">The parameter that carried <paramref name="actual"/>.</param>
    public CurrencyMismatchException(Currency expected, Currency actual, string? paramName)
        : base($"Cannot combine {Describe(actual)} with {Describe(expected)}: amounts must share one currency.", paramName)
    {
        Expected = expected;
        Actual = actual;
    }

    /// <summary>Gets the currency the operation works in.</summary>
    /// <value>The currency of the first operand or of the cart.</value>
    public Currency Expected { get; }

    /// <summary>Gets the other currency that was given.</summary>
    /// <value>The currency that did not match <see cref="Expected"/>.</value>
    public Currency Actual { get; }

    private static string Describe(Currency currency) => currency.IsDefault ? "an amount without currency" : currency.Code;
}
