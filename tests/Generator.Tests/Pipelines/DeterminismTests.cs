using PaperTrail.Tests.Support;

namespace PaperTrail.Tests.Pipelines;

/// <summary>Same content, same bytes; unchanged content, no writes; stale outputs go, foreign files stay.</summary>
public sealed class DeterminismTests : IDisposable
{
    private readonly FixtureSite _site = new FixtureSite()
        .Paper("a", "Paper A", "[2026-11-27]", extra: "topics: [diffusion-models]")
        .Paper("b", "Paper B", "[2026-11-28]", "Ünïcode — χ^2 and $x_1$.");

    public void Dispose() => _site.Dispose();

    [Fact]
    public void Two_builds_of_the_same_content_are_byte_identical()
    {
        _site.BuildOk();
        var first = FolderSnapshot.Of(_site.Output);
        using var other = new TempDir();
        var result = Generator.Run("build", "--content", _site.Content, "--output", other.Path, "--themes", _site.Themes, "--no-search");
        Assert.Equal(0, result.ExitCode);

        var second = FolderSnapshot.Of(other.Path);
        Assert.Equal(first.Files.Keys, second.Files.Keys);
        Assert.All(first.Files, f => Assert.Equal(f.Value.Hash, second.Files[f.Key].Hash));
    }

    [Fact]
    public void A_rebuild_of_unchanged_content_rewrites_no_file()
    {
        _site.BuildOk();
        var before = FolderSnapshot.Of(_site.Output);

        var again = _site.Build();

        Assert.Contains("0 written", again.Output);
        Assert.Empty(before.Differences(FolderSnapshot.Of(_site.Output)));
    }

    [Fact]
    public void Outputs_no_longer_produced_are_removed_and_foreign_files_are_kept()
    {
        _site.BuildOk();
        _site.Write("output/CNAME", "papers.example.org\n");
        _site.Write("output/papers/keep-me.txt", "mine\n");
        Assert.True(_site.Exists("papers/a/index.html"));

        _site.Delete("content/papers/2026/11/a.md");
        var result = _site.Build();

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("removed", result.Output);
        Assert.False(_site.Exists("papers/a/index.html"));
        Assert.False(Directory.Exists(Path.Combine(_site.Output, "papers", "a")));
        Assert.False(_site.Exists("days/2026-11-27/index.html"));
        Assert.True(_site.Exists("CNAME"));
        Assert.True(_site.Exists("papers/keep-me.txt"));
    }

    [Fact]
    public void A_hidden_paper_is_off_every_page_and_feed()
    {
        _site.Paper("secret", "Secret Paper", "[2026-11-28]", extra: "hidden: true").BuildOk();
        Assert.False(_site.Exists("papers/secret/index.html"));
        foreach (var file in Directory.GetFiles(_site.Output, "*", SearchOption.AllDirectories))
            Assert.DoesNotContain("Secret Paper", File.ReadAllText(file));
    }
}
