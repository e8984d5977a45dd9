using PaperTrail.Content;
using PaperTrail.Errors;

namespace PaperTrail.Doctor;

/// <summary>
/// A fork as <c>generator doctor</c> sees it: the repository's root (the folder that holds the
/// archive folder), the archive, and its site.yml read once, with the problems reading it found.
/// </summary>
internal sealed class ForkLayout
{
    public string Root { get; }
    public string ContentDir { get; }
    public string SiteYml => Path.Combine(ContentDir, "site.yml");

    /// <summary>site.yml's settings, or null when it is missing or has a problem (then nothing that depends on it is judged).</summary>
    public SiteConfig? Config { get; }

    /// <summary>What reading site.yml found wrong, each naming its line.</summary>
    public IReadOnlyList<ContentProblem> ConfigProblems { get; }

    public ForkLayout(string contentDir)
    {
        ContentDir = contentDir;
        Root = Path.GetDirectoryName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(contentDir))) ?? Path.GetFullPath(contentDir);
        var problems = new List<ContentProblem>();
        if (!File.Exists(SiteYml))
        {
            problems.Add(new ContentProblem(DisplayPath.Of(SiteYml), 0, "missing: the archive's settings (title, base_url, host, sources) live there; `generator init` writes one to start from"));
            ConfigProblems = problems;
            return;
        }
        var config = SiteConfigReader.Read(DisplayPath.Of(SiteYml), ArchiveLoader.ReadText(SiteYml), problems);
        ConfigProblems = problems;
        Config = problems.Count == 0 ? config : null;
    }

    /// <summary>The line of site.yml where a top-level <paramref name="key"/> is set, for a finding to name; 0 when it is not.</summary>
    public int LineOf(string key)
    {
        var lines = File.ReadAllLines(SiteYml);
        for (var i = 0; i < lines.Length; i++)
            if (lines[i].StartsWith(key + ":", StringComparison.Ordinal)) return i + 1;
        return 0;
    }

    /// <summary>"content/site.yml:6" for the line of <paramref name="key"/>, or the file alone.</summary>
    public string Where(string key) => LineOf(key) is > 0 and var line ? $"{DisplayPath.Of(SiteYml)}:{line}" : DisplayPath.Of(SiteYml);
}
