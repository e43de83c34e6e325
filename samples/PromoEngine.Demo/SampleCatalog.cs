using System;
using System.IO;
using NodaTime;

namespace PromoEngine.Demo;

/// <summary>The demo's promotions, one of each kind a shop runs, kept as data in <c>catalog.json</c> the way a backend
/// keeps them in its database.</summary>
internal static class SampleCatalog
{
    public static readonly DateTimeZone Shop = DateTimeZoneProviders.Tzdb["America/Los_Angeles"];

    /// <summary>Three single-use welcome codes (format <c>WELCOME-7KQ2-MX4P-D</c>, with a check character), as issued.</summary>
    public static readonly string[] WelcomeCodes = ["WELCOME7KQ2MX4PD", "WELCOMER8TN2HVDL", "WELCOMEC3JW9ZFLR"];

    public static Money Usd(decimal amount) => new(amount, Currency.Usd);

    /// <summary>Reads and checks <c>catalog.json</c>; a malformed file stops the demo with every error and its path.</summary>
    public static PromotionCatalog Create() =>
        PromotionJson.ReadCatalog(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "catalog.json")));
}
