using NodaTime;
using NodaTime.Text;
using Xunit;

namespace PromoEngine.Tests;

/// <summary>Ends and starts on both daylight-saving changes of Los Angeles and Berlin in 2026, checked by hand:
/// Los Angeles springs forward on 8 March (02:00 PST becomes 03:00 PDT at 10:00 UTC) and falls back on 1 November
/// (02:00 PDT becomes 01:00 PST at 09:00 UTC, so 01:00-01:59 happens twice); Berlin springs forward on 29 March
/// (02:00 CET becomes 03:00 CEST at 01:00 UTC) and falls back on 25 October (03:00 CEST becomes 02:00 CET at 01:00 UTC,
/// so 02:00-02:59 happens twice).</summary>
public sealed partial class ScheduleTests
{
    private static Instant Utc(string text) => InstantPattern.ExtendedIso.Parse(text).Value;

    private static LocalDateTime Local(string text) => LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm").Parse(text).Value;

    [Theory]
    // Los Angeles, spring forward.
    [InlineData("America/Los_Angeles", "2026-03-08T23:59", true, "2026-03-09T07:00:00Z")]  // 23:59 PDT = 06:59Z, + its minute
    [InlineData("America/Los_Angeles", "2026-03-08T01:59", true, "2026-03-08T10:00:00Z")]  // 01:59 PST = 09:59Z, + its minute
    [InlineData("America/Los_Angeles", "2026-03-08T02:30", false, "2026-03-08T10:30:00Z")] // skipped: forward by the gap, 03:30 PDT
    [InlineData("America/Los_Angeles", "2026-03-08T02:30", true, "2026-03-08T10:31:00Z")]  // skipped, inclusive: 10:30Z + its minute
    // Los Angeles, fall back.
    [InlineData("America/Los_Angeles", "2026-11-01T23:59", true, "2026-11-02T08:00:00Z")]  // 23:59 PST = 07:59Z, + its minute
    [InlineData("America/Los_Angeles", "2026-11-01T01:30", false, "2026-11-01T09:30:00Z")] // repeated: the later 01:30 (PST)
    [InlineData("America/Los_Angeles", "2026-11-01T01:30", true, "2026-11-01T09:31:00Z")]  // repeated, inclusive: 09:30Z + its minute
    [InlineData("America/Los_Angeles", "2026-11-01T00:59", true, "2026-11-01T08:00:00Z")]  // 00:59 PDT = 07:59Z: the first 01:00, not the second
    // Berlin, spring forward.
    [InlineData("Europe/Berlin", "2026-03-29T23:59", true, "2026-03-29T22:00:00Z")]        // 23:59 CEST = 21:59Z, + its minute
    [InlineData("Europe/Berlin", "2026-03-29T02:30", false, "2026-03-29T01:30:00Z")]       // skipped: forward by the gap, 03:30 CEST
    [InlineData("Europe/Berlin", "2026-03-29T02:30", true, "2026-03-29T01:31:00Z")]        // skipped, inclusive: 01:30Z + its minute
    // Berlin, fall back.
    [InlineData("Europe/Berlin", "2026-10-25T23:59", true, "2026-10-25T23:00:00Z")]        // 23:59 CET = 22:59Z, + its minute
    [InlineData("Europe/Berlin", "2026-10-25T02:30", false, "2026-10-25T01:30:00Z")]       // repeated: the later 02:30 (CET)
    [InlineData("Europe/Berlin", "2026-10-25T02:30", true, "2026-10-25T01:31:00Z")]        // repeated, inclusive: 01:30Z + its minute
    [InlineData("Europe/Berlin", "2026-10-25T01:59", true, "2026-10-25T00:00:00Z")]        // 01:59 CEST = 23:59Z the day before, + its minute
    public void Between_EndOnADstChangeDay_EndsAtTheInstantCheckedByHand(string zone, string end, bool inclusive, string firstInstantAfter)
    {
        var schedule = Schedule.Between(null, Local(end), DateTimeZoneProviders.Tzdb[zone], inclusive);
        var after = Utc(firstInstantAfter);

        Assert.Equal(after, schedule.EndInstant);
        Assert.True(Applies(schedule, after - Nanosecond));
        var rejection = At(schedule, after).Rejection("p");
        Assert.Equal(RejectionReason.Expired, rejection.Reason);
        Assert.Equal(after, rejection.Boundary);
    }

    [Theory]
    [InlineData("America/Los_Angeles", "2026-03-08T02:30", "2026-03-08T10:30:00Z")] // skipped: forward by the gap, 03:30 PDT
    [InlineData("America/Los_Angeles", "2026-11-01T01:30", "2026-11-01T08:30:00Z")] // repeated: the earlier 01:30 (PDT)
    [InlineData("Europe/Berlin", "2026-03-29T02:30", "2026-03-29T01:30:00Z")]       // skipped: forward by the gap, 03:30 CEST
    [InlineData("Europe/Berlin", "2026-10-25T02:30", "2026-10-25T00:30:00Z")]       // repeated: the earlier 02:30 (CEST)
    public void Between_StartOnADstChangeDay_StartsAtTheInstantCheckedByHand(string zone, string start, string firstInstant)
    {
        var schedule = Schedule.Between(Local(start), null, DateTimeZoneProviders.Tzdb[zone]);
        var first = Utc(firstInstant);

        Assert.Equal(first, schedule.StartInstant);
        Assert.True(Applies(schedule, first));
        var rejection = At(schedule, first - Nanosecond).Rejection("p");
        Assert.Equal(RejectionReason.NotStarted, rejection.Reason);
        Assert.Equal(first, rejection.Boundary);
    }

    [Theory]
    [InlineData("America/Los_Angeles", "2026-03-08", "2026-03-08T08:00:00Z", "2026-03-09T07:00:00Z", 23)] // 00:00 PST to 00:00 PDT
    [InlineData("America/Los_Angeles", "2026-11-01", "2026-11-01T07:00:00Z", "2026-11-02T08:00:00Z", 25)] // 00:00 PDT to 00:00 PST
    [InlineData("Europe/Berlin", "2026-03-29", "2026-03-28T23:00:00Z", "2026-03-29T22:00:00Z", 23)]       // 00:00 CET to 00:00 CEST
    [InlineData("Europe/Berlin", "2026-10-25", "2026-10-24T22:00:00Z", "2026-10-25T23:00:00Z", 25)]       // 00:00 CEST to 00:00 CET
    public void Days_ADstChangeDay_RunsTheWholeDayHoweverLong(string zone, string day, string firstInstant, string firstInstantAfter, int hours)
    {
        var date = LocalDatePattern.Iso.Parse(day).Value;
        var schedule = Schedule.Days(date, date, DateTimeZoneProviders.Tzdb[zone]);
        var (first, after) = (Utc(firstInstant), Utc(firstInstantAfter));

        Assert.Equal(first, schedule.StartInstant);
        Assert.Equal(after, schedule.EndInstant);
        Assert.Equal(Duration.FromHours(hours), after - first);
        Assert.Equal(after, At(schedule, after).Rejection("p").Boundary);
        Assert.Equal(first, At(schedule, first - Nanosecond).Rejection("p").Boundary);
        Assert.True(Applies(schedule, after - Nanosecond));
    }
}
