using System.Linq;
using NodaTime;
using Xunit;
using static PromoEngine.Tests.Shop;

namespace PromoEngine.Tests;

/// <summary>The weekly-window lint rules (issue 14): windows that never open in the validity, and windows that overlap.</summary>
public sealed class CatalogLinterWindowTests
{
    private static readonly DateTimeZone Berlin = DateTimeZoneProviders.Tzdb["Europe/Berlin"];
    private static readonly WeeklyWindow FridayEvening = new([IsoDayOfWeek.Friday], new LocalTime(17, 0), new LocalTime(20, 0));

    private static LintFinding[] Lint(Schedule schedule) =>
        [.. CatalogLinter.Lint([Promo("p", Discount.PercentOffItems(10)).WithSchedule(schedule).Build()], Instant.FromUtc(2026, 11, 1, 0, 0))];

    [Fact]
    public void Lint_OneTuesdayWithAFridayOnlyWindow_WindowNeverOpenIsAnError()
    {
        var schedule = Schedule.Days(new LocalDate(2026, 12, 1), new LocalDate(2026, 12, 1), Berlin).WithWeeklyWindows([FridayEvening]);

        var finding = Assert.Single(Lint(schedule));

        Assert.Equal((LintRule.WindowNeverOpen, LintSeverity.Error), (finding.Rule, finding.Severity));
        Assert.Equal("p can never apply: none of its windows (Friday 17:00-20:00) opens between its start and end (Europe/Berlin).", finding.Message);
        Assert.Equal(20, (int)LintRule.WindowNeverOpen);
    }

    [Fact]
    public void Lint_ValidityEndingAsTheWindowOpens_WindowNeverOpen()
    {
        // Ends Friday 17:00 exactly: the window would open at the first instant after the schedule.
        var schedule = Schedule.Between(new LocalDateTime(2026, 12, 1, 0, 0), new LocalDateTime(2026, 12, 4, 17, 0), Berlin).WithWeeklyWindows([FridayEvening]);

        Assert.Equal(LintRule.WindowNeverOpen, Assert.Single(Lint(schedule)).Rule);
    }

    [Theory]
    [InlineData(2026, 12, 4)]  // the Friday itself
    [InlineData(2026, 12, 1)]  // a week that holds a Friday
    public void Lint_ValidityHoldingAnOpening_IsFine(int year, int month, int day)
    {
        var schedule = Schedule.Days(new LocalDate(year, month, day), new LocalDate(2026, 12, 4), Berlin).WithWeeklyWindows([FridayEvening]);

        Assert.Empty(Lint(schedule));
    }

    [Fact]
    public void Lint_ValidityStartingInsideAWindow_IsFine()
    {
        var schedule = Schedule.Between(new LocalDateTime(2026, 12, 4, 19, 0), new LocalDateTime(2026, 12, 4, 19, 30), Berlin).WithWeeklyWindows([FridayEvening]);

        Assert.Empty(Lint(schedule));
    }

    [Fact]
    public void Lint_NoStart_WindowsAlwaysMeetTheValidity()
    {
        Assert.Empty(Lint(Schedule.Days(null, new LocalDate(2026, 12, 1), Berlin).WithWeeklyWindows([FridayEvening])));
    }

    [Fact]
    public void Lint_OverlappingWindows_WarnsNamingBoth()
    {
        var lunch = new WeeklyWindow(WeeklyWindow.Weekdays, new LocalTime(11, 30), new LocalTime(17, 30));

        var finding = Assert.Single(Lint(Schedule.Always.WithWeeklyWindows([FridayEvening, lunch])));

        Assert.Equal((LintRule.OverlappingWindows, LintSeverity.Warning), (finding.Rule, finding.Severity));
        Assert.Equal("p has windows that overlap: Friday 17:00-20:00 and Monday, Tuesday, Wednesday, Thursday, Friday 11:30-17:30. Merge them or fix the times.", finding.Message);
        Assert.Equal(21, (int)LintRule.OverlappingWindows);
    }

    [Theory]
    [InlineData(IsoDayOfWeek.Saturday, 22, 0, 2, 0, IsoDayOfWeek.Sunday, 1, 0, 3, 0, true)]    // crossing midnight into Sunday
    [InlineData(IsoDayOfWeek.Sunday, 22, 0, 2, 0, IsoDayOfWeek.Monday, 1, 0, 3, 0, true)]      // Sunday into Monday wraps around the week
    [InlineData(IsoDayOfWeek.Friday, 17, 0, 20, 0, IsoDayOfWeek.Friday, 20, 0, 22, 0, false)]  // touching: the end is exclusive
    [InlineData(IsoDayOfWeek.Saturday, 22, 0, 2, 0, IsoDayOfWeek.Sunday, 2, 0, 3, 0, false)]   // touching across midnight
    [InlineData(IsoDayOfWeek.Friday, 17, 0, 20, 0, IsoDayOfWeek.Thursday, 17, 0, 20, 0, false)]
    [InlineData(IsoDayOfWeek.Friday, 0, 0, 0, 0, IsoDayOfWeek.Friday, 23, 59, 0, 30, true)]      // a whole day and a crossing window
    public void Lint_TwoWindows_OverlapOnlyWhenTheyShareALocalTime(
        IsoDayOfWeek dayA, int sh, int sm, int eh, int em, IsoDayOfWeek dayB, int sh2, int sm2, int eh2, int em2, bool overlap)
    {
        var a = new WeeklyWindow([dayA], new LocalTime(sh, sm), new LocalTime(eh, em));
        var b = new WeeklyWindow([dayB], new LocalTime(sh2, sm2), new LocalTime(eh2, em2));

        var findings = Lint(Schedule.Always.WithWeeklyWindows([a, b]));

        Assert.Equal(overlap, findings.Any(f => f.Rule == LintRule.OverlappingWindows));
    }

    [Fact]
    public void Lint_StopperOnlyInWindows_DoesNotAlwaysHideShipping()
    {
        var stopper = Promo("stop", Discount.PercentOffItems(10)).WithPriority(1).StopLowerLanes(StopScope.AllLowerLanes)
            .WithSchedule(Schedule.Always.WithWeeklyWindows([FridayEvening])).Build();
        var shipping = Promo("ship", Discount.FreeShipping).Build();

        Assert.DoesNotContain(CatalogLinter.Lint([stopper, shipping], Now), f => f.Rule == LintRule.HiddenByStop);
        Assert.Contains(CatalogLinter.Lint([Promo("stop", Discount.PercentOffItems(10)).WithPriority(1).StopLowerLanes(StopScope.AllLowerLanes).Build(), shipping], Now),
            f => f.Rule == LintRule.HiddenByStop);
    }
}
