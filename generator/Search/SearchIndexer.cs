using PaperTrail.Output;
using PaperTrail.Tools;
using PaperTrail.Errors;

namespace PaperTrail.Search;

/// <summary>What indexing did.</summary>
public sealed record SearchReport(bool Indexed, int Files, int Written, int Removed, TimeSpan Took);

/// <summary>
/// Builds the Pagefind index of the paper pages into <c>output/pagefind/</c>. Pagefind writes into a
/// temporary folder; only files whose bytes changed are copied over, and files of an older index
/// that are gone are removed, so an unchanged site keeps an untouched index. When no page changed
/// since the index was made, indexing is skipped altogether.
/// </summary>
public static class SearchIndexer
{
    public const string Folder = "pagefind";
    public const string Scope = "search";

    /// <summary>Only paper pages are indexed: titles and abstracts are what readers search.</summary>
    public const string Glob = "papers/*/index.html";

    /// <summary>Pagefind's own ready-made UIs: the theme has its own search page, so readers never load these.</summary>
    private static readonly string[] UnusedUi = ["pagefind-ui.", "pagefind-component-ui.", "pagefind-modular-ui.", "pagefind-highlight."];

    public static SearchReport Run(NodeTools tool, string outputDir, IReadOnlyList<string> changedFiles)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var writer = new OutputWriter(outputDir, Scope);
        var previous = writer.PreviousOutputs();
        var pagesChanged = changedFiles.Any(f => f.EndsWith(".html", StringComparison.Ordinal));
        if (!pagesChanged && previous.Count > 0 && previous.All(f => File.Exists(Path.Combine(outputDir, f))))
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
            var report = writer.Write(files);
            return new SearchReport(true, files.Count, report.Written, report.Removed, clock.Elapsed);
        }
        finally
        {
            if (Directory.Exists(temp)) Directory.Delete(temp, recursive: true);
        }
    }
}
