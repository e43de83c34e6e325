using System;
using System.Collections.Immutable;

namespace PromoEngine;

/// <summary>Thrown when a promotion or a catalog is defined wrongly; lists every error, each with its path.</summary>
public sealed class PromotionDefinitionException : ArgumentException
{
    /// <summary>Initializes a new instance of the <see cref="PromotionDefinitionException"/> class.</summary>
    /// <param name="subject">What was being defined (a promotion id, or "catalog").</param>
    /// <param name="errors">The errors, each as <c>path: message</c>; at least one.</param>
    public PromotionDefinitionException(string subject, ImmutableArray<string> errors)
        : base($"The definition of {subject} has {errors.Length} error(s):{Environment.NewLine}  " + string.Join(Environment.NewLine + "  ", errors))
    {
        Subject = subject;
        Errors = errors;
    }

    /// <summary>Gets what was being defined.</summary>
    /// <value>A promotion id, or <c>catalog</c>.</value>
    public string Subject { get; }

    /// <summary>Gets the errors, each as <c>path: message</c>.</summary>
    /// <value>At least one.</value>
    public ImmutableArray<string> Errors { get; }
}
