using PaperTrail.Tests.Support;

namespace PaperTrail.Tests.Pipelines;

/// <summary>The archive that ships in content/ builds out of the box into the site the README promises.</summary>
public sealed class DefaultArchiveTests : IDisposable
{
    private readonly TempDir _output = new();

    public void Dispose() => _output.Dispose();

    [Fact]
    public void The_shipped_archive_builds_every_page_kind()
    {
        var result = Generator.Run("build", "--content", Path.Combine(Repo.Root, "content"), "--output", _output.Path,
            "--themes", Path.Combine(Repo.Root, "themes"), "--no-search");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("119 papers", result.Output);
        Assert.Equal(119, Directory.GetDirectories(Path.Combine(_output.Path, "papers")).Length);
        foreach (var file in new[] { "index.html", "days/2026-11-28/index.html", "days/index.html", "topics/index.html",
                     "feed.xml", "atom.xml", "feed.json", "sitemap.xml", "robots.txt", "404.html", "topics/opml.xml" })
            Assert.True(File.Exists(Path.Combine(_output.Path, file)), file);
        Assert.True(File.Exists(Path.Combine(_output.Path, "topics", "language-models", "feed.xml")));
    }
}
