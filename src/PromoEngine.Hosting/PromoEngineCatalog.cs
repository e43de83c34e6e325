using System;
using System.Threading;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace PromoEngine.Hosting;

/// <summary>
/// The catalog a host evaluates against. It is replaced whole, in one reference swap: an evaluation sees the old
/// catalog or the new one, never a mixture, and a document that does not load leaves the catalog in use untouched.
/// </summary>
/// <remarks>Thread-safe. Until a catalog source loads (or when none is configured and no catalog was given), the
/// catalog is empty: every cart evaluates with nothing applied.</remarks>
public sealed class PromoEngineCatalog
{
    private readonly PromoEngineTelemetry _telemetry;
    private readonly ILogger _logger;
    private readonly EvaluationOptions _options;
    private readonly object _replacing = new();
    private PromotionEvaluator _evaluator;
    private long _version;

    /// <summary>Initializes a new instance of the <see cref="PromoEngineCatalog"/> class.</summary>
    /// <param name="initial">The catalog to start with.</param>
    /// <param name="options">The evaluation options every evaluator of this catalog uses.</param>
    /// <param name="telemetry">Where reloads are counted.</param>
    /// <param name="loggerFactory">Where reloads and rejected documents are logged.</param>
    public PromoEngineCatalog(PromotionCatalog initial, IOptions<EvaluationOptions> options, PromoEngineTelemetry telemetry, ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(initial);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(telemetry);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        _options = options.Value;
        _telemetry = telemetry;
        _logger = loggerFactory.CreateLogger(PromoEngineLog.Category);
        _evaluator = new PromotionEvaluator(initial, _options);
    }

    /// <summary>Raised after the catalog was replaced, on the thread that replaced it.</summary>
    public event EventHandler? Changed;

    /// <summary>Gets the evaluator of the catalog in use.</summary>
    /// <value>Read it once per checkout step: a reload between two reads gives another evaluator.</value>
    public PromotionEvaluator Evaluator => Volatile.Read(ref _evaluator);

    /// <summary>Gets the catalog in use.</summary>
    /// <value>The <see cref="Evaluator"/>'s catalog.</value>
    public PromotionCatalog Catalog => Evaluator.Catalog;

    /// <summary>Gets how many times the catalog was replaced.</summary>
    /// <value>0 for the catalog the host started with.</value>
    public long Version => Interlocked.Read(ref _version);

    /// <summary>Replaces the catalog.</summary>
    /// <param name="catalog">The new catalog.</param>
    /// <param name="source">Where it came from, for the log.</param>
    public void Replace(PromotionCatalog catalog, string source)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(source);
        var evaluator = new PromotionEvaluator(catalog, _options);
        long version;
        lock (_replacing)
        {
            Volatile.Write(ref _evaluator, evaluator);
            version = Interlocked.Increment(ref _version);
        }

        _telemetry.CatalogReloads.Add(1, PromoEngineTelemetry.Tag("promoengine.outcome", "loaded"));
        PromoEngineLog.CatalogLoaded(_logger, source, catalog.Count, version);
        Changed?.Invoke(this, EventArgs.Empty);
    }

    /// <summary>Changes the catalog in use, one change at a time: <paramref name="change"/> is given the catalog in use
    /// and returns the new one (for example <c>c =&gt; c.WithStatus(id, PromotionStatus.Paused)</c>, which shares the
    /// catalog's indexes: see <see cref="PromotionCatalog.With"/>). Two changes at once never lose one another.</summary>
    /// <param name="change">The change; when it throws (a <see cref="PromotionDefinitionException"/> for promotions
    /// that collide), the catalog in use stays and the exception is thrown on.</param>
    /// <param name="source">Who or what changed it, for the log.</param>
    /// <returns>The catalog now in use.</returns>
    public PromotionCatalog Update(Func<PromotionCatalog, PromotionCatalog> change, string source)
    {
        ArgumentNullException.ThrowIfNull(change);
        ArgumentNullException.ThrowIfNull(source);
        PromotionCatalog catalog;
        long version;
        lock (_replacing)
        {
            var current = Catalog;
            catalog = change(current) ?? throw new InvalidOperationException("The change returned no catalog.");
            if (ReferenceEquals(catalog, current))
            {
                return current;
            }

            Volatile.Write(ref _evaluator, new PromotionEvaluator(catalog, _options));
            version = Interlocked.Increment(ref _version);
        }

        _telemetry.CatalogReloads.Add(1, PromoEngineTelemetry.Tag("promoengine.outcome", "loaded"));
        PromoEngineLog.CatalogLoaded(_logger, source, catalog.Count, version);
        Changed?.Invoke(this, EventArgs.Empty);
        return catalog;
    }

    /// <summary>Loads a JSON catalog document and, when it loads, puts it in use; otherwise logs every error with its
    /// path and keeps the catalog in use.</summary>
    /// <param name="json">The document, as <see cref="PromotionJson.ReadCatalog"/> reads it.</param>
    /// <param name="source">Where it came from, for the log.</param>
    /// <returns>Whether the document was put in use.</returns>
    public bool TryReplace(string json, string source)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(source);
        using var activity = PromoEngineTelemetry.ActivitySource.StartActivity("promoengine.catalog.reload");
        PromotionCatalog catalog;
        try
        {
            catalog = PromotionJson.ReadCatalog(json);
        }
        catch (PromotionDefinitionException e)
        {
            _telemetry.CatalogReloads.Add(1, PromoEngineTelemetry.Tag("promoengine.outcome", "rejected"));
            activity?.SetStatus(System.Diagnostics.ActivityStatusCode.Error, "rejected");
            PromoEngineLog.CatalogRejected(_logger, source, e.Errors.Length, Version);
            foreach (var error in e.Errors)
            {
                PromoEngineLog.CatalogError(_logger, source, error);
            }

            return false;
        }

        Replace(catalog, source);
        return true;
    }
}
