using System.Globalization;
using PaperTrail.Rendering;
using PaperTrail.Site;
using PaperTrail.Views;

namespace PaperTrail.Pipelines;

/// <summary>"/days/YYYY-MM-DD/" for every day with papers (previous/next link the neighbours), and "/days/".</summary>
internal sealed class DayPagesPipeline : IPipeline
{
    /// <param name="Older">The day before it with papers, if any; <paramref name="Newer"/>: the day after.</param>
    internal sealed record DayInput(DateOnly Day, IReadOnlyList<SitePaper> Papers, DateOnly? Older, DateOnly? Newer);

    public IEnumerable<PlannedOutput> Plan(BuildContext context)
    {
        var days = context.Site.Days;
        for (var i = 0; i < days.Count; i++)
        {
            var (day, papers) = days[i];
            var input = new DayInput(day, papers, i + 1 < days.Count ? days[i + 1].Day : null, i > 0 ? days[i - 1].Day : null);
            if (context.Card(Urls.Day(day), Card(input)) is { } card) yield return card;
            yield return context.Page(Urls.Day(day), "day", input, static (shared, path, input) =>
            {
                var date = ViewFactory.Date(input.Day);
                LinkView? Link(DateOnly? other) => other is { } o ? new LinkView(shared.Urls.Href(Urls.Day(o)), ViewFactory.Date(o)) : null;
                var page = shared.Card(shared.Page($"Trending on {date} · {shared.Config.Title}", input.Papers.Count == 1 ? $"The paper that trended on {date}." : $"The {input.Papers.Count} papers that trended on {date}.", path), path, Card(input));
                return new PageModel(page, new DayView(date, shared.Views.Papers(input.Papers), Link(input.Older), Link(input.Newer)));
            }) with
            { LastModified = day };
        }

        // Every day and its count, newest first.
        var index = days.Select(d => (d.Day, d.Papers.Count)).ToList();
        yield return context.Page(Urls.Days, "days", index, static (shared, path, days) =>
        {
            var page = shared.Page($"All days · {shared.Config.Title}", "Every day of the archive with the papers that trended.", path);
            return new PageModel(page, new DaysIndexView(days
                .GroupBy(d => (d.Day.Year, d.Day.Month))
                .Select(month => new MonthView(
                    new DateOnly(month.Key.Year, month.Key.Month, 1).ToString("MMMM yyyy", CultureInfo.InvariantCulture),
                    $"m{month.Key.Year:0000}-{month.Key.Month:00}",
                    month.Select(d => shared.Views.DayLink(d.Day, d.Count)).ToList()))
                .ToList())
            {
                Latest = days.Count > 0 ? shared.Views.DayLink(days[0].Day, days[0].Count) : null,
                // The week pages' rule (WeeklyDigestPipeline): a week is closed once the archive has a day after it.
                LatestWeek = days.Count > 0 && days.Select(d => IsoWeek.Of(d.Day)).FirstOrDefault(w => w.Sunday() < days[0].Day) is { Year: > 0 } week
                    ? new LinkView(shared.Urls.Href(Urls.TopWeek(week)), week.ToString()) : null,
            });
        }) with
        { LastModified = context.Site.LastUpdated };
    }

    /// <summary>A day's share card: its date and how many papers trended; it changes only with the day's papers.</summary>
    private static ShareCard Card(DayInput day) =>
        new($"Trending on {ViewFactory.Date(day.Day)}", day.Papers.Count == 1 ? "1 paper" : $"{day.Papers.Count} papers");
}
