using System.CommandLine;
using PaperTrail.Build;
using PaperTrail.Content;
using PaperTrail.Errors;
using PaperTrail.Rendering;
using PaperTrail.Site;

namespace PaperTrail.Commands;

/// <summary>
/// <c>generator build [--content DIR] [--output DIR] [--themes DIR] [--clean] [--strict]</c>: a paper that
/// breaks a rule is left out of the site with a warning on stderr naming file, line and rule, and the
/// build succeeds; <c>--strict</c> makes any content problem fail it. While it works it shows its stages
/// (<see cref="Progress.ProgressWriter"/>): on a terminal in place, with bars, and the time of
/// each after the summary; in a log one line per stage as it ends; with <c>--quiet</c> not at all.
/// </summary>
internal static class BuildCommand
{
    public static Command Create(CommandContext context)
    {
        var content = CommonOptions.Content();
        var output = new Option<string>("--output") { Description = "where the site is written", DefaultValueFactory = _ => BuildOptions.DefaultOutput }.NamingAPath();
        var themes = new Option<string?>("--themes") { Description = "the themes folder (default: the repository's themes/)" }.NamingAPath();
        var clean = new Option<bool>("--clean") { Description = "remove what earlier builds wrote and write every file anew" };
        var noSearch = new Option<bool>("--no-search") { Description = "do not build the search index (pages then show no search box)" };
        var verbose = new Option<bool>("--verbose") { Description = "print what was rendered and written and why, and how long each stage took" };
        var strict = new Option<bool>("--strict") { Description = "fail on any content problem instead of leaving the paper out of the site" };
        var quiet = new Option<bool>("--quiet") { Description = "show no stage and no progress: only problems and the summary" };
        var command = new Command("build", "build the website from the archive") { content, output, themes, clean, noSearch, strict, verbose, quiet };
        command.SetAction(result => context.Guarded(() =>
        {
            var contentDir = ContentFolder.Require(result.GetValue(content)!);
            var themesDir = result.GetValue(themes) ?? ThemeFiles.DefaultThemesDir();
            var options = new BuildOptions(
                contentDir,
                OutputFolder.Check(result.GetValue(output)!, contentDir, themesDir),
                themesDir,
                result.GetValue(clean),
                Search: !result.GetValue(noSearch),
                Strict: result.GetValue(strict));
            // Disposed before a failure is reported: the error is not written after the status line.
            using var progress = context.Progress(quiet: result.GetValue(quiet));
            var report = BuildPipeline.Run(options, progress);
            foreach (var paper in report.LeftOut) context.Errors.WriteLine(paper.Warning);
            foreach (var cut in report.Cut) context.Errors.WriteLine(cut);
            foreach (var damaged in report.Warnings) context.Errors.WriteLine($"warning: {damaged}; that part of the build is worked out again");
            if (report.NothingChanged)
            {
                context.Output.WriteLine($"build: no input changed since the last build; {report.Outputs} files kept, 0 written{LeftOut(report)}");
                if (result.GetValue(verbose)) Stages(context.Output, report);
                progress.Times(report.Stages.Select(s => (s.Stage, s.Took)));
                return ExitCodes.Ok;
            }
            context.Output.WriteLine(
                $"build: {report.Papers} papers, {report.Outputs} files ({report.Written} written, {report.Unchanged} unchanged, {report.Removed} removed); " +
                $"{Plural.Count(report.FellBack, "paper")} fell back to the fallback topic; {report.Rendered} rendered, " +
                $"{report.Outputs - report.Rendered} kept from the last build as their inputs were unchanged{LeftOut(report)}");
            if (report.Feeds is { } feeds) context.Output.WriteLine(feeds);
            if (report.Search is { } search)
                context.Output.WriteLine(
                    search.NothingToIndex ? "search: no paper to index yet; the search page says there is nothing to search"
                    : search.Indexed ? $"search: indexed in {search.Took.TotalSeconds:0.0} s, {search.Files} files ({search.Written} written, {search.Removed} removed)"
                    : "search: no page changed, index kept as it was");
            else context.Output.WriteLine($"search: skipped ({report.SearchSkipped}); pages show no search box");
            if (result.GetValue(verbose))
            {
                foreach (var change in report.Changes) context.Output.WriteLine($"  changed: {change}");
                Stages(context.Output, report);
            }
            if (report.ToolsMissing is not null) context.Output.WriteLine($"math: left as TeX text ({report.ToolsMissing})");
            else if (report.MathFormulas > 0) context.Output.WriteLine($"math: {report.MathFormulas} formulas rendered to MathML");
            progress.Times(report.Stages.Select(s => (s.Stage, s.Took)));
            return ExitCodes.Ok;
        }));
        return command;
    }

    /// <summary>Each stage's wall and processor time, pauses and allocations, then the process's totals (start-up and the search index included).</summary>
    private static void Stages(TextWriter output, BuildReport report)
    {
        foreach (var s in report.Stages)
            output.WriteLine($"  {s.Stage,-26} {s.Took.TotalMilliseconds,6:0} ms  (cpu {s.Cpu.TotalMilliseconds,6:0} ms, " +
                $"gc paused {s.Paused.TotalMilliseconds,4:0} ms, {s.Allocated >> 20,5} MB allocated)");
        output.WriteLine($"  gc: {GC.CollectionCount(0)} gen0, {GC.CollectionCount(1)} gen1, {GC.CollectionCount(2)} gen2 collections, " +
            $"{GC.GetTotalPauseDuration().TotalMilliseconds:0} ms paused, {GC.GetTotalAllocatedBytes() / (1 << 20)} MB allocated, " +
            $"peak working set {System.Diagnostics.Process.GetCurrentProcess().PeakWorkingSet64 >> 20} MB");
    }

    private static string LeftOut(BuildReport report) => report.LeftOut.Count switch
    {
        0 => "",
        1 => "; 1 paper left out of the site (see the warning)",
        var n => $"; {n} papers left out of the site (see the warnings)",
    };
}
