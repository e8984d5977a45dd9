using System.Diagnostics;
using PaperTrail.Output;
using PaperTrail.Tests.Support;

namespace PaperTrail.Tests.Publish;

/// <summary>
/// What this repository's .gitignore keeps out of git: the nightly commits whatever
/// <c>git status --porcelain -- content</c> shows (scripts/nightly.sh), so anything a run leaves in
/// content/ that is not a paper must be ignored, and so must what the deploy installs.
/// </summary>
public sealed class IgnoredFilesTests : IDisposable
{
    private readonly TempDir _dir = new();

    public IgnoredFilesTests() => File.Copy(Path.Combine(Repo.Root, ".gitignore"), _dir[".gitignore"]);

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void The_temporary_file_a_killed_ingest_leaves_in_content_is_never_committed()
    {
        var content = _dir["content"];
        Assert.Equal(0, Generator.Run("ingest", Repo.SeedScrape, "--date", "2026-11-28", "--content", content).ExitCode);
        Git("init", "-q");

        var killed = GeneratorProcess.Run(new Dictionary<string, string> { [WriteFaults.Variable] = "3" },
            "ingest", Repo.SeedScrape, "--date", "2026-11-29", "--content", content);

        Assert.Contains("fault injected", killed.Errors);
        var leftovers = Directory.GetFiles(content, ".*.tmp", SearchOption.AllDirectories);
        Assert.NotEmpty(leftovers); // what the issue saw: a half-written paper beside its target
        // What the nightly's commit step does: look, then add.
        var status = Git("status", "--porcelain", "--untracked-files=all", "--", "content");
        Assert.Contains("content/papers/", status);
        Assert.DoesNotContain(".tmp", status);
        Git("add", "--", "content");
        var staged = Git("diff", "--cached", "--name-only").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains(staged, f => f.EndsWith(".md", StringComparison.Ordinal));
        Assert.DoesNotContain(staged, f => f.EndsWith(".tmp", StringComparison.Ordinal));
    }

    [Fact]
    public void The_installed_netlify_cli_is_never_committed_and_its_pins_are()
    {
        _dir.Write("deploy/package.json", "{}");
        _dir.Write("deploy/package-lock.json", "{}");
        _dir.Write("deploy/node_modules/netlify-cli/package.json", "{}");
        _dir.Write("deploy/node_modules/.bin/netlify", "");
        Git("init", "-q");

        var status = Git("status", "--porcelain", "--untracked-files=all");

        Assert.Contains("deploy/package.json", status);
        Assert.Contains("deploy/package-lock.json", status);
        Assert.DoesNotContain("node_modules", status);
    }

    private string Git(params string[] args)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = _dir.Path, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var git = Process.Start(start)!;
        var output = git.StandardOutput.ReadToEndAsync();
        var errors = git.StandardError.ReadToEnd();
        git.WaitForExit();
        Assert.True(git.ExitCode == 0, errors);
        return output.Result;
    }
}
