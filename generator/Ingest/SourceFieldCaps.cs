using System.Globalization;
using PaperTrail.Content;

namespace PaperTrail.Ingest;

/// <summary>
/// Holds every scraped paper to <see cref="FieldLimits"/>: a field over its cap is cut (text, at a
/// character boundary, ended by "…") or shortened (lists: the first ones are kept; a link or
/// category too long to be real is dropped, since half an address is a wrong one; an abstract
/// nested deeper than Markdown can be read is dropped, <see cref="AbstractNesting"/>), the paper is
/// kept, and each cut is reported in one line that names the file, line and paper. A source's
/// papers pass here before anything else sees them, so no message, file or page ever holds more.
/// </summary>
internal static class SourceFieldCaps
{
    public static SourceResult Apply(SourceResult result)
    {
        var cuts = new List<SourceFieldCut>();
        var papers = result.Papers.Select(paper => Apply(paper, cuts)).ToList();
        return cuts.Count == 0 ? result : result with { Papers = papers, Cuts = [.. result.Cuts, .. cuts] };
    }

    /// <summary>The paper within the caps; each cut made is added to <paramref name="cuts"/>.</summary>
    public static SourcePaper Apply(SourcePaper paper, List<SourceFieldCut> cuts)
    {
        var capped = paper;
        if (paper.Title.Length > FieldLimits.TitleLength)
            capped = capped with { Title = FieldLimits.Cut(paper.Title, FieldLimits.TitleLength) };
        var name = Quote(capped.Title);
        void Cut(string what) => cuts.Add(new SourceFieldCut(paper.SourceFile, paper.Line, what));

        if (!ReferenceEquals(capped, paper))
            Cut($"the title {name} was cut to {N(FieldLimits.TitleLength)} characters (it had {N(paper.Title.Length)})");

        if (paper.Abstract.Length > FieldLimits.AbstractLength)
        {
            capped = capped with { Abstract = FieldLimits.Cut(paper.Abstract, FieldLimits.AbstractLength) };
            Cut($"the abstract of {name} was cut to {N(FieldLimits.AbstractLength)} characters (it had {N(paper.Abstract.Length)})");
        }

        if (capped.Abstract.Length > 0 && AbstractNesting.IsTooDeep(capped.Abstract))
        {
            capped = capped with { Abstract = "" };
            Cut($"the abstract of {name} was dropped: its Markdown nests more than {AbstractNesting.Limit} levels deep (brackets, lists or quotes), more than a page can show");
        }

        var authors = paper.Authors;
        if (authors.Count > FieldLimits.Authors)
        {
            Cut($"the authors of {name} were cut to the first {N(FieldLimits.Authors)} (it had {N(authors.Count)})");
            authors = authors.Take(FieldLimits.Authors).ToList();
        }
        var longNames = authors.Count(a => a.Length > FieldLimits.AuthorNameLength);
        if (longNames > 0)
        {
            Cut($"{Count(longNames, "author's name", "authors' names")} of {name} {(longNames == 1 ? "was" : "were")} cut to {N(FieldLimits.AuthorNameLength)} characters");
            authors = authors.Select(a => FieldLimits.Cut(a, FieldLimits.AuthorNameLength)).ToList();
        }
        if (!ReferenceEquals(authors, paper.Authors)) capped = capped with { Authors = authors };

        // Links are named by the source (code, project), so only their addresses and their number can be too long.
        var links = paper.Links.OrderBy(l => l.Key, StringComparer.Ordinal).ToList();
        foreach (var (label, url) in links.Where(l => l.Value.Length > FieldLimits.UrlLength))
            Cut($"the {label} link of {name} was dropped: its address has {N(url.Length)} characters, more than the {N(FieldLimits.UrlLength)} an address may have");
        var kept = links.Where(l => l.Value.Length <= FieldLimits.UrlLength).ToList();
        if (kept.Count > FieldLimits.Links)
        {
            Cut($"the links of {name} were cut to the first {N(FieldLimits.Links)} by name (it had {N(kept.Count)})");
            kept = kept.Take(FieldLimits.Links).ToList();
        }
        if (kept.Count != links.Count) capped = capped with { Links = kept.ToDictionary(StringComparer.Ordinal) };

        var categories = paper.Categories;
        var longCategories = categories.Count(c => c.Length > FieldLimits.CategoryLength);
        if (longCategories > 0)
        {
            Cut($"{Count(longCategories, "category", "categories")} of {name} longer than {N(FieldLimits.CategoryLength)} characters {(longCategories == 1 ? "was" : "were")} dropped");
            categories = categories.Where(c => c.Length <= FieldLimits.CategoryLength).ToList();
        }
        if (categories.Count > FieldLimits.Categories)
        {
            Cut($"the categories of {name} were cut to the first {N(FieldLimits.Categories)} (it had {N(categories.Count)})");
            categories = categories.Take(FieldLimits.Categories).ToList();
        }
        if (!ReferenceEquals(categories, paper.Categories)) capped = capped with { Categories = categories };

        if (paper.AiSummary is { Length: > FieldLimits.AiSummaryLength } summary)
        {
            capped = capped with { AiSummary = FieldLimits.Cut(summary, FieldLimits.AiSummaryLength) };
            Cut($"the summary of {name} was cut to {N(FieldLimits.AiSummaryLength)} characters (it had {N(summary.Length)})");
        }
        if (paper.Organization is { Length: > FieldLimits.OrganizationLength } organization)
        {
            capped = capped with { Organization = FieldLimits.Cut(organization, FieldLimits.OrganizationLength) };
            Cut($"the organisation of {name} was cut to {N(FieldLimits.OrganizationLength)} characters (it had {N(organization.Length)})");
        }
        return capped;
    }

    private static string Quote(string title) => "\"" + FieldLimits.Cut(title, 60) + "\"";

    private static string Count(int n, string one, string many) => n == 1 ? $"1 {one}" : $"{N(n)} {many}";

    private static string N(int n) => n.ToString("N0", CultureInfo.InvariantCulture);
}

/// <summary>A field of a scraped paper that was cut to its cap; the paper was kept.</summary>
internal sealed record SourceFieldCut(string SourceFile, int Line, string What)
{
    /// <summary>A warning the nightly's summary picks up: "warning: file:line: the title "…" was cut to …".</summary>
    public override string ToString() => "warning: " + new ContentProblem(SourceFile, Line, What + "; the paper is kept");
}
