using PaperTrail.Content;
using PaperTrail.Tests.Support;

namespace PaperTrail.Tests.Ingest;

/// <summary>
/// A paper file a person broke by hand does not stop the nightly's ingest: the file is left byte for
/// byte as it is and named, the other papers are merged, and nothing is merged into or written over it.
/// </summary>
public sealed class UnreadablePaperIngestTests : IDisposable
{
    private readonly TempDir _dir = new();
    private string Content => _dir["content"];

    public void Dispose() => _dir.Dispose();

    private Generator.Result IngestSeed(string date) =>
        Generator.Run("ingest", Repo.SeedScrape, "--date", date, "--content", Content);

    /// <summary>Breaks the YAML of one seed paper's file (an unclosed list); returns its path and its broken bytes.</summary>
    private (string Path, byte[] Bytes, Paper Paper) BreakOnePaper()
    {
        var problems = new List<ContentProblem>();
        var file = ArchiveLoader.LoadPapers(Content, problems)[7];
        var path = Path.Combine(Content, file.RelativePath);
        var text = File.ReadAllText(path).Replace("trending: [", "authors: [Ann Lee, Bob Smith\ntrending: [");
        File.WriteAllText(path, text);
        return (path, File.ReadAllBytes(path), file.Paper);
    }

    [Fact]
    public void The_other_papers_are_merged_and_the_broken_file_is_named_and_left_as_it_is()
    {
        Assert.Equal(0, IngestSeed("2026-11-28").ExitCode);
        var (path, bytes, broken) = BreakOnePaper();

        var result = IngestSeed("2026-11-29");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("ingest: 0 new, 118 updated, 0 unchanged, 1 skipped", result.Output);
        Assert.Equal(bytes, File.ReadAllBytes(path));
        var warnings = result.Errors.Split('\n').Where(l => l.StartsWith("warning: ", StringComparison.Ordinal)).ToList();
        Assert.Contains(warnings, w => w.Contains(Path.GetFileName(path)) && w.Contains("ingest leaves this file as it is"));
        Assert.Contains(warnings, w => w.Contains($"\"{broken.Title}\" was not merged"));
        var problems = new List<ContentProblem>();
        var papers = ArchiveLoader.LoadPapers(Content, problems);
        Assert.Equal(118, papers.Count); // the broken one cannot be read, and there is no second copy of it
        Assert.All(papers, f => Assert.Contains(new DateOnly(2026, 11, 29), f.Paper.Trending));
    }

    [Fact]
    public void A_broken_and_retitled_file_is_known_by_its_name_and_never_written_again()
    {
        var day = "2026-11-28";
        var scrape = _dir.Write("day.txt", "SubscribeA Paper About Graphs\nAn abstract about graphs, long enough to be one.\n");
        Assert.Equal(0, Generator.Run("ingest", scrape, "--date", day, "--content", Content).ExitCode);
        var path = Directory.GetFiles(Content, "*.md", SearchOption.AllDirectories).Single();
        // The person broke it, and changed its title: the file's name is all that says which paper it was.
        File.WriteAllText(path, "---\ntitle: A Paper About Graphs, Revised\nslug: a-paper-about-graphs\ntrending: [2026-11-28\n---\nAn abstract.\n");
        var bytes = File.ReadAllBytes(path);
        var other = _dir.Write("other.txt", "SubscribeSomething Else Entirely\nAn abstract about another thing, long enough to be one.\n");

        var result = Generator.Run("ingest", scrape, other, "--date", day, "--content", Content);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("ingest: 1 new, 0 updated, 0 unchanged, 1 skipped", result.Output);
        Assert.Equal(bytes, File.ReadAllBytes(path));
        Assert.Equal(2, Directory.GetFiles(Content, "*.md", SearchOption.AllDirectories).Length);
    }

    [PosixFact("symbolic links")]
    public void A_linked_paper_file_is_named_and_left_alone_and_the_rest_merged()
    {
        Assert.Equal(0, IngestSeed("2026-11-28").ExitCode);
        var outside = _dir.Write("elsewhere/x.md", "---\ntitle: Outside\nslug: x\ntrending: [2026-11-28]\n---\nNot ours.\n");
        var link = Path.Combine(Content, "papers", "2026", "11", "x.md");
        File.CreateSymbolicLink(link, outside);

        var result = IngestSeed("2026-11-29");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("ingest: 0 new, 119 updated", result.Output);
        Assert.Contains("x.md", result.Errors);
        Assert.Equal(outside, new FileInfo(link).LinkTarget);
    }
}
