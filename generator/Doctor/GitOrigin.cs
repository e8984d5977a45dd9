using System.Text.RegularExpressions;

namespace PaperTrail.Doctor;

/// <summary>
/// The GitHub repository a clone came from, read from its <c>.git/config</c> (no git, no network):
/// the owner and name of the <c>origin</c> remote when it is on github.com.
/// </summary>
internal static partial class GitOrigin
{
    [GeneratedRegex(@"^\s*url\s*=\s*(?:https://github\.com/|git@github\.com:|ssh://git@github\.com/)(?<owner>[A-Za-z0-9-]+)/(?<repo>[A-Za-z0-9._-]+?)(?:\.git)?/?\s*$")]
    private static partial Regex GitHubUrl();

    public static (string Owner, string Repository)? GitHubRepository(string root)
    {
        var config = Path.Combine(root, ".git", "config");
        if (!File.Exists(config)) return null;
        var inOrigin = false;
        foreach (var line in File.ReadLines(config))
        {
            var trimmed = line.Trim();
            if (trimmed.StartsWith('[')) inOrigin = trimmed == "[remote \"origin\"]";
            else if (inOrigin && GitHubUrl().Match(line) is { Success: true } match)
                return (match.Groups["owner"].Value, match.Groups["repo"].Value);
        }
        return null;
    }
}
