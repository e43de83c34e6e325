using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NodaTime;
using NodaTime.Testing;
using Xunit;

namespace PromoEngine.Hosting.Tests;

/// <summary>PromoEngine in a real generic host: registration, configuration, catalog reloads, logs, metrics, traces.</summary>
public sealed class HostingTests : IDisposable
{
    private static readonly Instant Now = Instant.FromUtc(2026, 12, 2, 12, 0);
    private readonly string _folder = Directory.CreateTempSubdirectory("promoengine-hosting-").FullName;
    private readonly LogCollector _logs = new();

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static string Catalog(int percent) => $$"""
        { "schemaVersion": 1, "promotions": [
          { "id": "shoes", "name": "{{percent}}% off shoes",
            "items": { "type": "categories", "values": ["shoes"] },
            "discount": { "type": "percentOffItems", "percent": {{percent}} } } ] }
        """;

    private static Cart Shoes() => new(Currency.Usd, [new CartLine("1", "runner", new Money(100m, Currency.Usd), 1, ["shoes"])]);

    private IHost Host(Action<PromoEngineBuilder>? configure = null, Dictionary<string, string?>? settings = null)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(settings ?? []);
        builder.Logging.ClearProviders().AddProvider(_logs).SetMinimumLevel(LogLevel.Debug);
        builder.Services.AddSingleton<IClock>(new FakeClock(Now));
        builder.Services.AddPromoEngine(configure);
        return builder.Build();
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public async Task AddPromoEngine_WithACatalogInCode_EvaluatesAtTheHostsClockOnTheInMemoryLedger()
    {
        using var host = Host(b => b.UseCatalog(PromotionJson.ReadCatalog(Catalog(20))));
        await host.StartAsync();
        var engine = host.Services.GetRequiredService<PromoEngineService>();

        var result = await engine.EvaluateAsync(Shoes(), []);

        Assert.Equal(20m, result.TotalDiscount.Amount);
        Assert.Equal(Now, result.At);
        var ledger = Assert.IsType<InstrumentedRedemptionLedger>(host.Services.GetRequiredService<IRedemptionLedger>());
        Assert.IsType<InMemoryRedemptionLedger>(ledger.Inner);
        await host.StopAsync();
    }

    [Fact]
    public void TheAttributionReport_IsTheLedgerInsideTheInstrumentedOne()
    {
        using var host = Host();

        var ledger = Assert.IsType<InstrumentedRedemptionLedger>(host.Services.GetRequiredService<IRedemptionLedger>());
        Assert.Same(ledger.Inner, host.Services.GetRequiredService<IRedemptionReport>());
    }

    [Fact]
    public async Task EvaluationOptions_AreBoundFromConfiguration()
    {
        using var host = Host(settings: new()
        {
            ["PromoEngine:Evaluation:MaxCodesPerOrder"] = "3",
            ["PromoEngine:Evaluation:HideCodeStatus"] = "true",
            ["PromoEngine:Evaluation:Selection"] = "StrictPriority",
            ["PromoEngine:Evaluation:WalletCountsTowardCodeLimit"] = "false",
        });
        await host.StartAsync();

        var options = host.Services.GetRequiredService<PromoEngineService>().Evaluator.Options;

        Assert.Equal(3, options.MaxCodesPerOrder);
        Assert.True(options.HideCodeStatus);
        Assert.Equal(SelectionPolicy.StrictPriority, options.Selection);
        Assert.False(options.WalletCountsTowardCodeLimit);
        await host.StopAsync();
    }

    [Fact]
    public async Task EvaluationConventions_AreBoundFromConfiguration()
    {
        using var host = Host(settings: new()
        {
            ["PromoEngine:Evaluation:ExcludeAutomaticPromotions"] = "true",
            ["PromoEngine:Evaluation:RoundingTarget"] = "Discount",
            ["PromoEngine:Evaluation:OrderAllocation"] = "CarryForward",
        });
        await host.StartAsync();

        var options = host.Services.GetRequiredService<PromoEngineService>().Evaluator.Options;

        Assert.True(options.ExcludeAutomaticPromotions);
        Assert.Equal(RoundingTarget.Discount, options.RoundingTarget);
        Assert.Equal(OrderAllocation.CarryForward, options.OrderAllocation);
        await host.StopAsync();
    }

    [Fact]
    public async Task Update_ManyChangesAtOnce_LosesNone_AndARefusedChangeKeepsTheCatalog()
    {
        using var host = Host(b => b.UseCatalog(PromotionJson.ReadCatalog(Catalog(20))));
        await host.StartAsync();
        var engine = host.Services.GetRequiredService<PromoEngineService>();
        var catalog = host.Services.GetRequiredService<PromoEngineCatalog>();

        // 40 promotions added from 8 threads at once: each change reads the catalog in use, so none is lost.
        Parallel.For(0, 40, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i => catalog.Update(
            c => c.With([Promotion.Create($"extra{i:D2}", "Extra").WithCode($"EXTRA{i:D2}").Giving(Discount.AmountOffOrder(new Money(1m, Currency.Usd))).Build()]),
            "admin"));
        var thief = Promotion.Create("thief", "Thief").WithCode("EXTRA07").Giving(Discount.AmountOffOrder(new Money(50m, Currency.Usd))).Build();
        var refused = Assert.Throws<PromotionDefinitionException>(() => catalog.Update(c => c.With([thief]), "admin"));
        var paused = catalog.Update(c => c.WithStatus(new PromotionId("shoes"), PromotionStatus.Paused), "admin");

        Assert.Equal(41, paused.Count);
        Assert.Equal(["promotions[0].codes: 'EXTRA07' is also a code of 'extra07'."], refused.Errors.ToArray());
        Assert.Equal(41, catalog.Version);
        Assert.Equal(1m, engine.Evaluate(Shoes(), ["EXTRA07"]).TotalDiscount.Amount);
        await host.StopAsync();
    }

    [Fact]
    public async Task ACatalogFileEditedWhileTheHostRuns_IsPickedUp()
    {
        var path = Write("catalog.json", Catalog(20));
        using var host = Host(settings: new() { ["PromoEngine:CatalogPath"] = path, ["PromoEngine:ReloadInterval"] = "00:00:00.050" });
        await host.StartAsync();
        var engine = host.Services.GetRequiredService<PromoEngineService>();
        var catalog = host.Services.GetRequiredService<PromoEngineCatalog>();
        Assert.Equal(20m, engine.Evaluate(Shoes(), []).TotalDiscount.Amount);
        var changed = new TaskCompletionSource();
        catalog.Changed += (_, _) => changed.TrySetResult();

        Write("catalog.json", Catalog(35));
        await changed.Task.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(35m, engine.Evaluate(Shoes(), []).TotalDiscount.Amount);
        Assert.Equal(2, catalog.Version);
        Assert.Equal(2, _logs.Events.Count(e => e.Id == 1));
        await host.StopAsync();
    }

    [Fact]
    public async Task ABrokenEdit_KeepsTheOldCatalogAndLogsEveryErrorWithItsPath()
    {
        var path = Write("catalog.json", Catalog(20));
        using var host = Host(b => b.UseCatalogFile(path), new() { ["PromoEngine:ReloadInterval"] = "00:00:00" });
        await host.StartAsync();
        var reloader = host.Services.GetRequiredService<CatalogReloadService>();
        var catalog = host.Services.GetRequiredService<PromoEngineCatalog>();

        Write("catalog.json", Catalog(20).Replace("\"percent\": 20", "\"percent\": 120", StringComparison.Ordinal).Replace("percentOffItems", "percentOfItems", StringComparison.Ordinal));
        var reloaded = await reloader.ReloadAsync();

        Assert.False(reloaded);
        Assert.Equal(1, catalog.Version);
        Assert.Equal(20m, host.Services.GetRequiredService<PromoEngineService>().Evaluate(Shoes(), []).TotalDiscount.Amount);
        var rejected = Assert.Single(_logs.Events, e => e.Id == 2);
        Assert.Equal(LogLevel.Error, rejected.Level);
        var errors = _logs.Events.Where(e => e.Id == 3).Select(e => e.Message).ToList();
        Assert.NotEmpty(errors);
        Assert.All(errors, e => Assert.Contains("$.promotions[0].discount", e, StringComparison.Ordinal));

        // Fixed, it loads; the same broken bytes are not logged twice meanwhile.
        Assert.False(await reloader.ReloadAsync());
        Assert.Single(_logs.Events, e => e.Id == 2);
        Write("catalog.json", Catalog(40));
        Assert.True(await reloader.ReloadAsync());
        Assert.Equal(40m, host.Services.GetRequiredService<PromoEngineService>().Evaluate(Shoes(), []).TotalDiscount.Amount);
        await host.StopAsync();
    }

    [Fact]
    public async Task ABrokenCatalogAtStart_StopsTheHostFromStarting()
    {
        var path = Write("catalog.json", """{ "schemaVersion": 1, "promotions": [ { "id": "x" } ] }""");
        using var host = Host(b => b.UseCatalogFile(path));

        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => host.StartAsync());

        Assert.Contains(path, e.Message, StringComparison.Ordinal);
        Assert.Contains(_logs.Events, l => l.Id == 3);
    }

    [Fact]
    public async Task ACatalogSource_CanBeAQuery()
    {
        var document = Catalog(15);
        using var host = Host(b => b.UseCatalogSource(new DelegateCatalogSource("promotions table", _ => ValueTask.FromResult(document))),
            new() { ["PromoEngine:ReloadInterval"] = "00:00:00" });
        await host.StartAsync();

        Assert.Equal(15m, host.Services.GetRequiredService<PromoEngineService>().Evaluate(Shoes(), []).TotalDiscount.Amount);
        document = Catalog(25);
        Assert.True(await host.Services.GetRequiredService<CatalogReloadService>().ReloadAsync());
        Assert.Equal(25m, host.Services.GetRequiredService<PromoEngineService>().Evaluate(Shoes(), []).TotalDiscount.Amount);
        Assert.Contains(_logs.Events, e => e.Id == 1 && e.Message.Contains("promotions table", StringComparison.Ordinal));
        await host.StopAsync();
    }

    [Fact]
    public async Task Metrics_CountEvaluationsRejectionsByReasonConflictsAndReloads()
    {
        var capped = Promotion.Create("capped", "Capped").WithCode("ONCE").WithLimits(new UsageLimits(total: 1)).Giving(Discount.PercentOffOrder(10)).Build();
        using var host = Host(b => b.UseCatalog(PromotionCatalog.Create([capped])));
        using var listener = new MeasurementCollector();
        await host.StartAsync();
        var engine = host.Services.GetRequiredService<PromoEngineService>();
        var ledger = host.Services.GetRequiredService<IRedemptionLedger>();

        var first = await engine.EvaluateAsync(Shoes(), ["ONCE"]);
        Assert.True((await ledger.ReserveAsync(ReservationRequest.For("o1", first, engine.Evaluator.Catalog))).Succeeded);
        await ledger.CommitAsync("o1");
        var refused = await ledger.ReserveAsync(ReservationRequest.For("o2", first, engine.Evaluator.Catalog));
        var second = await engine.EvaluateAsync(Shoes(), ["ONCE", "NOPE"]);

        Assert.False(refused.Succeeded);
        Assert.Equal(2, listener.Sum("promoengine.evaluations"));
        Assert.Equal(2, listener.Count("promoengine.evaluation.duration"));
        Assert.Equal(1, listener.Sum("promoengine.promotions.applied", ("promoengine.discount_class", "Order")));
        Assert.Equal(1, listener.Sum("promoengine.promotions.rejected", ("promoengine.reason", nameof(RejectionReason.UnknownCode))));
        Assert.Equal(second.Rejected.Length, listener.Sum("promoengine.promotions.rejected"));
        Assert.Equal(1, listener.Sum("promoengine.reservations", ("promoengine.outcome", "reserved")));
        Assert.Equal(1, listener.Sum("promoengine.reservations", ("promoengine.outcome", "refused")));
        Assert.Equal(refused.Failures.Length, listener.Sum("promoengine.reservation.conflicts"));
        Assert.Contains(_logs.Events, e => e.Id == 10);
        await host.StopAsync();
    }

    [Fact]
    public async Task Traces_StartAnActivityForEachEvaluationAndReservation()
    {
        using var host = Host(b => b.UseCatalog(PromotionJson.ReadCatalog(Catalog(20))));
        var started = new ConcurrentBag<string>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name == PromoEngineTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
            ActivityStarted = a => started.Add(a.OperationName),
        };
        ActivitySource.AddActivityListener(listener);
        await host.StartAsync();

        var engine = host.Services.GetRequiredService<PromoEngineService>();
        var result = engine.Evaluate(Shoes(), []);
        await engine.Ledger.ReserveAsync(ReservationRequest.For("o1", result, engine.Evaluator.Catalog));

        Assert.Contains("promoengine.evaluate", started);
        Assert.Contains("promoengine.reserve", started);
        await host.StopAsync();
    }

    [Fact]
    public async Task ALedgerThatCannotBeReached_LeavesPromotionsWithoutLimitsApplying()
    {
        var limited = Promotion.Create("limited", "Limited").WithLimits(new UsageLimits(total: 100)).Giving(Discount.PercentOffOrder(10)).Build();
        var plain = Promotion.Create("plain", "Plain").ForItems(ItemFilter.Categories("shoes")).Giving(Discount.AmountOffEachItem(new Money(5m, Currency.Usd))).Build();
        using var host = Host(b => b.UseCatalog(PromotionCatalog.Create([limited, plain])).UseLedger(_ => new UnreachableLedger()));
        await host.StartAsync();

        var result = await host.Services.GetRequiredService<PromoEngineService>().EvaluateAsync(Shoes(), []);

        Assert.Equal(["plain"], result.Applied.Select(a => a.PromotionId.Value));
        Assert.Contains(result.Rejected, r => r.Reason == RejectionReason.UsageUnavailable);
        Assert.Contains(_logs.Events, e => e.Id == 11);
        await host.StopAsync();
    }

    /// <summary>A ledger whose store is down: every call fails as the contract says a technical failure does.</summary>
    private sealed class UnreachableLedger : IRedemptionLedger
    {
        private static LedgerUnavailableException Down() => new("The store is down.");

        public ValueTask<ReservationResult> ReserveAsync(ReservationRequest request, CancellationToken cancellationToken = default) => throw Down();

        public ValueTask<ReservationState> CommitAsync(string orderId, CancellationToken cancellationToken = default) => throw Down();

        public ValueTask<ReservationState> ReleaseAsync(string orderId, CancellationToken cancellationToken = default) => throw Down();

        public ValueTask<ReservationState> ReturnAsync(string orderId, LedgerReturn orderReturn, CancellationToken cancellationToken = default) => throw Down();

        public ValueTask<ReservationState> GetStateAsync(string orderId, CancellationToken cancellationToken = default) => throw Down();

        public ValueTask<UsageSnapshot> GetUsageAsync(UsageRequest request, CancellationToken cancellationToken = default) => throw Down();
    }

    private sealed class LogCollector : ILoggerProvider
    {
        public ConcurrentQueue<(int Id, LogLevel Level, string Message)> Queue { get; } = new();

        public List<(int Id, LogLevel Level, string Message)> Events => [.. Queue];

        public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

        public void Dispose()
        {
        }

        private sealed class Logger(LogCollector owner, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (category == PromoEngineLog.Category)
                {
                    owner.Queue.Enqueue((eventId.Id, logLevel, formatter(state, exception)));
                }
            }
        }
    }

    private sealed class MeasurementCollector : IDisposable
    {
        private readonly MeterListener _listener = new();
        private readonly ConcurrentQueue<(string Name, double Value, KeyValuePair<string, object?>[] Tags)> _measurements = new();

        public MeasurementCollector()
        {
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == PromoEngineTelemetry.Name)
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<long>((i, v, tags, _) => _measurements.Enqueue((i.Name, v, tags.ToArray())));
            _listener.SetMeasurementEventCallback<double>((i, v, tags, _) => _measurements.Enqueue((i.Name, v, tags.ToArray())));
            _listener.Start();
        }

        public double Sum(string name, (string Key, string Value)? tag = null) =>
            Matching(name, tag).Sum(m => m.Value);

        public int Count(string name) => Matching(name, null).Count();

        public void Dispose() => _listener.Dispose();

        private IEnumerable<(string Name, double Value, KeyValuePair<string, object?>[] Tags)> Matching(string name, (string Key, string Value)? tag) =>
            _measurements.Where(m => m.Name == name && (tag is not { } t || m.Tags.Any(x => x.Key == t.Key && (string?)x.Value == t.Value)));
    }
}
