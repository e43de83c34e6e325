using System;
using PromoEngine.Internal;

namespace PromoEngine;

/// <summary>The one check of the short identifiers PromoEngine stores: order ids, customer keys, line ids, SKUs. A ledger
/// of a host's own applies it to the order ids it is given, so that it accepts and refuses exactly what the built-in
/// ledgers do.</summary>
public static class Identifiers
{
    /// <summary>The most characters an identifier may have once trimmed.</summary>
    public const int MaxLength = Text.MaxIdentifierLength;

    /// <summary>Trims and checks an identifier: not empty or white space, at most <see cref="MaxLength"/> characters, no
    /// control characters.</summary>
    /// <param name="value">The identifier as given.</param>
    /// <returns>The identifier, trimmed.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="value"/> is malformed; the message says how.</exception>
    public static string Normalize(string value) => Text.Identifier(value);
}
