using System.Runtime.CompilerServices;

namespace PromoEngine.Internal;

/// <summary>A map keyed by object identity: open addressing over a power-of-two table kept at most half full, probed
/// linearly from a slot mixed from the key's identity hash. Keys are never removed (a map is made again instead).</summary>
/// <remarks>Implementation note: an evaluation of a large catalog looks up a few hundred promotions and filters by
/// reference; a dictionary with <see cref="System.Collections.Generic.ReferenceEqualityComparer"/> calls its comparer
/// through an interface twice a look-up, which cost a few percent of the realistic mix.</remarks>
/// <typeparam name="TKey">The key, compared by reference.</typeparam>
/// <typeparam name="TValue">The value.</typeparam>
internal sealed class IdentityMap<TKey, TValue>
    where TKey : class
{
    private (TKey? Key, TValue Value)[] _entries;

    /// <summary>Initializes a new instance of the <see cref="IdentityMap{TKey, TValue}"/> class with room for some keys.</summary>
    /// <param name="capacity">How many keys it takes before it grows.</param>
    public IdentityMap(int capacity)
    {
        var size = 16;
        while (size < 2 * capacity)
        {
            size *= 2;
        }

        _entries = new (TKey?, TValue)[size];
    }

    /// <summary>Gets how many keys it holds.</summary>
    public int Count { get; private set; }

    /// <summary>The value of a key, when it holds the key.</summary>
    public bool TryGetValue(TKey key, out TValue value)
    {
        var entries = _entries;
        var mask = entries.Length - 1;
        for (var at = Slot(key, mask); entries[at].Key is { } other; at = (at + 1) & mask)
        {
            if (ReferenceEquals(other, key))
            {
                value = entries[at].Value;
                return true;
            }
        }

        value = default!;
        return false;
    }

    /// <summary>The value of a key, added with the default value when it is not held yet.</summary>
    /// <param name="key">The key.</param>
    /// <param name="exists">Whether the key was held already.</param>
    /// <returns>A reference to the value, valid until the next key is added.</returns>
    public ref TValue GetValueRefOrAddDefault(TKey key, out bool exists)
    {
        if (2 * (Count + 1) > _entries.Length)
        {
            Grow();
        }

        var entries = _entries;
        var mask = entries.Length - 1;
        var at = Slot(key, mask);
        while (entries[at].Key is { } other)
        {
            if (ReferenceEquals(other, key))
            {
                exists = true;
                return ref entries[at].Value;
            }

            at = (at + 1) & mask;
        }

        entries[at] = (key, default!);
        Count++;
        exists = false;
        return ref entries[at].Value;
    }

    /// <summary>Sets the value of a key, adding the key when it is not held yet.</summary>
    public void Set(TKey key, TValue value) => GetValueRefOrAddDefault(key, out _) = value;

    private void Grow()
    {
        var old = _entries;
        _entries = new (TKey?, TValue)[old.Length * 2];
        Count = 0;
        foreach (var (key, value) in old)
        {
            if (key is not null)
            {
                Set(key, value);
            }
        }
    }

    /// <summary>Where a key's probe starts: its identity hash, mixed (Fibonacci hashing), to the table's size.</summary>
    private static int Slot(TKey key, int mask) =>
        unchecked((int)(((uint)RuntimeHelpers.GetHashCode(key) * 2654435769u) >> 8)) & mask;
}
