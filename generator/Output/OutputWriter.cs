using PaperTrail.Errors;

namespace PaperTrail.Output;

/// <summary>What a write changed.</summary>
internal sealed record WriteReport(int Written, int Unchanged, int Removed)
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
internal sealed class OutputWriter(string outputDir, string scope = "outputs")
{
    /// <summary>Where manifests live, relative to the output folder. Hidden from hosts by netlify.toml.</summary>
    public const string ManifestFolder = ".paper-trail";

    public static string ManifestPath(string scope) => $"{ManifestFolder}/{scope}.txt";

    /// <summary>Where a build keeps one of its own files (a manifest, a cache) in an output folder.</summary>
    public static string ManifestFile(string outputDir, string fileName) => Path.Combine(outputDir, ManifestFolder, fileName);

    private readonly string _root = Path.GetFullPath(outputDir);

    /// <summary>The files the last build wrote in this scope; none when its manifest is missing or damaged.</summary>
    public IReadOnlyList<string> PreviousOutputs() => PreviousOutputs(out _);

    /// <summary>The files the last build wrote in this scope, and why they are not known when the manifest is damaged or unreadable.</summary>
    public IReadOnlyList<string> PreviousOutputs(out string? damage)
    {
        // Checked (CheckedFile): a manifest cut short would let files of the site go
        // unnoticed when missing, and never be removed when no longer built.
        var manifest = CheckedFile.Read(Path.Combine(_root, ManifestPath(scope)));
        damage = manifest.Damage;
        return manifest.Found ? manifest.Lines().Where(l => l.Length > 0).ToList() : [];
    }

    /// <summary>Starts a build's writes: files are staged as offered and land together on commit.</summary>
    public OutputTransaction Begin(bool clean = false)
    {
        AtomicFile.RemoveLeftovers(Path.Combine(_root, ManifestFolder));
        return new OutputTransaction(_root, scope, PreviousOutputs(), clean);
    }

    /// <summary>Writes a whole set of outputs at once (what <see cref="Begin"/> does for files already in memory).</summary>
    public WriteReport Write(IReadOnlyList<(string File, byte[] Bytes)> outputs, bool clean = false)
    {
        using var transaction = Begin(clean);
        foreach (var (file, bytes) in outputs) transaction.Offer(file, bytes);
        return transaction.Commit();
    }

    /// <summary>The full path of an output, refusing anything that would land outside the output folder.</summary>
    internal static string Resolve(string root, string relative)
    {
        // The plan's own paths ("papers/x/index.html") need no normalising: tens of thousands per build.
        if (IsPlain(relative) && Path.IsPathFullyQualified(root)) return root + Path.DirectorySeparatorChar + relative;
        // A NUL is in no file name: only a garbled manifest has one, and GetFullPath would throw on it.
        if (relative.Contains('\0')) throw UserError.At(relative.Replace('\0', '?'), 0, "an output path has a NUL character");
        var full = Path.GetFullPath(Path.Combine(root, relative));
        if (!full.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            throw UserError.At(relative, 0, "an output path would leave the output folder");
        return full;
    }

    /// <summary>Refuses an output path that would land outside the output folder (what <see cref="Resolve"/> checks), without making the full path.</summary>
    internal static void Check(string root, string relative)
    {
        if (!IsPlain(relative) || !Path.IsPathFullyQualified(root)) Resolve(root, relative);
    }

    /// <summary>A relative path of plain names: no root, no empty, "." or ".." segment, no backslash.</summary>
    private static bool IsPlain(string relative)
    {
        if (relative.Length == 0 || relative[0] == '/' || relative[^1] == '/' || relative.Contains('\\') || relative.Contains("//", StringComparison.Ordinal)) return false;
        foreach (var segment in relative.AsSpan().Split('/'))
        {
            var name = relative.AsSpan()[segment];
            if (name is "." or "..") return false;
        }
        return true;
    }

    /// <summary>Removes a file this generator wrote, and folders that it leaves empty.</summary>
    internal static bool Delete(string root, string relative)
    {
        string full;
        try { full = Resolve(root, relative); }
        catch (UserError) { return false; } // a tampered manifest never reaches outside
        // Nor into the build's own folder: its lock (FolderLock) must never go while a build may hold it.
        if (full.StartsWith(Path.Combine(root, ManifestFolder) + Path.DirectorySeparatorChar, StringComparison.Ordinal)) return false;
        if (!File.Exists(full)) return false;
        File.Delete(full);
        for (var dir = Path.GetDirectoryName(full); dir is not null && dir.Length > root.Length; dir = Path.GetDirectoryName(dir))
        {
            if (Directory.EnumerateFileSystemEntries(dir).Any()) break;
            Directory.Delete(dir);
        }
        return true;
    }
}
