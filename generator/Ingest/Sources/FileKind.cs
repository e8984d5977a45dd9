using System.Runtime.InteropServices;
using PaperTrail.Platform;

namespace PaperTrail.Ingest.Sources;

/// <summary>
/// What a path names, found without opening it: opening a FIFO waits for a writer, so ingest must
/// know before it reads. .NET calls devices and FIFOs plain files, so on Linux this asks the system
/// (<c>statx</c>, following symbolic links); elsewhere it knows only files and folders, and a
/// device is stopped by the size cap of <see cref="InputFiles.Read"/> instead.
/// </summary>
internal static class FileKind
{
    private const int S_IFIFO = 0x1000, S_IFCHR = 0x2000, S_IFDIR = 0x4000, S_IFBLK = 0x6000, S_IFSOCK = 0xC000;
    private const int ELOOP = 40;

    /// <summary>Null for a regular file (or a link to one); otherwise why it cannot be read as an input.</summary>
    public static string? Of(string path)
    {
        string? why = null;
        if (OperatingSystem.IsLinux() && LinuxMode(path, out why) is { } mode)
            return (mode & Libc.S_IFMT) switch
            {
                Libc.S_IFREG => null,
                S_IFDIR => "a folder where a file was expected",
                S_IFCHR => "a character device, not a file: ingest reads files, and a device such as /dev/zero never ends",
                S_IFBLK => "a block device, not a file: ingest reads files",
                S_IFIFO => "a FIFO (named pipe), not a file: ingest reads files, and would wait for a writer",
                S_IFSOCK => "a socket, not a file: ingest reads files",
                _ => "not a regular file: ingest reads files",
            };
        if (why is not null) return why;
        return File.Exists(path) ? null : Directory.Exists(path) ? "a folder where a file was expected" : "no such file";
    }

    /// <summary>The file's type and mode bits, or null with <paramref name="why"/> set when it cannot be found (or null, when statx is not there).</summary>
    private static int? LinuxMode(string path, out string? why)
    {
        why = null;
        var name = Libc.NulTerminated(Path.GetFullPath(path));
        Span<byte> status = stackalloc byte[Libc.StatxSize];
        try
        {
            if (Libc.statx(Libc.AT_FDCWD, ref name[0], 0, Libc.STATX_TYPE, ref MemoryMarshal.GetReference(status)) == 0)
                return MemoryMarshal.Read<ushort>(status[28..]); // stx_mode, at 28 on every architecture
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return null;
        }
        var error = Marshal.GetLastPInvokeError();
        why = error switch
        {
            Libc.ENOENT or Libc.ENOTDIR => "no such file (or a symbolic link to nothing)",
            ELOOP => "a symbolic link that loops (or a chain of more than 40 links)",
            Libc.ENOSYS => null, // no statx in this kernel: the .NET way below
            _ => $"cannot be read: {Marshal.GetPInvokeErrorMessage(error)}",
        };
        return null;
    }
}
