using NodaTime;
using Npgsql;
using PromoEngine;
using PromoEngine.PostgreSql;
using PromoEngine.Testing;

namespace Consumer;

/// <summary>The packaged contract against the packaged PostgreSQL ledger, each test on a schema of its own: what a host
/// writes to check its store, and nothing more.</summary>
public sealed class PackagedLedgerContract : RedemptionLedgerContract, IAsyncDisposable
{
    private static readonly NpgsqlDataSource DataSource = NpgsqlDataSource.Create(
        Environment.GetEnvironmentVariable("PROMOENGINE_POSTGRES")
        ?? throw new InvalidOperationException("PROMOENGINE_POSTGRES (a connection string) is required."));

    protected override async ValueTask<IRedemptionLedger> CreateLedgerAsync(IClock clock, Duration timeout)
    {
        var ledger = new PostgreSqlRedemptionLedger(DataSource, clock, timeout, "contract_" + Guid.NewGuid().ToString("N")[..12]);
        await ledger.MigrateAsync();
        return ledger;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
