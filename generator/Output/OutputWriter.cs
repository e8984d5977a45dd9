using PaperTrail.Content;

namespace PaperTrail.Output;

/// <summary>What a write changed.</summary>
public sealed record WriteReport(int Written, int Unchanged, int Removed)
{
    /// <summary>The files written or removed, relative to the output folder.</summary>
    public IReadOnlyList<string> Changed { get; init; } = [];
}

/// <summary>
/// Writes the rendered site into the output folder: only files whose bytes changed, each
/// atomically; files this generator wrote in an earlier build and no longer produces are removed.
/// A manifest of the files it wrote lets it tell them from anything else in the folder, which it
/// never touches.
/// </summary>
/// <param name="scope">Which family of files this writer owns ("outputs" for pages and feeds, "search"
/// for the search index): each scope has its own manifest, so one never removes the other's files.</param>
public sealed class OutputWriter(string outputDir, string scope = "outputs")
{
    /// <summary>Where manifests live, relative to the output folder. Hidden from hosts by netlify.toml.</summary>
    public const string ManifestFolder = ".paper-trail";

    public static string ManifestPath(string scope) => $"{ManifestFolder}/{scope}.txt";

    private readonly string _root = Path.GetFullPath(outputDir);

    public IReadOnlyList<string> PreviousOutputs()
    {
        var manifest = Path.Combine(_root, ManifestPath(scope));
        return File.Exists(manifest)
            ? File.ReadAllLines(manifest).Where(l => l.Length > 0).ToList()
            : [];
    }

    public WriteReport Write(IReadOnlyList<(string File, byte[] Bytes)> outputs, bool clean = false)
    {
        foreach (var (file, _) in outputs) FullPath(file); // refuse anything that would land outside
        var previous = PreviousOutputs();
        AtomicFile.RemoveLeftovers(_root);
        if (clean) foreach (var file in previous) Delete(file);

        var changed = new System.Collections.Concurrent.ConcurrentBag<string>();
        Parallel.ForEach(outputs, output =>
        {
            if (AtomicFile.WriteIfChanged(FullPath(output.File), output.Bytes, durable: false)) changed.Add(output.File);
        });
        var written = changed.Count;

        var current = outputs.Select(o => o.File).ToHashSet(StringComparer.Ordinal);
        var removed = 0;
        foreach (var stale in previous.Where(f => !current.Contains(f)))
            if (Delete(stale))
            {
                removed++;
                changed.Add(stale);
            }

        var manifest = string.Join('\n', current.Order(StringComparer.Ordinal)) + "\n";
        AtomicFile.WriteIfChanged(Path.Combine(_root, ManifestPath(scope)), System.Text.Encoding.UTF8.GetBytes(manifest), durable: false);
        return new WriteReport(written, outputs.Count - written, removed) { Changed = changed.Order(StringComparer.Ordinal).ToList() };
    }

    private string FullPath(string relative)
    {
        var full = Path.GetFullPath(Path.Combine(_root, relative));
        if (!full.StartsWith(_root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            throw new ContentException(new ContentProblem(relative, 0, "an output path would leave the output folder"));
        return full;
    }

    /// <summary>Removes a file this generator wrote, and folders that it leaves empty.</summary>
    private bool Delete(string relative)
    {
        string full;
        try { full = FullPath(relative); }
        catch (ContentException) { return false; } // a tampered manifest never reaches outside
        if (!File.Exists(full)) return false;
        File.Delete(full);
        for (var dir = Path.GetDirectoryName(full); dir is not null && dir.Length > _root.Length; dir = Path.GetDirectoryName(dir))
        {
            if (Directory.EnumerateFileSystemEntries(dir).Any()) break;
            Directory.Delete(dir);
        }
        return true;
    }
}
