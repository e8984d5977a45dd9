namespace PaperTrail.Preview;

/// <summary>
/// Tells when the files a site is built from changed: file-system events when the platform gives
/// them, and a poll of sizes and times as a fallback (network drives, containers, editors that
/// replace files in ways watchers miss). Changes are debounced so a burst of saves is one rebuild.
/// </summary>
public sealed class SourceWatcher : IDisposable
{
    private readonly IReadOnlyList<string> _folders;
    private readonly List<FileSystemWatcher> _watchers = [];
    private string _fingerprint;
    private long _lastEventTicks;
    private int _dirty;

    public SourceWatcher(IReadOnlyList<string> folders)
    {
        _folders = folders.Where(Directory.Exists).Select(Path.GetFullPath).ToList();
        _fingerprint = Fingerprint();
        foreach (var folder in _folders)
        {
            try
            {
                var watcher = new FileSystemWatcher(folder) { IncludeSubdirectories = true, EnableRaisingEvents = true };
                watcher.Changed += OnEvent;
                watcher.Created += OnEvent;
                watcher.Deleted += OnEvent;
                watcher.Renamed += OnEvent;
                _watchers.Add(watcher);
            }
            catch (Exception e) when (e is IOException or PlatformNotSupportedException or ArgumentException)
            {
                // No events here: the poll still sees every change.
            }
        }
    }

    private void OnEvent(object sender, FileSystemEventArgs e)
    {
        Interlocked.Exchange(ref _lastEventTicks, DateTime.UtcNow.Ticks);
        Interlocked.Exchange(ref _dirty, 1);
    }

    /// <summary>True once per burst of changes, after it has been quiet for <paramref name="quiet"/>.</summary>
    public bool ChangedAndSettled(TimeSpan quiet)
    {
        if (Volatile.Read(ref _dirty) == 0)
        {
            var now = Fingerprint();
            if (now == _fingerprint) return false;
            _fingerprint = now;
            Interlocked.Exchange(ref _lastEventTicks, DateTime.UtcNow.Ticks);
            Interlocked.Exchange(ref _dirty, 1);
        }
        if (DateTime.UtcNow.Ticks - Interlocked.Read(ref _lastEventTicks) < quiet.Ticks) return false;
        Interlocked.Exchange(ref _dirty, 0);
        _fingerprint = Fingerprint();
        return true;
    }

    /// <summary>
    /// Every file's path, size and write time, hashed: cheap enough to poll every second. Files come
    /// and go while it looks (an editor saves by a rename, a folder is deleted): what cannot be read
    /// now counts as absent, and the next poll sees the settled state.
    /// </summary>
    private string Fingerprint()
    {
        var hash = new HashCode();
        foreach (var folder in _folders)
        {
            var files = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = 0 };
            string[] listed;
            try { listed = Directory.GetFiles(folder, "*", files); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { hash.Add(folder + " unreadable"); continue; }
            foreach (var file in listed.Order(StringComparer.Ordinal))
            {
                var info = new FileInfo(file);
                hash.Add(file);
                if (!info.Exists) continue;
                hash.Add(info.Length);
                hash.Add(info.LastWriteTimeUtc.Ticks);
            }
        }
        return hash.ToHashCode().ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    public void Dispose()
    {
        foreach (var watcher in _watchers) watcher.Dispose();
    }
}
