using System.Globalization;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using PaperTrail.Content;
using PaperTrail.Tests.Hostile;
using PaperTrail.Tests.Support;
using static PaperTrail.Tests.Ingest.HfAnswers;

namespace PaperTrail.Tests.Ingest;

/// <summary>
/// A scraped field over its cap (<see cref="FieldLimits"/>) is cut at a character boundary, the cut
/// reported in one line naming file, line and paper, and the paper kept. One 10 MB title used to
/// make a 177 MB site (a 60 MB paper page, 10 MB for the home page and for each feed), and a 50 MB
/// abstract a 387 MB one.
/// </summary>
public sealed class FieldCapTests(FieldCapTests.HugeFieldsSite site) : IClassFixture<FieldCapTests.HugeFieldsSite>, IDisposable
{
    /// <summary>An archive that ingested a 10 MB title and a 50 MB abstract, then built.</summary>
    public sealed class HugeFieldsSite : IDisposable
    {
        public const int TitleLength = 10 * 1024 * 1024, AbstractLength = 50 * 1024 * 1024;
        public FixtureSite Site { get; } = new();
        private readonly TempDir _dir = new();
        public Generator.Result Ingest { get; }
        public Generator.Result Build { get; }

        public HugeFieldsSite()
        {
            var title = Text("Huge Title ", TitleLength);
            var hugeTitle = _dir.Write("huge-title.json", Daily(Item("2605.00001", title)));
            var hugeAbstract = _dir.Write("huge-abstract.json", Daily(Item("2605.00002", "A Paper With A Huge Abstract", summary: Text("We study a thing and find it so. ", AbstractLength))));
            Ingest = Generator.Run("ingest", hugeTitle, hugeAbstract, "--content", Site.Content, "--date", "2026-05-08");
            Build = Site.Build();
        }

        internal Paper Paper(string arxiv) => Archive(Site.Content).Single(p => p.Arxiv == arxiv);

        public void Dispose()
        {
            Site.Dispose();
            _dir.Dispose();
        }
    }

    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private static string Text(string words, int length) => new StringBuilder(length + words.Length).Insert(0, words, length / words.Length + 1).ToString(0, length);

    private static List<Paper> Archive(string content)
    {
        var problems = new List<ContentProblem>();
        var papers = ArchiveLoader.LoadPapers(content, problems).Select(f => f.Paper).ToList();
        Assert.Empty(problems);
        return papers;
    }

    private static string N(int n) => n.ToString("N0", CultureInfo.InvariantCulture);

    [Fact]
    public void A_10_mb_title_is_cut_reported_and_the_paper_kept()
    {
        Assert.True(site.Ingest.ExitCode == 0, site.Ingest.ToString());
        Assert.Contains("ingest: 2 new", site.Ingest.Output);
        Assert.Matches($@"warning: .*huge-title\.json:2: the title ""Huge Title Huge Title .*…"" was cut to 1,000 characters \(it had {N(HugeFieldsSite.TitleLength)}\); the paper is kept", site.Ingest.Errors);
        var title = site.Paper("2605.00001").Title;
        Assert.True(title.Length <= FieldLimits.TitleLength, $"{title.Length} characters");
        Assert.StartsWith("Huge Title Huge Title", title);
        Assert.Matches(" (Huge|Title)…$", title); // cut between words, the space before "…" trimmed
    }

    [Fact]
    public void A_50_mb_abstract_is_cut_reported_and_the_paper_kept()
    {
        Assert.Matches($@"warning: .*huge-abstract\.json:2: the abstract of ""A Paper With A Huge Abstract"" was cut to 20,000 characters \(it had 52,4\d\d,\d\d\d\); the paper is kept", site.Ingest.Errors);
        var paper = site.Paper("2605.00002");
        Assert.True(paper.Abstract.Length <= FieldLimits.AbstractLength, $"{paper.Abstract.Length} characters");
        Assert.StartsWith("We study a thing and find it so.", paper.Abstract);
        Assert.EndsWith("…", paper.Abstract);
    }

    [Fact]
    public void The_site_built_from_them_is_small()
    {
        Assert.True(site.Build.ExitCode == 0, site.Build.ToString());
        foreach (var arxiv in new[] { "2605.00001", "2605.00002" })
        {
            var page = new FileInfo(Path.Combine(site.Site.Output, "papers", site.Paper(arxiv).Slug, "index.html"));
            Assert.True(page.Length < 1024 * 1024, $"the page of {arxiv} has {page.Length:N0} bytes");
        }
        var whole = Directory.GetFiles(site.Site.Output, "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length);
        Assert.True(whole < 10 * 1024 * 1024, $"the site has {whole:N0} bytes"); // it was 177 MB for the title and 387 MB for the abstract
    }

    [Fact]
    public void Too_many_authors_are_cut_to_the_first_and_too_long_names_are_cut()
    {
        string[] authors = [Text("Alexandra ", 300), .. Enumerable.Range(1, 5_999).Select(i => $"Author {i}")];
        var answer = _dir.Write("authors.json", Daily(Item("2605.00003", "A Large Collaboration", authors: authors)));
        var content = _dir["content"];

        var ingest = Generator.Run("ingest", answer, "--content", content, "--date", "2026-05-08");

        Assert.True(ingest.ExitCode == 0, ingest.ToString());
        Assert.Contains("authors.json:2: the authors of \"A Large Collaboration\" were cut to the first 5,000 (it had 6,000); the paper is kept", ingest.Errors);
        Assert.Contains("authors.json:2: 1 author's name of \"A Large Collaboration\" was cut to 200 characters; the paper is kept", ingest.Errors);
        var paper = Assert.Single(Archive(content));
        Assert.Equal(FieldLimits.Authors, paper.Authors.Count);
        Assert.Equal(200, paper.Authors[0].Length);
        Assert.Equal("Author 4999", paper.Authors[^1]);
    }

    [Fact]
    public void A_link_too_long_to_be_real_is_dropped_and_the_other_kept()
    {
        var longUrl = "https://github.com/someone/" + new string('x', 3_000);
        var answer = _dir.Write("links.json", Daily(Item("2605.00004", "Long Link", githubRepo: longUrl, projectPage: "https://someone.github.io/p/")));
        var content = _dir["content"];

        var ingest = Generator.Run("ingest", answer, "--content", content, "--date", "2026-05-08");

        Assert.True(ingest.ExitCode == 0, ingest.ToString());
        Assert.Contains("links.json:2: the code link of \"Long Link\" was dropped: its address has 3,027 characters, more than the 2,048 an address may have; the paper is kept", ingest.Errors);
        Assert.Equal(new Dictionary<string, string> { ["hf"] = "https://huggingface.co/papers/2605.00004", ["project"] = "https://someone.github.io/p/" }, Assert.Single(Archive(content)).Links);
    }

    [Fact]
    public void A_summary_and_an_organisation_too_long_to_be_real_are_cut()
    {
        var item = Item("2605.00007", "Long Summary");
        var paper = (System.Text.Json.Nodes.JsonObject)item["paper"]!;
        paper["ai_summary"] = string.Join(" ", Enumerable.Repeat("word", 1_000));
        item["organization"] = new System.Text.Json.Nodes.JsonObject { ["fullname"] = new string('O', 300) };
        var answer = _dir.Write("summary.json", Daily(item));
        var content = _dir["content"];

        var ingest = Generator.Run("ingest", answer, "--content", content, "--date", "2026-05-08");

        Assert.True(ingest.ExitCode == 0, ingest.ToString());
        Assert.Contains("summary.json:2: the summary of \"Long Summary\" was cut to 2,000 characters (it had 4,999); the paper is kept", ingest.Errors);
        Assert.Contains("the organisation of \"Long Summary\" was cut to 200 characters (it had 300)", ingest.Errors);
        var kept = Assert.Single(Archive(content));
        Assert.InRange(kept.AiSummary!.Length, 1_900, 2_000);
        Assert.EndsWith("…", kept.AiSummary);
        Assert.Equal(200, kept.Organization!.Length);
    }

    [Fact]
    public void Too_many_or_too_long_categories_are_cut()
    {
        var categories = string.Concat(Enumerable.Range(1, 60).Select(i => $"<category term=\"cs.X{i}\"/>")) + $"<category term=\"{new string('c', 100)}\"/>";
        var atom = _dir.Write("arxiv.xml", $"""
            <?xml version="1.0" encoding="UTF-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom" xmlns:arxiv="http://arxiv.org/schemas/atom">
              <entry>
                <id>http://arxiv.org/abs/2605.00005v1</id>
                <title>Many Categories</title>
                <summary>An abstract.</summary>
                {categories}
              </entry>
            </feed>
            """);
        var content = _dir["content"];

        var ingest = Generator.Run("ingest", atom, "--content", content, "--date", "2026-05-08");

        Assert.True(ingest.ExitCode == 0, ingest.ToString());
        Assert.Contains("arxiv.xml:3: 1 category of \"Many Categories\" longer than 64 characters was dropped; the paper is kept", ingest.Errors);
        Assert.Contains("arxiv.xml:3: the categories of \"Many Categories\" were cut to the first 50 (it had 60); the paper is kept", ingest.Errors);
        var paper = Assert.Single(Archive(content));
        Assert.Equal(Enumerable.Range(1, 50).Select(i => $"cs.X{i}"), paper.Categories);
    }

    [Fact]
    public void A_long_title_in_a_scrape_is_cut_at_a_character_boundary()
    {
        // 998 letters, then an emoji (a surrogate pair) across the cap, then an accent.
        var title = "T" + new string('a', 997) + "😀" + "e\u0301" + " and more";
        var scrape = _dir.Write("scrape.txt", $"Subscribe{title}\nAn abstract.\n");
        var content = _dir["content"];

        var ingest = Generator.Run("ingest", scrape, "--content", content, "--date", "2026-05-08", "--source", "scrape");

        Assert.True(ingest.ExitCode == 0, ingest.ToString());
        Assert.Contains("scrape.txt:1: the title \"Taaa", ingest.Errors);
        Assert.Equal("T" + new string('a', 997) + "…", Assert.Single(Archive(content)).Title);
    }

    /// <summary>
    /// Found by the fuzzer (Fuzz/): an abstract of many unclosed brackets or nested list items is
    /// more than Markdig parses or renders (128 levels); ingest crashed taking the site's links out
    /// of it, and the page could not have shown it. The abstract goes, the paper stays, and the site builds.
    /// </summary>
    [Theory]
    [InlineData("[a ")]  // 129 unclosed brackets: Markdig renders no more
    [InlineData("1. ")]  // 129 nested list items: Markdig parses no more
    [InlineData("> ")]   // 129 nested quotes
    public void An_abstract_nested_deeper_than_markdown_goes_the_paper_stays_and_the_site_builds(string level)
    {
        using var fixture = new FixtureSite();
        var answer = _dir.Write("nested.json", Daily(
            Item("2605.00006", "Deeply Nested", summary: Text(level, level.Length * 200) + "[own](https://example.org/x)"),
            Item("2605.00007", "Nested But Not Too Deep", summary: Text(level, level.Length * 20) + "the end.")));

        var ingest = Generator.Run("ingest", answer, "--content", fixture.Content, "--date", "2026-05-08");

        Assert.True(ingest.ExitCode == 0, ingest.ToString());
        Assert.Contains("nested.json:2: the abstract of \"Deeply Nested\" was dropped: its Markdown nests more than 128 levels deep", ingest.Errors);
        var papers = Archive(fixture.Content);
        Assert.Equal("", papers.Single(p => p.Arxiv == "2605.00006").Abstract);
        Assert.EndsWith("the end.", papers.Single(p => p.Arxiv == "2605.00007").Abstract);
        fixture.BuildOk();
    }

    [Property(Arbitrary = [typeof(PropertyTests.AnyText)], MaxTest = 500)]
    public bool Cut_gives_at_most_the_cap_a_prefix_and_never_half_a_character(string text, PositiveInt cap)
    {
        var max = cap.Get % 40 + 1;
        var cut = FieldLimits.Cut(text, max);
        if (text.Length <= max) return cut == text;
        var kept = cut[..^1];
        var splitsAPair = kept.Length > 0 && char.IsHighSurrogate(kept[^1]) && char.IsLowSurrogate(text[kept.Length]);
        return cut.Length <= max && cut.EndsWith('…') && text.StartsWith(kept, StringComparison.Ordinal) && !splitsAPair
            // Between user-perceived characters, unless the first alone is longer than the room left beside "…".
            && (IsTextElementBoundary(text, kept.Length) || StringInfo.GetNextTextElementLength(text) > max - 1);
    }

    [Fact]
    public void Cut_keeps_an_accented_letter_and_an_emoji_whole_or_leaves_them_out()
    {
        Assert.Equal("ab…", FieldLimits.Cut("abe\u0301cd", 4)); // "e" with its accent is one character of two code units
        Assert.Equal("ab…", FieldLimits.Cut("ab😀cd", 4));
        Assert.Equal("a😀…", FieldLimits.Cut("a😀cdef", 4));
        Assert.Equal("e\u0301\u0301…", FieldLimits.Cut("e" + new string('\u0301', 50), 4)); // one character longer than the cap: cut between code points
        Assert.Equal("short", FieldLimits.Cut("short", 5));
    }

    private static bool IsTextElementBoundary(string text, int index)
    {
        for (var at = 0; at < text.Length; at += StringInfo.GetNextTextElementLength(text.AsSpan(at)))
            if (at >= index) return at == index;
        return index == text.Length;
    }
}
