namespace PaperTrail.Content;

/// <summary><c>content/site.yml</c>: the one file a forker edits to make the archive theirs.</summary>
internal sealed record SiteConfig
{
    public string Title { get; init; } = "Paper Trail";
    public string Description { get; init; } = "An archive of trending research papers.";

    /// <summary>Absolute URL of the site's root, always ending with '/'; may include a path.</summary>
    public Uri BaseUrl { get; init; } = new("https://example.org/");
    public string Language { get; init; } = "en";
    public string? Author { get; init; }
    public string Theme { get; init; } = "default";
    public int PageSize { get; init; } = 20;
    public int FeedSize { get; init; } = 30;

    /// <summary>How many papers the weekly digest and a week's page list: that week's most upvoted.</summary>
    public int DigestSize { get; init; } = 10;

    /// <summary>An author gets a page and feeds at <c>/authors/&lt;name&gt;/</c> from this many trending papers on; 0: no author pages.</summary>
    public int AuthorMinPapers { get; init; } = 10;

    /// <summary>
    /// A WebSub hub (https://www.w3.org/TR/websub/): every subscription feed names it, and
    /// <c>generator websub</c> tells it, after a deploy, which feeds changed.
    /// </summary>
    public string? WebSubHub { get; init; }

    /// <summary>Where the site is published: decides how old addresses keep working (docs/deploying.md).</summary>
    public SiteHost Host { get; init; } = SiteHost.Netlify;

    /// <summary>How to reach the archive's keeper: an e-mail address or a web address, shown in the footer.</summary>
    public string? Contact { get; init; }

    /// <summary>
    /// Whether pages carry the reading list (theme script <c>reading.js</c> and the <c>/saved/</c>
    /// page): papers saved, marked read, noted and highlighted in the reader's own browser.
    /// </summary>
    public bool ReadingList { get; init; } = true;

    /// <summary>The web sources ingest knows how to fetch (Ingest.Web.WebSources resolves them).</summary>
    public static readonly IReadOnlyList<string> WebSourceNames = ["hf-trending", "hf-daily"];

    /// <summary>The named web sources the nightly job fetches (<c>ingest --scheduled</c>): those of <see cref="WebSourceNames"/>.</summary>
    public IReadOnlyList<string> Sources { get; init; } = ["hf-trending"];

    /// <summary>The arXiv searches the nightly job fetches besides (<c>sources</c> entries <c>arxiv: {…}</c>).</summary>
    public IReadOnlyList<ArxivSearch> ArxivSources { get; init; } = [];

    /// <summary>The version of the content format; a newer one than this generator knows is refused.</summary>
    public int SchemaVersion { get; init; } = CurrentSchemaVersion;

    public const int CurrentSchemaVersion = 2;

    public static readonly IReadOnlyList<string> Keys =
        ["schema_version", "title", "description", "base_url", "language", "author", "contact", "theme", "page_size", "feed_size", "digest_size", "author_min_papers", "websub_hub", "host", "sources", "reading_list"];
}
