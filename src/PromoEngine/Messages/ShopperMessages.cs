using System;
using System.Globalization;

namespace PromoEngine;

/// <summary>One language of the text shoppers read: rejections, near-miss hints and receipt wording, each rendered from
/// its stable data (the <see cref="RejectionReason"/> or <see cref="HintKind"/> and their details) in a
/// <see cref="MessageContext"/>.</summary>
/// <remarks>
/// <para>English is built in (<see cref="English"/>). A host adds a language by deriving from this class, without
/// touching the engine, and hands it to <see cref="ShopperText"/>; the repository's
/// <c>samples/PromoEngine.Messages.German</c> is one, built on this public API alone.</para>
/// <para>Return <see langword="null"/> for what the language has no text for (a reason added after it was written):
/// <see cref="ShopperText"/> then falls back to English. Implementations must be thread-safe and must not read the
/// ambient culture: format with <see cref="MessageContext.Culture"/>.</para>
/// </remarks>
public abstract class ShopperMessages
{
    /// <summary>Initializes a new instance of the <see cref="ShopperMessages"/> class.</summary>
    /// <param name="language">The culture the texts are in; usually a neutral one (<c>de</c>), which serves every
    /// culture under it (de-DE, de-AT, de-CH).</param>
    /// <exception cref="ArgumentNullException"><paramref name="language"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="language"/> is the invariant culture.</exception>
    protected ShopperMessages(CultureInfo language)
    {
        ArgumentNullException.ThrowIfNull(language);
        if (language.Name.Length == 0)
        {
            throw new ArgumentException("A language needs a culture name, such as \"de\"; the invariant culture is not a language.", nameof(language));
        }

        Language = language;
    }

    /// <summary>Gets the built-in English texts.</summary>
    /// <value>Texts for every reason, hint kind and receipt term; the fallback of every other language.</value>
    public static ShopperMessages English { get; } = new EnglishMessages();

    /// <summary>Gets the culture the texts are in.</summary>
    /// <value>Such as <c>de</c>.</value>
    public CultureInfo Language { get; }

    /// <summary>Words why a code or promotion did not apply.</summary>
    /// <param name="rejection">The rejection, with its reason and details.</param>
    /// <param name="context">The culture, the promotion and the winner.</param>
    /// <returns>The text, or <see langword="null"/> when this language has none for the reason.</returns>
    public abstract string? Describe(Rejection rejection, MessageContext context);

    /// <summary>Words what a shopper can do to earn a promotion they nearly earned.</summary>
    /// <param name="hint">The hint, with its kind and details.</param>
    /// <param name="context">The culture and the promotion.</param>
    /// <returns>The text, or <see langword="null"/> when this language has none for the kind.</returns>
    public abstract string? Describe(NearMissHint hint, MessageContext context);

    /// <summary>Words a fixed term of a receipt.</summary>
    /// <param name="term">The term.</param>
    /// <param name="context">The culture.</param>
    /// <returns>The text, or <see langword="null"/> when this language has none for the term.</returns>
    public abstract string? Describe(ReceiptTerm term, MessageContext context);
}
