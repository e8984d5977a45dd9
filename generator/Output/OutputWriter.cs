using PaperTrail.Content;

namespace PaperTrail.Output;

/// <summary>What a write changed.</summary>
public sealed record WriteReport(int Written, int Unchanged, int Removed);

/// <summary>
/// Writes the rendered site into the output folder: only files whose bytes changed, each
/// atomically; files this generator wrote in an earlier build and no longer produces are removed.
/// A manifest of the files it wrote lets it tell them from anything else in the folder, which it
/// never touches.
/// </summary>
public sealed class OutputWriter(string outputDir)
{
    /// <summary>Relative to the output folder. Hidden from hosts by netlify.toml.</summary>
    public const string ManifestPath = ".paper-trail/outputs.txt";

    private readonly string _root = Path.GetFullPath(outputDir);

    public IReadOnlyList<string> PreviousOutputs()
    {
        var manifest = Path.Combine(_root, ManifestPath);
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

        var written = 0;
        Parallel.ForEach(outputs, output =>
        {
            if (AtomicFile.WriteIfChanged(FullPath(output.File), output.Bytes)) Interlocked.Increment(ref written);
        });

        var current = outputs.Select(o => o.File).ToHashSet(StringComparer.Ordinal);
        var removed = 0;
        foreach (var stale in previous.Where(f => !current.Contains(f)))
            if (Delete(stale)) removed++;

        var manifest = string.Join('\n', current.Order(StringComparer.Ordinal)) + "\n";
        AtomicFile.WriteIfChanged(Path.Combine(_root, ManifestPath), System.Text.Encoding.UTF8.GetBytes(manifest));
        return new WriteReport(written, outputs.Count - written, removed);
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
