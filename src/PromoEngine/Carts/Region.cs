using System;
using PromoEngine.Internal;

namespace PromoEngine;

/// <summary>Where a customer is: an ISO 3166-1 alpha-2 country and, optionally, a subdivision (a state or province).</summary>
/// <remarks>An immutable value type and thread-safe. Codes are kept upper-case; equality is ordinal.</remarks>
public readonly record struct Region
{
    /// <summary>Initializes a new instance of the <see cref="Region"/> struct.</summary>
    /// <param name="country">Two ASCII letters, such as <c>US</c>; any letter case.</param>
    /// <param name="subdivision">An optional subdivision code, such as <c>CA</c> for California.</param>
    /// <exception cref="ArgumentException"><paramref name="country"/> is not two ASCII letters, or
    /// <paramref name="subdivision"/> is malformed.</exception>
    public Region(string country, string? subdivision = null)
    {
        Guard.NotNull(country);
        if (country.Length != 2 || !char.IsAsciiLetter(country[0]) || !char.IsAsciiLetter(country[1]))
        {
            throw new ArgumentException($"'{Currency.Printable(country)}' is not an ISO 3166-1 alpha-2 country code.", nameof(country));
        }

        Country = country.ToUpperInvariant();
        Subdivision = subdivision is null ? null : Text.Identifier(subdivision).ToUpperInvariant();
    }

    /// <summary>Gets the upper-case country code.</summary>
    /// <value>Such as <c>US</c>.</value>
    public string Country { get; }

    /// <summary>Gets the upper-case subdivision code, if any.</summary>
    /// <value>Such as <c>CA</c>; <see langword="null"/> for the whole country.</value>
    public string? Subdivision { get; }

    /// <summary>Tells whether a customer's region lies inside this one (a whole country contains its subdivisions).</summary>
    /// <param name="other">The customer's region.</param>
    /// <returns><see langword="true"/> when the countries match and this region has no subdivision or the same one.</returns>
    public bool Contains(Region other) =>
        Country == other.Country && (Subdivision is null || Subdivision == other.Subdivision);

    /// <summary>Formats the region as <c>US</c> or <c>US-CA</c>.</summary>
    /// <returns>The country, and the subdivision after a hyphen.</returns>
    public override string ToString() => Subdivision is null ? Country ?? string.Empty : $"{Country}-{Subdivision}";
}
