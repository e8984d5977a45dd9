using System.Diagnostics;
using PaperTrail.Tests.Support;

namespace PaperTrail.Tests.Commands;

/// <summary>
/// Ordinary slips at the command line get plain answers: a misspelt option is a usage error naming
/// it (never a file to read or a folder to make), and a command run away from the archive says
/// where it looked and where to run from, with one exit code whichever command it was.
/// </summary>
public sealed class CliMistakeTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private static Generator.Result Run(params string[] args) => Generator.Run(args);

    [Theory]
    [InlineData("--dryrun", "--dry-run", "ingest", "--dryrun", "scrape.txt")]
    [InlineData("--dryrun", "--dry-run", "ingest", "scrape.txt", "--dryrun")]
    [InlineData("-n", null, "ingest", "--dry-run", "-n", "scrape.txt")]
    [InlineData("--cleann", "--clean", "build", "--cleann")]
    [InlineData("--verbose", null, "check", "--verbose")]
    [InlineData("--prot", "--port", "serve", "--prot", "9000")]
    [InlineData("-x", null, "topics", "--papers", "scrape.txt", "-x")]
    [InlineData("--force", null, "terms", "--force")]
    [InlineData("--force", null, "init", "new-archive", "--force")]
    public void An_unknown_option_is_a_usage_error_that_names_it(string option, string? suggestion, params string[] args)
    {
        var content = _dir["content"];
        _dir.Write("scrape.txt", "1. A Paper About Diffusion Models\n");
        var argsHere = args.Select(a => a is "scrape.txt" or "new-archive" ? _dir[a] : a).Concat(args[0] is "init" ? [] : ["--content", content]).ToArray();

        var result = Run(argsHere);

        Assert.True(result.ExitCode == 2, result.ToString());
        var first = result.Errors.Split('\n')[0];
        Assert.StartsWith($"usage error: unknown option '{option}' for '{args[0]}'", first);
        if (suggestion is not null) Assert.EndsWith($"did you mean '{suggestion}'?", first);
        Assert.Contains($"run 'generator {args[0]} --help'", result.Errors);
        Assert.DoesNotContain("no such file", result.Errors);
        Assert.False(Directory.Exists(content), "an archive was written");
        Assert.False(Directory.Exists(_dir["new-archive"]), "init made an archive");
    }

    [Fact]
    public void Init_never_makes_a_folder_named_after_an_unknown_option()
    {
        var before = Directory.Exists("--force");

        var result = Run("init", "--force");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("unknown option '--force'", result.Errors);
        Assert.Equal(before, Directory.Exists("--force"));
    }

    [Fact]
    public void After_a_double_dash_a_word_with_a_dash_is_a_file_again()
    {
        var result = Run("ingest", "--content", _dir["content"], "--", "-odd-name.txt");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("-odd-name.txt: no such file", result.Errors);
    }

    [Fact]
    public void A_negative_number_is_an_option_value_not_an_unknown_option()
    {
        var result = Run("ingest", "--content", _dir["content"], "--retry-delay", "-1", _dir["missing.txt"]);

        Assert.Equal(1, result.ExitCode);
        Assert.DoesNotContain("unknown option", result.Errors);
        Assert.Contains("missing.txt: no such file", result.Errors);
    }

    [Theory]
    [InlineData("build")]
    [InlineData("check")]
    [InlineData("serve")]
    [InlineData("topics")]
    [InlineData("terms")]
    [InlineData("doctor")]
    public void A_missing_content_folder_is_the_same_input_error_from_every_command(string command)
    {
        var missing = _dir["nowhere/content"];

        var result = Run(command, "--content", missing);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.StartsWith($"error: no content folder at {missing}\n", result.Errors);
        Assert.Contains("run the generator from the archive's root (the folder that holds content/), or pass --content", result.Errors);
        Assert.DoesNotContain("crash", result.Errors);
    }

    [Fact]
    public void Run_from_a_subfolder_it_says_where_it_looked_and_where_the_archive_is()
    {
        var archive = new FixtureSite();
        try
        {
            var root = Path.GetDirectoryName(archive.Content)!;
            var subfolder = Directory.CreateDirectory(Path.Combine(root, "notes")).FullName;

            var result = RunIn(subfolder, "check");

            Assert.True(result.ExitCode == 1, result.ToString());
            Assert.Contains($"error: no content folder at {Path.Combine(subfolder, "content")}\n", result.Errors);
            Assert.Contains($"{root} looks like one", result.Errors);
            Assert.Contains("--content", result.Errors);
        }
        finally
        {
            archive.Dispose();
        }
    }

    /// <summary>The generator run as its own process from <paramref name="folder"/>, as a person in a terminal there would.</summary>
    private static Generator.Result RunIn(string folder, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = folder };
        foreach (var arg in args.Prepend(GeneratorProcess.Dll)) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(1)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("the generator did not finish in a minute");
        }
        return new Generator.Result(process.ExitCode, output.Result, errors.Result);
    }
}
