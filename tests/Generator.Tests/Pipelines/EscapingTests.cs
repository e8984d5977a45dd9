using System.Text.Json;
using System.Xml.Linq;
using PaperTrail.Tests.Support;

namespace PaperTrail.Tests.Pipelines;

/// <summary>A hostile title lands as text everywhere: page, attributes, feeds, JSON. Nothing runs.</summary>
public sealed class EscapingTests : IDisposable
{
    private const string Hostile = "<script>alert(1)</script> \"><svg onload=alert(2)> {{ 7 * 7 }} {% if true %}x{% endif %} & 'quote'";
    private const string HostileAbstract =
        "Raw <b>bold</b> <img src=x onerror=alert(3)> and [a link](javascript:alert(4)) and [ok](https://example.com/x) and ![img](https://example.com/i.png) and <javascript:alert(5)>.";

    private readonly FixtureSite _site = new FixtureSite()
        .Paper("hostile", Hostile, "[2026-11-28]", HostileAbstract, extra: "topics: [diffusion-models]")
        .BuildOk();

    public void Dispose() => _site.Dispose();

    [Theory]
    [InlineData("papers/hostile/index.html")]
    [InlineData("index.html")]
    [InlineData("days/2026-11-28/index.html")]
    [InlineData("topics/diffusion-models/index.html")]
    public void Pages_show_the_title_as_text_and_run_nothing(string page)
    {
        var doc = _site.Html(page);

        // No script but JSON-LD and the theme's own (the reading list), loaded from its assets.
        Assert.Empty(doc.QuerySelectorAll("script:not([type=\"application/ld+json\"]):not([src^=\"/assets/\"])"));
        Assert.All(doc.QuerySelectorAll("script[src]"), s => Assert.Equal("", s.TextContent));
        Assert.Empty(doc.QuerySelectorAll("svg:not(.chart)")); // the only SVG is the build's own chart
        Assert.All(doc.QuerySelectorAll("svg.chart *"), e => Assert.Contains(e.LocalName, new[] { "title", "rect" }));
        Assert.Empty(doc.QuerySelectorAll("img"));
        Assert.DoesNotContain(doc.All, e => e.Attributes.Any(a => a.Name.StartsWith("on", StringComparison.Ordinal)));
        Assert.Contains(doc.QuerySelectorAll("h1, h2 a"), e => e.TextContent == Hostile);
        Assert.DoesNotContain("49", doc.Body!.TextContent); // the template syntax was printed, not run
    }

    [Fact]
    public void A_hostile_title_reaches_zotero_whole_through_the_coins_of_a_list_page()
    {
        // "&" and "=" would end a key/value pair early, "%" start a broken escape, quotes end the attribute.
        var item = Assert.Single(ZoteroCoins.Read(_site.Html("days/2026-11-28/index.html")));
        Assert.Equal(Hostile, item.Title);
        using var odd = new FixtureSite().Paper("odd", "C++ & 100% = Q&A", "[2026-11-28]", extra: "authors: [\"O'Brien & Söhne\", \"Ünal\"]").BuildOk();
        var oddItem = Assert.Single(ZoteroCoins.Read(odd.Html("days/2026-11-28/index.html")));
        Assert.Equal("C   & 100% = Q&A", oddItem.Title); // Zotero reads every "+" as a space, however written
        Assert.Equal(["O'Brien & Söhne", "Ünal"], oddItem.Authors);
    }

    [Fact]
    public void Attributes_carry_the_title_literally()
    {
        var doc = _site.Html("papers/hostile/index.html");
        Assert.Equal(Hostile + " · Fixture Archive", doc.QuerySelector("meta[property='og:title']")!.GetAttribute("content"));
        Assert.Equal(Hostile + " · Fixture Archive", doc.Title);
    }

    [Fact]
    public void Abstracts_keep_raw_html_as_text_and_only_web_links()
    {
        var abstractSection = _site.Html("papers/hostile/index.html").QuerySelector("section.abstract")!;
        Assert.Empty(abstractSection.QuerySelectorAll("b, img"));
        Assert.Contains("<b>bold</b>", abstractSection.TextContent);
        var hrefs = abstractSection.QuerySelectorAll("a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(["https://example.com/x"], hrefs);
        Assert.Contains("a link", abstractSection.TextContent);
    }

    [Fact]
    public void Feeds_parse_and_carry_the_title_literally()
    {
        XNamespace atom = "http://www.w3.org/2005/Atom";
        Assert.Equal(Hostile, XDocument.Parse(_site.Text("feed.xml")).Descendants("item").Single().Element("title")!.Value);
        Assert.Equal(Hostile, XDocument.Parse(_site.Text("atom.xml")).Descendants(atom + "entry").Single().Element(atom + "title")!.Value);
        var json = _site.Text("feed.json");
        Assert.DoesNotContain("<script>", json);
        using var doc = JsonDocument.Parse(json);
        Assert.Equal(Hostile, doc.RootElement.GetProperty("items")[0].GetProperty("title").GetString());
    }
}
