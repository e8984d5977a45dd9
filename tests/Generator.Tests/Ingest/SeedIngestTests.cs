using System.Text.Json;
using PaperTrail.Content;
using PaperTrail.Tests.Support;

namespace PaperTrail.Tests.Ingest;

/// <summary>The first real input: the seed scrape becomes exactly its 119 papers, cleaned.</summary>
public sealed class SeedIngestTests : IDisposable
{
    private readonly TempDir _dir = new();
    private string Content => _dir["content"];

    public void Dispose() => _dir.Dispose();

    private Generator.Result IngestSeed(string date = "2026-11-28") =>
        Generator.Run("ingest", Repo.SeedScrape, "--date", date, "--content", Content);

    private List<Paper> LoadPapers()
    {
        var problems = new List<ContentProblem>();
        var papers = ArchiveLoader.LoadPapers(Content, problems).Select(f => f.Paper).ToList();
        Assert.Empty(problems);
        return papers;
    }

    [Fact]
    public void Seed_becomes_exactly_its_119_papers_with_the_hand_labelled_titles()
    {
        var result = IngestSeed();

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("119 new, 0 updated, 0 unchanged, 0 skipped", result.Output);
        Assert.Equal(119, Directory.GetFiles(Content, "*.md", SearchOption.AllDirectories).Length);
        // The labels were made by a person reading the source: their titles are the truth.
        var expected = File.ReadLines(Path.Combine(Repo.Fixtures, "labels", "topics-dev.jsonl"))
            .Select(line => JsonDocument.Parse(line).RootElement.GetProperty("title").GetString()!)
            .Order(StringComparer.Ordinal).ToList();
        Assert.Equal(119, expected.Count);
        Assert.Equal(expected, LoadPapers().Select(p => p.Title).Order(StringComparer.Ordinal).ToList());
    }

    [Fact]
    public void First_and_last_papers_are_read_whole_and_cleaned()
    {
        IngestSeed();
        var papers = LoadPapers().ToDictionary(p => p.Title);

        var first = papers["Spacetime Neural Network for High Dimensional Quantum Dynamics"];
        Assert.Equal("spacetime-neural-network-for-high-dimensional-quantum-dynamics", first.Slug);
        Assert.Equal([new DateOnly(2026, 11, 28)], first.Trending);
        Assert.Contains("high dimensional Schrödinger equation", first.Abstract);
        Assert.DoesNotContain("\\\"", first.Abstract);
        Assert.True(File.Exists(Path.Combine(Content, "papers", "2026", "11", first.Slug + ".md")));

        var last = papers["Stochastic Latent Residual Video Prediction"];
        Assert.StartsWith("Designing video prediction models", last.Abstract);

        // Math is kept exactly as written.
        Assert.Contains("Forward χ^2 Divergence Based Variational Importance Sampling", papers.Keys);
        Assert.Contains("Multi-index Based Solution Theory to the Φ^4 Equation in the Full Subcritical Regime", papers.Keys);
    }

    /// <summary>The person who labelled the seed numbered its papers in the scrape's order (<c>n</c>).</summary>
    private static Dictionary<string, int> ScrapeOrder() =>
        File.ReadLines(Path.Combine(Repo.Fixtures, "labels", "topics-dev.jsonl"))
            .Select(line => JsonDocument.Parse(line).RootElement)
            .ToDictionary(e => e.GetProperty("title").GetString()!, e => e.GetProperty("n").GetInt32());

    [Fact]
    public void The_seed_days_ranks_equal_the_scrapes_order()
    {
        IngestSeed();
        var order = ScrapeOrder();
        var day = new DateOnly(2026, 11, 28);
        Assert.Equal(order.Count, LoadPapers().Count(p => p.Rank(day) == order[p.Title]));
    }

    [Fact]
    public void The_shipped_archive_keeps_the_seed_days_ranks_in_the_scrapes_order()
    {
        // content/ was re-ingested from the seed scrape: what a fork starts from shows the real order.
        // A fork that replaced the archive has none of the seed's papers, and nothing here to check.
        var problems = new List<ContentProblem>();
        var order = ScrapeOrder();
        var shipped = ArchiveLoader.LoadPapers(Path.Combine(Repo.Root, "content"), problems).Select(f => f.Paper)
            .Where(p => p.Trending.Contains(new DateOnly(2026, 11, 28)) && order.ContainsKey(p.Title) && !p.Hidden && p.RedirectTo is null).ToList();
        Assert.Empty(problems);
        Assert.Empty(shipped.Where(p => p.Rank(new DateOnly(2026, 11, 28)) != order[p.Title]).Select(p => p.Title));
    }

    [Fact]
    public void Every_slug_is_safe_and_unique()
    {
        IngestSeed();
        var slugs = LoadPapers().Select(p => p.Slug).ToList();
        Assert.All(slugs, s => Assert.True(Slug.IsValid(s), s));
        Assert.Equal(slugs.Count, slugs.Distinct().Count());
    }

    [Fact]
    public void Ingesting_the_same_file_on_the_same_date_again_changes_no_byte()
    {
        IngestSeed();
        var before = FolderSnapshot.Of(Content);

        var again = IngestSeed();

        Assert.Equal(0, again.ExitCode);
        Assert.Contains("0 new, 0 updated, 119 unchanged, 0 skipped", again.Output);
        Assert.Empty(before.Differences(FolderSnapshot.Of(Content)));
    }

    [Fact]
    public void A_second_date_appends_to_trending_and_keeps_files_and_slugs()
    {
        IngestSeed();
        var files = FolderSnapshot.Of(Content).Files.Keys.ToList();

        var result = IngestSeed("2026-11-29");

        Assert.Contains("0 new, 119 updated, 0 unchanged, 0 skipped", result.Output);
        Assert.Equal(files, FolderSnapshot.Of(Content).Files.Keys.ToList());
        Assert.All(LoadPapers(), p => Assert.Equal([new DateOnly(2026, 11, 28), new DateOnly(2026, 11, 29)], p.Trending));
    }

    [Fact]
    public void A_hand_edit_survives_a_later_ingest()
    {
        IngestSeed();
        var path = Path.Combine(Content, "papers", "2026", "11", "neural-diffusion-models.md");
        var edited = File.ReadAllText(path)
            .Replace("title: \"Neural Diffusion Models\"", "title: \"Neural Diffusion Models (NDM)\"\ntopics: [diffusion-models]")
            + "\nNote from the maintainer: see also the follow-up.\n";
        File.WriteAllText(path, edited);

        IngestSeed("2026-12-01");

        var paper = LoadPapers().Single(p => p.Slug == "neural-diffusion-models");
        Assert.Equal("Neural Diffusion Models (NDM)", paper.Title);
        Assert.Equal(["diffusion-models"], paper.Topics);
        Assert.EndsWith("Note from the maintainer: see also the follow-up.", paper.Abstract);
        Assert.Equal([new DateOnly(2026, 11, 28), new DateOnly(2026, 12, 1)], paper.Trending);
        // The edited title is the record's; the scraped one must not come back as a duplicate.
        Assert.Equal(119, LoadPapers().Count);
    }

    [Fact]
    public void Dry_run_prints_the_changes_and_writes_nothing()
    {
        var result = Generator.Run("ingest", Repo.SeedScrape, "--date", "2026-11-28", "--content", Content, "--dry-run");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("would write (new):", result.Output);
        Assert.Contains("119 new", result.Output);
        Assert.False(Directory.Exists(Content));
    }
}
