using System;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace PromoEngine.Internal;

/// <summary>Argument checks at the public boundary, with invariant messages that name the parameter.</summary>
internal static class Guard
{
    public static T NotNull<T>([NotNull] T? value, [CallerArgumentExpression(nameof(value))] string? paramName = null)
        where T : class
    {
        if (value is null)
        {
            throw new ArgumentNullException(paramName);
        }

        return value;
    }

    public static decimal NotNegative(decimal value, [CallerArgumentExpression(nameof(value))] string? paramName = null)
    {
        if (value < 0m)
        {
            throw new ArgumentOutOfRangeException(paramName, value, "Must not be negative.");
        }

        return value;
    }

    /// <summary>Checks that an amount is within what its currency supports (<see cref="Currency.MaxAmount"/>), either
    /// way from zero.</summary>
    public static Money WithinMaxAmount(Money value, [CallerArgumentExpression(nameof(value))] string? paramName = null) =>
        value.Currency.IsDefault || Math.Abs(value.Amount) <= value.Currency.MaxAmount
            ? value
            : throw new ArgumentOutOfRangeException(paramName, value, TooLarge(value.Currency));

    /// <summary>The message for an amount past <see cref="Currency.MaxAmount"/>.</summary>
    public static string TooLarge(Currency currency) => string.Create(
        System.Globalization.CultureInfo.InvariantCulture,
        $"An amount in {currency.Code} must be at most {currency.MaxAmount:#,0} (Currency.MaxAmount).");

    public static int Positive(int value, [CallerArgumentExpression(nameof(value))] string? paramName = null)
    {
        if (value <= 0)
        {
            throw new ArgumentOutOfRangeException(paramName, value, "Must be greater than zero.");
        }

        return value;
    }

    public static int InRange(int value, int min, int max, [CallerArgumentExpression(nameof(value))] string? paramName = null)
    {
        if (value < min || value > max)
        {
            throw new ArgumentOutOfRangeException(paramName, value, FormattableString.Invariant($"Must be between {min} and {max}."));
        }

        return value;
    }

    public static MidpointRounding DefinedRounding(MidpointRounding value, [CallerArgumentExpression(nameof(value))] string? paramName = null)
    {
        if (value is < MidpointRounding.ToEven or > MidpointRounding.ToPositiveInfinity)
        {
            throw new ArgumentOutOfRangeException(paramName, value, "Not a defined MidpointRounding value.");
        }

        return value;
    }
}

/// <summary>Checks on the short strings of definitions and carts: ids, SKUs, categories, codes.</summary>
internal static class Text
{
    public const int MaxIdentifierLength = 200;

    /// <summary>Trims and checks an identifier: not empty, not too long, no control characters.</summary>
    public static string Identifier(string? value, [CallerArgumentExpression(nameof(value))] string? paramName = null)
    {
        if (value is null)
        {
            throw new ArgumentNullException(paramName);
        }

        var problem = IdentifierProblem(value);
        if (problem is not null)
        {
            throw new ArgumentException(problem, paramName);
        }

        return value.Trim();
    }

    /// <summary>The reason an identifier is malformed, or null when it is fine.</summary>
    public static string? IdentifierProblem(string value)
    {
        var trimmed = value.Trim();
        if (trimmed.Length == 0)
        {
            return "Must not be empty or white space.";
        }

        if (trimmed.Length > MaxIdentifierLength)
        {
            return FormattableString.Invariant($"Must be at most {MaxIdentifierLength} characters; it has {trimmed.Length}.");
        }

        foreach (var c in trimmed)
        {
            if (char.IsControl(c))
            {
                return FormattableString.Invariant($"Must not contain control characters (found U+{(int)c:X4}).");
            }
        }

        return null;
    }

    /// <summary>Like <see cref="Identifiers"/>, but at least one identifier is required.</summary>
    public static System.Collections.Immutable.ImmutableArray<string> NonEmptyIdentifiers(
        System.Collections.Generic.IEnumerable<string>? values, [CallerArgumentExpression(nameof(values))] string? paramName = null)
    {
        var result = Identifiers(Guard.NotNull(values, paramName), paramName);
        return result.IsEmpty ? throw new ArgumentException("At least one value is required.", paramName) : result;
    }

    /// <summary>Checks a set of identifiers, trimming each and dropping duplicates (ordinal), in a stable order.</summary>
    public static System.Collections.Immutable.ImmutableArray<string> Identifiers(
        System.Collections.Generic.IEnumerable<string>? values, [CallerArgumentExpression(nameof(values))] string? paramName = null)
    {
        if (values is null)
        {
            return [];
        }

        // Implementation note: a sorted list without repeats rather than a SortedSet, which costs a tree and an
        // enumeration stack per call (a catalog of 100,000 promotions read from JSON makes a set per filter).
        var checkedValues = new System.Collections.Generic.List<string>();
        foreach (var value in values)
        {
            checkedValues.Add(Identifier(value, paramName));
        }

        checkedValues.Sort(StringComparer.Ordinal);
        var result = System.Collections.Immutable.ImmutableArray.CreateBuilder<string>(checkedValues.Count);
        foreach (var value in checkedValues)
        {
            if (result.Count == 0 || !string.Equals(result[^1], value, StringComparison.Ordinal))
            {
                result.Add(value);
            }
        }

        return result.Count == result.Capacity ? result.MoveToImmutable() : result.ToImmutable();
    }
}
