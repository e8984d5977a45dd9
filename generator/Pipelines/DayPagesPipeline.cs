using System.Globalization;
using PaperTrail.Views;

namespace PaperTrail.Pipelines;

/// <summary>"/days/YYYY-MM-DD/" for every day with papers (previous/next link the neighbours), and "/days/".</summary>
public sealed class DayPagesPipeline : IPipeline
{
    public IEnumerable<PlannedOutput> Plan(BuildContext context)
    {
        var days = context.Site.Days;
        var title = context.Site.Config.Title;
        for (var i = 0; i < days.Count; i++)
        {
            var (day, papers) = days[i];
            var older = i + 1 < days.Count ? days[i + 1].Day : (DateOnly?)null;
            var newer = i > 0 ? days[i - 1].Day : (DateOnly?)null;
            var path = Urls.Day(day);
            var date = ViewFactory.Date(day);
            PageView Page() => context.Page($"Trending on {date} · {title}", $"The {papers.Count} papers that trended on {date}.", path);
            LinkView? Older() => older is { } o ? new LinkView(context.Urls.Href(Urls.Day(o)), ViewFactory.Date(o)) : null;
            LinkView? Newer() => newer is { } n ? new LinkView(context.Urls.Href(Urls.Day(n)), ViewFactory.Date(n)) : null;
            yield return context.HtmlPage(path, "day", Page, () => new DayView(date, context.Views.Papers(papers), Older(), Newer()))
                with
                {
                    LastModified = day,
                    Fingerprint = () => ViewHasher.Of("day", Page(), date, papers, Older(), Newer()),
                };
        }

        yield return context.HtmlPage(Urls.Days, "days",
            () => context.Page($"All days · {title}", "Every day of the archive with the papers that trended.", Urls.Days),
            () => new DaysIndexView(days
                .GroupBy(d => (d.Day.Year, d.Day.Month))
                .Select(month => new MonthView(
                    new DateOnly(month.Key.Year, month.Key.Month, 1).ToString("MMMM yyyy", CultureInfo.InvariantCulture),
                    $"m{month.Key.Year:0000}-{month.Key.Month:00}",
                    month.Select(d => context.Views.DayLink(d.Day, d.Papers.Count)).ToList()))
                .ToList())
            { Latest = days.Count > 0 ? context.Views.DayLink(days[0].Day, days[0].Papers.Count) : null })
            with { LastModified = context.Site.LastUpdated };
    }
}
