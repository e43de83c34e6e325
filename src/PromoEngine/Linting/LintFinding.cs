using System.Collections.Immutable;
using PromoEngine.Internal;

namespace PromoEngine;

/// <summary>One finding of the catalog linter: its rule, severity, the promotions involved and a plain message.</summary>
/// <remarks>Immutable and thread-safe, with value equality.</remarks>
public sealed record LintFinding
{
    private readonly EquatableArray<PromotionId> _promotions;

    internal LintFinding(LintRule rule, LintSeverity severity, ImmutableArray<PromotionId> promotions, string message)
    {
        Rule = rule;
        Severity = severity;
        _promotions = new(promotions);
        Message = message;
    }

    /// <summary>Gets what the finding is about.</summary>
    /// <value>A stable rule.</value>
    public LintRule Rule { get; }

    /// <summary>Gets how serious it is.</summary>
    /// <value>Info, warning or error.</value>
    public LintSeverity Severity { get; }

    /// <summary>Gets the promotions involved, sorted by id.</summary>
    /// <value>At least one.</value>
    public ImmutableArray<PromotionId> Promotions => _promotions.Items;

    /// <summary>Gets a plain message.</summary>
    /// <value>What is wrong and why it matters.</value>
    public string Message { get; }
}
