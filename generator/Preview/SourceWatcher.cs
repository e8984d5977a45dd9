using System.IO.Enumeration;
using PaperTrail.Content;

namespace PaperTrail.Preview;

/// <summary>
/// Tells when the files a site is built from changed: file-system events when the platform gives
/// them, and a poll of sizes and times as a fallback (network drives, containers, editors that
/// replace files in ways watchers miss). Changes are debounced so a burst of saves is one rebuild.
/// </summary>
internal sealed class SourceWatcher : IDisposable
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
                // Events were lost (a full buffer, a folder the system cannot watch): look again, as after a change.
                watcher.Error += (_, _) => MarkChanged();
                _watchers.Add(watcher);
            }
            catch (Exception e) when (e is IOException or PlatformNotSupportedException or ArgumentException)
            {
                // No events here: the poll still sees every change.
            }
        }
    }

    private void OnEvent(object sender, FileSystemEventArgs e) => MarkChanged();

    private void MarkChanged()
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
    /// Every entry's path, size and write time, hashed: cheap enough to poll every second. Listed as
    /// the build lists content/ (<see cref="ContentListing"/>): a link is an entry of its own, by its
    /// own size and time, and a linked folder is not gone into, so that a link that loops or leads
    /// nowhere is a change like any other and the build says what is wrong with it. Files come and go
    /// while it looks (an editor saves by a rename, a folder is deleted): what cannot be read now
    /// counts as absent, and the next poll sees the settled state.
    /// </summary>
    private string Fingerprint()
    {
        var hash = new HashCode();
        foreach (var folder in _folders)
        {
            var entries = new FileSystemEnumerable<(string Path, long Size, long Ticks)>(folder,
                (ref FileSystemEntry e) => (e.ToFullPath(), e.Length, e.LastWriteTimeUtc.UtcTicks),
                new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = 0 })
            {
                ShouldIncludePredicate = ContentListing.Listed,
                ShouldRecursePredicate = ContentListing.Recurse,
            };
            List<(string Path, long Size, long Ticks)> listed;
            try { listed = entries.ToList(); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { hash.Add(folder + " unreadable"); continue; }
            foreach (var (path, size, ticks) in listed.OrderBy(e => e.Path, StringComparer.Ordinal))
            {
                hash.Add(path);
                hash.Add(size);
                hash.Add(ticks);
            }
        }
        return hash.ToHashCode().ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    public void Dispose()
    {
        foreach (var watcher in _watchers) watcher.Dispose();
    }
}
