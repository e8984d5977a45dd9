using PaperTrail.Tests.Support;

namespace PaperTrail.Tests.Pipelines;

/// <summary>
/// What a reader scanning a list sees of each paper (issue 27): upvotes, first authors, organisation,
/// links, stars with their day, the source's summary labelled as the source's, the abstract one click
/// away; and titles with math rendered on pages and plain wherever markup cannot go.
/// </summary>
public sealed class ReaderCardTests : IDisposable
{
    private readonly FixtureSite _site = new();

    public ReaderCardTests()
    {
        _site.Paper("pi-bench", "$π$-Bench: 2-4$\\times$ faster agents", "[{day: 2026-11-28, rank: 2}]",
            "Agents run 2-4$\\times$ faster on $π$-Bench.",
            """
            authors: [Ada Lovelace, Alan Turing, Grace Hopper, Edsger Dijkstra, Barbara Liskov]
            arxiv: "2611.01234"
            links:
              code: "https://github.com/example/pi-bench"
              hf: "https://huggingface.co/papers/2611.01234"
            upvotes: 42
            ai_summary: "A benchmark of agents that act in a simulated shop."
            github_stars: 950
            github_stars_as_of: 2026-11-28
            organization: "Example Lab"
            """);
        _site.Paper("plain-paper", "A plain paper", "[{day: 2026-11-28, rank: 1}]", "Nothing special here.");
    }

    public void Dispose() => _site.Dispose();

    [Fact]
    public void A_days_card_shows_what_readers_look_for_and_folds_the_abstract()
    {
        _site.BuildOk();
        var card = _site.Html("days/2026-11-28/index.html").QuerySelectorAll("ol.cards > li .card")
            .Single(c => c.QuerySelector(".card-title a")!.GetAttribute("href")!.EndsWith("/papers/pi-bench/", StringComparison.Ordinal));

        var links = card.QuerySelectorAll(".card-links a").Select(a => a.TextContent).ToList();
        Assert.Equal(["arXiv", "PDF", "Code", "Hugging Face"], links);
        var facts = card.QuerySelector(".card-links")!.TextContent;
        Assert.Contains("▲ 42", facts);
        Assert.Contains("★ 950 (2026-11-28)", facts);
        Assert.Contains("A benchmark of agents that act in a simulated shop.", card.QuerySelector(".card-ai")!.TextContent);
        Assert.Contains("Summary by Hugging Face", card.QuerySelector(".card-ai")!.TextContent);

        var summary = card.QuerySelector("details.card-abstract > summary")!.TextContent;
        Assert.Contains("Ada Lovelace, Alan Turing, Grace Hopper +2", summary);
        Assert.Contains("Example Lab", summary);
        Assert.DoesNotContain("Edsger", summary);
        // The abstract is in the card but closed: one click, no script.
        var details = card.QuerySelector("details.card-abstract")!;
        Assert.False(details.HasAttribute("open"));
        Assert.Contains("Agents run", details.TextContent);
    }

    [Fact]
    public void The_paper_page_keeps_the_full_abstract_open_with_rank_stars_and_organisation()
    {
        _site.BuildOk();
        var page = _site.Html("papers/pi-bench/index.html");
        var abstractSection = page.QuerySelector("section.abstract")!;
        Assert.Null(abstractSection.Closest("details"));
        Assert.Contains("Agents run", abstractSection.TextContent);
        var facts = page.QuerySelector("dl.facts")!.TextContent;
        Assert.Contains("#2 on 2026-11-28", facts);
        Assert.Contains("950 as of 2026-11-28", facts);
        Assert.Contains("Example Lab", facts);
        Assert.Contains("Summary by Hugging Face", page.QuerySelector(".ai-summary")!.TextContent);
    }

    [Fact]
    public void Math_in_a_title_is_rendered_on_pages_and_plain_in_title_feeds_json_ld_and_bibtex()
    {
        _site.BuildOk();
        var page = _site.Html("papers/pi-bench/index.html");
        var h1 = page.QuerySelector("h1")!;
        Assert.DoesNotContain("$", h1.TextContent);
        Assert.NotNull(h1.QuerySelector("math, span.math")); // MathML with KaTeX, TeX marked up as math without it
        Assert.Equal("π-Bench: 2-4× faster agents", h1.GetAttribute("data-title"));
        Assert.StartsWith("π-Bench: 2-4× faster agents · ", page.Title);
        Assert.Contains("title = {{π-Bench: 2-4× faster agents}}", page.QuerySelector(".bibtex")!.TextContent);
        Assert.Contains("\"name\":\"\\u03C0-Bench: 2-4\\u00D7 faster agents\"", page.QuerySelector("script[type='application/ld+json']")!.TextContent);
        Assert.Contains("<title>π-Bench: 2-4× faster agents</title>", _site.Text("feed.xml"));
        Assert.DoesNotContain("$\\times$", page.QuerySelector("section.abstract")!.InnerHtml);

        var cardTitle = _site.Html("index.html").QuerySelector("a[href$='/papers/pi-bench/']")!;
        Assert.DoesNotContain("$", cardTitle.TextContent);
    }

    [Fact]
    public void Counts_of_one_are_singular()
    {
        using var single = new FixtureSite();
        single.Paper("only-one", "Only one", "[2026-11-28]").BuildOk();
        Assert.Contains("1 paper trended on this day.", single.Html("index.html").QuerySelector(".lede")!.TextContent);
        Assert.Contains("1 paper trended on this day.", single.Html("days/2026-11-28/index.html").QuerySelector(".lede")!.TextContent);
    }
}
