using System.IO.Enumeration;

namespace PaperTrail.Content;

/// <summary>
/// How <c>content/</c> is listed, alike by the loader and by the build's input scan, so that both see
/// the same paper files. The listing never goes into a linked folder (a link to a folder elsewhere
/// would publish its files; one to a folder above it listed the archive forty times over, until the
/// system's limit on links in a path) but names the link itself, as it names a linked file, a pipe or a
/// device: the loader then refuses each with a message (<see cref="ContentFile"/>).
/// </summary>
internal static class ContentListing
{
    public static EnumerationOptions Options => new() { RecurseSubdirectories = true, AttributesToSkip = 0 };

    /// <summary>A symbolic link (or a Windows junction), to a file or a folder. Only a reparse point is looked at twice.</summary>
    public static bool IsLink(ref FileSystemEntry entry) =>
        (entry.Attributes & FileAttributes.ReparsePoint) != 0 && ContentFile.LinkTarget(entry.ToFileSystemInfo()) is not null;

    /// <summary>Go into real folders only.</summary>
    public static bool Recurse(ref FileSystemEntry entry) => !IsLink(ref entry);

    /// <summary>Every entry but a real folder: files of any kind, and links to folders.</summary>
    public static bool Listed(ref FileSystemEntry entry) => !entry.IsDirectory || IsLink(ref entry);

    /// <summary>
    /// An entry (relative to the content folder) that the loader takes for a paper: under papers/, a
    /// <c>.md</c> file of any kind, or a link to a folder, which may hold papers and is refused.
    /// </summary>
    public static bool IsPaper(string relativeName, bool linkedFolder) =>
        relativeName.StartsWith(ArchiveLoader.PapersFolder + "/", StringComparison.Ordinal)
        && (linkedFolder || relativeName.EndsWith(".md", StringComparison.Ordinal));

    /// <summary>The paper entries of the content folder, relative to it ("papers/2026/11/x.md"), in ordinal order.</summary>
    public static string[] Papers(string contentDir)
    {
        var papers = Path.Combine(contentDir, ArchiveLoader.PapersFolder);
        if (!Directory.Exists(papers)) return [];
        var root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(contentDir));
        var listing = new FileSystemEnumerable<(string Name, bool LinkedFolder)>(Path.GetFullPath(papers),
            (ref FileSystemEntry e) => (Relative(root, e.ToFullPath()), e.IsDirectory), Options)
        {
            ShouldIncludePredicate = Listed,
            ShouldRecursePredicate = Recurse,
        };
        return listing
            .Where(e => IsPaper(e.Name, e.LinkedFolder))
            .Select(e => e.Name)
            .Order(StringComparer.Ordinal)
            .ToArray();
    }

    private static string Relative(string root, string full)
    {
        var relative = full[(root.Length + 1)..];
        return Path.DirectorySeparatorChar == '/' ? relative : relative.Replace(Path.DirectorySeparatorChar, '/');
    }
}
