using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics.Contracts;
using PromoEngine.Internal;

namespace PromoEngine;

/// <summary>Who is buying: a customer id or a guest, segments, memberships, region, the order history (whether this is
/// a first order, how many orders came before), and the wallet of promotions the customer holds.</summary>
/// <remarks>Immutable and thread-safe. Segments and memberships compare ordinally. When the number of previous orders
/// is known, <see cref="IsFirstOrder"/> is whether it is zero.</remarks>
public sealed class CustomerProfile
{
    private CustomerProfile(string? id, ImmutableArray<string> segments, ImmutableArray<string> memberships, Region? region, bool isFirstOrder, CustomerWallet? wallet = null, int? previousOrders = null)
    {
        Wallet = wallet ?? CustomerWallet.Empty;
        PreviousOrders = previousOrders;
        Id = id;
        Segments = segments;
        Memberships = memberships;
        Region = region;
        IsFirstOrder = isFirstOrder;
    }

    /// <summary>Gets a guest: no id, no segments, no memberships, no region, not a first order.</summary>
    /// <value>The anonymous customer.</value>
    public static CustomerProfile Guest { get; } = new(null, [], [], null, false);

    /// <summary>Gets the customer's key for per-customer limits: the host's customer id, or a normalized e-mail.</summary>
    /// <value><see langword="null"/> for a guest.</value>
    public string? Id { get; }

    /// <summary>Gets a value indicating whether the customer has no id.</summary>
    /// <value><see langword="true"/> for a guest.</value>
    public bool IsGuest => Id is null;

    /// <summary>Gets the customer's segments, sorted (such as <c>vip</c>, <c>employees</c>).</summary>
    /// <value>Possibly empty.</value>
    public ImmutableArray<string> Segments { get; }

    /// <summary>Gets the customer's memberships, sorted (such as <c>prime</c>).</summary>
    /// <value>Possibly empty.</value>
    public ImmutableArray<string> Memberships { get; }

    /// <summary>Gets where the customer is, if known.</summary>
    /// <value><see langword="null"/> when unknown; promotions restricted by the customer's region then do not apply.</value>
    public Region? Region { get; }

    /// <summary>Gets a value indicating whether this is the customer's first order.</summary>
    /// <value><see langword="false"/> unless said.</value>
    public bool IsFirstOrder { get; }

    /// <summary>Makes a registered customer.</summary>
    /// <param name="id">The customer's key: trimmed, 1 to 200 characters, no control characters.</param>
    /// <returns>A customer with that id and nothing else.</returns>
    /// <exception cref="System.ArgumentException"><paramref name="id"/> is empty or malformed.</exception>
    public static CustomerProfile Registered(string id) => new(Text.Identifier(id), [], [], null, false);

    /// <summary>Returns a copy in the given segments.</summary>
    /// <param name="segments">The segments; duplicates are dropped.</param>
    /// <returns>The changed copy.</returns>
    [Pure]
    public CustomerProfile WithSegments(IEnumerable<string> segments) =>
        new(Id, Text.Identifiers(Guard.NotNull(segments)), Memberships, Region, IsFirstOrder, Wallet, PreviousOrders);

    /// <summary>Returns a copy with the given memberships.</summary>
    /// <param name="memberships">The memberships; duplicates are dropped.</param>
    /// <returns>The changed copy.</returns>
    [Pure]
    public CustomerProfile WithMemberships(IEnumerable<string> memberships) =>
        new(Id, Segments, Text.Identifiers(Guard.NotNull(memberships)), Region, IsFirstOrder, Wallet, PreviousOrders);

    /// <summary>Returns a copy in the given region.</summary>
    /// <param name="region">The region, or <see langword="null"/> when unknown.</param>
    /// <returns>The changed copy, or this instance when nothing changes.</returns>
    [Pure]
    public CustomerProfile WithRegion(Region? region) =>
        region == Region ? this : new(Id, Segments, Memberships, region, IsFirstOrder, Wallet, PreviousOrders);

    /// <summary>Gets how many orders the customer placed before this one, from the host's records.</summary>
    /// <value><see langword="null"/> when unknown (unless said, and always for a <see cref="Guest"/> unless the host
    /// says otherwise): restrictions on the order history (<see cref="Restriction.PreviousOrders"/>,
    /// <see cref="Restriction.NthOrder"/>) then do not apply, since nobody can tell a new customer from one who
    /// ordered before.</value>
    public int? PreviousOrders { get; }

    /// <summary>Returns a copy that says whether this is the customer's first order.</summary>
    /// <param name="isFirstOrder">Whether this is the first order.</param>
    /// <returns>The changed copy, or this instance when nothing changes. A first order has no previous order
    /// (<see cref="PreviousOrders"/> becomes 0); a copy that is not a first order keeps a known count above zero and
    /// forgets a count of zero.</returns>
    [Pure]
    public CustomerProfile WithFirstOrder(bool isFirstOrder = true) =>
        isFirstOrder == IsFirstOrder && (!isFirstOrder || PreviousOrders == 0) ? this
        : new(Id, Segments, Memberships, Region, isFirstOrder, Wallet, isFirstOrder ? 0 : PreviousOrders == 0 ? null : PreviousOrders);

    /// <summary>Returns a copy with the number of orders the customer placed before this one.</summary>
    /// <param name="count">The count, zero or more (zero: this is the first order), or <see langword="null"/> when
    /// unknown. A host that knows a guest's history (by e-mail, say) may set it on a guest too.</param>
    /// <returns>The changed copy, or this instance when nothing changes; when the count is known,
    /// <see cref="IsFirstOrder"/> is whether it is zero.</returns>
    /// <exception cref="System.ArgumentOutOfRangeException"><paramref name="count"/> is negative.</exception>
    [Pure]
    public CustomerProfile WithPreviousOrders(int? count)
    {
        if (count < 0)
        {
            throw new System.ArgumentOutOfRangeException(nameof(count), count, "A number of previous orders must be zero or more.");
        }

        var first = count is { } n ? n == 0 : IsFirstOrder;
        return count == PreviousOrders && first == IsFirstOrder ? this : new(Id, Segments, Memberships, Region, first, Wallet, count);
    }

    /// <summary>Gets the promotions the customer holds without typing anything: clipped coupons and codes issued to
    /// them (see <see cref="CustomerWallet"/>). The evaluator applies each as if its code were entered.</summary>
    /// <value><see cref="CustomerWallet.Empty"/> unless said. A guest may hold clipped coupons (a host keeps them with
    /// the session); a personal code in a guest's wallet is rejected as any guest typing it is, since guests own
    /// none.</value>
    public CustomerWallet Wallet { get; }

    /// <summary>Returns a copy holding the given wallet.</summary>
    /// <param name="wallet">The wallet; <see cref="CustomerWallet.Empty"/> for none.</param>
    /// <returns>The changed copy, or this instance when the wallets are equal.</returns>
    /// <exception cref="System.ArgumentNullException"><paramref name="wallet"/> is null.</exception>
    [Pure]
    public CustomerProfile WithWallet(CustomerWallet wallet) =>
        Guard.NotNull(wallet) == Wallet ? this : new(Id, Segments, Memberships, Region, IsFirstOrder, wallet, PreviousOrders);

    /// <summary>Returns a copy holding a wallet of the given entries.</summary>
    /// <param name="entries">The entries (see <see cref="CustomerWallet.Of"/>).</param>
    /// <returns>The changed copy, or this instance when the wallets are equal.</returns>
    /// <exception cref="System.ArgumentException">As for <see cref="CustomerWallet.Of"/>.</exception>
    [Pure]
    public CustomerProfile WithWallet(params IEnumerable<WalletEntry> entries) => WithWallet(CustomerWallet.Of(entries));
}
