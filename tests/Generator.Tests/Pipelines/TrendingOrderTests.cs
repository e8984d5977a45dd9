using System.Xml.Linq;
using AngleSharp.Html.Dom;
using PaperTrail.Tests.Support;

namespace PaperTrail.Tests.Pipelines;

/// <summary>
/// One order for a day's papers on every page and feed that lists them: upvotes (most first), then
/// the day's rank (none last), then title. Titles here are chosen so that alphabetical order, or
/// any other, gives a different list.
/// </summary>
public sealed class TrendingOrderTests : IDisposable
{
    private const string Diffusion = "topics: [diffusion-models]";

    private readonly FixtureSite _site = new FixtureSite("title: Order\nbase_url: https://example.org/\npage_size: 20\nfeed_size: 30\nauthor_min_papers: 0\n")
        .Paper("gamma", "Gamma", "[{day: 2026-11-28, rank: 9}]", extra: $"{Diffusion}\nupvotes: 50")
        .Paper("zeta", "Zeta", "[{day: 2026-11-28, rank: 5}]", extra: $"{Diffusion}\nupvotes: 10")
        .Paper("alpha", "Alpha", "[{day: 2026-11-28, rank: 2}]", extra: $"{Diffusion}\nupvotes: 10")
        .Paper("beta", "Beta", "[2026-11-28]", extra: $"{Diffusion}\nupvotes: 10")
        .Paper("delta", "Delta", "[{day: 2026-11-28, rank: 1}]", extra: Diffusion)
        .Paper("epsilon", "Epsilon", "[2026-11-28]", extra: Diffusion)
        .Paper("aardvark", "Aardvark", "[2026-11-28]", extra: Diffusion)
        // Its rank is a day's: 1 on the 27th, 8 on the 28th.
        .Paper("twice", "Twice", "[{day: 2026-11-27, rank: 1}, {day: 2026-11-28, rank: 8}]", extra: Diffusion)
        .Paper("older", "Older", "[{day: 2026-11-27, rank: 2}]", extra: Diffusion)
        .BuildOk();

    private static readonly string[] Nov28 = ["gamma", "alpha", "zeta", "beta", "delta", "twice", "aardvark", "epsilon"];
    private static readonly string[] Nov27 = ["twice", "older"];

    public void Dispose() => _site.Dispose();

    /// <summary>The papers a page's cards link to, in page order (the cards are articles; each links its paper once or more).</summary>
    private List<string> Cards(string page) =>
        _site.Html(page).QuerySelectorAll("article a[href^='/papers/']")
            .Select(a => a.GetAttribute("href")!.Split('/')[2]).Distinct().ToList();

    private List<string> AtomEntries(string feed) =>
        XDocument.Parse(_site.Text(feed)).Descendants(XName.Get("entry", "http://www.w3.org/2005/Atom"))
            .Select(e => e.Element(XName.Get("link", "http://www.w3.org/2005/Atom"))!.Attribute("href")!.Value.Split('/')[^2]).ToList();

    [Fact]
    public void A_day_page_lists_its_papers_by_upvotes_then_that_days_rank_then_title()
    {
        Assert.Equal(Nov28, Cards("days/2026-11-28/index.html"));
        Assert.Equal(Nov27, Cards("days/2026-11-27/index.html"));
    }

    [Fact]
    public void The_home_page_lists_the_newest_day_in_the_same_order() =>
        Assert.Equal(Nov28, Cards("index.html"));

    [Fact]
    public void A_topic_page_lists_newest_day_first_and_its_month_oldest_day_first_each_day_in_the_same_order()
    {
        // A paper is listed under its first day: twice belongs to the 27th here.
        var nov28 = Nov28.Where(s => s != "twice").ToArray();
        Assert.Equal([.. nov28, "twice", "older"], Cards("topics/diffusion-models/index.html"));
        // The month runs in the order its papers trended (its full pages keep their papers as it grows).
        Assert.Equal(["twice", "older", .. nov28], Cards("topics/diffusion-models/2026/11/index.html"));
    }

    [Fact]
    public void The_feeds_list_each_day_in_the_same_order()
    {
        string[] expected = [.. Nov28, "older"]; // a paper that trended twice is listed under its newest day
        Assert.Equal(expected, AtomEntries("atom.xml"));
        Assert.Equal(expected, AtomEntries("topics/diffusion-models/atom.xml"));
    }
}
