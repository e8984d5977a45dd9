using PaperTrail.Content;
using PaperTrail.Rendering;
using PaperTrail.Site;
using PaperTrail.Views;

namespace PaperTrail.Pipelines;

/// <summary>
/// "/topics/", and per topic "/topics/&lt;slug&gt;/" (its newest papers, chart and archive by month)
/// with "/topics/&lt;slug&gt;/YYYY/MM/" (and ".../page/N/") for the papers that first trended in each
/// month, and the month's papers as one .bib file. Months, not one long pagination: a paper added to an old month would shift every later
/// page of a paginated list, and so rewrite most of a topic's pages on every nightly; a month page
/// changes only when a paper lands in that month. Within a month the papers run in the order they
/// trended, oldest first, so a new day's papers land on the month's last page and a full page
/// keeps its papers: only the first page (the month's count) and the last change on a nightly,
/// where newest first shifted every page of the month (a new day at 10,000 papers: 76 month pages
/// rendered, now 39).
/// </summary>
internal sealed class TopicPagesPipeline : IPipeline
{
    /// <summary>A topic with how many papers it has.</summary>
    internal sealed record TopicCount(Topic Topic, int Count);

    /// <param name="Newest">Its newest papers, a page's worth.</param>
    /// <param name="Months">Its months with papers, newest first, each with how many.</param>
    /// <param name="FirstTrending">Every paper's first trending day, for the chart, and <paramref name="End"/>: the archive's newest day, where the chart ends.</param>
    internal sealed record TopicInput(TopicCount Topic, IReadOnlyList<SitePaper> Newest, IReadOnlyList<(int Year, int Month, int Count)> Months,
        IReadOnlyList<DateOnly> FirstTrending, DateOnly? End);

    /// <summary>
    /// One page of a month of a topic; <paramref name="Newer"/> and <paramref name="Older"/> are its
    /// neighbouring months with papers. What a page shows of the others stays put as the month grows:
    /// the month's count only on its first page, and a page's pager runs to the page after it
    /// (<paramref name="Pages"/>), but on the first and last pages, which a new day changes anyway,
    /// to the month's last page.
    /// </summary>
    internal sealed record MonthInput(Topic Topic, int Year, int Month, int? Count, IReadOnlyList<SitePaper> Papers, int Page, int Pages,
        (int Year, int Month)? Newer, (int Year, int Month)? Older);

    public IEnumerable<PlannedOutput> Plan(BuildContext context)
    {
        var site = context.Site;
        var counts = site.Topics.Select(t => new TopicCount(t, site.PapersByTopic[t.Slug].Count)).ToList();
        yield return context.Page(Urls.Topics, "topics", counts, static (shared, path, counts) => new PageModel(
            shared.Page(shared.Title(shared.Strings.Text("topics.title")), shared.Strings.Text("topics.description"), path),
            new TopicsIndexView(counts.Select(t => shared.Views.Topic(t.Topic, t.Count)).ToList(), shared.Urls.Href(Urls.Opml))))
            with
        { LastModified = site.LastUpdated };

        var pageSize = site.Config.PageSize;
        foreach (var count in counts)
        {
            var topic = count.Topic;
            var papers = site.PapersByTopic[topic.Slug];
            var months = TopicMonths.Of(papers);
            var newest = papers.Take(pageSize).ToList();
            var input = new TopicInput(count, newest, months.Select(m => (m.Year, m.Month, m.Papers.Count)).ToList(),
                papers.Select(p => p.Paper.FirstTrending).ToList(), site.LastUpdated);
            if (context.Card(Urls.Topic(topic.Slug), Card(context.Shared, topic)) is { } card) yield return card;
            yield return context.Page(Urls.Topic(topic.Slug), "topic", input, static (shared, path, input) =>
            {
                var topic = input.Topic.Topic;
                var page = shared.Card(shared.Page(shared.Title(topic.Name), Description(shared, topic), path, extraFeeds: Feeds(shared, topic)), path, Card(shared, topic));
                var archive = input.Months
                    .GroupBy(m => m.Year)
                    .Select(year => new TopicYearView(year.Key, year
                        .Select(m => new TopicMonthLinkView(shared.Strings.Month(m.Year, m.Month), shared.Urls.Href(Urls.TopicMonth(topic.Slug, m.Year, m.Month)), m.Count))
                        .ToList()))
                    .ToList();
                return new PageModel(page, new TopicPageView(shared.Views.Topic(topic, input.Topic.Count), shared.Views.Papers(input.Newest), archive)
                {
                    Chart = input.End is { } end ? WeeklyChart.Render("chart", topic.Name, input.FirstTrending, end, shared.Strings) : null,
                });
            }) with
            { LastModified = newest.Count > 0 ? newest[0].Paper.FirstTrending : site.LastUpdated };

            for (var m = 0; m < months.Count; m++)
            {
                var month = months[m];
                (int, int)? Neighbour(int at) => at >= 0 && at < months.Count ? (months[at].Year, months[at].Month) : null;
                // The order they trended in: by first day (a stable sort keeps each day's reading order).
                var inOrder = month.Papers.OrderBy(p => p.Paper.FirstTrending).ToList();
                // Not (count + size - 1) / size: with page_size near int.MaxValue that overflowed, and no month had a page.
                var pages = inOrder.Count == 0 ? 0 : (inOrder.Count - 1) / pageSize + 1;
                for (var page = 1; page <= pages; page++)
                {
                    var slice = inOrder.Skip((page - 1) * pageSize).Take(pageSize).ToList();
                    var shown = page == 1 || page == pages ? pages : page + 1;
                    var monthInput = new MonthInput(topic, month.Year, month.Month, page == 1 ? inOrder.Count : null, slice, page, shown,
                        Neighbour(m - 1), Neighbour(m + 1));
                    yield return context.Page(Urls.TopicMonth(topic.Slug, month.Year, month.Month, page), "topic-month", monthInput, static (shared, path, input) =>
                    {
                        var topic = input.Topic;
                        var label = shared.Strings.Month(input.Year, input.Month);
                        var title = shared.Title(shared.Strings.Text("topic_month.title", ("topic", topic.Name), ("month", label))
                            + (input.Page == 1 ? "" : shared.Strings.Text("topic_month.page", ("page", input.Page.ToString(System.Globalization.CultureInfo.InvariantCulture)))));
                        var feeds = Feeds(shared, topic);
                        LinkView? Link((int Year, int Month)? other) => other is { } o
                            ? new LinkView(shared.Urls.Href(Urls.TopicMonth(topic.Slug, o.Year, o.Month)), shared.Strings.Month(o.Year, o.Month)) : null;
                        // The topic's card: a month is one part of it.
                        var page = shared.Card(shared.Page(title, shared.Strings.Text("topic_month.description", ("topic", topic.Name), ("month", label)), path, extraFeeds: feeds),
                            Urls.Topic(topic.Slug), Card(shared, topic));
                        return new PageModel(page, new TopicMonthView(shared.Views.TopicLink(topic), feeds[0].Href, feeds[1].Href, label, input.Count,
                            shared.Views.Papers(input.Papers), MonthPager(shared, topic.Slug, input), Link(input.Newer), Link(input.Older))
                        {
                            BibtexHref = shared.Urls.Href(Urls.TopicMonthBibtex(topic.Slug, input.Year, input.Month)),
                        });
                    }) with
                    // The first page shows the month's count, which its newest paper last changed.
                    { LastModified = (page == 1 ? inOrder : slice)[^1].Paper.FirstTrending };
                }
                yield return BibtexFiles.Plan(context, Urls.TopicMonthBibtex(topic.Slug, month.Year, month.Month), inOrder);
            }
        }
    }

    /// <summary>A topic's share card, for its page and its months: its name and description (topics.yml), not its counts, which change every night.</summary>
    private static ShareCard Card(SharedViews shared, Topic topic) => new(topic.Name, Description(shared, topic));

    private static string Description(SharedViews shared, Topic topic) =>
        topic.Description.Length > 0 ? topic.Description : shared.Strings.Text("topic.description", ("topic", topic.Name));

    /// <summary>The topic's RSS and Atom feeds, for the head of its pages.</summary>
    private static FeedLinkView[] Feeds(SharedViews shared, Topic topic) =>
    [
        new(shared.Urls.Href(Urls.TopicRss(topic.Slug)), "application/rss+xml", $"{topic.Name} (RSS)", "RSS"),
        new(shared.Urls.Href(Urls.TopicAtom(topic.Slug)), "application/atom+xml", $"{topic.Name} (Atom)", "Atom"),
    ];

    private static PagerView MonthPager(SharedViews shared, string slug, MonthInput month) => new()
    {
        Page = month.Page,
        Pages = month.Pages,
        Previous = month.Page > 1 ? new LinkView(shared.Urls.Href(Urls.TopicMonth(slug, month.Year, month.Month, month.Page - 1)), shared.Strings.Text("topic_month.older_papers")) : null,
        Next = month.Page < month.Pages ? new LinkView(shared.Urls.Href(Urls.TopicMonth(slug, month.Year, month.Month, month.Page + 1)), shared.Strings.Text("topic_month.newer_papers")) : null,
        Items = PageNumbers(month.Page, month.Pages)
            .Select(n => n == 0
                ? new PagerItemView(0, "", false) { Gap = true }
                : new PagerItemView(n, shared.Urls.Href(Urls.TopicMonth(slug, month.Year, month.Month, n)), n == month.Page))
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
