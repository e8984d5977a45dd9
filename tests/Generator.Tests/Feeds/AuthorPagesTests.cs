using System.Xml.Linq;
using PaperTrail.Tests.Support;

namespace PaperTrail.Tests.Feeds;

/// <summary>A reader follows a person: authors with two trending papers get a page and feeds; paper pages link to them.</summary>
public sealed class AuthorPagesTests : IDisposable
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    // Two papers make a page here; the default is 10 (docs/feeds.md).
    private readonly FixtureSite _site = new FixtureSite("title: Fixture Archive\nbase_url: https://example.org/\ndescription: A test archive.\nlanguage: en\nauthor_min_papers: 2\n")
        .Paper("p1", "Paper One", "[2026-11-24]", extra: "authors: [Ada Lovelace, Grace Hopper, Jose Garcia]")
        .Paper("p2", "Paper Two", "[2026-11-25]", extra: "authors: [Ada  Lovelace, Alan Turing, Jose Garcia, José García]")
        .Paper("p3", "Paper Three", "[2026-11-26]", extra: "authors: [G. Hopper, Jose Garcia, José García]");

    public void Dispose() => _site.Dispose();

    private List<string> AuthorLinks(string paper) =>
        _site.Html($"papers/{paper}/index.html").QuerySelectorAll(".authors a").Select(a => $"{a.TextContent} {a.GetAttribute("href")}").ToList();

    [Fact]
    public void An_author_with_two_papers_has_a_page_and_feeds_newest_first_and_paper_pages_link_to_it()
    {
        _site.BuildOk();
        var page = _site.Html("authors/ada-lovelace/index.html");
        Assert.Equal("Ada Lovelace", page.QuerySelector("main h1")!.TextContent);
        Assert.Equal(["Paper Two", "Paper One"], page.QuerySelectorAll("main article h2").Select(h => h.TextContent.Trim()));
        var rss = XDocument.Parse(_site.Text("authors/ada-lovelace/feed.xml"));
        Assert.Equal(["Paper Two", "Paper One"], rss.Descendants("item").Select(i => i.Element("title")!.Value));
        var atom = XDocument.Parse(_site.Text("authors/ada-lovelace/atom.xml"));
        Assert.Equal(2, atom.Root!.Elements(Atom + "entry").Count());

        // Spaces tidied: "Ada  Lovelace" is Ada Lovelace; Alan Turing has one paper and no page.
        Assert.Contains("Ada  Lovelace /authors/ada-lovelace/", AuthorLinks("p2"));
        Assert.DoesNotContain(AuthorLinks("p2"), l => l.StartsWith("Alan Turing", StringComparison.Ordinal));
        Assert.False(_site.Exists("authors/alan-turing/index.html"));
        // Grace Hopper and G. Hopper are two people until authors.yml says otherwise.
        Assert.False(_site.Exists("authors/grace-hopper/index.html"));
    }

    [Fact]
    public void Two_names_with_one_slug_the_one_with_more_papers_keeps_it()
    {
        _site.BuildOk();
        Assert.Equal("Jose Garcia", _site.Html("authors/jose-garcia/index.html").QuerySelector("main h1")!.TextContent);
        Assert.Equal("José García", _site.Html("authors/jose-garcia-2/index.html").QuerySelector("main h1")!.TextContent);
        Assert.Contains("José García /authors/jose-garcia-2/", AuthorLinks("p3"));
    }

    [Fact]
    public void Authors_yml_merges_two_spellings_under_the_name_shown()
    {
        _site.Write("content/authors.yml", "same_person:\n  Grace Hopper: [G. Hopper]\n");
        _site.BuildOk();
        var page = _site.Html("authors/grace-hopper/index.html");
        Assert.Equal(["Paper Three", "Paper One"], page.QuerySelectorAll("main article h2").Select(h => h.TextContent.Trim()));
        Assert.Contains("G. Hopper /authors/grace-hopper/", AuthorLinks("p3"));
    }

    [Fact]
    public void The_threshold_is_set_in_site_yml_and_zero_turns_author_pages_off()
    {
        _site.Write("content/site.yml", "title: T\nbase_url: https://example.org/\nauthor_min_papers: 3\n");
        _site.BuildOk();
        Assert.True(_site.Exists("authors/jose-garcia/index.html"));
        Assert.False(_site.Exists("authors/ada-lovelace/index.html"));

        _site.Write("content/site.yml", "title: T\nbase_url: https://example.org/\nauthor_min_papers: 0\n");
        _site.BuildOk();
        Assert.False(Directory.Exists(Path.Combine(_site.Output, "authors")));
        Assert.Empty(AuthorLinks("p3"));
    }

    [Fact]
    public void A_broken_authors_yml_is_named_by_file_and_line()
    {
        _site.Write("content/authors.yml", "same_person:\n  Grace Hopper: [G. Hopper]\n  Ada Lovelace: [G. Hopper]\n");
        var result = _site.Build();
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("authors.yml:3", result.Errors);
        Assert.Contains("'G. Hopper' is already a spelling of 'Grace Hopper'", result.Errors);
    }
}
