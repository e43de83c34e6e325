using System;
using System.Collections.Concurrent;

namespace PromoEngine.Checkout;

/// <summary>
/// The customers' wallets, kept by the store (in memory here; a table keyed by customer id in a real shop). Evaluation
/// reads a customer's wallet from here, never from the posted cart: wallet codes are not counted as code attempts nor
/// hidden, so a wallet a client could post would be a way around the limiter.
/// </summary>
public sealed class WalletStore
{
    private readonly ConcurrentDictionary<string, CustomerWallet> _wallets = new(StringComparer.Ordinal);

    /// <summary>The wallet of a customer; empty for a guest or a customer who holds nothing.</summary>
    public CustomerWallet For(CustomerProfile customer) =>
        customer.Id is { } id && _wallets.TryGetValue(id, out var wallet) ? wallet : CustomerWallet.Empty;

    /// <summary>Adds an entry to a customer's wallet; the library's bounds (<see cref="CustomerWallet.MaxEntries"/>, each
    /// code once) throw its ArgumentException, with a message.</summary>
    public CustomerWallet Add(CustomerProfile customer, WalletEntry entry) =>
        _wallets.AddOrUpdate(customer.Id ?? throw new ArgumentException("A guest has no wallet in this store.", nameof(customer)), _ => CustomerWallet.Of([entry]), (_, wallet) => wallet.With(entry));

    /// <summary>The cart with its customer's wallet from the store.</summary>
    public Cart WithWallet(Cart cart) => For(cart.Customer) is { IsEmpty: false } wallet
        ? new Cart(cart.Currency, cart.Lines, cart.Customer.WithWallet(wallet), cart.Shipping, cart.Channel, cart.ShippingRegion)
        : cart;
}

/// <summary>A coupon a customer clips on the coupon page: its code, and until when the clip holds (ISO 8601), if not for
/// ever.</summary>
public sealed record ClipRequest(string Code, DateTimeOffset? ValidUntil = null);
