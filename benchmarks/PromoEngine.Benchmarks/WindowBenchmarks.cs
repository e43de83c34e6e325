using System;
using System.Collections.Generic;
using BenchmarkDotNet.Attributes;
using NodaTime;

namespace PromoEngine.Benchmarks;

/// <summary>
/// Happy hours at scale (issue 14): 10,000 automatic promotions, each open one hour a week, 1% of them open at the
/// instant evaluated, against a catalog of only the promotions open then (the baseline: what the open ones cost), and
/// against the same 10,000 promotions held back by their start date instead of a window (what an ordinary closed
/// promotion costs today), and against the same 10,000 with no windows at all (every one open).
/// </summary>
/// <remarks>Every promotion targets a category of the cart, so all 10,000 are candidates: the candidate index is by
/// item, not by time, and this measures what gating the closed ones costs per cart.</remarks>
[MemoryDiagnoser]
public class WindowBenchmarks
{
    private const int Count = 10_000;
    private static readonly DateTimeZone Berlin = DateTimeZoneProviders.Tzdb["Europe/Berlin"];
    private static readonly Instant Now = Instant.FromUtc(2026, 12, 4, 16, 30); // Friday 17:30 in Berlin
    private PromotionEvaluator _openOnly = null!;
    private PromotionEvaluator _windows = null!;
    private PromotionEvaluator _notStarted = null!;
    private PromotionEvaluator _noWindows = null!;
    private Cart _cart = null!;

    [GlobalSetup]
    public void Setup()
    {
        var open = new List<Promotion>();
        var windowed = new List<Promotion>();
        var notStarted = new List<Promotion>();
        var always = new List<Promotion>();
        var later = Schedule.Days(new LocalDate(2027, 1, 1), null, Berlin);
        for (var i = 0; i < Count; i++)
        {
            // One hour a week: 168 slots; every 100th promotion gets Friday 17:00 (open now), the others another hour.
            const int fridayFivePm = (4 * 24) + 17;
            var other = i % 167;
            var slot = i % 100 == 0 ? fridayFivePm : other >= fridayFivePm ? other + 1 : other;
            var window = new WeeklyWindow([(IsoDayOfWeek)((slot / 24) + 1)], new LocalTime(slot % 24, 0), new LocalTime((slot % 24) + 1 == 24 ? 0 : (slot % 24) + 1, 0));
            Promotion Make(Schedule schedule) => Promotion.Create($"p{i:D5}", $"Happy hour {i}")
                .ForItems(ItemFilter.Categories("drinks"))
                .Giving(Discount.PercentOffItems(5 + (i % 20)))
                .WithSchedule(schedule)
                .Build();
            windowed.Add(Make(Schedule.Between(null, null, Berlin).WithWeeklyWindows([window])));
            notStarted.Add(i % 100 == 0 ? Make(Schedule.Always) : Make(later));
            always.Add(Make(Schedule.Always));
            if (i % 100 == 0)
            {
                open.Add(Make(Schedule.Always));
            }
        }

        _openOnly = new PromotionEvaluator(PromotionCatalog.Create(open));
        _windows = new PromotionEvaluator(PromotionCatalog.Create(windowed));
        _notStarted = new PromotionEvaluator(PromotionCatalog.Create(notStarted));
        _noWindows = new PromotionEvaluator(PromotionCatalog.Create(always));
        var usd = Currency.Usd;
        _cart = new Cart(usd, [new CartLine("1", "IPA", new Money(6.50m, usd), 2, ["drinks"]), new CartLine("2", "NUTS", new Money(3m, usd), 1, ["snacks"])]);
        if (_windows.Evaluate(_cart, [], Now).Applied.Length != _openOnly.Evaluate(_cart, [], Now).Applied.Length)
        {
            throw new InvalidOperationException("The windowed catalog should apply what the open-only one does.");
        }
    }

    [Benchmark(Baseline = true)]
    public EvaluationResult OpenOnly100() => _openOnly.Evaluate(_cart, [], Now);

    [Benchmark]
    public EvaluationResult Windows10000OnePercentOpen() => _windows.Evaluate(_cart, [], Now);

    [Benchmark]
    public EvaluationResult NotStarted9900Plus100Open() => _notStarted.Evaluate(_cart, [], Now);

    [Benchmark]
    public EvaluationResult NoWindows10000AllOpen() => _noWindows.Evaluate(_cart, [], Now);
}
