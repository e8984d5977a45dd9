using System.Security.Cryptography;
using System.Text.RegularExpressions;
using PaperTrail.Tests.Support;

namespace PaperTrail.Tests.Commands;

/// <summary>
/// A build shows where it is while it works (issue 34), before its summary: on a terminal the stage it
/// is in, redrawn in place, with a bar while it renders, and after the summary the time of each stage;
/// in a log (CI, the nightly) one line per stage as it ends. <c>--quiet</c> shows none of it. Nothing of
/// the progress reaches the site. The stages' names are checked, not their times.
/// </summary>
public sealed class BuildProgressTests : IDisposable
{
    private static readonly string[] Stages =
        ["scan inputs", "load", "node tools", "model (topics)", "math, templates", "plan, related papers", "render, check links, stage", "commit"];

    private static readonly string FullBar = new('#', 24);

    private readonly FixtureSite _site = new FixtureSite()
        .Paper("alpha", "Alpha", "[2026-11-20]").Paper("beta", "Beta", "[2026-11-21]").Paper("gamma", "Gamma", "[2026-11-22]");

    public void Dispose() => _site.Dispose();

    private string[] Build(string output, params string[] extra) =>
        ["build", "--content", _site.Content, "--output", output, "--themes", _site.Themes, .. (_site.Search ? Array.Empty<string>() : ["--no-search"]), .. extra];

    /// <summary>The files of the site the summary counts ("N files").</summary>
    private static int Outputs(Generator.Result result) =>
        int.Parse(Regex.Match(result.Output, @"(?:^|[\r\n])build: 3 papers, (\d+) files").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>What a terminal shows once the command is over: each line as its last redraw left it, blank ones gone.</summary>
    private static List<string> Shown(string stream) =>
        stream.Split('\n').Select(l => l[(l.LastIndexOf('\r') + 1)..].TrimEnd()).Where(l => l.Length > 0).ToList();

    /// <summary>Every state the status line was drawn in, padding taken off.</summary>
    private static List<string> Drawn(string stream) =>
        stream.Split('\r', '\n').Select(s => s.TrimEnd()).Where(s => s.Length > 0).ToList();

    [Fact]
    public void Without_a_terminal_each_stage_is_one_line_as_it_ends_before_the_summary()
    {
        var result = Generator.Run(Build(_site.Output));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("", result.Errors);
        var lines = result.Output.Split('\n');
        var stageLines = lines.TakeWhile(l => !l.StartsWith("build: ", StringComparison.Ordinal)).ToList();
        Assert.All(stageLines, l => Assert.Matches(@"^[a-z ,()]+: \d+\.\d s( \(.+\))?$", l));
        Assert.Equal(Stages, stageLines.Select(l => l[..l.LastIndexOf(": ", StringComparison.Ordinal)]));
        Assert.StartsWith("build: 3 papers, ", lines[stageLines.Count]);
        Assert.EndsWith($" ({Outputs(result)} outputs)", stageLines.Single(l => l.StartsWith("render, check links, stage: ", StringComparison.Ordinal)));
        Assert.DoesNotContain('\r', result.Output); // nothing redrawn in a log, no bar
        Assert.DoesNotContain("took ", result.Output);
    }

    [Fact]
    public void On_a_terminal_the_stage_is_redrawn_in_place_rendering_has_a_bar_and_the_times_follow_the_summary()
    {
        var result = Generator.RunOnTerminal(Build(_site.Output));

        Assert.True(result.ExitCode == 0, result.ToString());
        var drawn = Drawn(result.Output);
        foreach (var stage in Stages) Assert.Contains($"{stage} …", drawn);
        var outputs = Outputs(result);
        Assert.Contains($"render, check links, stage [{FullBar}] {outputs}/{outputs} outputs", drawn); // the bar ends full
        Assert.All(drawn.Where(s => s.Contains('…') || s.Contains(" [")), // the status line, never the summary or the times (lines of their own)
            s => Assert.True(s.Length < 80, $"wider than the terminal, so it would wrap and could not be redrawn: {s}"));

        // Once it is over, the status line is gone: the terminal shows the summary, then every stage with its time.
        var shown = Shown(result.Output);
        Assert.StartsWith("build: 3 papers, ", shown[0]);
        var times = shown[^1];
        Assert.Matches(@"^took \d+\.\d s: ", times);
        Assert.Equal(Stages, Regex.Matches(times, @"(?:: |; )([a-z ,()]+?) \d+\.\d s").Select(m => m.Groups[1].Value));
        Assert.DoesNotContain(shown, l => l.Contains('…'));
    }

    [Fact]
    public void With_quiet_nothing_but_the_summary_is_printed_on_a_terminal_or_in_a_log()
    {
        using var other = new TempDir();

        var log = Generator.Run(Build(_site.Output, "--quiet"));
        var terminal = Generator.RunOnTerminal(Build(other["output"], "--quiet"));

        foreach (var result in new[] { log, terminal })
        {
            Assert.True(result.ExitCode == 0, result.ToString());
            Assert.Equal("", result.Errors);
            Assert.StartsWith("build: 3 papers, ", result.Output);
            Assert.DoesNotContain('\r', result.Output);
            Assert.DoesNotContain("took ", result.Output);
        }
    }

    [Fact]
    public void A_build_that_fails_on_a_terminal_leaves_no_status_line_before_its_error()
    {
        _site.Paper("broken", "Broken", "[2026-11-22]", extra: "topics: [no-such-topic]");

        var result = Generator.RunOnTerminal(Build(_site.Output, "--strict"));

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("load …", Drawn(result.Output)); // it got as far as loading
        Assert.Empty(Shown(result.Output)); // and took the status line away before the error was written
        Assert.StartsWith("error: ", result.Errors);
        Assert.Contains("no-such-topic", result.Errors);
    }

    [Fact]
    public void The_site_is_the_same_bytes_whether_a_terminal_watched_the_build_or_not()
    {
        using var other = new TempDir();

        Assert.Equal(0, Generator.Run(Build(_site.Output)).ExitCode);
        Assert.Equal(0, Generator.RunOnTerminal(Build(other["output"])).ExitCode);

        Assert.Equal(SiteFiles(_site.Output), SiteFiles(other["output"]));
    }

    [NodeFact]
    public void Search_indexing_shows_pagefinds_steps_on_a_terminal_and_the_pages_it_indexed_in_a_log()
    {
        _site.Search = true;
        using var other = new TempDir();

        var log = Generator.Run(Build(_site.Output));
        var terminal = Generator.RunOnTerminal(Build(other["output"]));

        Assert.True(log.ExitCode == 0, log.ToString());
        Assert.Matches(@"(?m)^search index: \d+\.\d s \(3 pages indexed\)$", log.Output);
        Assert.True(terminal.ExitCode == 0, terminal.ToString());
        var drawn = Drawn(terminal.Output);
        Assert.Contains(drawn, s => s.StartsWith("search index [", StringComparison.Ordinal) && s.EndsWith("steps: reading 3 pages", StringComparison.Ordinal));
        Assert.Contains($"search index [{FullBar}] 4/4 steps: done", drawn);
        Assert.Contains("; search index ", Shown(terminal.Output)[^1]);
    }

    /// <summary>Each file of the site (the build's own records aside) and its hash.</summary>
    private static List<string> SiteFiles(string output) =>
        Directory.EnumerateFiles(output, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(output, f).Replace('\\', '/'))
            .Where(f => !f.StartsWith(".paper-trail/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(f => $"{f} {Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(Path.Combine(output, f))))}")
            .ToList();
}
