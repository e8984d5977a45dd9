using PaperTrail.Tests.Support;

namespace PaperTrail.Tests.Ingest.Sources;

/// <summary>A sample of the trending corpus (12 daily answers, 361 papers) backfills an empty archive, once.</summary>
public sealed class BackfillTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Backfilling_the_corpus_twice_gives_its_361_papers_and_changes_nothing_the_second_time()
    {
        var corpus = Repo.Corpus;
        var content = _dir["content"];

        var first = Generator.Run("ingest", corpus, "--content", content);

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Contains("ingest: 361 new, 0 updated, 0 unchanged, 0 skipped", first.Output);
        Assert.Contains("reading: 12/12 files", first.Output); // plain progress lines off a terminal
        Assert.Equal(361, Directory.GetFiles(content, "*.md", SearchOption.AllDirectories).Length);
        var before = FolderSnapshot.Of(content);

        var second = Generator.Run("ingest", corpus, "--content", content);

        Assert.Contains("ingest: 0 new, 0 updated, 361 unchanged, 0 skipped", second.Output);
        Assert.Empty(before.Differences(FolderSnapshot.Of(content)));
    }
}
