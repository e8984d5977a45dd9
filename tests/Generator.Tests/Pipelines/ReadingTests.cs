using System.Xml.Linq;
using PaperTrail.Tests.Support;

namespace PaperTrail.Tests.Pipelines;

/// <summary>Days and digests, math, long author lists, charts and scholarly metadata, as readers get them.</summary>
public sealed class ReadingTests : IDisposable
{
    private static readonly string ManyAuthors = "[" + string.Join(", ", Enumerable.Range(1, 12).Select(i => $"Author Number{i}")) + "]";

    private readonly FixtureSite _site = new FixtureSite()
        .Paper("october", "An October Paper", "[2026-10-30]", extra: "topics: [diffusion-models]\nupvotes: 99")
        .Paper("popular", "A Popular Paper", "[2026-11-24]", extra: "topics: [diffusion-models]\nupvotes: 300")
        .Paper("math", "Math In Abstracts", "[2026-11-28]",
            "It costs $5 and $10 to reach $\\mathcal{O}(n^2)$.\n\nA second paragraph.",
            extra: $"topics: [diffusion-models]\narxiv: \"2303.08797\"\npublished: 2023-03-15\nauthors: {ManyAuthors}\nupvotes: 12\ncategories: [cs.LG, stat.ML]");

    public void Dispose() => _site.Dispose();

    [Fact]
    public void The_days_index_groups_days_by_month_newest_first()
    {
        _site.BuildOk();
        var months = _site.Html("days/index.html").QuerySelectorAll("main section h2").Select(h => h.TextContent);
        Assert.Equal(["November 2026", "October 2026"], months);
    }

    [Fact]
    public void The_home_page_shows_this_weeks_most_upvoted_from_the_last_seven_days()
    {
        _site.BuildOk();
        var top = _site.Html("index.html").QuerySelectorAll(".week-top li a").Select(a => a.TextContent);
        Assert.Equal(["A Popular Paper", "Math In Abstracts"], top); // October is older than a week
    }

    [Fact]
    public void Without_upvotes_the_home_page_has_no_most_upvoted_list()
    {
        using var plain = new FixtureSite().Paper("a", "A", "[2026-11-28]");
        plain.BuildOk();
        Assert.Null(plain.Html("index.html").QuerySelector(".week-top"));
    }

    [Fact]
    public void The_daily_digest_has_one_item_per_day_listing_its_papers()
    {
        _site.BuildOk();
        var items = XDocument.Parse(_site.Text("digest.xml")).Descendants("item").ToList();
        Assert.Equal(["https://example.org/days/2026-11-28/", "https://example.org/days/2026-11-24/", "https://example.org/days/2026-10-30/"],
            items.Select(i => i.Element("link")!.Value));
        Assert.Equal("1 paper trending on 2026-11-28", items[0].Element("title")!.Value);
        Assert.Contains("<a href=\"https://example.org/papers/math/\">Math In Abstracts</a>", items[0].Element("description")!.Value);
    }

    [Fact]
    public void The_subscribe_page_explains_every_feed_and_is_linked_from_every_page()
    {
        _site.BuildOk();
        var page = _site.Html("subscribe/index.html");
        var links = page.QuerySelectorAll("main a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("/feed.xml", links);
        Assert.Contains("/digest.xml", links);
        Assert.Contains("/topics/opml.xml", links);
        Assert.Contains("https://example.org/digest.xml", page.QuerySelector("main code")!.TextContent);
        Assert.Contains(_site.Html("papers/math/index.html").QuerySelectorAll("nav a"), a => a.GetAttribute("href") == "/subscribe/");
    }

    [Fact]
    public void The_home_page_and_the_days_index_show_the_newest_day_and_no_footer_does()
    {
        _site.BuildOk();
        Assert.Equal("2026-11-28", _site.Html("index.html").QuerySelector("main h1 time")!.GetAttribute("datetime"));
        var newest = _site.Html("days/index.html").QuerySelector("main .lede a")!;
        Assert.Equal("/days/2026-11-28/", newest.GetAttribute("href"));
        Assert.Equal("2026-11-28", newest.QuerySelector("time")!.GetAttribute("datetime"));
        // A new day would otherwise change every page of the site (and the nightly would upload them all).
        foreach (var page in new[] { "index.html", "papers/october/index.html", "topics/index.html", "days/2026-10-30/index.html" })
            Assert.Null(_site.Html(page).QuerySelector("footer time"));
    }

    [NodeFact]
    public void Math_renders_as_mathml_and_a_lone_dollar_stays_text()
    {
        _site.BuildOk();
        var section = _site.Html("papers/math/index.html").QuerySelector("section.abstract")!;
        Assert.NotNull(section.QuerySelector("math annotation[encoding='application/x-tex']"));
        Assert.Equal("\\mathcal{O}(n^2)", section.QuerySelector("annotation")!.TextContent);
        Assert.Contains("It costs $5 and $10 to reach", section.TextContent);
        Assert.Empty(_site.Html("papers/math/index.html").QuerySelectorAll("script:not([type='application/ld+json']):not([src^='/assets/'])"));
    }

    [Fact]
    public void Abstracts_keep_their_paragraphs()
    {
        _site.BuildOk();
        Assert.Equal(2, _site.Html("papers/math/index.html").QuerySelectorAll("section.abstract p").Length);
    }

    [Fact]
    public void A_long_author_list_folds_behind_plus_n_more()
    {
        _site.BuildOk();
        var authors = _site.Html("papers/math/index.html").QuerySelector(".authors")!;
        Assert.Equal("Author Number1, Author Number2, Author Number3, Author Number4, Author Number5, Author Number6", authors.QuerySelector("p")!.TextContent);
        Assert.Equal("+6 more", authors.QuerySelector("details summary")!.TextContent);
        Assert.Contains("Author Number12", authors.QuerySelector("details")!.TextContent);
    }

    [Fact]
    public void A_topic_page_has_a_weekly_chart_with_a_text_alternative()
    {
        _site.BuildOk();
        var figure = _site.Html("topics/diffusion-models/index.html").QuerySelector("figure.chart-figure")!;
        var svg = figure.QuerySelector("svg")!;
        Assert.Equal("img", svg.GetAttribute("role"));
        var title = svg.QuerySelector("title")!.TextContent;
        Assert.Equal("3 Diffusion Models papers in the 26 weeks up to 2026-11-28; the busiest week, starting 2026-11-22, had 2.", title);
        Assert.Equal(3, svg.QuerySelectorAll("rect").Length); // two weeks with papers and the baseline
        Assert.Contains(title, figure.QuerySelector("figcaption")!.TextContent);
    }

    [Fact]
    public void Paper_pages_carry_citation_tags_json_ld_open_graph_and_bibtex()
    {
        _site.BuildOk();
        var page = _site.Html("papers/math/index.html");
        string Meta(string name) => page.QuerySelector($"meta[name='{name}']")!.GetAttribute("content")!;
        Assert.Equal("Math In Abstracts", Meta("citation_title"));
        Assert.Equal(12, page.QuerySelectorAll("meta[name='citation_author']").Length);
        Assert.Equal("2023/03/15", Meta("citation_publication_date"));
        Assert.Equal("2303.08797", Meta("citation_arxiv_id"));
        Assert.Equal("https://arxiv.org/pdf/2303.08797", Meta("citation_pdf_url"));
        Assert.Equal("https://example.org/papers/math/", page.QuerySelector("meta[property='og:url']")!.GetAttribute("content"));
        var bibtex = page.QuerySelector("pre.bibtex")!.TextContent;
        Assert.StartsWith("@misc{number12023math,", bibtex);
        Assert.Contains("eprint = {2303.08797}", bibtex);
        Assert.Contains("primaryClass = {cs.LG}", bibtex);
        Assert.Contains("author = {Author Number1 and Author Number2", bibtex);
    }
}
