namespace PromoEngine;

/// <summary>Which eligible units a discount reduces first: the units a buy-X-get-Y discounts, or the units a unit limit
/// (<see cref="Discount.LimitUnits"/>) lets a discount take.</summary>
public enum UnitSelection
{
    /// <summary>The cheapest eligible units are discounted; the dearest ones count as the bought units.</summary>
    Cheapest = 0,

    /// <summary>The dearest eligible units are discounted; the cheapest ones count as the bought units.</summary>
    MostExpensive = 1,
}
