using PaperTrail.Content;
using PaperTrail.Ingest;
using PaperTrail.Rendering;
using PaperTrail.Tests.Support;
using static PaperTrail.Tests.Ingest.HfAnswers;
using static PaperTrail.Tests.Support.StubHttpServer;

namespace PaperTrail.Tests.Ingest;

/// <summary>
/// A scraped link into the site's own host (a project page, a code link, a link in the abstract)
/// is dropped at ingest, the paper kept and the drop reported: such a link to a page that does not
/// exist used to pass ingest and check, and then fail every nightly's build on its link check.
/// </summary>
public sealed class OwnHostLinkTests : IDisposable
{
    private const string Site = "https://papers.example.net/archive/";
    private readonly FixtureSite _site = new($"title: Own Host\nbase_url: {Site}\ndescription: A test archive.\n");
    private readonly TempDir _dir = new();

    public void Dispose()
    {
        _site.Dispose();
        _dir.Dispose();
    }

    private Generator.Result Ingest(string input) => Generator.Run("ingest", input, "--content", _site.Content);

    private Paper Paper(string arxiv)
    {
        var problems = new List<ContentProblem>();
        var files = ArchiveLoader.LoadPapers(_site.Content, problems);
        Assert.Empty(problems);
        return files.Single(f => f.Paper.Arxiv == arxiv).Paper;
    }

    private string FileOf(string arxiv)
    {
        var problems = new List<ContentProblem>();
        var file = ArchiveLoader.LoadPapers(_site.Content, problems).Single(f => f.Paper.Arxiv == arxiv);
        return File.ReadAllText(Path.Combine(_site.Content, file.RelativePath));
    }

    [Fact]
    public void A_project_page_on_the_sites_host_with_no_page_is_dropped_the_paper_kept_and_the_build_passes()
    {
        var answer = _dir.Write("day.json", Daily(
            Item("2605.00001", "A Paper That Links Into The Site", projectPage: "https://papers.example.net/no-such-page/", githubRepo: "https://github.com/someone/code"),
            Item("2605.00002", "A Paper With Ordinary Links", projectPage: "https://someone.github.io/project/")));

        var ingest = Ingest(answer);

        Assert.True(ingest.ExitCode == 0, ingest.ToString());
        Assert.Contains("ingest: 2 new, 0 updated, 0 unchanged, 0 skipped, 1 link dropped", ingest.Output);
        Assert.Contains("ingest: dropped link https://papers.example.net/no-such-page/ from \"A Paper That Links Into The Site\" (", ingest.Output);
        Assert.Contains("day.json:2): a scraped link may not point into this site", ingest.Output);
        var paper = Paper("2605.00001");
        Assert.Equal(new Dictionary<string, string> { ["code"] = "https://github.com/someone/code", ["hf"] = "https://huggingface.co/papers/2605.00001" }, paper.Links);
        Assert.DoesNotContain("no-such-page", FileOf("2605.00001"));
        Assert.Equal("https://someone.github.io/project/", Paper("2605.00002").Links["project"]);

        _site.BuildOk(); // the link check passes: nothing links to the missing page
        var page = _site.Html($"papers/{paper.Slug}/index.html");
        Assert.DoesNotContain(page.QuerySelectorAll("a"), a => (a.GetAttribute("href") ?? "").Contains("no-such-page", StringComparison.Ordinal));
        Assert.Contains(page.QuerySelectorAll("a"), a => a.GetAttribute("href") == "https://github.com/someone/code");
    }

    [Theory]
    [InlineData("https://papers.example.net")]                    // the bare host
    [InlineData("https://papers.example.net/archive/papers/")]    // a path of the site, even one that exists
    [InlineData("http://PAPERS.Example.NET:8443/elsewhere?q=1#x")] // any scheme, port and case
    [InlineData("https://papers.example.net./fully-qualified/")]  // the host's fully qualified name
    [InlineData("https://someone@papers.example.net/x")]          // user info does not change the host
    public void Any_address_on_the_sites_host_is_dropped(string url)
    {
        var answer = _dir.Write("day.json", Daily(Item("2605.00003", "Linked Into The Site", githubRepo: url)));

        var ingest = Ingest(answer);

        Assert.True(ingest.ExitCode == 0, ingest.ToString());
        Assert.Equal(["hf"], Paper("2605.00003").Links.Keys); // only the paper's Hugging Face page, which the source's id makes
        Assert.Contains("1 link dropped", ingest.Output);
    }

    [Theory]
    [InlineData("https://papers.example.net.evil.org/")]
    [InlineData("https://evil.org/papers.example.net/")]
    [InlineData("https://example.net/")]
    [InlineData("https://sub.papers.example.net/")]
    public void Another_host_is_kept(string url)
    {
        var answer = _dir.Write("day.json", Daily(Item("2605.00004", "Linked Elsewhere", projectPage: url)));

        var ingest = Ingest(answer);

        Assert.True(ingest.ExitCode == 0, ingest.ToString());
        Assert.Equal(url, Paper("2605.00004").Links["project"]);
        Assert.DoesNotContain("dropped", ingest.Output);
    }

    /// <summary>
    /// Found by the fuzzer (Fuzz/): a byte that is not UTF-8 in a link's host becomes U+FFFD, which
    /// IDNA refuses; asking the host's DNS form threw, and ingest crashed (exit 70).
    /// </summary>
    [Fact]
    public void A_link_whose_host_holds_a_broken_byte_is_no_link_into_the_site_and_the_paper_goes_in()
    {
        var json = Daily(Item("2605.00009", "Broken Host", githubRepo: "https://githuX.com/someone/code"));
        var bytes = System.Text.Encoding.UTF8.GetBytes(json).Select(b => b == (byte)'X' ? (byte)0xFF : b).ToArray();
        var answer = _dir.WriteBytes("day.json", bytes);

        var ingest = Ingest(answer);

        Assert.True(ingest.ExitCode == 0, ingest.ToString());
        Assert.Equal("https://githu\uFFFD.com/someone/code", Paper("2605.00009").Links["code"]);
        Assert.DoesNotContain("dropped", ingest.Output);
    }

    [Fact]
    public void A_link_into_the_site_in_the_abstract_becomes_its_text_through_the_embedded_json_of_a_page()
    {
        var summary = "We release [our demo](https://papers.example.net/demo/) and [code](https://github.com/someone/code).\n\nSee also <https://papers.example.net/gone>.";
        var page = _dir.Write("day.html", Page(Daily(Item("2605.00005", "Abstract Links", summary: summary))));

        var ingest = Ingest(page);

        Assert.True(ingest.ExitCode == 0, ingest.ToString());
        Assert.Contains("2 links dropped", ingest.Output);
        Assert.Equal("We release our demo and [code](https://github.com/someone/code).\n\nSee also https://papers.example.net/gone.", Paper("2605.00005").Abstract);
        _site.BuildOk();
        var slug = Paper("2605.00005").Slug;
        var hrefs = _site.Html($"papers/{slug}/index.html").QuerySelectorAll("section.abstract a").Select(a => a.GetAttribute("href"));
        Assert.Equal(["https://github.com/someone/code"], hrefs);
    }

    [Fact]
    public void A_link_written_into_the_papers_file_by_hand_stays_and_the_scraped_one_is_still_reported()
    {
        var answer = _dir.Write("day.json", Daily(Item("2605.00006", "Hand Edited", projectPage: "https://papers.example.net/scraped/")));
        Ingest(answer);
        var file = Path.Combine(_site.Content, ArchiveLoader.LoadPapers(_site.Content, []).Single().RelativePath);
        // A person links the paper to a page of the site (check and build judge that link, not ingest).
        // The file already has links (the paper's Hugging Face page): the person adds one to them.
        File.WriteAllText(file, File.ReadAllText(file).Replace("links:\n", "links:\n  project: https://papers.example.net/archive/papers/\n"));
        var before = FolderSnapshot.Of(_site.Content);

        var again = Ingest(answer);

        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Contains("ingest: dropped link https://papers.example.net/scraped/", again.Output);
        Assert.Equal("https://papers.example.net/archive/papers/", Paper("2605.00006").Links["project"]);
        Assert.Empty(before.Differences(FolderSnapshot.Of(_site.Content)));
    }

    [Fact]
    public void A_fetched_trending_page_drops_the_link_too()
    {
        var items = Enumerable.Range(1, 5).Select(i => Item($"2605.1000{i}", $"Fetched Paper {i}", projectPage: i == 3 ? Site + "missing/" : null)).ToArray();
        using var server = new StubHttpServer(new Answer(200, Page(Daily(items))));

        var ingest = Generator.Run("ingest", "--from", "hf-trending", "--hf-base", server.BaseUrl.ToString(), "--content", _site.Content);

        Assert.True(ingest.ExitCode == 0, ingest.ToString());
        Assert.Contains($"ingest: dropped link {Site}missing/ from \"Fetched Paper 3\" ({server.BaseUrl}papers/trending:", ingest.Output);
        Assert.Contains("5 new, 0 updated, 0 unchanged, 0 skipped, 1 link dropped", ingest.Output);
        Assert.Equal(["hf"], Paper("2605.10003").Links.Keys);
    }

    [Fact]
    public void A_broken_site_yml_stops_ingest_before_anything_is_written()
    {
        _site.Write("content/site.yml", "title: Own Host\nbase_url: not an address\n");
        var answer = _dir.Write("day.json", Daily(Item("2605.00007", "Any Paper")));

        var ingest = Ingest(answer);

        Assert.Equal(1, ingest.ExitCode);
        Assert.Contains("site.yml:2", ingest.Errors);
        Assert.False(Directory.Exists(Path.Combine(_site.Content, "papers")));
    }
}

/// <summary>Links taken out of an abstract's Markdown: exactly the links the page would show, no other text.</summary>
public sealed class AbstractLinksTests
{
    private static readonly OwnHostLinks Own = new(new Uri("https://site.example/"));

    private static (string Text, List<string> Dropped) Remove(string markdown)
    {
        var dropped = new List<string>();
        return (AbstractLinks.Remove(markdown, Own.IsOwn, dropped), dropped);
    }

    [Theory]
    [InlineData("See [our *demo*](https://site.example/x \"t\").", "See our *demo*.")]
    [InlineData("See <https://site.example/y> now.", "See https://site.example/y now.")]
    [InlineData("Use [label][ref] and [ref].\n\n[ref]: https://site.example/r", "Use label and ref.")]
    [InlineData("[[x](https://site.example/a)](https://site.example/b) end", "x end")]
    [InlineData("a [](https://site.example/e) b", "a b")]
    [InlineData("[one](https://site.example/1) and [two](https://site.example/2)", "one and two")]
    public void A_link_into_the_site_becomes_its_text(string markdown, string expected)
    {
        var (text, dropped) = Remove(markdown);
        Assert.Equal(expected, text);
        Assert.NotEmpty(dropped);
        Assert.DoesNotContain("href=\"https://site.example", AbstractRenderer.ToHtml(text), StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("Math $[a](https://site.example/m)$ stays.")]
    [InlineData("Code `[c](https://site.example/c)` stays.")]
    [InlineData("Escaped \\[no](https://site.example/n) stays.")]
    [InlineData("A bare https://site.example/t address is text already.")]
    [InlineData("An image ![img](https://site.example/i.png) is shown as its text.")]
    [InlineData("[Elsewhere](https://other.example/site.example/) stays.")]
    [InlineData("No links at all.")]
    public void Text_that_is_not_a_link_into_the_site_is_left_as_written(string markdown)
    {
        var (text, dropped) = Remove(markdown);
        Assert.Same(markdown, text);
        Assert.Empty(dropped);
    }

    /// <summary>Whatever the Markdown, the renderer finds no link into the site in what is left.</summary>
    [Fact]
    public void No_link_into_the_site_survives_in_the_rendered_abstract()
    {
        string[] parts = ["[a](https://site.example/1)", "<https://site.example/2>", "[b]", "[b]: https://site.example/3", "[", "]", "(https://site.example/4)",
            "![i](https://site.example/5)", "`", "$", "\\", "*", " ", "\n\n", "text", "[c](https://other.example/)", "<", ">"];
        var random = new Random(22);
        for (var i = 0; i < 3000; i++)
        {
            var markdown = string.Concat(Enumerable.Range(0, random.Next(1, 12)).Select(_ => parts[random.Next(parts.Length)]));
            var (text, _) = Remove(markdown);
            var html = AbstractRenderer.ToHtml(text);
            Assert.False(html.Contains("href=\"https://site.example", StringComparison.Ordinal), $"{markdown}\n→ {text}\n→ {html}");
        }
    }
}
