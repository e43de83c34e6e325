using System.Collections.Generic;
using System.Linq;
using Xunit;
using static PromoEngine.Tests.Shop;

namespace PromoEngine.Tests;

/// <summary>How far "best for the shopper" searches without its suspects (<see cref="LeaveOut"/>): up to
/// <see cref="LeaveOut.MaxSuspects"/> suspects per combination, <see cref="LeaveOut.MaxEvaluations"/> evaluations over
/// all the combinations of a cart; a combination the evaluator considered and could not search flags the result; a
/// combination without suspects that saves as much keeps the suspects (ties go to the earlier).</summary>
/// <remarks>Each suspect is a buy-one-get-one on a line of its own (two units at 10) that a lower lane makes free anyway
/// (100 % off those items, not the hat): with or without it the line is free, so leaving it out never saves anything, and
/// every subset of the suspects is tried. A group of promotions on the hat makes one combination per member.</remarks>
public sealed class LeaveOutBudgetTests
{
    private static EvaluationResult Run(int suspects, int groupMembers = 1, params Promotion[] more)
    {
        var lines = Enumerable.Range(0, suspects).Select(i => Line($"s{i}", 10m, 2, $"s{i}", "c")).Append(Line("hat", 10m, 1, "hat", "h"));
        var bogos = Enumerable.Range(0, suspects).Select(i => Promo($"bogo{i}", Discount.BuyXGetY(1, 1)).ForItems(ItemFilter.Skus($"s{i}")).WithPriority(1).Build());
        var free = Promo("free", Discount.PercentOffOrder(100)).ForItems(ItemFilter.Categories("c")).Build();
        var group = Enumerable.Range(0, groupMembers).Select(j => Promo($"hat{j}", Discount.PercentOffItems(10)).ForItems(ItemFilter.Skus("hat")).InGroup("hats").WithPriority(2).Build());
        var promotions = new List<Promotion>([.. bogos, free, .. more]);
        if (groupMembers > 1)
        {
            promotions.AddRange(group);
        }

        return new PromotionEvaluator(PromotionCatalog.Create(promotions)).Evaluate(Cart([.. lines]), [], Now);
    }

    [Fact]
    public void Evaluate_ASuspectWhoseLeavingOutSavesNothing_IsKept()
    {
        var result = Run(suspects: 1);

        Assert.Equal(["bogo0", "free"], result.Applied.Select(a => a.PromotionId.Value));
        Assert.Empty(result.Rejected);
        Assert.Equal(10m, result.Total.Amount);
        Assert.False(result.UsedGreedyFallback);
    }

    [Fact]
    public void Evaluate_FourSuspects_AreSearched_WithoutAFallback()
    {
        var result = Run(suspects: 4);

        Assert.Equal(5, result.Applied.Length);
        Assert.False(result.UsedGreedyFallback);
    }

    [Fact]
    public void Evaluate_FiveSuspects_AreNotSearched_AndTheResultSaysSo()
    {
        // 31 evaluations would fit the budget of 32: it is the count of suspects that stops the search.
        var result = Run(suspects: 5);

        Assert.Equal(6, result.Applied.Length);
        Assert.True(result.UsedGreedyFallback);
    }

    [Fact]
    public void Evaluate_TwoCombinationsOfFourSuspects_AreBothSearched_WithoutAFallback()
    {
        // 15 + 15 evaluations of 32; what is left (2) is too little to search further, which is not called a fallback.
        var result = Run(suspects: 4, groupMembers: 2);

        Assert.Equal(9m, result.Total.Amount);
        Assert.False(result.UsedGreedyFallback);
    }

    [Fact]
    public void Evaluate_ThreeCombinationsOfFourSuspects_TheThirdIsNotSearched_AndTheResultSaysSo()
    {
        var result = Run(suspects: 4, groupMembers: 3);

        Assert.True(result.UsedGreedyFallback);
    }

    [Fact]
    public void Evaluate_FourCombinationsWhoseSearchesTakeTheWholeBudget_AreAllSearched_WithoutAFallback()
    {
        // Two suspects in every combination, and each of two groups offers one more (a buy-one-get-one on a line of its
        // own) or a percentage on a hat: 2, 3, 3 and 4 suspects, 3 + 7 + 7 + 15 = 32 evaluations, the last exactly
        // what is left.
        var lines = new[]
        {
            Line("s0", 10m, 2, "s0", "c"), Line("s1", 10m, 2, "s1", "c"), Line("q1", 10m, 2, "q1", "c"), Line("q2", 10m, 2, "q2", "c"),
            Line("hat", 10m, 1, "hat", "h"), Line("cap", 10m, 1, "cap", "h"),
        };
        Promotion Bogo(string sku, string? group = null)
        {
            var builder = Promo($"bogo-{sku}", Discount.BuyXGetY(1, 1)).ForItems(ItemFilter.Skus(sku)).WithPriority(1);
            return (group is null ? builder : builder.InGroup(group)).Build();
        }

        var free = Promo("free", Discount.PercentOffOrder(100)).ForItems(ItemFilter.Categories("c")).Build();
        var hat = Promo("ten-hat", Discount.PercentOffItems(10)).ForItems(ItemFilter.Skus("hat")).InGroup("g1").WithPriority(1).Build();
        var cap = Promo("ten-cap", Discount.PercentOffItems(10)).ForItems(ItemFilter.Skus("cap")).InGroup("g2").WithPriority(1).Build();
        var promotions = new[] { Bogo("s0"), Bogo("s1"), Bogo("q1", "g1"), Bogo("q2", "g2"), free, hat, cap };

        var result = new PromotionEvaluator(PromotionCatalog.Create(promotions)).Evaluate(Cart(lines), [], Now);

        Assert.Equal(18m, result.Total.Amount);
        Assert.False(result.UsedGreedyFallback);
    }

    [Fact]
    public void Evaluate_TwoCombinationsOfFiveSuspects_NeitherSearched_AndTheResultSaysSo()
    {
        var result = Run(suspects: 5, groupMembers: 2);

        Assert.True(result.UsedGreedyFallback);
    }

    [Fact]
    public void Evaluate_ACombinationThatLostWithTooManySuspectsAndAfterAGreedyLane_FlagsTheResult()
    {
        // The stopper (90 % off the $300 line) stops every lower lane and wins alone; the combination without it had
        // five suspects and a lane with more competing promotions than are searched exactly: both shortcuts flag.
        var stopper = Promo("stopper", Discount.PercentOffItems(90)).ForItems(ItemFilter.Skus("a")).WithPriority(3).StopLowerLanes(StopScope.AllLowerLanes).Build();
        var many = Enumerable.Range(0, LaneSolver.MaxExactCandidates + 1)
            .Select(i => Promo($"p{i:D2}", Discount.PercentOffItems(1 + i)).ForItems(ItemFilter.Skus("a")).Build());
        var lines = Enumerable.Range(0, 5).Select(i => Line($"s{i}", 10m, 2, $"s{i}", "c")).Append(Line("hat", 10m, 1, "hat", "h")).Append(Line("a", 100m, 3, "a"));
        var bogos = Enumerable.Range(0, 5).Select(i => Promo($"bogo{i}", Discount.BuyXGetY(1, 1)).ForItems(ItemFilter.Skus($"s{i}")).WithPriority(1).Build());
        var free = Promo("free", Discount.PercentOffOrder(100)).ForItems(ItemFilter.Categories("c")).Build();

        var result = new PromotionEvaluator(PromotionCatalog.Create([stopper, .. many, .. bogos, free])).Evaluate(Cart([.. lines]), [], Now);

        Assert.Equal(["stopper"], result.Applied.Select(a => a.PromotionId.Value));
        Assert.True(result.UsedGreedyFallback);
    }

    [Fact]
    public void Evaluate_APromotionThatAppliesOnlyWhenASuspectIsLeftOut_IsSearchedInTurn()
    {
        // 10 % and 5 % off the hat compete in the top lane; "2 for $100" spreads over the shirt and the hat, and 50 % off
        // the hat follows. With the 10 %: 76.32. Without it, the 5 % takes the hat: 75.64. Only without both: 75.
        var ten = Promo("ten-hats", Discount.PercentOffItems(10)).ForItems(ItemFilter.Skus("hat")).WithPriority(2).Build();
        var five = Promo("five-hats", Discount.PercentOffItems(5)).ForItems(ItemFilter.Skus("hat")).WithPriority(2).Build();
        var twoFor = Promo("two-for-100", Discount.FixedPrice(2, D(100))).WithPriority(1).Build();
        var half = Promo("half-hats", Discount.PercentOffOrder(50)).ForItems(ItemFilter.Skus("hat")).Build();

        var result = Evaluate(Cart(Line("shirt", 100m, 1, "shirt"), Line("hat", 100m, 1, "hat")), [ten, five, twoFor, half]);

        Assert.Equal(75m, result.Total.Amount);
        Assert.Equal(["two-for-100", "half-hats"], result.Applied.Select(a => a.PromotionId.Value));
    }
}
