using System.Collections.Concurrent;
using PaperTrail.Errors;

namespace PaperTrail.Output;

/// <summary>
/// One build's writes to the output folder, landing together or not at all. Files are offered as
/// they are rendered (from any thread) and each changed one is written at once to a staging folder,
/// so rendered bytes never pile up in memory. Nothing in the site changes until <see cref="Commit"/>
/// puts every staged file in its target's place (each one atomically: <see cref="FileExchange"/>) and
/// removes outputs no longer produced; a build that fails before that just drops the staging folder.
/// After a commit the staging folder, which then holds the replaced files, is deleted in the
/// background until the transaction is disposed.
/// A first build into an empty folder has nothing to protect: a file whose target does not exist
/// yet is written in place (no staging, no rename), and removed again if the build fails.
/// </summary>
internal sealed class OutputTransaction : IDisposable
{
    private readonly string _root;
    private readonly string _scope;
    private readonly string _staging;
    private readonly bool _clean;
    private readonly IReadOnlyList<string> _previous;
    private readonly ConcurrentDictionary<string, string?> _offered = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _folders = new(StringComparer.Ordinal);
    private readonly ConcurrentBag<string> _createdInPlace = [];
    private readonly bool _firstBuild;
    private readonly string[] _foldersMadeHere; // the output and manifest folders, when this build made them
    private bool _committed;
    private Task? _cleanup; // deleting the staging folder after the commit
    private int _staged;

    /// <summary>
    /// Files are opened as handles (no stream buffer) and shared: a new file is created exclusively
    /// (CreateNew) anyway, and a reader of the site (a preview server) must not make a build fail.
    /// </summary>
    private const FileShare Shared = FileShare.ReadWrite | FileShare.Delete;

    /// <summary>Marks an output written in place: nothing to move on commit.</summary>
    private const string InPlace = "";

    /// <param name="clean">Write every file, even one whose bytes are already there.</param>
    internal OutputTransaction(string root, string scope, IReadOnlyList<string> previous, bool clean)
    {
        _root = root;
        _scope = scope;
        _previous = previous;
        _clean = clean;
        _firstBuild = previous.Count == 0;
        _staging = Path.Combine(root, OutputWriter.ManifestFolder, "staging-" + scope);
        _foldersMadeHere = new[] { Path.GetDirectoryName(_staging)!, root }.Where(f => !Directory.Exists(f)).ToArray();
        if (Directory.Exists(_staging)) Directory.Delete(_staging, recursive: true); // a killed build's leftovers
        Directory.CreateDirectory(_staging);
    }

    /// <summary>Offers one output (relative to the output folder); thread-safe. Unchanged bytes are not staged.</summary>
    /// <exception cref="UserError">The disk is full, access is denied, or something is in the way (<see cref="WriteFailure"/>), named by its place in the output folder.</exception>
    public void Offer(string file, ReadOnlySpan<byte> bytes)
    {
        var target = OutputWriter.Resolve(_root, file);
        string? staged = null;
        try
        {
            if (_firstBuild && TryCreate(target, bytes))
                staged = InPlace;
            else if (_clean || !AtomicFile.HasBytes(target, bytes))
            {
                // A folder where the output goes would be swapped into the staging folder, and deleted with it.
                if (Directory.Exists(target)) throw WriteFailure.FolderInPlace(target);
                staged = Path.Combine(_staging, Interlocked.Increment(ref _staged).ToString(System.Globalization.CultureInfo.InvariantCulture) + ".tmp");
                using var handle = File.OpenHandle(staged, FileMode.CreateNew, FileAccess.Write, Shared);
                WriteFaults.WhileWriting(staged, bytes.Length);
                RandomAccess.Write(handle, bytes, 0);
            }
        }
        catch (Exception e) when (WriteFailure.Told(target, e) is not null)
        {
            throw WriteFailure.Told(target, e)!;
        }
        if (!_offered.TryAdd(file, staged))
            throw UserError.At(file, 0, "two outputs would be written to this path");
    }

    /// <summary>The files the last build wrote in this scope (its manifest).</summary>
    public IReadOnlyList<string> Previous => _previous;

    /// <summary>
    /// The staging folder, for files of the build's own (not outputs, which <see cref="Offer"/> stages):
    /// they are dropped with the folder when the build fails, and must be moved out before <see cref="Commit"/>.
    /// </summary>
    public string StagingFolder => _staging;

    /// <summary>Keeps an output as it is, unread: its caller knows the bytes it would render are already there.</summary>
    public void Keep(string file)
    {
        OutputWriter.Check(_root, file);
        if (!_offered.TryAdd(file, null))
            throw UserError.At(file, 0, "two outputs would be written to this path");
    }

    /// <summary>Moves every staged file into place, removes what is no longer produced, records the manifest. Dispose the transaction after it.</summary>
    public WriteReport Commit()
    {
        var changed = new ConcurrentBag<string>();
        _committed = true;
        foreach (var file in _offered.Where(o => o.Value == InPlace)) changed.Add(file.Key);
        var staged = _offered.Where(o => o.Value is { Length: > 0 }).OrderBy(o => o.Key, StringComparer.Ordinal).ToList();
        Parallel.ForEach(staged, output =>
        {
            var target = OutputWriter.Resolve(_root, output.Key);
            try
            {
                EnsureFolder(Path.GetDirectoryName(target)!);
                WriteFaults.BeforeCommit(target);
                if (!FileExchange.TrySwap(output.Value!, target)) File.Move(output.Value!, target, overwrite: true);
            }
            catch (Exception e) when (WriteFailure.Told(target, e) is not null)
            {
                // A new folder, or a folder's listing that must grow, on a full disk: each output is still old or new.
                throw WriteFailure.Told(target, e)!;
            }
            changed.Add(output.Key);
        });
        // The files swapped out (the last build's versions) are freed while the caller writes its manifests.
        var staging = _staging;
        _cleanup = Task.Run(() => FolderRemover.Delete(staging));
        var written = changed.Count;

        var removed = 0;
        foreach (var stale in _previous.Where(f => !_offered.ContainsKey(f)))
            if (OutputWriter.Delete(_root, stale))
            {
                removed++;
                changed.Add(stale);
            }

        // Streamed: tens of thousands of lines need not be one string, and one array, in memory.
        var files = _offered.Keys.ToArray();
        Array.Sort(files, StringComparer.Ordinal);
        CheckedFile.Write(Path.Combine(_root, OutputWriter.ManifestPath(_scope)), stream =>
        {
            using var text = new StreamWriter(stream, new System.Text.UTF8Encoding(false), bufferSize: 1 << 16, leaveOpen: true) { NewLine = "\n" };
            foreach (var file in files) text.WriteLine(file);
        });
        return new WriteReport(written, _offered.Count - written, removed) { Changed = changed.Order(StringComparer.Ordinal).ToList() };
    }

    /// <summary>Drops whatever was staged, and what a failed first build wrote in place; the folder stays as it was.</summary>
    public void Dispose()
    {
        if (_committed)
        {
            // The site is in place: a staging folder that will not go is only left over, and the next
            // build's transaction removes it first thing.
            try
            {
                if (_cleanup is { } cleanup) cleanup.GetAwaiter().GetResult();
                else FolderRemover.Delete(_staging);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
            _cleanup = null;
            return;
        }
        if (Directory.Exists(_staging)) Directory.Delete(_staging, recursive: true);
        foreach (var full in _createdInPlace) OutputWriter.Delete(_root, Path.GetRelativePath(_root, full));
        _createdInPlace.Clear();
        foreach (var folder in _foldersMadeHere)
            if (Directory.Exists(folder) && !Directory.EnumerateFileSystemEntries(folder).Any()) Directory.Delete(folder);
    }

    /// <summary>Writes a file that does not exist yet straight to its place; false when it exists.</summary>
    private bool TryCreate(string target, ReadOnlySpan<byte> bytes)
    {
        EnsureFolder(Path.GetDirectoryName(target)!);
        WriteFaults.BeforeCommit(target);
        Microsoft.Win32.SafeHandles.SafeFileHandle handle;
        try
        {
            handle = File.OpenHandle(target, FileMode.CreateNew, FileAccess.Write, Shared);
        }
        catch (IOException) when (File.Exists(target))
        {
            return false;
        }
        // Only a file that was there already is staged instead: one that cannot be written (a full disk)
        // is this build's failure, and the file it made goes when the transaction is disposed.
        using (handle)
        {
            _createdInPlace.Add(target);
            WriteFaults.WhileWriting(target, bytes.Length);
            RandomAccess.Write(handle, bytes, 0);
        }
        return true;
    }

    private void EnsureFolder(string folder)
    {
        // Thousands of outputs share a few folders: create each once, not once per file.
        if (_folders.ContainsKey(folder)) return;
        Directory.CreateDirectory(folder);
        _folders.TryAdd(folder, true);
    }
}
