using System.Collections.Generic;
using System.Linq;
using FsCheck;
using FsCheck.Xunit;
using PromoEngine.Internal;
using Xunit;

namespace PromoEngine.Tests;

/// <summary>The map by object identity the evaluation keeps promotions' places and filters' lines in.</summary>
public sealed class IdentityMapTests
{
    /// <summary>Keys equal by value but not the same object: the map tells them apart.</summary>
    private sealed record Key(int Value);

    [Fact]
    public void Set_KeysEqualByValue_AreKeptApart()
    {
        var (a, b) = (new Key(1), new Key(1));
        var map = new IdentityMap<Key, string>(1);

        map.Set(a, "a");
        map.Set(b, "b");

        Assert.Equal(2, map.Count);
        Assert.True(map.TryGetValue(a, out var first));
        Assert.True(map.TryGetValue(b, out var second));
        Assert.Equal(("a", "b"), (first, second));
        Assert.False(map.TryGetValue(new Key(1), out _));
    }

    [Fact]
    public void GetValueRefOrAddDefault_AKeyAddedThenAskedAgain_SaysItExistsAndKeepsItsValue()
    {
        var key = new Key(7);
        var map = new IdentityMap<Key, int>(0);

        map.GetValueRefOrAddDefault(key, out var existed) = 5;
        ref var again = ref map.GetValueRefOrAddDefault(key, out var exists);

        Assert.Equal((false, true, 5, 1), (existed, exists, again, map.Count));
    }

    [Property(MaxTest = 200)]
    public void AnySequenceOfSetsAndLookUps_AsADictionaryByReference(PositiveInt seed)
    {
        // Up to 300 keys (the table grows several times from its 16 entries), values set and set again, keys asked for
        // whether held or not.
        var random = new System.Random(seed.Get);
        var keys = Enumerable.Range(0, random.Next(1, 300)).Select(i => new Key(i % 7)).ToArray();
        var map = new IdentityMap<Key, int>(random.Next(0, 40));
        var expected = new Dictionary<Key, int>(ReferenceEqualityComparer.Instance);
        for (var step = 0; step < 600; step++)
        {
            var key = keys[random.Next(keys.Length)];
            if (random.Next(3) == 0)
            {
                Assert.Equal(expected.TryGetValue(key, out var want), map.TryGetValue(key, out var got));
                Assert.Equal(want, got);
            }
            else
            {
                map.Set(key, step);
                expected[key] = step;
            }
        }

        Assert.Equal(expected.Count, map.Count);
        Assert.All(expected, pair => Assert.True(map.TryGetValue(pair.Key, out var value) && value == pair.Value));
    }
}
