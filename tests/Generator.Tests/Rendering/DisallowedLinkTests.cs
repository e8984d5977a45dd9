using AngleSharp.Dom;
using PaperTrail.Tests.Support;

namespace PaperTrail.Tests.Rendering;

/// <summary>
/// A link or image an abstract may not have becomes its text, once, where it stood: on the paper's
/// page, in its card and in its description. (It came out twice: "Figure oneFigure one".)
/// </summary>
public sealed class DisallowedLinkTests : IDisposable
{
    private const string Abstract =
        "See [Figure one](javascript:alert(1)), ![Chart two](https://example.com/chart.png), " +
        "[*Table* three](data:text/html,x) and [the code](https://example.com/code).";

    private readonly FixtureSite _site = new FixtureSite()
        .Paper("links", "A Paper With Links", "[2026-11-28]", Abstract, extra: "topics: [diffusion-models]")
        .BuildOk();

    public void Dispose() => _site.Dispose();

    private static int Count(string text, string part) => text.Split(part).Length - 1;

    [Fact]
    public void The_paper_page_shows_each_text_once_and_only_the_allowed_link()
    {
        var section = _site.Html("papers/links/index.html").QuerySelector("section.abstract")!;
        var text = section.TextContent;

        Assert.Contains("See Figure one, Chart two, Table three and the code.", text);
        foreach (var part in new[] { "Figure one", "Chart two", "Table three", "the code" }) Assert.Equal(1, Count(text, part));
        Assert.Equal("Table", Assert.Single(section.QuerySelectorAll("em")).TextContent); // its emphasis kept
        Assert.Empty(section.QuerySelectorAll("img"));
        Assert.Equal(["https://example.com/code"], section.QuerySelectorAll("a").Select(a => a.GetAttribute("href")));
    }

    [Fact]
    public void A_link_made_text_leaves_an_autolink_before_it_neutralised_too()
    {
        using var site = new FixtureSite()
            .Paper("auto", "Autolink First", "[2026-11-28]", "<javascript:alert(1)> and [Figure one](javascript:x) and <https://example.com/ok>.")
            .BuildOk();

        var section = site.Html("papers/auto/index.html").QuerySelector("section.abstract")!;

        Assert.Equal(["https://example.com/ok"], section.QuerySelectorAll("a").Select(a => a.GetAttribute("href")));
        Assert.Contains("javascript:alert(1) and Figure one and", section.TextContent);
    }

    [Theory]
    [InlineData("papers/links/index.html", "meta[name='description']")]
    [InlineData("papers/links/index.html", "meta[property='og:description']")]
    public void The_description_has_each_text_once(string page, string selector)
    {
        var description = _site.Html(page).QuerySelector(selector)!.GetAttribute("content")!;
        Assert.StartsWith("See Figure one, Chart two, Table three and the code.", description);
        Assert.Equal(1, Count(description, "Figure one"));
    }

    [Fact]
    public void The_card_on_the_home_page_has_each_text_once()
    {
        var card = _site.Html("index.html").QuerySelectorAll("article").Single(a => a.TextContent.Contains("A Paper With Links"));
        Assert.Equal(1, Count(card.TextContent, "Figure one"));
        Assert.Equal(1, Count(card.TextContent, "Chart two"));
    }
}
