using PaperTrail.Tests.Support;

namespace PaperTrail.Tests.Incremental;

/// <summary>
/// A rebuild after a change must give exactly the site a cold build of the changed content gives,
/// byte for byte, whatever changed: papers added, edited or hidden, a template, the taxonomy.
/// </summary>
public sealed class RebuildEquivalenceTests : IDisposable
{
    private readonly TempDir _themes = new();
    private readonly FixtureSite _site;

    public RebuildEquivalenceTests()
    {
        TestFiles.CopyDefaultTheme(_themes.Path);
        _site = new FixtureSite { Themes = _themes.Path };
        for (var i = 1; i <= 7; i++)
            _site.Paper($"p{i}", $"Diffusion Paper {i}", $"[2026-11-{20 + i}]", $"A diffusion model, number {i}.", extra: i % 2 == 0 ? "upvotes: " + i : "");
        _site.BuildOk();
    }

    public void Dispose()
    {
        _site.Dispose();
        _themes.Dispose();
    }

    /// <summary>Rebuilds in place, builds cold elsewhere, and compares every published file.</summary>
    private void AssertRebuildEqualsColdBuild()
    {
        _site.BuildOk();
        using var cold = new TempDir();
        var result = Generator.Run("build", "--content", _site.Content, "--output", cold.Path, "--themes", _site.Themes, "--no-search");
        Assert.True(result.ExitCode == 0, result.ToString());
        static Dictionary<string, string> Published(string dir) => FolderSnapshot.Of(dir).Files
            .Where(f => !f.Key.StartsWith(".paper-trail/", StringComparison.Ordinal))
            .ToDictionary(f => f.Key, f => f.Value.Hash);
        var rebuilt = Published(_site.Output);
        var fresh = Published(cold.Path);
        Assert.Equal(fresh.Keys.Order(StringComparer.Ordinal), rebuilt.Keys.Order(StringComparer.Ordinal));
        Assert.All(fresh, f => Assert.True(rebuilt[f.Key] == f.Value, $"{f.Key} differs from a cold build"));
    }

    [Fact]
    public void After_adding_papers()
    {
        for (var i = 8; i <= 10; i++) _site.Paper($"p{i}", $"New Paper {i}", "[2026-11-29]", "Reinforcement learning.");
        AssertRebuildEqualsColdBuild();
    }

    [Fact]
    public void After_editing_one_paper()
    {
        _site.Paper("p3", "Diffusion Paper 3, Revised", "[2026-11-23, 2026-11-29]", "Now about reinforcement learning.", extra: "upvotes: 99");
        AssertRebuildEqualsColdBuild();
    }

    [Fact]
    public void After_hiding_one_paper()
    {
        _site.Paper("p5", "Diffusion Paper 5", "[2026-11-25]", "A diffusion model, number 5.", extra: "hidden: true");
        AssertRebuildEqualsColdBuild();
    }

    [Fact]
    public void After_changing_a_template()
    {
        var day = Path.Combine(_themes.Path, "default", "layouts", "day.liquid");
        File.WriteAllText(day, File.ReadAllText(day).Replace("papers trended on this day", "papers were trending that day"));
        AssertRebuildEqualsColdBuild();
        Assert.Contains("papers were trending that day", _site.Text("days/2026-11-21/index.html"));
    }

    [Fact]
    public void After_changing_the_taxonomy()
    {
        _site.Write("content/topics.yml", FixtureSite.DefaultTopics.Replace("description: Denoising diffusion and score-based models.",
            "description: Denoising diffusion and score-based models.\n    threshold: 1\n    phrases: { \"diffusion\": 1 }"));
        AssertRebuildEqualsColdBuild();
        Assert.Contains("Diffusion Paper 1", _site.Text("topics/diffusion-models/page/4/index.html"));
        Assert.DoesNotContain("Diffusion Paper 1", _site.Text("topics/other/index.html"));
    }

    [Fact]
    public void With_nothing_changed_the_build_ends_early_and_writes_nothing()
    {
        var before = FolderSnapshot.Of(_site.Output);

        var again = _site.Build();

        Assert.Contains("no input changed since the last build", again.Output);
        Assert.Empty(before.Differences(FolderSnapshot.Of(_site.Output)));
    }

    [Fact]
    public void A_touched_but_identical_file_still_counts_as_unchanged()
    {
        var file = Path.Combine(_site.Content, "papers", "2026", "11", "p1.md");
        File.SetLastWriteTimeUtc(file, DateTime.UtcNow.AddMinutes(5)); // as a fresh git checkout does
        Assert.Contains("no input changed since the last build", _site.Build().Output);
    }

    [Fact]
    public void A_corrupt_input_manifest_means_a_full_build()
    {
        File.WriteAllText(Path.Combine(_site.Output, ".paper-trail", "inputs.txt"), "garbage\n");
        var result = _site.Build();
        Assert.Contains("build: 7 papers", result.Output);
        AssertRebuildEqualsColdBuild();
    }
}
