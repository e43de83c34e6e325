using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using NodaTime;
using PromoEngine.Messages.German;

namespace PromoEngine.Tests;

/// <summary>
/// The README's code, compiled here (and in the other <c>ReadmeSnippets.*.cs</c> files, by topic).
/// <see cref="ReadmeTests"/> checks that every <c>snippet: NAME</c> block of README.md is the text between the
/// matching markers, and runs it.
/// </summary>
internal static partial class ReadmeSnippets
{
    public static void Quickstart()
    {
        // snippet: quickstart
        var usd = Currency.FromCode("USD");
        var catalog = PromotionCatalog.Create(
        [
            Promotion.Create("save20", "20% off shoes")
                .WithCode("SAVE20")
                .ForItems(ItemFilter.Categories("shoes"))
                .Giving(Discount.PercentOffItems(20))
                .Build(),
            Promotion.Create("ship50", "Free shipping over $50")
                .Require(Restriction.MinimumSubtotal(new Money(50m, usd)))
                .Giving(Discount.FreeShipping)
                .Build(),
        ]);
        var evaluator = new PromotionEvaluator(catalog); // build once, share across threads

        var cart = new Cart(
            usd,
            [new CartLine("1", "RUNNER-42", new Money(59.99m, usd), 1, categories: ["shoes"])],
            CustomerProfile.Registered("customer-17"),
            shipping: new Money(4.99m, usd));

        // Codes are normalized ("save-20" is SAVE20); time is an argument, never read from a clock.
        var result = evaluator.Evaluate(cart, ["save-20", "BOGUS"], Instant.FromUtc(2026, 11, 27, 18, 0));

        var applied = string.Join(", ", result.Applied.Select(a => $"{a.Name} -{a.Amount.Amount}"));
        var rejected = string.Join(", ", result.Rejected.Select(r => $"{r.Code} {r.Reason}"));
        Console.WriteLine($"{result.Total} after {applied}; {rejected}");
        // 47.99 USD after 20% off shoes -12.00, Free shipping over $50 -4.99; BOGUS UnknownCode
        // endsnippet
    }

    public static void Returns()
    {
        // snippet: returns
        var usd = Currency.FromCode("USD");
        var evaluator = new PromotionEvaluator(
            PromotionCatalog.Create([Promotion.Create("bogo", "Buy one get one").ForItems(ItemFilter.Skus("TEE")).Giving(Discount.BuyXGetY(1, 1)).Build()]),
            new EvaluationOptions { IncludeUnits = true }); // a return needs what each unit paid
        var cart = new Cart(usd, [new CartLine("1", "TEE", new Money(20m, usd), 2), new CartLine("2", "CAP", new Money(15m, usd), 1)]);
        var order = OrderRecord.Of(evaluator, cart, evaluator.Evaluate(cart, [], Instant.FromUtc(2026, 11, 27, 18, 0)));
        Console.WriteLine($"order {order.Result.Total}");

        var first = order.Return([new ReturnedUnits("1", 1)]); // one tee comes back
        foreach (var unit in first.Refunds)
        {
            Console.WriteLine($"{unit}");
        }

        foreach (var promotion in first.Promotions)
        {
            Console.WriteLine($"{promotion.Name}: gives back {promotion.SpendGivenBack}, still used: {promotion.StillUsed}");
        }

        var second = first.ThenReturn([new ReturnedUnits("1", 1)]); // then the other
        Console.WriteLine($"refund {first.Refund}, then {second.Refund}; the order now pays {second.Total}");
        // order 35.00 USD
        // TEE #0 paid 20.00 USD, taken back 20.00 USD, refund 0.00 USD
        // Buy one get one: gives back 20.00 USD, still used: False
        // refund 0.00 USD, then 20.00 USD; the order now pays 15.00 USD
        // endsnippet
    }

    public static void Messages()
    {
        // snippet: messages
        var usd = Currency.FromCode("USD");
        var catalog = PromotionCatalog.Create(
        [
            Promotion.Create("ship75", "Free shipping over $75")
                .Require(Restriction.MinimumSubtotal(new Money(75m, usd)))
                .Giving(Discount.FreeShipping)
                .Build(),
        ]);
        var cart = new Cart(usd, [new CartLine("1", "HOODIE", new Money(62.50m, usd), 1)], shipping: new Money(6.99m, usd));
        var result = new PromotionEvaluator(catalog).Evaluate(cart, [], Instant.FromUtc(2026, 11, 27, 18, 0));

        var text = new ShopperText(new GermanMessages()); // English is built in; build once at startup, share across threads
        var hint = result.Hints.Single();                 // the data: HintKind.SpendMore, Shortfall 12.50 USD
        Console.WriteLine(text.Describe(hint, catalog, CultureInfo.GetCultureInfo("de-DE")));
        Console.WriteLine(text.Describe(hint, catalog, CultureInfo.GetCultureInfo("en-US")));
        // Noch 12,50 $ bis Free shipping over $75.
        // Spend $12.50 more to get Free shipping over $75.
        // endsnippet
    }

    public static async Task Attribution()
    {
        // snippet: attribution
        var usd = Currency.FromCode("USD");
        var catalog = PromotionCatalog.Create(
        [
            Promotion.Create("anna", "10% off from @anna")
                .WithCode("ANNA10")
                .DistributedVia(new CodeAttribution(channel: "instagram", campaign: "bf-2026", affiliate: "creator-17", tags: ["video"]))
                .Giving(Discount.PercentOffItems(10))
                .Build(),
            Promotion.Create("ben", "10% off from @ben")
                .WithCode("BEN10")
                .DistributedVia(new CodeAttribution(channel: "tiktok", campaign: "bf-2026", affiliate: "creator-42"))
                .Giving(Discount.PercentOffItems(10))
                .Build(),
        ]);
        var evaluator = new PromotionEvaluator(catalog);
        var ledger = new InMemoryRedemptionLedger(SystemClock.Instance, Duration.FromMinutes(15));
        string[] typed = ["anna10", "BEN-10", "anna 10"];
        for (var i = 0; i < typed.Length; i++)
        {
            var cart = new Cart(usd, [new CartLine("1", "HOODIE", new Money(60m, usd), 1)], CustomerProfile.Registered($"c-{i}"));
            var result = evaluator.Evaluate(cart, [typed[i]], SystemClock.Instance.GetCurrentInstant());
            await ledger.ReserveAsync(ReservationRequest.For($"order-{i}", result, catalog)); // each redemption records
            await ledger.CommitAsync($"order-{i}");                                             // its code's attribution
        }

        IRedemptionReport report = ledger; // the PostgreSQL ledger reports the same way, summed in the database
        var rows = await report.GetAttributionTotalsAsync(AttributionDimension.Affiliate);
        Console.WriteLine(string.Join(", ", rows.Select(r => $"{r.Key}: {r.Discount} off in {r.Redemptions}")));
        // creator-17: 12.00 USD off in 2, creator-42: 6.00 USD off in 1
        // endsnippet
    }

    public static void Wallet()
    {
        // snippet: wallet
        var usd = Currency.FromCode("USD");
        var now = Instant.FromUtc(2026, 12, 1, 12, 0);
        var catalog = PromotionCatalog.Create(
        [
            Promotion.Create("ten", "$10 off $50")                 // on the coupon page: shoppers clip it
                .WithCode("CLIP-TEN")
                .Require(Restriction.MinimumSubtotal(new Money(50m, usd)))
                .Giving(Discount.AmountOffOrder(new Money(10m, usd)))
                .Build(),
            Promotion.Create("sorry", "Our apologies")             // a service-recovery credit for Jane alone
                .WithCode("SORRY-JANE-7Q")
                .IssuedTo("jane")
                .Giving(Discount.FreeShipping)
                .Build(),
        ]);
        var jane = CustomerProfile.Registered("jane").WithWallet(
            WalletEntry.Clipped("CLIP-TEN", validUntil: now.Plus(Duration.FromDays(14))),
            WalletEntry.Issued("SORRY-JANE-7Q"));
        var evaluator = new PromotionEvaluator(catalog);
        var mug = new CartLine("1", "MUG", new Money(45m, usd), 1);
        var result = evaluator.Evaluate(new Cart(usd, [mug], jane, shipping: new Money(4.99m, usd)), [], now);
        foreach (var applied in result.Applied)
        {
            Console.WriteLine($"{applied.Name}: -{applied.Amount}{(applied.FromWallet ? " (from your wallet)" : "")}");
        }

        var tip = result.Hints.Single(h => h.PromotionId == new PromotionId("ten"));
        Console.WriteLine(new ShopperText().Describe(tip, catalog, CultureInfo.GetCultureInfo("en-US")));
        // Our apologies: -4.99 USD (from your wallet)
        // Spend $5.00 more to use your coupon $10 off $50.

        var john = evaluator.Evaluate(new Cart(usd, [mug], CustomerProfile.Registered("john")), ["sorry-jane-7q"], now);
        Console.WriteLine($"{john.Rejected.Single().Reason}: {john.Rejected.Single().Message}");
        // IssuedToAnotherCustomer: The code SORRYJANE7Q is issued to another customer.
        // endsnippet
    }

    public static async Task Checkout()
    {
        // snippet: checkout
        var usd = Currency.FromCode("USD");
        var format = new ClaimCodeFormat(prefix: "GIFT");  // GIFT-XXXX-XXXX-XC: 9 random characters, then a check character
        var codes = ClaimCodeGenerator.Generate(format, 1_000);      // unique, unbiased, from a cryptographic source
        var catalog = PromotionCatalog.Create(
        [
            Promotion.Create("gift10", "$10 gift code")
                .WithClaimCodes(codes, format)                       // single-use: each code once
                .Giving(Discount.AmountOffOrder(new Money(10m, usd)))
                .Build(),
        ]);
        var evaluator = new PromotionEvaluator(catalog);
        var ledger = new InMemoryRedemptionLedger(SystemClock.Instance, Duration.FromMinutes(15));
        var cart = new Cart(usd, [new CartLine("1", "MUG", new Money(25m, usd), 2)], CustomerProfile.Registered("c-42"));

        async Task<string> CheckoutAsync(string orderId, string typedCode) // typedCode: any text the shopper typed
        {
            var now = SystemClock.Instance.GetCurrentInstant();
            UsageSnapshot usage;
            try
            {
                // Only the counters this cart can use: its codes (every spelling reads the same counter) and the
                // limited promotions that can concern it, never the whole catalog.
                usage = await ledger.GetUsageAsync(evaluator.UsageRequestFor(cart, [typedCode], now));
            }
            catch (LedgerUnavailableException)
            {
                usage = UsageSnapshot.Unavailable; // limited promotions say "try again in a moment"; the rest apply
            }

            var result = evaluator.Evaluate(cart, [typedCode], now, usage);
            ReservationResult reservation;
            try
            {
                reservation = await ledger.ReserveAsync(ReservationRequest.For(orderId, result, catalog));
            }
            catch (LedgerUnavailableException)
            {
                return "technical issue: retry with the same order id, or place the order without its promotions";
            }

            if (!reservation.Succeeded)
            {
                return "lost a race since evaluating: evaluate again"; // on unchanged state the ledger never refuses
            }

            await ledger.CommitAsync(orderId); // when the order is placed; ReleaseAsync(orderId) on cancel or return
            var reasons = result.Rejected.Select(r => r.Reason.ToString()).DefaultIfEmpty("no rejection");
            return $"{result.Total}, {string.Join(", ", reasons)}";
        }

        var shown = format.Display(codes[0]); // as e-mailed: GIFT-XXXX-XXXX-XC
        var first = await CheckoutAsync("order-1", shown.ToLowerInvariant());
        var again = await CheckoutAsync("order-2", shown);
        var typo = await CheckoutAsync("order-3", shown[..5] + (shown[5] == 'A' ? 'C' : 'A') + shown[6..]); // one wrong character
        Console.WriteLine($"{first} | {again} | {typo}");
        // 40.00 USD, no rejection | 50.00 USD, AlreadyRedeemed | 50.00 USD, LikelyTypo
        // endsnippet
    }

    public static void Json()
    {
        // snippet: json
        var json = """
            { "schemaVersion": 1, "promotions": [
              { "id": "save20", "name": "20% off shoes",
                "activation": { "type": "code", "code": "SAVE20" },
                "items": { "type": "categories", "values": ["shoes"] },
                "discount": { "type": "percentOffItems", "percent": 20 } },
              { "id": "ship", "name": "Free shipping", "discount": { "type": "freeShiping" } }
            ] }
            """;

        try
        {
            var catalog = PromotionJson.ReadCatalog(json); // all or nothing: never a half-loaded catalog
            Console.WriteLine($"{catalog.Promotions.Length} promotions");
        }
        catch (PromotionDefinitionException e)
        {
            Console.WriteLine($"{e.Errors.Length} error: {e.Errors[0].Split(" (")[0]}");
        }
        // 1 error: $.promotions[1].discount.type: 'freeShiping' is not a known type
        // endsnippet
    }

    public static void CatalogChanges()
    {
        // snippet: catalogChanges
        var usd = Currency.Usd;
        var shoes = Promotion.Create("shoes", "20% off shoes").ForItems(ItemFilter.Categories("shoes")).Giving(Discount.PercentOffItems(20)).Build();
        var socks = Promotion.Create("socks", "$1 off socks").ForItems(ItemFilter.Categories("socks")).Giving(Discount.AmountOffEachItem(new Money(1m, usd))).Build();
        var monday = PromotionCatalog.Create([shoes, socks]);

        // Each change gives a new catalog; monday's stays as it is for the carts evaluating on it.
        var tuesday = monday
            .With([Promotion.Create("shoes", "30% off shoes").ForItems(ItemFilter.Categories("shoes")).Giving(Discount.PercentOffItems(30)).Build()])
            .WithStatus(new PromotionId("socks"), PromotionStatus.Paused);

        var cart = new Cart(usd, [new CartLine("1", "RUN-1", new Money(100m, usd), 1, ["shoes"]), new CartLine("2", "SOCK", new Money(5m, usd), 1, ["socks"])]);
        var at = Instant.FromUtc(2026, 12, 8, 9, 0);
        var before = new PromotionEvaluator(monday).Evaluate(cart, [], at);
        var after = new PromotionEvaluator(tuesday).Evaluate(cart, [], at);
        Console.WriteLine($"monday {before.TotalDiscount.Amount:0.00}, tuesday {after.TotalDiscount.Amount:0.00}");
        // monday 21.00, tuesday 30.00
        // endsnippet
    }

    public static void Money()
    {
        // snippet: money
        var usd = Currency.FromCode("USD");

        // $2.00 off spread over three $5.00 lines: 0.67 + 0.67 + 0.66, never 2.02.
        var byLine = new Money(2.00m, usd).Allocate([5.00m, 5.00m, 5.00m]);

        // $10.00 in three equal parts: the leftover cent goes to the first part.
        var thirds = new Money(10.00m, usd).Split(3);

        // 25% off $19.99 is 14.9925 exactly; rounding is explicit (away from zero unless you say otherwise).
        var price = (new Money(19.99m, usd) * 0.75m).Round();

        Console.WriteLine($"{string.Join(" + ", byLine)} | {string.Join(" + ", thirds)} | {price}");
        // 0.67 USD + 0.67 USD + 0.66 USD | 3.34 USD + 3.33 USD + 3.33 USD | 14.99 USD
        // endsnippet
    }

    public static void Regions()
    {
        // snippet: regions
        var usd = Currency.FromCode("USD");
        var losAngeles = DateTimeZoneProviders.Tzdb["America/Los_Angeles"];
        var catalog = PromotionCatalog.Create(
        [
            Promotion.Create("ship", "Free shipping")
                .WithSchedule(Schedule.Days(new LocalDate(2026, 11, 27), new LocalDate(2026, 11, 30), losAngeles))
                .Require(Restriction.Regions(
                    [new Region("US")], except: [new Region("US", "AK"), new Region("US", "HI")], of: RegionSource.ShippingAddress))
                .Giving(Discount.FreeShipping)
                .Build(),
        ]);
        var evaluator = new PromotionEvaluator(catalog, new EvaluationOptions { ListEveryRejection = true }); // says why it did not apply
        var cart = new Cart(usd, [new CartLine("1", "MUG", new Money(25m, usd), 1)],
            CustomerProfile.Registered("c-7").WithRegion(new Region("US", "CA")), shipping: new Money(6m, usd));

        string Outcome(Region shipTo, Instant at)
        {
            var result = evaluator.Evaluate(cart.WithShippingRegion(shipTo), [], at);
            return result.Rejected.IsEmpty ? result.Total.ToString() : result.Rejected[0].Message;
        }

        var lastMinute = Instant.FromUtc(2026, 12, 1, 7, 59); // 23:59 on 30 November in Los Angeles (UTC-8)
        var newYork = Outcome(new Region("US", "NY"), lastMinute);
        var hawaii = Outcome(new Region("US", "HI"), lastMinute);
        var tooLate = Outcome(new Region("US", "NY"), lastMinute + Duration.FromMinutes(1));
        Console.WriteLine($"{newYork} | {hawaii} | {tooLate}");
        // 25.00 USD | Free shipping is not available for deliveries to US-HI. | Free shipping ended: its last day was 2026-11-30 (America/Los_Angeles).
        // endsnippet
    }

    public static void Windows()
    {
        // snippet: windows
        var usd = Currency.FromCode("USD");
        var berlin = DateTimeZoneProviders.Tzdb["Europe/Berlin"];
        var happyHour = Schedule.Days(new LocalDate(2026, 12, 1), new LocalDate(2026, 12, 31), berlin).WithWeeklyWindows(
        [
            new WeeklyWindow([IsoDayOfWeek.Friday], new LocalTime(17, 0), new LocalTime(20, 0)),
            new WeeklyWindow([IsoDayOfWeek.Saturday], new LocalTime(22, 0), new LocalTime(2, 0)), // into Sunday
        ]);
        var evaluator = new PromotionEvaluator(PromotionCatalog.Create(
        [
            Promotion.Create("happy", "Happy hour").WithSchedule(happyHour).Giving(Discount.PercentOffItems(50)).Build(),
        ]), new EvaluationOptions { ListEveryRejection = true }); // says why it did not apply
        var cart = new Cart(usd, [new CartLine("1", "IPA", new Money(6m, usd), 2)]);

        string Outcome(Instant at)
        {
            var result = evaluator.Evaluate(cart, [], at);
            return result.Rejected.IsEmpty ? result.Total.ToString() : result.Rejected[0].Message;
        }

        var friday = Outcome(Instant.FromUtc(2026, 12, 4, 16, 30)); // 17:30 on Friday in Berlin (UTC+1)
        var sunday = Outcome(Instant.FromUtc(2026, 12, 6, 0, 30));  // 01:30 on Sunday
        var monday = Outcome(Instant.FromUtc(2026, 12, 7, 12, 0));
        Console.WriteLine($"{friday} | {sunday} | {monday}");
        // 6.00 USD | 6.00 USD | Happy hour is not available at this time: it opens Friday 17:00 Europe/Berlin (2026-12-11).
        // endsnippet
    }

    /// <summary>Stands in for <see cref="System.Console"/> inside the snippets, so a test can read what they print.</summary>
    private static class Console
    {
        public static void WriteLine(string line) => Output.Value?.WriteLine(line);
    }

    public static readonly AsyncLocal<TextWriter?> Output = new();
}
