namespace PaperTrail.Content;

/// <summary>Where in a paper file something is written, so a problem points where to edit. Read only for a problem.</summary>
internal static class ContentLines
{
    /// <summary>The line of a top-level key of the front matter, or 1.</summary>
    public static int OfKey(string file, string key) =>
        Find(file, (line, inFrontMatter) => inFrontMatter && line.StartsWith(key + ":", StringComparison.Ordinal)) ?? 1;

    /// <summary>The first line of the front matter (or of the body, after it) that holds <paramref name="text"/>, or null.</summary>
    public static int? Holding(string file, string text, bool inFrontMatter) =>
        Find(file, (line, front) => front == inFrontMatter && line.Contains(text, StringComparison.Ordinal));

    /// <summary>The first line of the body (the abstract) with any text, or 1.</summary>
    public static int BodyStart(string file) => Find(file, (line, front) => !front && line.Trim().Length > 0) ?? 1;

    /// <summary>The number of the first line <paramref name="wanted"/> accepts, told whether the line is in the front matter.</summary>
    private static int? Find(string file, Func<string, bool, bool> wanted)
    {
        try
        {
            var number = 0;
            var inFrontMatter = false;
            foreach (var line in File.ReadLines(file))
            {
                number++;
                var bare = line.TrimStart('\uFEFF').TrimEnd();
                if (number == 1 && bare == "---") { inFrontMatter = true; continue; }
                if (inFrontMatter && bare is "---" or "...") { inFrontMatter = false; continue; }
                if (wanted(line, inFrontMatter)) return number;
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
        return null;
    }
}
