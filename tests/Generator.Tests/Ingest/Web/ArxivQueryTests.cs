using PaperTrail.Content;
using PaperTrail.Ingest.Web;

namespace PaperTrail.Tests.Ingest.Web;

/// <summary>The arXiv API address a site.yml search becomes: what arXiv is asked is what the forker wrote.</summary>
public sealed class ArxivQueryTests
{
    private static readonly Uri Api = new("https://export.arxiv.org/");

    [Fact]
    public void Categories_are_or_ed_newest_submissions_first_one_page_at_a_time()
    {
        var url = ArxivQuery.PageUrl(Api, new ArxivSearch { Categories = ["cs.RO", "q-bio.NC"] }, 400, 200);

        Assert.Equal("https://export.arxiv.org/api/query?search_query=%28cat%3Acs.RO%20OR%20cat%3Aq-bio.NC%29"
            + "&sortBy=submittedDate&sortOrder=descending&start=400&max_results=200", url.AbsoluteUri);
    }

    [Fact]
    public void Terms_are_phrases_in_title_or_abstract_and_authors_phrases_each_group_and_ed()
    {
        var search = new ArxivSearch { Categories = ["cs.RO"], Terms = ["world model", "C++ & co"], Authors = ["Sergey Levine"] };

        Assert.Equal("cat:cs.RO AND (ti:\"world model\" OR abs:\"world model\" OR ti:\"C++ & co\" OR abs:\"C++ & co\") AND au:\"Sergey Levine\"",
            ArxivQuery.SearchQuery(search));
        var query = ArxivQuery.PageUrl(Api, search, 0).Query;
        // Escaped whole: a '&' or '+' of a term cannot end the parameter or become a space.
        Assert.Contains("search_query=cat%3Acs.RO%20AND%20%28ti%3A%22world%20model%22", query);
        Assert.Contains("%22C%2B%2B%20%26%20co%22", query);
        Assert.EndsWith("&sortBy=submittedDate&sortOrder=descending&start=0&max_results=200", query);
    }

    [Fact]
    public void A_mirror_keeps_its_path()
    {
        var url = ArxivQuery.PageUrl(new Uri("http://127.0.0.1:8080/mirror/"), new ArxivSearch { Authors = ["Ann Lee"] }, 0, 10);

        Assert.Equal("/mirror/api/query", url.AbsolutePath);
    }
}
