using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using PromoEngine.Internal;

namespace PromoEngine;

/// <summary>A condition on the customer or the cart that a promotion needs; each has its own rejection reason.</summary>
/// <remarks>Immutable and thread-safe. Build restrictions with the static factories; a promotion needs all of its
/// restrictions to hold.</remarks>
public abstract class Restriction
{
    private protected Restriction()
    {
    }

    /// <summary>The qualifying items must add up to at least this amount, at their prices before any discount.</summary>
    /// <param name="amount">The minimum, more than zero and rounded to the minor unit.</param>
    /// <returns>The restriction; when it fails the rejection and the hint carry the shortfall.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="amount"/> is not positive.</exception>
    /// <exception cref="ArgumentException"><paramref name="amount"/> is not rounded.</exception>
    public static Restriction MinimumSubtotal(Money amount)
    {
        if (amount.Currency.IsDefault || !amount.IsRounded)
        {
            throw new ArgumentException($"A minimum subtotal must be an amount rounded to its minor unit; {amount} is not.", nameof(amount));
        }

        return amount.Amount <= 0m
            ? throw new ArgumentOutOfRangeException(nameof(amount), amount, "A minimum subtotal must be more than zero.")
            : new MinimumSubtotalRestriction(amount);
    }

    /// <summary>The cart must hold at least this many qualifying units.</summary>
    /// <param name="quantity">The minimum, one or more.</param>
    /// <returns>The restriction; when it fails the rejection and the hint carry the missing quantity.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="quantity"/> is below one.</exception>
    public static Restriction MinimumQuantity(int quantity) => new MinimumQuantityRestriction(Guard.Positive(quantity));

    /// <summary>Only customers with one of these memberships (such as <c>prime</c>).</summary>
    /// <param name="memberships">The memberships; at least one.</param>
    /// <returns>The restriction.</returns>
    public static Restriction MembersOnly(params IEnumerable<string> memberships) => new MembershipRestriction(Text.NonEmptyIdentifiers(memberships, nameof(memberships)));

    /// <summary>Only customers in one of these regions (a country includes its subdivisions).</summary>
    /// <param name="regions">The regions; at least one.</param>
    /// <returns>The restriction.</returns>
    public static Restriction Regions(params IEnumerable<Region> regions)
    {
        var list = ImmutableArray.CreateRange(Guard.NotNull(regions));
        return list.IsEmpty ? throw new ArgumentException("At least one region is required.", nameof(regions)) : new RegionRestriction(list);
    }

    /// <summary>Only carts from one of these sales channels.</summary>
    /// <param name="channels">The channels; at least one.</param>
    /// <returns>The restriction.</returns>
    public static Restriction Channels(params IEnumerable<string> channels) => new ChannelRestriction(Text.NonEmptyIdentifiers(channels, nameof(channels)));

    /// <summary>Only customers in at least one of these segments.</summary>
    /// <param name="segments">The segments; at least one.</param>
    /// <returns>The restriction.</returns>
    public static Restriction Segments(params IEnumerable<string> segments) => new SegmentRestriction(Text.NonEmptyIdentifiers(segments, nameof(segments)));

    /// <summary>Gets the restriction to a customer's first order.</summary>
    /// <value>Only first orders.</value>
    public static Restriction FirstOrderOnly { get; } = new FirstOrderRestriction();

}

internal sealed class MinimumSubtotalRestriction(Money amount) : Restriction
{
    public Money Amount { get; } = amount;

    public override string ToString() => $"qualifying items of at least {Amount}";
}

internal sealed class MinimumQuantityRestriction(int quantity) : Restriction
{
    public int Quantity { get; } = quantity;

    public override string ToString() => FormattableString.Invariant($"at least {Quantity} qualifying items");
}

internal sealed class MembershipRestriction(ImmutableArray<string> memberships) : Restriction
{
    public ImmutableArray<string> Memberships { get; } = memberships;

    public override string ToString() => "members of " + string.Join(", ", Memberships);
}

internal sealed class RegionRestriction(ImmutableArray<Region> regions) : Restriction
{
    public ImmutableArray<Region> Allowed { get; } = regions;

    public override string ToString() => "customers in " + string.Join(", ", Allowed);
}

internal sealed class ChannelRestriction(ImmutableArray<string> channels) : Restriction
{
    public ImmutableArray<string> Allowed { get; } = channels;

    public override string ToString() => "channels " + string.Join(", ", Allowed);
}

internal sealed class SegmentRestriction(ImmutableArray<string> segments) : Restriction
{
    public ImmutableArray<string> Allowed { get; } = segments;

    public override string ToString() => "segments " + string.Join(", ", Allowed);
}

internal sealed class FirstOrderRestriction : Restriction
{
    public override string ToString() => "first orders";
}
