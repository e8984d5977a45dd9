using System.Globalization;
using PaperTrail.Rendering;
using PaperTrail.Site;
using PaperTrail.Views;

namespace PaperTrail.Pipelines;

/// <summary>
/// "/top/week/YYYY-Www/" and "/top/month/YYYY-MM/": the most upvoted papers of every ISO week and
/// every month with papers (<see cref="TopPeriod"/>), the archive's newest ones included while they
/// fill up. A page shows nothing of the archive beyond its period but its neighbours, so a new day
/// changes the newest week's and month's pages, and an older one's only when one of its papers trends
/// again (its count re-read) or the period after it is new (its "later" link).
/// </summary>
internal sealed class TopPagesPipeline : IPipeline
{
    /// <param name="Open">True for the week of the archive's newest day.</param>
    /// <param name="Older">The week before it with papers, if any; <paramref name="Newer"/>: the week after.</param>
    internal sealed record WeekInput(IsoWeek Week, IReadOnlyList<SitePaper> Top, int Total, DateOnly AsOf, bool Open, IsoWeek? Older, IsoWeek? Newer);

    /// <param name="Open">True for the month of the archive's newest day.</param>
    internal sealed record MonthInput(int Year, int Month, IReadOnlyList<SitePaper> Top, int Total, DateOnly AsOf, bool Open,
        (int Year, int Month)? Older, (int Year, int Month)? Newer);

    public IEnumerable<PlannedOutput> Plan(BuildContext context)
    {
        var weeks = TopPeriod<IsoWeek>.Of(context.Site, IsoWeek.Of, TopPeriod.WeekSize);
        for (var i = 0; i < weeks.Count; i++)
        {
            var week = weeks[i];
            var input = new WeekInput(week.Key, week.Top, week.Total, week.AsOf, i == 0,
                i + 1 < weeks.Count ? weeks[i + 1].Key : null, i > 0 ? weeks[i - 1].Key : null);
            if (context.Card(Urls.TopWeek(week.Key), WeekCard(context.Shared.Strings, week.Key)) is { } card) yield return card;
            yield return context.Page(Urls.TopWeek(week.Key), "top", input, static (shared, path, week) =>
            {
                LinkView? Link(IsoWeek? other) => other is { } o ? new LinkView(shared.Urls.Href(Urls.TopWeek(o)), TopPeriod.WeekLabel(shared.Strings, o)) : null;
                var label = TopPeriod.WeekLabel(shared.Strings, week.Week);
                var range = shared.Strings.Range(week.Week.Monday(), week.Week.Sunday());
                return new PageModel(shared.Card(Head(shared, path, label, range, week.Top.Count, week.Total), path, WeekCard(shared.Strings, week.Week)),
                    new TopView("week", label, range, Entries(shared, week.Top), week.Total, ViewFactory.Date(week.AsOf), week.Open, Link(week.Older), Link(week.Newer))
                    {
                        FeedHref = shared.Urls.Href(Urls.WeeklyDigest),
                    });
            }) with
            { LastModified = week.AsOf };
        }

        var months = TopPeriod<(int Year, int Month)>.Of(context.Site, d => (d.Year, d.Month), TopPeriod.MonthSize);
        for (var i = 0; i < months.Count; i++)
        {
            var month = months[i];
            var input = new MonthInput(month.Key.Year, month.Key.Month, month.Top, month.Total, month.AsOf, i == 0,
                i + 1 < months.Count ? months[i + 1].Key : null, i > 0 ? months[i - 1].Key : null);
            if (context.Card(Urls.TopMonth(month.Key.Year, month.Key.Month), MonthCard(context.Shared.Strings, month.Key.Year, month.Key.Month)) is { } card) yield return card;
            yield return context.Page(Urls.TopMonth(month.Key.Year, month.Key.Month), "top", input, static (shared, path, month) =>
            {
                LinkView? Link((int Year, int Month)? other) => other is { } o
                    ? new LinkView(shared.Urls.Href(Urls.TopMonth(o.Year, o.Month)), TopPeriod.MonthLabel(shared.Strings, o.Year, o.Month)) : null;
                var label = TopPeriod.MonthLabel(shared.Strings, month.Year, month.Month);
                var first = new DateOnly(month.Year, month.Month, 1);
                var range = shared.Strings.Range(first, first.AddMonths(1).AddDays(-1));
                return new PageModel(shared.Card(Head(shared, path, label, range, month.Top.Count, month.Total), path, MonthCard(shared.Strings, month.Year, month.Month)),
                    new TopView("month", label, range, Entries(shared, month.Top), month.Total, ViewFactory.Date(month.AsOf), month.Open, Link(month.Older), Link(month.Newer)));
            }) with
            { LastModified = month.AsOf };
        }
    }

    /// <summary>
    /// A week's and a month's share cards: the period and its days, not its counts or the day it is as
    /// of, so the card of the newest week or month is drawn once, not again on every new day.
    /// </summary>
    private static ShareCard WeekCard(UiStrings strings, IsoWeek week) =>
        new(strings.Text("top.title", ("label", TopPeriod.WeekLabel(strings, week))), strings.Range(week.Monday(), week.Sunday()));

    private static ShareCard MonthCard(UiStrings strings, int year, int month)
    {
        var first = new DateOnly(year, month, 1);
        return new(strings.Text("top.title", ("label", TopPeriod.MonthLabel(strings, year, month))), strings.Range(first, first.AddMonths(1).AddDays(-1)));
    }

    private static PageView Head(SharedViews shared, string path, string label, string range, int shown, int total)
    {
        var strings = shared.Strings;
        return shared.Page(shared.Title(strings.Text("top.title", ("label", label))),
            shown == 0 ? strings.Text("top.description_none", ("range", range))
            : shown < total ? strings.Text("top.description_some", ("top", N(shown)), ("count", N(total)), ("range", range))
            : strings.Count("top.description_all", total, ("range", range)), path);
    }

    private static string N(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static List<TopEntryView> Entries(SharedViews shared, IReadOnlyList<SitePaper> top) =>
        top.Select(p => new TopEntryView(shared.Views.Paper(p), p.Paper.Upvotes ?? 0, ViewFactory.Date(p.Paper.Trending[^1]))).ToList();
}
