using System.Globalization;
using PaperTrail.Rendering;
using PaperTrail.Site;
using PaperTrail.Views;

namespace PaperTrail.Pipelines;

/// <summary>
/// "/days/YYYY-MM-DD/" for every day with papers (previous/next link the neighbours) with its papers'
/// BibTeX beside it ("papers.bib"), and "/days/".
/// </summary>
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
            if (context.Card(Urls.Day(day), Card(context.Shared.Strings, input)) is { } card) yield return card;
            yield return context.Page(Urls.Day(day), "day", input, static (shared, path, input) =>
            {
                var date = ViewFactory.Date(input.Day);
                LinkView? Link(DateOnly? other) => other is { } o ? new LinkView(shared.Urls.Href(Urls.Day(o)), ViewFactory.Date(o)) : null;
                var shown = shared.Strings.Day(input.Day);
                var page = shared.Card(shared.Page(shared.Title(shared.Strings.Text("day.title", ("date", shown))), shared.Strings.Count("day.description", input.Papers.Count, ("date", shown)), path), path, Card(shared.Strings, input));
                var week = IsoWeek.Of(input.Day);
                return new PageModel(page, new DayView(date, shared.Views.Papers(input.Papers), Link(input.Older), Link(input.Newer))
                {
                    BibtexHref = shared.Urls.Href(Urls.DayBibtex(input.Day)),
                    TopWeek = new LinkView(shared.Urls.Href(Urls.TopWeek(week)), TopPeriod.WeekLabel(shared.Strings, week)),
                    TopMonth = new LinkView(shared.Urls.Href(Urls.TopMonth(input.Day.Year, input.Day.Month)), TopPeriod.MonthLabel(shared.Strings, input.Day.Year, input.Day.Month)),
                });
            }) with
            { LastModified = day };
            yield return BibtexFiles.Plan(context, Urls.DayBibtex(day), papers);
        }

        // Every day and its count, newest first.
        var index = days.Select(d => (d.Day, d.Papers.Count)).ToList();
        yield return context.Page(Urls.Days, "days", index, static (shared, path, days) =>
        {
            var page = shared.Page(shared.Title(shared.Strings.Text("days.title")), shared.Strings.Text("days.description"), path);
            return new PageModel(page, new DaysIndexView(days
                .GroupBy(d => (d.Day.Year, d.Day.Month))
                .Select(month => new MonthView(
                    shared.Strings.Month(month.Key.Year, month.Key.Month),
                    $"m{month.Key.Year:0000}-{month.Key.Month:00}",
                    month.Select(d => shared.Views.DayLink(d.Day, d.Count)).ToList())
                {
                    TopHref = shared.Urls.Href(Urls.TopMonth(month.Key.Year, month.Key.Month)),
                })
                .ToList())
            {
                Latest = days.Count > 0 ? shared.Views.DayLink(days[0].Day, days[0].Count) : null,
                // Every week with papers has a page (TopPagesPipeline), the newest one's included.
                LatestWeek = days.Count > 0
                    ? new LinkView(shared.Urls.Href(Urls.TopWeek(IsoWeek.Of(days[0].Day))), TopPeriod.WeekLabel(shared.Strings, IsoWeek.Of(days[0].Day))) : null,
            });
        }) with
        { LastModified = context.Site.LastUpdated };
    }

    /// <summary>A day's share card: its date and how many papers trended; it changes only with the day's papers.</summary>
    private static ShareCard Card(UiStrings strings, DayInput day) =>
        new(strings.Text("day.title", ("date", strings.Day(day.Day))), strings.Count("counts.papers", day.Papers.Count));
}
