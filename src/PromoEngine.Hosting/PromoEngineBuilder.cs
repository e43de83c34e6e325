using System;
using Microsoft.Extensions.DependencyInjection;

namespace PromoEngine.Hosting;

/// <summary>Chooses, after <c>AddPromoEngine</c>, where the catalog comes from and which ledger keeps redemptions.</summary>
public sealed class PromoEngineBuilder
{
    internal PromoEngineBuilder(IServiceCollection services) => Services = services;

    /// <summary>Gets the services PromoEngine is registered in.</summary>
    /// <value>The collection <c>AddPromoEngine</c> was called on.</value>
    public IServiceCollection Services { get; }

    internal PromotionCatalog? Catalog { get; private set; }

    internal Func<IServiceProvider, IPromotionCatalogSource>? Source { get; private set; }

    internal Func<IServiceProvider, IRedemptionLedger>? Ledger { get; private set; }

    /// <summary>Evaluates against a catalog built in code; it changes only through <see cref="PromoEngineCatalog.Replace"/>.</summary>
    /// <param name="catalog">The catalog.</param>
    /// <returns>This builder.</returns>
    public PromoEngineBuilder UseCatalog(PromotionCatalog catalog)
    {
        Catalog = catalog ?? throw new ArgumentNullException(nameof(catalog));
        Source = null;
        return this;
    }

    /// <summary>Loads the catalog from a JSON file when the host starts, and again whenever the file changes.</summary>
    /// <param name="path">The file; a relative path is taken from the host's content root.</param>
    /// <returns>This builder.</returns>
    public PromoEngineBuilder UseCatalogFile(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return UseCatalogSource(services => new JsonFileCatalogSource(FromContentRoot(services, path)));
    }

    /// <summary>A path as the host reads it: relative paths from its content root (the working directory without a
    /// host environment).</summary>
    internal static string FromContentRoot(IServiceProvider services, string path) =>
        System.IO.Path.IsPathRooted(path) || services.GetService(typeof(Microsoft.Extensions.Hosting.IHostEnvironment)) is not Microsoft.Extensions.Hosting.IHostEnvironment environment
            ? path
            : System.IO.Path.Combine(environment.ContentRootPath, path);

    /// <summary>Loads the catalog from a source (a database table, a configuration service) when the host starts, and
    /// again whenever its document changes.</summary>
    /// <param name="source">The source.</param>
    /// <returns>This builder.</returns>
    public PromoEngineBuilder UseCatalogSource(IPromotionCatalogSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return UseCatalogSource(_ => source);
    }

    /// <summary>Loads the catalog from a source made from the host's services.</summary>
    /// <param name="factory">Makes the source.</param>
    /// <returns>This builder.</returns>
    public PromoEngineBuilder UseCatalogSource(Func<IServiceProvider, IPromotionCatalogSource> factory)
    {
        Source = factory ?? throw new ArgumentNullException(nameof(factory));
        Catalog = null;
        return this;
    }

    /// <summary>Keeps redemptions in a ledger made from the host's services (the in-memory ledger unless said).</summary>
    /// <param name="factory">Makes the ledger; called once.</param>
    /// <returns>This builder.</returns>
    /// <remarks>The in-memory ledger holds one process's redemptions: a host that runs several instances needs a
    /// shared ledger, such as PromoEngine.PostgreSql's.</remarks>
    public PromoEngineBuilder UseLedger(Func<IServiceProvider, IRedemptionLedger> factory)
    {
        Ledger = factory ?? throw new ArgumentNullException(nameof(factory));
        return this;
    }
}
