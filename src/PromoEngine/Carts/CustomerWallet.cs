using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics.Contracts;
using System.Globalization;
using System.Linq;
using PromoEngine.Internal;

namespace PromoEngine;

/// <summary>The promotions a customer holds without typing anything: clipped coupons and codes issued to them, each
/// with its own validity. It travels with the customer (<see cref="CustomerProfile.Wallet"/>).</summary>
/// <remarks>
/// <para>Implementation note: the wallet sits on the <see cref="CustomerProfile"/>, not beside the codes passed to
/// <see cref="PromotionEvaluator.Evaluate"/>, because it is the customer's (it outlives carts, and what a personal code
/// checks is who holds it): the host loads it with the rest of the profile, and every call that takes a cart
/// (<see cref="PromotionEvaluator.Evaluate"/>, <see cref="PromotionEvaluator.UsageRequestFor"/>) sees it without a new
/// argument. The evaluator stays pure: the wallet is data passed in, never fetched.</para>
/// <para>Load the wallet from the host's own store, never from the shopper's request: its codes are not counted as code
/// attempts and not hidden by <see cref="EvaluationOptions.HideCodeStatus"/>, so a wallet a client could fill would be a
/// way around rate limiting and anti-enumeration. (Personal codes stay safe either way: ownership is checked against
/// the cart's customer.)</para>
/// <para>Immutable and thread-safe, with value equality: two wallets are equal when they hold equal entries in the same
/// order.</para>
/// </remarks>
public sealed class CustomerWallet : IEquatable<CustomerWallet>
{
    /// <summary>The most entries one wallet may hold: far more than a shopper clips, few enough that a wallet cannot make
    /// an evaluation do unbounded work (each entry is looked up and gated like a typed code).</summary>
    public const int MaxEntries = 100;

    private CustomerWallet(ImmutableArray<WalletEntry> entries) => Entries = entries;

    /// <summary>Gets the empty wallet.</summary>
    /// <value>No entries.</value>
    public static CustomerWallet Empty { get; } = new([]);

    /// <summary>Gets the entries, in the order given: when they compete for the order's code slots, the earlier ones
    /// are preferred as the codes entered first are (see <see cref="EvaluationOptions.WalletCountsTowardCodeLimit"/>).</summary>
    /// <value>Possibly empty; never default.</value>
    public ImmutableArray<WalletEntry> Entries { get; }

    /// <summary>Gets a value indicating whether the wallet holds nothing.</summary>
    /// <value><see langword="true"/> for <see cref="Empty"/>.</value>
    public bool IsEmpty => Entries.IsEmpty;

    /// <summary>Makes a wallet.</summary>
    /// <param name="entries">The entries; each code at most once.</param>
    /// <returns>The wallet (<see cref="Empty"/> when there is none).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="entries"/> is null or holds a null entry.</exception>
    /// <exception cref="ArgumentException">Two entries have the same code, or there are more than
    /// <see cref="MaxEntries"/> (the sequence is not read past it).</exception>
    public static CustomerWallet Of(IEnumerable<WalletEntry> entries)
    {
        Guard.NotNull(entries);
        var builder = ImmutableArray.CreateBuilder<WalletEntry>();
        var codes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            Guard.NotNull(entry, nameof(entries));
            if (builder.Count == MaxEntries)
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                    $"A wallet may hold at most {MaxEntries} entries (CustomerWallet.MaxEntries)."), nameof(entries));
            }

            if (!codes.Add(entry.Code))
            {
                throw new ArgumentException($"The wallet holds the code '{entry.Code}' twice; each code at most once.", nameof(entries));
            }

            builder.Add(entry);
        }

        return builder.Count == 0 ? Empty : new(builder.ToImmutable());
    }

    /// <summary>Returns a copy with one more entry, at the end.</summary>
    /// <param name="entry">The entry.</param>
    /// <returns>The changed copy, or this instance when it holds an equal entry already.</returns>
    /// <exception cref="ArgumentException">The wallet holds another entry with the same code, or is full.</exception>
    [Pure]
    public CustomerWallet With(WalletEntry entry)
    {
        Guard.NotNull(entry);
        return Entries.Contains(entry) ? this : Of(Entries.Append(entry));
    }

    /// <summary>Returns a copy without the entry of a code.</summary>
    /// <param name="code">The code, as typed or normalized.</param>
    /// <returns>The changed copy, or this instance when no entry has the code (or it cannot be read).</returns>
    [Pure]
    public CustomerWallet Without(string code)
    {
        Guard.NotNull(code);
        if (!PromotionCode.TryNormalize(code, out var normalized, out _) || !Entries.Any(e => e.Code == normalized))
        {
            return this;
        }

        return Of(Entries.Where(e => e.Code != normalized));
    }

    /// <inheritdoc/>
    public bool Equals(CustomerWallet? other) => other is not null && Entries.SequenceEqual(other.Entries);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as CustomerWallet);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = default(HashCode);
        foreach (var entry in Entries)
        {
            hash.Add(entry);
        }

        return hash.ToHashCode();
    }

    /// <summary>Compares two wallets by their entries.</summary>
    /// <param name="left">A wallet.</param>
    /// <param name="right">Another.</param>
    /// <returns>Whether they are equal.</returns>
    public static bool operator ==(CustomerWallet? left, CustomerWallet? right) => left is null ? right is null : left.Equals(right);

    /// <summary>Compares two wallets by their entries.</summary>
    /// <param name="left">A wallet.</param>
    /// <param name="right">Another.</param>
    /// <returns>Whether they differ.</returns>
    public static bool operator !=(CustomerWallet? left, CustomerWallet? right) => !(left == right);
}
