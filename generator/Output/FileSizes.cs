using System.Runtime.InteropServices;
using System.Text;
using PaperTrail.Platform;

namespace PaperTrail.Output;

/// <summary>
/// The sizes and modification times of files under one folder, for a rebuild that checks tens of
/// thousands of outputs are still there as written. On Linux each is one <c>statx</c> call relative to an open handle on the
/// folder: no full path to build, normalise and walk again for every file (with
/// <see cref="FileInfo"/>, that was most of what keeping 22,000 unchanged outputs cost). Elsewhere, or
/// when the C library does not have the call, <see cref="FileInfo"/> does the same.
/// </summary>
internal sealed class FileSizes : IDisposable
{
    private readonly string _root;
    private int _folder = -1;

    public FileSizes(string root)
    {
        _root = root;
        if (!OperatingSystem.IsLinux()) return;
        try
        {
            _folder = Libc.open(Libc.NulTerminated(Path.GetFullPath(root)), Libc.O_RDONLY | Libc.O_CLOEXEC);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            _folder = -1;
        }
    }

    /// <summary>The size of the file at this path relative to the folder ("papers/x/index.html"), or -1 when no such file is there.</summary>
    public long SizeOf(string relative) => Of(relative).Size;

    /// <summary>
    /// The size and the modification time (100-nanosecond ticks since 1970) of the file at this path
    /// relative to the folder, or (-1, -1) when no such file is there. The time tells an edit that kept
    /// the size (a letter for a letter) from the file as written.
    /// </summary>
    public (long Size, long Modified) Of(string relative)
    {
        if (_folder >= 0 && relative.Length < 1024)
        {
            Span<byte> path = stackalloc byte[Encoding.UTF8.GetMaxByteCount(relative.Length) + 1];
            var length = Encoding.UTF8.GetBytes(relative, path);
            path[length] = 0;
            Span<byte> status = stackalloc byte[Libc.StatxSize];
            try
            {
                if (Libc.statx(_folder, ref MemoryMarshal.GetReference(path), 0, Libc.STATX_TYPE | Libc.STATX_SIZE | Libc.STATX_MTIME, ref MemoryMarshal.GetReference(status)) == 0)
                {
                    // struct statx is laid out the same on every architecture: stx_mode at 28, stx_size at 40,
                    // stx_mtime at 112 (seconds, then nanoseconds at 120).
                    var mode = MemoryMarshal.Read<ushort>(status[28..]);
                    if ((mode & Libc.S_IFMT) != Libc.S_IFREG) return Missing;
                    var ticks = MemoryMarshal.Read<long>(status[112..]) * TimeSpan.TicksPerSecond + MemoryMarshal.Read<uint>(status[120..]) / 100;
                    return (MemoryMarshal.Read<long>(status[40..]), ticks);
                }
                var error = Marshal.GetLastPInvokeError();
                if (error is Libc.ENOENT or Libc.ENOTDIR) return Missing;
                // Anything else (no statx in this kernel, a name too long…): ask the slow way.
            }
            catch (EntryPointNotFoundException)
            {
                Dispose();
            }
        }
        var info = new FileInfo(Path.Combine(_root, relative));
        return info.Exists ? (info.Length, (info.LastWriteTimeUtc - DateTime.UnixEpoch).Ticks) : Missing;
    }

    private static readonly (long, long) Missing = (-1, -1);

    public void Dispose()
    {
        if (_folder < 0) return;
        _ = Libc.close(_folder);
        _folder = -1;
    }
}
