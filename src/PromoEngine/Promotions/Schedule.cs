using System;
using NodaTime;
using NodaTime.TimeZones;
using PromoEngine.Internal;

namespace PromoEngine;

/// <summary>When a promotion runs: an optional start and end in local time of a time zone, so "ends Sunday 23:59 in
/// Los Angeles" means that whatever the offset, across daylight-saving changes.</summary>
/// <remarks>
/// <para>The start is inclusive. The end is exclusive unless <see cref="EndInclusive"/> says otherwise; for whole days
/// use <see cref="Days"/>, which runs through the end of the last day.</para>
/// <para>A local time that falls in a daylight-saving gap moves forward by the gap; one that occurs twice means its
/// earlier occurrence for the start and its later occurrence for the end, so the schedule is never shorter than
/// written.</para>
/// <para>Immutable and thread-safe.</para>
/// </remarks>
public sealed class Schedule
{
    private static readonly ZoneLocalMappingResolver StartResolver = Resolvers.LenientResolver;

    private static readonly ZoneLocalMappingResolver EndResolver =
        Resolvers.CreateMappingResolver(Resolvers.ReturnLater, Resolvers.ReturnForwardShifted);

    private Schedule(LocalDateTime? start, LocalDateTime? end, DateTimeZone zone, bool endInclusive)
    {
        Start = start;
        End = end;
        Zone = zone;
        EndInclusive = endInclusive;
        StartInstant = start is { } s ? s.InZone(zone, StartResolver).ToInstant() : null;
        EndInstant = end is { } e ? e.InZone(zone, EndResolver).ToInstant() : null;
    }

    /// <summary>Gets a schedule that is always running.</summary>
    /// <value>No start, no end, in UTC.</value>
    public static Schedule Always { get; } = new(null, null, DateTimeZone.Utc, false);

    /// <summary>Gets the local start, if any.</summary>
    /// <value><see langword="null"/> when the promotion has always been running.</value>
    public LocalDateTime? Start { get; }

    /// <summary>Gets the local end, if any.</summary>
    /// <value><see langword="null"/> when the promotion never ends.</value>
    public LocalDateTime? End { get; }

    /// <summary>Gets the time zone the start and end are in.</summary>
    /// <value>Such as <c>America/Los_Angeles</c>.</value>
    public DateTimeZone Zone { get; }

    /// <summary>Gets a value indicating whether the end instant itself is still inside the schedule.</summary>
    /// <value><see langword="false"/>: the end is exclusive unless said.</value>
    public bool EndInclusive { get; }

    /// <summary>Gets the instant the promotion starts.</summary>
    /// <value><see langword="null"/> when there is no start.</value>
    public Instant? StartInstant { get; }

    /// <summary>Gets the instant the promotion ends.</summary>
    /// <value><see langword="null"/> when there is no end.</value>
    public Instant? EndInstant { get; }

    /// <summary>Makes a schedule from local date-times in a zone.</summary>
    /// <param name="start">The local start (inclusive), or <see langword="null"/> for none.</param>
    /// <param name="end">The local end, or <see langword="null"/> for none.</param>
    /// <param name="zone">The zone both are in.</param>
    /// <param name="endInclusive">Whether the end instant itself is still inside; exclusive unless said.</param>
    /// <returns>The schedule.</returns>
    /// <exception cref="ArgumentException">The end is not after the start (or, when inclusive, before it).</exception>
    public static Schedule Between(LocalDateTime? start, LocalDateTime? end, DateTimeZone zone, bool endInclusive = false)
    {
        Guard.NotNull(zone);
        var schedule = new Schedule(start, end, zone, endInclusive);
        if (schedule.StartInstant is { } s && schedule.EndInstant is { } e && (endInclusive ? e < s : e <= s))
        {
            var iso = NodaTime.Text.LocalDateTimePattern.ExtendedIso;
            throw new ArgumentException($"The schedule ends ({iso.Format(end!.Value)}) before it starts ({iso.Format(start!.Value)}).", nameof(end));
        }

        return schedule;
    }

    /// <summary>Makes a schedule of whole days in a zone: from the start of <paramref name="firstDay"/> through the
    /// end of <paramref name="lastDay"/> (to 24:00, not 23:59).</summary>
    /// <param name="firstDay">The first day, or <see langword="null"/> for no start.</param>
    /// <param name="lastDay">The last day, included whole, or <see langword="null"/> for no end.</param>
    /// <param name="zone">The zone the days are in.</param>
    /// <returns>The schedule.</returns>
    /// <exception cref="ArgumentException"><paramref name="lastDay"/> is before <paramref name="firstDay"/>.</exception>
    public static Schedule Days(LocalDate? firstDay, LocalDate? lastDay, DateTimeZone zone) =>
        Between(firstDay?.AtMidnight(), lastDay?.PlusDays(1).AtMidnight(), zone);

    /// <summary>Tells where an instant is relative to the schedule.</summary>
    internal ScheduleState StateAt(Instant instant)
    {
        if (StartInstant is { } start && instant < start)
        {
            return ScheduleState.NotStarted;
        }

        if (EndInstant is { } end && (EndInclusive ? instant > end : instant >= end))
        {
            return ScheduleState.Ended;
        }

        return ScheduleState.Running;
    }
}

/// <summary>Where an instant is relative to a schedule.</summary>
internal enum ScheduleState
{
    NotStarted,
    Running,
    Ended,
}
