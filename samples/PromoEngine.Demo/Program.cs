using System;
using NodaTime;
using PromoEngine;
using PromoEngine.Demo;
using static PromoEngine.Demo.SampleCatalog;

// Evaluation is a pure function of the cart, the codes, the instant and the usage so far: the demo fixes the
// instant (Black Friday, 10:00 in Los Angeles) so its output is the same on every run.
var now = new LocalDateTime(2026, 11, 27, 10, 0).InZoneLeniently(Shop).ToInstant();
var evaluator = new PromotionEvaluator(Create(), new EvaluationOptions { MaxCodesPerOrder = 1 });

var shirt = new CartLine("1", "TSHIRT-BLUE-M", Usd(25.00m), 2, categories: ["apparel"]);
var socks = new CartLine("2", "SOCKS-WOOL", Usd(9.99m), 2, categories: ["apparel", "socks"]);
var mug = new CartLine("3", "MUG-LOGO", Usd(12.50m), 3, categories: ["mugs"]);
var jacket = new CartLine("4", "JACKET-RAIN", Usd(89.00m), 1, categories: ["apparel"]);

// 1. A guest with a 20%-off code: the socks' buy-one-get-one applies first (a higher lane), the code takes 20% off
//    what is left of the apparel, the mugs get the Black Friday deal, and shipping is free over $75.
var guestCart = new Cart(Currency.Usd, [shirt, socks, mug], shipping: Usd(6.99m));
Show("1. Guest, code SAVE20", guestCart, evaluator.Evaluate(guestCart, ["save20"], now));

// 2. The 50th customer takes the last use of the group code FIRST50; the 51st is refused.
var alice = CustomerProfile.Registered("alice@example.com");
var aliceCart = new Cart(Currency.Usd, [jacket], alice, Usd(6.99m));
var fortyNineUsed = UsageSnapshot.Empty.WithCodeUses("FIRST50", 49);
Show("2a. Customer 50, code FIRST50", aliceCart, evaluator.Evaluate(aliceCart, ["FIRST50"], now, fortyNineUsed));
var bob = CustomerProfile.Registered("bob@example.com");
var bobCart = new Cart(Currency.Usd, [jacket], bob, Usd(6.99m));
Show("2b. Customer 51, code FIRST50", bobCart, evaluator.Evaluate(bobCart, ["FIRST50"], now, fortyNineUsed.WithCodeUses("FIRST50", 50)));

// 3. A single-use claim code works once; the same code again is "already redeemed", and a typo is unknown.
var carol = CustomerProfile.Registered("carol@example.com");
var carolCart = new Cart(Currency.Usd, [jacket, mug], carol, Usd(6.99m));
Show("3a. Claim code, first use", carolCart, evaluator.Evaluate(carolCart, ["welcome-7kq2-mx4p"], now));
var redeemed = UsageSnapshot.Empty.WithCodeUses("WELCOME-7KQ2-MX4P", 1);
Show("3b. Same claim code again, plus a typo", carolCart, evaluator.Evaluate(carolCart, ["WELCOME7KQ2MX4P", "WELCOME-7KQ2-MX4B"], now, redeemed));

// 4. An expired code, and a social-media code a guest cannot use (it is limited per customer). A small cart hears
//    how far free shipping is.
var smallCart = new Cart(Currency.Usd, [shirt, socks], shipping: Usd(6.99m));
Show("4. Guest, codes FALL15 and INSTA10", smallCart, evaluator.Evaluate(smallCart, ["FALL15", "INSTA10"], now));

// 5. Two codes on one order: only one counts, and the second is refused by name.
Show("5. Customer, codes SAVE20 and INSTA10", aliceCart, evaluator.Evaluate(aliceCart, ["SAVE20", "INSTA10"], now));

static void Show(string title, Cart cart, EvaluationResult result) => Console.WriteLine(Receipt.Print(title, cart, result));
