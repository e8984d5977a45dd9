using System.Globalization;
using PaperTrail.Tests.Support;

namespace PaperTrail.Tests.Pipelines;

/// <summary>
/// Topic pages: the topic's newest papers and its archive by month; each month newest first, in
/// pages of page_size, with links to the neighbouring months. Papers added to one month leave the
/// other months' pages as they were.
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
    public void A_month_is_paged_newest_first_and_links_the_neighbouring_months()
    {
        AddDiffusionPapers(5, "2026-11");
        AddDiffusionPapers(1, "2026-10");
        AddDiffusionPapers(1, "2026-08");
        _site.BuildOk();

        Assert.Equal(["Diffusion 2026-11 5", "Diffusion 2026-11 4"], Titles("topics/diffusion-models/2026/11/index.html"));
        Assert.Equal(["Diffusion 2026-11 3", "Diffusion 2026-11 2"], Titles("topics/diffusion-models/2026/11/page/2/index.html"));
        Assert.Equal(["Diffusion 2026-11 1"], Titles("topics/diffusion-models/2026/11/page/3/index.html"));
        Assert.False(_site.Exists("topics/diffusion-models/2026/11/page/4/index.html"));
        Assert.False(_site.Exists("topics/diffusion-models/2026/11/page/1/index.html"));
        Assert.False(_site.Exists("topics/diffusion-models/2026/09/index.html"));

        var first = _site.Html("topics/diffusion-models/2026/11/index.html");
        Assert.StartsWith("Diffusion Models in November 2026", first.QuerySelector("h1")!.TextContent);
        Assert.Contains("5 papers that first trended in November 2026", first.QuerySelector(".card-meta")!.TextContent);
        Assert.Null(first.QuerySelector(".pager a[rel=prev]"));
        Assert.Equal("/topics/diffusion-models/2026/11/page/2/", first.QuerySelector(".pager a[rel=next]")!.GetAttribute("href"));
        Assert.Equal(["1", "2", "3"], first.QuerySelectorAll("nav[aria-label=Pages] li a:not([rel])").Select(a => a.TextContent));
        Assert.Equal("1", first.QuerySelector(".pager a[aria-current=page]")!.TextContent);
        Assert.Equal(["/topics/diffusion-models/2026/10/"], first.QuerySelectorAll("nav[aria-label=Months] a").Select(a => a.GetAttribute("href")));

        var last = _site.Html("topics/diffusion-models/2026/11/page/3/index.html");
        Assert.Equal("/topics/diffusion-models/2026/11/page/2/", last.QuerySelector(".pager a[rel=prev]")!.GetAttribute("href"));
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
        // The month's pages and its .bib, its feed archive (the paper first trended then) and the topic page's archive counts.
        Assert.Equal(["2026/10/atom.xml", "2026/10/index.html", "2026/10/page/2/index.html", "2026/10/page/3/index.html", "2026/10/papers.bib", "index.html"], changed);
        Assert.Equal(["A Late Diffusion Paper", "Diffusion 2026-10 4"], Titles("topics/diffusion-models/2026/10/index.html"));
    }

    [Fact]
    public void A_long_month_shows_the_first_and_last_pages_and_those_around_the_current_one()
    {
        AddDiffusionPapers(30); // page size 2: 15 pages
        _site.BuildOk();

        List<string> Numbers(string page) =>
            _site.Html(page).QuerySelectorAll(".pager li:not(:has(a[rel]))").Select(li => li.TextContent.Trim()).ToList();

        const string month = "topics/diffusion-models/2026/11/";
        Assert.Equal(["1", "2", "3", "…", "15"], Numbers(month + "index.html"));
        Assert.Equal(["1", "…", "6", "7", "8", "9", "10", "…", "15"], Numbers(month + "page/8/index.html"));
        Assert.Equal(["1", "…", "13", "14", "15"], Numbers(month + "page/15/index.html"));
        var middle = _site.Html(month + "page/8/index.html");
        Assert.Equal("8", middle.QuerySelector(".pager a[aria-current=page]")!.TextContent);
        Assert.Equal("/topics/diffusion-models/2026/11/page/9/", middle.QuerySelector(".pager a[rel=next]")!.GetAttribute("href"));
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
