using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using PaperTrail.Content;
using PaperTrail.Output;
using PaperTrail.Tests.Support;

namespace PaperTrail.Tests.Hostile;

/// <summary>
/// One writer at a time: two ingests into one archive, or two builds into one folder, started
/// together. Without a lock, each ingest merged into the archive as it was before the other wrote,
/// and the last to write lost the other's papers and dates, while both said they succeeded; two
/// builds crashed (exit 70). The race is made certain, not left to timing: the first process holds
/// its lock and pauses before its first write (PAPER_TRAIL_PAUSE_BEFORE_WRITES) until the second
/// has run into it.
/// </summary>
public sealed class ConcurrentWritersTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private string Content => _dir["content"];

    private string ResumeFile => _dir["resume"];

    /// <summary>A writer that takes its lock, does its work in memory, and pauses before writing until <see cref="Resume"/>.</summary>
    private RunningGenerator StartPaused(params string[] args)
    {
        var first = GeneratorProcess.Start(new Dictionary<string, string> { [WriteFaults.PauseVariable] = ResumeFile }, args);
        first.WaitFor(WriteFaults.PausedMessage);
        return first;
    }

    private void Resume() => File.WriteAllText(ResumeFile, "");

    private string[] Ingest(string input, string date) => ["ingest", input, "--date", date, "--content", Content];

    private List<Paper> Archive()
    {
        var problems = new List<ContentProblem>();
        var papers = ArchiveLoader.LoadPapers(Content, problems).Select(f => f.Paper).ToList();
        Assert.Empty(problems);
        return papers;
    }

    [Fact]
    public void Two_ingests_of_different_days_at_once_keep_every_paper_and_both_days()
    {
        using var first = StartPaused(Ingest(Repo.SeedScrape, "2026-11-28"));
        using var second = GeneratorProcess.Start(null, Ingest(Repo.SeedScrape, "2026-11-29"));
        second.WaitFor("waiting up to");
        Resume();

        var (one, two) = (first.Finish(), second.Finish());

        Assert.True(one.ExitCode == 0, one.ToString());
        Assert.True(two.ExitCode == 0, two.ToString());
        Assert.Contains($"is being changed by another ingest (process {first.Id}, since ", two.Output);
        Assert.Contains("119 new", one.Output);
        Assert.Contains("0 new, 119 updated", two.Output);
        var papers = Archive();
        Assert.Equal(119, papers.Count);
        Assert.All(papers, p => Assert.Equal([new DateOnly(2026, 11, 28), new DateOnly(2026, 11, 29)], p.Trending.Order()));
    }

    [Fact]
    public void Two_ingests_at_once_of_two_papers_with_one_title_and_different_arxiv_ids_keep_both()
    {
        var a = _dir.Write("a.json", """[{"paper": {"id": "2401.00001", "title": "Attention Is All You Need Again", "summary": "We revisit attention and find it is still what a model needs."}}]""");
        var b = _dir.Write("b.json", """[{"paper": {"id": "2401.00002", "title": "Attention Is All You Need Again", "summary": "A different paper of the same title, about attention in graphs."}}]""");

        using var first = StartPaused(Ingest(a, "2026-11-28"));
        using var second = GeneratorProcess.Start(null, Ingest(b, "2026-11-28"));
        second.WaitFor("waiting up to");
        Resume();

        Assert.Equal(0, first.Finish().ExitCode);
        Assert.Equal(0, second.Finish().ExitCode);
        Assert.Equal(["2401.00001", "2401.00002"], Archive().Select(p => p.Arxiv).Order());
    }

    [Fact]
    public void An_ingest_that_waited_long_enough_stops_with_exit_1_naming_the_holder_and_writes_nothing()
    {
        using var first = StartPaused(Ingest(Repo.SeedScrape, "2026-11-28"));

        var clock = Stopwatch.StartNew();
        var second = Generator.Run(Ingest(Repo.SeedScrape, "2026-11-29"));

        Assert.True(second.ExitCode == 1, second.ToString());
        Assert.True(clock.Elapsed >= FolderLock.Patience, $"gave up after {clock.Elapsed}");
        Assert.Matches(
            $@"^error: .*content is being changed by another ingest \(process {first.Id}, since \d{{4}}-\d\d-\d\d \d\d:\d\d:\d\d UTC\); wait for it to finish, or stop it\r?\n$",
            second.Errors);
        Assert.Empty(Directory.GetFiles(Content, "*.md", SearchOption.AllDirectories)); // the first has not written yet, and the second wrote nothing

        Resume();
        Assert.Equal(0, first.Finish().ExitCode);
        Assert.Equal(0, Generator.Run(Ingest(Repo.SeedScrape, "2026-11-29")).ExitCode); // once it is free, it goes in
        Assert.All(Archive(), p => Assert.Equal(2, p.Trending.Count));
    }

    [PosixFact("kill -9")]
    public void A_lock_left_by_a_killed_ingest_is_taken_over_and_two_racing_for_it_take_turns()
    {
        int killed;
        using (var first = StartPaused(Ingest(Repo.SeedScrape, "2026-11-28")))
        {
            killed = first.Id;
            first.Kill();
        }
        // What it left: the lock file (never removed), and who held it.
        Assert.True(File.Exists(Path.Combine(Content, FolderLock.ContentLockName)));
        Assert.Contains($"pid: {killed}", File.ReadAllText(Path.Combine(Content, FolderLock.ContentLockName + ".holder")));

        using var second = GeneratorProcess.Start(null, Ingest(Repo.SeedScrape, "2026-11-29"));
        using var third = GeneratorProcess.Start(null, Ingest(Repo.SeedScrape, "2026-11-30"));
        var (two, three) = (second.Finish(), third.Finish());

        Assert.True(two.ExitCode == 0, two.ToString());
        Assert.True(three.ExitCode == 0, three.ToString());
        var papers = Archive();
        Assert.Equal(119, papers.Count);
        Assert.All(papers, p => Assert.Equal([new DateOnly(2026, 11, 29), new DateOnly(2026, 11, 30)], p.Trending.Order()));
        Assert.False(File.Exists(Path.Combine(Content, FolderLock.ContentLockName + ".holder")), "the last holder's details outlived it");
    }

    private static string[] Build(FixtureSite site, string output) =>
        ["build", "--content", site.Content, "--output", output, "--themes", site.Themes, "--no-search"];

    private static FixtureSite SiteOfTwelvePapers()
    {
        var site = new FixtureSite();
        for (var i = 1; i <= 12; i++) site.Paper($"p{i}", $"Paper {i}", $"[2026-11-{i:00}]", extra: "topics: [diffusion-models]");
        return site;
    }

    /// <summary>What a reader of the site gets: every file but the build's own folder, by hash.</summary>
    private static Dictionary<string, string> Published(string output) =>
        Directory.EnumerateFiles(output, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(output, f).Replace('\\', '/'))
            .Where(f => !f.StartsWith(OutputWriter.ManifestFolder + "/", StringComparison.Ordinal))
            .ToDictionary(f => f, f => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(Path.Combine(output, f)))));

    private static void AssertSameSite(string expected, string actual) =>
        Assert.Equal(Published(expected).OrderBy(f => f.Key, StringComparer.Ordinal), Published(actual).OrderBy(f => f.Key, StringComparer.Ordinal));

    [Fact]
    public void Two_builds_started_together_into_one_folder_never_crash_and_leave_the_whole_site()
    {
        using var site = SiteOfTwelvePapers();
        using var cold = new TempDir();
        Assert.Equal(0, Generator.Run(Build(site, cold.Path)).ExitCode);

        using var one = GeneratorProcess.Start(null, Build(site, site.Output));
        using var two = GeneratorProcess.Start(null, Build(site, site.Output));
        var results = new[] { one.Finish(), two.Finish() };

        // Each one built, or (if the other held the folder longer than it waits) said who held it.
        Assert.All(results, r => Assert.True(r.ExitCode == 0 || r.ExitCode == 1 && r.Errors.Contains("is being built by another build (process "), r.ToString()));
        Assert.Contains(results, r => r.ExitCode == 0);
        AssertSameSite(cold.Path, site.Output);
    }

    [Fact]
    public void A_build_into_a_folder_another_build_holds_stops_with_exit_1_naming_it_and_the_site_stays_whole()
    {
        using var site = SiteOfTwelvePapers();
        site.BuildOk();
        site.Paper("p13", "Paper 13", "[2026-11-13]");
        using var cold = new TempDir();
        Assert.Equal(0, Generator.Run(Build(site, cold.Path)).ExitCode);

        using var first = StartPaused(Build(site, site.Output));
        var second = Generator.Run(Build(site, site.Output));

        Assert.True(second.ExitCode == 1, second.ToString());
        Assert.Contains($"output is being built by another build (process {first.Id}, since ", second.Errors);
        Assert.Contains("wait for it to finish, or stop it", second.Errors);
        Resume();
        var one = first.Finish();
        Assert.True(one.ExitCode == 0, one.ToString());
        AssertSameSite(cold.Path, site.Output);
    }

    [Fact]
    public void A_build_into_the_folder_serve_previews_stops_at_once_naming_serve()
    {
        using var site = SiteOfTwelvePapers();
        var preview = _dir["preview"];
        using var serve = GeneratorProcess.Start(null,
            "serve", "--content", site.Content, "--themes", site.Themes, "--output", preview, "--port", TestFiles.FreePort().ToString(CultureInfo.InvariantCulture), "--no-search");
        serve.WaitFor("built in"); // its first build ran, inside its own lock, and let go of nothing

        var clock = Stopwatch.StartNew();
        var build = Generator.Run(Build(site, preview));

        Assert.True(build.ExitCode == 1, build.ToString());
        Assert.True(clock.Elapsed < FolderLock.Patience, "waited for a serve, which only ends when stopped");
        Assert.Contains($"preview is being built by another serve (process {serve.Id}, since ", build.Errors);
        Assert.Contains("which holds it until it stops; stop it (Ctrl+C), or use another folder with --output", build.Errors);
    }

    [Fact]
    public void Content_locks_are_neither_content_nor_inputs_nor_anything_git_commits()
    {
        Assert.Equal(0, Generator.Run(Ingest(Repo.SeedScrape, "2026-11-28")).ExitCode);
        Assert.True(File.Exists(Path.Combine(Content, FolderLock.ContentLockName)));

        // The nightly commits what `git status --porcelain -- content` shows, under this repository's .gitignore.
        File.Copy(Path.Combine(Repo.Root, ".gitignore"), _dir[".gitignore"]);
        Git("init", "-q");
        using (FolderLock.OnContent(Content, "test")) // its holder file too
            Assert.DoesNotContain(".paper-trail", Git("status", "--porcelain", "--untracked-files=all", "--", "content"));

        Assert.Equal(0, Generator.Run("check", "--content", Content).ExitCode);
        using var site = new FixtureSite();
        site.BuildOk();
        using (FolderLock.OnContent(site.Content, "test"))
            Assert.Contains("no input changed since the last build", site.Build().Output);
    }

    [Fact]
    public void The_build_never_lists_its_lock_as_an_output_nor_removes_it_when_a_manifest_does()
    {
        using var site = new FixtureSite();
        site.BuildOk();
        var manifest = Path.Combine(site.Output, OutputWriter.ManifestPath("outputs"));
        Assert.DoesNotContain(".paper-trail", File.ReadAllText(manifest));

        File.AppendAllText(manifest, $"{OutputWriter.ManifestFolder}/{FolderLock.OutputLockName}\n");
        site.BuildOk("--clean");

        Assert.True(File.Exists(OutputWriter.ManifestFile(site.Output, FolderLock.OutputLockName)));
    }

    private string Git(params string[] args)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = _dir.Path, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var git = Process.Start(start)!;
        var output = git.StandardOutput.ReadToEnd();
        git.WaitForExit();
        Assert.True(git.ExitCode == 0, git.StandardError.ReadToEnd());
        return output;
    }
}
