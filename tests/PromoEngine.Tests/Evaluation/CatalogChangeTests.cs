using System;
using System.Collections.Generic;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Xunit;
using static PromoEngine.Tests.Shop;

namespace PromoEngine.Tests;

/// <summary>A catalog changed by <see cref="PromotionCatalog.With"/>, <see cref="PromotionCatalog.Without"/> and
/// <see cref="PromotionCatalog.WithStatus"/> is the catalog <see cref="PromotionCatalog.Create"/> makes of the same
/// promotions, and the catalog it came from does not change.</summary>
public sealed class CatalogChangeTests
{
    private static readonly Promotion Shirts = Promo("shirts", Discount.PercentOffItems(10)).ForItems(ItemFilter.Categories("shirts")).Build();
    private static readonly Promotion Hats = Promo("hats", Discount.PercentOffItems(20)).ForItems(ItemFilter.Categories("hats")).Build();
    private static readonly Promotion Save5 = Promo("save5", Discount.AmountOffOrder(D(5))).WithCode("SAVE5").Build();
    private static readonly Cart ShirtAndHat = Cart(Line("s", 50m, 1, "s", "shirts"), Line("h", 20m, 1, "h", "hats"));

    [Fact]
    public void With_ANewPromotion_AppliesInTheNewCatalogOnly()
    {
        var before = PromotionCatalog.Create([Shirts]);

        var after = before.With([Hats]);

        Assert.Equal(4m, Applied(after, ShirtAndHat, "hats"));
        Assert.Equal(0m, Applied(before, ShirtAndHat, "hats"));
        Assert.Equal(["hats", "shirts"], after.Promotions.Select(p => p.Id.Value));
        Assert.Equal(2, after.Count);
        Assert.Equal(1, before.Count);
    }

    [Fact]
    public void With_APromotionOfAnIdTheCatalogHolds_ReplacesIt()
    {
        var before = PromotionCatalog.Create([Shirts, Hats]);
        var bigger = Promo("shirts", Discount.PercentOffItems(50)).ForItems(ItemFilter.Categories("shirts")).Build();

        var after = before.With([bigger]);

        Assert.Equal(25m, Applied(after, ShirtAndHat, "shirts"));
        Assert.Equal(5m, Applied(before, ShirtAndHat, "shirts"));
        Assert.Same(bigger, after.Find(new PromotionId("shirts")));
        Assert.Equal(2, after.Count);
    }

    [Fact]
    public void Without_AnId_RemovesItsPromotionAndItsCodes()
    {
        var before = PromotionCatalog.Create([Shirts, Save5]);

        var after = before.Without([new PromotionId("save5")]);

        Assert.Null(after.FindByCode("save5"));
        Assert.Same(Save5, before.FindByCode("save5"));
        var rejection = Assert.Single(new PromotionEvaluator(after).Evaluate(ShirtAndHat, ["SAVE5"], Now).Rejected);
        Assert.Equal(RejectionReason.UnknownCode, rejection.Reason);
        Assert.Equal(["shirts"], after.Promotions.Select(p => p.Id.Value));
    }

    [Fact]
    public void Without_IdsTheCatalogDoesNotHold_ReturnsTheSameCatalog()
    {
        var catalog = PromotionCatalog.Create([Shirts]);

        Assert.Same(catalog, catalog.Without([new PromotionId("nope")]));
        Assert.Same(catalog, catalog.With([]));
    }

    [Fact]
    public void WithStatus_Paused_StopsThePromotion_AndActiveResumesIt()
    {
        var catalog = PromotionCatalog.Create([Shirts, Hats]);

        var paused = catalog.WithStatus(new PromotionId("hats"), PromotionStatus.Paused);
        var resumed = paused.WithStatus(new PromotionId("hats"), PromotionStatus.Active);

        Assert.Equal(0m, Applied(paused, ShirtAndHat, "hats"));
        Assert.Equal(PromotionStatus.Paused, paused.Find(new PromotionId("hats"))!.Status);
        Assert.Equal(4m, Applied(resumed, ShirtAndHat, "hats"));
        Assert.Same(catalog, catalog.WithStatus(new PromotionId("hats"), PromotionStatus.Active));
    }

    [Fact]
    public void WithStatus_AnIdTheCatalogDoesNotHold_Throws()
    {
        var e = Assert.Throws<KeyNotFoundException>(() => PromotionCatalog.Create([Shirts]).WithStatus(new PromotionId("nope"), PromotionStatus.Paused));

        Assert.Equal("The catalog holds no promotion 'nope'.", e.Message);
    }

    [Fact]
    public void With_ACodeAnotherPromotionHolds_IsRefused_AndNothingChanges()
    {
        var catalog = PromotionCatalog.Create([Save5]);
        var thief = Promo("thief", Discount.AmountOffOrder(D(50))).WithCode("save5").Build();

        var e = Assert.Throws<PromotionDefinitionException>(() => catalog.With([thief]));

        Assert.Equal(["promotions[0].codes: 'SAVE5' is also a code of 'save5'."], e.Errors.ToArray());
        Assert.Same(Save5, catalog.FindByCode("SAVE5"));
        Assert.Null(catalog.Find(new PromotionId("thief")));
    }

    [Fact]
    public void With_ACodeOfThePromotionItReplaces_TakesTheCodeOver()
    {
        var catalog = PromotionCatalog.Create([Save5]);
        var successor = Promo("successor", Discount.AmountOffOrder(D(7))).WithCode("SAVE5").Build();
        var withoutCode = Promo("save5", Discount.AmountOffOrder(D(5))).WithCode("OLD5").Build();

        var after = catalog.With([withoutCode, successor]);

        Assert.Same(successor, after.FindByCode("save5"));
        Assert.Same(withoutCode, after.FindByCode("old5"));
    }

    [Fact]
    public void With_TwoPromotionsOfOneIdOrCode_IsRefusedWithEveryCollision()
    {
        var catalog = PromotionCatalog.Create([Shirts]);
        var a = Promo("a", Discount.AmountOffOrder(D(1))).WithCode("SAME").Build();
        var b = Promo("b", Discount.AmountOffOrder(D(2))).WithCode("SAME").Build();

        var e = Assert.Throws<PromotionDefinitionException>(() => catalog.With([a, b, a]));

        Assert.Equal(["promotions[2].id: 'a' is also the id of promotions[0].", "promotions[1].codes: 'SAME' is also a code of 'a'."], e.Errors.ToArray());
    }

    [Fact]
    public void With_ACodeThatReadsAsAFoldingSharedCode_IsRefused()
    {
        var folding = Promo("folding", Discount.AmountOffOrder(D(1))).WithCode("SAVE20", foldLookAlikes: true).Build();
        var lookAlike = Promo("other", Discount.AmountOffOrder(D(2))).WithCode("5AVE2O").Build();

        var added = Assert.Throws<PromotionDefinitionException>(() => PromotionCatalog.Create([folding]).With([lookAlike]));
        var folded = Assert.Throws<PromotionDefinitionException>(() => PromotionCatalog.Create([lookAlike]).With([folding]));

        Assert.Equal(["promotions[0].codes: '5AVE2O' reads as 'SAVE20' of 'folding', which folds look-alikes (0/O/Q, 1/I/L, 2/Z, 5/S, 8/B)."], added.Errors.ToArray());
        Assert.Equal(["promotions[0].codes: 'SAVE20' folds look-alikes (0/O/Q, 1/I/L, 2/Z, 5/S, 8/B), and '5AVE2O' of 'other' reads as it."], folded.Errors.ToArray());
        Assert.Throws<PromotionDefinitionException>(() => PromotionCatalog.Create([folding, lookAlike]));
    }

    [Fact]
    public void With_AFoldingSharedCode_IsFoundByALookAlike_AndWithoutItTheLookAlikeIsUnknown()
    {
        var folding = Promo("folding", Discount.AmountOffOrder(D(1))).WithCode("SAVE20", foldLookAlikes: true).Build();

        var with = PromotionCatalog.Create([Shirts]).With([folding]);
        var without = with.Without([folding.Id]);

        Assert.Same(folding, with.FindByCode("5AVE2O"));
        Assert.Null(without.FindByCode("5AVE2O"));
    }

    [Fact]
    public void Without_TheLastPromotionOfAClaimCodeFormat_NoLongerReadsMistypedCodesAsTypos()
    {
        var format = new ClaimCodeFormat(length: 8);
        var code = ClaimCodeGenerator.Generate(format, 1).Single();
        var claim = Promo("claim", Discount.AmountOffOrder(D(3))).WithClaimCodes([code], format).Build();
        var typo = code[..^1] + format.Alphabet.First(c => c != code[^1]); // a wrong check character
        var catalog = PromotionCatalog.Create([Shirts]).With([claim]);

        var before = new PromotionEvaluator(catalog).Evaluate(ShirtAndHat, [typo], Now);
        var after = new PromotionEvaluator(catalog.Without([claim.Id])).Evaluate(ShirtAndHat, [typo], Now);
        var rebuilt = new PromotionEvaluator(PromotionCatalog.Create([Shirts])).Evaluate(ShirtAndHat, [typo], Now);

        Assert.Equal(RejectionReason.LikelyTypo, Assert.Single(before.Rejected).Reason);
        Assert.Equal(Assert.Single(rebuilt.Rejected).Reason, Assert.Single(after.Rejected).Reason);
        Assert.Equal(RejectionReason.UnknownCode, Assert.Single(after.Rejected).Reason);
    }

    [Fact]
    public void ManyChanges_PastTheShareThatForcesAFullBuild_StayTheCatalogCreateMakes()
    {
        // 200 promotions, then 300 changes (more than ChangeShare(200) = 64 several times over): after each, the
        // catalog holds and applies what Create of the same promotions holds and applies.
        var random = new Random(20261207);
        var model = new Dictionary<string, Promotion>(StringComparer.Ordinal);
        for (var i = 0; i < 200; i++)
        {
            model[$"p{i:D3}"] = Numbered(i, random);
        }

        var catalog = PromotionCatalog.Create(model.Values);
        var cart = Cart([.. Enumerable.Range(0, 6).Select(i => Line($"l{i}", 10m + i, 1, $"s{i}", $"c{i}"))]);
        for (var step = 0; step < 300; step++)
        {
            var i = random.Next(260);
            var id = $"p{i:D3}";
            switch (random.Next(3))
            {
                case 0:
                    model[id] = Numbered(i, random);
                    catalog = catalog.With([model[id]]);
                    break;
                case 1:
                    model.Remove(id);
                    catalog = catalog.Without([new PromotionId(id)]);
                    break;
                default:
                    if (model.TryGetValue(id, out var promotion))
                    {
                        model[id] = promotion.WithStatus(promotion.Status == PromotionStatus.Active ? PromotionStatus.Paused : PromotionStatus.Active);
                        catalog = catalog.WithStatus(promotion.Id, model[id].Status);
                    }

                    break;
            }

            if (step % 25 == 0 || step == 299)
            {
                AssertSameAs(PromotionCatalog.Create(model.Values), catalog, cart, [$"CODE{i}", "CODE7"]);
            }
        }
    }

    [Property(MaxTest = 200, Arbitrary = [typeof(EvaluationArbitraries)])]
    public void AnyChanges_GiveTheCatalogCreateMakes(EvaluationCase session)
    {
        // Half the promotions to start with, then the others added one by one, with removals, re-additions and pauses
        // on the way, drawn from the case's seed; the result must be Create's of the same promotions.
        var random = new Random(session.ShuffleSeed);
        var model = session.Promotions.Take(session.Promotions.Length / 2).ToDictionary(p => p.Id);
        var catalog = PromotionCatalog.Create(model.Values);
        foreach (var promotion in session.Promotions.Skip(model.Count))
        {
            model[promotion.Id] = promotion;
            catalog = catalog.With([promotion]);
            if (random.Next(3) == 0 && model.Count > 0)
            {
                var victim = model.Keys.ElementAt(random.Next(model.Count));
                var removed = model[victim];
                model.Remove(victim);
                catalog = catalog.Without([victim]);
                if (random.Next(2) == 0)
                {
                    var again = removed.WithStatus(random.Next(2) == 0 ? PromotionStatus.Active : PromotionStatus.Paused);
                    model[victim] = again;
                    catalog = catalog.With([again]);
                }
            }
        }

        var expected = PromotionCatalog.Create(model.Values);
        Assert.Equal(expected.Promotions.Select(p => p.Id), catalog.Promotions.Select(p => p.Id));
        Assert.Equal(
            EvaluationJson.Write(new PromotionEvaluator(expected, session.Options).Evaluate(session.Cart, session.Codes, session.At, session.Usage)),
            EvaluationJson.Write(new PromotionEvaluator(catalog, session.Options).Evaluate(session.Cart, session.Codes, session.At, session.Usage)));
    }

    private static Promotion Numbered(int i, Random random)
    {
        var builder = Promo($"p{i:D3}", i % 4 == 0 ? Discount.AmountOffOrder(D(1 + random.Next(5))) : Discount.PercentOffItems(5 + random.Next(30)))
            .WithPriority(random.Next(3));
        builder = (i % 4) switch
        {
            0 => builder.WithCode($"CODE{i}"),
            1 => builder.ForItems(ItemFilter.Categories($"c{random.Next(8)}")),
            2 => builder.ForItems(ItemFilter.Skus($"s{random.Next(8)}")),
            _ => builder.ForItems(ItemFilter.Tags("none")),
        };
        return builder.Build();
    }

    private static void AssertSameAs(PromotionCatalog expected, PromotionCatalog actual, Cart cart, string[] codes)
    {
        Assert.Equal(expected.Count, actual.Count);
        // WithStatus makes its own copy of a paused or resumed promotion: the same id and status, not the same object.
        Assert.Equal(expected.Promotions.Select(p => (p.Id, p.Status)), actual.Promotions.Select(p => (p.Id, p.Status)));
        foreach (var promotion in expected.Promotions)
        {
            Assert.Equal(promotion.Status, actual.Find(promotion.Id)?.Status);
            foreach (var code in promotion.Activation.Codes)
            {
                Assert.Equal(promotion.Id, actual.FindByCode(code)?.Id);
            }
        }

        Assert.Equal(
            EvaluationJson.Write(new PromotionEvaluator(expected).Evaluate(cart, codes, Now)),
            EvaluationJson.Write(new PromotionEvaluator(actual).Evaluate(cart, codes, Now)));
    }

    private static decimal Applied(PromotionCatalog catalog, Cart cart, string id) =>
        new PromotionEvaluator(catalog).Evaluate(cart, [], Now).Applied(id);
}
