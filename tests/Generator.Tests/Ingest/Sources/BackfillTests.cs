using PaperTrail.Tests.Support;

namespace PaperTrail.Tests.Ingest.Sources;

/// <summary>The whole trending corpus (190 daily answers) backfills an empty archive, once.</summary>
public sealed class BackfillTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Backfilling_the_corpus_twice_gives_5951_papers_and_changes_nothing_the_second_time()
    {
        var corpus = Path.Combine(Repo.Shared, "corpus", "hf-daily");
        var content = _dir["content"];

        var first = Generator.Run("ingest", corpus, "--content", content);

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Contains("ingest: 5951 new, 0 updated, 0 unchanged, 0 skipped", first.Output);
        Assert.Contains("reading: 190/190 files", first.Output); // plain progress lines off a terminal
        Assert.Equal(5951, Directory.GetFiles(content, "*.md", SearchOption.AllDirectories).Length);
        var before = FolderSnapshot.Of(content);

        var second = Generator.Run("ingest", corpus, "--content", content);

        Assert.Contains("ingest: 0 new, 0 updated, 5951 unchanged, 0 skipped", second.Output);
        Assert.Empty(before.Differences(FolderSnapshot.Of(content)));
    }
}
