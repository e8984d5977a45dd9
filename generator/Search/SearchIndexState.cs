using PaperTrail.Output;

namespace PaperTrail.Search;

/// <summary>
/// Whether <c>output/pagefind/</c> is known to match the pages beside it. A build with search on
/// marks the index pending just before its commit changes the pages, and only a finished search step
/// takes the mark away. So a build whose indexing failed, was killed, or was skipped because the
/// tools were missing leaves the mark behind: the next build neither calls itself up to date nor
/// keeps the old index, even though the pages it renders are already on disk.
/// </summary>
internal static class SearchIndexState
{
    /// <summary>The mark, beside the manifests. Only whether it is there counts; its text is for a person who finds it.</summary>
    public const string PendingFile = "search-pending.txt";

    private const string Explanation = "The pages in this folder changed after output/pagefind/ was made: the next build indexes them again.\n";

    public static void MarkPending(string outputDir)
    {
        var path = OutputWriter.ManifestFile(outputDir, PendingFile);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        // Not written atomically: a mark cut short is still there, and still means the same.
        File.WriteAllText(path, Explanation);
    }

    public static bool IsPending(string outputDir) => File.Exists(OutputWriter.ManifestFile(outputDir, PendingFile));

    public static void Clear(string outputDir) => File.Delete(OutputWriter.ManifestFile(outputDir, PendingFile));

    /// <summary>
    /// True when the last search step finished and every file of the index it recorded is still there
    /// (an archive with no paper has an index of no file, recorded all the same).
    /// </summary>
    public static bool IsWhole(string outputDir)
    {
        if (IsPending(outputDir)) return false;
        if (!File.Exists(Path.Combine(outputDir, OutputWriter.ManifestPath(SearchIndexer.Scope)))) return false;
        var files = new OutputWriter(outputDir, SearchIndexer.Scope).PreviousOutputs();
        using var sizes = new FileSizes(outputDir);
        return files.All(f => sizes.SizeOf(f) >= 0);
    }
}
