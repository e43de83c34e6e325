using System;
using System.Collections.Frozen;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using PromoEngine.Internal;

namespace PromoEngine;

/// <summary>
/// A currency: its three-letter code and the number of digits after the decimal point of its minor unit
/// (USD 2, JPY 0, BHD 3).
/// </summary>
/// <remarks>
/// <para>Obtain an ISO 4217 currency with <see cref="FromCode"/> (or one of the shortcuts such as
/// <see cref="Usd"/>); declare a currency that is not in ISO 4217 (loyalty points, say) with
/// <see cref="Custom"/>.</para>
/// <para>Two currencies are equal when their codes and minor units are equal. <c>default(Currency)</c> is not a
/// currency: <see cref="IsDefault"/> is <see langword="true"/> and <see cref="Money"/> refuses it.</para>
/// <para>This type is an immutable value type and thread-safe.</para>
/// </remarks>
public readonly partial struct Currency : IEquatable<Currency>
{
    /// <summary>The largest number of minor-unit digits a currency may have.</summary>
    public const int MaxMinorUnits = 18;

    private readonly string? _code;
    private readonly byte _minorUnits;
    private readonly bool _isIso;

    private Currency(string code, int minorUnits, bool isIso)
    {
        _code = code;
        _minorUnits = (byte)minorUnits;
        _isIso = isIso;
    }

    /// <summary>Gets the three-letter upper-case code, such as <c>USD</c>.</summary>
    /// <value>The code; the empty string for <c>default(Currency)</c>.</value>
    public string Code => _code ?? string.Empty;

    /// <summary>Gets the number of digits after the decimal point of the currency's minor unit.</summary>
    /// <value>From 0 to <see cref="MaxMinorUnits"/>: 2 for USD, 0 for JPY, 3 for BHD.</value>
    public int MinorUnits => _minorUnits;

    /// <summary>Gets a value indicating whether this currency comes from the built-in ISO 4217 table.</summary>
    /// <value><see langword="false"/> for a currency made with <see cref="Custom"/>.</value>
    public bool IsIso => _isIso;

    /// <summary>Gets a value indicating whether this is <c>default(Currency)</c>, which is not a currency.</summary>
    /// <value><see langword="true"/> only for the default value.</value>
    public bool IsDefault => _code is null;

    /// <summary>Gets the smallest amount of this currency: 0.01 for USD, 1 for JPY, 0.001 for BHD.</summary>
    /// <value>Ten to the power of minus <see cref="MinorUnits"/>.</value>
    public decimal MinorUnit => 1m / Decimals.PowerOfTen(_minorUnits);

    /// <summary>Gets the active ISO 4217 currencies of the built-in table, ordered by code.</summary>
    /// <value>Every currency that <see cref="FromCode"/> accepts.</value>
    public static ImmutableArray<Currency> IsoCurrencies { get; } = BuildIsoTable();

    private static FrozenDictionary<string, Currency> ByCode { get; } =
        IsoCurrencies.ToFrozenDictionary(c => c.Code, StringComparer.OrdinalIgnoreCase);

    /// <summary>Gets the ISO 4217 currency with the given code.</summary>
    /// <param name="code">A three-letter ISO 4217 code, in any letter case (<c>USD</c>, <c>usd</c>).</param>
    /// <returns>The currency.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="code"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="code"/> is not an active ISO 4217 code in the built-in
    /// table; declare other currencies with <see cref="Custom"/>.</exception>
    public static Currency FromCode(string code)
    {
        Guard.NotNull(code);
        if (ByCode.TryGetValue(code, out var currency))
        {
            return currency;
        }

        throw new ArgumentException(
            $"'{Printable(code)}' is not an active ISO 4217 currency code; use Currency.Custom to declare another currency.",
            nameof(code));
    }

    /// <summary>Tries to get the ISO 4217 currency with the given code.</summary>
    /// <param name="code">A three-letter ISO 4217 code, in any letter case.</param>
    /// <param name="currency">The currency, or <c>default</c> when the code is unknown.</param>
    /// <returns><see langword="true"/> when the code is in the built-in table.</returns>
    public static bool TryFromCode([NotNullWhen(true)] string? code, out Currency currency)
    {
        if (code is not null && ByCode.TryGetValue(code, out currency))
        {
            return true;
        }

        currency = default;
        return false;
    }

    /// <summary>Declares a currency that is not in ISO 4217, such as loyalty points.</summary>
    /// <param name="code">Three upper-case ASCII letters that are not an ISO 4217 code of the built-in table.</param>
    /// <param name="minorUnits">Digits after the decimal point of the minor unit, from 0 to <see cref="MaxMinorUnits"/>.</param>
    /// <returns>The currency; equal to every other custom currency with the same code and minor units.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="code"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="code"/> is not three upper-case ASCII letters, or is an
    /// ISO 4217 code (use <see cref="FromCode"/> for those).</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="minorUnits"/> is outside 0 to
    /// <see cref="MaxMinorUnits"/>.</exception>
    public static Currency Custom(string code, int minorUnits)
    {
        Guard.NotNull(code);
        if (code.Length != 3 || !IsUpperAscii(code[0]) || !IsUpperAscii(code[1]) || !IsUpperAscii(code[2]))
        {
            throw new ArgumentException($"'{Printable(code)}' is not a currency code: expected three upper-case letters A-Z.", nameof(code));
        }

        if (ByCode.ContainsKey(code))
        {
            throw new ArgumentException($"'{code}' is an ISO 4217 code: use Currency.FromCode(\"{code}\").", nameof(code));
        }

        Guard.InRange(minorUnits, 0, MaxMinorUnits);
        return new Currency(code, minorUnits, isIso: false);
    }

    /// <summary>Gets the US dollar (USD, 2 minor units).</summary>
    /// <value>The ISO 4217 currency USD.</value>
    public static Currency Usd => FromCode("USD");

    /// <summary>Gets the euro (EUR, 2 minor units).</summary>
    /// <value>The ISO 4217 currency EUR.</value>
    public static Currency Eur => FromCode("EUR");

    /// <summary>Gets the pound sterling (GBP, 2 minor units).</summary>
    /// <value>The ISO 4217 currency GBP.</value>
    public static Currency Gbp => FromCode("GBP");

    /// <summary>Gets the yen (JPY, 0 minor units).</summary>
    /// <value>The ISO 4217 currency JPY.</value>
    public static Currency Jpy => FromCode("JPY");

    /// <summary>Gets ten to the power of <see cref="MinorUnits"/>: how many minor units make one major unit.</summary>
    internal decimal MinorUnitsPerMajor => Decimals.PowerOfTen(_minorUnits);

    /// <summary>Gets the largest amount PromoEngine accepts in this currency for a price, a line, a cart, a discount, a
    /// cap, a threshold or a budget: ten to the power of (28 - <see cref="MinorUnits"/>) / 2, rounded down. So 10
    /// trillion for USD (10^13), 10^14 for JPY, 10^12 for BHD, 10^5 for a currency of 18 minor units.</summary>
    /// <value>A power of ten.</value>
    /// <remarks>Implementation note: allocation multiplies an amount in minor units by a weight of up to the same
    /// size; below this bound that product stays under 10^28, so no arithmetic inside an evaluation can overflow a
    /// <see cref="decimal"/>. No store's cart comes near it.</remarks>
    public decimal MaxAmount => Decimals.PowerOfTen((28 - _minorUnits) / 2);

    /// <inheritdoc/>
    public bool Equals(Currency other) =>
        string.Equals(_code, other._code, StringComparison.Ordinal) && _minorUnits == other._minorUnits;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Currency other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(_code is null ? 0 : StringComparer.Ordinal.GetHashCode(_code), _minorUnits);

    /// <summary>Returns the currency's code.</summary>
    /// <returns>The code, such as <c>USD</c>; the empty string for <c>default(Currency)</c>.</returns>
    public override string ToString() => Code;

    /// <summary>Compares two currencies for equality.</summary>
    /// <param name="left">The first currency.</param>
    /// <param name="right">The second currency.</param>
    /// <returns><see langword="true"/> when both have the same code and minor units.</returns>
    public static bool operator ==(Currency left, Currency right) => left.Equals(right);

    /// <summary>Compares two currencies for inequality.</summary>
    /// <param name="left">The first currency.</param>
    /// <param name="right">The second currency.</param>
    /// <returns><see langword="true"/> when the code or the minor units differ.</returns>
    public static bool operator !=(Currency left, Currency right) => !left.Equals(right);

    private static bool IsUpperAscii(char c) => c is >= 'A' and <= 'Z';

    /// <summary>Shows a caller's string safely in a message: control characters escaped, long input cut.</summary>
    internal static string Printable(string value)
    {
        const int Max = 16;
        var builder = new System.Text.StringBuilder();
        foreach (var c in value.Length > Max ? value[..Max] : value)
        {
            if (char.IsControl(c))
            {
                builder.Append(FormattableString.Invariant($"\\u{(int)c:X4}"));
            }
            else
            {
                builder.Append(c);
            }
        }

        if (value.Length > Max)
        {
            builder.Append('…');
        }

        return builder.ToString();
    }

    private static ImmutableArray<Currency> BuildIsoTable()
    {
        var builder = ImmutableArray.CreateBuilder<Currency>(Iso4217.Table.Length);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (code, minorUnits) in Iso4217.Table)
        {
            if (!seen.Add(code))
            {
                throw new InvalidOperationException($"The ISO 4217 table lists {code} twice.");
            }

            builder.Add(new Currency(code, minorUnits, isIso: true));
        }

        builder.Sort((a, b) => string.CompareOrdinal(a.Code, b.Code));
        return builder.MoveToImmutable();
    }
}
