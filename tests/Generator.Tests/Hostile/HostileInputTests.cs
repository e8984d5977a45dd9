using System.Text.Json;
using System.Xml.Linq;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using PaperTrail.Content;
using PaperTrail.Ingest;
using PaperTrail.Tests.Support;

namespace PaperTrail.Tests.Hostile;

/// <summary>
/// Everything scraped is untrusted: hostile records are neutralised and kept, round-trip through
/// the archive, and nothing executable from them reaches a page, an attribute, a feed or JSON.
/// </summary>
public sealed class HostileInputTests(HostileSite site) : IClassFixture<HostileSite>
{
    private static readonly HtmlParser Parser = new();

    private List<Paper> Papers()
    {
        var problems = new List<ContentProblem>();
        var papers = ArchiveLoader.LoadPapers(site.Content, problems).Select(f => f.Paper).ToList();
        Assert.Empty(problems);
        return papers;
    }

    [Fact]
    public void Every_record_with_a_usable_title_is_kept_and_only_the_unusable_one_skipped()
    {
        Assert.True(site.Ingest.ExitCode == 0, site.Ingest.ToString());
        // 18 records + broken-bytes title + dangling title = 20; one duplicate merges; one has no usable title.
        Assert.Contains("18 new, 0 updated, 1 unchanged, 1 skipped, 2 links dropped", site.Ingest.Output);
        Assert.Matches(@"hostile\.txt:\d+: skipped: no usable title", site.Ingest.Errors);
        Assert.Equal(18, Papers().Count);
    }

    [Fact]
    public void Titles_round_trip_through_the_markdown_files_minus_what_cleaning_removes()
    {
        var titles = Papers().Select(p => p.Title).ToHashSet();
        var expected = HostileScrape.Records
            .Select(r => TextCleaner.Clean(r.Title))
            .Where(TextCleaner.IsUsableTitle)
            .Select(t => FieldLimits.Cut(t, FieldLimits.TitleLength)) // the 5,000-character title, reported
            .Where(t => t != "DUPLICATE paper!")
            .Append(HostileScrape.InvalidUtf8TitleCleaned)
            .Append(HostileScrape.DanglingTitle);
        foreach (var title in expected) Assert.Contains(title, titles);
        Assert.Matches(@"warning: .*hostile\.txt:\d+: the title ""Long representation .*…"" was cut to 1,000 characters \(it had 4,999\); the paper is kept", site.Ingest.Errors);
        Assert.Contains("Template {{ 7 * 7 }} and {% if true %}yes{% endif %} {{ site.title }}", titles);
        Assert.Contains("Bidi gnp.exe Zerowidth Isolates", titles);
        Assert.Contains("Control[31m Characters", titles);
    }

    [Fact]
    public void Slugs_are_safe_file_names_inside_the_archive()
    {
        foreach (var paper in Papers())
        {
            Assert.True(Slug.IsValid(paper.Slug), paper.Slug);
            Assert.DoesNotContain("..", paper.Slug);
        }
        Assert.Contains(Papers(), p => p.Slug == "etc-passwd");
        Assert.Contains(Papers(), p => p.Slug == "con-paper");
        var files = Directory.GetFiles(site.Content, "*", SearchOption.AllDirectories);
        Assert.All(files, f => Assert.StartsWith(Path.GetFullPath(site.Content), Path.GetFullPath(f)));
    }

    [Fact]
    public void Template_syntax_shows_literally_on_the_page()
    {
        Assert.True(site.Build.ExitCode == 0, site.Build.ToString());
        var slug = Papers().Single(p => p.Title.StartsWith("Template", StringComparison.Ordinal)).Slug;
        var page = Parser.ParseDocument(File.ReadAllText(Path.Combine(site.Output, "papers", slug, "index.html")));
        Assert.Equal("Template {{ 7 * 7 }} and {% if true %}yes{% endif %} {{ site.title }}", page.QuerySelector("h1")!.TextContent);
        Assert.Contains("{% raw %}{{ 7 * 7 }}{% endraw %}", page.QuerySelector("section.abstract")!.TextContent);
    }

    [Fact]
    public void No_page_holds_anything_executable()
    {
        Assert.True(site.Build.ExitCode == 0, site.Build.ToString());
        var pages = site.Files("*.html").ToList();
        Assert.True(pages.Count > 17);
        foreach (var file in pages)
            AssertInert(Parser.ParseDocument(File.ReadAllText(file)), file);
    }

    [Fact]
    public void Json_ld_blocks_stay_closed_and_parse()
    {
        foreach (var file in site.Files("index.html").Where(f => f.Contains("/papers/")))
        {
            var html = File.ReadAllText(file);
            var doc = Parser.ParseDocument(html);
            var block = Assert.Single(doc.QuerySelectorAll("script:not([src])"));
            Assert.Equal("application/ld+json", block.GetAttribute("type"));
            using var json = JsonDocument.Parse(block.TextContent);
            Assert.Equal("ScholarlyArticle", json.RootElement.GetProperty("@type").GetString());
            Assert.Equal(doc.QuerySelector("h1")!.TextContent, json.RootElement.GetProperty("name").GetString());
        }
    }

    [Fact]
    public void Feeds_are_well_formed_and_their_html_is_inert()
    {
        Assert.True(site.Build.ExitCode == 0, site.Build.ToString());
        XNamespace atom = "http://www.w3.org/2005/Atom";
        foreach (var file in site.Files("*.xml"))
        {
            var xml = XDocument.Parse(File.ReadAllText(file)); // throws if not well-formed
            var html = xml.Descendants("description").Concat(xml.Descendants(atom + "summary")).Select(e => e.Value);
            foreach (var fragment in html) AssertInert(Parser.ParseDocument("<body>" + fragment), file);
        }
        using var feed = JsonDocument.Parse(File.ReadAllText(Path.Combine(site.Output, "feed.json")));
        foreach (var item in feed.RootElement.GetProperty("items").EnumerateArray())
            AssertInert(Parser.ParseDocument("<body>" + item.GetProperty("content_html").GetString()), "feed.json");
    }

    [Fact]
    public void Abstracts_keep_only_web_and_mail_links()
    {
        var slug = Papers().Single(p => p.Title == "Links In The Abstract").Slug;
        var page = Parser.ParseDocument(File.ReadAllText(Path.Combine(site.Output, "papers", slug, "index.html")));
        var hrefs = page.QuerySelectorAll("section.abstract a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(["https://arxiv.org/abs/2303.08797", "mailto:someone@example.org"], hrefs);
    }

    [Fact]
    public void Links_into_the_site_itself_are_dropped_at_ingest_and_the_build_passes()
    {
        Assert.Matches(@"ingest: dropped link https://example\.org/no-such-page/ from ""Links Into This Site"" \(.*hostile\.txt:\d+\)", site.Ingest.Output);
        Assert.Contains("ingest: dropped link https://example.org:8443/gone from", site.Ingest.Output);
        var paper = Papers().Single(p => p.Title == "Links Into This Site");
        Assert.Equal("a missing page https://EXAMPLE.org:8443/gone and [arXiv](https://arxiv.org/abs/2303.08797) kept.", paper.Abstract);
        Assert.True(site.Build.ExitCode == 0, site.Build.ToString());
        var page = Parser.ParseDocument(File.ReadAllText(Path.Combine(site.Output, "papers", paper.Slug, "index.html")));
        Assert.Equal(["https://arxiv.org/abs/2303.08797"], page.QuerySelectorAll("section.abstract a").Select(a => a.GetAttribute("href")));
    }

    /// <summary>No script but JSON-LD and the theme's own, no event handler, no embedded document, no URL that runs.</summary>
    private static void AssertInert(IDocument doc, string where)
    {
        foreach (var script in doc.QuerySelectorAll("script"))
            Assert.True(script.GetAttribute("type") == "application/ld+json" || IsThemeScript(script), $"{where}: executable <script>");
        Assert.True(doc.QuerySelectorAll("svg:not(.chart), iframe, object, embed, img, form, base, meta[http-equiv]").Length == 0, $"{where}: active element");
        // The build's own chart: bars and a title, nothing else.
        Assert.All(doc.QuerySelectorAll("svg.chart *"), e => Assert.True(e.LocalName is "title" or "rect", $"{where}: <{e.LocalName}> in a chart"));
        foreach (var element in doc.All)
        {
            foreach (var attribute in element.Attributes)
            {
                Assert.False(attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase), $"{where}: handler {attribute.Name} on <{element.LocalName}>");
                if (attribute.Name is "href" or "src" or "action" or "formaction" or "xlink:href")
                {
                    var value = attribute.Value.Trim();
                    var scheme = value.Contains(':') ? value[..value.IndexOf(':')].ToLowerInvariant() : "";
                    Assert.True(scheme is "" or "http" or "https" or "mailto", $"{where}: {attribute.Name}=\"{value}\"");
                }
            }
        }
    }

    /// <summary>The theme's reading list: a module from the site's own assets, with no code of the page's.</summary>
    private static bool IsThemeScript(IElement script) =>
        script.GetAttribute("type") == "module"
        && script.GetAttribute("src") is { } src && src.StartsWith("/assets/reading.", StringComparison.Ordinal) && src.EndsWith(".js", StringComparison.Ordinal)
        && script.TextContent.Length == 0;
}
