using System.Globalization;
using PaperTrail.Errors;
using PaperTrail.Output;
using PaperTrail.Tests.Support;

namespace PaperTrail.Tests.Hostile;

/// <summary>
/// A disk that fills up while the generator writes is the outside world's doing, not a bug: exit 1,
/// a message naming the file that could not be written and saying the disk is full, and nothing
/// lost: content/ and output/ as they were. The disk fills for real through the test-only
/// PAPER_TRAIL_DISK_FULL_AFTER_BYTES (<see cref="WriteFaults"/>), which throws the system's own
/// "no space left" IOException once that many bytes are written, in a process of its own.
/// </summary>
public sealed class DiskFullTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private static Dictionary<string, string> DiskFullAfter(long bytes) => new() { [WriteFaults.DiskFullVariable] = bytes.ToString(CultureInfo.InvariantCulture) };

    private static void AssertDiskFull(Generator.Result result, string pathPart)
    {
        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.DoesNotContain("crash", result.Errors);
        var line = Assert.Single(result.Errors.TrimEnd().Split('\n'));
        Assert.StartsWith("error: ", line);
        Assert.Contains(pathPart, line);
        Assert.Contains(": could not be written: the disk is full", line);
    }

    [Theory]
    [InlineData(0)]      // the first paper finds no space
    [InlineData(60_000)] // dozens of papers written, then none
    public void An_ingest_that_fills_the_disk_leaves_the_archive_as_it_was(long bytes)
    {
        var content = _dir["content"];
        Assert.Equal(0, Generator.Run("ingest", Repo.SeedScrape, "--date", "2026-11-28", "--content", content).ExitCode);
        var more = _dir.Write("more.txt", "A Newer Paper On Diffusion\nIts abstract.\n" + File.ReadAllText(Repo.SeedScrape));
        var before = FolderSnapshot.Of(content);

        var result = GeneratorProcess.Run(DiskFullAfter(bytes), "ingest", more, "--date", "2026-11-29", "--content", content);

        AssertDiskFull(result, Path.Combine("content", "papers", "2026", "11"));
        Assert.Empty(before.Differences(FolderSnapshot.Of(content)));

        // With space again, the same ingest does it all, as it does where the disk never filled.
        var again = Generator.Run("ingest", more, "--date", "2026-11-29", "--content", content);
        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Contains("ingest: 3 new, 118 updated", again.Output);
        Assert.Empty(Directory.EnumerateFiles(content, "*.tmp", SearchOption.AllDirectories));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(40_000)]
    public void A_build_that_fills_the_disk_leaves_the_site_as_it_was(long bytes)
    {
        using var site = new FixtureSite();
        for (var i = 1; i <= 12; i++) site.Paper($"p{i}", $"Paper {i}", $"[2026-11-{i:00}]", extra: "topics: [diffusion-models]");
        site.BuildOk();
        site.Write("content/site.yml", "title: Renamed Archive\nbase_url: https://example.org/\npage_size: 2\n"); // every page changes
        var before = FolderSnapshot.Of(site.Output);

        var result = GeneratorProcess.Run(DiskFullAfter(bytes), "build", "--content", site.Content, "--output", site.Output, "--themes", site.Themes, "--no-search");

        AssertDiskFull(result, site.Output);
        Assert.Empty(before.Differences(FolderSnapshot.Of(site.Output)));
        site.BuildOk();
        Assert.Contains("Renamed Archive", site.Text("index.html"));
    }

    [Fact]
    public void A_first_build_that_fills_the_disk_leaves_no_page_behind()
    {
        using var site = new FixtureSite();
        for (var i = 1; i <= 12; i++) site.Paper($"p{i}", $"Paper {i}", $"[2026-11-{i:00}]");

        var result = GeneratorProcess.Run(DiskFullAfter(30_000), "build", "--content", site.Content, "--output", site.Output, "--themes", site.Themes, "--no-search");

        AssertDiskFull(result, site.Output);
        Assert.Empty(Directory.EnumerateFiles(site.Output, "*.html", SearchOption.AllDirectories));
        Assert.Empty(Directory.EnumerateFiles(site.Output, "*.tmp", SearchOption.AllDirectories));
    }

    [Fact]
    public void A_full_disk_met_outside_the_writers_is_told_as_one_from_the_systems_message()
    {
        // What a marker file, a new folder or a lock meets: the bare IOException, from several threads.
        var errors = new StringWriter();
        var failure = new AggregateException(DiskFullError.Simulated("/srv/site/.paper-trail/search-pending.txt"), DiskFullError.Simulated("/srv/site/other"));

        var code = FailureReport.Write(failure, errors);

        Assert.Equal(ExitCodes.InputError, code);
        var line = Assert.Single(errors.ToString().TrimEnd().Split('\n'));
        Assert.Contains("/srv/site/.paper-trail/search-pending.txt", line);
        Assert.Contains("the disk is full", line);
    }

    [Fact]
    public void Any_other_failure_of_the_disk_is_still_a_crash_to_report()
    {
        var errors = new StringWriter();
        Assert.Equal(ExitCodes.Crash, FailureReport.Write(new IOException("Input/output error : '/srv/x'", 5), errors));
    }
}
