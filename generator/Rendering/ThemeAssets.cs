using System.Security.Cryptography;
using PaperTrail.Site;

namespace PaperTrail.Rendering;

/// <summary>
/// The theme's assets/ folder as published files. Stylesheets and scripts get a content hash in
/// their name (style.3f2a9c1e.css) so hosts can cache them for a year and a change still shows.
/// </summary>
internal static class ThemeAssets
{
    private static readonly HashSet<string> Fingerprinted = new(StringComparer.OrdinalIgnoreCase) { ".css", ".js" };

    public static IReadOnlyDictionary<string, AssetFile> Load(ThemeFiles theme)
    {
        var assets = new SortedDictionary<string, AssetFile>(StringComparer.Ordinal);
        foreach (var (name, path) in theme.All("assets"))
        {
            var bytes = File.ReadAllBytes(path);
            var extension = Path.GetExtension(name);
            var published = Fingerprinted.Contains(extension)
                ? $"{name[..^extension.Length]}.{Convert.ToHexStringLower(SHA256.HashData(bytes))[..8]}{extension}"
                : name;
            assets[name] = new AssetFile(Urls.Asset(published), bytes);
        }
        return assets;
    }
}
