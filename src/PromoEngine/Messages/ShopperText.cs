using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;

namespace PromoEngine;

/// <summary>Renders what an evaluation says to a shopper in the shopper's language: picks the
/// <see cref="ShopperMessages"/> for the culture given (never the ambient one), finds the promotions a message names in
/// the catalog, and falls back to English for what a language has no text for.</summary>
/// <remarks>
/// <para>The reason codes and their details stay the data: a result is the same whatever language reads it, and any
/// number of languages may render it. Immutable and thread-safe; build one at startup.</para>
/// <para>A culture is served by the language of its own name, then of each parent (de-CH by <c>de-CH</c>, then
/// <c>de</c>), then by English.</para>
/// </remarks>
public sealed class ShopperText
{
    private readonly ImmutableDictionary<string, ShopperMessages> _languages;

    /// <summary>Initializes a new instance of the <see cref="ShopperText"/> class.</summary>
    /// <param name="languages">The languages beside English. One may replace English by being for <c>en</c>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="languages"/> or one of them is null.</exception>
    /// <exception cref="ArgumentException">Two languages are for the same culture.</exception>
    public ShopperText(params IEnumerable<ShopperMessages> languages)
    {
        ArgumentNullException.ThrowIfNull(languages);
        var byName = ImmutableDictionary.CreateBuilder<string, ShopperMessages>(StringComparer.OrdinalIgnoreCase);
        foreach (var language in languages)
        {
            ArgumentNullException.ThrowIfNull(language, nameof(languages));
            if (!byName.TryAdd(language.Language.Name, language))
            {
                throw new ArgumentException($"Two languages are for the culture {language.Language.Name}: give one.", nameof(languages));
            }
        }

        _languages = byName.ToImmutable();
    }

    /// <summary>Gets the language that serves a culture.</summary>
    /// <param name="culture">The shopper's culture.</param>
    /// <returns>The language of the culture or its nearest parent; English when there is none.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="culture"/> is null.</exception>
    public ShopperMessages LanguageFor(CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(culture);
        for (var c = culture; c.Name.Length > 0; c = c.Parent)
        {
            if (_languages.TryGetValue(c.Name, out var language))
            {
                return language;
            }
        }

        return _languages.TryGetValue("en", out var english) ? english : ShopperMessages.English;
    }

    /// <summary>Words why a code or promotion did not apply, in the shopper's language.</summary>
    /// <param name="rejection">The rejection.</param>
    /// <param name="catalog">The catalog the evaluation used: the promotions the message names are found in it.</param>
    /// <param name="culture">The shopper's culture.</param>
    /// <returns>The text; never null or empty.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public string Describe(Rejection rejection, PromotionCatalog catalog, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(rejection);
        ArgumentNullException.ThrowIfNull(catalog);
        var context = new MessageContext(culture, Find(catalog, rejection.PromotionId), Find(catalog, rejection.Winner));
        return Text(LanguageFor(culture).Describe(rejection, context), ShopperMessages.English.Describe(rejection, context));
    }

    /// <summary>Words a near-miss hint, in the shopper's language.</summary>
    /// <param name="hint">The hint.</param>
    /// <param name="catalog">The catalog the evaluation used.</param>
    /// <param name="culture">The shopper's culture.</param>
    /// <returns>The text; never null or empty.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public string Describe(NearMissHint hint, PromotionCatalog catalog, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(hint);
        ArgumentNullException.ThrowIfNull(catalog);
        var context = new MessageContext(culture, catalog.Find(hint.PromotionId));
        return Text(LanguageFor(culture).Describe(hint, context), ShopperMessages.English.Describe(hint, context));
    }

    /// <summary>Words a fixed term of a receipt, in the shopper's language.</summary>
    /// <param name="term">The term.</param>
    /// <param name="culture">The shopper's culture.</param>
    /// <returns>The text; never null or empty.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="culture"/> is null.</exception>
    public string Describe(ReceiptTerm term, CultureInfo culture)
    {
        var context = new MessageContext(culture);
        return Text(LanguageFor(culture).Describe(term, context), ShopperMessages.English.Describe(term, context));
    }

    private static Promotion? Find(PromotionCatalog catalog, PromotionId? id) => id is { } known ? catalog.Find(known) : null;

    /// <summary>The language's text, else English's, else a sentence that is never wrong (for a value no language knows,
    /// such as a reason added by a newer engine than the host's languages).</summary>
    private static string Text(string? text, string? english) =>
        !string.IsNullOrEmpty(text) ? text
        : !string.IsNullOrEmpty(english) ? english
        : EnglishMessages.Unknown;
}
