namespace PaperTrail.Errors;

/// <summary>Paths as a person wants to read them in an error: relative to where they stand.</summary>
internal static class DisplayPath
{
    public static string Of(string path)
    {
        var full = Path.GetFullPath(path);
        var relative = Path.GetRelativePath(Environment.CurrentDirectory, full);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? full : relative;
    }
}
