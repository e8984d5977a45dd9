namespace PaperTrail.Output;

/// <summary>
/// Fault injection for tests: with PAPER_TRAIL_FAIL_AFTER_WRITES=N in the environment, the process
/// dies (as a power cut would) just before committing its (N+1)-th file. With
/// PAPER_TRAIL_PAUSE_BEFORE_WRITES=FILE, it says so on its error output and waits, just before
/// committing its first file, until FILE exists: a writer caught mid-work, holding its lock, for a
/// second writer to run into (or for a kill). With PAPER_TRAIL_DISK_FULL_AFTER_BYTES=N, the disk is
/// full once N bytes are written (<see cref="WhileWriting"/>). Nothing else reads them.
/// </summary>
internal static class WriteFaults
{
    public const string Variable = "PAPER_TRAIL_FAIL_AFTER_WRITES";

    public const string PauseVariable = "PAPER_TRAIL_PAUSE_BEFORE_WRITES";

    public const string DiskFullVariable = "PAPER_TRAIL_DISK_FULL_AFTER_BYTES";

    /// <summary>What the process prints when it pauses.</summary>
    public const string PausedMessage = "paused before writing";

    private static readonly int Limit =
        int.TryParse(Environment.GetEnvironmentVariable(Variable), out var n) ? n : -1;

    private static readonly string? ResumeFile = Environment.GetEnvironmentVariable(PauseVariable);

    private static readonly long DiskSpace =
        long.TryParse(Environment.GetEnvironmentVariable(DiskFullVariable), out var bytes) ? bytes : -1;

    private static long _bytesWritten;

    private static readonly Lock Pausing = new();

    private static int _commits;
    private static volatile bool _resumed;

    public static void BeforeCommit(string path)
    {
        if (ResumeFile is not null) PauseUntilResumed(path, ResumeFile);
        if (Limit < 0) return;
        if (Interlocked.Increment(ref _commits) > Limit)
        {
            Console.Error.WriteLine($"fault injected before writing {path}");
            Environment.Exit(134);
        }
    }

    /// <summary>
    /// Called as a writer writes <paramref name="bytes"/> bytes to <paramref name="path"/>, a file it has
    /// just made. With PAPER_TRAIL_DISK_FULL_AFTER_BYTES=N, once the process has written N bytes, this
    /// and every later write fails as it does on a full disk: the system's IOException, with its error
    /// number, from where the system would throw it.
    /// </summary>
    public static void WhileWriting(string path, long bytes)
    {
        if (DiskSpace < 0) return;
        if (Interlocked.Add(ref _bytesWritten, bytes) > DiskSpace) throw Errors.DiskFullError.Simulated(path);
    }

    private static void PauseUntilResumed(string path, string resumeFile)
    {
        if (_resumed) return;
        // Parallel commits all wait; one says so. A test that never resumes is not waited for forever.
        lock (Pausing)
        {
            if (_resumed) return;
            Console.Error.WriteLine($"{PausedMessage} {path}");
            Console.Error.Flush();
            var waited = System.Diagnostics.Stopwatch.StartNew();
            while (!File.Exists(resumeFile) && waited.Elapsed < TimeSpan.FromMinutes(2)) Thread.Sleep(20);
            _resumed = true;
        }
    }
}
