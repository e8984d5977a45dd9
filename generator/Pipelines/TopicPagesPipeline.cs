using PaperTrail.Rendering;
using PaperTrail.Views;

namespace PaperTrail.Pipelines;

/// <summary>"/topics/" and, per topic, "/topics/&lt;slug&gt;/" with "/page/N/" for later pages.</summary>
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
            var pages = Math.Max(1, (papers.Count + pageSize - 1) / pageSize);
            var feeds = new FeedLinkView[]
            {
                new(context.Urls.Href(Urls.TopicRss(topic.Slug)), "application/rss+xml", $"{topic.Name} (RSS)", "RSS"),
                new(context.Urls.Href(Urls.TopicAtom(topic.Slug)), "application/atom+xml", $"{topic.Name} (Atom)", "Atom"),
            };
            // Drawn once per topic, for its first page and that page's fingerprint.
            var chart = new Lazy<ChartView?>(() => site.LastUpdated is { } end
                ? WeeklyChart.Render("chart", topic.Name, papers.Select(p => p.Paper.FirstTrending), end)
                : null);
            for (var page = 1; page <= pages; page++)
            {
                var number = page;
                var path = Urls.Topic(topic.Slug, number);
                var slice = papers.Skip((number - 1) * pageSize).Take(pageSize).ToList();
                var title = number == 1 ? $"{topic.Name} · {siteTitle}" : $"{topic.Name}, page {number} · {siteTitle}";
                PageView Page() => context.Page(title, topic.Description.Length > 0 ? topic.Description : $"Papers about {topic.Name}.", path, extraFeeds: feeds);
                ChartView? Chart() => number == 1 ? chart.Value : null;
                yield return context.HtmlPage(path, "topic", Page,
                    () => new TopicPageView(context.Views.Topic(topic), context.Views.Papers(slice), Pager(context, topic.Slug, number, pages)) { Chart = Chart() })
                    with
                    {
                        LastModified = slice.Count > 0 ? slice[0].Paper.FirstTrending : site.LastUpdated,
                        Fingerprint = () => ViewHasher.Of("topic", Page(), context.Views.Topic(topic), slice, Pager(context, topic.Slug, number, pages), Chart()),
                    };
            }
        }
    }

    private static PagerView Pager(BuildContext context, string slug, int page, int pages) => new()
    {
        Page = page,
        Pages = pages,
        Previous = page > 1 ? new LinkView(context.Urls.Href(Urls.Topic(slug, page - 1)), "Newer papers") : null,
        Next = page < pages ? new LinkView(context.Urls.Href(Urls.Topic(slug, page + 1)), "Older papers") : null,
        Items = PageNumbers(page, pages)
            .Select(n => n == 0 ? new PagerItemView(0, "", false) { Gap = true } : new PagerItemView(n, context.Urls.Href(Urls.Topic(slug, n)), n == page))
            .ToList(),
    };

    /// <summary>Pages shown either side of the current one in a long pager.</summary>
    public const int PagerReach = 2;

    /// <summary>
    /// The numbers a pager shows: all of them for a short list; else the first, the last and the
    /// current one with <see cref="PagerReach"/> either side, 0 standing for a gap. A topic with
    /// hundreds of pages would otherwise print hundreds of links on every one of them (work and
    /// bytes that grow with the square of the topic).
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
