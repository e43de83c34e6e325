using NodaTime;
using Xunit;
using static PromoEngine.Tests.Shop;

namespace PromoEngine.Tests;

/// <summary>An inclusive end covers the whole last unit it names (issue 9, item 7).</summary>
public sealed partial class ScheduleTests
{
    private static readonly Duration Nanosecond = Duration.FromNanoseconds(1);

    private static EvaluationResult At(Schedule schedule, Instant at) =>
        new PromotionEvaluator(PromotionCatalog.Create([Promo("p", Discount.PercentOffItems(10)).WithSchedule(schedule).Build()]), Diagnostic)
            .Evaluate(Cart(Line("a", 10m)), [], at);

    /// <summary>An automatic promotion outside its schedule does not concern a cart: its rejection is listed only when
    /// every rejection is.</summary>
    private static readonly EvaluationOptions Diagnostic = new() { ListEveryRejection = true };

    [Fact]
    public void Between_InclusiveEndAtAMinute_RunsThroughTheWholeMinute()
    {
        var schedule = Schedule.Between(null, new LocalDateTime(2026, 11, 30, 23, 59), DateTimeZone.Utc, endInclusive: true);

        Assert.True(Applies(schedule, Instant.FromUtc(2026, 11, 30, 23, 59, 30)));
        Assert.True(Applies(schedule, Instant.FromUtc(2026, 12, 1, 0, 0) - Nanosecond));
        Assert.False(Applies(schedule, Instant.FromUtc(2026, 12, 1, 0, 0)));
    }

    [Fact]
    public void Between_InclusiveEndAtASecond_RunsThroughTheWholeSecond()
    {
        var schedule = Schedule.Between(null, new LocalDateTime(2026, 11, 30, 23, 59, 30), DateTimeZone.Utc, endInclusive: true);

        Assert.True(Applies(schedule, Instant.FromUtc(2026, 11, 30, 23, 59, 31) - Nanosecond));
        Assert.False(Applies(schedule, Instant.FromUtc(2026, 11, 30, 23, 59, 31)));
    }

    [Fact]
    public void Between_InclusiveEndWithSubseconds_RunsThroughThatInstantOnly()
    {
        var end = new LocalDateTime(2026, 11, 30, 23, 59, 30).PlusMilliseconds(500);
        var schedule = Schedule.Between(null, end, DateTimeZone.Utc, endInclusive: true);

        var instant = end.InUtc().ToInstant();
        Assert.True(Applies(schedule, instant));
        Assert.False(Applies(schedule, instant + Nanosecond));
        Assert.Equal(instant + Nanosecond, schedule.EndInstant);
    }

    [Fact]
    public void Between_InclusiveEndEqualToTheStart_RunsThatWholeMinute()
    {
        var noon = new LocalDateTime(2026, 6, 1, 12, 0);
        var schedule = Schedule.Between(noon, noon, DateTimeZone.Utc, endInclusive: true);

        Assert.True(Applies(schedule, Instant.FromUtc(2026, 6, 1, 12, 0, 59)));
        Assert.False(Applies(schedule, Instant.FromUtc(2026, 6, 1, 12, 1)));
    }

    [Fact]
    public void EndInstant_InclusiveEnd_IsTheFirstInstantAfterTheSchedule()
    {
        var schedule = Schedule.Between(null, new LocalDateTime(2026, 11, 30, 23, 59), DateTimeZone.Utc, endInclusive: true);

        Assert.Equal(Instant.FromUtc(2026, 12, 1, 0, 0), schedule.EndInstant);
    }

    [Fact]
    public void Expired_InclusiveEnd_BoundaryIsTheFirstInstantAfterAndTheMessageTheEndAsWritten()
    {
        var schedule = Schedule.Between(null, new LocalDateTime(2026, 11, 30, 23, 59), DateTimeZone.Utc, endInclusive: true);

        var rejection = At(schedule, Instant.FromUtc(2026, 12, 1, 0, 0)).Rejection("p");

        Assert.Equal(RejectionReason.Expired, rejection.Reason);
        Assert.Equal(Instant.FromUtc(2026, 12, 1, 0, 0), rejection.Boundary);
        Assert.Equal("p ended 2026-11-30 23:59 UTC.", rejection.Message);
    }

    [Fact]
    public void Expired_EndWithSeconds_TheMessageShowsTheSeconds()
    {
        var schedule = Schedule.Between(null, new LocalDateTime(2026, 11, 30, 23, 59, 30), DateTimeZone.Utc, endInclusive: true);

        var rejection = At(schedule, Instant.FromUtc(2026, 12, 1, 0, 0)).Rejection("p");

        Assert.Equal("p ended 2026-11-30 23:59:30 UTC.", rejection.Message);
    }

    [Fact]
    public void Expired_WholeDays_TheMessageNamesTheLastDay()
    {
        var schedule = Schedule.Days(new LocalDate(2026, 11, 27), new LocalDate(2026, 11, 30), LosAngeles);

        var ended = At(schedule, Instant.FromUtc(2026, 12, 2, 0, 0)).Rejection("p");
        var early = At(schedule, Instant.FromUtc(2026, 11, 1, 0, 0)).Rejection("p");

        Assert.Equal("p ended: its last day was 2026-11-30 (America/Los_Angeles).", ended.Message);
        Assert.Equal("p starts on 2026-11-27 (America/Los_Angeles).", early.Message);
    }

    [Fact]
    public void Days_LastDayBeforeFirstDay_Throws()
    {
        var e = Assert.Throws<System.ArgumentException>(() => Schedule.Days(new LocalDate(2026, 11, 30), new LocalDate(2026, 11, 27), LosAngeles));

        Assert.Equal("lastDay", e.ParamName);
        Assert.StartsWith("The last day (2026-11-27) is before the first day (2026-11-30).", e.Message, System.StringComparison.Ordinal);
    }
}
