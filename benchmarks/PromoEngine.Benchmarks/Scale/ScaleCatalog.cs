using System;
using System.Collections.Generic;
using System.Linq;

namespace PromoEngine.Benchmarks.Scale;

/// <summary>The cart and the catalogs of <see cref="ScaleBenchmarks"/> (see its remarks), also used by
/// <see cref="CatalogUpdateBenchmarks"/> and <see cref="ColdJsonCompileBenchmarks"/>.</summary>
public static class ScaleCatalog
{
    private static readonly Currency Usd = Currency.Usd;

    /// <summary>The cart: two lines promotions can target, 18 they cannot; the customer and channel the first two
    /// promotions of every customer-targeting kind admit.</summary>
    public static Cart Cart()
    {
        var lines = Enumerable.Range(0, 20).Select(i => i < 2
            ? new CartLine($"l{i}", $"s{i}", new Money(500 + i, Usd), 1, [$"c{i}"], [$"t{i}"], $"b{i}")
            : new CartLine($"l{i}", $"x{i}", new Money(1 + i, Usd), 1 + (i % 3), [$"xc{i}"], [$"xt{i}"], $"xb{i}"));
        var customer = CustomerProfile.Registered("customer-1")
            .WithSegments(["seg0", "seg1"])
            .WithMemberships(["m0", "m1"])
            .WithRegion(new Region("DE", "BE"))
            .WithPreviousOrders(0);
        return new Cart(Usd, lines, customer, new Money(4.99m, Usd), channel: "web");
    }

    /// <summary>The first <paramref name="count"/> promotions of a kind's catalog; the first two target the cart.</summary>
    public static IEnumerable<Promotion> Promotions(TargetingKind kind, int count) =>
        Enumerable.Range(0, count).Select(i => Promotion(kind, i));

    /// <summary>Promotion <paramref name="i"/> of a kind's catalog, with id <c>p{i:D6}</c>.</summary>
    /// <param name="kind">How it targets a cart.</param>
    /// <param name="i">Its number: 0 and 1 target the cart.</param>
    /// <param name="status">Its status.</param>
    /// <param name="percent">Its percentage off, or the default 10 to 30 percent by number.</param>
    public static Promotion Promotion(TargetingKind kind, int i, PromotionStatus status = PromotionStatus.Active, decimal? percent = null)
    {
        var matches = i < 2;
        var builder = PromoEngine.Promotion.Create($"p{i:D6}", $"Promotion {i}").WithStatus(status);
        builder = kind switch
        {
            TargetingKind.Sku => builder.ForItems(ItemFilter.Skus($"s{i}")),
            TargetingKind.Category => builder.ForItems(ItemFilter.Categories($"c{i}")),
            TargetingKind.Tag => builder.ForItems(ItemFilter.Tags($"t{i}")),
            TargetingKind.Brand => builder.ForItems(ItemFilter.Brands($"b{i}")),
            TargetingKind.UnitPrice => builder.ForItems(ItemFilter.UnitPriceBetween(new Money(500 + i, Usd), new Money(500 + i, Usd))),
            TargetingKind.Segment => builder.ForItems(ItemFilter.All).Require(Restriction.Segments($"seg{i}")),
            TargetingKind.Membership => builder.ForItems(ItemFilter.All).Require(Restriction.MembersOnly($"m{i}")),
            TargetingKind.Region => builder.ForItems(ItemFilter.All).Require(Restriction.Regions(i switch
            {
                0 => new Region("DE"),
                1 => new Region("DE", "BE"),
                _ => new Region("US", $"S{i}"),
            })),
            TargetingKind.Channel => builder.ForItems(ItemFilter.All).Require(Restriction.Channels(matches ? "web" : $"ch{i}")),
            TargetingKind.OrderHistory => builder.ForItems(ItemFilter.All)
                .Require(matches ? Restriction.PreviousOrders(atMost: 0) : Restriction.NthOrder(i + 1)),
            TargetingKind.Code => builder.ForItems(ItemFilter.All).WithCode($"CODE{i}"),
            TargetingKind.Everything => matches
                ? builder.ForItems(ItemFilter.All)
                : builder.ForItems(ItemFilter.All).Require(Restriction.MinimumSubtotal(new Money(1_000_000 + i, Usd))),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a targeting kind."),
        };
        return builder.Giving(Discount.PercentOffItems(percent ?? 10m + (i % 5 * 5))).Build();
    }

    /// <summary>A catalog mixing every kind (promotion <c>i</c> of kind <c>i % kinds</c>), as a large shop's would.</summary>
    public static List<Promotion> Mixed(int count)
    {
        var kinds = Enum.GetValues<TargetingKind>();
        return [.. Enumerable.Range(0, count).Select(i => Promotion(kinds[i % kinds.Length], i))];
    }
}
