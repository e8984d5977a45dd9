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
            for (var page = 1; page <= pages; page++)
            {
                var number = page;
                var path = Urls.Topic(topic.Slug, number);
                var slice = papers.Skip((number - 1) * pageSize).Take(pageSize).ToList();
                var title = number == 1 ? $"{topic.Name} · {siteTitle}" : $"{topic.Name}, page {number} · {siteTitle}";
                yield return context.HtmlPage(path, "topic",
                    () => context.Page(title, topic.Description.Length > 0 ? topic.Description : $"Papers about {topic.Name}.", path, extraFeeds: feeds),
                    () => new TopicPageView(context.Views.Topic(topic), context.Views.Papers(slice), Pager(context, topic.Slug, number, pages))
                    {
                        Chart = number == 1 && site.LastUpdated is { } end
                            ? WeeklyChart.Render("chart", topic.Name, papers.Select(p => p.Paper.FirstTrending), end)
                            : null,
                    })
                    with { LastModified = slice.Count > 0 ? slice[0].Paper.FirstTrending : site.LastUpdated };
            }
        }
    }

    private static PagerView Pager(BuildContext context, string slug, int page, int pages) => new()
    {
        Page = page,
        Pages = pages,
        Previous = page > 1 ? new LinkView(context.Urls.Href(Urls.Topic(slug, page - 1)), "Newer papers") : null,
        Next = page < pages ? new LinkView(context.Urls.Href(Urls.Topic(slug, page + 1)), "Older papers") : null,
        Items = Enumerable.Range(1, pages).Select(n => new PagerItemView(n, context.Urls.Href(Urls.Topic(slug, n)), n == page)).ToList(),
    };
}
