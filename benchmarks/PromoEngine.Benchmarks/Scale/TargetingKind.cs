namespace PromoEngine.Benchmarks.Scale;

/// <summary>How the promotions of a <see cref="ScaleBenchmarks"/> catalog target a cart: every promotion of the catalog
/// targets it the same way, and exactly the first two target the benchmark's cart.</summary>
/// <remarks>Item attributes are not a kind: <see cref="ItemFilter"/> has no attribute filter today (a
/// <see cref="CartLine"/> holds attributes, but no promotion can target them).</remarks>
public enum TargetingKind
{
    /// <summary><see cref="ItemFilter.Skus"/>: promotion <c>i</c> targets SKU <c>s{i}</c>.</summary>
    Sku,

    /// <summary><see cref="ItemFilter.Categories"/>: promotion <c>i</c> targets category <c>c{i}</c>.</summary>
    Category,

    /// <summary><see cref="ItemFilter.Tags"/>: promotion <c>i</c> targets tag <c>t{i}</c>.</summary>
    Tag,

    /// <summary><see cref="ItemFilter.Brands"/>: promotion <c>i</c> targets brand <c>b{i}</c>.</summary>
    Brand,

    /// <summary><see cref="ItemFilter.UnitPriceBetween"/>: promotion <c>i</c> targets items priced exactly $500 + i.</summary>
    UnitPrice,

    /// <summary><see cref="Restriction.Segments"/> on every item: promotion <c>i</c> is for segment <c>seg{i}</c>.</summary>
    Segment,

    /// <summary><see cref="Restriction.MembersOnly"/> on every item: promotion <c>i</c> is for members of <c>m{i}</c>.</summary>
    Membership,

    /// <summary><see cref="Restriction.Regions(System.Collections.Generic.IEnumerable{Region})"/> on every item: the first
    /// two are for <c>DE</c> and <c>DE-BE</c> (the customer's region), the others for <c>US-S{i}</c>.</summary>
    Region,

    /// <summary><see cref="Restriction.Channels"/> on every item: the first two are for <c>web</c> (the cart's channel),
    /// the others for <c>ch{i}</c>.</summary>
    Channel,

    /// <summary><see cref="Restriction.PreviousOrders"/> and <see cref="Restriction.NthOrder"/> on every item: the first
    /// two are for first orders (the customer has none before), the others for order <c>i + 1</c>.</summary>
    OrderHistory,

    /// <summary><see cref="PromotionBuilder.WithCode"/> on every item: promotion <c>i</c> has code <c>CODE{i}</c>; the
    /// cart enters <c>CODE0</c> and <c>CODE1</c>.</summary>
    Code,

    /// <summary><see cref="ItemFilter.All"/>: the first two have no condition, the others need a subtotal of
    /// $1,000,000 + i, which the cart is far from.</summary>
    Everything,
}
