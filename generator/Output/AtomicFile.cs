using PaperTrail.Errors;

namespace PaperTrail.Output;

/// <summary>
/// Writes files so that a reader (or a crash) only ever sees the old bytes or the new ones:
/// write a temporary file beside the target, flush it, then rename it over the target.
/// </summary>
internal static class AtomicFile
{
    /// <param name="durable">Flush to disk before the rename: for the archive of record. A built site
    /// can be built again, so its writes skip the (slow) flush and stay atomic all the same.</param>
    public static void Write(string path, ReadOnlySpan<byte> bytes, bool durable = true)
    {
        var copy = bytes.ToArray(); // a span cannot go into the callback; these files are small
        Write(path, stream => stream.Write(copy), durable);
    }

    /// <summary>The same, for a large file written as a stream rather than held in memory whole.</summary>
    /// <exception cref="UserError">The disk is full, access is denied, or something is in the way (<see cref="WriteFailure"/>): the target is as it was, and named.</exception>
    public static void Write(string path, Action<Stream> write, bool durable)
    {
        var temp = WriteBeside(path, write, durable);
        try
        {
            Place(temp, path);
        }
        finally
        {
            Discard(temp);
        }
    }

    /// <summary>
    /// Writes the new bytes of <paramref name="path"/> to a temporary file beside it, returned: the
    /// first half of a write, the target untouched. On failure nothing is left behind.
    /// </summary>
    /// <exception cref="UserError">As <see cref="Write(string, Action{Stream}, bool)"/>.</exception>
    internal static string WriteBeside(string path, Action<Stream> write, bool durable)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        var temp = Path.Combine(directory, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            Directory.CreateDirectory(directory);
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 1 << 16))
            {
                write(stream);
                WriteFaults.WhileWriting(temp, stream.Length);
                stream.Flush(flushToDisk: durable);
            }
            return temp;
        }
        catch (Exception e)
        {
            Discard(temp);
            if (WriteFailure.Told(path, e) is { } told) throw told;
            throw;
        }
    }

    /// <summary>The second half: the temporary file takes the target's place in one rename.</summary>
    internal static void Place(string temp, string path)
    {
        WriteFaults.BeforeCommit(path);
        try
        {
            File.Move(temp, path, overwrite: true);
        }
        catch (Exception e) when (WriteFailure.Told(path, e) is not null)
        {
            throw WriteFailure.Told(path, e)!;
        }
    }

    /// <summary>Removes a temporary file that was not put in place.</summary>
    internal static void Discard(string temp)
    {
        if (File.Exists(temp)) File.Delete(temp);
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
