using System;
using System.Linq;
using NodaTime;
using Xunit;

namespace PromoEngine.Tests;

/// <summary>Weekly windows as values: what they accept, what they contain, how they compare (issue 14).</summary>
public sealed class WeeklyWindowTests
{
    private static readonly LocalTime FivePm = new(17, 0);
    private static readonly LocalTime EightPm = new(20, 0);

    private static LocalDateTime On(int day, int hour, int minute = 0) => new(2026, 11, 23 + day - 1, hour, minute); // 23 Nov 2026 is a Monday

    [Fact]
    public void Constructor_NoDays_ThrowsNamingDays()
    {
        var e = Assert.Throws<ArgumentException>(() => new WeeklyWindow([], FivePm, EightPm));

        Assert.Equal("days", e.ParamName);
        Assert.StartsWith("A window needs at least one day of the week.", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(8)]
    public void Constructor_NotADayOfTheWeek_ThrowsNamingDays(int day)
    {
        var e = Assert.Throws<ArgumentException>(() => new WeeklyWindow([(IsoDayOfWeek)day], FivePm, EightPm));

        Assert.Equal("days", e.ParamName);
    }

    [Fact]
    public void Constructor_NullDays_Throws()
    {
        Assert.Equal("days", Assert.Throws<ArgumentNullException>(() => new WeeklyWindow(null!, FivePm, EightPm)).ParamName);
    }

    [Fact]
    public void Constructor_EndEqualsStart_ThrowsNamingEnd()
    {
        var e = Assert.Throws<ArgumentException>(() => new WeeklyWindow([IsoDayOfWeek.Friday], FivePm, FivePm));

        Assert.Equal("end", e.ParamName);
        Assert.StartsWith("The window ends as it starts (17:00): nothing would be inside. For a whole day use 00:00-00:00.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_MidnightToMidnight_IsTheWholeDay()
    {
        var window = new WeeklyWindow([IsoDayOfWeek.Saturday], LocalTime.Midnight, LocalTime.Midnight);

        Assert.True(window.IsWholeDay);
        Assert.False(window.CrossesMidnight);
        Assert.Equal(WeeklyWindow.WholeDays([IsoDayOfWeek.Saturday]), window);
        Assert.True(window.Contains(On(6, 0)));
        Assert.True(window.Contains(On(6, 23, 59)));
        Assert.False(window.Contains(On(5, 23, 59)));
        Assert.False(window.Contains(On(7, 0)));
    }

    [Fact]
    public void Days_RepeatsAndOrder_AreASetMondayFirst()
    {
        var window = new WeeklyWindow([IsoDayOfWeek.Sunday, IsoDayOfWeek.Friday, IsoDayOfWeek.Sunday], FivePm, EightPm);

        Assert.Equal([IsoDayOfWeek.Friday, IsoDayOfWeek.Sunday], window.Days.ToArray());
    }

    [Fact]
    public void Contains_SameDay_StartInclusiveEndExclusive()
    {
        var window = new WeeklyWindow([IsoDayOfWeek.Friday], FivePm, EightPm);

        Assert.False(window.Contains(On(5, 16, 59)));
        Assert.True(window.Contains(On(5, 17, 0)));
        Assert.True(window.Contains(On(5, 19, 59).PlusNanoseconds(59_999_999_999)));
        Assert.False(window.Contains(On(5, 20, 0)));
        Assert.False(window.Contains(On(4, 18, 0)));
    }

    [Fact]
    public void Contains_CrossingMidnight_RunsIntoTheNextDayOnly()
    {
        var window = new WeeklyWindow([IsoDayOfWeek.Saturday], new LocalTime(22, 0), new LocalTime(2, 0));

        Assert.True(window.CrossesMidnight);
        Assert.False(window.Contains(On(6, 21, 59)));
        Assert.True(window.Contains(On(6, 22, 0)));
        Assert.True(window.Contains(On(7, 1, 59)));
        Assert.False(window.Contains(On(7, 2, 0)));
        Assert.False(window.Contains(On(6, 1, 0)));  // Saturday early morning belongs to a Friday start, not given
        Assert.False(window.Contains(On(7, 22, 0))); // Sunday evening: not a start day
    }

    [Fact]
    public void Contains_SundayIntoMonday_WrapsAroundTheWeek()
    {
        var window = new WeeklyWindow([IsoDayOfWeek.Sunday], new LocalTime(23, 0), new LocalTime(1, 0));

        Assert.True(window.Contains(On(1, 0, 30)));
        Assert.True(window.Contains(On(7, 23, 30)));
        Assert.False(window.Contains(On(1, 1, 0)));
    }

    [Fact]
    public void Contains_EndAtMidnight_RunsToTheEndOfTheDay()
    {
        var window = new WeeklyWindow([IsoDayOfWeek.Friday], FivePm, LocalTime.Midnight);

        Assert.True(window.CrossesMidnight);
        Assert.True(window.Contains(On(5, 23, 59)));
        Assert.False(window.Contains(On(6, 0, 0)));
    }

    [Fact]
    public void Equality_SameDaysAndTimes_AreEqualWhateverTheOrderGiven()
    {
        var a = new WeeklyWindow([IsoDayOfWeek.Monday, IsoDayOfWeek.Friday], FivePm, EightPm);
        var b = new WeeklyWindow([IsoDayOfWeek.Friday, IsoDayOfWeek.Monday], FivePm, EightPm);
        var c = new WeeklyWindow([IsoDayOfWeek.Friday], FivePm, EightPm);

        Assert.True(a == b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.True(a != c);
        Assert.False(a.Equals(null));
        Assert.NotEqual(a, new WeeklyWindow([IsoDayOfWeek.Monday, IsoDayOfWeek.Friday], FivePm, new LocalTime(21, 0)));
    }

    [Fact]
    public void ToString_DescribesDaysAndTimes()
    {
        Assert.Equal("Monday, Tuesday, Wednesday, Thursday, Friday 11:30-14:00", new WeeklyWindow(WeeklyWindow.Weekdays, new LocalTime(11, 30), new LocalTime(14, 0)).ToString());
        Assert.Equal("Saturday, Sunday all day", WeeklyWindow.WholeDays(WeeklyWindow.Weekend).ToString());
        Assert.Equal("Friday 17:00:30-20:00", new WeeklyWindow([IsoDayOfWeek.Friday], new LocalTime(17, 0, 30), EightPm).ToString());
    }
}
