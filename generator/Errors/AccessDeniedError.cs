namespace PaperTrail.Errors;

/// <summary>
/// A file or folder the system will not let the generator read or write: no permission (EACCES,
/// EPERM: .NET's <see cref="UnauthorizedAccessException"/>), or a file system mounted read-only
/// (EROFS). A person's to fix, never a bug: exit 1, naming the path. The writers of <c>Output/</c>
/// name the file they were writing; anywhere else, <see cref="FailureReport"/> makes one of the
/// system's message, which names the path.
/// </summary>
internal sealed class AccessDeniedError : UserError
{
    /// <summary>EROFS, the same number on Linux and macOS.</summary>
    private const int ReadOnlyFileSystem = 30;

    public AccessDeniedError(string path, Exception cause)
        : base($"{DisplayPath.Of(path)}: cannot be written: {Why(cause)}") { }

    private AccessDeniedError(string line) : base(line) { }

    public static bool Is(Exception e) =>
        e is UnauthorizedAccessException || (!OperatingSystem.IsWindows() && e is IOException { HResult: ReadOnlyFileSystem });

    /// <summary>A refusal met where no writer named its file: the system's message names the path.</summary>
    public static AccessDeniedError FromSystem(Exception e) => new($"{e.Message.Trim()} ({Why(e)})");

    private static string Why(Exception e) => e is IOException
        ? "the file system is read-only"
        : "permission denied: give the generator access to it, or point it at another folder";
}
