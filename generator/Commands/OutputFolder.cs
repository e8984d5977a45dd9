using PaperTrail.Errors;

namespace PaperTrail.Commands;

/// <summary>
/// Where <c>build</c> and <c>serve</c> write the site (<c>--output</c>): never inside what the build
/// reads, the content folder or a theme's folder. There, the site's own files (its lock among them,
/// held open) became inputs of the build that was writing them: the build crashed reading its own
/// lock, and no build could ever find its inputs unchanged.
/// </summary>
internal static class OutputFolder
{
    private static readonly StringComparison PathComparison =
        OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;

    public static string Check(string output, string contentDir, string themesDir)
    {
        if (IsSameOrInside(output, contentDir))
            throw new UsageException($"--output {DisplayPath.Of(output)} is inside the content folder {DisplayPath.Of(contentDir)}, which the build reads: write the site somewhere else");
        if (ThemeHolding(output, themesDir) is { } theme)
            throw new UsageException($"--output {DisplayPath.Of(output)} is inside the theme folder {DisplayPath.Of(theme)}, which the build reads: write the site somewhere else");
        return output;
    }

    /// <summary>The theme folder (a folder of the themes folder with layouts/ or partials/, or the default theme's) that holds <paramref name="output"/>, or null.</summary>
    private static string? ThemeHolding(string output, string themesDir)
    {
        var root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(themesDir));
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(output));
        if (!full.StartsWith(root + Path.DirectorySeparatorChar, PathComparison)) return null;
        var name = full[(root.Length + 1)..].Split(Path.DirectorySeparatorChar)[0];
        var theme = Path.Combine(root, name);
        var isTheme = name == Rendering.ThemeFiles.DefaultTheme
            || Directory.Exists(Path.Combine(theme, "layouts")) || Directory.Exists(Path.Combine(theme, "partials"));
        return isTheme ? theme : null;
    }

    private static bool IsSameOrInside(string path, string folder)
    {
        var root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder));
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));
        return full.Equals(root, PathComparison) || full.StartsWith(root + Path.DirectorySeparatorChar, PathComparison);
    }
}
