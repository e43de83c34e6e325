using System;
using NodaTime;

namespace PromoEngine;

/// <summary>A promotion a customer holds without typing anything: its code, how it came into the wallet, and the
/// entry's own validity (from when, until when), which may be shorter than the promotion's schedule ("clipped coupons
/// are good for 14 days").</summary>
/// <remarks>
/// <para>An entry applies as if its code were entered, subject to every check a typed code passes (the promotion's
/// status and schedule, restrictions, ownership, usage limits, the combination model); outside its own validity it is
/// rejected with <see cref="RejectionReason.NotStarted"/> or <see cref="RejectionReason.Expired"/>, whose
/// <see cref="Rejection.Boundary"/> is then the entry's <see cref="ValidFrom"/> or <see cref="ValidUntil"/>.</para>
/// <para>Immutable and thread-safe, with value equality (the code, the kind and the two instants).</para>
/// </remarks>
public sealed record WalletEntry
{
    /// <summary>Initializes a new instance of the <see cref="WalletEntry"/> class.</summary>
    /// <param name="code">The code the entry stands for; it is normalized (see <see cref="PromotionCode.Normalize"/>).</param>
    /// <param name="kind">How it came into the wallet.</param>
    /// <param name="validFrom">The first instant it may be used; from always when <see langword="null"/>.</param>
    /// <param name="validUntil">The first instant it may no longer be used (the validity is half-open); for ever when
    /// <see langword="null"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="code"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="code"/> is malformed (see <see cref="PromotionCode"/>), or
    /// <paramref name="validUntil"/> is not after <paramref name="validFrom"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="kind"/> is not a defined value.</exception>
    public WalletEntry(string code, WalletEntryKind kind = WalletEntryKind.Clipped, Instant? validFrom = null, Instant? validUntil = null)
    {
        Code = PromotionCode.Normalize(Internal.Guard.NotNull(code));
        if (!Enum.IsDefined(kind))
        {
            throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a defined wallet entry kind.");
        }

        if (validFrom is { } from && validUntil is { } until && until <= from)
        {
            throw new ArgumentException($"A wallet entry's validity must end after it starts ({from} to {until}).", nameof(validUntil));
        }

        Kind = kind;
        ValidFrom = validFrom;
        ValidUntil = validUntil;
    }

    /// <summary>Gets the code, normalized.</summary>
    /// <value>As the catalog resolves it.</value>
    public string Code { get; }

    /// <summary>Gets how the promotion came into the wallet.</summary>
    /// <value><see cref="WalletEntryKind.Clipped"/> unless said.</value>
    public WalletEntryKind Kind { get; }

    /// <summary>Gets the first instant the entry may be used.</summary>
    /// <value><see langword="null"/> when it has no start.</value>
    public Instant? ValidFrom { get; }

    /// <summary>Gets the first instant the entry may no longer be used.</summary>
    /// <value><see langword="null"/> when it does not expire.</value>
    public Instant? ValidUntil { get; }

    /// <summary>A coupon the customer clipped.</summary>
    /// <param name="code">The coupon's code.</param>
    /// <param name="validFrom">The first instant it may be used, if any.</param>
    /// <param name="validUntil">The first instant it may no longer be used, if any.</param>
    /// <returns>The entry.</returns>
    /// <exception cref="ArgumentException">As for the constructor.</exception>
    public static WalletEntry Clipped(string code, Instant? validFrom = null, Instant? validUntil = null) =>
        new(code, WalletEntryKind.Clipped, validFrom, validUntil);

    /// <summary>A code the merchant issued to the customer.</summary>
    /// <param name="code">The code.</param>
    /// <param name="validFrom">The first instant it may be used, if any.</param>
    /// <param name="validUntil">The first instant it may no longer be used, if any.</param>
    /// <returns>The entry.</returns>
    /// <exception cref="ArgumentException">As for the constructor.</exception>
    public static WalletEntry Issued(string code, Instant? validFrom = null, Instant? validUntil = null) =>
        new(code, WalletEntryKind.Issued, validFrom, validUntil);

    /// <summary>Whether the entry may be used at an instant.</summary>
    /// <param name="at">The instant.</param>
    /// <returns><see langword="true"/> from <see cref="ValidFrom"/> (inclusive) to <see cref="ValidUntil"/>
    /// (exclusive).</returns>
    public bool IsValidAt(Instant at) => (ValidFrom is not { } from || at >= from) && (ValidUntil is not { } until || at < until);
}
