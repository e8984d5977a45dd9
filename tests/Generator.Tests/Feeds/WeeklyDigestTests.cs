using System.Xml.Linq;
using PaperTrail.Tests.Support;

namespace PaperTrail.Tests.Feeds;

/// <summary>The weekly digest: a closed week's most upvoted papers, as a page, a feed item, and a link from /days/.</summary>
public sealed class WeeklyDigestTests : IDisposable
{
    private readonly FixtureSite _site = new FixtureSite("title: T\nbase_url: https://example.org/\ndigest_size: 2\n")
        .Paper("low", "Low Votes", "[2026-11-23]", extra: "upvotes: 3")
        .Paper("high", "High Votes", "[2026-11-25]", extra: "upvotes: 90")
        .Paper("mid", "Mid Votes", "[2026-11-29]", extra: "upvotes: 40")
        .Paper("open", "This Week's Paper", "[2026-12-01]", extra: "upvotes: 500")
        .BuildOk();

    public void Dispose() => _site.Dispose();

    [Fact]
    public void A_closed_week_has_a_page_with_its_digest_size_most_upvoted_papers_in_order()
    {
        var page = _site.Html("top/week/2026-W48/index.html");
        Assert.Equal(["High Votes", "Mid Votes"], page.QuerySelectorAll("main article h2").Select(h => h.TextContent.Trim()));
        Assert.Contains("these are the 2 most upvoted", page.QuerySelector(".lede")!.TextContent);
        // The week of the newest day is still open: no page, no item.
        Assert.False(_site.Exists("top/week/2026-W49/index.html"));
    }

    [Fact]
    public void The_weekly_feed_has_one_item_per_closed_week_and_days_links_the_newest()
    {
        var rss = XDocument.Parse(_site.Text("digest/weekly.xml"));
        var item = Assert.Single(rss.Descendants("item"));
        Assert.Equal("https://example.org/top/week/2026-W48/", item.Element("link")!.Value);
        Assert.Equal("Mon, 30 Nov 2026 00:00:00 Z", item.Element("pubDate")!.Value); // the day after the week
        var description = item.Element("description")!.Value;
        Assert.True(description.IndexOf("High Votes", StringComparison.Ordinal) < description.IndexOf("Mid Votes", StringComparison.Ordinal));
        Assert.DoesNotContain("Low Votes", description);

        var days = _site.Html("days/index.html");
        Assert.Contains(days.QuerySelectorAll("main a"), a => a.GetAttribute("href") == "/top/week/2026-W48/");
    }
}
