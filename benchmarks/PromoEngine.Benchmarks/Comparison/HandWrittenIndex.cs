using System.Collections.Generic;

namespace PromoEngine.Benchmarks.Comparison;

/// <summary>
/// The hand-written limit: the comparison's rules ("<c>percent</c> off every line of category <c>c{k}</c>") evaluated
/// the way a developer would write them for this one shop, with a category dictionary and plain loops. No stacking,
/// limits, codes, schedules or explanations: what is left when everything a general engine offers is taken away.
/// </summary>
public sealed class HandWrittenIndex
{
    private readonly Dictionary<string, int[]> _byCategory;
    private readonly string[] _ids;
    private readonly decimal[] _percents;

    /// <summary>Indexes the rules by the category they target.</summary>
    /// <param name="rules">The rules: id, category, percent off.</param>
    public HandWrittenIndex(IReadOnlyList<(string Id, string Category, decimal Percent)> rules)
    {
        var byCategory = new Dictionary<string, List<int>>();
        _ids = new string[rules.Count];
        _percents = new decimal[rules.Count];
        for (var i = 0; i < rules.Count; i++)
        {
            _ids[i] = rules[i].Id;
            _percents[i] = rules[i].Percent;
            if (!byCategory.TryGetValue(rules[i].Category, out var list))
            {
                byCategory[rules[i].Category] = list = [];
            }

            list.Add(i);
        }

        _byCategory = new Dictionary<string, int[]>(byCategory.Count);
        foreach (var (category, list) in byCategory)
        {
            _byCategory[category] = [.. list];
        }
    }

    /// <summary>The discount of every rule that applies to the cart, in the order the rules first matched.</summary>
    /// <param name="lines">The cart's lines.</param>
    /// <returns>Rule id and discount, one entry per rule that applies.</returns>
    public List<KeyValuePair<string, decimal>> Evaluate(RulesLine[] lines)
    {
        var applied = new List<KeyValuePair<string, decimal>>(2);
        foreach (var line in lines)
        {
            if (!_byCategory.TryGetValue(line.Category, out var rules))
            {
                continue;
            }

            foreach (var rule in rules)
            {
                var amount = decimal.Round(line.Total * _percents[rule] / 100m, 2, System.MidpointRounding.ToEven);
                var at = -1;
                for (var i = 0; i < applied.Count; i++)
                {
                    if (ReferenceEquals(applied[i].Key, _ids[rule]))
                    {
                        at = i;
                        break;
                    }
                }

                if (at < 0)
                {
                    applied.Add(new(_ids[rule], amount));
                }
                else
                {
                    applied[at] = new(_ids[rule], applied[at].Value + amount);
                }
            }
        }

        return applied;
    }
}
