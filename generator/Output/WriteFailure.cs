using PaperTrail.Errors;

namespace PaperTrail.Output;

/// <summary>
/// The failure of a write, told as the person who can fix it needs to hear it, naming the file:
/// the disk is full (<see cref="DiskFullError"/>), access is denied (<see cref="AccessDeniedError"/>),
/// or something is in the way: a folder where the file goes, a file where one of its folders goes
/// (an --output that is a file, content/papers made a file by mistake). The writers
/// (<see cref="AtomicFile"/>, <see cref="OutputTransaction"/>) ask it when a write throws; any other
/// failure is left as it is, a bug to report.
/// </summary>
internal static class WriteFailure
{
    /// <summary>The <see cref="UserError"/> for a failed write of <paramref name="path"/>, or null when it is none of these.</summary>
    public static UserError? Told(string path, Exception e)
    {
        if (e is not (IOException or UnauthorizedAccessException)) return null;
        if (DiskFullError.Is(e)) return new DiskFullError(path, e);
        if (InTheWay(path) is { } blocked) return blocked;
        if (AccessDeniedError.Is(e)) return new AccessDeniedError(path, e);
        return null;
    }

    /// <summary>A folder stands where the file goes.</summary>
    public static UserError FolderInPlace(string path) =>
        UserError.At(DisplayPath.Of(path), 0, "cannot be written: a folder is in its place; move it away and run the command again");

    private static UserError? InTheWay(string path)
    {
        var full = Path.GetFullPath(path);
        if (Directory.Exists(full)) return FolderInPlace(full);
        for (var folder = Path.GetDirectoryName(full); folder is not null; folder = Path.GetDirectoryName(folder))
            if (File.Exists(folder))
                return UserError.At(DisplayPath.Of(full), 0, $"cannot be written: {DisplayPath.Of(folder)} is a file, where a folder must be; move it away and run the command again");
        return null;
    }
}
