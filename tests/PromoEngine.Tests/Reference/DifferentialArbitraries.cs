using System;
using System.Collections.Generic;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;

namespace PromoEngine.Tests.Reference;

/// <summary>
/// Generators of differential cases: small carts (so the reference can enumerate every assignment) over the whole
/// width of what the reference models: currencies with 0, 2 and 3 minor units, tiny to large prices, every item
/// filter, restriction and discount kind, automatic promotions, shared and claim codes, caps, usage limits and budgets
/// on complete and partial snapshots, statuses, schedules, lanes, exclusives, groups, code slots, rounding rules and
/// hidden code status. A new kind is one more line in <see cref="FilterGen"/>, <see cref="RestrictionGen"/> or
/// <see cref="DiscountGen"/> (and its spec in <c>ReferenceSpec.cs</c>).
/// </summary>
public static class DifferentialArbitraries
{
    public static readonly Currency[] Currencies = [Currency.Usd, Currency.Jpy, Currency.FromCode("BHD")];

    private static readonly string[] Skus = ["s1", "s2", "s3", "s4"];
    private static readonly string[] Categories = ["c1", "c2", "c3"];
    private static readonly string[] Tags = ["t1", "t2"];
    private static readonly string[] Brands = ["b1", "b2"];
    public static readonly Instant Base = Instant.FromUtc(2026, 6, 15, 12, 0);

    /// <summary>An amount in minor units of a currency, as money.</summary>
    private static decimal Minor(long units, Currency currency) => units / Pow10(currency.MinorUnits);

    private static decimal Pow10(int n) => n == 0 ? 1m : 10m * Pow10(n - 1);

    /// <summary>A price: zero sometimes, the smallest minor units, everyday prices, and up to 10,000.00.</summary>
    public static Gen<decimal> PriceGen(Currency currency) =>
        Gen.Frequency(
            (1, Gen.Constant(0m)),
            (2, Gen.Choose(1, 3).Select(u => Minor(u, currency))),
            (10, Gen.Choose(1, 200).Select(u => currency.MinorUnits == 0 ? u * 10m : u * 0.5m).Select(Rounded(currency))),
            (4, Gen.Choose(1, 20_000).Select(u => Minor(u, currency) * (currency.MinorUnits == 0 ? 1m : 1m))),
            (1, Gen.Choose(1, 1_000_000).Select(u => Minor(u, currency) * (currency.MinorUnits == 3 ? 10m : 1m)).Select(p => Math.Min(p, 10_000m))));

    private static Func<decimal, decimal> Rounded(Currency currency) => d => Math.Round(d, currency.MinorUnits);

    /// <summary>A positive amount for a discount, cap or threshold.</summary>
    private static Gen<decimal> AmountGen(Currency currency) =>
        Gen.Frequency(
            (1, Gen.Choose(1, 5).Select(u => Minor(u, currency))),
            (6, Gen.Choose(1, 60).Select(u => currency.MinorUnits == 0 ? u * 100m : u * 1m)),
            (2, Gen.Choose(1, 5_000).Select(u => Minor(u, currency) * (currency.MinorUnits == 0 ? 1m : 10m))));

    private static Gen<decimal> PercentGen => Gen.Elements(1m, 5m, 10m, 12.5m, 15m, 20m, 25m, 33m, 33.33m, 50m, 70m, 100m);

    private static Gen<CartLine> LineGen(int index, Currency currency, int maxQuantity) =>
        from sku in Gen.Elements(Skus)
        from price in PriceGen(currency)
        from quantity in Gen.Frequency((6, Gen.Choose(1, 2)), (2, Gen.Choose(3, Math.Max(3, maxQuantity))))
        from categories in Gen.SubListOf(Categories)
        from tags in Gen.Frequency((3, Gen.Constant<string[]>([])), (1, Gen.SubListOf(Tags).Select(t => t.ToArray())))
        from brand in Gen.Elements<string?>(null, "b1", "b2")
        select new CartLine($"L{index}", sku, new Money(price, currency), quantity, categories, tags: tags, brand: brand);

    public static Gen<Cart> CartGen(Currency currency) =>
        from count in Gen.Frequency((1, Gen.Constant(0)), (4, Gen.Choose(1, 2)), (3, Gen.Choose(3, 4)))
        from lines in Gen.CollectToArray(Enumerable.Range(0, count), i => LineGen(i, currency, count <= 2 ? 6 : 3))
        from shipping in Gen.Frequency((1, Gen.Constant(0m)), (3, PriceGen(currency)))
        from customer in Gen.Elements(
            CustomerProfile.Guest,
            CustomerProfile.Registered("u1"),
            CustomerProfile.Registered("u2").WithMemberships(["prime"]).WithFirstOrder(),
            CustomerProfile.Registered("u3").WithSegments(["vip"]).WithRegion(new Region("US", "AK")),
            CustomerProfile.Guest.WithRegion(new Region("CA")))
        from channel in Gen.Elements<string?>(null, "web", "app")
        from shipTo in Gen.Elements<Region?>(null, new Region("US", "NY"), new Region("US", "HI"), new Region("CA"))
        select new Cart(currency, lines, customer, new Money(shipping, currency), channel, shipTo);

    /// <summary>Every item filter kind, nested a little.</summary>
    public static Gen<RefFilter> FilterGen(int depth = 0)
    {
        (int, Gen<RefFilter>)[] leaves =
        [
            (6, Gen.Constant<RefFilter>(new RefAll())),
            (3, Gen.Elements(Skus).Select(s => (RefFilter)new RefSkus([s]))),
            (1, Gen.Constant<RefFilter>(new RefSkus(["s1", "s2"]))),
            (3, Gen.Elements(Categories).Select(c => (RefFilter)new RefCategories([c]))),
            (1, Gen.Elements(Tags).Select(t => (RefFilter)new RefTags([t]))),
            (1, Gen.Elements(Brands).Select(b => (RefFilter)new RefBrands([b]))),
        ];
        if (depth >= 1)
        {
            return Gen.Frequency(leaves);
        }

        var inner = FilterGen(depth + 1);
        return Gen.Frequency(
        [
            .. leaves,
            (1, inner.Select(f => (RefFilter)new RefNot(f is RefAll ? new RefSkus(["s4"]) : f))),
            (1, Gen.Two(inner).Select(t => (RefFilter)new RefAnyOf([t.Item1, t.Item2]))),
            (1, Gen.Two(inner).Select(t => (RefFilter)new RefAllOf([t.Item1, t.Item2]))),
        ]);
    }

    /// <summary>Every restriction kind.</summary>
    public static Gen<RefRestriction> RestrictionGen(Currency currency) =>
        Gen.OneOf(
            AmountGen(currency).Select(a => (RefRestriction)new RefMinimumSubtotal(a * 2m, currency)),
            Gen.Choose(2, 5).Select(q => (RefRestriction)new RefMinimumQuantity(q)),
            Gen.Constant<RefRestriction>(new RefMembers(["prime"])),
            Gen.Constant<RefRestriction>(new RefSegments(["vip", "staff"])),
            Gen.Elements<RefRestriction>(new RefChannels(["web"]), new RefChannels(["web", "app"])),
            Gen.Constant<RefRestriction>(new RefFirstOrder()),
            Gen.Elements<RefRestriction>(
                new RefRegions([new Region("US")], [], RegionSource.Customer),
                new RefRegions([new Region("US")], [new Region("US", "AK"), new Region("US", "HI")], RegionSource.ShippingAddress),
                new RefRegions([], [new Region("CA"), new Region("MX")], RegionSource.Customer)));

    /// <summary>Every discount kind.</summary>
    public static Gen<RefDiscount> DiscountGen(Currency currency) =>
        Gen.Frequency(
        [
            (4, PercentGen.Select(p => (RefDiscount)new RefPercentOffItems(p))),
            (2, AmountGen(currency).Select(a => (RefDiscount)new RefAmountOffEachItem(a, currency))),
            (2, from n in Gen.Choose(1, 3)
                from price in AmountGen(currency)
                from max in Gen.Elements<int?>(null, null, 1)
                select (RefDiscount)new RefFixedPrice(n, price, currency, max)),
            (4, from x in Gen.Choose(1, 2)
                from y in Gen.Choose(1, 2)
                from percent in Gen.Frequency((3, Gen.Constant(100m)), (1, PercentGen))
                from get in Gen.Frequency((3, Gen.Constant<RefFilter?>(null)), (1, Gen.Elements<RefFilter?>(new RefSkus(["s1"]), new RefCategories(["c2"]))))
                from selection in Gen.Frequency((3, Gen.Constant(UnitSelection.Cheapest)), (1, Gen.Constant(UnitSelection.MostExpensive)))
                from max in Gen.Elements<int?>(null, null, 1)
                select (RefDiscount)new RefBuyXGetY(x, y, percent, get, selection, max)),
            (3, PercentGen.Select(p => (RefDiscount)new RefPercentOffOrder(p))),
            (3, AmountGen(currency).Select(a => (RefDiscount)new RefAmountOffOrder(a, currency))),
            (2, from low in AmountGen(currency)
                from lowPercent in PercentGen
                from high in AmountGen(currency)
                from highAmount in AmountGen(currency)
                select (RefDiscount)new RefTiered(TierBasis.Subtotal, [(low, lowPercent, null), (low + high, null, highAmount)], currency)),
            (1, from low in Gen.Choose(1, 3)
                from percent in PercentGen
                from more in Gen.Choose(1, 3)
                from second in PercentGen
                select (RefDiscount)new RefTiered(TierBasis.Quantity, [(low, percent, null), (low + more, second, null)], currency)),
            (1, Gen.Constant<RefDiscount>(new RefShipping(100m, null, currency))),
            (1, PercentGen.Select(p => (RefDiscount)new RefShipping(p, null, currency))),
            (1, AmountGen(currency).Select(a => (RefDiscount)new RefShipping(null, a, currency))),
        ]);

    private static readonly string Letters = "ABCDEFGH";

    public static Gen<RefPromotion> PromotionGen(int index, Currency cartCurrency) =>
        from other in Gen.Frequency((19, Gen.Constant(false)), (1, Gen.Constant(true)))
        let currency = other ? Currencies.First(c => c != cartCurrency) : cartCurrency
        from discount in DiscountGen(currency)
        from filter in FilterGen()
        from priority in Gen.Choose(0, 2)
        from restrictions in Gen.Frequency((6, Gen.Constant(Array.Empty<RefRestriction>())), (3, RestrictionGen(currency).Select(r => new[] { r })), (1, Gen.ArrayOf(RestrictionGen(currency), 2)))
        from activation in Gen.Frequency((6, Gen.Constant(0)), (3, Gen.Constant(1)), (1, Gen.Constant(2)))
        from cap in Gen.Frequency((4, Gen.Constant<decimal?>(null)), (1, AmountGen(currency).Select(a => (decimal?)a)))
        from limits in Gen.Frequency((3, Gen.Constant<RefLimits?>(null)), (1, LimitsGen(currency).Select(l => (RefLimits?)l)))
        from status in Gen.Frequency((18, Gen.Constant(PromotionStatus.Active)), (1, Gen.Constant(PromotionStatus.Paused)), (1, Gen.Constant(PromotionStatus.Cancelled)))
        from schedule in Gen.Frequency((4, Gen.Constant((Start: (LocalDateTime?)null, End: (LocalDateTime?)null))), (1, ScheduleGen))
        from owner in Gen.Frequency((5, Gen.Constant<string?>(null)), (1, Gen.Elements<string?>("u1", "u2")))
        from combination in Gen.Frequency(
            (14, Gen.Constant("")),
            (1, Gen.Constant("exclusive")),
            (3, Gen.Elements("g1", "g2")),
            (2, Gen.Elements("combine-none", "combine-shipping", "combine-items", "combine-order")),
            (2, Gen.Elements("stop-items", "stop-all")))
        select new RefPromotion(
            $"P{index}",
            priority,
            discount,
            filter,
            restrictions,
            activation == 1 ? $"CODE{index}" : null,
            activation == 2 ? [$"KQ{Letters[index % Letters.Length]}X2", $"KQ{Letters[index % Letters.Length]}X3"] : null,
            cap,
            currency,
            limits,
            status,
            schedule.Start,
            schedule.End,
            combination == "exclusive",
            combination.StartsWith('g') ? combination : null,
            combination switch
            {
                "combine-none" => DiscountClasses.None,
                "combine-shipping" => DiscountClasses.Shipping,
                "combine-items" => DiscountClasses.Item | DiscountClasses.Shipping,
                "combine-order" => DiscountClasses.Order,
                _ => DiscountClasses.All,
            },
            combination switch
            {
                "stop-items" => StopScope.ItsItems,
                "stop-all" => StopScope.AllLowerLanes,
                _ => StopScope.None,
            },
            activation == 1 ? owner : null);

    private static Gen<RefLimits> LimitsGen(Currency currency) =>
        from total in Gen.Elements<int?>(null, 1, 3)
        from perCode in Gen.Elements<int?>(null, 1, 2)
        from perCustomer in Gen.Elements<int?>(null, null, 1)
        from budget in Gen.Frequency((2, Gen.Constant<decimal?>(null)), (1, AmountGen(currency).Select(a => (decimal?)a)))
        from budgetPolicy in Gen.Elements(BudgetPolicy.Hard, BudgetPolicy.Soft)
        from countPolicy in Gen.Elements(LimitPolicy.Hard, LimitPolicy.Soft)
        select new RefLimits(total, perCode, perCustomer, budget, currency, budgetPolicy, countPolicy);

    /// <summary>Start and end (either open) around the base instant, in UTC.</summary>
    private static Gen<(LocalDateTime? Start, LocalDateTime? End)> ScheduleGen =>
        from startHours in Gen.Choose(-72, 72)
        from length in Gen.Choose(1, 96)
        from open in Gen.Elements("none", "start", "end")
        let start = Base.Plus(Duration.FromHours(startHours)).InUtc().LocalDateTime
        select ((LocalDateTime?)(open == "start" ? null : start), (LocalDateTime?)(open == "end" ? null : start.PlusHours(length)));

    /// <summary>Codes as typed: a promotion's code in any case, with hyphens or spaces, an unknown one, repeats.</summary>
    public static Gen<string> TypedCodeGen(RefPromotion[] promotions)
    {
        var codes = promotions.SelectMany(p => p.Codes).ToArray();
        var known = codes.Length == 0
            ? Gen.Constant("NOPE")
            : from code in Gen.Elements(codes)
              from form in Gen.Choose(0, 3)
              select form switch
              {
                  1 => code.ToLowerInvariant(),
                  2 => code[..2] + "-" + code[2..],
                  3 => " " + code.ToLowerInvariant(),
                  _ => code,
              };
        return Gen.Frequency((6, known), (1, Gen.Elements("NOPE", "CODE9")));
    }

    public static Gen<RefUsage> UsageGen(RefPromotion[] promotions, Currency currency)
    {
        var limited = promotions.Where(p => p.Limits is not null || p.ClaimCodes is not null).ToArray();
        if (limited.Length == 0)
        {
            return Gen.Frequency((9, Gen.Constant(RefUsage.Empty(currency))), (1, Gen.Constant(RefUsage.Empty(currency) with { Complete = false })));
        }

        return from complete in Gen.Frequency((6, Gen.Constant(true)), (1, Gen.Constant(false)))
               from uses in Gen.ArrayOf(Gen.Choose(0, 3), limited.Length)
               from known in Gen.ArrayOf(Gen.Frequency((3, Gen.Constant(true)), (1, Gen.Constant(false))), limited.Length)
               from codeUses in Gen.ArrayOf(Gen.Choose(0, 2), limited.Length)
               from customerUses in Gen.ArrayOf(Gen.Choose(0, 1), limited.Length)
               from spentShare in Gen.ArrayOf(Gen.Elements(0m, 0.5m, 0.9m, 1m, -1m), limited.Length)
               select Build(complete, uses, known, codeUses, customerUses, spentShare);

        RefUsage Build(bool complete, int[] uses, bool[] known, int[] codeUses, int[] customerUses, decimal[] spentShare)
        {
            var usage = RefUsage.Empty(currency) with { Complete = complete };
            for (var i = 0; i < limited.Length; i++)
            {
                var p = limited[i];
                if (!known[i])
                {
                    continue;
                }

                usage = usage with { PromotionUses = usage.PromotionUses.SetItem(p.Id, uses[i]) };
                foreach (var code in p.Codes)
                {
                    usage = usage with { CodeUses = usage.CodeUses.SetItem(code, codeUses[i]) };
                }

                foreach (var customer in new[] { "u1", "u2", "u3" })
                {
                    usage = usage with { CustomerUses = usage.CustomerUses.SetItem((p.Id, customer), customerUses[i]) };
                }

                if (p.Limits?.Budget is { } budget && spentShare[i] >= 0m && p.Currency == currency)
                {
                    usage = usage with { Spent = usage.Spent.SetItem(p.Id, Math.Round(budget * spentShare[i], currency.MinorUnits, MidpointRounding.ToZero)) };
                }
            }

            return usage;
        }
    }

    private static Gen<EvaluationOptions> OptionsGen =>
        from slots in Gen.Frequency((1, Gen.Constant(0)), (6, Gen.Constant(1)), (3, Gen.Choose(2, 3)))
        from rounding in Gen.Frequency(
            (4, Gen.Constant(MidpointRounding.AwayFromZero)),
            (1, Gen.Elements(MidpointRounding.ToEven, MidpointRounding.ToZero, MidpointRounding.ToPositiveInfinity, MidpointRounding.ToNegativeInfinity)))
        from hide in Gen.Frequency((4, Gen.Constant(false)), (1, Gen.Constant(true)))
        from share in Gen.Elements(0m, 0.25m, 0.25m, 0.5m, 0.9m, 1m)
        select new EvaluationOptions { MaxCodesPerOrder = slots, Rounding = rounding, HideCodeStatus = hide, IncludeUnits = true, NearMissShare = share };

    public static Gen<RefCase> CaseGen =>
        from currency in Gen.Frequency((4, Gen.Constant(Currency.Usd)), (1, Gen.Constant(Currency.Jpy)), (1, Gen.Constant(Currencies[2])))
        from cart in CartGen(currency)
        from count in Gen.Frequency((1, Gen.Choose(0, 1)), (4, Gen.Choose(2, 3)), (2, Gen.Choose(4, 5)))
        from promotions in Gen.CollectToArray(Enumerable.Range(0, count), i => PromotionGen(i, currency))
        from codeCount in Gen.Frequency((2, Gen.Constant(0)), (3, Gen.Choose(1, 2)), (1, Gen.Choose(3, 4)))
        from codes in Gen.ArrayOf(TypedCodeGen(promotions), codeCount)
        from hours in Gen.Choose(-96, 96)
        from usage in UsageGen(promotions, currency)
        from options in OptionsGen
        select new RefCase(cart, promotions, codes, Base.Plus(Duration.FromHours(hours)), usage, options);

    /// <summary>Smaller cases first: fewer promotions, lines, codes, units; plainer promotions and usage.</summary>
    public static IEnumerable<RefCase> Shrink(RefCase c)
    {
        for (var i = 0; i < c.Promotions.Length; i++)
        {
            yield return c with { Promotions = [.. c.Promotions.Where((_, j) => j != i)] };
        }

        for (var i = 0; i < c.Cart.Lines.Length; i++)
        {
            yield return c with { Cart = WithLines(c.Cart, c.Cart.Lines.Where((_, j) => j != i)) };
        }

        for (var i = 0; i < c.Codes.Length; i++)
        {
            yield return c with { Codes = [.. c.Codes.Where((_, j) => j != i)] };
        }

        for (var i = 0; i < c.Cart.Lines.Length; i++)
        {
            var line = c.Cart.Lines[i];
            if (line.Quantity > 1)
            {
                yield return c with { Cart = WithLines(c.Cart, c.Cart.Lines.Select((l, j) => j == i ? new CartLine(l.LineId, l.Sku, l.UnitPrice, l.Quantity - 1, l.Categories, l.Tags, l.Brand) : l)) };
            }
        }

        if (c.Cart.Shipping.Amount != 0m)
        {
            yield return c with { Cart = new Cart(c.Cart.Currency, c.Cart.Lines, c.Cart.Customer, Money.Zero(c.Cart.Currency), c.Cart.Channel, c.Cart.ShippingRegion) };
        }

        for (var i = 0; i < c.Promotions.Length; i++)
        {
            var p = c.Promotions[i];
            RefPromotion[] With(RefPromotion q) => [.. c.Promotions.Select((x, j) => j == i ? q : x)];
            if (p.Restrictions.Length > 0)
            {
                yield return c with { Promotions = With(p with { Restrictions = [] }) };
            }

            if (p.Filter is not RefAll)
            {
                yield return c with { Promotions = With(p with { Filter = new RefAll() }) };
            }

            if (p.Cap is not null)
            {
                yield return c with { Promotions = With(p with { Cap = null }) };
            }

            if (p.Limits is not null)
            {
                yield return c with { Promotions = With(p with { Limits = null }) };
            }

            if (p.Start is not null || p.End is not null)
            {
                yield return c with { Promotions = With(p with { Start = null, End = null }) };
            }

            if (p.Exclusive || p.Group is not null || p.Combines != DiscountClasses.All || p.Stops != StopScope.None)
            {
                yield return c with { Promotions = With(p with { Exclusive = false, Group = null, Combines = DiscountClasses.All, Stops = StopScope.None }) };
            }

            if (p.Priority != 0)
            {
                yield return c with { Promotions = With(p with { Priority = 0 }) };
            }
        }

        if (!c.Usage.Complete || c.Usage.PromotionUses.Count > 0 || c.Usage.Spent.Count > 0)
        {
            yield return c with { Usage = RefUsage.Empty(c.Cart.Currency) };
        }

        if (c.Options.HideCodeStatus)
        {
            yield return c with { Options = c.Options with { HideCodeStatus = false } };
        }
    }

    private static Cart WithLines(Cart cart, IEnumerable<CartLine> lines) =>
        new(cart.Currency, lines, cart.Customer, cart.Shipping, cart.Channel, cart.ShippingRegion);

    public static Arbitrary<RefCase> RefCaseArb() => Arb.From(CaseGen, Shrink);
}
