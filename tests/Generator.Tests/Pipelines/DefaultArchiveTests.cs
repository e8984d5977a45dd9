using System.Globalization;
using PaperTrail.Content;
using PaperTrail.Tests.Support;

namespace PaperTrail.Tests.Pipelines;

/// <summary>
/// The archive in content/ builds into the site the README promises, whatever it holds that day:
/// the shipped papers, more after every nightly, or a fork's own (even none). What is expected is
/// read from the content itself, never a number the nightly changes.
/// </summary>
public sealed class DefaultArchiveTests : IDisposable
{
    private readonly TempDir _output = new();

    public void Dispose() => _output.Dispose();

    [Fact]
    public void The_archive_builds_every_page_kind_with_a_page_per_paper()
    {
        var content = Path.Combine(Repo.Root, "content");
        var problems = new List<ContentProblem>();
        var archive = ArchiveLoader.Load(content, problems);
        Assert.Empty(problems);
        var shown = archive.Papers.Select(f => f.Paper).Where(p => !p.Hidden && p.RedirectTo is null).ToList();

        var result = Generator.Run("build", "--content", content, "--output", _output.Path,
            "--themes", Path.Combine(Repo.Root, "themes"), "--no-search");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains($"build: {shown.Count} papers", result.Output);
        Assert.All(shown, p => Assert.True(File.Exists(Path.Combine(_output.Path, "papers", p.Slug, "index.html")), p.Slug));
        foreach (var file in new[] { "index.html", "days/index.html", "topics/index.html",
                     "feed.xml", "atom.xml", "feed.json", "sitemap.xml", "robots.txt", "404.html", "topics/opml.xml" })
            Assert.True(File.Exists(Path.Combine(_output.Path, file)), file);
        foreach (var day in shown.SelectMany(p => p.Trending).Distinct())
            Assert.True(File.Exists(Path.Combine(_output.Path, "days", day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), "index.html")), day.ToString(CultureInfo.InvariantCulture));
        foreach (var topic in archive.Taxonomy.Topics)
            Assert.True(File.Exists(Path.Combine(_output.Path, "topics", topic.Slug, "feed.xml")), topic.Slug);
    }
}
