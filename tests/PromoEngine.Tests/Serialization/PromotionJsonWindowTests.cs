using System;
using System.Linq;
using NodaTime;
using Xunit;

namespace PromoEngine.Tests;

/// <summary>Weekly windows as JSON (issue 14): read, written back, and every mistake reported with its path.</summary>
public sealed class PromotionJsonWindowTests
{
    internal static string WithSchedule(string schedule) =>
        $$"""{ "schemaVersion": 1, "promotions": [ { "id": "p", "name": "P", "schedule": {{schedule}}, "discount": { "type": "freeShipping" } } ] }""";

    private static string Windows(string windows) => WithSchedule($$"""{ "zone": "Europe/Berlin", "windows": {{windows}} }""");

    public static TheoryData<string, string> MalformedWindows() => new()
    {
        { Windows("{}"), "$.promotions[0].schedule.windows: must be an array of windows, not an object." },
        { Windows("[42]"), "$.promotions[0].schedule.windows[0]: must be an object, not a number." },
        { Windows("""[{ "start": "17:00", "end": "20:00" }]"""), "$.promotions[0].schedule.windows[0].days: is required." },
        { Windows("""[{ "days": [], "start": "17:00", "end": "20:00" }]"""), "$.promotions[0].schedule.windows[0].days: needs at least one day." },
        { Windows("""[{ "days": "friday" }]"""), "$.promotions[0].schedule.windows[0].days: must be an array of days such as \"friday\", not a string." },
        { Windows("""[{ "days": ["friday", "fri"] }]"""), "$.promotions[0].schedule.windows[0].days[1]: 'fri' is not one of: monday, tuesday, wednesday, thursday, friday, saturday, sunday." },
        { Windows("""[{ "days": [5] }]"""), "$.promotions[0].schedule.windows[0].days[0]: must be a string, not a number." },
        { Windows("""[{ "days": ["friday", "friday"] }]"""), "$.promotions[0].schedule.windows[0].days[1]: 'friday' is given more than once." },
        { Windows("""[{ "days": ["friday"], "start": "5pm", "end": "20:00" }]"""), "$.promotions[0].schedule.windows[0].start: '5pm' is not a local time such as 17:00 or 17:00:30." },
        { Windows("""[{ "days": ["friday"], "start": "17:00", "end": "24:00" }]"""), "$.promotions[0].schedule.windows[0].end: '24:00' is not a local time such as 17:00 or 17:00:30." },
        { Windows("""[{ "days": ["friday"], "start": "17:00" }]"""), "$.promotions[0].schedule.windows[0].end: is required with start (leave both out for whole days)." },
        { Windows("""[{ "days": ["friday"], "end": "17:00" }]"""), "$.promotions[0].schedule.windows[0].start: is required with end (leave both out for whole days)." },
        { Windows("""[{ "days": ["friday"], "start": 17, "end": "20:00" }]"""), "$.promotions[0].schedule.windows[0].start: must be a string, not a number." },
        { Windows("""[{ "days": ["friday"], "start": "17:00", "end": "17:00" }]"""), "$.promotions[0].schedule.windows[0].end: the window ends as it starts (17:00): nothing would be inside." },
        { Windows("""[{ "days": ["friday"], "from": "17:00" }]"""), "$.promotions[0].schedule.windows[0].from: is not a known property (expected one of: days, start, end)." },
        { Windows("""[{ "days": ["friday"], "days": ["monday"] }]"""), "$.promotions[0].schedule.windows[0].days: is given more than once; each property may appear once." },
        { Windows("""[{ "days": ["friday"] }, { "days": ["x"], "start": "1:00" }]"""), "$.promotions[0].schedule.windows[1].days[0]: 'x' is not one of" },
    };

    [Theory]
    [MemberData(nameof(MalformedWindows))]
    public void Read_MalformedWindow_ReportsThePath(string json, string expected)
    {
        var e = Assert.Throws<PromotionDefinitionException>(() => PromotionJson.Read(json));

        Assert.Contains(e.Errors, error => error.StartsWith(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Read_SeveralBadWindows_ReportsEveryErrorAtOnce()
    {
        var json = Windows("""[{ "days": ["fri"], "start": "5pm", "end": "20:00" }, { "days": [] }]""");

        var e = Assert.Throws<PromotionDefinitionException>(() => PromotionJson.Read(json));

        Assert.Equal(3, e.Errors.Length);
    }

    [Fact]
    public void Read_StartEndAndWholeDayWindows_RunAsWrittenAndAreWrittenBack()
    {
        var json = WithSchedule("""
            { "firstDay": "2026-12-01", "lastDay": "2026-12-31", "zone": "Europe/Berlin", "windows": [
              { "days": ["friday"], "start": "17:00", "end": "20:00" },
              { "days": ["saturday"], "start": "22:00", "end": "02:00:30" },
              { "days": ["sunday", "monday"] } ] }
            """);

        var schedule = Assert.Single(PromotionJson.Read(json)).Schedule;

        Assert.Equal(
            [
                new WeeklyWindow([IsoDayOfWeek.Friday], new LocalTime(17, 0), new LocalTime(20, 0)),
                new WeeklyWindow([IsoDayOfWeek.Saturday], new LocalTime(22, 0), new LocalTime(2, 0, 30)),
                WeeklyWindow.WholeDays([IsoDayOfWeek.Monday, IsoDayOfWeek.Sunday]),
            ],
            schedule.Windows.ToArray());
        Assert.True(schedule.IsWholeDays);
        var written = PromotionJson.Write(PromotionJson.Read(json));
        Assert.Contains("\"start\": \"17:00\"", written, StringComparison.Ordinal);
        Assert.Contains("\"end\": \"02:00:30\"", written, StringComparison.Ordinal);
        Assert.Contains("\"monday\",", written, StringComparison.Ordinal);
        Assert.Equal(schedule.Windows.ToArray(), Assert.Single(PromotionJson.Read(written)).Schedule.Windows.ToArray());
        Assert.Equal(written, PromotionJson.Write(PromotionJson.Read(written)));
    }

    [Fact]
    public void Read_MidnightToMidnight_IsAWholeDayWrittenBackAsDaysAlone()
    {
        var json = Windows("""[{ "days": ["saturday"], "start": "00:00", "end": "00:00" }]""");

        var promotion = Assert.Single(PromotionJson.Read(json));

        Assert.True(promotion.Schedule.Windows.Single().IsWholeDay);
        Assert.DoesNotContain("\"start\"", PromotionJson.Write([promotion]), StringComparison.Ordinal);
    }

    [Fact]
    public void Write_NoWindows_WritesNoWindowsProperty()
    {
        var promotion = Promotion.Create("p", "P").Giving(Discount.FreeShipping).WithSchedule(Schedule.Days(new LocalDate(2026, 12, 1), null, DateTimeZone.Utc)).Build();

        Assert.DoesNotContain("windows", PromotionJson.Write([promotion]), StringComparison.Ordinal);
    }

    [Fact]
    public void Write_WindowsOnAnOpenSchedule_WritesTheZoneAndTheWindows()
    {
        var schedule = Schedule.Always.WithWeeklyWindows([new WeeklyWindow(WeeklyWindow.Weekdays, new LocalTime(11, 30), new LocalTime(14, 0))]);
        var promotion = Promotion.Create("p", "P").Giving(Discount.FreeShipping).WithSchedule(schedule).Build();

        var read = Assert.Single(PromotionJson.Read(PromotionJson.Write([promotion]))).Schedule;

        Assert.Equal(schedule.Windows.ToArray(), read.Windows.ToArray());
        Assert.Equal(DateTimeZone.Utc, read.Zone);
        Assert.Null(read.StartInstant);
    }
}
