using System;
using System.Globalization;
using System.Linq;
using NodaTime;
using PromoEngine;
using PromoEngine.Demo;
using PromoEngine.Messages.German;
using static PromoEngine.Demo.SampleCatalog;

// Evaluation is a pure function of the cart, the codes, the instant and the usage so far: the demo fixes the
// instant (Black Friday, 10:00 in Los Angeles) so its output is the same on every run.
var now = new LocalDateTime(2026, 11, 27, 10, 0).InZoneLeniently(Shop).ToInstant();
var evaluator = new PromotionEvaluator(Create(), new EvaluationOptions { MaxCodesPerOrder = 1 });

// With --culture (de-DE, de-AT, en-GB, ...) the receipts are in the shopper's language: German ships as a separate
// library built on the public API alone (samples/PromoEngine.Messages.German), English is built in, and money reads
// as that culture writes it. Without it, the engine's own messages and plain amounts.
var culture = args.SkipWhile(a => a != "--culture").Skip(1).FirstOrDefault() is { } name ? CultureInfo.GetCultureInfo(name) : null;
var receipt = new Receipt(evaluator.Catalog, new ShopperText(new GermanMessages()), culture);

var shirt = new CartLine("1", "TSHIRT-BLUE-M", Usd(25.00m), 2, categories: ["apparel"]);
var socks = new CartLine("2", "SOCKS-WOOL", Usd(9.99m), 2, categories: ["apparel", "socks"]);
var mug = new CartLine("3", "MUG-LOGO", Usd(12.50m), 3, categories: ["mugs"]);
var jacket = new CartLine("4", "JACKET-RAIN", Usd(89.00m), 1, categories: ["apparel"]);

// 1. A guest with a 20%-off code: the socks' buy-one-get-one applies first (a higher lane), the code takes 20% off
//    what is left of the apparel, the mugs get the Black Friday deal, and shipping is free over $75.
var guestCart = new Cart(Currency.Usd, [shirt, socks, mug], shipping: Usd(6.99m));
Show("1. Guest, code SAVE20", guestCart, evaluator.Evaluate(guestCart, ["save20"], now));

// 2. Checkout with the redemption ledger: 49 customers have used the group code FIRST50 (capped at 50, once per
//    customer). The 50th gets it, reserves and commits; the 51st is told it has run out.
var catalog = evaluator.Catalog;
var ledger = new InMemoryRedemptionLedger(new FixedClock(now), Duration.FromMinutes(15));
for (var i = 1; i <= 49; i++)
{
    var earlier = new Cart(Currency.Usd, [jacket], CustomerProfile.Registered($"customer{i}@example.com"));
    Checkout($"order-{i}", earlier, ["FIRST50"], quiet: true);
}

var alice = CustomerProfile.Registered("alice@example.com");
var aliceCart = new Cart(Currency.Usd, [jacket], alice, Usd(6.99m));
Checkout("order-50", aliceCart, ["FIRST50"], title: "2a. Customer 50, code FIRST50");
var bob = CustomerProfile.Registered("bob@example.com");
var bobCart = new Cart(Currency.Usd, [jacket], bob, Usd(6.99m));
Checkout("order-51", bobCart, ["FIRST50"], title: "2b. Customer 51, code FIRST50");

// 3. A single-use claim code works once; used again it is "already redeemed", and a mistyped one is a likely typo.
var carol = CustomerProfile.Registered("carol@example.com");
var carolCart = new Cart(Currency.Usd, [jacket, mug], carol, Usd(6.99m));
Checkout("order-52", carolCart, [WelcomeCodes[0].ToLowerInvariant()], title: "3a. Claim code, first use");
var dave = CustomerProfile.Registered("dave@example.com");
var daveCart = new Cart(Currency.Usd, [jacket, mug], dave, Usd(6.99m));
var typo = WelcomeCodes[1][..^2] + WelcomeCodes[1][^1] + WelcomeCodes[1][^2];
Checkout("order-53", daveCart, [WelcomeCodes[0], typo], title: "3b. The same claim code again, plus a mistyped one", maxCodes: 2);

// 4. An expired code, and a social-media code a guest cannot use (it is limited per customer). A small cart hears
//    how far free shipping is.
var smallCart = new Cart(Currency.Usd, [shirt, socks], shipping: Usd(6.99m));
Show("4. Guest, codes FALL15 and INSTA10", smallCart, evaluator.Evaluate(smallCart, ["FALL15", "INSTA10"], now));

// 5. Two codes on one order: only one counts, and the second is refused by name.
Show("5. Customer, codes SAVE20 and INSTA10", aliceCart, evaluator.Evaluate(aliceCart, ["SAVE20", "INSTA10"], now));

// 6. The ledger is down (a timeout, the database unreachable): checkout evaluates with UsageSnapshot.Unavailable. The
//    limited group code says "try again in a moment" instead of pretending it was never used; every promotion
//    without limits still applies.
var carolAgain = new Cart(Currency.Usd, [jacket, mug], carol, Usd(6.99m));
Show("6. The ledger is down, code FIRST50", carolAgain, evaluator.Evaluate(carolAgain, ["FIRST50"], now, UsageSnapshot.Unavailable));

// 7. Before launch: the catalog linter checks the promotions for stacking to 100 % off, ties, impossible offers,
//    ended schedules, colliding codes, unusable limits and hidden shipping offers.
var findings = CatalogLinter.Lint(catalog.Promotions, now);
Console.WriteLine($"7. Catalog lint: {(findings.IsEmpty ? "no findings" : findings.Length + " finding(s)")}");
foreach (var finding in findings)
{
    Console.WriteLine($"  {finding.Severity,-8} {finding.Rule}: {finding.Message}");
}

// 8. A happy hour: code HAPPY, 15% off mugs on Fridays 17:00-20:00 in Los Angeles. At 10:00 it says when it opens; at
//    18:00 it applies.
var happyHour = new PromotionEvaluator(PromotionCatalog.Create(
[
    Promotion.Create("happy-hour", "Happy hour: 15% off mugs")
        .WithCode("HAPPY")
        .ForItems(ItemFilter.Categories("mugs"))
        .WithSchedule(Schedule.Between(null, null, Shop).WithWeeklyWindows([new WeeklyWindow([IsoDayOfWeek.Friday], new LocalTime(17, 0), new LocalTime(20, 0))]))
        .Giving(Discount.PercentOffItems(15))
        .Build(),
]));
var mugCart = new Cart(Currency.Usd, [mug]);
var closed = happyHour.Evaluate(mugCart, ["HAPPY"], now);
var open = happyHour.Evaluate(mugCart, ["HAPPY"], now + Duration.FromHours(8));
Console.WriteLine($"8. Happy hour, 3 mugs, code HAPPY: at 10:00 {closed.Total}, {string.Join("", closed.Rejected.Select(r => $"{r.Reason}: {r.Message}"))}");
Console.WriteLine($"   at 18:00 {open.Total}, {string.Join("", open.Applied.Select(a => $"{a.Name} -{a.Amount}"))}");

// 9. A return from order 1: one pair of socks' paid sock and one mug. The sock kept loses its free partner, so the
//    buy-one-get-one takes back what the returned sock paid; the mug refunds what it paid.
var withUnits = new PromotionEvaluator(catalog, evaluator.Options with { IncludeUnits = true });
var placed = OrderRecord.Of(withUnits, guestCart, withUnits.Evaluate(guestCart, ["save20"], now));
var refund = placed.Return([new ReturnedUnits("2", 1), new ReturnedUnits("3", 1)]);
Console.WriteLine($"9. Return from order 1: refund {refund.Refund}, the order now pays {refund.Total} (was {placed.Result.Total})");
foreach (var unit in refund.Refunds)
{
    Console.WriteLine($"  {unit}");
}

foreach (var given in refund.Promotions.Where(p => p.SpendGivenBack.Amount > 0m))
{
    Console.WriteLine($"  {given.Name}: gives back {given.SpendGivenBack}{(given.StillUsed ? "" : ", no longer used")}");
}

// 10. Erin's wallet: she clipped the Instagram coupon on the coupon page (good for a week) and holds a welcome code the
//     shop sent her; one clipped last month has expired. Nothing is typed: each applies as if entered (one code per
//     order, so the better one takes the slot), and the receipt says which came from her wallet.
var erin = CustomerProfile.Registered("erin@example.com").WithWallet(
    WalletEntry.Clipped("INSTA10", validUntil: now.Plus(Duration.FromDays(7))),
    WalletEntry.Issued(WelcomeCodes[2]),
    WalletEntry.Clipped("SAVE20", validUntil: now.Minus(Duration.FromDays(3))));
var erinCart = new Cart(Currency.Usd, [jacket, mug], erin, Usd(6.99m));
Console.WriteLine();
Checkout("order-54", erinCart, [], title: "10. Erin's wallet, nothing typed");

// 11. Kinds a team brings along from other engines: mugs in full sets of 3 (10% off each grouped mug, the fourth pays
//     full price); $5 off the first tee and $1 off each other, at most 3 tees; half price on socks but never under
//     $6 (the receipt says the floor held it back); $10 off each line of jackets, however many are in it.
var moreKinds = PromotionCatalog.Create(
[
    Promotion.Create("mug-sets", "10% off every full set of 3 mugs")
        .ForItems(ItemFilter.Categories("mugs"))
        .Giving(Discount.PercentOffGroups(3, 10m))
        .Build(),
    Promotion.Create("tee-flexi", "Tees: $5 first, $1 each other, max 3")
        .ForItems(ItemFilter.Skus("TSHIRT-BLUE-M", "TSHIRT-RED-L"))
        .Giving(Discount.FirstAndAdditional(Usd(5m), Usd(1m), UnitScope.AcrossLines).LimitUnits(perOrder: 3, selection: UnitSelection.MostExpensive))
        .Build(),
    Promotion.Create("sock-floor", "Half price socks, never under $6")
        .ForItems(ItemFilter.Categories("socks"))
        .Giving(Discount.PercentOffItems(50).WithPriceFloor(Usd(6m)))
        .Build(),
    Promotion.Create("jacket-line", "$10 off each line of jackets")
        .ForItems(ItemFilter.Skus("JACKET-RAIN"))
        .Giving(Discount.AmountOffEachLine(Usd(10m)))
        .Build(),
]);
var moreReceipt = new Receipt(moreKinds, new ShopperText(new GermanMessages()), culture);
var moreCart = new Cart(Currency.Usd,
[
    shirt,
    new CartLine("5", "TSHIRT-RED-L", Usd(19.00m), 2, categories: ["apparel"]),
    socks,
    new CartLine("6", "MUG-LOGO", Usd(12.50m), 4, categories: ["mugs"]),
    new CartLine("7", "JACKET-RAIN", Usd(89.00m), 2, categories: ["apparel"]),
]);
Console.WriteLine(moreReceipt.Print("11. More kinds: sets of 3, a flexi rate, a price floor, $10 off a line", moreCart,
    new PromotionEvaluator(moreKinds).Evaluate(moreCart, [], now)));

void Show(string title, Cart cart, EvaluationResult result) => Console.WriteLine(receipt.Print(title, cart, result));

// Evaluate with the usage the ledger knows, then reserve and commit the order's redemptions, as checkout does.
void Checkout(string orderId, Cart cart, string[] codes, string? title = null, bool quiet = false, int maxCodes = 1)
{
    var checkoutEvaluator = maxCodes == 1 ? evaluator : new PromotionEvaluator(catalog, new EvaluationOptions { MaxCodesPerOrder = maxCodes });
    var usage = ledger.GetUsageAsync(checkoutEvaluator.UsageRequestFor(cart, codes, now)).AsTask().GetAwaiter().GetResult();
    var result = checkoutEvaluator.Evaluate(cart, codes, now, usage);
    var reservation = ledger.ReserveAsync(ReservationRequest.For(orderId, result, catalog)).AsTask().GetAwaiter().GetResult();
    var state = reservation.Succeeded ? ledger.CommitAsync(orderId).AsTask().GetAwaiter().GetResult() : reservation.State;
    if (!quiet)
    {
        Console.Write(receipt.Print(title ?? orderId, cart, result));
        var held = string.Join(", ", result.Redemptions.Select(r => r.Code is null ? r.PromotionId.Value : $"{r.PromotionId} ({r.Code})"));
        var first50 = ledger.GetUsageAsync(new UsageRequest([], ["FIRST50"], null)).AsTask().GetAwaiter().GetResult().CodeUses("FIRST50");
        Console.WriteLine($"  ledger    {orderId} {state}: {held}; FIRST50 used {first50} of 50");
        Console.WriteLine();
    }
}
