using System.Globalization;
using PaperTrail.Content;

namespace PaperTrail.Ingest.Web;

/// <summary>
/// The arXiv API's address for a search of site.yml (info.arxiv.org/help/api/user-manual.html):
/// <c>api/query?search_query=…&amp;sortBy=submittedDate&amp;sortOrder=descending&amp;start=…&amp;max_results=…</c>.
/// Categories are OR-ed (<c>cat:cs.RO OR cat:q-bio.NC</c>), so are terms, each looked for as a phrase
/// in the title or the abstract (<c>ti:"world model" OR abs:"world model"</c>), and authors
/// (<c>au:"Sergey Levine"</c>); the groups given are AND-ed. Newest submissions first, so that the
/// pages reach back from the announcement asked for (<see cref="ArxivFetcher"/>).
/// </summary>
internal static class ArxivQuery
{
    /// <summary>Papers per page: a day of a busy category (cs.LG, cross-lists included) in 2 to 4 pages.</summary>
    public const int PageSize = 200;

    /// <summary>The API's own address (its terms ask for export.arxiv.org).</summary>
    public static readonly Uri DefaultBase = new("https://export.arxiv.org/");

    /// <summary>The <c>search_query</c> before escaping.</summary>
    public static string SearchQuery(ArxivSearch search)
    {
        var groups = new List<string>();
        if (search.Categories.Count > 0) groups.Add(AnyOf(search.Categories.Select(c => "cat:" + c)));
        if (search.Terms.Count > 0) groups.Add(AnyOf(search.Terms.SelectMany(t => new[] { $"ti:{Phrase(t)}", $"abs:{Phrase(t)}" })));
        if (search.Authors.Count > 0) groups.Add(AnyOf(search.Authors.Select(a => "au:" + Phrase(a))));
        return string.Join(" AND ", groups);
    }

    public static Uri PageUrl(Uri apiBase, ArxivSearch search, int start, int size = PageSize) =>
        new(apiBase, string.Create(CultureInfo.InvariantCulture,
            $"api/query?search_query={Uri.EscapeDataString(SearchQuery(search))}&sortBy=submittedDate&sortOrder=descending&start={start}&max_results={size}"));

    private static string AnyOf(IEnumerable<string> clauses)
    {
        var list = clauses.ToList();
        return list.Count == 1 ? list[0] : "(" + string.Join(" OR ", list) + ")";
    }

    /// <summary>A phrase in quotes; site.yml refuses a phrase holding a quote (<see cref="SourcesReader"/>).</summary>
    private static string Phrase(string text) => "\"" + text + "\"";
}
