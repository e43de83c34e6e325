namespace PromoEngine;

/// <summary>What a report of redemptions groups by: one part of a <see cref="CodeAttribution"/>. The names and values
/// are stable.</summary>
public enum AttributionDimension
{
    /// <summary>By <see cref="CodeAttribution.Channel"/>.</summary>
    Channel = 1,

    /// <summary>By <see cref="CodeAttribution.Campaign"/>.</summary>
    Campaign = 2,

    /// <summary>By <see cref="CodeAttribution.Affiliate"/>.</summary>
    Affiliate = 3,

    /// <summary>By each of <see cref="CodeAttribution.Tags"/>: a redemption with two tags counts under both.</summary>
    Tag = 4,
}
