using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace PromoEngine.Hosting;

/// <summary>A ledger that counts, traces and logs what another ledger does, and changes nothing of it.</summary>
/// <param name="inner">The ledger that does the work.</param>
/// <param name="telemetry">Where reservations and conflicts are counted.</param>
/// <param name="loggerFactory">Where refusals and outages are logged.</param>
public sealed class InstrumentedRedemptionLedger(IRedemptionLedger inner, PromoEngineTelemetry telemetry, ILoggerFactory loggerFactory) : IRedemptionLedger
{
    private readonly IRedemptionLedger _inner = inner ?? throw new ArgumentNullException(nameof(inner));
    private readonly PromoEngineTelemetry _telemetry = telemetry ?? throw new ArgumentNullException(nameof(telemetry));
    private readonly ILogger _logger = (loggerFactory ?? throw new ArgumentNullException(nameof(loggerFactory))).CreateLogger(PromoEngineLog.Category);

    /// <summary>Gets the ledger that does the work.</summary>
    /// <value>As given.</value>
    public IRedemptionLedger Inner => _inner;

    /// <inheritdoc/>
    public async ValueTask<ReservationResult> ReserveAsync(ReservationRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var activity = PromoEngineTelemetry.ActivitySource.StartActivity("promoengine.reserve");
        var result = await Watch("reserve", request.OrderId, () => _inner.ReserveAsync(request, cancellationToken)).ConfigureAwait(false);
        _telemetry.Reservations.Add(1, PromoEngineTelemetry.Tag("promoengine.outcome", result.Succeeded ? "reserved" : "refused"));
        if (!result.Succeeded)
        {
            foreach (var failure in result.Failures)
            {
                _telemetry.Conflicts.Add(1, PromoEngineTelemetry.Tag("promoengine.reason", failure.Reason.ToString()));
            }

            activity?.SetTag("promoengine.refused_by", result.Failures[0].Reason.ToString());
            PromoEngineLog.ReservationRefused(_logger, request.OrderId, result.Failures.Length, result.Failures[0].Reason);
        }

        return result;
    }

    /// <inheritdoc/>
    public ValueTask<ReservationState> CommitAsync(string orderId, CancellationToken cancellationToken = default) =>
        Traced("promoengine.commit", "commit", orderId, () => _inner.CommitAsync(orderId, cancellationToken));

    /// <inheritdoc/>
    public ValueTask<ReservationState> ReleaseAsync(string orderId, CancellationToken cancellationToken = default) =>
        Traced("promoengine.release", "release", orderId, () => _inner.ReleaseAsync(orderId, cancellationToken));

    /// <inheritdoc/>
    public ValueTask<ReservationState> ReturnAsync(string orderId, LedgerReturn orderReturn, CancellationToken cancellationToken = default) =>
        Traced("promoengine.return", "return", orderId, () => _inner.ReturnAsync(orderId, orderReturn, cancellationToken));

    /// <inheritdoc/>
    public ValueTask<ReservationState> GetStateAsync(string orderId, CancellationToken cancellationToken = default) =>
        Watch("state read", orderId, () => _inner.GetStateAsync(orderId, cancellationToken));

    /// <inheritdoc/>
    public ValueTask<UsageSnapshot> GetUsageAsync(UsageRequest request, CancellationToken cancellationToken = default) =>
        Watch("usage read", string.Empty, () => _inner.GetUsageAsync(request, cancellationToken));

    private async ValueTask<T> Traced<T>(string activityName, string operation, string orderId, Func<ValueTask<T>> call)
    {
        using var activity = PromoEngineTelemetry.ActivitySource.StartActivity(activityName);
        return await Watch(operation, orderId, call).ConfigureAwait(false);
    }

    private async ValueTask<T> Watch<T>(string operation, string orderId, Func<ValueTask<T>> call)
    {
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (LedgerUnavailableException e)
        {
            if (operation == "reserve")
            {
                _telemetry.Reservations.Add(1, PromoEngineTelemetry.Tag("promoengine.outcome", "unavailable"));
            }

            PromoEngineLog.LedgerUnavailable(_logger, e, operation, orderId);
            throw;
        }
    }
}
