using PaperTrail.Rendering;
using PaperTrail.Views;

namespace PaperTrail.Pipelines;

/// <summary>
/// "/topics/", and per topic "/topics/&lt;slug&gt;/" (its newest papers, chart and archive by month)
/// with "/topics/&lt;slug&gt;/YYYY/MM/" (and ".../page/N/") for the papers that first trended in each
/// month. Months, not one long pagination: a paper added to an old month would shift every later
/// page of a paginated list, and so rewrite most of a topic's pages on every nightly; a month page
/// changes only when a paper lands in that month.
/// </summary>
public sealed class TopicPagesPipeline : IPipeline
{
    public IEnumerable<PlannedOutput> Plan(BuildContext context)
    {
        var site = context.Site;
        var siteTitle = site.Config.Title;
        yield return context.HtmlPage(Urls.Topics, "topics",
            () => context.Page($"Topics · {siteTitle}", "Every topic of the archive with its papers and feeds.", Urls.Topics),
            () => new TopicsIndexView(site.Topics.Select(context.Views.Topic).ToList(), context.Urls.Href(Urls.Opml)))
            with { LastModified = site.LastUpdated };

        var pageSize = site.Config.PageSize;
        foreach (var topic in site.Topics)
        {
            var papers = site.PapersByTopic[topic.Slug];
            var months = TopicMonths.Of(papers);
            var description = topic.Description.Length > 0 ? topic.Description : $"Papers about {topic.Name}.";
            var feeds = new FeedLinkView[]
            {
                new(context.Urls.Href(Urls.TopicRss(topic.Slug)), "application/rss+xml", $"{topic.Name} (RSS)", "RSS"),
                new(context.Urls.Href(Urls.TopicAtom(topic.Slug)), "application/atom+xml", $"{topic.Name} (Atom)", "Atom"),
            };

            var newest = papers.Take(pageSize).ToList();
            var path = Urls.Topic(topic.Slug);
            PageView Page() => context.Page($"{topic.Name} · {siteTitle}", description, path, extraFeeds: feeds);
            // Drawn once per topic, for the page and its fingerprint.
            var chart = new Lazy<ChartView?>(() => site.LastUpdated is { } end
                ? WeeklyChart.Render("chart", topic.Name, papers.Select(p => p.Paper.FirstTrending), end)
                : null);
            var archive = new Lazy<IReadOnlyList<TopicYearView>>(() => months
                .GroupBy(m => m.Year)
                .Select(year => new TopicYearView(year.Key, year
                    .Select(m => new TopicMonthLinkView(m.Label, context.Urls.Href(Urls.TopicMonth(topic.Slug, m.Year, m.Month)), m.Papers.Count))
                    .ToList()))
                .ToList());
            yield return context.HtmlPage(path, "topic", Page,
                () => new TopicPageView(context.Views.Topic(topic), context.Views.Papers(newest), archive.Value) { Chart = chart.Value })
                with
                {
                    LastModified = newest.Count > 0 ? newest[0].Paper.FirstTrending : site.LastUpdated,
                    Fingerprint = () => ViewHasher.Of("topic", Page(), context.Views.Topic(topic), newest, archive.Value, chart.Value),
                };

            for (var m = 0; m < months.Count; m++)
            {
                var month = months[m];
                var newer = m > 0 ? months[m - 1] : null;
                var older = m + 1 < months.Count ? months[m + 1] : null;
                // Not (count + size - 1) / size: with page_size near int.MaxValue that overflowed, and no month had a page.
                var pages = month.Papers.Count == 0 ? 0 : (month.Papers.Count - 1) / pageSize + 1;
                for (var page = 1; page <= pages; page++)
                {
                    var number = page;
                    var monthPath = Urls.TopicMonth(topic.Slug, month.Year, month.Month, number);
                    var slice = month.Papers.Skip((number - 1) * pageSize).Take(pageSize).ToList();
                    var title = $"{topic.Name} in {month.Label}" + (number == 1 ? "" : $", page {number}") + $" · {siteTitle}";
                    PageView MonthPage() => context.Page(title, $"Papers about {topic.Name} that first trended in {month.Label}.", monthPath, extraFeeds: feeds);
                    PagerView Pager() => MonthPager(context, topic.Slug, month, number, pages);
                    LinkView? Link(TopicMonth? other) => other is null ? null
                        : new LinkView(context.Urls.Href(Urls.TopicMonth(topic.Slug, other.Year, other.Month)), other.Label);
                    TopicMonthView View() => new(context.Views.TopicLink(topic), feeds[0].Href, feeds[1].Href, month.Label, month.Papers.Count,
                        context.Views.Papers(slice), Pager(), Link(newer), Link(older));
                    yield return context.HtmlPage(monthPath, "topic-month", MonthPage, View)
                        with
                        {
                            LastModified = slice[0].Paper.FirstTrending,
                            Fingerprint = () => ViewHasher.Of("topic-month", MonthPage(), context.Views.TopicLink(topic), feeds[0].Href, feeds[1].Href,
                                month.Label, month.Papers.Count, slice, Pager(), Link(newer), Link(older)),
                        };
                }
            }
        }
    }

    private static PagerView MonthPager(BuildContext context, string slug, TopicMonth month, int page, int pages) => new()
    {
        Page = page,
        Pages = pages,
        Previous = page > 1 ? new LinkView(context.Urls.Href(Urls.TopicMonth(slug, month.Year, month.Month, page - 1)), "Newer papers") : null,
        Next = page < pages ? new LinkView(context.Urls.Href(Urls.TopicMonth(slug, month.Year, month.Month, page + 1)), "Older papers") : null,
        Items = PageNumbers(page, pages)
            .Select(n => n == 0
                ? new PagerItemView(0, "", false) { Gap = true }
                : new PagerItemView(n, context.Urls.Href(Urls.TopicMonth(slug, month.Year, month.Month, n)), n == page))
            .ToList(),
    };

    /// <summary>Pages shown either side of the current one in a long pager.</summary>
    public const int PagerReach = 2;

    /// <summary>
    /// The numbers a pager shows: all of them for a short list; else the first, the last and the
    /// current one with <see cref="PagerReach"/> either side, 0 standing for a gap. A month with
    /// hundreds of pages would otherwise print hundreds of links on every one of them (work and
    /// bytes that grow with the square of the month).
    /// </summary>
    public static IEnumerable<int> PageNumbers(int page, int pages)
    {
        if (pages <= 2 * PagerReach + 5)
        {
            for (var n = 1; n <= pages; n++) yield return n;
            yield break;
        }
        var from = Math.Max(2, page - PagerReach);
        var to = Math.Min(pages - 1, page + PagerReach);
        yield return 1;
        if (from > 2) yield return 0;
        for (var n = from; n <= to; n++) yield return n;
        if (to < pages - 1) yield return 0;
        yield return pages;
    }
}
