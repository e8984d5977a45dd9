using System.Globalization;
using PaperTrail.Tests.Support;

namespace PaperTrail.Tests.Pipelines;

/// <summary>
/// Topic pages: the topic's newest papers and its archive by month; each month in the order its
/// papers trended, in pages of page_size, with links to the neighbouring months. Papers added to one
/// month leave the other months' pages as they were, and that month's full middle pages too.
/// </summary>
public sealed class TopicArchiveTests : IDisposable
{
    private readonly FixtureSite _site = new(); // page_size: 2

    public void Dispose() => _site.Dispose();

    private void AddDiffusionPapers(int count, string month = "2026-11")
    {
        for (var i = 1; i <= count; i++)
            _site.Paper($"d{month}-{i}", $"Diffusion {month} {i}", $"[{month}-{i:00}]", extra: "topics: [diffusion-models]");
    }

    private List<string> Titles(string page) =>
        _site.Html(page).QuerySelectorAll(".card-title a").Select(a => a.TextContent).ToList();

    [Fact]
    public void The_topic_page_shows_the_newest_papers_and_every_month_with_its_count()
    {
        AddDiffusionPapers(3, "2026-11");
        AddDiffusionPapers(1, "2026-09");
        AddDiffusionPapers(2, "2025-12");
        _site.BuildOk();

        var index = _site.Html("topics/diffusion-models/index.html");
        Assert.Equal(["Diffusion 2026-11 3", "Diffusion 2026-11 2"], Titles("topics/diffusion-models/index.html"));
        Assert.Contains("6 papers", index.QuerySelector(".card-meta")!.TextContent);
        Assert.Equal(["2026", "2025"], index.QuerySelectorAll(".topic-archive h3").Select(h => h.TextContent));
        Assert.Equal(["November 2026 (3)", "September 2026 (1)", "December 2025 (2)"],
            index.QuerySelectorAll(".topic-archive li").Select(li => li.TextContent));
        Assert.Equal(["/topics/diffusion-models/2026/11/", "/topics/diffusion-models/2026/09/", "/topics/diffusion-models/2025/12/"],
            index.QuerySelectorAll(".topic-archive a").Select(a => a.GetAttribute("href")));
        Assert.Null(index.QuerySelector(".pager"));
    }

    [Fact]
    public void A_month_is_paged_in_the_order_its_papers_trended_and_links_the_neighbouring_months()
    {
        AddDiffusionPapers(5, "2026-11");
        AddDiffusionPapers(1, "2026-10");
        AddDiffusionPapers(1, "2026-08");
        _site.BuildOk();

        Assert.Equal(["Diffusion 2026-11 1", "Diffusion 2026-11 2"], Titles("topics/diffusion-models/2026/11/index.html"));
        Assert.Equal(["Diffusion 2026-11 3", "Diffusion 2026-11 4"], Titles("topics/diffusion-models/2026/11/page/2/index.html"));
        Assert.Equal(["Diffusion 2026-11 5"], Titles("topics/diffusion-models/2026/11/page/3/index.html"));
        Assert.False(_site.Exists("topics/diffusion-models/2026/11/page/4/index.html"));
        Assert.False(_site.Exists("topics/diffusion-models/2026/11/page/1/index.html"));
        Assert.False(_site.Exists("topics/diffusion-models/2026/09/index.html"));

        var first = _site.Html("topics/diffusion-models/2026/11/index.html");
        Assert.StartsWith("Diffusion Models in November 2026", first.QuerySelector("h1")!.TextContent);
        Assert.Contains("5 papers that first trended in November 2026, oldest first", first.QuerySelector(".card-meta")!.TextContent);
        Assert.Null(first.QuerySelector(".pager a[rel=prev]"));
        Assert.Equal("/topics/diffusion-models/2026/11/page/2/", first.QuerySelector(".pager a[rel=next]")!.GetAttribute("href"));
        Assert.Equal(["1", "2", "3"], first.QuerySelectorAll("nav[aria-label=Pages] li a:not([rel])").Select(a => a.TextContent));
        Assert.Equal("1", first.QuerySelector(".pager a[aria-current=page]")!.TextContent);
        Assert.Equal(["/topics/diffusion-models/2026/10/"], first.QuerySelectorAll("nav[aria-label=Months] a").Select(a => a.GetAttribute("href")));

        // The count is the first page's alone: on the others it would change as the month grows.
        var second = _site.Html("topics/diffusion-models/2026/11/page/2/index.html");
        Assert.DoesNotContain("papers that first trended", second.QuerySelector(".card-meta")!.TextContent);
        Assert.Contains("All of Diffusion Models", second.QuerySelector(".card-meta")!.TextContent);

        var last = _site.Html("topics/diffusion-models/2026/11/page/3/index.html");
        Assert.Equal("/topics/diffusion-models/2026/11/page/2/", last.QuerySelector(".pager a[rel=prev]")!.GetAttribute("href"));
        Assert.Equal("Older papers", last.QuerySelector(".pager a[rel=prev]")!.TextContent.Trim('←', '→', ' '));
        Assert.Null(last.QuerySelector(".pager a[rel=next]"));
        Assert.Equal("Diffusion Models in November 2026, page 3", last.QuerySelector("h1")!.TextContent);

        var october = _site.Html("topics/diffusion-models/2026/10/index.html");
        Assert.Null(october.QuerySelector("nav[aria-label=Pages]"));
        Assert.Equal(["← November 2026", "August 2026 →"], october.QuerySelectorAll("nav[aria-label=Months] a").Select(a => a.TextContent));
    }

    [Fact]
    public void A_paper_added_to_an_old_month_changes_that_month_and_the_topic_page_only()
    {
        AddDiffusionPapers(6, "2026-11");
        AddDiffusionPapers(4, "2026-10");
        AddDiffusionPapers(4, "2026-09");
        _site.BuildOk();
        var before = FolderSnapshot.Of(Path.Combine(_site.Output, "topics", "diffusion-models"));

        _site.Paper("late", "A Late Diffusion Paper", "[2026-10-15]", extra: "topics: [diffusion-models]");
        _site.BuildOk();

        var changed = before.Differences(FolderSnapshot.Of(Path.Combine(_site.Output, "topics", "diffusion-models")));
        // The month's first page (its count), its last page (now one before the last: its pager) and
        // the new last page, its .bib, its feed archive (the paper first trended then) and the topic
        // page's archive counts.
        Assert.Equal(["2026/10/atom.xml", "2026/10/index.html", "2026/10/page/2/index.html", "2026/10/page/3/index.html", "2026/10/papers.bib", "index.html"], changed);
        Assert.Equal(["A Late Diffusion Paper"], Titles("topics/diffusion-models/2026/10/page/3/index.html"));
    }

    [Fact]
    public void A_new_day_leaves_the_full_middle_pages_of_its_month_as_they_were()
    {
        // The nightly's case: papers of a new newest day land at the end of the month. Newest first,
        // they shifted every page of the month; in the order they trended, a full page keeps its papers.
        AddDiffusionPapers(9); // page size 2: five pages, the last with one paper
        _site.BuildOk();
        var before = FolderSnapshot.Of(Path.Combine(_site.Output, "topics", "diffusion-models"));

        _site.Paper("new-1", "A New Diffusion Paper", "[2026-11-20]", extra: "topics: [diffusion-models]");
        _site.Paper("new-2", "Another New Diffusion Paper", "[2026-11-20]", extra: "topics: [diffusion-models]");
        _site.BuildOk();

        var changed = before.Differences(FolderSnapshot.Of(Path.Combine(_site.Output, "topics", "diffusion-models")));
        Assert.Equal(["2026/11/atom.xml", "2026/11/index.html", "2026/11/page/5/index.html", "2026/11/page/6/index.html", "2026/11/papers.bib",
            "atom.xml", "feed.xml", "index.html"], changed);
        Assert.Equal(["Diffusion 2026-11 9", "A New Diffusion Paper"], Titles("topics/diffusion-models/2026/11/page/5/index.html"));
        Assert.Contains("11 papers", _site.Html("topics/diffusion-models/2026/11/index.html").QuerySelector(".card-meta")!.TextContent);
    }

    [Fact]
    public void A_long_month_shows_the_first_and_last_pages_and_those_around_the_current_one()
    {
        AddDiffusionPapers(30); // page size 2: 15 pages
        _site.BuildOk();

        List<string> Numbers(string page) =>
            _site.Html(page).QuerySelectorAll(".pager li:not(:has(a[rel]))").Select(li => li.TextContent.Trim()).ToList();

        const string month = "topics/diffusion-models/2026/11/";
        // The first and the last page number every page to the month's last; the others to the page
        // after them, which a new day does not change.
        Assert.Equal(["1", "2", "3", "…", "15"], Numbers(month + "index.html"));
        Assert.Equal(["1", "…", "13", "14", "15"], Numbers(month + "page/15/index.html"));
        Assert.Equal(["1", "2", "3", "4", "5", "6", "7", "8", "9"], Numbers(month + "page/8/index.html"));
        Assert.Equal(["1", "…", "8", "9", "10", "11"], Numbers(month + "page/10/index.html"));
        var middle = _site.Html(month + "page/10/index.html");
        Assert.Equal("10", middle.QuerySelector(".pager a[aria-current=page]")!.TextContent);
        Assert.Equal("/topics/diffusion-models/2026/11/page/11/", middle.QuerySelector(".pager a[rel=next]")!.GetAttribute("href"));
    }

    [Theory]
    [InlineData(1, 9, "1 2 3 4 5 6 7 8 9")]
    [InlineData(4, 10, "1 2 3 4 5 6 … 10")]
    [InlineData(5, 10, "1 … 3 4 5 6 7 … 10")]
    [InlineData(7, 10, "1 … 5 6 7 8 9 10")]
    public void Page_numbers_leave_gaps_only_where_numbers_are_left_out(int page, int pages, string expected) =>
        Assert.Equal(expected, string.Join(' ', PaperTrail.Pipelines.TopicPagesPipeline.PageNumbers(page, pages).Select(n => n == 0 ? "…" : n.ToString(CultureInfo.InvariantCulture))));

    [Fact]
    public void Exactly_one_full_page_of_a_month_has_no_pager()
    {
        AddDiffusionPapers(2);
        _site.BuildOk();
        Assert.Null(_site.Html("topics/diffusion-models/2026/11/index.html").QuerySelector(".pager"));
        Assert.False(_site.Exists("topics/diffusion-models/2026/11/page/2/index.html"));
    }

    [Fact]
    public void An_empty_topic_has_one_page_that_says_so()
    {
        AddDiffusionPapers(1);
        _site.BuildOk();
        var page = _site.Html("topics/reinforcement-learning/index.html");
        Assert.Empty(page.QuerySelectorAll(".card"));
        Assert.Contains("No papers yet", page.Body!.TextContent);
        Assert.Null(page.QuerySelector(".topic-archive"));
    }

    [Fact]
    public void The_old_numbered_pages_redirect_to_the_topic()
    {
        AddDiffusionPapers(1);
        _site.BuildOk();
        Assert.Contains("/topics/diffusion-models/page/* /topics/diffusion-models/ 301", File.ReadAllLines(Path.Combine(_site.Output, "_redirects")));
    }
}
