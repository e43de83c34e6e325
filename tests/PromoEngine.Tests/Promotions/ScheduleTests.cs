using NodaTime;
using Xunit;
using static PromoEngine.Tests.Shop;

namespace PromoEngine.Tests;

/// <summary>Schedules are judged in the promotion's time zone (DOMAIN.md hard case 15).</summary>
public sealed partial class ScheduleTests
{
    private static readonly DateTimeZone NewYork = DateTimeZoneProviders.Tzdb["America/New_York"];
    private static readonly DateTimeZone LosAngeles = DateTimeZoneProviders.Tzdb["America/Los_Angeles"];

    private static bool Applies(Schedule schedule, Instant at)
    {
        var catalog = PromotionCatalog.Create([Promo("p", Discount.PercentOffItems(10)).WithSchedule(schedule).Build()]);
        return new PromotionEvaluator(catalog).Evaluate(Cart(Line("a", 10m)), [], at).Applied.Length == 1;
    }

    [Fact]
    public void Days_LastDayInNewYork_RunsUntilMidnightThereNotUtc()
    {
        // An expiry stored as 00:00 UTC expired at 7 pm the evening before in New York.
        var schedule = Schedule.Days(new LocalDate(2026, 3, 1), new LocalDate(2026, 3, 31), NewYork);

        Assert.True(Applies(schedule, Instant.FromUtc(2026, 4, 1, 1, 0)));   // 21:00 on 31 March in New York
        Assert.True(Applies(schedule, Instant.FromUtc(2026, 4, 1, 3, 59)));  // 23:59 in New York (EDT, UTC-4)
        Assert.False(Applies(schedule, Instant.FromUtc(2026, 4, 1, 4, 0)));  // midnight in New York
    }

    [Fact]
    public void EndsSunday2359InLosAngeles_AcrossTheDstChange()
    {
        // Clocks go back on Sunday 1 November 2026; 23:59 that day is UTC-8.
        var schedule = Schedule.Between(null, new LocalDateTime(2026, 11, 1, 23, 59), LosAngeles, endInclusive: true);

        // 23:59 PST is 07:59 UTC on 2 November; the inclusive end covers that whole minute, to 08:00 UTC.
        Assert.True(Applies(schedule, Instant.FromUtc(2026, 11, 2, 7, 59, 59) + Duration.FromNanoseconds(999_999_999)));
        Assert.False(Applies(schedule, Instant.FromUtc(2026, 11, 2, 8, 0)));
    }

    [Fact]
    public void Between_EndExclusiveByDefault_StartInclusive()
    {
        var schedule = Schedule.Between(new LocalDateTime(2026, 1, 1, 9, 0), new LocalDateTime(2026, 1, 1, 17, 0), DateTimeZone.Utc);

        Assert.False(Applies(schedule, Instant.FromUtc(2026, 1, 1, 8, 59)));
        Assert.True(Applies(schedule, Instant.FromUtc(2026, 1, 1, 9, 0)));
        Assert.True(Applies(schedule, Instant.FromUtc(2026, 1, 1, 16, 59)));
        Assert.False(Applies(schedule, Instant.FromUtc(2026, 1, 1, 17, 0)));
    }

    [Fact]
    public void Start_InTheSpringGap_MovesForward()
    {
        // 02:30 on 8 March 2026 does not exist in New York; moved forward by the one-hour gap it is 03:30 EDT.
        var schedule = Schedule.Between(new LocalDateTime(2026, 3, 8, 2, 30), null, NewYork);

        Assert.Equal(Instant.FromUtc(2026, 3, 8, 7, 30), schedule.StartInstant);
    }
}
