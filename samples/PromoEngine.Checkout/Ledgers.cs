using Microsoft.Extensions.Configuration;
using PromoEngine.Hosting;
using PromoEngine.PostgreSql;

namespace PromoEngine.Checkout;

/// <summary>Which ledger the sample keeps redemptions in: in memory unless <c>ConnectionStrings:PromoEngine</c> names a
/// PostgreSQL database (then <c>PromoEngine:MigrateOnStart</c> says whether the sample migrates it when it starts).</summary>
public static class Ledgers
{
    public static void Configure(PromoEngineBuilder promo, IConfiguration configuration)
    {
        if (configuration.GetConnectionString("PromoEngine") is { Length: > 0 } connectionString)
        {
            promo.UsePostgreSqlLedger(connectionString, migrateOnStart: configuration.GetValue("PromoEngine:MigrateOnStart", false));
        }
    }
}
