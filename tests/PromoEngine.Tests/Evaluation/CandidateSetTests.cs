using System.Collections.Generic;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Xunit;

namespace PromoEngine.Tests;

/// <summary>The set the catalog gathers a cart's candidate promotions in (<see cref="CandidateSet"/>): each once, in the
/// order first added, by reference; removals keep the others' order, below and past the size where it makes an
/// index.</summary>
public sealed class CandidateSetTests
{
    private static readonly Promotion[] Pool = [.. Enumerable.Range(0, 40)
        .Select(i => Promotion.Create($"p{i}", $"P{i}").Giving(Discount.PercentOffItems(10m)).Build())];

    [Property(MaxTest = 500)]
    public Property AddsAndRemovals_AnySequence_AsAnInsertionOrderedSetByReference() =>
        Prop.ForAll(
            Gen.ListOf(Gen.Choose(0, Pool.Length - 1)).ToArbitrary(),
            Gen.ListOf(Gen.Choose(0, Pool.Length - 1)).ToArbitrary(),
            Gen.Elements(true, false).ToArbitrary(),
            (added, removed, byExcept) =>
            {
                var set = new CandidateSet();
                var expected = new List<Promotion>();
                foreach (var i in added)
                {
                    set.Add(Pool[i]);
                    if (!expected.Contains(Pool[i]))
                    {
                        expected.Add(Pool[i]);
                    }
                }

                var gone = new HashSet<Promotion>(removed.Select(i => Pool[i]), ReferenceEqualityComparer.Instance);
                if (byExcept)
                {
                    set.ExceptWith(gone);
                }
                else
                {
                    set.RemoveWhere(gone.Contains);
                }

                expected.RemoveAll(gone.Contains);
                // Still a set after the removals: adding what is there changes nothing, adding what left puts it last.
                set.Add(Pool[0]);
                if (!expected.Contains(Pool[0]))
                {
                    expected.Add(Pool[0]);
                }

                return set.Items.ToArray().SequenceEqual(expected) && set.Count == expected.Count;
            });

    [Property(MaxTest = 500)]
    public Property Found_AnyAddsWithLines_EachLineWithThePlaceOfItsPromotion() =>
        Prop.ForAll(
            Gen.ListOf(Gen.Choose(0, Pool.Length - 1).Zip(Gen.Choose(-1, 19))).ToArbitrary(),
            adds =>
            {
                // Below and past the size where the set makes an index, a line found is kept with its promotion's place,
                // also when the promotion was added before (found through another line).
                var set = new CandidateSet();
                var expected = new List<(int Slot, int Line)>();
                foreach (var (i, line) in adds)
                {
                    set.Add(Pool[i], line);
                    if (line >= 0)
                    {
                        expected.Add((set.Items.ToArray().ToList().IndexOf(Pool[i]), line));
                    }
                }

                return set.Found.ToArray().SequenceEqual(expected);
            });

    [Fact]
    public void Found_AfterARemoval_IsEmpty()
    {
        // The places moved: each filter matches the cart's lines itself.
        var set = new CandidateSet();
        for (var i = 0; i < 20; i++)
        {
            set.Add(Pool[i], i);
        }

        set.RemoveWhere(p => p == Pool[3]);
        set.Add(Pool[25], 1);

        Assert.True(set.Found.IsEmpty);
        Assert.Equal(20, set.Count);
    }

    [Fact]
    public void Add_TheSamePromotionOnceAndACopyOfIt_KeepsBoth()
    {
        // A promotion paused in a catalog update is another object with the same id: both are kept (by reference).
        var set = new CandidateSet();
        var paused = Pool[1].WithStatus(PromotionStatus.Paused);

        set.Add(Pool[1]);
        set.Add(paused);
        set.Add(Pool[1]);

        Assert.Equal([Pool[1], paused], set.Items.ToArray());
    }
}
