using System;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace PromoEngine.Hosting;

/// <summary>
/// Loads the catalog from its source when the host starts, then reads the source again every
/// <see cref="PromoEngineHostingOptions.ReloadInterval"/> and puts a changed document in use when it loads.
/// </summary>
/// <remarks>
/// <para>At start, a document that does not load stops the host (with every error logged): a host never starts
/// serving an empty or a partial catalog. Later, a document that does not load is logged, error by error with its
/// path, and the catalog in use is kept until a good one replaces it.</para>
/// <para>Reading the source again is how a change is seen: no file-system events, which containers and network shares
/// do not all deliver. An unchanged document (the same bytes) is not loaded again.</para>
/// </remarks>
public sealed class CatalogReloadService : BackgroundService
{
    private readonly PromoEngineCatalog _catalog;
    private readonly IPromotionCatalogSource? _source;
    private readonly TimeSpan _interval;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _reading = new(1, 1);
    private byte[]? _lastHash;

    /// <summary>Initializes a new instance of the <see cref="CatalogReloadService"/> class.</summary>
    /// <param name="catalog">The catalog to keep.</param>
    /// <param name="source">Where it comes from; <see langword="null"/> when the catalog was given in code.</param>
    /// <param name="options">The reload interval.</param>
    /// <param name="time">The timer of the reload interval.</param>
    /// <param name="loggerFactory">Where unreadable sources are logged.</param>
    public CatalogReloadService(PromoEngineCatalog catalog, IPromotionCatalogSource? source, IOptions<PromoEngineHostingOptions> options, TimeProvider time, ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        _catalog = catalog ?? throw new ArgumentNullException(nameof(catalog));
        _source = source;
        _interval = options.Value.ReloadInterval;
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _logger = loggerFactory.CreateLogger(PromoEngineLog.Category);
    }

    /// <inheritdoc/>
    /// <exception cref="InvalidOperationException">The catalog source's document does not load; its errors are logged.</exception>
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        if (_source is not null)
        {
            var document = await _source.ReadAsync(cancellationToken).ConfigureAwait(false);
            if (!Load(document))
            {
                throw new InvalidOperationException(
                    $"The promotion catalog from {_source.Name} does not load, so the host does not start; its errors are logged (event 3, CatalogError).");
            }
        }

        await base.StartAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads the source now and puts its document in use if it changed and loads.</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>Whether a new catalog was put in use.</returns>
    public async Task<bool> ReloadAsync(CancellationToken cancellationToken = default)
    {
        if (_source is null)
        {
            return false;
        }

        string document;
        try
        {
            document = await _source.ReadAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            PromoEngineLog.CatalogSourceUnreadable(_logger, e, _source.Name, _catalog.Version);
            return false;
        }

        return Load(document);
    }

    /// <inheritdoc/>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (_source is null || _interval <= TimeSpan.Zero)
        {
            return;
        }

        using var timer = new PeriodicTimer(_interval, _time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                await ReloadAsync(stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping.
        }
    }

    /// <inheritdoc/>
    public override void Dispose()
    {
        _reading.Dispose();
        base.Dispose();
    }

    private bool Load(string document)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(document));
        _reading.Wait();
        try
        {
            if (_lastHash is not null && hash.AsSpan().SequenceEqual(_lastHash))
            {
                return false;
            }

            // A rejected document is remembered too: it is not loaded (and logged) again until it changes.
            _lastHash = hash;
            return _catalog.TryReplace(document, _source!.Name);
        }
        finally
        {
            _reading.Release();
        }
    }
}
