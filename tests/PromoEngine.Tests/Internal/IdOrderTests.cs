using System;
using System.Collections.Generic;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using PromoEngine.Internal;
using Xunit;

namespace PromoEngine.Tests;

/// <summary>Ids are compared by their first characters as numbers, and sorted on keys copied out
/// (<see cref="IdOrder"/>, <see cref="IdSort"/>): these check both order exactly as an ordinal comparison of the texts.</summary>
public sealed class IdOrderTests
{
    // Short alphabets so that ids share prefixes, tie in their first eight characters, or differ past them; a zero
    // character (padding looks alike), a character above 0x7FFF (the top bit of a packed character) and a surrogate.
    private static readonly char[] Alphabet = ['a', 'b', '0', '\0', '\uFFFF', '\u8000', '\uD83D', '-'];

    private static Arbitrary<string> Ids() =>
        Gen.Choose(0, 12)
            .SelectMany(length => Gen.ArrayOf(Gen.Elements(Alphabet), length))
            .Select(chars => new string(chars))
            .ToArbitrary();

    [Theory]
    [InlineData("p00123", "p00124")]
    [InlineData("ab", "ab\0")] // a shorter id first, even when the longer goes on with a zero
    [InlineData("ab", "abc")]
    [InlineData("summer-sale-2026-a", "summer-sale-2026-b")] // equal past eight characters: compared as text
    [InlineData("Z", "a")]
    [InlineData("\u7FFF", "\u8000")]
    [InlineData("", "a")]
    public void Compare_Examples_AsOrdinal(string smaller, string larger)
    {
        Assert.True(Compare(smaller, larger) < 0);
        Assert.True(Compare(larger, smaller) > 0);
        Assert.Equal(0, Compare(larger, larger));
    }

    [Property(MaxTest = 5000)]
    public Property Compare_AnyTwoIds_SameSignAsOrdinal() =>
        Prop.ForAll(Ids(), Ids(), (a, b) => Math.Sign(Compare(a, b)) == Math.Sign(string.CompareOrdinal(a, b)));

    [Property(MaxTest = 300)]
    public Property ById_AnyPromotions_InOrdinalOrderOfIds() =>
        Prop.ForAll(Gen.ListOf(Gen.Choose(0, 400)).ToArbitrary(), numbers =>
        {
            var promotions = Promotions(numbers.Distinct().Select(n => $"p{n % 7}{(n % 3 == 0 ? "-summer-sale-" : "")}{n}"));

            IdSort.ById(promotions);

            return promotions.Select(p => p.Id.Value).SequenceEqual(promotions.Select(p => p.Id.Value).Order(StringComparer.Ordinal));
        });

    [Property(MaxTest = 300)]
    public Property ByPriorityThenId_AnyPromotions_HighestPriorityFirstThenById() =>
        Prop.ForAll(Gen.ListOf(Gen.Choose(0, 400)).ToArbitrary(), numbers =>
        {
            var promotions = Promotions(numbers.Distinct().Select(n => $"id{n}"), n => (n % 5) - 2 + (n % 11 == 0 ? int.MaxValue - 2 : 0));
            var expected = promotions.OrderByDescending(p => p.Priority).ThenBy(p => p.Id.Value, StringComparer.Ordinal).ToList();

            IdSort.ByPriorityThenId(promotions);

            return promotions.SequenceEqual(expected);
        });

    [Property(MaxTest = 500)]
    public Property ById_RejectionsWithAnyIds_InOrdinalOrder() =>
        Prop.ForAll(Gen.ListOf(Ids().Generator).ToArbitrary(), ids =>
        {
            // Ids as a promotion may have them (no control characters, not blank), many sharing their first six characters.
            var valid = ids.Select(id => "x" + id.Replace('\0', 'a')).Distinct().ToList();
            var rejections = valid.Select(id => new Rejection(new PromotionId(id), null, RejectionReason.NothingToDiscount, string.Empty)).ToList();

            IdSort.ById(rejections);

            return rejections.Select(r => r.PromotionId!.Value.Value).SequenceEqual(valid.Order(StringComparer.Ordinal));
        });

    [Property(MaxTest = 300)]
    public Property ByPriorityThenId_PromotionsInIdOrder_SplitIntoLanesInOrder() =>
        Prop.ForAll(Gen.ListOf(Gen.Choose(0, 400)).ToArbitrary(), numbers =>
        {
            // The admitted promotions of a run come in id order: they are split by priority without being sorted again.
            var promotions = Promotions(numbers.Distinct().Select(n => $"p{n % 7}-summer-{n}"), n => n % 13);
            IdSort.ById(promotions);
            var expected = promotions.OrderByDescending(p => p.Priority).ThenBy(p => p.Id.Value, StringComparer.Ordinal).ToList();

            IdSort.ByPriorityThenId(promotions);

            return promotions.SequenceEqual(expected);
        });

    [Fact]
    public void ById_Rejections_InOrdinalOrderOfTheirPromotionIds()
    {
        var rejections = new[] { "b2", "a10", "a2", "b10", "a" }
            .Select(id => new Rejection(new PromotionId(id), null, RejectionReason.NothingToDiscount, string.Empty))
            .ToList();

        IdSort.ById(rejections);

        Assert.Equal(["a", "a10", "a2", "b10", "b2"], rejections.Select(r => r.PromotionId!.Value.Value));
    }

    private static int Compare(string a, string b) => IdOrder.Compare(new IdOrder(a), a, new IdOrder(b), b);

    private static List<Promotion> Promotions(IEnumerable<string> ids, Func<int, int>? priority = null) =>
        [.. ids.Select((id, i) => Promotion.Create(id, id).WithPriority(priority?.Invoke(i * 7) ?? 0).Giving(Discount.PercentOffItems(10m)).Build())];
}
