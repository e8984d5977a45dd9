using System.Text.Json;
using System.Xml.Linq;
using PaperTrail.Tests.Support;

namespace PaperTrail.Tests.Pipelines;

/// <summary>What a feed reader gets: valid RSS, Atom and JSON Feed, stable ids, the right items.</summary>
public sealed class FeedTests : IDisposable
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    private readonly FixtureSite _site = new FixtureSite()
        .Paper("p1", "Paper One", "[2026-11-24]", extra: "topics: [diffusion-models]")
        .Paper("p2", "Paper Two", "[2026-11-25]", extra: "topics: [reinforcement-learning]\nauthors: [Ada Lovelace, Alan Turing]")
        .Paper("p3", "Paper Three", "[2026-11-26]", extra: "topics: [diffusion-models]")
        .Paper("p4", "Paper Four", "[2026-11-27]", "Four *emphasised* words.", extra: "topics: [diffusion-models]")
        .BuildOk();

    public void Dispose() => _site.Dispose();

    [Fact]
    public void Rss_has_the_latest_feed_size_items_newest_first_with_permalink_guids()
    {
        var rss = XDocument.Parse(_site.Text("feed.xml"));
        Assert.Equal("2.0", rss.Root!.Attribute("version")!.Value);
        var items = rss.Descendants("item").ToList();
        Assert.Equal(["Paper Four", "Paper Three", "Paper Two"], items.Select(i => i.Element("title")!.Value));
        Assert.Equal("https://example.org/papers/p4/", items[0].Element("guid")!.Value);
        Assert.Equal("https://example.org/papers/p4/", items[0].Element("link")!.Value);
        Assert.Equal("Fri, 27 Nov 2026 23:59:00 Z", items[0].Element("pubDate")!.Value); // the first of its day: 23:59
        Assert.Contains("<em>emphasised</em>", items[0].Element("description")!.Value);
        Assert.Equal("https://example.org/feed.xml",
            rss.Descendants(Atom + "link").Single(l => (string?)l.Attribute("rel") == "self").Attribute("href")!.Value);
    }

    [Fact]
    public void Atom_has_ids_updated_self_link_and_entries()
    {
        var atom = XDocument.Parse(_site.Text("atom.xml"));
        Assert.Equal("https://example.org/atom.xml", atom.Root!.Element(Atom + "id")!.Value);
        Assert.Equal("2026-11-27T23:59:00Z", atom.Root.Element(Atom + "updated")!.Value);
        var entries = atom.Root.Elements(Atom + "entry").ToList();
        Assert.Equal(["https://example.org/papers/p4/", "https://example.org/papers/p3/", "https://example.org/papers/p2/"],
            entries.Select(e => e.Element(Atom + "id")!.Value));
        Assert.Equal(["Ada Lovelace", "Alan Turing"], entries[2].Elements(Atom + "author").Select(a => a.Element(Atom + "name")!.Value));
    }

    [Fact]
    public void Json_feed_is_version_1_1_with_the_same_items()
    {
        using var json = JsonDocument.Parse(_site.Text("feed.json"));
        var root = json.RootElement;
        Assert.Equal("https://jsonfeed.org/version/1.1", root.GetProperty("version").GetString());
        Assert.Equal("https://example.org/feed.json", root.GetProperty("feed_url").GetString());
        var items = root.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(["https://example.org/papers/p4/", "https://example.org/papers/p3/", "https://example.org/papers/p2/"],
            items.Select(i => i.GetProperty("id").GetString()));
        Assert.Equal("2026-11-27T23:59:00Z", items[0].GetProperty("date_published").GetString());
    }

    [Fact]
    public void Topic_feeds_carry_only_that_topics_papers()
    {
        var rss = XDocument.Parse(_site.Text("topics/diffusion-models/feed.xml"));
        Assert.Equal(["Paper Four", "Paper Three", "Paper One"], rss.Descendants("item").Select(i => i.Element("title")!.Value));
        var atom = XDocument.Parse(_site.Text("topics/reinforcement-learning/atom.xml"));
        Assert.Equal(["Paper Two"], atom.Descendants(Atom + "entry").Select(e => e.Element(Atom + "title")!.Value));
        Assert.Equal("https://example.org/topics/reinforcement-learning/atom.xml", atom.Root!.Element(Atom + "id")!.Value);
    }

    [Fact]
    public void An_empty_topic_feed_carries_no_date_but_the_one_atom_requires_the_archives_newest_day()
    {
        var atom = XDocument.Parse(_site.Text("topics/other/atom.xml"));
        Assert.Empty(atom.Descendants(Atom + "entry"));
        Assert.Equal("2026-11-27T00:00:00Z", atom.Root!.Element(Atom + "updated")!.Value);
        var rss = XDocument.Parse(_site.Text("topics/other/feed.xml"));
        Assert.Empty(rss.Descendants("item"));
        Assert.Null(rss.Descendants("lastBuildDate").SingleOrDefault());
        foreach (var feed in Directory.GetFiles(_site.Output, "*.xml", SearchOption.AllDirectories))
            Assert.DoesNotContain("1970", File.ReadAllText(feed));
    }

    [Fact]
    public void The_build_summary_gives_the_feeds_sizes()
    {
        _site.Paper("p5", "Paper Five", "[2026-11-27]", extra: "topics: [diffusion-models]");
        var result = _site.Build();
        // Whole days: the newest holds 2 papers, the one before 1: two whole days make feed_size's 3 items.
        Assert.True(result.Output.Contains("feeds: the site's 3 items (2 days), topic feeds 0 to 3 items, 3 monthly archives, 0 authors' feeds", StringComparison.Ordinal), result.Output);
    }

    [Fact]
    public void Opml_lists_every_topic_feed()
    {
        var opml = XDocument.Parse(_site.Text("topics/opml.xml"));
        Assert.Equal(
            ["https://example.org/topics/diffusion-models/feed.xml", "https://example.org/topics/reinforcement-learning/feed.xml", "https://example.org/topics/other/feed.xml"],
            opml.Descendants("outline").Select(o => o.Attribute("xmlUrl")!.Value));
    }

    [Fact]
    public void Ids_stay_the_same_when_the_archive_grows()
    {
        var before = XDocument.Parse(_site.Text("atom.xml")).Descendants(Atom + "id").Skip(1).Select(e => e.Value).ToList();
        _site.Paper("p5", "Paper Five", "[2026-11-28]").BuildOk();
        var after = XDocument.Parse(_site.Text("atom.xml")).Descendants(Atom + "id").Skip(1).Select(e => e.Value).ToList();
        Assert.Equal(before.Take(2), after.Skip(1).Take(2));
    }
}
