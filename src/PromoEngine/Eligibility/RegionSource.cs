namespace PromoEngine;

/// <summary>Whose region a region restriction judges. The names and values are stable.</summary>
public enum RegionSource
{
    /// <summary>Where the customer is: <see cref="CustomerProfile.Region"/>.</summary>
    Customer = 0,

    /// <summary>Where the order is delivered: <see cref="Cart.ShippingRegion"/>.</summary>
    ShippingAddress = 1,
}
