using System.Diagnostics;
using PaperTrail.Tests.Support;

namespace PaperTrail.Tests.Publish;

/// <summary>
/// The nightly job rehearsed offline (scripts/nightly.sh --offline): the same steps, a fixture
/// served on loopback instead of the web, a temporary remote instead of GitHub.
/// </summary>
public sealed class RehearsalTests : IDisposable
{
    private readonly TempDir _work = new();

    public void Dispose() => _work.Dispose();

    private (int Exit, string Output) Rehearse(string fixture)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(Repo.Root, "scripts", "nightly.sh"));
        start.ArgumentList.Add("--offline");
        start.ArgumentList.Add(fixture);
        start.Environment["GENERATOR"] = GeneratorProcess.Dll;
        start.Environment["NIGHTLY_DATE"] = "2026-11-29";
        start.Environment["NIGHTLY_WORKDIR"] = _work.Path;
        start.Environment.Remove("GITHUB_ACTIONS");
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(3))) { process.Kill(true); throw new TimeoutException("rehearsal hung"); }
        return (process.ExitCode, output.Result + errors.Result);
    }

    private string Git(params string[] args)
    {
        var start = new ProcessStartInfo("git") { RedirectStandardOutput = true, UseShellExecute = false, WorkingDirectory = _work["repo"] };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var text = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return text.Trim();
    }

    [PosixFact("bash, python3 and scripts/nightly.sh")]
    public void A_good_fixture_is_ingested_committed_pushed_built_and_ready_to_deploy()
    {
        var (exit, output) = Rehearse(Path.Combine(Repo.Fixtures, "hf-html", "daily-list_2024-08-01_raw.html"));

        Assert.True(exit == 0, output);
        Assert.Contains("ingest: 13 new", output);
        Assert.Contains("would deploy output/", output);
        Assert.Equal("nightly 2026-11-29: 13 new, 0 updated, 0 unchanged, 0 skipped", Git("log", "-1", "--format=%s", "origin/HEAD"));
        Assert.True(File.Exists(Path.Combine(_work["repo"], "output", "papers", "the-llama-3-herd-of-models", "index.html")));
    }

    [PosixTheory("bash, python3 and scripts/nightly.sh")]
    [InlineData("empty.html", "")]
    [InlineData("broken.html", "<!DOCTYPE html><html><body><p>We changed everything</p></body></html>")]
    public void A_broken_or_empty_fixture_fails_the_job_and_commits_nothing(string name, string text)
    {
        using var fixtures = new TempDir();
        var (exit, output) = Rehearse(fixtures.Write(name, text));

        Assert.NotEqual(0, exit);
        Assert.Contains("page structure changed", output);
        Assert.DoesNotContain("would deploy", output);
        Assert.DoesNotContain("nightly 2026-11-29", Git("log", "--format=%s", "origin/HEAD"));
        Assert.Equal("", Git("status", "--porcelain"));
        Assert.False(Directory.Exists(Path.Combine(_work["repo"], "output")));
    }
}
