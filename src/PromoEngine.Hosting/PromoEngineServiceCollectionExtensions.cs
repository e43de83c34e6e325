using System;
using System.Diagnostics.Metrics;
using System.Linq;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NodaTime;

namespace PromoEngine.Hosting;

/// <summary>Registers PromoEngine in a .NET host.</summary>
public static class PromoEngineServiceCollectionExtensions
{
    /// <summary>
    /// Registers PromoEngine: <see cref="PromoEngineService"/>, the catalog in use (<see cref="PromoEngineCatalog"/>)
    /// and its reloading, the ledger (<see cref="IRedemptionLedger"/>, in memory unless chosen) and its attribution
    /// report (<see cref="IRedemptionReport"/>, when the ledger has one), the
    /// <see cref="PromoEngineTelemetry"/> meter, and options bound from configuration: <see cref="EvaluationOptions"/>
    /// from <c>PromoEngine:Evaluation</c>, <see cref="PromoEngineHostingOptions"/> from <c>PromoEngine</c>.
    /// </summary>
    /// <param name="services">The host's services.</param>
    /// <param name="configure">Chooses the catalog source and the ledger; a catalog file can also be named in
    /// configuration (<c>PromoEngine:CatalogPath</c>, relative to the host's content root).</param>
    /// <returns>The services.</returns>
    /// <remarks>
    /// <para>A <see cref="NodaTime.IClock"/> (the system clock) and a <see cref="TimeProvider"/> are added unless the
    /// host has its own; evaluations happen at the clock's instant.</para>
    /// <para>Calling it twice registers nothing more: the first call's choices stand.</para>
    /// </remarks>
    public static IServiceCollection AddPromoEngine(this IServiceCollection services, Action<PromoEngineBuilder>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (services.Any(d => d.ServiceType == typeof(PromoEngineBuilder)))
        {
            return services;
        }

        var builder = new PromoEngineBuilder(services);
        configure?.Invoke(builder);
        services.AddSingleton(builder);

        services.AddOptions<EvaluationOptions>().BindConfiguration($"{PromoEngineHostingOptions.SectionName}:Evaluation");
        services.AddOptions<PromoEngineHostingOptions>().BindConfiguration(PromoEngineHostingOptions.SectionName);
        services.TryAddSingleton<IClock>(SystemClock.Instance);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        services.TryAddSingleton(sp => new PromoEngineTelemetry(sp.GetService<IMeterFactory>()));
        services.TryAddSingleton(sp => new PromoEngineCatalog(
            builder.Catalog ?? PromotionCatalog.Create([]),
            sp.GetRequiredService<IOptions<EvaluationOptions>>(),
            sp.GetRequiredService<PromoEngineTelemetry>(),
            sp.GetRequiredService<ILoggerFactory>()));
        services.TryAddSingleton<IRedemptionLedger>(sp => new InstrumentedRedemptionLedger(
            builder.Ledger?.Invoke(sp) ?? new InMemoryRedemptionLedger(sp.GetRequiredService<IClock>(), Duration.FromMinutes(15)),
            sp.GetRequiredService<PromoEngineTelemetry>(),
            sp.GetRequiredService<ILoggerFactory>()));
        // The instrumented wrapper is a ledger only; the ledger inside reports, when it can (both built-in ledgers do).
        services.TryAddSingleton<IRedemptionReport>(sp => sp.GetRequiredService<IRedemptionLedger>() switch
        {
            IRedemptionReport report => report,
            InstrumentedRedemptionLedger { Inner: IRedemptionReport report } => report,
            var ledger => throw new InvalidOperationException(
                $"The ledger in use ({(ledger as InstrumentedRedemptionLedger)?.Inner.GetType().Name ?? ledger.GetType().Name}) does not implement IRedemptionReport."),
        });
        services.TryAddSingleton<PromoEngineService>();
        services.TryAddSingleton(sp => new CatalogReloadService(
            sp.GetRequiredService<PromoEngineCatalog>(),
            SourceOf(builder, sp),
            sp.GetRequiredService<IOptions<PromoEngineHostingOptions>>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILoggerFactory>()));
        services.AddSingleton<IHostedService>(sp => sp.GetRequiredService<CatalogReloadService>());
        return services;
    }

    private static IPromotionCatalogSource? SourceOf(PromoEngineBuilder builder, IServiceProvider services)
    {
        if (builder.Source is { } source)
        {
            return source(services);
        }

        var path = services.GetRequiredService<IOptions<PromoEngineHostingOptions>>().Value.CatalogPath;
        return builder.Catalog is null && !string.IsNullOrEmpty(path) ? new JsonFileCatalogSource(PromoEngineBuilder.FromContentRoot(services, path)) : null;
    }
}
