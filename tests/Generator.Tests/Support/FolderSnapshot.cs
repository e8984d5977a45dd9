using System.Security.Cryptography;

namespace PaperTrail.Tests.Support;

/// <summary>Every file under a folder with its bytes' hash and write time, to prove "nothing changed".</summary>
public sealed record FolderSnapshot(IReadOnlyDictionary<string, (string Hash, DateTime Written)> Files)
{
    public static FolderSnapshot Of(string folder)
    {
        var files = new SortedDictionary<string, (string, DateTime)>(StringComparer.Ordinal);
        if (Directory.Exists(folder))
            foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
                files[Path.GetRelativePath(folder, file).Replace('\\', '/')] =
                    (Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(file))), File.GetLastWriteTimeUtc(file));
        return new FolderSnapshot(files);
    }

    /// <summary>Paths added, removed, or whose bytes or write time differ.</summary>
    public IReadOnlyList<string> Differences(FolderSnapshot later) =>
        Files.Keys.Union(later.Files.Keys)
            .Where(k => !Files.TryGetValue(k, out var a) || !later.Files.TryGetValue(k, out var b) || a != b)
            .Order(StringComparer.Ordinal)
            .ToList();
}
