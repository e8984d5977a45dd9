using System.Globalization;
using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;
using PaperTrail.Errors;
using PaperTrail.Platform;

namespace PaperTrail.Content;

/// <summary>
/// Reads a file of <c>content/</c> only if it is what its reader expects: a regular file, no larger
/// than that reader takes. A symbolic link is never followed: it could publish any file of the machine
/// as a paper, loop, or lead nowhere (each crashed the build). A named pipe or a device is never
/// opened: a pipe waits for a writer for ever, and <c>/dev/zero</c> never ends. A file over its cap is
/// never read. Each of these, like a file that cannot be read at all (no permission, gone), is a
/// problem naming the file, never an exception.
/// </summary>
internal static class ContentFile
{
    /// <summary>A paper file: the largest real one has 2 KB; a list of 3,000 authors fits many times over.</summary>
    public const long MaxPaperBytes = 1 << 20;

    /// <summary>site.yml: the repository's has 690 bytes.</summary>
    public const long MaxSiteBytes = 64 << 10;

    /// <summary>topics.yml: the repository's 30 topics with their phrases take 20 KB.</summary>
    public const long MaxTopicsBytes = 1 << 20;

    /// <summary>term-frequencies.txt: the generator's own table, from 5,951 papers, has 96 KB.</summary>
    public const long MaxTermTableBytes = 16 << 20;

    /// <summary>topics-model.txt: the repository's, trained on 920 papers, has about 200 KB.</summary>
    public const long MaxTopicModelBytes = 8 << 20;

    /// <summary>The archive's term table, read by <c>Related/TermFrequencies</c>; named here, as its limit is.</summary>
    public const string TermTableName = "term-frequencies.txt";

    /// <summary>The archive's topic model, read by <c>Topics/TopicModelFile</c>; named here, as its limit is.</summary>
    public const string TopicModelName = "topics-model.txt";

    /// <summary>The most a file of content/ may have, by its name: papers are every other file the readers read.</summary>
    public static long MaxBytes(string path) => Path.GetFileName(path) switch
    {
        "site.yml" => MaxSiteBytes,
        "topics.yml" => MaxTopicsBytes,
        TermTableName => MaxTermTableBytes,
        TopicModelName => MaxTopicModelBytes,
        _ => MaxPaperBytes,
    };

    /// <summary>The file's bytes, or null with a problem of the whole file (line 0) saying why it is not read.</summary>
    public static byte[]? Read(string path, out ContentProblem? problem)
    {
        problem = null;
        var file = DisplayPath.Of(path);
        try
        {
            var info = new FileInfo(path); // the entry itself: a link is not followed
            if (LinkTarget(info) is { } target)
            {
                problem = LinkProblem(path, target);
                return null;
            }
            if (!info.Exists)
            {
                problem = new ContentProblem(file, 0, Directory.Exists(path) ? "is a folder, not a file" : "is not there any more: was it moved or removed while it was read?");
                return null;
            }
            var cap = MaxBytes(path);
            if (info.Length > cap)
            {
                problem = TooLarge(file, info.Length, cap, path);
                return null;
            }
            // A pipe, a device or a socket lists as an empty file: it is never opened, and an empty file needs no reading.
            if (info.Length == 0)
            {
                if (SpecialKind(path) is { } kind) problem = new ContentProblem(file, 0, $"is {kind}, not a file, and is not opened: remove it");
                return problem is null ? [] : null;
            }
            using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            var length = RandomAccess.GetLength(handle);
            if (length > cap)
            {
                problem = TooLarge(file, length, cap, path);
                return null;
            }
            return ReadAll(handle, length);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            problem = new ContentProblem(file, 0, $"cannot be read: {e.Message}");
            return null;
        }
    }

    /// <summary>The text of a file of content/, decoded as the readers decode it; a file refused is a <see cref="ContentException"/>.</summary>
    public static string ReadText(string path) =>
        Read(path, out var problem) is { } bytes ? ArchiveLoader.Decode(bytes) : throw new ContentException(problem!);

    /// <summary>The problem of a link under content/: it is never followed.</summary>
    public static ContentProblem LinkProblem(string path, string target) =>
        new(DisplayPath.Of(path), 0, $"is a symbolic link (to {target}), which is not followed: content/ takes files, not links, so that nothing outside it is published; put the {(Directory.Exists(path) ? "folder" : "file")} itself here");

    /// <summary>Where a symbolic link (or a Windows junction) points, or null for anything else.</summary>
    public static string? LinkTarget(FileSystemInfo entry) =>
        (entry.Attributes & FileAttributes.ReparsePoint) != 0 ? entry.LinkTarget : null;

    private static ContentProblem TooLarge(string file, long length, long cap, string path) =>
        new(file, 0, $"has {Bytes(length)} bytes, more than the {Bytes(cap)} {What(path)} may have, and is not read");

    private static string What(string path) => Path.GetFileName(path) switch
    {
        "site.yml" or "topics.yml" or TermTableName => Path.GetFileName(path),
        _ => "a paper file",
    };

    private static string Bytes(long bytes) => bytes.ToString("N0", CultureInfo.InvariantCulture);

    private const int AT_SYMLINK_NOFOLLOW = 0x100;
    private const int S_IFIFO = 0x1000, S_IFCHR = 0x2000, S_IFBLK = 0x6000, S_IFSOCK = 0xC000;

    /// <summary>
    /// "a named pipe (FIFO)", "a device", "a socket" for such an entry, else null. .NET does not tell
    /// them from an empty file; on Linux <c>statx</c> does. Elsewhere, null: such an entry is read as
    /// the empty file it lists as, which its reader then refuses (a paper without front matter).
    /// </summary>
    private static string? SpecialKind(string path)
    {
        if (!OperatingSystem.IsLinux()) return null;
        try
        {
            var name = Libc.NulTerminated(path);
            Span<byte> status = stackalloc byte[Libc.StatxSize];
            if (Libc.statx(Libc.AT_FDCWD, ref name[0], AT_SYMLINK_NOFOLLOW, Libc.STATX_TYPE, ref MemoryMarshal.GetReference(status)) != 0) return null;
            // struct statx is laid out the same on every architecture: stx_mode at 28 (FileSizes reads it too).
            return (MemoryMarshal.Read<ushort>(status[28..]) & Libc.S_IFMT) switch
            {
                S_IFIFO => "a named pipe (FIFO)",
                S_IFCHR or S_IFBLK => "a device",
                S_IFSOCK => "a socket",
                _ => null,
            };
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return null;
        }
    }

    /// <summary>The <paramref name="length"/> bytes of an open file, into one array (no stream buffer); fewer if it was cut short meanwhile.</summary>
    internal static byte[] ReadAll(SafeFileHandle handle, long length)
    {
        var bytes = new byte[length];
        var read = 0;
        while (read < bytes.Length)
        {
            var n = RandomAccess.Read(handle, bytes.AsSpan(read), read);
            if (n == 0) return bytes[..read];
            read += n;
        }
        return bytes;
    }
}
