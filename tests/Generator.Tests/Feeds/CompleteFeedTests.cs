using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using AngleSharp.Html.Parser;
using PaperTrail.Tests.Support;

namespace PaperTrail.Tests.Feeds;

/// <summary>
/// A subscriber who polls every other day misses nothing: on real days, every paper of the last two
/// trending days is in the site feeds and in each of its topics' feeds, in the day pages' order, with
/// the links a reader acts on; and the monthly archives (RFC 5005) page back through every paper once.
/// </summary>
public sealed partial class CompleteFeedTests(CorpusSlice slice) : IClassFixture<CorpusSlice>
{
    private static readonly XNamespace Atom = CorpusSlice.Atom;
    private static readonly HtmlParser Parser = new();

    /// <summary>A day page's papers in the order it shows them, each with the topics its card links to.</summary>
    private List<(string Slug, List<string> Topics)> DayPage(string day)
    {
        var page = Parser.ParseDocument(slice.Text($"days/{day}/index.html"));
        return page.QuerySelectorAll("main article").Select(card =>
        {
            var slug = PaperSlug().Match(card.QuerySelector("a[href*='/papers/']")!.GetAttribute("href")!).Groups[1].Value;
            var topics = card.QuerySelectorAll("a[href*='/topics/']")
                .Select(a => TopicSlug().Match(a.GetAttribute("href")!).Groups[1].Value).Distinct().ToList();
            return (slug, topics);
        }).ToList();
    }

    private static string Slug(string url) => PaperSlug().Match(url).Groups[1].Value;

    private List<string> RssSlugs(string path) =>
        slice.Xml(path).Descendants("item").Select(i => Slug(i.Element("link")!.Value)).ToList();

    private List<string> AtomSlugs(string path) =>
        slice.Xml(path).Root!.Elements(Atom + "entry").Select(e => Slug(e.Element(Atom + "id")!.Value)).ToList();

    private List<string> JsonSlugs(string path)
    {
        using var json = JsonDocument.Parse(slice.Text(path));
        return json.RootElement.GetProperty("items").EnumerateArray().Select(i => Slug(i.GetProperty("url").GetString()!)).ToList();
    }

    [Fact]
    public void The_site_feeds_hold_the_last_two_days_entire_in_the_day_pages_order()
    {
        var newest = DayPage("2026-07-17").Select(p => p.Slug).ToList();
        var before = DayPage("2026-06-29").Select(p => p.Slug).Where(s => !newest.Contains(s)).ToList();
        Assert.True(newest.Count + before.Count > 30, "the two days hold more papers than feed_size, or the test proves nothing");
        List<string> expected = [.. newest, .. before];

        foreach (var feed in new[] { RssSlugs("feed.xml"), AtomSlugs("atom.xml"), JsonSlugs("feed.json") })
        {
            Assert.Equal(expected, feed.Take(expected.Count));
            Assert.Equal(feed.Count, feed.Distinct().Count());
        }
    }

    [Fact]
    public void Every_paper_of_the_last_two_days_is_in_each_of_its_topics_feeds()
    {
        var checkedPairs = 0;
        foreach (var day in new[] { "2026-07-17", "2026-06-29" })
            foreach (var (slug, topics) in DayPage(day))
                foreach (var topic in topics)
                {
                    Assert.Contains(slug, RssSlugs($"topics/{topic}/feed.xml"));
                    Assert.Contains(slug, AtomSlugs($"topics/{topic}/atom.xml"));
                    checkedPairs++;
                }
        Assert.True(checkedPairs > 40, $"only {checkedPairs} paper-topic pairs checked");
    }

    [Fact]
    public void A_readers_sort_by_date_keeps_the_days_order()
    {
        var updated = slice.Xml("atom.xml").Root!.Elements(Atom + "entry")
            .Select(e => DateTimeOffset.Parse(e.Element(Atom + "updated")!.Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(updated.OrderByDescending(d => d), updated);
        Assert.Equal(updated.Count, updated.Distinct().Count());
        Assert.Equal(new DateTimeOffset(2026, 7, 17, 23, 59, 0, TimeSpan.Zero), updated[0]);
    }

    [Fact]
    public void Items_carry_arxiv_pdf_code_and_topic_links_and_the_upvotes_with_their_day()
    {
        var items = slice.Xml("feed.xml").Descendants("item").ToList();
        foreach (var item in items)
        {
            var html = Parser.ParseDocument(item.Element("description")!.Value);
            var hrefs = html.QuerySelectorAll("a").Select(a => a.GetAttribute("href")!).ToList();
            Assert.Contains(hrefs, h => h.StartsWith("https://arxiv.org/abs/", StringComparison.Ordinal));
            Assert.Contains(hrefs, h => h.StartsWith("https://arxiv.org/pdf/", StringComparison.Ordinal));
            Assert.Contains(hrefs, h => h.StartsWith("https://example.org/topics/", StringComparison.Ordinal));
            Assert.Matches(@"\d+ upvotes? as of 2026-\d\d-\d\d", html.Body!.TextContent);
        }
        Assert.Contains(items, i => i.Element("description")!.Value.Contains(">Code</a>", StringComparison.Ordinal));
    }

    [Fact]
    public void The_monthly_archives_page_back_through_every_paper_exactly_once()
    {
        var all = Directory.GetFiles(Path.Combine(slice.Output, "papers"), "index.html", SearchOption.AllDirectories)
            .Select(f => Path.GetFileName(Path.GetDirectoryName(f)!)!).ToHashSet();
        var (site, siteTopics) = PageBack("atom.xml");
        Assert.Equal(all.Count, site.Count);
        Assert.Equal(all, site.ToHashSet());

        // Each topic's archives hold exactly the papers the site's archives file under that topic.
        var topics = Directory.GetDirectories(Path.Combine(slice.Output, "topics")).Where(d => File.Exists(Path.Combine(d, "atom.xml"))).ToList();
        Assert.NotEmpty(topics);
        foreach (var folder in topics)
        {
            var slug = Path.GetFileName(folder);
            var (papers, _) = PageBack($"topics/{slug}/atom.xml");
            Assert.Equal(papers.Count, papers.Distinct().Count());
            var name = slice.Xml($"topics/{slug}/atom.xml").Root!.Element(Atom + "title")!.Value.Split(" · ")[0];
            Assert.Equal(siteTopics.Where(p => p.Value.Contains(name)).Select(p => p.Key).ToHashSet(), papers.ToHashSet());
        }
    }

    /// <summary>Follows prev-archive from a subscription feed to the oldest month, checking each archive document on the way.</summary>
    private (List<string> Papers, Dictionary<string, HashSet<string>> Topics) PageBack(string feed)
    {
        var papers = new List<string>();
        var topics = new Dictionary<string, HashSet<string>>();
        var current = "https://example.org/" + feed;
        var next = Link(slice.Xml(feed), "prev-archive");
        var months = new List<string>();
        while (next is not null)
        {
            var path = CorpusSlice.PathOf(next);
            Assert.Matches(@"/\d{4}/\d\d/atom\.xml$", "/" + path);
            var archive = slice.Xml(path);
            Assert.NotNull(archive.Root!.Element(CorpusSlice.History + "archive"));
            Assert.Equal(current, Link(archive, "current"));
            foreach (var entry in archive.Root.Elements(Atom + "entry"))
            {
                var slug = Slug(entry.Element(Atom + "id")!.Value);
                papers.Add(slug);
                topics[slug] = entry.Elements(Atom + "category").Select(c => c.Attribute("term")!.Value).ToHashSet();
                Assert.StartsWith(path[^16..^9].Replace('/', '-'), entry.Element(Atom + "published")!.Value, StringComparison.Ordinal);
            }
            months.Add(path);
            next = Link(archive, "prev-archive");
        }
        Assert.Equal(months.Count, months.Distinct().Count());
        return (papers, topics);
    }

    private static string? Link(XDocument feed, string rel) =>
        feed.Root!.Elements(Atom + "link").FirstOrDefault(l => (string?)l.Attribute("rel") == rel)?.Attribute("href")!.Value;

    [GeneratedRegex(@"/papers/([^/]+)/")]
    private static partial Regex PaperSlug();

    [GeneratedRegex(@"/topics/([^/]+)/")]
    private static partial Regex TopicSlug();
}
