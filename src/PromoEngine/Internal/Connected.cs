using System;
using System.Collections.Generic;

namespace PromoEngine.Internal;

/// <summary>Splits items into groups linked by the keys they share (units, lines): two items that share a key, directly
/// or through others, end up in the same group.</summary>
internal static class Connected
{
    /// <summary>The groups, each in the order given, ordered by their first item.</summary>
    public static List<List<T>> Groups<T>(IReadOnlyList<T> items, Func<T, IEnumerable<int>> keysOf)
    {
        var links = new Links(items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            foreach (var key in keysOf(items[i]))
            {
                links.Add(i, key);
            }
        }

        return links.Groups(items);
    }

    /// <summary>The groups, each in the order given, ordered by their first item: keys read from an array (no
    /// enumerator is made for each item).</summary>
    public static List<List<T>> Groups<T>(IReadOnlyList<T> items, Func<T, int[]> keysOf)
    {
        var links = new Links(items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            var keys = keysOf(items[i]);
            for (var k = 0; k < keys.Length; k++)
            {
                links.Add(i, keys[k]);
            }
        }

        return links.Groups(items);
    }

    /// <summary>Items joined by their keys, each group named by its first item.</summary>
    private sealed class Links(int count)
    {
        private readonly int[] _parent = Roots(count);
        private readonly Dictionary<int, int> _owner = [];

        public void Add(int item, int key)
        {
            if (_owner.TryGetValue(key, out var other))
            {
                // The smaller root wins, so a group's root is its first item.
                var (a, b) = (Find(item), Find(other));
                _parent[Math.Max(a, b)] = Math.Min(a, b);
            }
            else
            {
                _owner[key] = item;
            }
        }

        public List<List<T>> Groups<T>(IReadOnlyList<T> items)
        {
            var groups = new List<List<T>>();
            var groupOfRoot = new List<T>?[items.Count];
            for (var i = 0; i < items.Count; i++)
            {
                var root = Find(i);
                if (groupOfRoot[root] is not { } group)
                {
                    groupOfRoot[root] = group = [];
                    groups.Add(group);
                }

                group.Add(items[i]);
            }

            return groups;
        }

        private int Find(int i) => _parent[i] == i ? i : _parent[i] = Find(_parent[i]);

        private static int[] Roots(int count)
        {
            var parent = new int[count];
            for (var i = 0; i < parent.Length; i++)
            {
                parent[i] = i;
            }

            return parent;
        }
    }
}
