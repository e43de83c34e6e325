using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using NodaTime;

namespace PromoEngine.Hosting;

/// <summary>
/// The engine as a host's checkout uses it: evaluates at the host's clock against the catalog in use, reads usage
/// from the ledger, and counts and traces every evaluation.
/// </summary>
/// <remarks>Thread-safe; registered as a singleton by <c>AddPromoEngine</c>.</remarks>
public sealed class PromoEngineService
{
    private readonly PromoEngineCatalog _catalog;
    private readonly IRedemptionLedger _ledger;
    private readonly IClock _clock;
    private readonly PromoEngineTelemetry _telemetry;

    /// <summary>Initializes a new instance of the <see cref="PromoEngineService"/> class.</summary>
    /// <param name="catalog">The catalog in use.</param>
    /// <param name="ledger">The redemption ledger.</param>
    /// <param name="clock">The clock evaluations happen at.</param>
    /// <param name="telemetry">Where evaluations are counted.</param>
    public PromoEngineService(PromoEngineCatalog catalog, IRedemptionLedger ledger, IClock clock, PromoEngineTelemetry telemetry)
    {
        _catalog = catalog ?? throw new ArgumentNullException(nameof(catalog));
        _ledger = ledger ?? throw new ArgumentNullException(nameof(ledger));
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
        _telemetry = telemetry ?? throw new ArgumentNullException(nameof(telemetry));
    }

    /// <summary>Gets the evaluator of the catalog in use.</summary>
    /// <value>See <see cref="PromoEngineCatalog.Evaluator"/>.</value>
    public PromotionEvaluator Evaluator => _catalog.Evaluator;

    /// <summary>Gets the redemption ledger.</summary>
    /// <value>As registered (in memory unless another was chosen), counted and traced.</value>
    public IRedemptionLedger Ledger => _ledger;

    /// <summary>Evaluates a cart now, with the usage the ledger reports for exactly what it needs: the README's
    /// checkout flow in one call. When the ledger cannot be reached, promotions with limits are rejected as
    /// <see cref="RejectionReason.UsageUnavailable"/> and the others still apply.</summary>
    /// <param name="cart">The cart.</param>
    /// <param name="codes">The codes the shopper entered, as typed.</param>
    /// <param name="cancellationToken">Cancels the usage read.</param>
    /// <returns>The evaluation, at the instant the call began.</returns>
    public async ValueTask<EvaluationResult> EvaluateAsync(Cart cart, IReadOnlyList<string> codes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cart);
        ArgumentNullException.ThrowIfNull(codes);
        var evaluator = _catalog.Evaluator;
        var at = _clock.GetCurrentInstant();
        UsageSnapshot usage;
        try
        {
            usage = await _ledger.GetUsageAsync(evaluator.UsageRequestFor(cart, codes, at), cancellationToken).ConfigureAwait(false);
        }
        catch (LedgerUnavailableException)
        {
            usage = UsageSnapshot.Unavailable;
        }

        return Evaluate(evaluator, cart, codes, at, usage);
    }

    /// <summary>Evaluates a cart now with a usage snapshot the caller read (or none: no limit is reached).</summary>
    /// <param name="cart">The cart.</param>
    /// <param name="codes">The codes the shopper entered, as typed.</param>
    /// <param name="usage">What the ledger counts; <see cref="UsageSnapshot.Empty"/> unless given.</param>
    /// <returns>The evaluation.</returns>
    public EvaluationResult Evaluate(Cart cart, IEnumerable<string> codes, UsageSnapshot? usage = null) =>
        Evaluate(_catalog.Evaluator, cart, codes, _clock.GetCurrentInstant(), usage);

    private EvaluationResult Evaluate(PromotionEvaluator evaluator, Cart cart, IEnumerable<string> codes, Instant at, UsageSnapshot? usage)
    {
        using var activity = PromoEngineTelemetry.ActivitySource.StartActivity("promoengine.evaluate");
        var started = Stopwatch.GetTimestamp();
        var result = evaluator.Evaluate(cart, codes, at, usage);
        _telemetry.EvaluationDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds);
        _telemetry.Evaluations.Add(1);
        foreach (var applied in result.Applied)
        {
            _telemetry.Applied.Add(1, PromoEngineTelemetry.Tag("promoengine.discount_class", applied.Class.ToString()));
        }

        foreach (var rejection in result.Rejected)
        {
            _telemetry.Rejected.Add(1, PromoEngineTelemetry.Tag("promoengine.reason", rejection.Reason.ToString()));
        }

        if (activity is not null)
        {
            activity.SetTag("promoengine.lines", cart.Lines.Length);
            activity.SetTag("promoengine.applied", result.Applied.Length);
            activity.SetTag("promoengine.rejected", result.Rejected.Length);
            activity.SetTag("promoengine.catalog_version", _catalog.Version);
        }

        return result;
    }
}
