using PaperTrail.Content;
using PaperTrail.Errors;

namespace PaperTrail.Commands;

/// <summary>
/// The archive folder a command reads (<c>--content</c>, by default <c>content</c> where the command
/// runs). Missing, it is a missing input (exit 1) for every command, told with the folder looked in,
/// since a relative path says little to someone who ran the command one folder too deep.
/// </summary>
public static class ContentFolder
{
    public static string Require(string dir)
    {
        if (Directory.Exists(dir)) return dir;
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(dir));
        var hint = ArchiveRootAbove(full) is { } root ? $"; {root} looks like one" : "";
        throw new UserError(
        [
            $"no content folder at {full}",
            $"run the generator from the archive's root (the folder that holds content/{hint}), or pass --content with the archive folder",
        ]);
    }

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
