using PaperTrail.Output;
using PaperTrail.Tools;
using PaperTrail.Errors;

namespace PaperTrail.Search;

/// <summary>What indexing did.</summary>
public sealed record SearchReport(bool Indexed, int Files, int Written, int Removed, TimeSpan Took)
{
    /// <summary>True when the site has no paper page, so there is no index (and any older one was removed).</summary>
    public bool NothingToIndex { get; init; }
}

/// <summary>
/// Builds the Pagefind index of the paper pages into <c>output/pagefind/</c>. Pagefind writes into a
/// temporary folder; only files whose bytes changed are copied over, and files of an older index
/// that are gone are removed, so an unchanged site keeps an untouched index. When no page changed
/// since the index was made, indexing is skipped altogether. A site with no paper page gets no index
/// at all: Pagefind refuses to make an empty one, and the search page says there is nothing to search.
/// Finishing takes away the mark the build set before its commit (<see cref="SearchIndexState"/>).
/// </summary>
public static class SearchIndexer
{
    public const string Folder = "pagefind";
    public const string Scope = "search";

    /// <summary>Only paper pages are indexed: titles and abstracts are what readers search.</summary>
    public const string Glob = "papers/*/index.html";

    /// <summary>Pagefind's own ready-made UIs: the theme has its own search page, so readers never load these.</summary>
    private static readonly string[] UnusedUi = ["pagefind-ui.", "pagefind-component-ui.", "pagefind-modular-ui.", "pagefind-highlight."];

    /// <summary>The build's search step: makes the index, or finds it current, and then takes away the pending mark.</summary>
    /// <param name="paperPages">How many paper pages the site has: with none, Pagefind is not run.</param>
    public static SearchReport Run(NodeTools tool, string outputDir, IReadOnlyList<string> changedFiles, int paperPages)
    {
        SearchReport report;
        try
        {
            report = Index(tool, outputDir, changedFiles, paperPages);
        }
        catch (UserError e)
        {
            // The pages are in place and the pending mark stays: say what the next build does about it.
            throw new UserError([.. e.Lines, "search: the pages are written; the next build makes the index again"], e.ExitCode);
        }
        SearchIndexState.Clear(outputDir);
        return report;
    }

    private static SearchReport Index(NodeTools tool, string outputDir, IReadOnlyList<string> changedFiles, int paperPages)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var writer = new OutputWriter(outputDir, Scope);
        if (paperPages == 0)
        {
            var cleared = writer.Write([]);
            return new SearchReport(false, 0, 0, cleared.Removed, clock.Elapsed) { NothingToIndex = true };
        }
        var previous = writer.PreviousOutputs();
        var pagesChanged = changedFiles.Any(f => f.EndsWith(".html", StringComparison.Ordinal));
        if (!pagesChanged && previous.Count > 0 && SearchIndexState.IsWhole(outputDir))
            return new SearchReport(false, previous.Count, 0, 0, clock.Elapsed);

        var temp = Path.Combine(Path.GetTempPath(), "paper-trail-pagefind-" + Guid.NewGuid().ToString("N"));
        try
        {
            var (exit, output) = NodeTools.Run(tool.Node,
                [tool.Pagefind, "--site", Path.GetFullPath(outputDir), "--output-path", temp, "--glob", Glob, "--silent"],
                tool.PackageDir, TimeSpan.FromMinutes(10));
            if (exit != 0)
                throw UserError.At("pagefind", 0, $"search indexing failed (exit {exit}): {output.Trim()}");
            var files = Directory.EnumerateFiles(temp, "*", SearchOption.AllDirectories)
                .Where(f => !UnusedUi.Any(Path.GetFileName(f).StartsWith))
                .Select(f => ($"{Folder}/{Path.GetRelativePath(temp, f).Replace('\\', '/')}", File.ReadAllBytes(f)))
                .OrderBy(f => f.Item1, StringComparer.Ordinal)
                .ToList();
            var written = writer.Write(files);
            return new SearchReport(true, files.Count, written.Written, written.Removed, clock.Elapsed);
        }
        finally
        {
            if (Directory.Exists(temp)) Directory.Delete(temp, recursive: true);
        }
    }
}
