namespace PaperTrail.Output;

/// <summary>
/// Writes several files (an ingest's new and changed papers) so that a failure while writing them,
/// a full disk above all, changes none: each file's new bytes go to a temporary file beside it
/// (<see cref="AtomicFile.WriteBeside"/>), and only once every one is written are they renamed into
/// place, one by one. A rename needs no space; a process killed among them leaves each file old or
/// new, as <see cref="AtomicFile"/> does, and its temporary files for the next write to remove.
/// </summary>
internal sealed class AtomicBatch : IDisposable
{
    private readonly List<(string Temp, string Path)> _written = [];
    private readonly bool _durable;

    /// <param name="durable">Flush each file to disk before any is renamed: for the archive of record.</param>
    public AtomicBatch(bool durable = true) => _durable = durable;

    /// <summary>Writes a file's new bytes beside it; the file itself is untouched until <see cref="Commit"/>.</summary>
    /// <exception cref="Errors.DiskFullError">No space was left for it: nothing of the batch is in place.</exception>
    public void Add(string path, ReadOnlySpan<byte> bytes)
    {
        var copy = bytes.ToArray();
        _written.Add((AtomicFile.WriteBeside(path, stream => stream.Write(copy), _durable), path));
    }

    /// <summary>Puts every file written in its place.</summary>
    public void Commit()
    {
        foreach (var (temp, path) in _written) AtomicFile.Place(temp, path);
        _written.Clear();
    }

    /// <summary>Removes the temporary files of a batch that was not committed: the targets stay as they were.</summary>
    public void Dispose()
    {
        foreach (var (temp, _) in _written) AtomicFile.Discard(temp);
        _written.Clear();
    }
}
