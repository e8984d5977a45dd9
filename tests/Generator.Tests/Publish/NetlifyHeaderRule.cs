using System.Text;
using System.Text.RegularExpressions;
using PaperTrail.Tests.Support;
using Tomlyn.Model;

namespace PaperTrail.Tests.Publish;

/// <summary>
/// The [[headers]] rules of netlify.toml and which addresses each applies to, matched the way Netlify
/// matches a rule's <c>for</c> path: case aside, a trailing slash aside; <c>:name</c> is one path
/// segment; <c>*</c> alone as a segment is anything below (or nothing); <c>*</c> inside a segment is
/// any characters, slashes included. Netlify leaves the other characters of such a segment as they
/// are in a regular expression, so a dot there is any character (<c>/assets/*.js</c> also matches
/// <c>/assets/a.mjs</c>): matched the same way here, so a test errs on the side of matching too much.
/// </summary>
public sealed record NetlifyHeaderRule(string For, IReadOnlyDictionary<string, string> Values)
{
    private Regex Pattern { get; } = ToRegex(For);

    public static IReadOnlyList<NetlifyHeaderRule> All() =>
        ((TomlTableArray)NetlifyConfig.Model["headers"])
            .Select(h => new NetlifyHeaderRule((string)h["for"], ((TomlTable)h["values"]).ToDictionary(kv => kv.Key, kv => (string)kv.Value)))
            .ToList();

    public bool Matches(string path) => Pattern.IsMatch(path);

    private static Regex ToRegex(string path)
    {
        var pattern = new StringBuilder("^");
        foreach (var segment in path.Split('/').Select(s => s.TrimEnd()).Where(s => s.Length > 0))
        {
            if (segment == "*") pattern.Append("/?.*");
            else if (segment.StartsWith(':')) pattern.Append("/[^/]+");
            else if (segment.Contains('*')) pattern.Append('/').Append(string.Concat(segment.Select(c => c switch { '*' => ".*", '.' => ".", _ => Regex.Escape(c.ToString()) })));
            else pattern.Append('/').Append(Regex.Escape(segment));
        }
        if (pattern.Length == 1) pattern.Append('/');
        return new Regex(pattern.Append("/?$").ToString(), RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
    }
}
