namespace PaperTrail.Output;

/// <summary>
/// Writes files so that a reader (or a crash) only ever sees the old bytes or the new ones:
/// write a temporary file beside the target, flush it, then rename it over the target.
/// </summary>
public static class AtomicFile
{
    /// <param name="durable">Flush to disk before the rename: for the archive of record. A built site
    /// can be built again, so its writes skip the (slow) flush and stay atomic all the same.</param>
    public static void Write(string path, ReadOnlySpan<byte> bytes, bool durable = true)
    {
        var copy = bytes.ToArray(); // a span cannot go into the callback; these files are small
        Write(path, stream => stream.Write(copy), durable);
    }

    /// <summary>The same, for a large file written as a stream rather than held in memory whole.</summary>
    public static void Write(string path, Action<Stream> write, bool durable)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(directory);
        var temp = Path.Combine(directory, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 1 << 16))
            {
                write(stream);
                stream.Flush(flushToDisk: durable);
            }
            WriteFaults.BeforeCommit(path);
            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }

    /// <summary>
    /// Removes temporary files that a process killed mid-write left behind (".name.&lt;guid&gt;.tmp");
    /// the targets themselves are whole, old or new.
    /// </summary>
    public static int RemoveLeftovers(string folder)
    {
        if (!Directory.Exists(folder)) return 0;
        var removed = 0;
        foreach (var file in Directory.EnumerateFiles(folder, ".*.tmp", SearchOption.AllDirectories))
        {
            var name = Path.GetFileName(file);
            var parts = name.Split('.');
            if (parts.Length >= 4 && parts[^2].Length == 32 && Guid.TryParseExact(parts[^2], "N", out _))
            {
                File.Delete(file);
                removed++;
            }
        }
        return removed;
    }

    /// <summary>True when the file exists and holds exactly these bytes (compared only when the sizes match).</summary>
    public static bool HasBytes(string path, ReadOnlySpan<byte> bytes)
    {
        var info = new FileInfo(path);
        if (!info.Exists || info.Length != bytes.Length) return false;
        try
        {
            return PaperTrail.Content.ArchiveLoader.ReadBytes(path).AsSpan().SequenceEqual(bytes);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return false; // removed since it was looked at
        }
    }
}
