using System.Text;
using System.Text.Json;
using PaperTrail.Content;
using PaperTrail.Tests.Support;

namespace PaperTrail.Tests.Ingest.Sources;

/// <summary>
/// ingest reads papers only from papers: a README, a paper's own file, a page of the built site, a
/// one-line file or random bytes is refused with exit 1, the file and line named, and the archive
/// untouched; real scrapes, with or without the page's boilerplate, are still read.
/// </summary>
public sealed class NotASourceTests : IDisposable
{
    private readonly TempDir _dir = new();
    private string Content => _dir["content"];

    public void Dispose() => _dir.Dispose();

    private Generator.Result Ingest(string file, params string[] extra) =>
        Generator.Run(["ingest", file, "--date", "2026-11-28", "--content", Content, .. extra]);

    /// <summary>An archive with papers in it, so that "unchanged" means something.</summary>
    private FolderSnapshot ArchiveWithPapers()
    {
        var seed = Ingest(_dir.Write("seed.txt", "SubscribeExisting Paper\nIts abstract.\nAnother Paper\nAnother abstract.\n"));
        Assert.True(seed.ExitCode == 0, seed.ToString());
        return FolderSnapshot.Of(Content);
    }

    private void AssertRefused(FolderSnapshot before, Generator.Result result, string shownAs)
    {
        Assert.True(result.ExitCode == 1, $"{shownAs} was not refused with exit 1:\n{result}");
        Assert.Contains(shownAs, result.Errors);
        Assert.Empty(before.Differences(FolderSnapshot.Of(Content)));
    }

    /// <summary>Every Markdown file of the repository: documentation and the papers of content/.</summary>
    public static TheoryData<string> MarkdownFiles() => new(RepositoryMarkdown());

    /// <summary>Paths relative to the repository; build outputs and installed packages (in .gitignore) are not the repository's.</summary>
    private static List<string> RepositoryMarkdown()
    {
        string[] notOurs = ["bin", "obj", "node_modules", "output", "site-check-out", "test-results", "work"];
        return Files(Repo.Root).Order(StringComparer.Ordinal).ToList();

        IEnumerable<string> Files(string folder) =>
            Directory.EnumerateFiles(folder, "*.md").Select(f => Path.GetRelativePath(Repo.Root, f).Replace('\\', '/'))
                .Concat(Directory.EnumerateDirectories(folder)
                    .Where(d => !Path.GetFileName(d).StartsWith('.') && !notOurs.Contains(Path.GetFileName(d)))
                    .SelectMany(Files));
    }

    [Theory]
    [MemberData(nameof(MarkdownFiles))]
    public void A_markdown_file_of_the_repository_is_refused_and_changes_nothing(string relative)
    {
        var before = ArchiveWithPapers();

        var result = Ingest(Path.Combine(Repo.Root, relative));

        AssertRefused(before, result, Path.GetFileName(relative));
        Assert.Contains("expected a Hugging Face papers page", result.Errors);
    }

    [Fact]
    public void The_repository_has_its_documentation_and_papers_among_the_markdown_files()
    {
        var files = RepositoryMarkdown();
        Assert.Contains("README.md", files);
        Assert.Contains("docs/sources.md", files);
        Assert.Contains("tests/fixtures/README.md", files);
    }

    /// <summary>
    /// Paper files as ingest writes them, whatever content/ holds today (a fork may start with none):
    /// the seed's papers, each refused as a source.
    /// </summary>
    [Fact]
    public void A_paper_file_of_an_archive_is_refused_and_changes_nothing()
    {
        var written = _dir["written"];
        Assert.Equal(0, Generator.Run("ingest", Repo.SeedScrape, "--date", "2026-11-28", "--content", written).ExitCode);
        var papers = Directory.GetFiles(Path.Combine(written, "papers"), "*.md", SearchOption.AllDirectories);
        Assert.Equal(119, papers.Length);
        var before = ArchiveWithPapers();

        foreach (var paper in papers)
            AssertRefused(before, Ingest(paper), Path.GetFileName(paper));
    }

    [Fact]
    public void A_heading_is_named_with_its_line_and_what_was_expected()
    {
        var before = ArchiveWithPapers();
        var notes = _dir.Write("notes.txt", "Some Notes\nOn a topic.\n## Details\nMore text.\n");

        var result = Ingest(notes);

        AssertRefused(before, result, "notes.txt:3: \"## Details\" is a Markdown heading");
        Assert.Contains("--source scrape", result.Errors);
    }

    [Fact]
    public void Every_file_of_a_built_site_is_refused_and_the_archive_it_came_from_is_unchanged()
    {
        using var site = new FixtureSite()
            .Paper("diffusion-paper", "A Diffusion Paper", "[2026-11-27]", "We denoise. See https://arxiv.org/abs/2401.00001 for more.", "arxiv: \"2401.00001\"")
            .Paper("agent-paper", "An Agent Paper", "[2026-11-28]", "An agent learns from reward.")
            .BuildOk();
        var before = FolderSnapshot.Of(site.Content);
        var outputs = Directory.GetFiles(site.Output, "*", SearchOption.AllDirectories)
            .Where(f => !f.Contains(Path.Combine(site.Output, ".paper-trail"), StringComparison.Ordinal))
            .ToList();
        Assert.Contains(outputs, f => f.EndsWith(Path.Combine("papers", "agent-paper", "index.html"), StringComparison.Ordinal));
        Assert.Contains(outputs, f => f.EndsWith("feed.json", StringComparison.Ordinal));

        foreach (var output in outputs)
        {
            var result = Generator.Run("ingest", output, "--date", "2026-11-29", "--content", site.Content);
            Assert.True(result.ExitCode == 1, $"{Path.GetRelativePath(site.Output, output)} was not refused:\n{result}");
            Assert.Empty(before.Differences(FolderSnapshot.Of(site.Content)));
        }
    }

    [Theory]
    [InlineData("vm\n")]
    [InlineData("vm")]
    [InlineData("A Perfectly Plausible Paper Title\n\n\n")]
    [InlineData("An abstract-looking sentence that stands alone.")]
    public void A_one_line_file_is_refused_and_changes_nothing(string text)
    {
        var before = ArchiveWithPapers();

        var result = Ingest(_dir.Write("one-line.txt", text));

        AssertRefused(before, result, "one-line.txt:1: a single line");
    }

    [Fact]
    public void Random_bytes_are_refused_and_change_nothing()
    {
        var before = ArchiveWithPapers();
        var random = new Random(20261128);
        for (var i = 0; i < 150; i++)
        {
            var bytes = new byte[(int)Math.Pow(2, random.NextDouble() * 16)]; // 1 byte to 64 KiB
            random.NextBytes(bytes);
            var file = _dir.WriteBytes($"random-{i}.bin", bytes);

            var result = Ingest(file);

            Assert.True(result.ExitCode == 1, $"random-{i}.bin ({Convert.ToHexString(bytes[..Math.Min(bytes.Length, 64)])}…) was not refused:\n{result}");
            Assert.Contains($"random-{i}.bin", result.Errors);
        }
        Assert.Empty(before.Differences(FolderSnapshot.Of(Content)));
    }

    [Fact]
    public void The_seed_without_the_page_boilerplate_gives_the_same_papers()
    {
        var lines = File.ReadAllLines(Repo.SeedScrape).SkipWhile(l => l.StartsWith("Get trending papers", StringComparison.Ordinal)).ToList();
        lines[0] = lines[0]["Subscribe".Length..];
        var bare = _dir.Write("bare.txt", string.Join("\n", lines) + "\n");
        Assert.Equal(0, Ingest(Repo.SeedScrape).ExitCode);
        var withBoilerplate = FolderSnapshot.Of(Content);

        var result = Ingest(bare);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("0 new, 0 updated, 119 unchanged", result.Output);
        Assert.Empty(withBoilerplate.Differences(FolderSnapshot.Of(Content)));
    }

    /// <summary>Real abstracts end in a URL or a stray heading one time in twelve: a scrape of them is still a scrape.</summary>
    [Fact]
    public void Every_day_of_the_corpus_written_as_a_bare_scrape_is_read_whole()
    {
        foreach (var day in Directory.GetFiles(Repo.Corpus, "*.json").Order(StringComparer.Ordinal))
        {
            using var json = JsonDocument.Parse(File.ReadAllBytes(day));
            var scrape = new StringBuilder();
            var titles = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var item in json.RootElement.EnumerateArray())
            {
                var paper = item.GetProperty("paper");
                var title = OneLine(paper.GetProperty("title").GetString()!);
                scrape.Append(title).Append('\n').Append(OneLine(paper.GetProperty("summary").GetString()!)).Append('\n');
                titles.Add(title);
            }
            var file = _dir.Write(Path.GetFileNameWithoutExtension(day) + ".txt", scrape.ToString());

            var result = Generator.Run("ingest", file, "--date", "2026-11-28", "--content", _dir["corpus-" + Path.GetFileNameWithoutExtension(day)]);

            Assert.True(result.ExitCode == 0, $"{Path.GetFileName(day)}:\n{result}");
            Assert.Contains($"ingest: {titles.Count} new", result.Output);
        }

        static string OneLine(string text) => string.Join(' ', text.Split((char[])['\n', '\r', ' '], StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void Text_detection_refuses_is_read_when_the_user_names_the_scrape_source()
    {
        var terse = _dir.Write("terse.txt", "First Finding\nno full stop and few words\nSecond Finding\nnone here either\n");
        var before = ArchiveWithPapers();
        AssertRefused(before, Ingest(terse), "terse.txt:2");

        var named = Ingest(terse, "--source", "scrape");

        Assert.True(named.ExitCode == 0, named.ToString());
        Assert.Contains("2 new", named.Output);
    }

    [Fact]
    public void Without_embedded_json_the_paper_page_falls_back_to_its_heading_and_address()
    {
        var html = File.ReadAllText(Path.Combine(Repo.Fixtures, "hf-html", "paper-page_2509.24002_prettified.html")).Replace("data-props=", "data-gone=");

        var result = Ingest(_dir.Write("paper.html", html));

        Assert.True(result.ExitCode == 0, result.ToString());
        var problems = new List<ContentProblem>();
        var paper = ArchiveLoader.LoadPapers(Content, problems).Single().Paper;
        Assert.Equal("2509.24002", paper.Arxiv);
        Assert.StartsWith("MCPMark", paper.Title);
    }
}
