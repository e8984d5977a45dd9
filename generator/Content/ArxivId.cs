using System.Text.RegularExpressions;

namespace PaperTrail.Content;

/// <summary>arXiv identifiers, new style (2303.08797) and old style (math/0601001), without version.</summary>
internal static partial class ArxivId
{
    [GeneratedRegex(@"^(?:\d{4}\.\d{4,5}|[a-z][a-z\-]*(?:\.[A-Z]{2})?/\d{7})$")]
    private static partial Regex Shape();

    [GeneratedRegex(@"v\d+$")]
    private static partial Regex Version();

    public static bool IsValid(string id) => Shape().IsMatch(id);

    /// <summary>
    /// The DOI arXiv registers with DataCite for every paper, old style ids included
    /// (<c>10.48550/arXiv.2303.08797</c>): what reference managers and Google Scholar match a paper by.
    /// </summary>
    public static string Doi(string id) => "10.48550/arXiv." + id;

    /// <summary>Drops a version suffix (2303.08797v2 → 2303.08797); null when it is not an arXiv id.</summary>
    public static string? Normalize(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw)) return null;
        var id = Version().Replace(raw.Trim(), "");
        return IsValid(id) ? id : null;
    }
}
