using System.Linq;
using Xunit;
using static PromoEngine.Tests.Shop;

namespace PromoEngine.Tests;

/// <summary>What a promotion left out of the winning combination is told, under "best for the shopper" and under strict
/// priority: an exclusive winner, an exclusive loser, a class conflict, a group, and a combination that was simply
/// better without it (each message, reason, winner and amount alone).</summary>
public sealed class CombinationExplainTests
{
    private static readonly Cart Hundred = Cart(Line("a", 100m));

    private static readonly EvaluationOptions Strict = new() { Selection = SelectionPolicy.StrictPriority };

    private static EvaluationResult Run(Cart cart, EvaluationOptions options, params Promotion[] promotions) =>
        new PromotionEvaluator(PromotionCatalog.Create(promotions), options).Evaluate(cart, [], Now);

    [Fact]
    public void Explain_ExclusiveSavesMoreAlone_TheOthersAreToldItSavesMoreOnItsOwn()
    {
        var result = Run(Hundred, EvaluationOptions.Default,
            Promo("ten", Discount.PercentOffItems(10)).Build(),
            Promo("solo", Discount.PercentOffItems(20)).Exclusive().Build());

        var rejection = result.Rejection("ten");
        Assert.Equal(RejectionReason.NotCombinable, rejection.Reason);
        Assert.Equal("ten cannot be combined with solo, which saves more on its own.", rejection.Message);
        Assert.Equal("solo", rejection.Winner?.Value);
        Assert.Equal(D(10m), rejection.AloneAmount);
    }

    [Fact]
    public void Explain_StrictPriority_ExclusiveComesFirst_TheOthersAreToldItComesFirst()
    {
        var result = Run(Hundred, Strict,
            Promo("ten", Discount.PercentOffItems(10)).WithPriority(1).Build(),
            Promo("solo", Discount.PercentOffItems(5)).Exclusive().WithPriority(2).Build());

        Assert.Equal(5m, result.Applied("solo"));
        var rejection = result.Rejection("ten");
        Assert.Equal(RejectionReason.NotCombinable, rejection.Reason);
        Assert.Equal("ten cannot be combined with solo, which comes first and applies alone.", rejection.Message);
        Assert.Equal("solo", rejection.Winner?.Value);
    }

    [Fact]
    public void Explain_ExclusiveSavesLess_IsToldTheCombinableOnesSaveMore_NamingTheLargest()
    {
        var result = Run(Hundred, EvaluationOptions.Default,
            Promo("five", Discount.AmountOffOrder(D(5))).Build(),
            Promo("ten", Discount.PercentOffItems(10)).Build(),
            Promo("solo", Discount.PercentOffItems(12)).Exclusive().Build());

        var rejection = result.Rejection("solo");
        Assert.Equal(RejectionReason.NotCombinable, rejection.Reason);
        Assert.Equal("solo applies only alone, and the promotions that can be combined (ten and the others) save more.", rejection.Message);
        Assert.Equal("ten", rejection.Winner?.Value);
        Assert.Equal(D(12m), rejection.AloneAmount);
    }

    [Fact]
    public void Explain_StrictPriority_ExclusiveAfterOthers_IsToldOthersComeBeforeIt()
    {
        var result = Run(Hundred, Strict,
            Promo("ten", Discount.PercentOffItems(10)).WithPriority(2).Build(),
            Promo("solo", Discount.PercentOffItems(50)).Exclusive().WithPriority(1).Build());

        var rejection = result.Rejection("solo");
        Assert.Equal(RejectionReason.NotCombinable, rejection.Reason);
        Assert.Equal("solo applies only alone, and other promotions come before it.", rejection.Message);
        Assert.Equal("ten", rejection.Winner?.Value);
    }

    [Fact]
    public void Explain_ClassConflict_NamesTheConflictAndBothClasses()
    {
        var result = Run(Cart(CustomerProfile.Guest, 5m, Line("a", 100m)), EvaluationOptions.Default,
            Promo("items10", Discount.PercentOffItems(10)).Build(),
            Promo("order20", Discount.PercentOffOrder(20)).CombiningWith(DiscountClasses.Shipping).Build());

        var rejection = result.Rejection("items10");
        Assert.Equal(RejectionReason.NotCombinable, rejection.Reason);
        Assert.Equal("items10 cannot be combined with order20 (order and item discounts).", rejection.Message);
        Assert.Equal("order20", rejection.Winner?.Value);
    }

    [Fact]
    public void Explain_GroupMemberNotChosen_NamesTheGroupAndTheMemberChosen()
    {
        var result = Run(Hundred, EvaluationOptions.Default,
            Promo("small", Discount.PercentOffItems(10)).InGroup("spring").Build(),
            Promo("large", Discount.PercentOffItems(20)).InGroup("spring").Build());

        var rejection = result.Rejection("small");
        Assert.Equal(RejectionReason.BetterDealChosen, rejection.Reason);
        Assert.Equal("Only one promotion of the group spring applies: large was chosen.", rejection.Message);
        Assert.Equal("large", rejection.Winner?.Value);
        Assert.Equal(D(10m), rejection.AloneAmount);
    }

    [Fact]
    public void Explain_StopperLeftOutForABetterDealBelow_IsToldABetterCombinationWasChosen()
    {
        // 30 % on A that stops lower lanes, above 50 % on A: the shopper is better off without the stop.
        var result = Run(Cart(Line("a", 50m, 1, "A")), EvaluationOptions.Default,
            Promo("a30", Discount.PercentOffItems(30)).ForItems(ItemFilter.Skus("A")).WithPriority(2).StopLowerLanes(StopScope.ItsItems).Build(),
            Promo("a50", Discount.PercentOffItems(50)).ForItems(ItemFilter.Skus("A")).WithPriority(1).Build());

        Assert.Equal(["a50"], result.Applied.Select(a => a.PromotionId.Value));
        var rejection = result.Rejection("a30");
        Assert.Equal(RejectionReason.BetterDealChosen, rejection.Reason);
        Assert.Equal("A better combination was chosen without a30.", rejection.Message);
        Assert.Equal("a50", rejection.Winner?.Value);
        Assert.Equal(D(15m), rejection.AloneAmount);
    }

    [Fact]
    public void Explain_BothGroupMembersLeftOutAsStoppers_IsToldABetterCombinationWasChosen()
    {
        // Both members of the group stop the lane below, where 50 % saves more: the best combination holds neither.
        var result = Run(Cart(Line("a", 50m, 1, "A")), EvaluationOptions.Default,
            Promo("m1", Discount.PercentOffItems(30)).ForItems(ItemFilter.Skus("A")).WithPriority(2).InGroup("g").StopLowerLanes(StopScope.ItsItems).Build(),
            Promo("m2", Discount.PercentOffItems(20)).ForItems(ItemFilter.Skus("A")).WithPriority(2).InGroup("g").StopLowerLanes(StopScope.ItsItems).Build(),
            Promo("a50", Discount.PercentOffItems(50)).ForItems(ItemFilter.Skus("A")).WithPriority(1).Build());

        Assert.Equal(["a50"], result.Applied.Select(a => a.PromotionId.Value));
        Assert.Equal("A better combination was chosen without m1.", result.Rejection("m1").Message);
        Assert.Equal("A better combination was chosen without m2.", result.Rejection("m2").Message);
    }

    [Fact]
    public void Explain_ExclusiveLosesToTwoThatSaveAlike_NamesTheSmallerId()
    {
        var result = Run(Cart(Line("a", 50m, 1, "A"), Line("b", 50m, 1, "B")), EvaluationOptions.Default,
            Promo("zed", Discount.PercentOffItems(10)).ForItems(ItemFilter.Skus("B")).Build(),
            Promo("ada", Discount.PercentOffItems(10)).ForItems(ItemFilter.Skus("A")).Build(),
            Promo("solo", Discount.PercentOffItems(8)).Exclusive().Build());

        var rejection = result.Rejection("solo");
        Assert.Equal("ada", rejection.Winner?.Value);
        Assert.Equal("solo applies only alone, and the promotions that can be combined (ada and the others) save more.", rejection.Message);
    }
}

/// <summary>Which combinations the evaluator tries (Combination.cs): exclusives alone, one member of each group, class
/// conflicts, promotions that stop lower lanes with and without, and the bounds past which it stops trying them all.
/// Ties go to the combination tried first.</summary>
public sealed class CombinationScenarioTests
{
    private static Promotion Pct(string id, decimal percent, string sku, int priority = 0) =>
        Promo(id, Discount.PercentOffItems(percent)).ForItems(ItemFilter.Skus(sku)).WithPriority(priority).Build();

    private static Promotion Stopper(string id, decimal percent, string sku, int priority = 2) =>
        Promo(id, Discount.PercentOffItems(percent)).ForItems(ItemFilter.Skus(sku)).WithPriority(priority).StopLowerLanes(StopScope.ItsItems).Build();

    private static Cart Skus(params string[] skus) => Cart(skus.Select(s => Line(s.ToLowerInvariant(), 100m, 1, s)).ToArray());

    private static string[] AppliedIds(EvaluationResult result) => [.. result.Applied.Select(a => a.PromotionId.Value).Order()];

    [Fact]
    public void Scenarios_TwoPairsOfClassConflicts_EveryMaximalSetIsTried()
    {
        // a conflicts with b (a takes no other item promotion), c with d (c takes no other order promotion); every other
        // pair combines. The maximal sets are {a, c}, {a, d}, {b, c}, {b, d}, each with an outsider that conflicts with
        // one of its members only; the best is b and d: 20 % off, then 10 off the order.
        var a = Promo("a", Discount.PercentOffItems(10)).CombiningWith(DiscountClasses.Order | DiscountClasses.Shipping).Build();
        var b = Promo("b", Discount.PercentOffItems(20)).Build();
        var c = Promo("c", Discount.AmountOffOrder(D(5m))).CombiningWith(DiscountClasses.Item | DiscountClasses.Shipping).Build();
        var d = Promo("d", Discount.AmountOffOrder(D(10m))).Build();

        var result = Evaluate(Skus("X"), [a, b, c, d]);

        Assert.Equal(["b", "d"], AppliedIds(result));
        Assert.Equal(70m, result.Total.Amount);
    }

    [Fact]
    public void Scenarios_SixtyFourMaximalSets_EveryOneIsTried()
    {
        // Four of each class, each combining with the other two classes but not its own: every maximal set is one of
        // each class, 4 x 4 x 4 = 64, the most that 12 promotions can make (scripts/max-conflict-sets.cs counts every
        // way to choose them) and no more than MaxConflictSubsets, so all are tried: the largest of each class wins,
        // though each is last by id. In priority-then-id order the first of each would be kept.
        var promotions = Enumerable.Range(1, 4).SelectMany(i => new[]
        {
            Promo($"i{i}", Discount.PercentOffItems(i)).CombiningWith(DiscountClasses.Order | DiscountClasses.Shipping).Build(),
            Promo($"o{i}", Discount.AmountOffOrder(D(i))).CombiningWith(DiscountClasses.Item | DiscountClasses.Shipping).Build(),
            Promo($"s{i}", Discount.ShippingAmountOff(D(i))).CombiningWith(DiscountClasses.Item | DiscountClasses.Order).Build(),
        });

        var result = Evaluate(Cart(CustomerProfile.Guest, 10m, Line("x", 100m, 1, "X")), promotions);

        Assert.Equal(["i4", "o4", "s4"], AppliedIds(result));
        Assert.Equal(98m, result.Total.Amount); // 100 - 4 % - 4 + shipping 10 - 4
    }

    [Fact]
    public void Scenarios_ThirteenPromotionsInConflict_KeptInPriorityOrderEachDroppedWhenItConflictsWithOneKept()
    {
        // Past twelve promotions in conflict, maximal sets are not searched: in priority order (then id), each is kept
        // unless it conflicts with one kept before. Thirteen item discounts that combine with no other item discount: the first by
        // priority is kept, though others save more; "z", an order discount they all combine with, is kept beside it.
        var promotions = Enumerable.Range(1, 13)
            .Select(i => Promo($"p{i:D2}", Discount.PercentOffItems(i)).CombiningWith(DiscountClasses.Order).WithPriority(i == 2 ? 1 : 0).Build())
            .Append(Promo("z", Discount.AmountOffOrder(D(1m))).Build());

        var result = Evaluate(Skus("X"), promotions);

        Assert.Equal(["p02", "z"], AppliedIds(result));
        Assert.Equal(97m, result.Total.Amount);
    }

    [Fact]
    public void Scenarios_DroppingEitherOfTwoStoppersSavesAlike_TheFirstStopperByIdIsDropped()
    {
        // Each stopper saves 10 on its item and keeps "below" (15 % of both, at most 15) off it. Both: 20; without either
        // one: 25 (10 + 15); without both: 15. The two 25s tie, and the first tried drops the first stopper by id.
        var below = Promo("below", Discount.PercentOffItems(15)).WithMaxDiscount(D(15m)).Build();

        var result = Evaluate(Skus("X", "Y"), [Stopper("sb", 10, "Y"), Stopper("sa", 10, "X"), below]);

        Assert.Equal(["below", "sb"], AppliedIds(result));
        Assert.Equal(175m, result.Total.Amount);
    }

    [Fact]
    public void Scenarios_ExclusivesThatSaveNothing_TheFirstIsTriedAndTheOtherToldItCannotCombine()
    {
        // 10 % of a cent rounds to nothing: both exclusives save nothing. Only combinations of them are tried (no empty
        // one), so the first by id is the chosen one and names itself to the other.
        var result = Evaluate(Cart(Line("a", 0.01m)), [Promo("xa", Discount.PercentOffItems(10)).Exclusive().Build(), Promo("xb", Discount.PercentOffItems(10)).Exclusive().Build()]);

        Assert.Empty(result.Applied);
        var other = result.Rejection("xb");
        Assert.Equal((RejectionReason.NotCombinable, new PromotionId("xa")), (other.Reason, other.Winner));
        Assert.Equal("xb cannot be combined with xa, which saves more on its own.", other.Message);
    }

    [Fact]
    public void Scenarios_AnExclusiveBesideACombinationThatAppliesNothing_IsToldTheOthersSaveMoreNamingNoOne()
    {
        var result = Evaluate(Cart(Line("a", 0.01m)), [Promo("n", Discount.PercentOffItems(10)).Build(), Promo("x", Discount.PercentOffItems(10)).Exclusive().Build()]);

        Assert.Empty(result.Applied);
        var exclusive = result.Rejection("x");
        Assert.Equal((RejectionReason.NotCombinable, (PromotionId?)null), (exclusive.Reason, exclusive.Winner));
        Assert.Equal("x applies only alone, and the promotions that can be combined save more.", exclusive.Message);
    }

    [Fact]
    public void Scenarios_ClassConflicts_NeverApplyTwoPromotionsThatDoNotCombine()
    {
        // y and z (items, not with items) conflict; x (order, not with shipping) conflicts with w (shipping). The largest
        // sets that combine: {x, z} is best; {x, y, z} would save more but y and z do not combine.
        var y = Promo("y", Discount.PercentOffItems(10)).CombiningWith(DiscountClasses.Order | DiscountClasses.Shipping).Build();
        var z = Promo("z", Discount.PercentOffItems(20)).CombiningWith(DiscountClasses.Order | DiscountClasses.Shipping).Build();
        var x = Promo("x", Discount.AmountOffOrder(D(5m))).CombiningWith(DiscountClasses.Item | DiscountClasses.Order).Build();
        var w = Promo("w", Discount.FreeShipping).Build();

        var result = Evaluate(Cart(CustomerProfile.Guest, 1m, Line("a", 100m)), [y, z, x, w]);

        Assert.Equal(["x", "z"], AppliedIds(result));
        Assert.Equal(76m, result.Total.Amount);
        Assert.Equal(RejectionReason.NotCombinable, result.Rejection("y").Reason);
    }

    [Fact]
    public void Scenarios_OnlyExclusives_OneAppliesAlone()
    {
        var result = Evaluate(Skus("A", "B"), [Promo("x1", Discount.PercentOffItems(10)).Exclusive().Build(), Promo("x2", Discount.PercentOffItems(20)).Exclusive().Build()]);

        Assert.Equal(["x2"], AppliedIds(result));
        Assert.Equal(160m, result.Total.Amount);
    }

    [Fact]
    public void Scenarios_ExclusivesThatSaveAlike_TheFirstByIdApplies()
    {
        var result = Evaluate(Skus("A"), [Promo("xb", Discount.PercentOffItems(10)).Exclusive().Build(), Promo("xa", Discount.PercentOffItems(10)).Exclusive().Build()]);

        Assert.Equal(["xa"], AppliedIds(result));
    }

    [Fact]
    public void Scenarios_ExclusivesThatSaveAlike_TheHigherPriorityApplies()
    {
        var result = Evaluate(Skus("A"),
        [
            Promo("xa", Discount.PercentOffItems(10)).Exclusive().WithPriority(1).Build(),
            Promo("xb", Discount.PercentOffItems(10)).Exclusive().WithPriority(2).Build(),
        ]);

        Assert.Equal(["xb"], AppliedIds(result));
    }

    [Fact]
    public void Scenarios_OnlyStoppers_StillTriedWithoutEach()
    {
        // Both stop the lanes below; without the 30 %, the 50 % below it applies.
        var result = Evaluate(Skus("A"), [Stopper("a30", 30, "A", 2), Stopper("a50", 50, "A", 1)]);

        Assert.Equal(["a50"], AppliedIds(result));
    }

    [Fact]
    public void Scenarios_TwoStoppersThatBothHelp_BothApply()
    {
        var result = Evaluate(Skus("A", "B"), [Stopper("s1", 30, "A"), Stopper("s2", 30, "B"), Pct("low", 10, "C", 1)]);

        Assert.Equal(["s1", "s2"], AppliedIds(result));
    }

    [Fact]
    public void Scenarios_FourStoppers_AreTriedWithAndWithoutEach()
    {
        var result = Evaluate(Skus("A", "B", "C", "D"),
            [Stopper("a30", 30, "A"), Stopper("b10", 10, "B"), Stopper("c10", 10, "C"), Stopper("d10", 10, "D"), Pct("a50", 50, "A", 1)]);

        Assert.Equal(["a50", "b10", "c10", "d10"], AppliedIds(result));
    }

    [Fact]
    public void Scenarios_FiveStoppers_PastTheBound_AllStay()
    {
        // Past MaxStopsTried (4) the combination keeps every stopper: the 30 % stops the 50 % below it.
        var result = Evaluate(Skus("A", "B", "C", "D", "E"),
            [Stopper("a30", 30, "A"), Stopper("b10", 10, "B"), Stopper("c10", 10, "C"), Stopper("d10", 10, "D"), Stopper("e10", 10, "E"), Pct("a50", 50, "A", 1)]);

        Assert.Equal(["a30", "b10", "c10", "d10", "e10"], AppliedIds(result));
        Assert.Equal(RejectionReason.StoppedByHigherLane, result.Rejection("a50").Reason);
    }

    [Fact]
    public void Scenarios_EveryPromotionRestrictedByClass_TheConflictIsStillResolved()
    {
        var result = Evaluate(Skus("A"),
        [
            Promo("items10", Discount.PercentOffItems(10)).CombiningWith(DiscountClasses.Item | DiscountClasses.Shipping).Build(),
            Promo("order20", Discount.PercentOffOrder(20)).CombiningWith(DiscountClasses.Shipping).Build(),
        ]);

        Assert.Equal(["order20"], AppliedIds(result));
        Assert.Equal(RejectionReason.NotCombinable, result.Rejection("items10").Reason);
    }

    [Fact]
    public void Scenarios_TwoGroupsWithTiedCombinations_TheFirstTriedWins_GroupsByName_MembersById()
    {
        // a1 and b1 share X; a2 and b2 share Y. {a1, b2} and {a2, b1} both save 20: groups are taken by name (g1, then
        // g2) and members by priority then id, so {a1, b2} is tried first.
        var result = Evaluate(Skus("X", "Y"),
            new[] { Pct("b1", 10, "X"), Pct("b2", 10, "Y"), Pct("a2", 10, "Y"), Pct("a1", 10, "X") }.Select((p, i) => Regroup(p, i < 2 ? "g2" : "g1")).ToArray());

        Assert.Equal(["a1", "b2"], AppliedIds(result));
    }

    [Fact]
    public void Scenarios_TwoGroupsWithTiedCombinations_MembersByPriorityFirst()
    {
        // As above, with each group's second member by id given the higher priority: {a2, b1} is tried first.
        var result = Evaluate(Skus("X", "Y"),
        [
            Regroup(Pct("a1", 10, "X", 1), "g1"), Regroup(Pct("a2", 10, "Y", 2), "g1"),
            Regroup(Pct("b1", 10, "X", 2), "g2"), Regroup(Pct("b2", 10, "Y", 1), "g2"),
        ]);

        Assert.Equal(["a2", "b1"], AppliedIds(result));
    }

    [Fact]
    public void LeaveOut_PromotionsOnLinesNoValueMoverReaches_AreNotSuspects_SoNoFallback()
    {
        // Five percentages on their own lines above a set price and a 50 % on another line: the set price moves value,
        // but not onto A..E, so none of the five is a suspect (past four suspects the search would give up).
        var skus = new[] { "A", "B", "C", "D", "E" };
        var promotions = skus.Select(s => Pct("p" + s, 10, s, 2))
            .Append(Promo("set", Discount.FixedPrice(2, D(150m))).ForItems(ItemFilter.Skus("F")).WithPriority(1).Build())
            .Append(Promo("halfF", Discount.PercentOffOrder(50)).ForItems(ItemFilter.Skus("F")).Build());

        var result = Evaluate(Cart([.. skus.Select(s => Line(s.ToLowerInvariant(), 100m, 1, s)), Line("f", 100m, 2, "F")]), promotions);

        Assert.False(result.UsedGreedyFallback);
        Assert.Equal(450m + 75m, result.Total.Amount);
    }

    [Fact]
    public void Scenarios_StrictPriority_ConflictingPromotionsOfOnePriority_TheFirstByIdIsKept()
    {
        var result = new PromotionEvaluator(PromotionCatalog.Create(
            [
                Promo("b20", Discount.PercentOffOrder(20)).CombiningWith(DiscountClasses.Shipping).Build(),
                Promo("a10", Discount.PercentOffItems(10)).CombiningWith(DiscountClasses.Item | DiscountClasses.Shipping).Build(),
            ]), new EvaluationOptions { Selection = SelectionPolicy.StrictPriority }).Evaluate(Skus("A"), [], Now);

        Assert.Equal(["a10"], AppliedIds(result));
        Assert.Equal(RejectionReason.NotCombinable, result.Rejection("b20").Reason);
    }

    private static Promotion Regroup(Promotion p, string group) =>
        Promotion.Create(p.Id.Value, p.Name).Giving(p.Discount).ForItems(p.QualifyingItems).WithPriority(p.Priority).InGroup(group).Build();

    private static Promotion[] GroupOf(string group, string sku, params decimal[] percents) =>
        [.. percents.Select((pct, i) => Regroup(Pct($"{group}m{i + 1}", pct, sku), group))];

    [Fact]
    public void Scenarios_GroupsOf64Combinations_AreAllTried()
    {
        // 4 x 4 x 4 = 64 combinations, the bound: the last group's best member is its last by id.
        var result = Evaluate(Skus("A", "B", "C"),
            [.. GroupOf("g1", "A", 40, 10, 10, 10), .. GroupOf("g2", "B", 40, 10, 10, 10), .. GroupOf("g3", "C", 10, 10, 10, 40)]);

        Assert.Equal(["g1m1", "g2m1", "g3m4"], AppliedIds(result));
    }

    [Fact]
    public void Scenarios_PastThe64Combinations_ALaterGroupKeepsItsFirstMember()
    {
        // 64 x 2: past the bound, the group g4 keeps its first member (priority, then id), though the other saves more.
        var result = Evaluate(Skus("A", "B", "C", "D"),
            [.. GroupOf("g1", "A", 40, 10, 10, 10), .. GroupOf("g2", "B", 40, 10, 10, 10), .. GroupOf("g3", "C", 10, 10, 10, 40), .. GroupOf("g4", "D", 10, 40)]);

        Assert.Equal(["g1m1", "g2m1", "g3m4", "g4m1"], AppliedIds(result));
    }

    [Fact]
    public void Scenarios_TwelveConflictingPromotions_AreSearchedExactly()
    {
        // 20 % off the order (higher priority) refuses item discounts; eleven item promotions save 50 each. With twelve
        // conflicting promotions every subset is searched, and the items win.
        var skus = Enumerable.Range(1, 11).Select(i => "S" + i).ToArray();
        var promotions = skus.Select(s => Pct("i" + s, 50, s)).Append(Promo("order20", Discount.PercentOffOrder(20)).WithPriority(1).CombiningWith(DiscountClasses.Shipping).Build());

        var result = Evaluate(Skus(skus), promotions);

        Assert.Equal(550m, result.Total.Amount);
        Assert.Equal(RejectionReason.NotCombinable, result.Rejection("order20").Reason);
    }

    [Fact]
    public void Scenarios_TwelveConflictingAndOneThatCombinesWithAll_AreSearchedExactly()
    {
        // Free shipping combines with everything, so it is not one of the conflicting promotions: still twelve.
        var skus = Enumerable.Range(1, 11).Select(i => "S" + i).ToArray();
        var promotions = skus.Select(s => Pct("i" + s, 50, s))
            .Append(Promo("order20", Discount.PercentOffOrder(20)).WithPriority(1).CombiningWith(DiscountClasses.Shipping).Build())
            .Append(Promo("ship", Discount.FreeShipping).Build());

        var result = Evaluate(Cart(CustomerProfile.Guest, 5m, skus.Select(s => Line(s.ToLowerInvariant(), 100m, 1, s)).ToArray()), promotions);

        Assert.Equal(550m, result.Total.Amount);
        Assert.Equal(5m, result.ShippingDiscount.Amount);
    }
}
