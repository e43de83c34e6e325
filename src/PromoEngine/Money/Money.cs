using System;
using PromoEngine.Internal;

namespace PromoEngine;

/// <summary>An exact amount of money in one <see cref="PromoEngine.Currency"/>.</summary>
/// <remarks>
/// <para>The amount is a <see cref="decimal"/> and is kept exact: arithmetic never rounds. Rounding to the
/// currency's minor unit happens only when asked, through <see cref="Round"/>, with an explicit midpoint rule.
/// Allocation (<see cref="Allocate(ReadOnlySpan{decimal})"/>, <see cref="Split(int)"/>) works in minor units
/// and its parts always sum to the whole.</para>
/// <para>Arithmetic and ordering combine amounts of one currency only; anything else throws
/// <see cref="CurrencyMismatchException"/>. Equality never throws: amounts of different currencies are simply
/// unequal. Equal amounts with different scales (1.5 and 1.50) are equal and have equal hash codes.</para>
/// <para><c>default(Money)</c> is zero without a currency; it is only good for comparing with other defaults.
/// Build real amounts with the constructor or <see cref="Zero"/>.</para>
/// <para>This type is an immutable value type and thread-safe.</para>
/// </remarks>
public readonly partial struct Money : IEquatable<Money>, IComparable<Money>
{
    /// <summary>Initializes a new instance of the <see cref="Money"/> struct.</summary>
    /// <param name="amount">The exact amount; it may have more digits than the currency's minor unit.</param>
    /// <param name="currency">The currency.</param>
    /// <exception cref="ArgumentException"><paramref name="currency"/> is <c>default(Currency)</c>.</exception>
    public Money(decimal amount, Currency currency)
    {
        if (currency.IsDefault)
        {
            throw new ArgumentException("A currency is required: default(Currency) is not a currency.", nameof(currency));
        }

        Amount = amount;
        Currency = currency;
    }

    /// <summary>Gets the exact amount.</summary>
    /// <value>The amount in major units (dollars, not cents).</value>
    public decimal Amount { get; }

    /// <summary>Gets the currency.</summary>
    /// <value>The currency of <see cref="Amount"/>.</value>
    public Currency Currency { get; }

    /// <summary>Gets a value indicating whether the amount is zero.</summary>
    /// <value><see langword="true"/> when <see cref="Amount"/> is zero.</value>
    public bool IsZero => Amount == 0m;

    /// <summary>Gets a value indicating whether the amount is below zero.</summary>
    /// <value><see langword="true"/> when <see cref="Amount"/> is negative.</value>
    public bool IsNegative => Amount < 0m;

    /// <summary>Gets a value indicating whether the amount is a whole number of minor units (no rounding needed).</summary>
    /// <value><see langword="true"/> for 12.50 USD or 12.5 USD; <see langword="false"/> for 12.505 USD or 1.5 JPY.</value>
    public bool IsRounded
    {
        get
        {
            // Implementation note: rounding to the minor unit cannot overflow, where scaling to minor units can
            // (decimal.MaxValue in a currency of 18 minor units).
            return decimal.Round(Amount, Currency.MinorUnits) == Amount;
        }
    }

    /// <summary>Gets zero in the given currency.</summary>
    /// <param name="currency">The currency.</param>
    /// <returns>An amount of zero.</returns>
    /// <exception cref="ArgumentException"><paramref name="currency"/> is <c>default(Currency)</c>.</exception>
    public static Money Zero(Currency currency) => new(0m, currency);

    /// <summary>Makes an amount from a whole number of minor units: 1999 cents is 19.99 USD.</summary>
    /// <param name="minorUnits">The number of minor units; may be negative.</param>
    /// <param name="currency">The currency.</param>
    /// <returns>The amount.</returns>
    /// <exception cref="ArgumentException"><paramref name="currency"/> is <c>default(Currency)</c>.</exception>
    public static Money FromMinorUnits(long minorUnits, Currency currency)
    {
        if (currency.IsDefault)
        {
            throw new ArgumentException("A currency is required: default(Currency) is not a currency.", nameof(currency));
        }

        return new Money(minorUnits / currency.MinorUnitsPerMajor, currency);
    }

    /// <summary>Gets the amount as a whole number of minor units: 19.99 USD is 1999.</summary>
    /// <returns>The number of minor units.</returns>
    /// <exception cref="InvalidOperationException">The amount is not rounded to the minor unit (see
    /// <see cref="IsRounded"/>); call <see cref="Round"/> first.</exception>
    /// <exception cref="OverflowException">The number of minor units does not fit in a <see cref="long"/>.</exception>
    public long ToMinorUnits()
    {
        var minor = Amount * Currency.MinorUnitsPerMajor;
        if (minor != decimal.Truncate(minor))
        {
            throw new InvalidOperationException($"{this} is not a whole number of minor units; round it first.");
        }

        return decimal.ToInt64(minor);
    }

    /// <summary>Rounds the amount to the currency's minor unit.</summary>
    /// <param name="mode">How a midpoint is rounded; <see cref="MidpointRounding.AwayFromZero"/> unless said
    /// otherwise (10.005 USD becomes 10.01), <see cref="MidpointRounding.ToEven"/> for banker's rounding (10.00).
    /// The directed modes (<see cref="MidpointRounding.ToZero"/> and the two infinities) round every amount that
    /// way, not only midpoints.</param>
    /// <returns>The rounded amount, with exactly <see cref="Currency.MinorUnits"/> decimals.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="mode"/> is not a defined value.</exception>
    public Money Round(MidpointRounding mode = MidpointRounding.AwayFromZero)
    {
        Guard.DefinedRounding(mode);
        var rounded = decimal.Round(Amount, Currency.MinorUnits, mode);
        return new Money(WithScale(rounded, Currency.MinorUnits), Currency);
    }

    /// <summary>Returns the smaller of two amounts of one currency.</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount.</param>
    /// <returns><paramref name="left"/> when the two are equal.</returns>
    /// <exception cref="CurrencyMismatchException">The currencies differ.</exception>
    public static Money Min(Money left, Money right) => left.CompareTo(right) <= 0 ? left : right;

    /// <summary>Returns the larger of two amounts of one currency.</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount.</param>
    /// <returns><paramref name="left"/> when the two are equal.</returns>
    /// <exception cref="CurrencyMismatchException">The currencies differ.</exception>
    public static Money Max(Money left, Money right) => left.CompareTo(right) >= 0 ? left : right;

    /// <summary>Formats the amount with the invariant culture and the currency code: <c>12.50 USD</c>.</summary>
    /// <returns>The amount with at least the currency's minor-unit digits (more when it is not rounded), a space,
    /// and the code.</returns>
    public override string ToString()
    {
        var amount = Amount;
        if (Currency.MinorUnits > amount.Scale)
        {
            amount = WithScale(amount, Currency.MinorUnits);
        }

        return string.Concat(amount.ToString(System.Globalization.CultureInfo.InvariantCulture), " ", Currency.Code).TrimEnd();
    }

    /// <inheritdoc/>
    public bool Equals(Money other) => Amount == other.Amount && Currency == other.Currency;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Money other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Amount, Currency);

    /// <summary>Compares this amount with another of the same currency.</summary>
    /// <param name="other">The other amount.</param>
    /// <returns>Less than zero, zero or more than zero as this amount is smaller, equal or larger.</returns>
    /// <exception cref="CurrencyMismatchException">The currencies differ.</exception>
    public int CompareTo(Money other)
    {
        RequireSameCurrency(other);
        return Amount.CompareTo(other.Amount);
    }

    internal void RequireSameCurrency(Money other, string? paramName = "other")
    {
        if (Currency != other.Currency)
        {
            throw new CurrencyMismatchException(Currency, other.Currency, paramName);
        }
    }

    /// <summary>Gives a decimal at least <paramref name="scale"/> decimals without changing its value.</summary>
    private static decimal WithScale(decimal value, int scale)
    {
        // Implementation note: decimal keeps trailing zeros, so 12.5 + 0.00 is 12.50. Only raises the scale.
        return value.Scale >= scale ? value : value + new decimal(0, 0, 0, false, (byte)scale);
    }
}
