namespace PaperTrail.Output;

/// <summary>
/// Writes files so that a reader (or a crash) only ever sees the old bytes or the new ones:
/// write a temporary file beside the target, flush it, then rename it over the target.
/// </summary>
public static class AtomicFile
{
    public static void Write(string path, ReadOnlySpan<byte> bytes)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(directory);
        var temp = Path.Combine(directory, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                stream.Write(bytes);
                stream.Flush(flushToDisk: true);
            }
            WriteFaults.BeforeCommit(path);
            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }

    /// <summary>Writes only when the bytes differ; true when the file was written.</summary>
    public static bool WriteIfChanged(string path, ReadOnlySpan<byte> bytes)
    {
        if (File.Exists(path))
        {
            var info = new FileInfo(path);
            if (info.Length == bytes.Length && File.ReadAllBytes(path).AsSpan().SequenceEqual(bytes)) return false;
        }
        Write(path, bytes);
        return true;
    }
}
