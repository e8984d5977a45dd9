using PaperTrail.Errors;
using PaperTrail.Output;
using PaperTrail.Progress;
using PaperTrail.Tools;

namespace PaperTrail.Search;

/// <summary>What indexing did.</summary>
internal sealed record SearchReport(bool Indexed, int Files, int Written, int Removed, TimeSpan Took)
{
    /// <summary>True when the site has no paper page, so there is no index (and any older one was removed).</summary>
    public bool NothingToIndex { get; init; }
}

/// <summary>
/// Builds the Pagefind index of the paper pages into <c>output/pagefind/</c>. Pagefind writes there
/// itself, over the last index: it names an index's files by a hash of their bytes and skips any whose
/// name is already there, so the fragment of every page whose search record is unchanged is neither
/// compressed nor written again. Files of the older index that the new one does not use are then
/// removed (<see cref="PagefindBundle"/>), and the fixed files it rewrote with the same bytes keep
/// their time, so an unchanged index looks untouched. Before Pagefind runs, anything in the folder
/// that the last finished index did not list goes: a file a killed run left half written would
/// otherwise be taken as done. When no page changed since the index was made, indexing is skipped
/// altogether. A site with no paper page gets no index at all: Pagefind refuses to make an empty one,
/// and the search page says there is nothing to search.
/// Finishing takes away the mark the build set before its commit (<see cref="SearchIndexState"/>).
/// </summary>
internal static class SearchIndexer
{
    public const string Folder = "pagefind";
    public const string Scope = "search";

    /// <summary>Only paper pages are indexed: titles and abstracts are what readers search.</summary>
    public const string Glob = "papers/*/index.html";

    /// <summary>The build's search step: makes the index, or finds it current, and then takes away the pending mark.</summary>
    /// <param name="paperPages">How many paper pages the site has: with none, Pagefind is not run.</param>
    /// <param name="clean">Remove the whole index first, so that Pagefind writes every file of it anew.</param>
    /// <param name="progress">Where Pagefind's steps are shown as it takes them.</param>
    public static SearchReport Run(NodeTools tool, string outputDir, IReadOnlyList<string> changedFiles, int paperPages, bool clean = false,
        ProgressWriter? progress = null)
    {
        SearchReport report;
        try
        {
            report = Index(tool, outputDir, changedFiles, paperPages, clean, new PagefindProgress(progress ?? ProgressWriter.Silent()));
        }
        catch (UserError e)
        {
            // The pages are in place and the pending mark stays: say what the next build does about it.
            throw new UserError([.. e.Lines, "search: the pages are written; the next build makes the index again"], e.ExitCode);
        }
        SearchIndexState.Clear(outputDir);
        return report;
    }

    private static SearchReport Index(NodeTools tool, string outputDir, IReadOnlyList<string> changedFiles, int paperPages, bool clean, PagefindProgress progress)
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
        if (!clean && !pagesChanged && previous.Count > 0 && SearchIndexState.IsWhole(outputDir))
            return new SearchReport(false, previous.Count, 0, 0, clock.Elapsed);

        var root = Path.GetFullPath(outputDir);
        var folder = Path.Combine(root, Folder);
        var listed = new HashSet<string>(previous, StringComparer.Ordinal);
        RemoveAllBut(root, clean ? new HashSet<string>() : listed);
        var fixedFiles = FixedFiles(root, listed);

        // Not --silent: its lines name its steps as it takes them (PagefindProgress).
        var (exit, output) = NodeTools.Run(tool.Node,
            [tool.Pagefind, "--site", root, "--output-path", folder, "--glob", Glob],
            tool.PackageDir, TimeSpan.FromMinutes(10), outputLine: progress.Line);
        if (exit != 0)
            throw UserError.At("pagefind", 0, $"search indexing failed (exit {exit}): {WhatItSaid(output)}");

        var index = PagefindBundle.Files(folder).Select(f => $"{Folder}/{f}").ToList();
        var kept = new HashSet<string>(index, StringComparer.Ordinal);
        var removed = previous.Count(f => !kept.Contains(f));
        RemoveAllBut(root, kept);
        var written = index.Count(f => !listed.Contains(f));
        foreach (var (file, (bytes, time)) in fixedFiles)
        {
            var full = Path.Combine(root, file);
            if (!File.Exists(full)) continue;
            if (File.ReadAllBytes(full).AsSpan().SequenceEqual(bytes)) File.SetLastWriteTimeUtc(full, time); // rewritten as it was
            else written++;
        }
        Record(root, index);
        return new SearchReport(true, index.Count, written, removed, clock.Elapsed);
    }

    /// <summary>What a failed run said besides its progress (all of it, if that is nothing).</summary>
    private static string WhatItSaid(string output) =>
        PagefindProgress.WithoutProgress(output).Trim() is { Length: > 0 } said ? said : output.Trim();

    /// <summary>Removes every file of the index folder that is not in <paramref name="keep"/> (paths relative to the output folder).</summary>
    private static void RemoveAllBut(string root, IReadOnlySet<string> keep)
    {
        var folder = Path.Combine(root, Folder);
        if (!Directory.Exists(folder)) return;
        foreach (var full in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).ToList())
        {
            var relative = Path.GetRelativePath(root, full).Replace('\\', '/');
            if (!keep.Contains(relative)) OutputWriter.Delete(root, relative);
        }
    }

    /// <summary>
    /// The bytes and times of the listed files Pagefind writes on every run whatever they hold (its
    /// script, worker, WebAssembly and entry: the files directly in the folder), so that those it
    /// rewrites unchanged can get their time back.
    /// </summary>
    private static Dictionary<string, (byte[] Bytes, DateTime Time)> FixedFiles(string root, IEnumerable<string> listed) =>
        listed.Where(f => f.Count(c => c == '/') == 1 && !f.EndsWith(".pf_meta", StringComparison.Ordinal))
            .Select(f => (File: f, Full: Path.Combine(root, f)))
            .Where(f => File.Exists(f.Full))
            .ToDictionary(f => f.File, f => (File.ReadAllBytes(f.Full), File.GetLastWriteTimeUtc(f.Full)), StringComparer.Ordinal);

    /// <summary>The search scope's manifest, as <see cref="OutputWriter"/> reads it: one file a line, then its checksum.</summary>
    private static void Record(string root, IReadOnlyList<string> files) =>
        CheckedFile.Write(Path.Combine(root, OutputWriter.ManifestPath(Scope)), stream =>
        {
            using var text = new StreamWriter(stream, new System.Text.UTF8Encoding(false), bufferSize: 1 << 16, leaveOpen: true) { NewLine = "\n" };
            foreach (var file in files) text.WriteLine(file);
        });
}
