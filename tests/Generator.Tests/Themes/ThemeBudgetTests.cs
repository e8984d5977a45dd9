using System.IO.Compression;
using PaperTrail.Tests.Support;

namespace PaperTrail.Tests.Themes;

/// <summary>
/// What a reader downloads: the default theme's stylesheet stays under 30 KB and the seed's paper
/// pages (119 real papers, the shipped day) under 15 KB at the median, as issue 27 set; the reading
/// list's script, which every page loads, under 10 KB compressed, as issue 35 set.
/// </summary>
public sealed class ThemeBudgetTests
{
    [Fact]
    public void The_stylesheet_is_under_30_KB()
    {
        var css = new FileInfo(Path.Combine(Repo.Root, "themes", "default", "assets", "style.css"));
        Assert.True(css.Length < 30 * 1024, $"style.css is {css.Length} bytes");
    }

    [Fact]
    public void The_reading_list_script_is_under_10_KB_compressed()
    {
        var script = File.ReadAllBytes(Path.Combine(Repo.Root, "themes", "default", "assets", "reading.js"));
        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.SmallestSize, leaveOpen: true)) gzip.Write(script);
        Assert.True(compressed.Length < 10 * 1024, $"reading.js is {compressed.Length} bytes compressed ({script.Length} bytes)");
    }

    [Fact]
    public void The_seeds_paper_pages_are_under_15_KB_at_the_median()
    {
        using var dir = new TempDir();
        var content = dir["archive/content"];
        Assert.Equal(0, Generator.Run("init", dir["archive"]).ExitCode);
        Assert.Equal(0, Generator.Run("ingest", Repo.SeedScrape, "--date", "2026-11-28", "--content", content).ExitCode);
        var build = Generator.Run("build", "--content", content, "--output", dir["output"], "--themes", Path.Combine(Repo.Root, "themes"), "--no-search");
        Assert.True(build.ExitCode == 0, build.ToString());

        var sizes = Directory.GetDirectories(Path.Combine(dir["output"], "papers"))
            .Select(d => new FileInfo(Path.Combine(d, "index.html")).Length).Order().ToList();
        Assert.Equal(119, sizes.Count);
        var median = sizes[sizes.Count / 2];
        Assert.True(median < 15 * 1024, $"the median paper page is {median} bytes");
    }
}
