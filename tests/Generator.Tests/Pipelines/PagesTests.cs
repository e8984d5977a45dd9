using PaperTrail.Tests.Support;

namespace PaperTrail.Tests.Pipelines;

/// <summary>Each page kind, read as a reader's browser would.</summary>
public sealed class PagesTests : IDisposable
{
    private readonly FixtureSite _site = new FixtureSite()
        .Paper("old-diffusion", "Old Diffusion Paper", "[2026-11-26]", extra: "topics: [diffusion-models]")
        .Paper("rl-paper", "An RL Paper", "[2026-11-27, 2026-11-28]", extra: "topics: [reinforcement-learning]")
        .Paper("new-diffusion", "New Diffusion Paper", "[2026-11-28]", extra: "topics: [diffusion-models, reinforcement-learning]\nupvotes: 50")
        .Paper("unlabelled", "Unlabelled Paper", "[2026-11-28]")
        .BuildOk();

    public void Dispose() => _site.Dispose();

    private static List<string> CardTitles(AngleSharp.Html.Dom.IHtmlDocument doc) =>
        doc.QuerySelectorAll(".card-title a").Select(a => a.TextContent).ToList();

    [Fact]
    public void Home_shows_the_latest_day_most_upvoted_first_and_links_earlier_days()
    {
        var home = _site.Html("index.html");

        Assert.Equal("Trending on 2026-11-28", home.QuerySelector("h1")!.TextContent);
        Assert.Equal(["New Diffusion Paper", "An RL Paper", "Unlabelled Paper"], CardTitles(home));
        var earlier = home.QuerySelectorAll("nav.days li a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(["/days/2026-11-27/", "/days/2026-11-26/"], earlier);
    }

    [Fact]
    public void A_paper_page_has_its_title_as_only_h1_and_tags_only_its_own_topics()
    {
        var page = _site.Html("papers/new-diffusion/index.html");

        var h1 = Assert.Single(page.QuerySelectorAll("h1"));
        Assert.Equal("New Diffusion Paper", h1.TextContent);
        var tags = page.QuerySelectorAll("a[rel~=tag]").Select(a => (a.TextContent, a.GetAttribute("href"))).ToList();
        Assert.Equal([("Diffusion Models", "/topics/diffusion-models/"), ("Reinforcement Learning", "/topics/reinforcement-learning/")], tags);
        Assert.Equal("https://example.org/papers/new-diffusion/", page.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
        Assert.Equal("article", page.QuerySelector("meta[property='og:type']")!.GetAttribute("content"));
        Assert.Contains("/feed.xml", page.QuerySelectorAll("link[rel=alternate]").Select(l => l.GetAttribute("href")));
        Assert.Equal("50", page.QuerySelectorAll(".facts dt").First(dt => dt.TextContent == "Upvotes").NextElementSibling!.TextContent);
    }

    [Fact]
    public void A_paper_without_written_topics_gets_the_fallback_topic()
    {
        var tags = _site.Html("papers/unlabelled/index.html").QuerySelectorAll("a[rel~=tag]").Select(a => a.TextContent);
        Assert.Equal(["Other"], tags);
    }

    [Fact]
    public void Lists_link_topics_without_rel_tag()
    {
        Assert.Empty(_site.Html("index.html").QuerySelectorAll("a[rel~=tag]"));
        Assert.Empty(_site.Html("topics/diffusion-models/index.html").QuerySelectorAll("a[rel~=tag]"));
    }

    [Fact]
    public void Day_pages_list_their_papers_and_link_their_neighbours()
    {
        var middle = _site.Html("days/2026-11-27/index.html");
        Assert.Equal(["An RL Paper"], CardTitles(middle));
        Assert.Equal("/days/2026-11-26/", middle.QuerySelector("a[rel=prev]")!.GetAttribute("href"));
        Assert.Equal("/days/2026-11-28/", middle.QuerySelector("a[rel=next]")!.GetAttribute("href"));

        Assert.Null(_site.Html("days/2026-11-26/index.html").QuerySelector("a[rel=prev]"));
        Assert.Null(_site.Html("days/2026-11-28/index.html").QuerySelector("a[rel=next]"));
        // A paper that trended twice is on both days.
        Assert.Contains("An RL Paper", CardTitles(_site.Html("days/2026-11-28/index.html")));
    }

    [Fact]
    public void The_days_index_lists_every_day_newest_first()
    {
        var days = _site.Html("days/index.html").QuerySelectorAll(".day-list a").Select(a => a.TextContent).ToList();
        Assert.Equal(["2026-11-28", "2026-11-27", "2026-11-26"], days);
    }

    [Fact]
    public void The_topics_index_lists_every_topic_with_description_and_count_even_when_empty()
    {
        var items = _site.Html("topics/index.html").QuerySelectorAll(".topic-list li")
            .Select(li => (li.QuerySelector("h2")!.TextContent, li.QuerySelector(".card-meta")!.TextContent.Split(" · ")[0]))
            .ToList();
        Assert.Equal([("Diffusion Models", "2 papers"), ("Reinforcement Learning", "2 papers"), ("Other", "1 paper")], items);
        Assert.Contains("Denoising diffusion", _site.Text("topics/index.html"));
    }

    [Fact]
    public void The_404_page_is_not_indexed_and_links_home()
    {
        var page = _site.Html("404.html");
        Assert.Equal("noindex", page.QuerySelector("meta[name=robots]")!.GetAttribute("content"));
        Assert.Contains(page.QuerySelectorAll("main a"), a => a.GetAttribute("href") == "/");
    }

    [Fact]
    public void Sitemap_lists_every_page_but_404_and_the_saved_page_and_robots_points_at_it()
    {
        var sitemap = System.Xml.Linq.XDocument.Parse(_site.Text("sitemap.xml"));
        var locs = sitemap.Descendants().Where(e => e.Name.LocalName == "loc").Select(e => e.Value).ToList();
        Assert.Contains("https://example.org/", locs);
        Assert.Contains("https://example.org/papers/rl-paper/", locs);
        Assert.Contains("https://example.org/topics/diffusion-models/", locs);
        Assert.DoesNotContain(locs, l => l.Contains("404"));
        Assert.DoesNotContain("https://example.org/saved/", locs); // the reader's own list, nothing to index
        var htmlPages = Directory.GetFiles(_site.Output, "*.html", SearchOption.AllDirectories).Length;
        Assert.Equal(htmlPages - 2, locs.Count);
        Assert.Contains("Sitemap: https://example.org/sitemap.xml", _site.Text("robots.txt"));
    }

    [Fact]
    public void The_stylesheet_is_fingerprinted_and_linked()
    {
        var href = _site.Html("index.html").QuerySelector("link[rel=stylesheet]")!.GetAttribute("href")!;
        Assert.Matches(@"^/assets/style\.[0-9a-f]{8}\.css$", href);
        Assert.True(_site.Exists(href.TrimStart('/')));
    }
}

/// <summary>Past 50,000 URLs (here a limit of 2, to keep the test small) the sitemap splits under an index.</summary>
public sealed class SitemapIndexTests
{
    [Fact]
    public void Above_the_limit_sitemap_xml_is_an_index_of_parts_listing_every_page_once()
    {
        using var site = new FixtureSite().Paper("a", "A", "[2026-11-27]").Paper("b", "B", "[2026-11-28]");
        site.BuildOk();
        var problems = new List<PaperTrail.Content.ContentProblem>();
        var archive = PaperTrail.Content.ArchiveLoader.Load(site.Content, problems);
        var model = PaperTrail.Build.SiteModelBuilder.Build(archive, new PaperTrail.Topics.RuleClassifier(archive.Taxonomy), out _);
        var theme = new PaperTrail.Rendering.ThemeFiles(site.Themes, "default");
        var context = new PaperTrail.Pipelines.BuildContext(model, new PaperTrail.Rendering.TemplateSet(theme), PaperTrail.Rendering.ThemeAssets.Load(theme));
        var planned = new PaperTrail.Pipelines.IPipeline[] { new PaperTrail.Pipelines.HomePagePipeline(), new PaperTrail.Pipelines.PaperPagesPipeline(), new PaperTrail.Pipelines.DayPagesPipeline() }
            .SelectMany(p => p.Plan(context)).ToList();
        // The days' share cards and .bib files are planned with them, and are no pages to list.
        var pages = planned.Where(o => o.Kind == PaperTrail.Site.OutputKind.Page).ToList();
        Assert.Equal(2, planned.Count(o => o.Kind == PaperTrail.Site.OutputKind.Image));

        var sitemaps = PaperTrail.Pipelines.SitemapPipeline.Plan(context, planned, maxUrlsPerFile: 2).ToDictionary(o => o.Path, o => System.Xml.Linq.XDocument.Parse(System.Text.Encoding.UTF8.GetString(o.Render())));

        var index = sitemaps["sitemap.xml"];
        Assert.Equal("sitemapindex", index.Root!.Name.LocalName);
        var parts = index.Descendants().Where(e => e.Name.LocalName == "loc").Select(e => e.Value).ToList();
        Assert.Equal(6, pages.Count); // home, 2 papers, 2 days, the days index
        Assert.Equal(["https://example.org/sitemap-1.xml", "https://example.org/sitemap-2.xml", "https://example.org/sitemap-3.xml"], parts);
        var listed = sitemaps.Where(s => s.Key != "sitemap.xml").SelectMany(s => s.Value.Descendants().Where(e => e.Name.LocalName == "loc").Select(e => e.Value)).ToList();
        Assert.Equal(pages.Count, listed.Count);
        Assert.Equal(listed.Count, listed.Distinct().Count());
        Assert.All(sitemaps.Where(s => s.Key != "sitemap.xml"), s => Assert.InRange(s.Value.Descendants().Count(e => e.Name.LocalName == "url"), 1, 2));
    }
}
