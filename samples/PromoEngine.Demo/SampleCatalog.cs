using NodaTime;

namespace PromoEngine.Demo;

/// <summary>One promotion of each kind a shop runs, as a host would define them in code.</summary>
internal static class SampleCatalog
{
    public static readonly DateTimeZone Shop = DateTimeZoneProviders.Tzdb["America/Los_Angeles"];

    public static Money Usd(decimal amount) => new(amount, Currency.Usd);

    /// <summary>The welcome vouchers' format: <c>WELCOME-7KQ2-MX4P-D</c>, with a check character that catches typos.</summary>
    public static readonly ClaimCodeFormat WelcomeFormat = new(length: 8, prefix: "WELCOME");

    /// <summary>Three single-use welcome codes, generated once for the demo (a shop stores the codes it issues).</summary>
    public static readonly string[] WelcomeCodes = ["WELCOME7KQ2MX4PD", "WELCOMER8TN2HVDL", "WELCOMEC3JW9ZFLR"];

    public static PromotionCatalog Create() => PromotionCatalog.Create(
    [
        // A 20%-off code on apparel.
        Promotion.Create("save20", "20% off apparel")
            .WithCode("SAVE20")
            .ForItems(ItemFilter.Categories("apparel"))
            .Giving(Discount.PercentOffItems(20))
            .Build(),

        // Single-use claim codes: each code once, $10 off orders of $50 or more.
        Promotion.Create("welcome10", "$10 welcome voucher")
            .WithClaimCodes(WelcomeCodes, WelcomeFormat)
            .Require(Restriction.MinimumSubtotal(Usd(50)))
            .Giving(Discount.AmountOffOrder(Usd(10)))
            .Build(),

        // A group claim code for the first 50 customers, once each.
        Promotion.Create("first50", "First 50 customers: 15% off")
            .WithCode("FIRST50")
            .WithLimits(new UsageLimits(perCode: 50, perCustomer: 1))
            .Giving(Discount.PercentOffItems(15))
            .Build(),

        // Buy one get one free on socks, automatic, in a higher lane than the codes.
        Promotion.Create("socks-bogo", "Socks: buy one, get one free")
            .ForItems(ItemFilter.Categories("socks"))
            .Giving(Discount.BuyXGetY(1, 1))
            .WithPriority(10)
            .Build(),

        // A social-media code: small, capped per customer and in total, and only through the app.
        Promotion.Create("insta10", "Instagram: 10% off")
            .WithCode("INSTA10")
            .WithLimits(new UsageLimits(total: 1_000, perCustomer: 1))
            .Giving(Discount.PercentOffItems(10))
            .WithMaxDiscount(Usd(25))
            .Build(),

        // An automatic deal with no code, for Black Friday weekend in the shop's time zone.
        Promotion.Create("bf-mugs", "Black Friday: $4 off every mug")
            .ForItems(ItemFilter.Categories("mugs"))
            .WithSchedule(Schedule.Days(new LocalDate(2026, 11, 27), new LocalDate(2026, 11, 30), Shop))
            .Giving(Discount.AmountOffEachItem(Usd(4)))
            .WithPriority(10)
            .Build(),

        // A code that ran out last month.
        Promotion.Create("fall15", "Fall sale: 15% off")
            .WithCode("FALL15")
            .WithSchedule(Schedule.Days(new LocalDate(2026, 10, 1), new LocalDate(2026, 10, 31), Shop))
            .Giving(Discount.PercentOffOrder(15))
            .Build(),

        // Free shipping over $75.
        Promotion.Create("ship75", "Free shipping over $75")
            .Require(Restriction.MinimumSubtotal(Usd(75)))
            .Giving(Discount.FreeShipping)
            .Build(),
    ]);
}
