using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using PromoEngine.Internal;

namespace PromoEngine;

/// <summary>A condition on the customer or the cart that a promotion needs; each has its own rejection reason.</summary>
/// <remarks>Immutable and thread-safe. Build restrictions with the static factories; a promotion needs all of its
/// restrictions to hold.</remarks>
public abstract partial class Restriction
{
    private protected Restriction()
    {
    }

    /// <summary>The currency of the amounts the restriction names, or null when it names none.</summary>
    internal virtual Currency? AmountCurrency => null;

    /// <summary>The qualifying items must add up to at least this amount, at their prices before any discount.</summary>
    /// <param name="amount">The minimum, more than zero and rounded to the minor unit.</param>
    /// <returns>The restriction; when it fails the rejection and the hint carry the shortfall.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="amount"/> is not positive.</exception>
    /// <exception cref="ArgumentException"><paramref name="amount"/> is not rounded.</exception>
    public static Restriction MinimumSubtotal(Money amount) => MinimumSubtotal(amount, ThresholdBasis.BeforeDiscounts);

    /// <summary>The qualifying items must add up to at least this amount, measured on the prices that
    /// <paramref name="measuredOn"/> names: "spend $50 after your other discounts" is
    /// <c>MinimumSubtotal(50 USD, ThresholdBasis.AfterHigherLanes)</c>.</summary>
    /// <param name="amount">The minimum, more than zero and rounded to the minor unit.</param>
    /// <param name="measuredOn">Before any discount, or after the promotions of higher lanes.</param>
    /// <returns>The restriction; when it fails the rejection and the hint carry the shortfall (after higher lanes: from
    /// what is left when the promotion's lane begins).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="amount"/> is not positive, or
    /// <paramref name="measuredOn"/> is not a defined value.</exception>
    /// <exception cref="ArgumentException"><paramref name="amount"/> is not rounded.</exception>
    public static Restriction MinimumSubtotal(Money amount, ThresholdBasis measuredOn)
    {
        CheckBasis(measuredOn, nameof(measuredOn));
        if (amount.Currency.IsDefault || !amount.IsRounded)
        {
            throw new ArgumentException($"A minimum subtotal must be an amount rounded to its minor unit; {amount} is not.", nameof(amount));
        }

        return amount.Amount <= 0m
            ? throw new ArgumentOutOfRangeException(nameof(amount), amount, "A minimum subtotal must be more than zero.")
            : new MinimumSubtotalRestriction(Guard.WithinMaxAmount(amount), measuredOn);
    }

    private static void CheckBasis(ThresholdBasis basis, string name)
    {
        if (basis is not (ThresholdBasis.BeforeDiscounts or ThresholdBasis.AfterHigherLanes))
        {
            throw new ArgumentOutOfRangeException(name, basis, "Not a defined ThresholdBasis value.");
        }
    }

    /// <summary>Whether the restriction measures a threshold after the promotions of higher lanes, which the evaluator
    /// checks when the promotion's lane begins rather than at the gate.</summary>
    internal virtual bool MeasuredAfterHigherLanes => false;

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
    /// <param name="regions">The regions; at least one, none twice, none inside another.</param>
    /// <returns>The restriction, on <see cref="CustomerProfile.Region"/>; a customer whose region is unknown does not
    /// qualify.</returns>
    /// <exception cref="ArgumentException"><paramref name="regions"/> is empty, or names a region twice or one
    /// inside another.</exception>
    public static Restriction Regions(params IEnumerable<Region> regions)
    {
        var list = ImmutableArray.CreateRange(Guard.NotNull(regions));
        return list.IsEmpty
            ? throw new ArgumentException("At least one region is required.", nameof(regions))
            : RegionRestriction.Create(list, [], RegionSource.Customer, nameof(regions), nameof(regions));
    }

    /// <summary>Only in one of the allowed regions but not in an excluded one, judged on the customer's region or on
    /// the shipping address: "everywhere in the US but AK and HI, by shipping address" is
    /// <c>Regions([new("US")], except: [new("US", "AK"), new("US", "HI")], of: RegionSource.ShippingAddress)</c>.</summary>
    /// <param name="allowed">The allowed regions (a country includes its subdivisions); empty for anywhere but the
    /// excluded ones. None twice, none inside another.</param>
    /// <param name="except">The excluded regions, each strictly inside an allowed region when there are any. None
    /// twice, none inside another.</param>
    /// <param name="of">Whose region counts.</param>
    /// <returns>The restriction. An unknown region (a customer without one, a cart without a shipping region) never
    /// qualifies, not even for an exclusion-only restriction: nobody can tell it is outside the excluded places.</returns>
    /// <exception cref="ArgumentException">Both lists are empty; a list names a region twice or one inside another;
    /// a region is both allowed and excluded; or an exclusion lies outside every allowed region.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="of"/> is not a defined value.</exception>
    public static Restriction Regions(IEnumerable<Region> allowed, IEnumerable<Region> except, RegionSource of = RegionSource.Customer)
    {
        var allowedList = ImmutableArray.CreateRange(Guard.NotNull(allowed));
        var exceptList = ImmutableArray.CreateRange(Guard.NotNull(except));
        if (of is not (RegionSource.Customer or RegionSource.ShippingAddress))
        {
            throw new ArgumentOutOfRangeException(nameof(of), of, "Not a defined RegionSource value.");
        }

        return allowedList.IsEmpty && exceptList.IsEmpty
            ? throw new ArgumentException("A region restriction needs at least one allowed or excluded region.", nameof(allowed))
            : RegionRestriction.Create(allowedList, exceptList, of, nameof(allowed), nameof(except));
    }

    /// <summary>Anywhere but these regions, judged on the customer's region (for the shipping address, use
    /// <see cref="Regions(IEnumerable{Region}, IEnumerable{Region}, RegionSource)"/> with no allowed region).</summary>
    /// <param name="excluded">The excluded regions; at least one, none twice, none inside another.</param>
    /// <returns>The restriction; a customer whose region is unknown does not qualify.</returns>
    /// <exception cref="ArgumentException"><paramref name="excluded"/> is empty, or names a region twice or one
    /// inside another.</exception>
    public static Restriction ExceptRegions(params IEnumerable<Region> excluded)
    {
        var list = ImmutableArray.CreateRange(Guard.NotNull(excluded));
        return list.IsEmpty
            ? throw new ArgumentException("At least one excluded region is required.", nameof(excluded))
            : RegionRestriction.Create([], list, RegionSource.Customer, nameof(excluded), nameof(excluded));
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

internal sealed class MinimumSubtotalRestriction(Money amount, ThresholdBasis measuredOn) : Restriction
{
    public Money Amount { get; } = amount;

    public ThresholdBasis MeasuredOn { get; } = measuredOn;

    internal override bool MeasuredAfterHigherLanes => MeasuredOn == ThresholdBasis.AfterHigherLanes;

    internal override Currency? AmountCurrency => Amount.Currency;

    public override string ToString() => $"qualifying items of at least {Amount}" + (MeasuredAfterHigherLanes ? " after higher lanes" : string.Empty);
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

internal sealed class RegionRestriction : Restriction
{
    private RegionRestriction(ImmutableArray<Region> allowed, ImmutableArray<Region> excluded, RegionSource of)
    {
        Allowed = allowed;
        Excluded = excluded;
        Of = of;
    }

    /// <summary>The allowed regions; empty for anywhere but <see cref="Excluded"/>.</summary>
    public ImmutableArray<Region> Allowed { get; }

    public ImmutableArray<Region> Excluded { get; }

    public RegionSource Of { get; }

    public static RegionRestriction Create(ImmutableArray<Region> allowed, ImmutableArray<Region> excluded, RegionSource of, string allowedName, string excludedName)
    {
        Distinct(allowed, "allowed", allowedName);
        Distinct(excluded, "excluded", excludedName);
        foreach (var region in excluded)
        {
            if (allowed.Contains(region))
            {
                throw new ArgumentException($"The region {region} is both allowed and excluded.", excludedName);
            }

            if (!allowed.IsEmpty && !allowed.Any(a => a.Contains(region)))
            {
                throw new ArgumentException(
                    $"The excluded region {region} lies outside every allowed region ({string.Join(", ", allowed)}): excluding it changes nothing.", excludedName);
            }
        }

        return new RegionRestriction(allowed, excluded, of);
    }

    /// <summary>Tells whether a region qualifies; an unknown one never does.</summary>
    public bool Admits(Region? region) =>
        region is { } r && (Allowed.IsEmpty || Allowed.Any(a => a.Contains(r))) && !Excluded.Any(e => e.Contains(r));

    /// <summary>Such as <c>US, except US-AK, US-HI</c>, or <c>anywhere except CA, MX</c>.</summary>
    public string Describe() =>
        Allowed.IsEmpty ? "anywhere except " + string.Join(", ", Excluded)
        : Excluded.IsEmpty ? string.Join(", ", Allowed)
        : $"{string.Join(", ", Allowed)}, except {string.Join(", ", Excluded)}";

    public override string ToString() =>
        (Of == RegionSource.Customer ? "customers" : "deliveries") + (Allowed.IsEmpty ? " " : Of == RegionSource.Customer ? " in " : " to ") + Describe();

    private static void Distinct(ImmutableArray<Region> regions, string kind, string paramName)
    {
        for (var i = 0; i < regions.Length; i++)
        {
            if (regions[i].Country is null)
            {
                throw new ArgumentException("A region needs a country; default(Region) is not one.", paramName);
            }

            for (var j = 0; j < i; j++)
            {
                if (regions[i] == regions[j])
                {
                    throw new ArgumentException($"The region {regions[i]} appears twice among the {kind} regions.", paramName);
                }

                var (inner, outer) = regions[j].Contains(regions[i]) ? (regions[i], regions[j]) : (regions[j], regions[i]);
                if (outer.Contains(inner))
                {
                    throw new ArgumentException($"The region {inner} lies inside {outer}, which is {kind} already.", paramName);
                }
            }
        }
    }
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
