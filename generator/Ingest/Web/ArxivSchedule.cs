using System.Globalization;

namespace PaperTrail.Ingest.Web;

/// <summary>
/// arXiv's announcement schedule (info.arxiv.org/help/availability.html), all times US Eastern:
/// submissions close at 14:00 Monday to Friday and are announced at 20:00 the same evening, those
/// of Friday on Sunday evening; nothing is announced on Friday or Saturday evenings. So
/// <list type="bullet">
/// <item>Mon 14:00 – Tue 14:00 → Tue 20:00; Tue – Wed → Wed 20:00; Wed – Thu → Thu 20:00;</item>
/// <item>Thu 14:00 – Fri 14:00 → Sun 20:00; Fri 14:00 – Mon 14:00 → Mon 20:00.</item>
/// </list>
/// An announcement's day is the UTC day it falls on: 20:00 Eastern is 00:00 or 01:00 UTC the next
/// day, the date arXiv's listings and mailings carry ("new submissions for Friday" appear on
/// Thursday evening in New York). The announcement days are therefore Monday to Friday, and the
/// nightly job, which runs in the early UTC morning, finds the announcement of its own day. arXiv's
/// holidays (a few days a year, announced each year) are not listed: a night with no announcement
/// shows in the answer itself (<see cref="ArxivFetcher"/>), and a paper whose announcement a holiday
/// delayed gets the day the schedule gives. "Submitted" is the answer's <c>published</c>, the
/// first version's submission time; times on the cut-off belong to the next announcement.
/// </summary>
internal static class ArxivSchedule
{
    /// <summary>US Eastern time, daylight saving included (EST −5 h, EDT −4 h).</summary>
    public static readonly TimeZoneInfo Eastern = FindEastern();

    private static readonly TimeOnly Cutoff = new(14, 0), Announcement = new(20, 0);

    /// <summary>The UTC day a paper submitted at <paramref name="submitted"/> is announced on.</summary>
    public static DateOnly AnnouncementDay(DateTimeOffset submitted)
    {
        var local = TimeZoneInfo.ConvertTime(submitted, Eastern);
        var closing = DateOnly.FromDateTime(local.Date);
        if (TimeOnly.FromTimeSpan(local.TimeOfDay) >= Cutoff) closing = closing.AddDays(1);
        while (IsWeekend(closing.DayOfWeek)) closing = closing.AddDays(1);
        // Friday's submissions wait for Sunday evening.
        var announced = closing.DayOfWeek == DayOfWeek.Friday ? closing.AddDays(2) : closing;
        return DateOnly.FromDateTime(EasternToUtc(announced, Announcement).UtcDateTime);
    }

    /// <summary>Whether arXiv announces anything dated <paramref name="day"/>: Monday to Friday.</summary>
    public static bool IsAnnouncementDay(DateOnly day) => !IsWeekend(day.DayOfWeek);

    /// <summary>Why no announcement is dated <paramref name="day"/>, or null when one is.</summary>
    public static string? NoAnnouncement(DateOnly day) => IsAnnouncementDay(day) ? null
        : string.Create(CultureInfo.InvariantCulture,
            $"no arXiv announcement is dated {day.DayOfWeek} {day:yyyy-MM-dd} (arXiv announces nothing on Friday and Saturday evenings, US Eastern time)");

    /// <summary>
    /// The submission times announced on <paramref name="day"/>, an announcement day: from the
    /// cut-off before last (included) to the last one (excluded).
    /// </summary>
    public static (DateTimeOffset From, DateTimeOffset Until) Window(DateOnly day)
    {
        if (!IsAnnouncementDay(day)) throw new ArgumentOutOfRangeException(nameof(day), day, "no announcement is dated on a weekend");
        var closing = PreviousWeekday(day);
        var opening = PreviousWeekday(closing);
        return (EasternToUtc(opening, Cutoff), EasternToUtc(closing, Cutoff));
    }

    private static DateOnly PreviousWeekday(DateOnly day)
    {
        do day = day.AddDays(-1); while (IsWeekend(day.DayOfWeek));
        return day;
    }

    private static bool IsWeekend(DayOfWeek day) => day is DayOfWeek.Saturday or DayOfWeek.Sunday;

    /// <summary>A wall-clock time in New York as an instant (14:00 and 20:00 are never skipped or repeated by a clock change).</summary>
    private static DateTimeOffset EasternToUtc(DateOnly day, TimeOnly time) =>
        new(TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(time, DateTimeKind.Unspecified), Eastern), TimeSpan.Zero);

    /// <summary>
    /// The system's America/New_York; where the system has no time zone data (a bare container), the
    /// US rule since 2007 (daylight time from the second Sunday of March to the first Sunday of
    /// November, at 2:00), which is all the schedule needs.
    /// </summary>
    private static TimeZoneInfo FindEastern()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            var rule = TimeZoneInfo.AdjustmentRule.CreateAdjustmentRule(
                DateTime.MinValue.Date, DateTime.MaxValue.Date, TimeSpan.FromHours(1),
                TimeZoneInfo.TransitionTime.CreateFloatingDateRule(new DateTime(1, 1, 1, 2, 0, 0), 3, 2, DayOfWeek.Sunday),
                TimeZoneInfo.TransitionTime.CreateFloatingDateRule(new DateTime(1, 1, 1, 2, 0, 0), 11, 1, DayOfWeek.Sunday));
            return TimeZoneInfo.CreateCustomTimeZone("America/New_York", TimeSpan.FromHours(-5), "US Eastern", "EST", "EDT", [rule]);
        }
    }
}
