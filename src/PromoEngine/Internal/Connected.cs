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
        var parent = new int[items.Count];
        for (var i = 0; i < parent.Length; i++)
        {
            parent[i] = i;
        }

        int Find(int i) => parent[i] == i ? i : parent[i] = Find(parent[i]);

        var owner = new Dictionary<int, int>();
        for (var i = 0; i < items.Count; i++)
        {
            foreach (var key in keysOf(items[i]))
            {
                if (owner.TryGetValue(key, out var other))
                {
                    // The smaller root wins, so a group's root is its first item.
                    var (a, b) = (Find(i), Find(other));
                    parent[Math.Max(a, b)] = Math.Min(a, b);
                }
                else
                {
                    owner[key] = i;
                }
            }
        }

        var groups = new List<List<T>>();
        var groupOfRoot = new Dictionary<int, List<T>>();
        for (var i = 0; i < items.Count; i++)
        {
            var root = Find(i);
            if (!groupOfRoot.TryGetValue(root, out var group))
            {
                groupOfRoot[root] = group = [];
                groups.Add(group);
            }

            group.Add(items[i]);
        }

        return groups;
    }
}
