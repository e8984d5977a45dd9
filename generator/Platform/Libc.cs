using System.Runtime.InteropServices;
using System.Text;

namespace PaperTrail.Platform;

/// <summary>
/// The few Linux C library calls the generator makes where .NET has no equivalent or costs much more:
/// a file's type without following a link (<c>Content/ContentFile</c>, <c>Ingest/Sources/FileKind</c>),
/// sizes and times (<c>Output/FileSizes</c>), a swap of two names (<c>Output/FileExchange</c>). Callers catch
/// <see cref="DllNotFoundException"/> and <see cref="EntryPointNotFoundException"/> and fall back to .NET.
/// Constants are the same on x86-64 and arm64.
/// </summary>
internal static class Libc
{
    private const string Library = "libc.so.6";

    public const int O_RDONLY = 0, O_CLOEXEC = 0x80000;
    public const int AT_FDCWD = -100;
    public const uint STATX_TYPE = 0x1, STATX_MTIME = 0x40, STATX_SIZE = 0x200;
    public const int S_IFMT = 0xF000, S_IFREG = 0x8000;
    public const uint RENAME_EXCHANGE = 2;
    public const int ENOENT = 2, ENOTDIR = 20, EINVAL = 22, ENOSYS = 38, ENOTSUP = 95;

    /// <summary>Bytes of a struct statx.</summary>
    public const int StatxSize = 256;

    [DllImport(Library, SetLastError = true)]
    public static extern int open(byte[] path, int flags);

    [DllImport(Library, SetLastError = true)]
    public static extern int close(int fd);

    [DllImport(Library, SetLastError = true)]
    public static extern int statx(int dirfd, ref byte path, int flags, uint mask, ref byte status);

    [DllImport(Library, SetLastError = true)]
    public static extern int renameat2(int olddirfd, byte[] oldpath, int newdirfd, byte[] newpath, uint flags);

    /// <summary>A path as the C library takes it: UTF-8, ending in a zero byte.</summary>
    public static byte[] NulTerminated(string path)
    {
        var bytes = new byte[Encoding.UTF8.GetByteCount(path) + 1];
        Encoding.UTF8.GetBytes(path, bytes);
        return bytes;
    }
}
