using PaperTrail.Tests.Support;

namespace PaperTrail.Tests.Pipelines;

/// <summary>
/// What the build gives the reading list (issue 35): the /saved/ frame, the data each card and paper
/// page carries for it (escaped), site.yml's switch that takes it all away, and a page that a new
/// trending day leaves as it was. The script's behaviour is in Browser/ReadingListTests.
/// </summary>
public sealed class ReadingListPageTests : IDisposable
{
    private const string HostileAuthor = "Eve \"><script>alert(1)</script> O'Neil & Co";

    private readonly FixtureSite _site = new FixtureSite()
        .Paper("a", "Paper A", "[2026-11-27]", extra: $"topics: [diffusion-models]\nauthors: [Ada Lovelace, '{HostileAuthor.Replace("'", "''")}']")
        .Paper("b", "Paper B", "[2026-11-28]", extra: "topics: [diffusion-models]");

    public void Dispose() => _site.Dispose();

    [Fact]
    public void The_saved_page_is_a_frame_for_the_script_that_search_engines_skip()
    {
        _site.BuildOk();
        var saved = _site.Html("saved/index.html");

        Assert.Equal("noindex", saved.QuerySelector("meta[name=robots]")!.GetAttribute("content"));
        Assert.Contains("needs JavaScript", saved.QuerySelector("[data-saved-status]")!.TextContent);
        Assert.True(saved.QuerySelector("[data-saved-tools]")!.HasAttribute("hidden"));
        Assert.DoesNotContain("saved/", _site.Text("sitemap.xml"));
        // Every page loads the script and links the saved page, hidden until the script shows it.
        foreach (var page in new[] { "index.html", "days/2026-11-28/index.html", "papers/a/index.html", "topics/diffusion-models/index.html" })
        {
            var doc = _site.Html(page);
            Assert.Matches(@"^/assets/reading\.[0-9a-f]{8}\.js$", doc.QuerySelector("script[type=module]")!.GetAttribute("src"));
            var nav = doc.QuerySelector("[data-reading-nav]")!;
            Assert.True(nav.HasAttribute("hidden"), page);
            Assert.Equal("/saved/", nav.QuerySelector("a")!.GetAttribute("href"));
        }
    }

    [Fact]
    public void Cards_and_paper_pages_carry_the_papers_data_as_escaped_attributes()
    {
        _site.BuildOk();
        var card = _site.Html("days/2026-11-27/index.html").QuerySelector("article.card")!;
        var paper = _site.Html("papers/a/index.html").QuerySelector("article.paper")!;

        foreach (var article in new[] { card, paper })
        {
            Assert.Equal("a", article.GetAttribute("data-paper"));
            Assert.Equal("2026-11-27", article.GetAttribute("data-day"));
            Assert.Equal($"Ada Lovelace; {HostileAuthor}", article.GetAttribute("data-authors"));
        }
        Assert.Empty(_site.Html("days/2026-11-27/index.html").QuerySelectorAll("script:not([src]):not([type='application/ld+json'])"));
        Assert.False(_site.Html("days/2026-11-28/index.html").QuerySelector("article.card")!.HasAttribute("data-authors")); // none to list
    }

    [Fact]
    public void Reading_list_false_in_site_yml_leaves_no_trace_of_it()
    {
        _site.Write("content/site.yml", "title: Fixture Archive\nbase_url: https://example.org/\nreading_list: false\n");
        _site.BuildOk();

        Assert.False(_site.Exists("saved/index.html"));
        foreach (var page in new[] { "index.html", "days/2026-11-28/index.html", "papers/a/index.html", "404.html" })
        {
            var doc = _site.Html(page);
            Assert.Empty(doc.QuerySelectorAll("script[type=module], template#reading-controls, [data-reading-nav]"));
        }
    }

    [Fact]
    public void A_reading_list_that_is_not_true_or_false_is_refused_on_its_line()
    {
        _site.Write("content/site.yml", "title: Fixture Archive\nbase_url: https://example.org/\nreading_list: maybe\n");
        var build = _site.Build();

        Assert.True(build.ExitCode == 1, build.ToString());
        Assert.Contains("site.yml:3: 'reading_list' has 'maybe': write true or false", build.Errors);
    }

    [Fact]
    public void A_new_trending_day_leaves_the_saved_page_untouched()
    {
        _site.BuildOk();
        var file = Path.Combine(_site.Output, "saved", "index.html");
        var (bytes, written) = (File.ReadAllBytes(file), File.GetLastWriteTimeUtc(file));

        _site.Paper("c", "Paper C", "[2026-11-29]", extra: "topics: [diffusion-models]");
        var rebuild = _site.Build("--verbose");

        Assert.True(rebuild.ExitCode == 0, rebuild.ToString());
        Assert.True(_site.Exists("days/2026-11-29/index.html"));
        Assert.Equal(bytes, File.ReadAllBytes(file));
        Assert.Equal(written, File.GetLastWriteTimeUtc(file)); // not written again
        Assert.Contains("changed: day: 2 rendered", rebuild.Output); // the verbose list names what was rendered…
        Assert.DoesNotContain("changed: saved", rebuild.Output); // …and the saved page is not in it
    }
}
