using System.Diagnostics;
using System.Globalization;
using System.Text;
using PaperTrail.Errors;

namespace PaperTrail.Output;

/// <summary>
/// One writer at a time: the lock a command holds on the folder it writes (content/ for ingest, init
/// and terms; the output folder for build, and for serve as long as it runs). Another writer waits a
/// few seconds, then stops with exit 1, naming the holder. Readers (check, a build reading content/)
/// take no lock: every write is an atomic rename.
/// <para>
/// The lock is the operating system's: the lock file opened without sharing, which .NET does with
/// <c>flock</c> on Linux and macOS, and Windows by refusing any other opening. The system lets it go
/// when its process ends, however it ends, so a lock a killed process left is free, and of two
/// processes that then race for it the system gives it to one. The file is never removed: a process
/// may have it open, waiting, and removing it would let that one and a newcomer (on a new file of the
/// same name) both hold "the" lock. Nobody else can read a file locked so, so who holds it is written
/// beside it (<c>…lock.holder</c>) once it is taken, and removed before it is let go.
/// </para>
/// </summary>
internal sealed class FolderLock : IDisposable
{
    /// <summary>The lock of content/, in content/ itself (kept out of git by .gitignore).</summary>
    public const string ContentLockName = ".paper-trail.lock";

    /// <summary>The lock of an output folder, in its <c>.paper-trail/</c>, which is never deployed.</summary>
    public const string OutputLockName = "lock";

    private const string HolderSuffix = ".holder";

    /// <summary>
    /// How long a second writer waits. Collisions are rare (a person's ingest beside a scheduled one, a
    /// build into the folder a preview rebuilds), and the holder is then usually about to finish: an
    /// ingest holds content/ for about a second (from loading the archive to its last write), a rebuild
    /// for a few. Waiting this long turns most collisions into a short delay; a longer holder (a cold
    /// build of a large archive) gets a message naming it rather than a wait nobody can explain.
    /// A serve holds its folder until it stops, so nobody waits for one.
    /// </summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(5);

    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(100);

    /// <summary>The locks this process holds, by lock file: a nested take (serve's rebuilds) shares the outer one.</summary>
    private static readonly Dictionary<string, Held> HeldHere = new(StringComparer.Ordinal);

    private sealed class Held(FileStream file, string holderPath)
    {
        public FileStream File { get; } = file;
        public string HolderPath { get; } = holderPath;
        public int Count { get; set; } = 1;
    }

    private readonly string _key;
    private bool _released;

    private FolderLock(string key) => _key = key;

    /// <summary>The full path of the lock file.</summary>
    public string Path => _key;

    /// <summary>Takes content/'s lock for <paramref name="command"/> (ingest, init, terms).</summary>
    public static FolderLock OnContent(string contentDir, string command, TextWriter? log = null) =>
        Take(contentDir, System.IO.Path.Combine(contentDir, ContentLockName), "changed", command, log);

    /// <summary>Takes an output folder's lock for <paramref name="command"/> (build, serve).</summary>
    public static FolderLock OnOutput(string outputDir, string command, TextWriter? log = null) =>
        Take(outputDir, OutputWriter.ManifestFile(outputDir, OutputLockName), "built", command, log);

    /// <summary>True for the files a lock leaves in content/: they are neither content nor inputs.</summary>
    public static bool IsLockFile(ReadOnlySpan<char> fileName) => fileName.StartsWith(ContentLockName, StringComparison.Ordinal);

    private static FolderLock Take(string folder, string lockPath, string verb, string command, TextWriter? log)
    {
        var key = System.IO.Path.GetFullPath(lockPath);
        var waited = Stopwatch.StartNew();
        var told = false;
        while (true)
        {
            lock (HeldHere)
            {
                if (HeldHere.TryGetValue(key, out var held))
                {
                    held.Count++;
                    return new FolderLock(key);
                }
                if (TryOpen(folder, key) is { } file)
                {
                    HeldHere[key] = new Held(file, key + HolderSuffix);
                    Holder.Write(key + HolderSuffix, command);
                    return new FolderLock(key);
                }
            }
            var holder = Holder.Read(key + HolderSuffix);
            var busy = $"{DisplayPath.Of(folder)} is being {verb} by {Describe(holder)}";
            if (holder?.Command == "serve")
                throw new UserError($"{busy}, which holds it until it stops; stop it (Ctrl+C), or use another folder with --output");
            if (waited.Elapsed >= Patience)
                throw new UserError($"{busy}; wait for it to finish, or stop it");
            if (!told) log?.WriteLine($"{busy}; waiting up to {Patience.TotalSeconds:0} s for it to finish");
            told = true;
            Thread.Sleep(Poll);
        }
    }

    /// <summary>The lock file opened without sharing, or null when another process has it.</summary>
    private static FileStream? TryOpen(string folder, string path)
    {
        try
        {
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
            return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException e) when (IsSharingViolation(e))
        {
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A full disk, a file where the folder goes (--output README.md), a folder nobody may write: said as such.
            throw WriteFailure.Told(path, e) ?? new UserError($"{DisplayPath.Of(folder)}: cannot take the lock that keeps writers one at a time ({e.Message})");
        }
    }

    /// <summary>
    /// "Another process has the file": EWOULDBLOCK from flock on Linux (11) and macOS (35), or
    /// Windows' sharing and lock violations; any other failure (a read-only disk) is not a lock.
    /// </summary>
    private static bool IsSharingViolation(IOException e) =>
        e.GetType() == typeof(IOException) &&
        (OperatingSystem.IsWindows() ? (e.HResult & 0xFFFF) is 32 or 33 : e.HResult is 11 or 35);

    private static string Describe(Holder? holder)
    {
        if (holder is null) return "another process of the generator";
        var where = holder.Host == Environment.MachineName ? "" : $" on {holder.Host}";
        return $"another {holder.Command} (process {holder.ProcessId}{where}, since {holder.Since:yyyy-MM-dd HH:mm:ss} UTC)";
    }

    public void Dispose()
    {
        if (_released) return;
        _released = true;
        lock (HeldHere)
        {
            var held = HeldHere[_key];
            if (--held.Count > 0) return;
            HeldHere.Remove(_key);
            // Before letting go: once it is let go, the next holder writes its own.
            Holder.Remove(held.HolderPath);
            held.File.Dispose();
        }
    }

    /// <summary>Who holds a lock, as its holder wrote it beside the lock file; only for messages.</summary>
    private sealed record Holder(int ProcessId, DateTime Since, string Command, string Host)
    {
        public static void Write(string path, string command)
        {
            var text = string.Create(CultureInfo.InvariantCulture,
                $"pid: {Environment.ProcessId}\nsince: {DateTime.UtcNow:yyyy-MM-ddTHH:mm:ssZ}\ncommand: {command}\nhost: {Environment.MachineName}\n");
            // Written whole or not at all, so that a reader never sees half a process id. Not through
            // AtomicFile, whose writes are what WriteFaults counts.
            var folder = System.IO.Path.GetDirectoryName(path)!;
            var name = System.IO.Path.GetFileName(path);
            try
            {
                foreach (var leftover in Directory.EnumerateFiles(folder, name + ".*.tmp")) File.Delete(leftover);
                var temp = $"{path}.{Guid.NewGuid():N}.tmp";
                File.WriteAllText(temp, text);
                File.Move(temp, path, overwrite: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // The lock holds without it; a waiting writer is told less about who holds it.
            }
        }

        public static Holder? Read(string path)
        {
            string text;
            try
            {
                using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                using var reader = new StreamReader(stream, Encoding.UTF8);
                text = reader.ReadToEnd();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return null;
            }
            var fields = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var pair in text.Split('\n').Select(l => l.Split(": ", 2)).Where(p => p.Length == 2)) fields[pair[0]] = pair[1].Trim();
            return fields.TryGetValue("pid", out var pid) && int.TryParse(pid, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
                && fields.TryGetValue("since", out var since)
                && DateTime.TryParseExact(since, "yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var at)
                && fields.TryGetValue("command", out var command)
                ? new Holder(id, at, command, fields.GetValueOrDefault("host", Environment.MachineName))
                : null;
        }

        public static void Remove(string path)
        {
            try { File.Delete(path); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
        }
    }
}
