using System.Globalization;
using PaperTrail.Errors;

namespace PaperTrail.Content;

/// <summary>
/// Cuts the fields of a paper file that are over <see cref="FieldLimits"/> to what the site shows, and
/// notes each cut with its line (<see cref="Paper.Cut"/>), for the build and <c>check</c> to warn
/// about. Ingest cuts what a source gives; a file over a limit is a person's edit, or a file from
/// before the limits. Its paper is kept: one too-long field is no reason to take a paper off the site,
/// and the file itself is not changed (ingest, which reads papers uncut, writes it back whole). A
/// link too long is left out rather than cut, since a cut address leads elsewhere.
/// </summary>
internal static class PaperFieldCaps
{
    /// <summary>The paper as the site shows it; the same paper when nothing is over a limit.</summary>
    /// <param name="file">The paper's file, read for the line of a field only when one is cut.</param>
    public static Paper Apply(Paper paper, string file)
    {
        var cuts = new List<FieldCut>();
        var title = paper.Title;
        if (title.Length > FieldLimits.TitleLength)
        {
            cuts.Add(new FieldCut(ContentLines.OfKey(file, "title"), Over("'title'", title.Length, FieldLimits.TitleLength, "characters", "a title")));
            title = FieldLimits.Cut(title, FieldLimits.TitleLength);
        }

        string? abstractText = null;
        // Bytes are never fewer than characters: most abstracts are decoded here only when one may be over.
        if (paper.AbstractUtf8.Length > FieldLimits.AbstractLength && paper.Abstract is { Length: > FieldLimits.AbstractLength } whole)
        {
            cuts.Add(new FieldCut(ContentLines.BodyStart(file), Over("The abstract", whole.Length, FieldLimits.AbstractLength, "characters", "an abstract")));
            abstractText = FieldLimits.Cut(whole, FieldLimits.AbstractLength);
        }

        var authors = paper.Authors;
        if (authors.Count > FieldLimits.Authors)
        {
            cuts.Add(new FieldCut(ContentLines.OfKey(file, "authors"), Over("'authors'", authors.Count, FieldLimits.Authors, "names", "a paper", "the first")));
            authors = authors.Take(FieldLimits.Authors).ToList();
        }
        if (authors.Count(a => a.Length > FieldLimits.AuthorNameLength) is > 0 and var longNames)
        {
            cuts.Add(new FieldCut(ContentLines.OfKey(file, "authors"),
                $"{Count(longNames)} {(longNames == 1 ? "name" : "names")} in 'authors' {(longNames == 1 ? "has" : "have")} more than the {Count(FieldLimits.AuthorNameLength)} characters a name may have: the site shows {(longNames == 1 ? "it" : "them")} cut"));
            authors = authors.Select(a => a.Length > FieldLimits.AuthorNameLength ? FieldLimits.Cut(a, FieldLimits.AuthorNameLength) : a).ToList();
        }

        var links = paper.Links;
        if (links.Any(l => l.Value.Length > FieldLimits.UrlLength) || links.Count > FieldLimits.Links)
        {
            var kept = new SortedDictionary<string, string>(StringComparer.Ordinal);
            foreach (var (name, url) in links)
            {
                if (url.Length > FieldLimits.UrlLength)
                    cuts.Add(new FieldCut(ContentLines.OfKey(file, "links"),
                        $"'links.{name}' has an address of {Count(url.Length)} characters, more than the {Count(FieldLimits.UrlLength)} a link may have: the site leaves the link out"));
                else if (kept.Count < FieldLimits.Links) kept[name] = url;
            }
            var usable = links.Count(l => l.Value.Length <= FieldLimits.UrlLength);
            if (usable > FieldLimits.Links)
                cuts.Add(new FieldCut(ContentLines.OfKey(file, "links"), Over("'links'", usable, FieldLimits.Links, "links", "a paper", "the first (by name)")));
            links = kept;
        }

        var categories = paper.Categories;
        if (categories.Count > FieldLimits.Categories)
        {
            cuts.Add(new FieldCut(ContentLines.OfKey(file, "categories"), Over("'categories'", categories.Count, FieldLimits.Categories, "entries", "a paper", "the first")));
            categories = categories.Take(FieldLimits.Categories).ToList();
        }

        var aiSummary = paper.AiSummary;
        if (aiSummary is { Length: > FieldLimits.AiSummaryLength })
        {
            cuts.Add(new FieldCut(ContentLines.OfKey(file, "ai_summary"), Over("'ai_summary'", aiSummary.Length, FieldLimits.AiSummaryLength, "characters", "a summary")));
            aiSummary = FieldLimits.Cut(aiSummary, FieldLimits.AiSummaryLength);
        }
        var organization = paper.Organization;
        if (organization is { Length: > FieldLimits.OrganizationLength })
        {
            cuts.Add(new FieldCut(ContentLines.OfKey(file, "organization"), Over("'organization'", organization.Length, FieldLimits.OrganizationLength, "characters", "an organisation's name")));
            organization = FieldLimits.Cut(organization, FieldLimits.OrganizationLength);
        }

        if (cuts.Count == 0) return paper;
        var cut = paper with { Title = title, Authors = authors, Links = links, Categories = categories, AiSummary = aiSummary, Organization = organization, Cut = [.. paper.Cut, .. cuts] };
        return abstractText is null ? cut : cut with { Abstract = abstractText };
    }

    /// <summary>
    /// One warning line per cut of the papers kept: <c>warning: content/papers/2026/11/x.md:2: 'title' has
    /// 6,000 characters, more than the 5,000 a title may have: the site shows it cut</c>.
    /// </summary>
    public static IEnumerable<string> Warnings(Archive archive) =>
        archive.Papers.SelectMany(f => f.Paper.Cut.Select(cut =>
            $"warning: {new ContentProblem(DisplayPath.Of(Path.Combine(archive.ContentDir, f.RelativePath)), cut.Line, cut.Message)}"));

    /// <summary>"'title' has 6,000 characters, more than the 5,000 a title may have: the site shows it cut".</summary>
    private static string Over(string field, int count, int limit, string unit, string holder, string? shows = null) =>
        $"{field} {(field.StartsWith('\'') && unit != "characters" ? "lists" : "has")} {Count(count)} {unit}, more than the {Count(limit)} {holder} may have: " +
        (shows is null ? "the site shows it cut" : $"the site shows {shows} {Count(limit)}");

    private static string Count(int n) => n.ToString("N0", CultureInfo.InvariantCulture);

}
