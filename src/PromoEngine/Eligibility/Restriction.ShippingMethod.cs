using System.Collections.Generic;
using System.Collections.Immutable;
using PromoEngine.Internal;

namespace PromoEngine;

// The shipping-method kind of restriction. Its parts: the factory here, the check in the evaluator's gate
// (PromotionEvaluator.Gate.cs, CheckCustomer), the JSON shape { "type": "shippingMethods", "methods": [...] }
// (Serialization/PromotionJson.Parts.cs).
public abstract partial class Restriction
{
    /// <summary>Only carts whose chosen shipping method (<see cref="Cart.ShippingMethod"/>) is one of these: "free
    /// standard shipping" is <c>ShippingMethods("standard")</c> on a free-shipping promotion.</summary>
    /// <param name="methods">The method ids; at least one, compared ordinally.</param>
    /// <returns>The restriction; when it fails (or the cart names no method) the promotion is rejected with
    /// <see cref="RejectionReason.ShippingMethodNotEligible"/>, whose <see cref="Rejection.Allowed"/> lists the
    /// methods.</returns>
    /// <exception cref="System.ArgumentException">There is no method, or one is malformed.</exception>
    public static Restriction ShippingMethods(params IEnumerable<string> methods) =>
        new ShippingMethodRestriction(Text.NonEmptyIdentifiers(methods, nameof(methods)));
}

/// <summary>A restriction on the shipping method the cart names.</summary>
internal sealed class ShippingMethodRestriction(ImmutableArray<string> methods) : Restriction
{
    public ImmutableArray<string> Allowed { get; } = methods;

    public override string ToString() => "shipping by " + string.Join(", ", Allowed);
}
