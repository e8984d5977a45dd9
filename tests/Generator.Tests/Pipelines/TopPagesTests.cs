using PaperTrail.Tests.Support;

namespace PaperTrail.Tests.Pipelines;

/// <summary>
/// The most upvoted papers of every ISO week and month (/top/week/…, /top/month/…): found from the
/// home, day and days pages, ranked by upvotes, dated by when their counts were read, and still when
/// only a new day arrives.
/// </summary>
public sealed class TopPagesTests : IDisposable
{
    // Week 47 (16 to 22 Nov) closed and never touched again; week 48 with a paper that trended again in
    // week 49, the newest (its count re-read on 2 Dec); November and December.
    private readonly FixtureSite _site = new FixtureSite()
        .Paper("old", "An Old Paper", "[2026-11-17]", extra: "upvotes: 3\narxiv: \"2611.00001\"")
        .Paper("early", "Early In The Week", "[2026-11-23]", extra: "upvotes: 10")
        .Paper("popular", "The Popular One", "[2026-11-25]", extra: "upvotes: 50")
        .Paper("again", "Trending Again", "[2026-11-24, 2026-12-02]", extra: "upvotes: 30")
        .Paper("uncounted", "No Count Given", "[2026-11-24]")
        .Paper("december", "A December Paper", "[2026-12-01]", extra: "upvotes: 5");

    public void Dispose() => _site.Dispose();

    private IEnumerable<string> Titles(string page) =>
        _site.Html(page).QuerySelectorAll("main article h2").Select(h => h.TextContent.Trim());

    [Fact]
    public void Every_week_and_month_with_papers_has_a_page_reached_from_home_its_days_and_the_days_index()
    {
        _site.BuildOk();
        string[] pages = ["top/week/2026-W47/", "top/week/2026-W48/", "top/week/2026-W49/", "top/month/2026-11/", "top/month/2026-12/"];
        Assert.All(pages, p => Assert.True(_site.Exists(p + "index.html"), p));
        Assert.Equal(pages.Order(StringComparer.Ordinal), Directory.EnumerateDirectories(Path.Combine(_site.Output, "top"), "20*", SearchOption.AllDirectories)
            .Select(d => Path.GetRelativePath(_site.Output, d).Replace('\\', '/') + "/").Order(StringComparer.Ordinal));
        var sitemap = _site.Text("sitemap.xml");
        Assert.All(pages, p => Assert.Contains($"<loc>https://example.org/{p}</loc>", sitemap));

        IEnumerable<string> Links(string page) => _site.Html(page).QuerySelectorAll("main a").Select(a => a.GetAttribute("href")!);
        Assert.Contains("/top/week/2026-W49/", Links("index.html"));
        Assert.Contains("/top/month/2026-12/", Links("index.html"));
        Assert.Contains("/top/week/2026-W49/", Links("days/index.html"));
        Assert.Contains("/top/month/2026-11/", Links("days/index.html"));
        Assert.Contains("/top/week/2026-W47/", Links("days/2026-11-17/index.html"));
        Assert.Contains("/top/month/2026-11/", Links("days/2026-11-17/index.html"));
        // Earlier and later weeks lead from one to the next.
        Assert.Contains("/top/week/2026-W47/", Links("top/week/2026-W48/index.html"));
        Assert.Contains("/top/week/2026-W49/", Links("top/week/2026-W48/index.html"));
    }

    [Fact]
    public void A_period_lists_its_papers_with_a_count_most_upvoted_first_as_of_the_newest_day_a_count_was_read()
    {
        _site.BuildOk();
        Assert.Equal(["The Popular One", "Trending Again", "Early In The Week"], Titles("top/week/2026-W48/index.html"));
        Assert.Equal(["The Popular One", "Trending Again", "Early In The Week", "An Old Paper"], Titles("top/month/2026-11/index.html"));
        Assert.Equal(["Trending Again", "A December Paper"], Titles("top/month/2026-12/index.html"));

        var week = _site.Html("top/week/2026-W48/index.html").QuerySelector(".lede")!.TextContent;
        Assert.Contains("4 papers trended from 23 Nov to 29 Nov 2026", week); // the one without a count too
        Assert.Contains("Upvotes as of 2026-12-02", week); // "Trending Again" was read again then
        Assert.Contains("Upvotes as of 2026-11-17", _site.Html("top/week/2026-W47/index.html").QuerySelector(".lede")!.TextContent);
        Assert.StartsWith("So far,", _site.Html("top/week/2026-W49/index.html").QuerySelector(".lede")!.TextContent);
    }

    [Fact]
    public void A_new_day_leaves_closed_periods_pages_as_they_were_until_one_of_their_papers_trends_again()
    {
        _site.BuildOk();
        string[] closed = ["top/week/2026-W47/index.html", "top/week/2026-W48/index.html", "top/month/2026-11/index.html"];
        var before = closed.ToDictionary(p => p, _site.Text);
        var newest = _site.Text("top/week/2026-W49/index.html");

        _site.Paper("tomorrow", "A Paper Of The Next Day", "[2026-12-03]", extra: "upvotes: 7").BuildOk();
        Assert.All(closed, p => Assert.Equal(before[p], _site.Text(p)));
        Assert.NotEqual(newest, _site.Text("top/week/2026-W49/index.html"));
        Assert.Contains("A Paper Of The Next Day", Titles("top/week/2026-W49/index.html"));

        // A paper of week 48 trends again with a new count: its week and month are read anew.
        _site.Paper("early", "Early In The Week", "[2026-11-23, 2026-12-04]", extra: "upvotes: 80").BuildOk();
        Assert.Equal(["Early In The Week", "The Popular One", "Trending Again"], Titles("top/week/2026-W48/index.html"));
        Assert.Contains("Upvotes as of 2026-12-04", _site.Html("top/month/2026-11/index.html").QuerySelector(".lede")!.TextContent);
        Assert.Equal(before[closed[0]], _site.Text(closed[0]));
    }

    [Fact]
    public void A_week_lists_its_25_most_upvoted_and_a_month_its_50()
    {
        using var busy = new FixtureSite();
        // 60 papers in November 2026, 30 of them in week 45 (2 to 8 Nov).
        for (var i = 0; i < 60; i++)
            busy.Paper($"p{i:00}", $"Paper {i:00}", $"[2026-11-{(i < 30 ? 2 + i % 7 : 9 + i % 20):00}]", extra: $"upvotes: {i * 7 % 61}");
        busy.BuildOk();
        int Votes(AngleSharp.Dom.IElement li) => int.Parse(li.QuerySelector(".card-meta")!.TextContent.Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
        var week = busy.Html("top/week/2026-W45/index.html").QuerySelectorAll("ol.week-top > li").Select(Votes).ToList();
        Assert.Equal(25, week.Count);
        Assert.Equal(week.OrderDescending(), week);
        Assert.Equal(Enumerable.Range(0, 30).Select(i => i * 7 % 61).OrderDescending().Take(25), week);
        var month = busy.Html("top/month/2026-11/index.html").QuerySelectorAll("ol.week-top > li").Select(Votes).ToList();
        Assert.Equal(Enumerable.Range(0, 60).Select(i => i * 7 % 61).OrderDescending().Take(50), month);
        Assert.Contains("these are the 50 most upvoted", busy.Html("top/month/2026-11/index.html").QuerySelector(".lede")!.TextContent);
    }
}
