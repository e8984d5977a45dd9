using System.Globalization;

namespace PaperTrail.Site;

/// <summary>
/// Every URL the site emits comes from here, so the base URL's path is respected everywhere and
/// links can be checked against the plan. Paths are site-relative ("papers/x/"); <see cref="Href"/>
/// makes the root-relative link a page uses, <see cref="Absolute"/> the URL feeds and crawlers use.
/// </summary>
internal sealed class Urls(Uri baseUrl)
{
    public Uri BaseUrl { get; } = baseUrl;

    /// <summary>The path the site lives under, "/" or "/archive/".</summary>
    public string BasePath { get; } = baseUrl.AbsolutePath.EndsWith('/') ? baseUrl.AbsolutePath : baseUrl.AbsolutePath + "/";

    public const string Home = "";
    public const string Topics = "topics/";
    public const string Days = "days/";
    public const string Rss = "feed.xml";
    public const string Atom = "atom.xml";
    public const string JsonFeed = "feed.json";
    public const string Sitemap = "sitemap.xml";
    public const string Robots = "robots.txt";
    public const string NotFound = "404.html";
    public const string Opml = "topics/opml.xml";
    public const string SearchPage = "search/";
    public const string Digest = "digest.xml";
    public const string WeeklyDigest = "digest/weekly.xml";
    public const string Subscribe = "subscribe/";

    /// <summary>The reader's reading list, kept in their browser (site.yml's <c>reading_list</c>).</summary>
    public const string Saved = "saved/";

    public static string Paper(string slug) => $"papers/{slug}/";

    public static string Arxiv(string id) => $"arxiv/{id}/";

    public static string Day(DateOnly day) => $"days/{day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}/";

    public static string Topic(string slug) => $"topics/{slug}/";

    /// <summary>A topic's papers that first trended in one month, in pages of <c>page_size</c>.</summary>
    public static string TopicMonth(string slug, int year, int month, int page = 1) =>
        $"topics/{slug}/{year.ToString("0000", CultureInfo.InvariantCulture)}/{month.ToString("00", CultureInfo.InvariantCulture)}/" +
        (page <= 1 ? "" : $"page/{page.ToString(CultureInfo.InvariantCulture)}/");

    public static string TopicRss(string slug) => $"topics/{slug}/feed.xml";

    public static string TopicAtom(string slug) => $"topics/{slug}/atom.xml";

    /// <summary>An author's papers, and their feeds.</summary>
    public static string Author(string slug) => $"authors/{slug}/";

    public static string AuthorRss(string slug) => $"authors/{slug}/feed.xml";

    public static string AuthorAtom(string slug) => $"authors/{slug}/atom.xml";

    /// <summary>An ISO week's most upvoted papers, e.g. "top/week/2026-W29/".</summary>
    public static string TopWeek(IsoWeek week) => $"top/week/{week}/";

    /// <summary>A month's most upvoted papers, e.g. "top/month/2026-07/".</summary>
    public static string TopMonth(int year, int month) =>
        $"top/month/{year.ToString("0000", CultureInfo.InvariantCulture)}-{month.ToString("00", CultureInfo.InvariantCulture)}/";

    /// <summary>The BibTeX entries of a day's papers, beside its page.</summary>
    public static string DayBibtex(DateOnly day) => Day(day) + "papers.bib";

    /// <summary>The BibTeX entries of every paper of a topic's month (all its pages), beside the month's first page.</summary>
    public static string TopicMonthBibtex(string slug, int year, int month) => TopicMonth(slug, year, month) + "papers.bib";

    /// <summary>The site feed's archive of one month (RFC 5005): the papers that first trended in it.</summary>
    public static string FeedArchive(int year, int month) => $"archive/{YearMonth(year, month)}atom.xml";

    /// <summary>A topic feed's archive of one month, beside the topic's page of that month.</summary>
    public static string TopicFeedArchive(string slug, int year, int month) => $"topics/{slug}/{YearMonth(year, month)}atom.xml";

    private static string YearMonth(int year, int month) =>
        $"{year.ToString("0000", CultureInfo.InvariantCulture)}/{month.ToString("00", CultureInfo.InvariantCulture)}/";

    public static string Asset(string name) => $"assets/{name}";

    /// <summary>The site's own share card, the og:image of every page that has none of its own.</summary>
    public const string SiteCard = "cards/site.png";

    /// <summary>
    /// The share card of the page at <paramref name="pagePath"/>: "days/2026-11-02/" has
    /// "cards/days/2026-11-02.png". Under cards/, apart from the pages, where no page path leads.
    /// </summary>
    public static string Card(string pagePath) => pagePath.Length == 0 ? SiteCard : $"cards/{pagePath.TrimEnd('/')}.png";

    /// <summary>The link a page writes: root-relative, so it works from any page and under a sub-path.</summary>
    public string Href(string path) => BasePath + path;

    public string Absolute(string path) =>
        _absolutePrefix is not null && IsPlainRelative(path) ? _absolutePrefix + path : new Uri(BaseUrl, path).AbsoluteUri;

    // Tens of thousands of absolute URLs per build (sitemap, canonical links, feeds): a plain relative
    // path under a base that ends in '/' resolves to the two joined, which Uri does at many times the cost.
    private readonly string? _absolutePrefix =
        baseUrl.IsAbsoluteUri && baseUrl.AbsoluteUri.EndsWith('/') && baseUrl.Query.Length == 0 && baseUrl.Fragment.Length == 0 ? baseUrl.AbsoluteUri : null;

    /// <summary>Lower-case letters, digits and "-_./", no empty, "." or ".." segment: a path Uri would leave as it is.</summary>
    private static bool IsPlainRelative(string path)
    {
        if (path.Length == 0) return true;
        if (path[0] == '/') return false;
        foreach (var c in path)
            if (!(char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '-' or '_' or '.' or '/')) return false;
        foreach (var segment in path.AsSpan().Split('/'))
        {
            var name = path.AsSpan()[segment];
            if (name is "." or ".." || (name.Length == 0 && segment.End.Value != path.Length)) return false;
        }
        return true;
    }

    /// <summary>The file that serves a path: "papers/x/" is "papers/x/index.html".</summary>
    public static string FileFor(string path) => path.Length == 0 || path.EndsWith('/') ? path + "index.html" : path;
}
