using System;
using System.Collections.Generic;
using System.Linq;
using NodaTime;
using NodaTime.Testing;
using static PromoEngine.Tests.Shop;

namespace PromoEngine.Tests;

/// <summary>Everything a bad call could change, made fresh for each case of the bad-input corpus: a live catalog and its
/// evaluator, a ledger holding one reservation and one committed order, a cart, and the mutable inputs the cases pass
/// (arrays and lists). <see cref="Fingerprint"/> reads all of it, so a case compares it before and after.</summary>
/// <remarks>Inputs that cannot change (strings, numbers, <see cref="Money"/>) are written in the cases themselves.</remarks>
public sealed class BadInputWorld
{
    private static readonly ClaimCodeFormat GiftFormat = new(length: 6, checkCharacter: true);
    private static readonly string[] GiftCodes = ClaimCodeGenerator.Generate(GiftFormat, 3, maxShare: ClaimCodeGenerator.MaxShareLimit).ToArray();

    public BadInputWorld()
    {
        Catalog = PromotionCatalog.Create(
        [
            Promo("save10", Discount.PercentOffItems(10)).WithCode("SAVE10").WithLimits(new UsageLimits(total: 100, perCustomer: 1)).Build(),
            Promo("gift", Discount.AmountOffOrder(D(5m))).WithClaimCodes(GiftCodes, GiftFormat).Build(),
            Promo("mugs", Discount.PercentOffItems(5)).ForItems(ItemFilter.Categories("mugs")).Build(),
            Promo("big", Discount.AmountOffOrder(D(20m))).WithCode("BIG").Require(Restriction.MinimumSubtotal(D(200m))).Build(),
            Promo("sorry", Discount.AmountOffOrder(D(5m))).WithCode("SORRY-C9").IssuedTo("c9").Build(),
        ]);
        Evaluator = new PromotionEvaluator(Catalog, new EvaluationOptions { IncludeUnits = true });
        Cart = new Cart(Usd, [Line("1", 12.5m, 2, "MUG", "mugs"), Line("2", 30m, 1, "TEAPOT")], CustomerProfile.Registered("c1"), D(4.99m));
        Ledger = new InMemoryRedemptionLedger(new FakeClock(Now), Duration.FromMinutes(15));
        Reserve("held", ["SAVE10"], commit: false);
        Reserve("placed", [GiftCodes[0]], commit: true);
        var item = RequestFor("o", ["SAVE10"]).Items[0];
        RepeatedItems = [item, item];
    }

    public PromotionCatalog Catalog { get; }

    public PromotionEvaluator Evaluator { get; }

    public Cart Cart { get; }

    public InMemoryRedemptionLedger Ledger { get; }

    /// <summary>A code the shopper typed, as a host passes it on.</summary>
    public string[] Codes { get; } = ["SAVE10"];

    /// <summary>More codes than one evaluation takes.</summary>
    public string[] TooManyCodes { get; } = [.. Enumerable.Range(0, PromotionEvaluator.MaxCodesPerRequest + 1).Select(i => $"CODE{i}")];

    /// <summary>Codes with a null among them.</summary>
    public string[] CodesWithNull { get; } = ["SAVE10", null!];

    public decimal[] ZeroWeights { get; } = [0m, 0m, 0m];

    public decimal[] Weights { get; } = [1m, 2m, 3m];

    public decimal[] NegativeWeights { get; } = [1m, -2m, 3m];

    /// <summary>Where an allocation of <see cref="Weights"/> goes; one slot too short, and already holding values.</summary>
    public Money[] ShortDestination { get; } = [D(7m), D(8m)];

    public List<CartLine> DuplicateLines { get; } = [Line("a", 1m), Line("b", 2m), Line("a", 3m)];

    public List<CartLine> LinesInEuros { get; } = [Line("a", 1m), new CartLine("b", "B", new Money(2m, Currency.Eur), 1)];

    public List<Promotion> CollidingPromotions { get; } =
    [
        Promo("a", Discount.FreeShipping).WithCode("SAME-CODE").Build(),
        Promo("b", Discount.FreeShipping).WithCode("same_code").Build(),
    ];

    public List<string> RepeatedClaimCodes { get; } = ["AB12", "CD34", "ab-12"];

    public List<string> IssuedCodes { get; } = [.. GiftCodes];

    /// <summary>A hostile wallet: thousands of entries.</summary>
    public List<WalletEntry> HugeWallet { get; } = [.. Enumerable.Range(0, 5_000).Select(i => WalletEntry.Clipped($"W{i}"))];

    /// <summary>A wallet holding one code twice, in two spellings.</summary>
    public List<WalletEntry> RepeatedWallet { get; } = [WalletEntry.Clipped("SAVE10"), WalletEntry.Issued("save-10")];

    /// <summary>One redemption twice: a reservation request refuses it.</summary>
    public List<(Redemption Redemption, RedemptionLimits Limits)> RepeatedItems { get; }

    /// <summary>Everything above, as text: the catalog as JSON, an evaluation of the cart with the codes on the usage the
    /// ledger reports, the ledger's states and counters, the cart, and every mutable input.</summary>
    public string Fingerprint()
    {
        var request = Evaluator.UsageRequestFor(Cart, Codes, Now);
        var usage = Ledger.GetUsageAsync(request).AsTask().GetAwaiter().GetResult();
        var counters = string.Join(", ", Catalog.Promotions.Select(p => $"{p.Id}: {usage.PromotionUses(p.Id)} {usage.CustomerUses(p.Id, "c1")}"))
            + " | " + string.Join(", ", request.Codes.Select(c => $"{c}: {usage.CodeUses(c)}"));
        var states = string.Join(", ", new[] { "held", "placed", "other" }.Select(o => Ledger.GetStateAsync(o).AsTask().GetAwaiter().GetResult()));
        return string.Join(
            "\n",
            PromotionJson.Write(Catalog.Promotions),
            EvaluationJson.Write(Evaluator.Evaluate(Cart, Codes, Now, usage)),
            counters,
            states,
            EvaluationJson.Write(Cart),
            string.Join(",", Codes),
            string.Join(",", TooManyCodes),
            string.Join(",", CodesWithNull.Select(c => c ?? "(null)")),
            string.Join(",", ZeroWeights.Concat(Weights).Concat(NegativeWeights)),
            string.Join(",", ShortDestination),
            string.Join(",", DuplicateLines.Concat(LinesInEuros).Select(l => $"{l.LineId} {l.Sku} {l.UnitPrice} {l.Quantity}")),
            PromotionJson.Write(CollidingPromotions),
            string.Join(",", RepeatedClaimCodes.Concat(IssuedCodes)),
            string.Join(",", HugeWallet.Concat(RepeatedWallet)),
            string.Join(",", RepeatedItems.Select(i => $"{i.Redemption.PromotionId} {i.Redemption.OrderId} {i.Redemption.Amount}")));
    }

    /// <summary>A reservation request for the cart with these codes, as checkout makes it.</summary>
    public ReservationRequest RequestFor(string orderId, string[] codes) =>
        ReservationRequest.For(orderId, Evaluator.Evaluate(Cart, codes, Now), Catalog);

    private void Reserve(string orderId, string[] codes, bool commit)
    {
        var reserved = Ledger.ReserveAsync(RequestFor(orderId, codes)).AsTask().GetAwaiter().GetResult();
        if (!reserved.Succeeded)
        {
            throw new InvalidOperationException($"The world's reservation {orderId} failed.");
        }

        if (commit)
        {
            Ledger.CommitAsync(orderId).AsTask().GetAwaiter().GetResult();
        }
    }
}
