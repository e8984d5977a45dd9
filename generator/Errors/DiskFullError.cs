namespace PaperTrail.Errors;

/// <summary>
/// A write that found no space left: the disk is full (ENOSPC), or the user's quota is (EDQUOT), or
/// on Windows ERROR_DISK_FULL or ERROR_HANDLE_DISK_FULL. The outside world's doing, not a bug: exit
/// 1, naming the file that could not be written. Nothing is lost by it: every file the generator
/// writes goes to a temporary file first and takes its place whole, so each file is old or new.
/// <para>
/// The writers of <c>Output/</c> (<c>AtomicFile</c>, <c>OutputTransaction</c>) throw it naming the file they
/// were writing; a full disk met anywhere else (a folder made, a marker file, a lock) is turned into
/// it by <see cref="FailureReport"/>, from the system's message, which names the path.
/// </para>
/// </summary>
internal sealed class DiskFullError : UserError
{
    /// <summary>The system's error numbers for "no space": ENOSPC is 28 on Linux and macOS; EDQUOT is 122 on Linux, 69 on macOS.</summary>
    private const int Enospc = 28, EdquotLinux = 122, EdquotMac = 69;

    /// <summary>Windows' ERROR_HANDLE_DISK_FULL and ERROR_DISK_FULL, as the low word of an HRESULT.</summary>
    private const int ErrorHandleDiskFull = 39, ErrorDiskFull = 112;

    public DiskFullError(string path, Exception cause)
        : base($"{DisplayPath.Of(path)}: could not be written: {Advice(cause)}") { }

    private DiskFullError(string line) : base(line) { }

    /// <summary>True when <paramref name="e"/> (or the exception it wraps) is the system saying there is no space left.</summary>
    public static bool Is(Exception e) =>
        e is IOException io && IsNoSpace(io.HResult) || e.InnerException is IOException inner && IsNoSpace(inner.HResult);

    /// <summary>A full disk met where no writer named its file: the system's message names the path.</summary>
    public static DiskFullError FromSystem(Exception e) =>
        new($"{(e.InnerException is IOException inner && IsNoSpace(inner.HResult) ? inner : e).Message.Trim()}: {Advice(e)}");

    /// <summary>The exception the system throws when a write finds the disk full, for <c>Output/WriteFaults</c> to throw in a test.</summary>
    public static IOException Simulated(string path) => OperatingSystem.IsWindows()
        ? new IOException($"There is not enough space on the disk. : '{path}'", unchecked((int)0x80070070))
        : new IOException($"No space left on device : '{path}'", Enospc);

    private static bool IsNoSpace(int hresult) => OperatingSystem.IsWindows()
        ? (uint)hresult >> 16 == 0x8007 && (hresult & 0xFFFF) is ErrorDiskFull or ErrorHandleDiskFull
        : hresult is Enospc || hresult == (OperatingSystem.IsMacOS() ? EdquotMac : EdquotLinux);

    private static bool IsQuota(Exception e) =>
        !OperatingSystem.IsWindows() && (e.HResult == (OperatingSystem.IsMacOS() ? EdquotMac : EdquotLinux)
            || e.InnerException?.HResult == (OperatingSystem.IsMacOS() ? EdquotMac : EdquotLinux));

    private static string Advice(Exception cause) =>
        (IsQuota(cause) ? "the disk quota is used up" : "the disk is full") +
        "; every file is whole, its old bytes or its new ones: free some space and run the command again";
}
