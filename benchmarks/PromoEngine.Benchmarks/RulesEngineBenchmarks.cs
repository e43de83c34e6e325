using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using BenchmarkDotNet.Attributes;
using NodaTime;
using PromoEngine.Benchmarks.Comparison;
using RulesEngine.Models;

namespace PromoEngine.Benchmarks;

/// <summary>
/// Issue 13's anchor comparison, side by side in one run: a 20-line cart against N promotions of which 2 match, the
/// same rules ("<c>percent</c> off every line of category <c>c{k}</c>") in PromoEngine (the baseline), in Microsoft's
/// RulesEngine 6.0.1 (fast expression compiler on) and in a hand-written category index (the hand-written limit).
/// </summary>
/// <remarks>
/// <para><c>[GlobalSetup]</c> evaluates the cart in all three and fails the run unless all three give the same two
/// discounts (promotion id and amount), so no variant is timed while it computes something else.</para>
/// <para>Promotion <c>p{k}</c> takes 10, 15, 20, 25 or 30 percent (<c>k % 5</c>) off the lines of category <c>c{k}</c>;
/// the cart holds 8 lines of <c>c0</c> and <c>c1</c> and 12 lines of categories no promotion targets, at whole-dollar
/// prices, so every discount is a whole number of cents and no rounding rule can make the variants differ.</para>
/// <para>RulesEngine runs one rule per promotion: the rule's expression says whether the cart holds the category, its
/// <c>OutputExpression</c> action computes the discount. Its first evaluation compiles the rules (in setup).</para>
/// <para>Sizes: N = 10, 100, 1,000; N = 100 in a dry run (<see cref="BenchmarkSizes"/>).</para>
/// </remarks>
[MemoryDiagnoser]
public class RulesEngineBenchmarks
{
    private const string WorkflowName = "promotions";
    private static readonly Instant Now = Instant.FromUtc(2026, 11, 27, 18, 0);
    private PromotionEvaluator _evaluator = null!;
    private Cart _cart = null!;
    private RulesEngine.RulesEngine _rulesEngine = null!;
    private RuleParameter[] _rulesInput = [];
    private RulesLine[] _lines = [];
    private HandWrittenIndex _index = null!;

    /// <summary>The promotions in the catalog, 2 of which match the cart.</summary>
    [ParamsSource(nameof(Sizes))]
    public int Promotions { get; set; }

    /// <summary>The catalog sizes: 10, 100, 1,000 (100 in a dry run).</summary>
    public static IEnumerable<int> Sizes => BenchmarkSizes.Choose([10, 100, 1_000], [100]);

    [GlobalSetup]
    public void Setup()
    {
        var usd = Currency.Usd;
        var rules = Enumerable.Range(0, Promotions)
            .Select(k => (Id: $"p{k:D4}", Category: $"c{k}", Percent: 10m + (k % 5 * 5)))
            .ToList();

        _evaluator = new PromotionEvaluator(PromotionCatalog.Create(rules.Select(r =>
            Promotion.Create(r.Id, $"{r.Percent}% off {r.Category}")
                .ForItems(ItemFilter.Categories(r.Category))
                .Giving(Discount.PercentOffItems(r.Percent))
                .Build())));

        _lines = Enumerable.Range(0, 20)
            .Select(i => new RulesLine($"sku{i}", (i % 5) switch { 0 => "c0", 1 => "c1", _ => $"other{i}" }, 3 + i, 1 + (i % 3)))
            .ToArray();
        _cart = new Cart(usd, _lines.Select((l, i) => new CartLine($"l{i}", l.Sku, new Money(l.UnitPrice, usd), l.Quantity, [l.Category])));

        var workflow = new Workflow
        {
            WorkflowName = WorkflowName,
            Rules = rules.Select(r => new Rule
            {
                RuleName = r.Id,
                RuleExpressionType = RuleExpressionType.LambdaExpression,
                Expression = $"input1.Lines.Any(Category == \"{r.Category}\")",
                Actions = new RuleActions
                {
                    OnSuccess = new ActionInfo
                    {
                        Name = "OutputExpression",
                        Context = new Dictionary<string, object>
                        {
                            ["Expression"] = string.Create(CultureInfo.InvariantCulture,
                                $"input1.Lines.Where(Category == \"{r.Category}\").Sum(Total) * {r.Percent} / 100"),
                        },
                    },
                },
            }).ToList(),
        };
        _rulesEngine = new RulesEngine.RulesEngine([workflow], new ReSettings { UseFastExpressionCompiler = true });
        _rulesInput = [new RuleParameter("input1", new RulesCart(_lines))];
        _index = new HandWrittenIndex(rules);

        Check();
    }

    [Benchmark(Baseline = true)]
    public EvaluationResult PromoEngine() => _evaluator.Evaluate(_cart, [], Now);

    /// <summary>PromoEngine with the result's lines read as well: since issue 13's fifth session the common cart's lines
    /// are built when first read, so this is what a caller that shows every line pays.</summary>
    [Benchmark]
    public int PromoEngineLinesRead() => _evaluator.Evaluate(_cart, [], Now).Lines.Length;

    [Benchmark]
    public List<RuleResultTree> RulesEngine() => _rulesEngine.ExecuteAllRulesAsync(WorkflowName, _rulesInput).AsTask().GetAwaiter().GetResult();

    [Benchmark]
    public List<KeyValuePair<string, decimal>> HandWrittenIndex() => _index.Evaluate(_lines);

    /// <summary>Fails the run unless the three variants give the same discounts, two of them.</summary>
    private void Check()
    {
        var promoEngine = Discounts(PromoEngine().Applied.Select(a => (a.PromotionId.ToString(), a.Amount.Amount)));
        var rulesEngine = Discounts(RulesEngine()
            .Where(r => r.IsSuccess)
            .Select(r => (r.Rule.RuleName, r.ActionResult?.Exception is { } e
                ? throw new InvalidOperationException($"RulesEngine's action for {r.Rule.RuleName} failed: {e.Message}", e)
                : Convert.ToDecimal(r.ActionResult?.Output, CultureInfo.InvariantCulture))));
        var handWritten = Discounts(HandWrittenIndex().Select(a => (a.Key, a.Value)));
        var failed = RulesEngine().FirstOrDefault(r => !string.IsNullOrEmpty(r.ExceptionMessage));
        if (failed is not null)
        {
            throw new InvalidOperationException($"RulesEngine could not evaluate rule {failed.Rule.RuleName}: {failed.ExceptionMessage}");
        }

        if (promoEngine.Count != 2 || promoEngine.Any(d => d.Value <= 0m))
        {
            throw new InvalidOperationException($"PromoEngine should apply two promotions with a discount each; it gave {Show(promoEngine)}.");
        }

        if (!Same(promoEngine, rulesEngine) || !Same(promoEngine, handWritten))
        {
            throw new InvalidOperationException(
                $"The variants disagree at N = {Promotions}: PromoEngine {Show(promoEngine)}, RulesEngine {Show(rulesEngine)}, hand-written {Show(handWritten)}.");
        }
    }

    private static SortedDictionary<string, decimal> Discounts(IEnumerable<(string Id, decimal Amount)> discounts)
    {
        var result = new SortedDictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var (id, amount) in discounts)
        {
            result[id] = result.GetValueOrDefault(id) + amount;
        }

        return result;
    }

    private static bool Same(SortedDictionary<string, decimal> left, SortedDictionary<string, decimal> right) =>
        left.Count == right.Count && left.All(kv => right.TryGetValue(kv.Key, out var amount) && amount == kv.Value);

    private static string Show(SortedDictionary<string, decimal> discounts) =>
        "{" + string.Join(", ", discounts.Select(kv => string.Create(CultureInfo.InvariantCulture, $"{kv.Key}: {kv.Value}"))) + "}";
}
