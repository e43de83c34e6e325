using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Text;
using NodaTime;
using NodaTime.Text;
using PromoEngine.Internal;

namespace PromoEngine;

/// <summary>A recurring weekly window of local time, such as "Fridays 17:00–20:00" or "weekdays 11:30–14:00": the days
/// of the week it opens on, and the local time it opens and closes at, in the time zone of the schedule that holds it.</summary>
/// <remarks>
/// <para>The start is inclusive and the end exclusive: 17:00–20:00 covers 17:00:00 through 19:59:59.999999999. An end
/// before the start crosses midnight into the next day: Saturday 22:00–02:00 runs from Saturday 22:00 to Sunday 02:00,
/// and 17:00–00:00 runs to the end of the day. An end equal to the start is refused, except 00:00–00:00, which is the
/// whole day (<see cref="WholeDays(IEnumerable{IsoDayOfWeek})"/>).</para>
/// <para>Membership is decided on the local time alone (<see cref="Contains"/>): an instant is inside when the local
/// time there falls in the window. Across daylight-saving changes a window therefore keeps its local meaning: a start in
/// a skipped hour opens when the clock resumes (02:30–04:00 opens at 03:00 on the day clocks skip 02:00–03:00); a window
/// wholly inside a skipped hour does not open that day; a repeated hour is judged once, by its local time, so both of its
/// occurrences get the same answer (see <see cref="Schedule.WithWeeklyWindows"/>).</para>
/// <para>Immutable and thread-safe, with value equality: two windows are equal when they have the same set of days, the
/// same start and the same end (<see cref="Days"/> is compared as a set, not by reference).</para>
/// </remarks>
public sealed class WeeklyWindow : IEquatable<WeeklyWindow>
{
    private readonly int _mask;

    /// <summary>Makes a window.</summary>
    /// <param name="days">The days it opens on (for a window that crosses midnight, the days it starts on); at least
    /// one, repeats ignored.</param>
    /// <param name="start">The local time it opens at (inclusive).</param>
    /// <param name="end">The local time it closes at (exclusive); before <paramref name="start"/> to cross midnight into
    /// the next day; equal to <paramref name="start"/> only as 00:00–00:00, the whole day.</param>
    /// <exception cref="ArgumentNullException"><paramref name="days"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="days"/> is empty or holds a value that is not a day of the
    /// week, or <paramref name="end"/> equals <paramref name="start"/> (other than 00:00–00:00).</exception>
    public WeeklyWindow(IEnumerable<IsoDayOfWeek> days, LocalTime start, LocalTime end)
    {
        Guard.NotNull(days);
        var mask = 0;
        foreach (var day in days)
        {
            if (day is < IsoDayOfWeek.Monday or > IsoDayOfWeek.Sunday)
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"{(int)day} is not a day of the week."), nameof(days));
            }

            mask |= 1 << (int)day;
        }

        if (mask == 0)
        {
            throw new ArgumentException("A window needs at least one day of the week.", nameof(days));
        }

        if (start == end && start != LocalTime.Midnight)
        {
            throw new ArgumentException(
                $"The window ends as it starts ({Format(start)}): nothing would be inside. For a whole day use 00:00-00:00.", nameof(end));
        }

        _mask = mask;
        Start = start;
        End = end;
        var list = ImmutableArray.CreateBuilder<IsoDayOfWeek>(7);
        for (var day = IsoDayOfWeek.Monday; day <= IsoDayOfWeek.Sunday; day++)
        {
            if ((mask & (1 << (int)day)) != 0)
            {
                list.Add(day);
            }
        }

        Days = list.ToImmutable();
    }

    /// <summary>Gets Monday to Friday, for windows such as "weekdays 11:30–14:00".</summary>
    /// <value>Monday, Tuesday, Wednesday, Thursday, Friday.</value>
    public static ImmutableArray<IsoDayOfWeek> Weekdays { get; } =
        [IsoDayOfWeek.Monday, IsoDayOfWeek.Tuesday, IsoDayOfWeek.Wednesday, IsoDayOfWeek.Thursday, IsoDayOfWeek.Friday];

    /// <summary>Gets Saturday and Sunday.</summary>
    /// <value>Saturday, Sunday.</value>
    public static ImmutableArray<IsoDayOfWeek> Weekend { get; } = [IsoDayOfWeek.Saturday, IsoDayOfWeek.Sunday];

    /// <summary>Gets the days the window opens on, each once, Monday first.</summary>
    /// <value>At least one day. For a window that crosses midnight, the days it starts on.</value>
    public ImmutableArray<IsoDayOfWeek> Days { get; }

    /// <summary>Gets the local time the window opens at (inclusive).</summary>
    /// <value>Such as 17:00; 00:00 for a whole day.</value>
    public LocalTime Start { get; }

    /// <summary>Gets the local time the window closes at (exclusive).</summary>
    /// <value>Such as 20:00; before <see cref="Start"/> when the window crosses midnight; 00:00 for a whole day.</value>
    public LocalTime End { get; }

    /// <summary>Gets a value indicating whether the window covers its days whole, from midnight to midnight.</summary>
    /// <value><see langword="true"/> for 00:00–00:00.</value>
    public bool IsWholeDay => Start == End;

    /// <summary>Gets a value indicating whether the window closes on the day after it opens.</summary>
    /// <value><see langword="true"/> when <see cref="End"/> is before <see cref="Start"/> (22:00–02:00, or 17:00–00:00).</value>
    public bool CrossesMidnight => End < Start;

    /// <summary>Makes a window that covers its days whole: 00:00–00:00.</summary>
    /// <param name="days">The days; at least one, repeats ignored.</param>
    /// <returns>The window.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="days"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="days"/> is empty or holds a value that is not a day of the week.</exception>
    public static WeeklyWindow WholeDays(IEnumerable<IsoDayOfWeek> days) => new(days, LocalTime.Midnight, LocalTime.Midnight);

    /// <summary>Tells whether a local date and time falls in the window: the rule every schedule applies to the local
    /// time at an instant.</summary>
    /// <param name="local">The local date and time.</param>
    /// <returns><see langword="true"/> when it is on one of the days at or after the start and before the end, or, for a
    /// window that crosses midnight, before the end on the day after one of the days.</returns>
    /// <remarks>Costs constant time and allocates nothing.</remarks>
    public bool Contains(LocalDateTime local)
    {
        var day = (int)local.DayOfWeek;
        var time = local.TimeOfDay;
        if (Start < End)
        {
            return HasDay(day) && time >= Start && time < End;
        }

        // Crossing midnight, or the whole day (00:00-00:00: every time is at or after the start, none before the end).
        return (HasDay(day) && time >= Start) || (HasDay(day == 1 ? 7 : day - 1) && time < End);
    }

    /// <inheritdoc/>
    public bool Equals(WeeklyWindow? other) =>
        other is not null && _mask == other._mask && Start == other.Start && End == other.End;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as WeeklyWindow);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(_mask, Start, End);

    /// <summary>Compares two windows by value.</summary>
    /// <param name="left">A window, or null.</param>
    /// <param name="right">A window, or null.</param>
    /// <returns>Whether they are equal.</returns>
    public static bool operator ==(WeeklyWindow? left, WeeklyWindow? right) => left is null ? right is null : left.Equals(right);

    /// <summary>Compares two windows by value.</summary>
    /// <param name="left">A window, or null.</param>
    /// <param name="right">A window, or null.</param>
    /// <returns>Whether they differ.</returns>
    public static bool operator !=(WeeklyWindow? left, WeeklyWindow? right) => !(left == right);

    /// <summary>Describes the window.</summary>
    /// <returns>Such as <c>Friday 17:00-20:00</c>, <c>Monday, Friday 22:00-02:00</c> or <c>Saturday, Sunday all day</c>.</returns>
    public override string ToString()
    {
        var text = new StringBuilder(string.Join(", ", Days.Select(DayName)));
        return (IsWholeDay ? text.Append(" all day") : text.Append(' ').Append(Format(Start)).Append('-').Append(Format(End))).ToString();
    }

    /// <summary>A local time as written in documents and messages: HH:mm, with seconds (and a fraction) only when set.</summary>
    internal static string Format(LocalTime time) =>
        time.Second == 0 && time.NanosecondOfSecond == 0 ? MinutesPattern.Format(time) : LocalTimePattern.ExtendedIso.Format(time);

    /// <summary>The invariant English name of a day, without the cost of formatting an enum.</summary>
    internal static string DayName(IsoDayOfWeek day) => DayNames[(int)day];

    private static readonly LocalTimePattern MinutesPattern = LocalTimePattern.CreateWithInvariantCulture("HH':'mm");

    private static readonly string[] DayNames = ["None", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

    internal bool HasDay(int isoDay) => (_mask & (1 << isoDay)) != 0;
}
