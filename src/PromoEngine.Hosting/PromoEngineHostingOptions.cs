using System;

namespace PromoEngine.Hosting;

/// <summary>How the host keeps PromoEngine's catalog: bound from the <c>PromoEngine</c> configuration section.</summary>
/// <remarks>Evaluation itself is configured by <see cref="EvaluationOptions"/>, bound from <c>PromoEngine:Evaluation</c>.</remarks>
public sealed class PromoEngineHostingOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = "PromoEngine";

    /// <summary>Gets or sets the JSON catalog file to load and watch, when no catalog source was given in code.</summary>
    /// <value>A path, absolute or relative to the host's content root; <see langword="null"/> for none.</value>
    public string? CatalogPath { get; set; }

    /// <summary>Gets or sets how often the catalog source is read again to see whether it changed.</summary>
    /// <value>Two seconds unless set; <see cref="TimeSpan.Zero"/> or less reads it once, at start.</value>
    public TimeSpan ReloadInterval { get; set; } = TimeSpan.FromSeconds(2);
}
