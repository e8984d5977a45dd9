using PaperTrail.Errors;
namespace PaperTrail.Rendering;

/// <summary>
/// The files of a theme: the named theme's folder first, then the default theme's, so a forker's
/// theme overrides any layout, partial or asset by having a file at the same path.
/// </summary>
internal sealed class ThemeFiles
{
    public const string DefaultTheme = "default";

    public IReadOnlyList<string> Folders { get; }

    public ThemeFiles(string themesDir, string theme)
    {
        var folders = new List<string>();
        var own = Path.Combine(themesDir, theme);
        if (!Directory.Exists(own))
            throw UserError.At(Errors.DisplayPath.Of(own), 0, $"theme '{theme}' not found: create the folder or fix 'theme' in site.yml");
        folders.Add(own);
        var fallback = Path.Combine(themesDir, DefaultTheme);
        if (theme != DefaultTheme && Directory.Exists(fallback)) folders.Add(fallback);
        Folders = folders;
    }

    /// <summary>The full path of a theme file ("layouts/paper.liquid"), or null when no theme has it.</summary>
    public string? Find(string relative) =>
        Folders.Select(f => Path.Combine(f, relative)).FirstOrDefault(File.Exists);

    /// <summary>Every file under a folder of the theme chain, by relative path, the nearest theme winning.</summary>
    public IReadOnlyDictionary<string, string> All(string folder)
    {
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var root in Folders.Reverse())
        {
            var dir = Path.Combine(root, folder);
            if (!Directory.Exists(dir)) continue;
            foreach (var file in Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories))
                files[Path.GetRelativePath(dir, file).Replace('\\', '/')] = file;
        }
        return files;
    }

    /// <summary>The themes folder: ./themes when it exists, else the one beside Site.sln above the program.</summary>
    public static string DefaultThemesDir()
    {
        if (Directory.Exists("themes")) return "themes";
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Site.sln"))) return Path.Combine(dir.FullName, "themes");
        return "themes";
    }
}
