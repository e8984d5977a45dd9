using System.Globalization;
using PaperTrail.Ingest.Web;

namespace PaperTrail.Tests.Ingest.Web;

/// <summary>
/// The day an arXiv paper is announced on, from its submission time and arXiv's schedule
/// (info.arxiv.org/help/availability.html; docs/sources.md): a cut-off at 14:00 US Eastern Monday to
/// Friday, announcements at 20:00 Eastern Sunday to Thursday, each dated the UTC day it falls on.
/// </summary>
public sealed class ArxivScheduleTests
{
    private static DateTimeOffset At(string utc) => DateTimeOffset.Parse(utc, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
    private static DateOnly Day(string day) => DateOnly.ParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Theory]
    // Winter (EST, UTC−5): the cut-off is 19:00 UTC.
    [InlineData("2026-12-07T18:59:59Z", "2026-12-08", "Monday before the cut-off: Monday evening's announcement, dated Tuesday")]
    [InlineData("2026-12-07T19:00:00Z", "2026-12-09", "Monday on the cut-off: the next one")]
    [InlineData("2026-12-08T02:00:00Z", "2026-12-09", "Tuesday in UTC, but Monday 21:00 in New York: after Monday's cut-off")]
    [InlineData("2026-12-10T18:59:00Z", "2026-12-11", "Thursday before the cut-off: Thursday evening, dated Friday")]
    [InlineData("2026-12-10T19:00:00Z", "2026-12-14", "Thursday after the cut-off: Sunday evening, dated Monday")]
    [InlineData("2026-12-11T18:00:00Z", "2026-12-14", "Friday before the cut-off: Sunday evening too")]
    [InlineData("2026-12-11T20:00:00Z", "2026-12-15", "Friday after the cut-off: Monday evening, dated Tuesday")]
    [InlineData("2026-12-12T15:00:00Z", "2026-12-15", "Saturday: Monday evening")]
    [InlineData("2026-12-14T04:00:00Z", "2026-12-15", "Sunday 23:00 in New York, Monday in UTC: Monday evening")]
    // Summer (EDT, UTC−4): the cut-off is 18:00 UTC. The captured cs.RO answer's papers.
    [InlineData("2025-10-16T17:59:37Z", "2025-10-17", "Thursday 13:59:37 EDT")]
    [InlineData("2025-10-16T16:04:01Z", "2025-10-17", "Thursday 12:04 EDT")]
    // The week clocks go forward (Sunday 2026-03-08) and back (Sunday 2026-11-01).
    [InlineData("2026-03-06T18:30:00Z", "2026-03-09", "Friday 13:30 EST: Sunday 20:00 EDT is Monday 00:00 UTC")]
    [InlineData("2026-03-06T19:00:00Z", "2026-03-10", "Friday 14:00 EST: Monday evening")]
    [InlineData("2026-03-09T17:59:00Z", "2026-03-10", "Monday 13:59 EDT: Monday evening")]
    [InlineData("2026-03-09T18:30:00Z", "2026-03-11", "Monday 14:30 EDT (13:30 had it been EST): Tuesday evening")]
    [InlineData("2026-10-30T17:30:00Z", "2026-11-02", "Friday 13:30 EDT: Sunday 20:00 EST is Monday 01:00 UTC")]
    [InlineData("2026-11-02T18:30:00Z", "2026-11-03", "Monday 13:30 EST (14:30 had it been EDT): Monday evening")]
    public void A_submission_is_announced_on_the_day_the_schedule_gives(string submitted, string announced, string why)
    {
        Assert.True(Day(announced) == ArxivSchedule.AnnouncementDay(At(submitted)), why);
    }

    [Theory]
    [InlineData("2026-12-07", true)]
    [InlineData("2026-12-11", true)]
    [InlineData("2026-12-12", false)]
    [InlineData("2026-12-13", false)]
    public void Announcements_are_dated_monday_to_friday(string day, bool announced)
    {
        Assert.Equal(announced, ArxivSchedule.IsAnnouncementDay(Day(day)));
        var why = ArxivSchedule.NoAnnouncement(Day(day));
        if (announced) Assert.Null(why);
        else Assert.Contains("arXiv announces nothing on Friday and Saturday evenings", why);
    }

    [Theory]
    [InlineData("2026-12-11", "2026-12-09T19:00:00Z", "2026-12-10T19:00:00Z")]
    [InlineData("2026-12-14", "2026-12-10T19:00:00Z", "2026-12-11T19:00:00Z")]
    [InlineData("2026-12-15", "2026-12-11T19:00:00Z", "2026-12-14T19:00:00Z")]
    [InlineData("2026-03-10", "2026-03-06T19:00:00Z", "2026-03-09T18:00:00Z")]
    public void A_day_announces_the_submissions_between_two_cut_offs(string day, string from, string until)
    {
        Assert.Equal((At(from), At(until)), ArxivSchedule.Window(Day(day)));
    }

    /// <summary>Every submission time of a year, a minute apart: its day's window holds it, and no other window does.</summary>
    [Fact]
    public void The_windows_and_the_days_agree_all_year_round()
    {
        var start = At("2026-01-01T00:00:00Z");
        for (var t = start; t < start.AddYears(1); t = t.AddMinutes(7))
        {
            var day = ArxivSchedule.AnnouncementDay(t);
            Assert.True(ArxivSchedule.IsAnnouncementDay(day), $"{t:o} → {day}");
            var (from, until) = ArxivSchedule.Window(day);
            Assert.True(from <= t && t < until, $"{t:o} → {day}, whose window is {from:o} to {until:o}");
            Assert.True(day > DateOnly.FromDateTime(t.UtcDateTime), $"{t:o} is announced on {day}, not after");
        }
    }
}
