using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics.Contracts;
using System.Linq;
using NodaTime;
using NodaTime.Text;
using NodaTime.TimeZones;
using PromoEngine.Internal;

namespace PromoEngine;

/// <summary>When a promotion runs: an optional start and end in local time of a time zone, so "ends Sunday 23:59 in
/// Los Angeles" means that whatever the offset, across daylight-saving changes.</summary>
/// <remarks>
/// <para>The start is inclusive. The end is exclusive unless <see cref="EndInclusive"/> says otherwise; an inclusive
/// end covers the whole last unit written: the whole minute when its seconds and sub-seconds are zero (an inclusive
/// 23:59 runs through 23:59:59.999999999), the whole second when only its sub-seconds are zero, otherwise just that
/// instant. For whole days use <see cref="Days"/>, which runs through the end of the last day.</para>
/// <para>A local time that falls in a daylight-saving gap moves forward by the gap; one that occurs twice means its
/// earlier occurrence for the start and its later occurrence for the end, so the schedule is never shorter than
/// written. An inclusive end's last unit is added to the end's instant, not to its local time: an inclusive 00:59
/// before clocks go back at 01:00 ends at the first 01:00, not an hour later.</para>
/// <para>Whichever way the end is written, the schedule keeps one boundary: <see cref="EndInstant"/>, the first
/// instant after it.</para>
/// <para>A schedule may also hold weekly windows (<see cref="WithWeeklyWindows"/>): the promotion then runs only at
/// instants inside the start and end whose local time falls in one of them.</para>
/// <para>Immutable and thread-safe. Schedules compare by reference.</para>
/// </remarks>
public sealed class Schedule
{
    private static readonly ZoneLocalMappingResolver StartResolver = Resolvers.LenientResolver;

    private static readonly ZoneLocalMappingResolver EndResolver =
        Resolvers.CreateMappingResolver(Resolvers.ReturnLater, Resolvers.ReturnForwardShifted);

    /// <summary>How far ahead the next opening of a window is looked for. Weekly windows open at least once a week; the
    /// margin covers zones that skipped a whole day (Pacific/Apia on 30 December 2011).</summary>
    private static readonly Duration OpeningHorizon = Duration.FromDays(28);

    private Schedule(LocalDateTime? start, LocalDateTime? end, DateTimeZone zone, bool endInclusive, bool wholeDays)
    {
        Windows = [];
        Start = start;
        End = end;
        Zone = zone;
        EndInclusive = endInclusive;
        IsWholeDays = wholeDays;
        StartInstant = start is { } s ? s.InZone(zone, StartResolver).ToInstant() : null;
        EndInstant = end is { } e ? e.InZone(zone, EndResolver).ToInstant() + (endInclusive ? LastUnit(e) : Duration.Zero) : null;
    }

    private Schedule(Schedule source, ImmutableArray<WeeklyWindow> windows)
    {
        Start = source.Start;
        End = source.End;
        Zone = source.Zone;
        EndInclusive = source.EndInclusive;
        IsWholeDays = source.IsWholeDays;
        StartInstant = source.StartInstant;
        EndInstant = source.EndInstant;
        Windows = windows;
    }

    /// <summary>Gets a schedule that is always running.</summary>
    /// <value>No start, no end, in UTC.</value>
    public static Schedule Always { get; } = new(null, null, DateTimeZone.Utc, false, false);

    /// <summary>Gets the local start, if any.</summary>
    /// <value><see langword="null"/> when the promotion has always been running; midnight of the first day for
    /// <see cref="Days"/>.</value>
    public LocalDateTime? Start { get; }

    /// <summary>Gets the local end as written, if any.</summary>
    /// <value><see langword="null"/> when the promotion never ends; for <see cref="Days"/>, midnight after the last
    /// day (exclusive).</value>
    public LocalDateTime? End { get; }

    /// <summary>Gets the time zone the start and end are in.</summary>
    /// <value>Such as <c>America/Los_Angeles</c>.</value>
    public DateTimeZone Zone { get; }

    /// <summary>Gets a value indicating whether the end as written is inside the schedule: the whole minute, the
    /// whole second or the instant it names (see the remarks).</summary>
    /// <value><see langword="false"/>: the end is exclusive unless said.</value>
    public bool EndInclusive { get; }

    /// <summary>Gets a value indicating whether the schedule was made of whole days by <see cref="Days"/>, so that it
    /// is written back as days.</summary>
    /// <value><see langword="false"/> for <see cref="Between"/> and <see cref="Always"/>.</value>
    public bool IsWholeDays { get; }

    /// <summary>Gets the first day of a schedule of whole days.</summary>
    /// <value>The day <see cref="Start"/> is the midnight of; <see langword="null"/> when the schedule is not made of
    /// whole days or has no start.</value>
    public LocalDate? FirstDay => IsWholeDays ? Start?.Date : null;

    /// <summary>Gets the last day, included whole, of a schedule of whole days.</summary>
    /// <value>The day before <see cref="End"/>; <see langword="null"/> when the schedule is not made of whole days or
    /// has no end.</value>
    public LocalDate? LastDay => IsWholeDays ? End?.Date.PlusDays(-1) : null;

    /// <summary>Gets the instant the promotion starts: the first instant inside the schedule.</summary>
    /// <value><see langword="null"/> when there is no start.</value>
    public Instant? StartInstant { get; }

    /// <summary>Gets the instant the promotion ends: the first instant after the schedule, whether the end was written
    /// exclusive, inclusive or as a last day. The promotion runs while the instant is before it.</summary>
    /// <value><see langword="null"/> when there is no end. For an inclusive end of 23:59, the instant of the
    /// following 00:00; for an exclusive end, the end's own instant.</value>
    public Instant? EndInstant { get; }

    /// <summary>Gets the weekly windows the promotion runs in, inside its start and end, in local time of <see cref="Zone"/>.</summary>
    /// <value>Empty (the default) when it runs at any time between its start and end.</value>
    public ImmutableArray<WeeklyWindow> Windows { get; }

    /// <summary>Makes a schedule from local date-times in a zone.</summary>
    /// <param name="start">The local start (inclusive), or <see langword="null"/> for none.</param>
    /// <param name="end">The local end, or <see langword="null"/> for none.</param>
    /// <param name="zone">The zone both are in.</param>
    /// <param name="endInclusive">Whether the end is still inside: its whole minute when its seconds and sub-seconds
    /// are zero, its whole second when only its sub-seconds are zero, otherwise just that instant. Exclusive unless
    /// said.</param>
    /// <returns>The schedule.</returns>
    /// <exception cref="ArgumentException">The schedule ends before it starts or as it starts (nothing would be
    /// inside).</exception>
    public static Schedule Between(LocalDateTime? start, LocalDateTime? end, DateTimeZone zone, bool endInclusive = false)
    {
        Guard.NotNull(zone);
        var schedule = new Schedule(start, end, zone, endInclusive, false);
        if (schedule.StartInstant is { } s && schedule.EndInstant is { } e && e <= s)
        {
            var iso = LocalDateTimePattern.ExtendedIso;
            throw new ArgumentException($"The schedule ends ({iso.Format(end!.Value)}) before it starts ({iso.Format(start!.Value)}).", nameof(end));
        }

        return schedule;
    }

    /// <summary>Makes a schedule of whole days in a zone: from the start of <paramref name="firstDay"/> through the
    /// end of <paramref name="lastDay"/> (to 24:00, not 23:59), however long daylight-saving changes make those days.</summary>
    /// <param name="firstDay">The first day, or <see langword="null"/> for no start.</param>
    /// <param name="lastDay">The last day, included whole, or <see langword="null"/> for no end.</param>
    /// <param name="zone">The zone the days are in.</param>
    /// <returns>The schedule; with neither day, the same as <c>Between(null, null, zone)</c>.</returns>
    /// <exception cref="ArgumentException"><paramref name="lastDay"/> is before <paramref name="firstDay"/>.</exception>
    public static Schedule Days(LocalDate? firstDay, LocalDate? lastDay, DateTimeZone zone)
    {
        Guard.NotNull(zone);
        if (firstDay is { } first && lastDay is { } last && last < first)
        {
            var iso = LocalDatePattern.Iso;
            throw new ArgumentException($"The last day ({iso.Format(last)}) is before the first day ({iso.Format(first)}).", nameof(lastDay));
        }

        return firstDay is null && lastDay is null
            ? Between(null, null, zone)
            : new Schedule(firstDay?.AtMidnight(), lastDay?.PlusDays(1).AtMidnight(), zone, false, true);
    }

    /// <summary>Gives a copy of this schedule that runs only inside weekly windows, such as "Fridays 17:00–20:00", in
    /// local time of <see cref="Zone"/>; the start and end still bound it.</summary>
    /// <param name="windows">The windows, in the order they are written back; empty for none (any time between the start
    /// and end). Windows may overlap (the linter says so); an instant is inside when it is inside any of them.</param>
    /// <returns>The changed copy, or this schedule when it already has these windows in this order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="windows"/> or one of them is null.</exception>
    /// <remarks>
    /// <para>The rule, daylight-saving changes included: the promotion runs at an instant when the instant is within the
    /// start and end and the local time there (<c>instant.InZone(Zone).LocalDateTime</c>) falls in a window
    /// (<see cref="WeeklyWindow.Contains"/>). So a window keeps its local meaning whatever the offset:</para>
    /// <list type="bullet">
    /// <item>a start in a skipped hour opens when the clock resumes: 02:30–04:00 opens at 03:00 on the day clocks skip
    /// from 02:00 to 03:00, and an end in it closes as the clock jumps (00:00–02:30 closes when 02:00 becomes 03:00); a
    /// window wholly inside the skipped hour does not open that day, for none of its local times occurs;</item>
    /// <item>a repeated hour is one local hour, judged once: both of its occurrences get the same answer, never one
    /// covered and the other skipped. A window that holds the whole repeated hour stays open through both (an hour
    /// longer that night); a window that starts inside it (01:30–03:00 when clocks go back from 02:00 to 01:00) opens at
    /// the first 01:30, closes when the clock goes back to 01:00 and opens again at the second 01:30; one that ends
    /// inside it (00:30–01:30) closes at the first 01:30 and is open again from the second 01:00 to the second 01:30.
    /// No instant is in or out of a window for any reason but the local time it shows.</item>
    /// </list>
    /// </remarks>
    [Pure]
    public Schedule WithWeeklyWindows(IEnumerable<WeeklyWindow> windows)
    {
        Guard.NotNull(windows);
        var list = windows.Select(w => Guard.NotNull(w, nameof(windows))).ToImmutableArray();
        return list.SequenceEqual(Windows) ? this : new Schedule(this, list);
    }

    /// <summary>Tells where an instant is relative to the schedule: before it, after it, inside it, or between its start
    /// and end but outside its windows. Costs time in proportion to the windows and allocates nothing.</summary>
    internal ScheduleState StateAt(Instant instant)
    {
        if (StartInstant is { } start && instant < start)
        {
            return ScheduleState.NotStarted;
        }

        if (EndInstant is { } end && instant >= end)
        {
            return ScheduleState.Ended;
        }

        return Windows.IsEmpty || InWindow(instant) ? ScheduleState.Running : ScheduleState.OutsideWindow;
    }

    /// <summary>Whether the local time at an instant falls in one of the windows (whatever the start and end).</summary>
    private bool InWindow(Instant instant)
    {
        var local = instant.InZone(Zone).LocalDateTime;
        foreach (var window in Windows)
        {
            if (window.Contains(local))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The first instant at or after <paramref name="from"/> at which the schedule runs: <paramref name="from"/>
    /// itself when it is running then; otherwise the next instant a window opens, within the start and end.</summary>
    /// <returns>The instant, or <see langword="null"/> when the schedule has ended by then, or when no window opens
    /// within four weeks (which no zone's changes cause).</returns>
    internal Instant? NextRunning(Instant from)
    {
        if (StartInstant is { } start && from < start)
        {
            from = start;
        }

        var limit = from + OpeningHorizon;
        if (EndInstant is { } end && end < limit)
        {
            limit = end;
        }

        if (from >= limit)
        {
            return null;
        }

        if (Windows.IsEmpty || InWindow(from))
        {
            return from;
        }

        // Implementation note: the local time moves forward continuously except at the zone's transitions, so a window
        // can only open where the clock shows its start (at every occurrence of that local time) or where the clock
        // jumps (a transition). Those candidates, checked with the membership rule itself, give the earliest opening.
        Instant? best = null;
        void Consider(Instant candidate)
        {
            if (candidate > from && candidate < limit && (best is not { } b || candidate < b) && InWindow(candidate))
            {
                best = candidate;
            }
        }

        var interval = Zone.GetZoneInterval(from);
        while (interval.HasEnd && interval.End < limit)
        {
            Consider(interval.End);
            interval = Zone.GetZoneInterval(interval.End);
        }

        var lastDate = limit.InZone(Zone).Date.PlusDays(1);
        for (var date = from.InZone(Zone).Date.PlusDays(-1); date <= lastDate; date = date.PlusDays(1))
        {
            // Offsets change by less than a day, so nothing from two days after the best date can be earlier.
            if (best is { } found && date > found.InZone(Zone).Date.PlusDays(1))
            {
                break;
            }

            foreach (var window in Windows)
            {
                if (window.HasDay((int)date.DayOfWeek))
                {
                    var mapping = Zone.MapLocal(date + window.Start);
                    if (mapping.Count > 0)
                    {
                        Consider(mapping.First().ToInstant());
                        Consider(mapping.Last().ToInstant());
                    }
                }
            }
        }

        return best;
    }

    /// <summary>The last unit an inclusive end names: a minute, a second, or (with sub-seconds) one nanosecond.</summary>
    private static Duration LastUnit(LocalDateTime end) =>
        end.NanosecondOfSecond != 0 ? Duration.Epsilon
        : end.Second != 0 ? Duration.FromSeconds(1)
        : Duration.FromMinutes(1);
}

/// <summary>Where an instant is relative to a schedule.</summary>
internal enum ScheduleState
{
    NotStarted,
    Running,
    Ended,

    /// <summary>Between the start and the end, but outside every weekly window.</summary>
    OutsideWindow,
}
