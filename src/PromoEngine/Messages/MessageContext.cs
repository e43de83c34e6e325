using System;
using System.Globalization;
using NodaTime;
using NodaTime.Text;

namespace PromoEngine;

/// <summary>What a <see cref="ShopperMessages"/> language may use to word one message: the shopper's culture, the
/// promotion the message is about and the one that won over it, and formatting in that culture.</summary>
/// <remarks>An immutable value, built by <see cref="ShopperText"/> (or by a host testing its own language). Nothing in
/// it reads the ambient culture, the clock or any other global.</remarks>
public readonly struct MessageContext
{
    /// <summary>Initializes a new instance of the <see cref="MessageContext"/> struct.</summary>
    /// <param name="culture">The shopper's culture: numbers, money and dates are formatted in it.</param>
    /// <param name="promotion">The promotion the message is about, when the catalog has it.</param>
    /// <param name="winner">The promotion that won the units or the code slot (<see cref="Rejection.Winner"/>), when
    /// the catalog has it.</param>
    /// <exception cref="ArgumentNullException"><paramref name="culture"/> is null.</exception>
    public MessageContext(CultureInfo culture, Promotion? promotion = null, Promotion? winner = null)
    {
        ArgumentNullException.ThrowIfNull(culture);
        Culture = culture;
        Promotion = promotion;
        Winner = winner;
    }

    /// <summary>Gets the shopper's culture.</summary>
    /// <value>Never null for a context built with the constructor.</value>
    public CultureInfo Culture { get; }

    /// <summary>Gets the promotion the message is about.</summary>
    /// <value><see langword="null"/> for a code that matched none, or a promotion the catalog does not hold.</value>
    public Promotion? Promotion { get; }

    /// <summary>Gets the promotion that won over the one the message is about.</summary>
    /// <value><see langword="null"/> when the rejection names none, or the catalog does not hold it.</value>
    public Promotion? Winner { get; }

    /// <summary>Gets the name of the promotion the message is about, as the seller wrote it.</summary>
    /// <value>Empty when there is no promotion.</value>
    public string Name => Promotion?.Name ?? string.Empty;

    /// <summary>Gets the name of the promotion that won.</summary>
    /// <value>Empty when there is none.</value>
    public string WinnerName => Winner?.Name ?? string.Empty;

    /// <summary>Formats money as the shopper reads it (see <see cref="PromoEngine.Money.ToString(CultureInfo)"/>).</summary>
    /// <param name="amount">The amount.</param>
    /// <returns>Such as <c>12,50 €</c> in de-DE.</returns>
    public string Money(Money amount) => amount.ToString(Culture);

    /// <summary>Formats a count in the shopper's culture.</summary>
    /// <param name="count">The count.</param>
    /// <returns>Such as <c>1.000</c> in de-DE.</returns>
    public string Number(int count) => count.ToString("N0", Culture);

    /// <summary>Formats the day of an instant, as the clock shows it in the promotion's time zone (UTC when there is no
    /// promotion), with the culture's long date pattern.</summary>
    /// <param name="instant">The instant, such as <see cref="Rejection.Boundary"/>.</param>
    /// <returns>Such as <c>Friday, November 27, 2026</c> in en-US or <c>Freitag, 27. November 2026</c> in de-DE.</returns>
    public string Day(Instant instant) => LocalDatePattern.Create("D", Culture).Format(Local(instant).Date);

    /// <summary>Formats the time of day of an instant in the promotion's time zone (UTC when there is no promotion),
    /// with the culture's short time pattern.</summary>
    /// <param name="instant">The instant.</param>
    /// <returns>Such as <c>5:00 PM</c> in en-US or <c>17:00</c> in de-DE.</returns>
    public string Time(Instant instant) => LocalTimePattern.Create("t", Culture).Format(Local(instant).TimeOfDay);

    /// <summary>Gets the time zone the promotion's schedule is judged in.</summary>
    /// <value>UTC when there is no promotion.</value>
    public DateTimeZone Zone => Promotion?.Schedule.Zone ?? DateTimeZone.Utc;

    private LocalDateTime Local(Instant instant) => instant.InZone(Zone).LocalDateTime;
}
