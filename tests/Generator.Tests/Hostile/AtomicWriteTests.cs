using System.Globalization;
using System.Security.Cryptography;
using PaperTrail.Content;
using PaperTrail.Output;
using PaperTrail.Tests.Support;

namespace PaperTrail.Tests.Hostile;

/// <summary>
/// A process killed in the middle of an ingest or a build leaves every file whole: its old bytes or
/// its new bytes, never a mix. The generator dies on purpose through PAPER_TRAIL_FAIL_AFTER_WRITES.
/// </summary>
public sealed class AtomicWriteTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private static Dictionary<string, string> FailAfter(int writes) => new() { [WriteFaults.Variable] = writes.ToString(CultureInfo.InvariantCulture) };

    private static Dictionary<string, string> Hashes(string folder) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Where(f => !Path.GetFileName(f).EndsWith(".tmp", StringComparison.Ordinal))
            .Where(f => !FolderLock.IsLockFile(Path.GetFileName(f))) // not content: a killed holder leaves its details behind
            .ToDictionary(f => Path.GetRelativePath(folder, f), f => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f))));

    private static Dictionary<string, string> Published(Dictionary<string, string> hashes) =>
        hashes.Where(f => !f.Key.StartsWith(".paper-trail", StringComparison.Ordinal)).ToDictionary(f => f.Key, f => f.Value);

    [Fact]
    public void An_ingest_killed_after_ten_writes_leaves_every_paper_old_or_new_and_the_archive_loadable()
    {
        var content = _dir["content"];
        Assert.Equal(0, Generator.Run("ingest", Repo.SeedScrape, "--date", "2026-11-28", "--content", content).ExitCode);
        var before = Hashes(content);
        using var expectedDir = new TempDir();
        CopyFolder(content, expectedDir["content"]);
        Assert.Equal(0, Generator.Run("ingest", Repo.SeedScrape, "--date", "2026-11-29", "--content", expectedDir["content"]).ExitCode);
        var after = Hashes(expectedDir["content"]);

        var killed = GeneratorProcess.Run(FailAfter(10), "ingest", Repo.SeedScrape, "--date", "2026-11-29", "--content", content);

        Assert.NotEqual(0, killed.ExitCode);
        Assert.Contains("fault injected", killed.Errors);
        var now = Hashes(content);
        Assert.Equal(before.Keys.Order(), now.Keys.Order());
        var updated = now.Count(f => f.Value == after[f.Key] && f.Value != before[f.Key]);
        Assert.Equal(10, updated);
        Assert.All(now, f => Assert.True(f.Value == before[f.Key] || f.Value == after[f.Key], f.Key));
        var problems = new List<ContentProblem>();
        Assert.Equal(119, ArchiveLoader.LoadPapers(content, problems).Count);
        Assert.Empty(problems);

        // The next run finishes the job.
        Assert.Contains("0 new, 109 updated, 10 unchanged", Generator.Run("ingest", Repo.SeedScrape, "--date", "2026-11-29", "--content", content).Output);
        Assert.Equal(after, Hashes(content));
        Assert.Empty(Directory.GetFiles(content, "*.tmp", SearchOption.AllDirectories));
    }

    [Fact]
    public void A_build_killed_after_twenty_writes_leaves_every_output_old_or_new()
    {
        var site = new FixtureSite();
        try
        {
            for (var i = 1; i <= 12; i++) site.Paper($"p{i}", $"Paper {i}", $"[2026-11-{i:00}]", extra: "topics: [diffusion-models]");
            site.BuildOk();
            var before = Hashes(site.Output);
            site.Write("content/site.yml", "title: Renamed Archive\nbase_url: https://example.org/\npage_size: 2\n");
            using var cold = new TempDir();
            Assert.Equal(0, Generator.Run("build", "--content", site.Content, "--output", cold.Path, "--themes", site.Themes, "--no-search").ExitCode);
            var after = Hashes(cold.Path);

            var killed = GeneratorProcess.Run(FailAfter(20), "build", "--content", site.Content, "--output", site.Output, "--themes", site.Themes, "--no-search");

            Assert.NotEqual(0, killed.ExitCode);
            // What is published: every file old or new. (The build's own records in .paper-trail are
            // checked by what they lead to: the next build gives the cold build's site.)
            var published = Published(Hashes(site.Output));
            foreach (var (file, hash) in published)
                Assert.True(before.GetValueOrDefault(file) == hash || after.GetValueOrDefault(file) == hash, file);
            Assert.Contains(published, f => f.Value == after.GetValueOrDefault(f.Key) && f.Value != before.GetValueOrDefault(f.Key));
            site.BuildOk();
            Assert.Equal(Published(after).OrderBy(f => f.Key, StringComparer.Ordinal), Published(Hashes(site.Output)).OrderBy(f => f.Key, StringComparer.Ordinal));
        }
        finally
        {
            site.Dispose();
        }
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
