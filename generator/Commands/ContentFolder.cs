using PaperTrail.Content;
using PaperTrail.Errors;

namespace PaperTrail.Commands;

/// <summary>
/// The archive folder a command reads (<c>--content</c>, by default <c>content</c> where the command
/// runs). Missing, it is a missing input (exit 1) for every command, told with the folder looked in,
/// since a relative path says little to someone who ran the command one folder too deep. A folder
/// that holds no archive (no site.yml, topics.yml or papers/: <c>--content /</c>, a home folder) is
/// refused too: a build would list and hash every file under it, for minutes, and find no paper.
/// </summary>
internal static class ContentFolder
{
    public static string Require(string dir)
    {
        if (File.Exists(dir)) throw NotAFolder(dir);
        if (Directory.Exists(dir)) return IsArchive(dir) ? dir : throw NoArchive(dir, "");
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(dir));
        var hint = ArchiveRootAbove(full) is { } root ? $"; {root} looks like one" : "";
        throw new UserError(
        [
            $"no content folder at {full}",
            $"run the generator from the archive's root (the folder that holds content/{hint}), or pass --content with the archive folder",
        ]);
    }

    /// <summary>
    /// The folder ingest writes papers into: an archive, or a folder to start one in (missing, or
    /// empty), never a folder of other files, which ingest would fill with papers/.
    /// </summary>
    public static string ForIngest(string dir)
    {
        if (File.Exists(dir)) throw NotAFolder(dir);
        if (Directory.Exists(dir) && !IsArchive(dir) && Directory.EnumerateFileSystemEntries(dir).Any(e => !Output.FolderLock.IsLockFile(Path.GetFileName(e))))
            throw NoArchive(dir, ", and it is not empty: ingest starts a new archive only in an empty or new folder");
        return dir;
    }

    private static bool IsArchive(string dir) =>
        File.Exists(Path.Combine(dir, "site.yml")) || File.Exists(Path.Combine(dir, "topics.yml")) || Directory.Exists(Path.Combine(dir, ArchiveLoader.PapersFolder));

    private static UserError NotAFolder(string dir) =>
        new($"--content {DisplayPath.Of(dir)} is a file; pass --content with the archive's folder (the one holding site.yml and papers/)");

    private static UserError NoArchive(string dir, string more) =>
        new($"{DisplayPath.Of(dir)} holds no archive (no site.yml, topics.yml or papers/){more}; pass --content with the archive's folder");

    /// <summary>The nearest folder above <paramref name="missing"/> that holds an archive, when the command ran inside one.</summary>
    private static string? ArchiveRootAbove(string missing)
    {
        var name = Path.GetFileName(missing);
        for (var dir = Path.GetDirectoryName(Path.GetDirectoryName(missing)); dir is not null; dir = Path.GetDirectoryName(dir))
            if (File.Exists(Path.Combine(dir, name, "site.yml")) || Directory.Exists(Path.Combine(dir, name, ArchiveLoader.PapersFolder)))
                return dir;
        return null;
    }
}
