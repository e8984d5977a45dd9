using System.Xml.Linq;
using PaperTrail.Tests.Support;

namespace PaperTrail.Tests.Feeds;

/// <summary>The weekly digest: a closed week's <c>digest_size</c> most upvoted papers as a feed item, linking to the week's page; /days/ links the newest week.</summary>
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
    public void A_week_page_lists_the_weeks_papers_most_upvoted_first_not_cut_to_the_digest_size()
    {
        var page = _site.Html("top/week/2026-W48/index.html");
        Assert.Equal(["High Votes", "Mid Votes", "Low Votes"], page.QuerySelectorAll("main article h2").Select(h => h.TextContent.Trim()));
        // The week of the newest day has its page too, saying it is not over.
        var open = _site.Html("top/week/2026-W49/index.html");
        Assert.StartsWith("So far, 1 paper trended", open.QuerySelector(".lede")!.TextContent);
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
        Assert.Contains(days.QuerySelectorAll("main a"), a => a.GetAttribute("href") == "/top/week/2026-W49/");
    }
}
