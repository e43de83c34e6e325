using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using NodaTime;
using Npgsql;
using PromoEngine.Hosting;

namespace PromoEngine.PostgreSql;

/// <summary>Keeps a host's redemptions on PostgreSQL with one call after <c>AddPromoEngine</c>.</summary>
public static class PostgreSqlPromoEngineBuilderExtensions
{
    /// <summary>
    /// Keeps redemptions in a <see cref="PostgreSqlRedemptionLedger"/> over one <see cref="NpgsqlDataSource"/> made
    /// from the connection string (the host's pool for the ledger), at the host's <see cref="IClock"/>.
    /// </summary>
    /// <param name="builder">The builder <c>AddPromoEngine</c> gave.</param>
    /// <param name="connectionString">The database's connection string.</param>
    /// <param name="reservationTimeout">How long a reservation is held unless committed; 15 minutes unless said.</param>
    /// <param name="schema">The schema of the ledger's tables.</param>
    /// <param name="migrateOnStart">Whether the host applies the ledger's migrations when it starts
    /// (<see cref="PostgreSqlRedemptionLedger.MigrateAsync"/>); off unless said, so that production migrates at
    /// deployment, on purpose.</param>
    /// <returns>The builder.</returns>
    public static PromoEngineBuilder UsePostgreSqlLedger(
        this PromoEngineBuilder builder,
        string connectionString,
        Duration? reservationTimeout = null,
        string schema = PostgreSqlRedemptionLedger.DefaultSchema,
        bool migrateOnStart = false)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(connectionString);
        var timeout = reservationTimeout ?? Duration.FromMinutes(15);
        builder.Services.TryAddSingleton(_ => new PromoEngineDataSource(NpgsqlDataSource.Create(connectionString)));
        builder.Services.TryAddSingleton(sp => new PostgreSqlRedemptionLedger(
            sp.GetRequiredService<PromoEngineDataSource>().DataSource, sp.GetRequiredService<IClock>(), timeout, schema));
        if (migrateOnStart)
        {
            builder.Services.AddSingleton<IHostedService, Migration>();
        }

        return builder.UseLedger(sp => sp.GetRequiredService<PostgreSqlRedemptionLedger>());
    }

    /// <summary>The ledger's own pool, disposed with the host.</summary>
    private sealed class PromoEngineDataSource(NpgsqlDataSource dataSource) : IAsyncDisposable
    {
        public NpgsqlDataSource DataSource { get; } = dataSource;

        public ValueTask DisposeAsync() => DataSource.DisposeAsync();
    }

    /// <summary>Applies the ledger's migrations when the host starts.</summary>
    private sealed class Migration(PostgreSqlRedemptionLedger ledger) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => ledger.MigrateAsync(cancellationToken);

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
