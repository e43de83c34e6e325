namespace PromoEngine;

/// <summary>How serious a catalog lint finding is.</summary>
public enum LintSeverity
{
    /// <summary>Worth knowing; probably intended.</summary>
    Info = 0,

    /// <summary>Probably a mistake that will cost money or confuse shoppers.</summary>
    Warning = 1,

    /// <summary>The promotion cannot work as defined.</summary>
    Error = 2,
}
