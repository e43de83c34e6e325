using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using Xunit;
using static PromoEngine.Tests.Shop;

namespace PromoEngine.Tests;

/// <summary>A generated schedule with weekly windows and an instant, often near one of its zone's changes.</summary>
public sealed record WindowCase(DateTimeZone Zone, WeeklyWindow[] Windows, Schedule Schedule, Instant At)
{
    public override string ToString() => $"{Zone.Id} [{string.Join("; ", Windows.AsEnumerable())}] from {Schedule.Start} to {Schedule.End} at {At}";
}

/// <summary>Generators for <see cref="WeeklyWindowProperties"/>.</summary>
public static class WindowArbitraries
{
    private static readonly string[] Zones = ["UTC", "America/Los_Angeles", "Europe/Berlin", "Australia/Lord_Howe", "Asia/Kolkata", "America/Santiago"];
    private static readonly Instant YearStart = Instant.FromUtc(2026, 1, 1, 0, 0);

    public static Arbitrary<WindowCase> WindowCaseArb() =>
        (from zoneId in Gen.Elements(Zones)
         let zone = DateTimeZoneProviders.Tzdb[zoneId]
         from count in Gen.Choose(1, 3)
         from windows in Gen.ArrayOf(EvaluationArbitraries.WindowGen, count)
         from at in InstantGen(zone)
         from bounded in Gen.Elements("none", "start", "end", "both")
         from startHours in Gen.Choose(-24 * 10, 24)
         from lengthHours in Gen.Choose(1, 24 * 10)
         let start = (at + Duration.FromHours(startHours)).InZone(zone).LocalDateTime
         let schedule = Schedule.Between(bounded is "start" or "both" ? start : null, bounded is "end" or "both" ? start.PlusHours(lengthHours) : null, zone)
         select new WindowCase(zone, windows, schedule.WithWeeklyWindows(windows), at))
        .ToArbitrary();

    /// <summary>Any instant of 2026, or one within three hours of a change of the zone's offset.</summary>
    private static Gen<Instant> InstantGen(DateTimeZone zone)
    {
        var changes = zone.GetZoneIntervals(YearStart, YearStart + Duration.FromDays(365)).Where(i => i.HasStart && i.Start > YearStart).Select(i => i.Start).ToArray();
        var anywhere = from minutes in Gen.Choose(0, 365 * 24 * 60) from seconds in Gen.Elements(0, 0, 0, 30, 59) select YearStart + Duration.FromMinutes(minutes) + Duration.FromSeconds(seconds);
        return changes.Length == 0
            ? anywhere
            : Gen.Frequency(
                (1, anywhere),
                (2, from change in Gen.Elements(changes) from minutes in Gen.Choose(-180, 180) select change + Duration.FromMinutes(minutes)));
    }
}

/// <summary>Done-when property of issue 14: a windowed promotion applies exactly when the instant is within the schedule's
/// start and end and the local time there falls in a window, whatever the zone and its daylight-saving changes.</summary>
public sealed class WeeklyWindowProperties
{
    /// <summary>The oracle, from the definition alone: the local date-time at the instant, its day of the week and time
    /// of day; a window whose end is not after its start runs on into the next day (00:00-00:00, the whole day).</summary>
    private static bool InWindowByHand(WeeklyWindow window, Instant at, DateTimeZone zone)
    {
        var local = at.InZone(zone).LocalDateTime;
        var today = local.DayOfWeek;
        var yesterday = local.Date.PlusDays(-1).DayOfWeek;
        var time = local.TimeOfDay;
        if (window.Start == LocalTime.Midnight && window.End == LocalTime.Midnight)
        {
            return window.Days.Contains(today);
        }

        return window.Start < window.End
            ? window.Days.Contains(today) && window.Start <= time && time < window.End
            : (window.Days.Contains(today) && window.Start <= time) || (window.Days.Contains(yesterday) && time < window.End);
    }

    private static bool ExpectedToApply(WindowCase c, Instant at) =>
        (c.Schedule.StartInstant is not { } s || s <= at)
        && (c.Schedule.EndInstant is not { } e || at < e)
        && c.Windows.Any(w => InWindowByHand(w, at, c.Zone));

    private static EvaluationResult Evaluate(WindowCase c, Instant at) =>
        new PromotionEvaluator(PromotionCatalog.Create([Promo("p", Discount.PercentOffItems(10)).WithSchedule(c.Schedule).Build()]))
            .Evaluate(Cart(Line("a", 10m)), [], at);

    [Property(MaxTest = 1_000, Arbitrary = [typeof(WindowArbitraries)])]
    public void Evaluate_AnyZoneWindowsAndInstant_AppliesExactlyWhenTheLocalTimeIsInAWindowWithinTheValidity(WindowCase c)
    {
        var applies = Evaluate(c, c.At).Applied.Length == 1;

        Assert.Equal(ExpectedToApply(c, c.At), applies);
    }

    [Property(MaxTest = 300, Arbitrary = [typeof(WindowArbitraries)])]
    public void Evaluate_OutsideAWindow_BoundaryIsTheNextOpening(WindowCase c)
    {
        var result = Evaluate(c, c.At);
        if (result.Rejected.SingleOrDefault() is not { Reason: RejectionReason.OutsideWindow } rejection)
        {
            return;
        }

        Assert.False(ExpectedToApply(c, c.At));
        if (rejection.Boundary is not { } opens)
        {
            // Nothing opens before the end: the end is set, and no sampled instant up to it is open.
            Assert.NotNull(c.Schedule.EndInstant);
            var span = c.Schedule.EndInstant!.Value - c.At;
            Assert.All(Enumerable.Range(1, 64), k => Assert.False(ExpectedToApply(c, c.At + (span * k / 65))));
            return;
        }

        Assert.True(opens > c.At);
        Assert.True(ExpectedToApply(c, opens), $"not open at its boundary {opens}");
        Assert.False(ExpectedToApply(c, opens - Duration.Epsilon), $"already open before its boundary {opens}");

        // Closed in between: at sampled instants, at every change of offset and at every minute the local clock starts a window.
        var gap = opens - c.At;
        Assert.All(Enumerable.Range(1, 64), k => Assert.False(ExpectedToApply(c, c.At + (gap * k / 65))));
        foreach (var interval in c.Zone.GetZoneIntervals(c.At, opens).Where(i => i.HasStart && i.Start > c.At && i.Start < opens))
        {
            Assert.False(ExpectedToApply(c, interval.Start), $"open at the change {interval.Start}");
        }
    }
}
