using System.Linq;
using NodaTime;
using Xunit;
using static PromoEngine.Tests.Shop;

namespace PromoEngine.Tests;

/// <summary>Weekly windows inside a schedule (issue 14): "Fridays 17:00-20:00" in the schedule's zone, what the
/// evaluator says outside them, and how they keep their local meaning across daylight-saving changes.</summary>
public sealed partial class ScheduleTests
{
    private static readonly DateTimeZone Berlin = DateTimeZoneProviders.Tzdb["Europe/Berlin"];
    private static readonly DateTimeZone LordHowe = DateTimeZoneProviders.Tzdb["Australia/Lord_Howe"];

    private static WeeklyWindow Window(IsoDayOfWeek day, int startHour, int startMinute, int endHour, int endMinute) =>
        new([day], new LocalTime(startHour, startMinute), new LocalTime(endHour, endMinute));

    private static Schedule Weekly(DateTimeZone zone, params WeeklyWindow[] windows) => Schedule.Between(null, null, zone).WithWeeklyWindows(windows);

    private static Schedule FridayEvenings => Weekly(Berlin, Window(IsoDayOfWeek.Friday, 17, 0, 20, 0));

    [Fact]
    public void WithWeeklyWindows_SameWindows_ReturnsThis()
    {
        var schedule = FridayEvenings;

        Assert.Same(schedule, schedule.WithWeeklyWindows([Window(IsoDayOfWeek.Friday, 17, 0, 20, 0)]));
        var plain = Schedule.Days(new LocalDate(2026, 12, 1), null, Berlin);
        Assert.Same(plain, plain.WithWeeklyWindows([]));
    }

    [Fact]
    public void WithWeeklyWindows_NewWindows_KeepsTheStartEndAndZone()
    {
        var plain = Schedule.Days(new LocalDate(2026, 12, 1), new LocalDate(2026, 12, 31), Berlin);

        var windowed = plain.WithWeeklyWindows([Window(IsoDayOfWeek.Friday, 17, 0, 20, 0)]);

        Assert.NotSame(plain, windowed);
        Assert.Empty(plain.Windows);
        Assert.Equal((plain.StartInstant, plain.EndInstant, plain.FirstDay, plain.LastDay, plain.Zone), (windowed.StartInstant, windowed.EndInstant, windowed.FirstDay, windowed.LastDay, windowed.Zone));
        Assert.Single(windowed.Windows);
        Assert.Empty(windowed.WithWeeklyWindows([]).Windows);
    }

    [Fact]
    public void WithWeeklyWindows_NullWindow_Throws()
    {
        Assert.Equal("windows", Assert.Throws<System.ArgumentNullException>(() => FridayEvenings.WithWeeklyWindows([null!])).ParamName);
    }

    [Fact]
    public void Evaluate_InsideAndOutsideAFridayWindow_AppliesOnlyInside()
    {
        // Friday 4 December 2026 in Berlin is UTC+1.
        Assert.False(Applies(FridayEvenings, Instant.FromUtc(2026, 12, 4, 15, 59)));
        Assert.True(Applies(FridayEvenings, Instant.FromUtc(2026, 12, 4, 16, 0)));
        Assert.True(Applies(FridayEvenings, Instant.FromUtc(2026, 12, 4, 19, 0) - Nanosecond));
        Assert.False(Applies(FridayEvenings, Instant.FromUtc(2026, 12, 4, 19, 0)));
        Assert.False(Applies(FridayEvenings, Instant.FromUtc(2026, 12, 3, 17, 0)));
    }

    [Fact]
    public void Evaluate_OutsideAWindow_RejectsWithOutsideWindowSayingWhenItOpens()
    {
        var rejection = At(FridayEvenings, Instant.FromUtc(2026, 12, 2, 10, 0)).Rejection("p"); // a Wednesday

        Assert.Equal(RejectionReason.OutsideWindow, rejection.Reason);
        Assert.Equal(Instant.FromUtc(2026, 12, 4, 16, 0), rejection.Boundary);
        Assert.Equal("p is not available at this time: it opens Friday 17:00 Europe/Berlin (2026-12-04).", rejection.Message);
    }

    [Fact]
    public void Evaluate_JustAfterAWindowCloses_NamesTheOpeningAWeekLater()
    {
        var rejection = At(FridayEvenings, Instant.FromUtc(2026, 12, 4, 19, 0)).Rejection("p");

        Assert.Equal(Instant.FromUtc(2026, 12, 11, 16, 0), rejection.Boundary);
    }

    [Fact]
    public void Evaluate_SeveralWindows_TheNextOpeningIsTheEarliest()
    {
        var schedule = Weekly(Berlin,
            Window(IsoDayOfWeek.Friday, 17, 0, 20, 0),
            new WeeklyWindow(WeeklyWindow.Weekdays, new LocalTime(11, 30), new LocalTime(14, 0)));

        Assert.True(Applies(schedule, Instant.FromUtc(2026, 12, 2, 11, 0)));  // Wednesday 12:00
        var rejection = At(schedule, Instant.FromUtc(2026, 12, 2, 13, 0)).Rejection("p"); // Wednesday 14:00
        Assert.Equal(Instant.FromUtc(2026, 12, 3, 10, 30), rejection.Boundary); // Thursday 11:30
        Assert.Contains("opens Thursday 11:30 Europe/Berlin (2026-12-03)", rejection.Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_ValidityEndsBeforeTheNextOpening_HasNoBoundaryAndSaysSo()
    {
        var schedule = Schedule.Days(new LocalDate(2026, 12, 1), new LocalDate(2026, 12, 3), Berlin)
            .WithWeeklyWindows([Window(IsoDayOfWeek.Friday, 17, 0, 20, 0)]);

        var rejection = At(schedule, Instant.FromUtc(2026, 12, 2, 10, 0)).Rejection("p");

        Assert.Equal(RejectionReason.OutsideWindow, rejection.Reason);
        Assert.Null(rejection.Boundary);
        Assert.Equal("p is not available at this time, and its schedule ends before it opens again.", rejection.Message);
    }

    [Fact]
    public void Evaluate_WindowOpensAfterTheValidityStarts_BoundaryIsWithinTheValidity()
    {
        // Validity from Friday 18:00; before it NotStarted names the start, inside it the window rules.
        var schedule = Schedule.Between(new LocalDateTime(2026, 12, 4, 18, 0), null, Berlin).WithWeeklyWindows([Window(IsoDayOfWeek.Friday, 17, 0, 20, 0)]);

        Assert.Equal(RejectionReason.NotStarted, At(schedule, Instant.FromUtc(2026, 12, 4, 16, 30)).Rejection("p").Reason);
        Assert.True(Applies(schedule, Instant.FromUtc(2026, 12, 4, 17, 0)));
        Assert.Equal(RejectionReason.Expired, At(Schedule.Days(null, new LocalDate(2026, 12, 3), Berlin).WithWeeklyWindows([Window(IsoDayOfWeek.Friday, 17, 0, 20, 0)]), Instant.FromUtc(2026, 12, 4, 16, 30)).Rejection("p").Reason);
    }

    [Fact]
    public void Evaluate_WindowCrossingMidnight_AppliesIntoTheNextDay()
    {
        var schedule = Weekly(Berlin, Window(IsoDayOfWeek.Saturday, 22, 0, 2, 0));

        Assert.True(Applies(schedule, Instant.FromUtc(2026, 12, 5, 21, 0)));  // Saturday 22:00
        Assert.True(Applies(schedule, Instant.FromUtc(2026, 12, 6, 0, 59)));  // Sunday 01:59
        Assert.False(Applies(schedule, Instant.FromUtc(2026, 12, 6, 1, 0)));  // Sunday 02:00
        Assert.Equal(Instant.FromUtc(2026, 12, 12, 21, 0), At(schedule, Instant.FromUtc(2026, 12, 6, 1, 0)).Rejection("p").Boundary);
    }

    [Fact]
    public void UsageRequestFor_LimitedPromotionOutsideItsWindow_AsksNoUsage()
    {
        var promotion = Promo("p", Discount.PercentOffItems(10)).WithSchedule(FridayEvenings).WithLimits(new UsageLimits(total: 100)).Build();
        var evaluator = new PromotionEvaluator(PromotionCatalog.Create([promotion]));
        var cart = Cart(Line("a", 10m));

        Assert.True(evaluator.UsageRequestFor(cart, [], Instant.FromUtc(2026, 12, 2, 10, 0)).IsEmpty);
        Assert.Equal([new PromotionId("p")], evaluator.UsageRequestFor(cart, [], Instant.FromUtc(2026, 12, 4, 16, 0)).Promotions.ToArray());
    }

    [Fact]
    public void Evaluate_CodedPromotionOutsideItsWindow_RejectsTheCodeWithOutsideWindow()
    {
        var promotion = Promo("p", Discount.PercentOffItems(10)).WithCode("HAPPY").WithSchedule(FridayEvenings).Build();

        var result = new PromotionEvaluator(PromotionCatalog.Create([promotion])).Evaluate(Cart(Line("a", 10m)), ["happy"], Instant.FromUtc(2026, 12, 2, 10, 0));

        var rejection = result.Rejection("p");
        Assert.Equal((RejectionReason.OutsideWindow, "HAPPY"), (rejection.Reason, rejection.Code));
        Assert.Empty(result.Applied);
    }

    [Fact]
    public void StateAt_WithWindows_AllocatesNothing()
    {
        var schedule = Weekly(Berlin,
            Window(IsoDayOfWeek.Friday, 17, 0, 20, 0),
            Window(IsoDayOfWeek.Saturday, 22, 0, 2, 0),
            new WeeklyWindow(WeeklyWindow.Weekdays, new LocalTime(11, 30), new LocalTime(14, 0)));
        var at = Instant.FromUtc(2026, 12, 2, 10, 0);
        schedule.StateAt(at); // warm the zone's cache

        var before = System.GC.GetAllocatedBytesForCurrentThread();
        var states = 0;
        for (var i = 0; i < 1_000; i++)
        {
            states += (int)schedule.StateAt(at + Duration.FromMinutes(i));
        }

        Assert.Equal(0, System.GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.True(states > 0);
    }

    // Daylight-saving changes, checked against the zone's own transitions first.

    [Theory]
    [InlineData("America/Los_Angeles", "2026-03-08T10:00:00Z", -8 * 60, -7 * 60)]
    [InlineData("America/Los_Angeles", "2026-11-01T09:00:00Z", -7 * 60, -8 * 60)]
    [InlineData("Europe/Berlin", "2026-03-29T01:00:00Z", 60, 120)]
    [InlineData("Europe/Berlin", "2026-10-25T01:00:00Z", 120, 60)]
    [InlineData("Australia/Lord_Howe", "2026-04-04T15:00:00Z", 11 * 60, 10 * 60 + 30)]  // Sunday 5 April, 02:00 becomes 01:30
    [InlineData("Australia/Lord_Howe", "2026-10-03T15:30:00Z", 10 * 60 + 30, 11 * 60)]  // Sunday 4 October, 02:00 becomes 02:30
    public void Tzdb_TheChangesTested_AreWhereTheTestsSayTheyAre(string zone, string transition, int minutesBefore, int minutesAfter)
    {
        var tz = DateTimeZoneProviders.Tzdb[zone];
        var at = Utc(transition);

        Assert.Equal(at, tz.GetZoneInterval(at).Start);
        Assert.Equal(Offset.FromSeconds(minutesBefore * 60), tz.GetUtcOffset(at - Nanosecond));
        Assert.Equal(Offset.FromSeconds(minutesAfter * 60), tz.GetUtcOffset(at));
    }

    [Theory]
    // Los Angeles, Sunday 8 March: 02:00 PST becomes 03:00 PDT at 10:00Z.
    [InlineData("America/Los_Angeles", 2, 30, 4, 0, "2026-03-08T09:30:00Z", "2026-03-08T10:00:00Z", "Sunday 03:00")] // starts in the gap: opens as the clock resumes
    [InlineData("America/Los_Angeles", 2, 0, 2, 30, "2026-03-08T08:00:00Z", "2026-03-15T09:00:00Z", "Sunday 02:00")] // wholly in the gap: next Sunday
    // Berlin, Sunday 29 March: 02:00 CET becomes 03:00 CEST at 01:00Z.
    [InlineData("Europe/Berlin", 2, 30, 4, 0, "2026-03-29T00:59:00Z", "2026-03-29T01:00:00Z", "Sunday 03:00")]
    // Lord Howe, Sunday 4 October: 02:00 (+10:30) becomes 02:30 (+11) at 15:30Z the day before.
    [InlineData("Australia/Lord_Howe", 2, 15, 3, 0, "2026-10-03T15:29:00Z", "2026-10-03T15:30:00Z", "Sunday 02:30")]
    [InlineData("Australia/Lord_Howe", 2, 0, 2, 30, "2026-10-03T15:00:00Z", "2026-10-10T15:00:00Z", "Sunday 02:00")] // wholly in the half-hour gap
    public void Evaluate_WindowStartingInASkippedHour_OpensWhenTheClockResumes(
        string zone, int startHour, int startMinute, int endHour, int endMinute, string before, string opens, string opensLocal)
    {
        var tz = DateTimeZoneProviders.Tzdb[zone];
        var schedule = Weekly(tz, Window(IsoDayOfWeek.Sunday, startHour, startMinute, endHour, endMinute));

        var rejection = At(schedule, Utc(before)).Rejection("p");

        Assert.Equal(RejectionReason.OutsideWindow, rejection.Reason);
        Assert.Equal(Utc(opens), rejection.Boundary);
        Assert.Contains($"it opens {opensLocal} {zone}", rejection.Message, System.StringComparison.Ordinal);
        Assert.False(Applies(schedule, Utc(opens) - Nanosecond));
        Assert.True(Applies(schedule, Utc(opens)));
    }

    [Fact]
    public void Evaluate_WindowEndingInASkippedHour_ClosesAsTheClockJumps()
    {
        // Los Angeles, 8 March: Saturday 22:00 to Sunday 02:30; 02:00 PST becomes 03:00 PDT at 10:00Z.
        var schedule = Weekly(LosAngeles, Window(IsoDayOfWeek.Saturday, 22, 0, 2, 30));

        Assert.True(Applies(schedule, Utc("2026-03-08T10:00:00Z") - Nanosecond));  // 01:59:59.999999999 PST
        Assert.False(Applies(schedule, Utc("2026-03-08T10:00:00Z")));               // 03:00 PDT
    }

    [Fact]
    public void Evaluate_WindowHoldingTheWholeRepeatedHour_StaysOpenThroughBothOccurrences()
    {
        // Los Angeles, 1 November: 01:00-01:59 happens at 08:00Z (PDT) and again at 09:00Z (PST).
        var schedule = Weekly(LosAngeles, Window(IsoDayOfWeek.Sunday, 1, 0, 2, 0));

        Assert.False(Applies(schedule, Utc("2026-11-01T08:00:00Z") - Nanosecond));
        Assert.True(Applies(schedule, Utc("2026-11-01T08:00:00Z")));
        Assert.True(Applies(schedule, Utc("2026-11-01T09:00:00Z")));
        Assert.True(Applies(schedule, Utc("2026-11-01T10:00:00Z") - Nanosecond));
        Assert.False(Applies(schedule, Utc("2026-11-01T10:00:00Z")));  // 02:00 PST
    }

    [Theory]
    // Starts inside the repeated hour: open from each 01:30 (LA 1 November; first 01:30 is 08:30Z, second 09:30Z).
    [InlineData("America/Los_Angeles", 1, 30, 3, 0, "2026-11-01T08:30:00Z", "2026-11-01T09:00:00Z", "2026-11-01T09:30:00Z", "Sunday 01:30")]
    // Ends inside it: closed at the first 01:30, open again when the clock goes back to 01:00 (09:00Z).
    [InlineData("America/Los_Angeles", 0, 30, 1, 30, "2026-11-01T07:30:00Z", "2026-11-01T08:30:00Z", "2026-11-01T09:00:00Z", "Sunday 01:00")]
    // Berlin, 25 October: 02:00-02:59 at 00:00Z (CEST) and at 01:00Z (CET); a window to 02:30.
    [InlineData("Europe/Berlin", 0, 0, 2, 30, "2026-10-24T22:00:00Z", "2026-10-25T00:30:00Z", "2026-10-25T01:00:00Z", "Sunday 02:00")]
    // Lord Howe, 5 April: 01:30-01:59 at 14:30Z (+11) and at 15:00Z (+10:30); a window from 01:45.
    [InlineData("Australia/Lord_Howe", 1, 45, 3, 0, "2026-04-04T14:45:00Z", "2026-04-04T15:00:00Z", "2026-04-04T15:15:00Z", "Sunday 01:45")]
    public void Evaluate_WindowBoundaryInsideARepeatedHour_EachOccurrenceIsJudgedByItsLocalTime(
        string zone, int startHour, int startMinute, int endHour, int endMinute, string firstOpen, string closes, string reopens, string reopensLocal)
    {
        var schedule = Weekly(DateTimeZoneProviders.Tzdb[zone], Window(IsoDayOfWeek.Sunday, startHour, startMinute, endHour, endMinute));

        Assert.False(Applies(schedule, Utc(firstOpen) - Nanosecond));
        Assert.True(Applies(schedule, Utc(firstOpen)));
        Assert.True(Applies(schedule, Utc(closes) - Nanosecond));
        var rejection = At(schedule, Utc(closes)).Rejection("p");
        Assert.Equal(RejectionReason.OutsideWindow, rejection.Reason);
        Assert.Equal(Utc(reopens), rejection.Boundary);
        Assert.Contains($"it opens {reopensLocal} {zone}", rejection.Message, System.StringComparison.Ordinal);
        Assert.True(Applies(schedule, Utc(reopens)));
    }

    [Fact]
    public void Evaluate_BerlinFallBack_RepeatedHourInsideACrossingWindowIsCoveredBothTimes()
    {
        // Saturday 24 October 22:00 CEST (20:00Z) to Sunday 04:00 CET (03:00Z): five real hours, never closed between.
        var schedule = Weekly(Berlin, Window(IsoDayOfWeek.Saturday, 22, 0, 4, 0));

        var open = Enumerable.Range(0, 7 * 60).Select(m => Utc("2026-10-24T20:00:00Z") + Duration.FromMinutes(m)).ToList();
        Assert.All(open.Take(5 * 60), at => Assert.True(Applies(schedule, at), at.ToString()));
        Assert.False(Applies(schedule, Utc("2026-10-25T03:00:00Z")));
    }
}
