using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace PromoEngine.Hosting;

/// <summary>
/// PromoEngine's meter and activity source, both named <see cref="Name"/>. With OpenTelemetry, one line each:
/// <c>.WithMetrics(m =&gt; m.AddMeter("PromoEngine")).WithTracing(t =&gt; t.AddSource("PromoEngine"))</c>.
/// </summary>
/// <remarks>
/// <para>Instruments: <c>promoengine.evaluations</c> (counter), <c>promoengine.evaluation.duration</c> (histogram,
/// seconds), <c>promoengine.promotions.applied</c> (counter, tag <c>promoengine.discount_class</c>),
/// <c>promoengine.promotions.rejected</c> (counter, tag <c>promoengine.reason</c>: the stable reason name),
/// <c>promoengine.reservations</c> (counter, tag <c>promoengine.outcome</c>: reserved, refused, unavailable),
/// <c>promoengine.reservation.conflicts</c> (counter, tag <c>promoengine.reason</c>: why a limit refused it) and
/// <c>promoengine.catalog.reloads</c> (counter, tag <c>promoengine.outcome</c>: loaded, rejected).</para>
/// <para>Activities: <c>promoengine.evaluate</c>, <c>promoengine.reserve</c>, <c>promoengine.commit</c>,
/// <c>promoengine.release</c>, <c>promoengine.return</c>, <c>promoengine.catalog.reload</c>. No tag holds a code, a customer or an amount.</para>
/// </remarks>
public sealed class PromoEngineTelemetry : IDisposable
{
    /// <summary>The name of the meter and of the activity source.</summary>
    public const string Name = "PromoEngine";

    private readonly Meter _meter;
    private readonly bool _ownsMeter;

    /// <summary>Initializes a new instance of the <see cref="PromoEngineTelemetry"/> class.</summary>
    /// <param name="meterFactory">The host's meter factory; <see langword="null"/> makes a meter of its own.</param>
    public PromoEngineTelemetry(IMeterFactory? meterFactory = null)
    {
        _ownsMeter = meterFactory is null;
        _meter = meterFactory?.Create(Name) ?? new Meter(Name);
        Evaluations = _meter.CreateCounter<long>("promoengine.evaluations", "{evaluation}", "Carts evaluated.");
        EvaluationDuration = _meter.CreateHistogram<double>("promoengine.evaluation.duration", "s", "How long an evaluation took.");
        Applied = _meter.CreateCounter<long>("promoengine.promotions.applied", "{promotion}", "Promotions applied, by discount class.");
        Rejected = _meter.CreateCounter<long>("promoengine.promotions.rejected", "{promotion}", "Promotions or codes rejected, by reason.");
        Reservations = _meter.CreateCounter<long>("promoengine.reservations", "{reservation}", "Reservations asked for, by outcome.");
        Conflicts = _meter.CreateCounter<long>("promoengine.reservation.conflicts", "{conflict}", "Limits that refused a reservation, by reason.");
        CatalogReloads = _meter.CreateCounter<long>("promoengine.catalog.reloads", "{reload}", "Catalog loads, by outcome.");
    }

    /// <summary>Gets the activity source traces start from.</summary>
    /// <value>Named <see cref="Name"/>.</value>
    public static ActivitySource ActivitySource { get; } = new(Name);

    internal Counter<long> Evaluations { get; }

    internal Histogram<double> EvaluationDuration { get; }

    internal Counter<long> Applied { get; }

    internal Counter<long> Rejected { get; }

    internal Counter<long> Reservations { get; }

    internal Counter<long> Conflicts { get; }

    internal Counter<long> CatalogReloads { get; }

    /// <inheritdoc/>
    public void Dispose()
    {
        if (_ownsMeter)
        {
            _meter.Dispose();
        }
    }

    internal static KeyValuePair<string, object?> Tag(string name, object? value) => new(name, value);
}
