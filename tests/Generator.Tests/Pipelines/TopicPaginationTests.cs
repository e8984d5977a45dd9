using PaperTrail.Tests.Support;

namespace PaperTrail.Tests.Pipelines;

/// <summary>Topic pages: newest first, page_size per page, prev/next and numbers, edges included.</summary>
public sealed class TopicPaginationTests : IDisposable
{
    private readonly FixtureSite _site = new();

    public void Dispose() => _site.Dispose();

    private void AddDiffusionPapers(int count)
    {
        for (var i = 1; i <= count; i++)
            _site.Paper($"d{i}", $"Diffusion {i}", $"[2026-11-{i:00}]", extra: "topics: [diffusion-models]");
    }

    private List<string> Titles(string page) =>
        _site.Html(page).QuerySelectorAll(".card-title a").Select(a => a.TextContent).ToList();

    [Fact]
    public void Five_papers_with_page_size_two_make_three_pages_newest_first()
    {
        AddDiffusionPapers(5);
        _site.BuildOk();

        Assert.Equal(["Diffusion 5", "Diffusion 4"], Titles("topics/diffusion-models/index.html"));
        Assert.Equal(["Diffusion 3", "Diffusion 2"], Titles("topics/diffusion-models/page/2/index.html"));
        Assert.Equal(["Diffusion 1"], Titles("topics/diffusion-models/page/3/index.html"));
        Assert.False(_site.Exists("topics/diffusion-models/page/4/index.html"));
        Assert.False(_site.Exists("topics/diffusion-models/page/1/index.html"));

        var first = _site.Html("topics/diffusion-models/index.html");
        Assert.Null(first.QuerySelector(".pager a[rel=prev]"));
        Assert.Equal("/topics/diffusion-models/page/2/", first.QuerySelector(".pager a[rel=next]")!.GetAttribute("href"));
        Assert.Equal(["1", "2", "3"], first.QuerySelectorAll(".pager li a:not([rel])").Select(a => a.TextContent));
        Assert.Equal("1", first.QuerySelector(".pager a[aria-current=page]")!.TextContent);

        var last = _site.Html("topics/diffusion-models/page/3/index.html");
        Assert.Equal("/topics/diffusion-models/page/2/", last.QuerySelector(".pager a[rel=prev]")!.GetAttribute("href"));
        Assert.Null(last.QuerySelector(".pager a[rel=next]"));
    }

    [Fact]
    public void A_long_topic_shows_the_first_and_last_pages_and_those_around_the_current_one()
    {
        AddDiffusionPapers(30); // page size 2: 15 pages
        _site.BuildOk();

        List<string> Numbers(string page) =>
            _site.Html(page).QuerySelectorAll(".pager li:not(:has(a[rel]))").Select(li => li.TextContent.Trim()).ToList();

        Assert.Equal(["1", "2", "3", "…", "15"], Numbers("topics/diffusion-models/index.html"));
        Assert.Equal(["1", "…", "6", "7", "8", "9", "10", "…", "15"], Numbers("topics/diffusion-models/page/8/index.html"));
        Assert.Equal(["1", "…", "13", "14", "15"], Numbers("topics/diffusion-models/page/15/index.html"));
        var middle = _site.Html("topics/diffusion-models/page/8/index.html");
        Assert.Equal("8", middle.QuerySelector(".pager a[aria-current=page]")!.TextContent);
        Assert.Equal("/topics/diffusion-models/page/9/", middle.QuerySelector(".pager a[rel=next]")!.GetAttribute("href"));
    }

    [Theory]
    [InlineData(1, 9, "1 2 3 4 5 6 7 8 9")]
    [InlineData(4, 10, "1 2 3 4 5 6 … 10")]
    [InlineData(5, 10, "1 … 3 4 5 6 7 … 10")]
    [InlineData(7, 10, "1 … 5 6 7 8 9 10")]
    public void Page_numbers_leave_gaps_only_where_numbers_are_left_out(int page, int pages, string expected) =>
        Assert.Equal(expected, string.Join(' ', PaperTrail.Pipelines.TopicPagesPipeline.PageNumbers(page, pages).Select(n => n == 0 ? "…" : n.ToString())));

    [Fact]
    public void Exactly_one_full_page_has_no_pager()
    {
        AddDiffusionPapers(2);
        _site.BuildOk();
        Assert.Null(_site.Html("topics/diffusion-models/index.html").QuerySelector(".pager"));
        Assert.False(_site.Exists("topics/diffusion-models/page/2/index.html"));
    }

    [Fact]
    public void An_empty_topic_has_one_page_that_says_so()
    {
        AddDiffusionPapers(1);
        _site.BuildOk();
        var page = _site.Html("topics/reinforcement-learning/index.html");
        Assert.Empty(page.QuerySelectorAll(".card"));
        Assert.Contains("No papers yet", page.Body!.TextContent);
    }
}
