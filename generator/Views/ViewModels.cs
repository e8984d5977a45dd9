namespace PaperTrail.Views;

// What templates receive: plain values, already formatted and URL-resolved, never domain types.
// Property names reach Liquid in snake_case (AbstractHtml → abstract_html); docs/theming.md lists them.

/// <summary>A link: where it goes and what it says.</summary>
internal sealed record LinkView(string Href, string Label)
{
    /// <summary>What a paper's outbound link is, whatever its label says in the site's language: arxiv, pdf, code, project, hf…; nil elsewhere.</summary>
    public string? Kind { get; init; }
}

/// <summary>A feed a page advertises with &lt;link rel="alternate"&gt;.</summary>
internal sealed record FeedLinkView(string Href, string Type, string Title, string Label);

/// <summary>Site-wide values every template can read as <c>site</c>.</summary>
internal sealed record SiteView
{
    public required string Title { get; init; }
    public required string Description { get; init; }
    public required string Language { get; init; }
    public string? Author { get; init; }

    /// <summary>The keeper's address as a link: "mailto:…" or a web address; empty when site.yml names none.</summary>
    public string ContactHref { get; init; } = "";
    public required string HomeHref { get; init; }
    public required string TopicsHref { get; init; }
    public required string DaysHref { get; init; }
    public string SubscribeHref { get; init; } = "";
    public required string Stylesheet { get; init; }

    /// <summary>The theme's favicon.svg, or empty when the theme has none.</summary>
    public required string Favicon { get; init; }

    public required IReadOnlyList<FeedLinkView> Feeds { get; init; }

    /// <summary>True when the build makes a search index; themes show the search box only then.</summary>
    public bool Search { get; init; }
    public string SearchHref { get; init; } = "";
    public string SearchScript { get; init; } = "";

    /// <summary>Where Pagefind's files are published ("/pagefind/").</summary>
    public string PagefindHref { get; init; } = "";

    /// <summary>The path the site lives under, "/" or "/archive/".</summary>
    public string BasePath { get; init; } = "/";

    /// <summary>True when pages carry the reading list (site.yml's <c>reading_list</c>): its script and the saved page.</summary>
    public bool ReadingList { get; init; }
    public string ReadingScript { get; init; } = "";
    public string SavedHref { get; init; } = "";
    /// <summary>
    /// The Content-Security-Policy for a <c>&lt;meta http-equiv&gt;</c> where the host sends no headers
    /// (GitHub Pages); empty where it does (Netlify). Themes put it first in &lt;head&gt;.
    /// </summary>
    public string MetaCsp { get; init; } = "";
}

/// <summary>What every page has, as <c>page</c>: head metadata and the page's own content model.</summary>
internal sealed record PageView
{
    public required string Title { get; init; }
    public required string Description { get; init; }
    public required string Canonical { get; init; }
    public string OgType { get; init; } = "website";
    public IReadOnlyList<FeedLinkView> Feeds { get; init; } = [];
    public bool Noindex { get; init; }

    /// <summary>More &lt;meta name content&gt; tags: Google Scholar's citation_* on paper pages.</summary>
    public IReadOnlyList<MetaView> Meta { get; init; } = [];

    /// <summary>The share card's absolute URL (og:image), or "" when the theme draws none; its size and its text as alt.</summary>
    public string Image { get; init; } = "";
    public int ImageWidth { get; init; }
    public int ImageHeight { get; init; }
    public string ImageAlt { get; init; } = "";
}

internal sealed record MetaView(string Name, string Content);

/// <summary>A topic as a link with its name.</summary>
internal sealed record TopicLinkView(string Slug, string Name, string Href);

/// <summary>A paper in full (the paper page) or as a card in a list.</summary>
internal sealed record PaperView
{
    /// <summary>The title as plain text, its formulas as readable text ("π-Bench"): for &lt;title&gt;, alt text, feeds.</summary>
    public required string Title { get; init; }

    /// <summary>The title as safe HTML, its formulas as MathML like an abstract's; print with <c>| raw</c>.</summary>
    public string TitleHtml { get; init; } = "";
    public required string Slug { get; init; }
    public required string Href { get; init; }
    /// <summary>The abstract as safe HTML.</summary>
    /// <remarks>Rendered from Markdown when first read (a page that lists the paper as a card may never
    /// read it) and kept as UTF-8, half the bytes of a string: every paper's view lives for the whole
    /// build, and at archive scale that is most of the heap.</remarks>
    public string AbstractHtml => Utf8.GetString(Abstract.Html);

    /// <summary>The abstract as plain text, cut to about 300 characters, for cards and descriptions.</summary>
    public string Summary => Utf8.GetString(Abstract.Summary);

    private Lazy<(byte[] Html, byte[] Summary)>? _abstract;
    private static readonly System.Text.UTF8Encoding Utf8 = new(false);

    private (byte[] Html, byte[] Summary) Abstract => _abstract?.Value ?? ([], []);

    internal PaperView WithAbstract(Func<(string Html, string Summary)> render)
    {
        _abstract = new(() =>
        {
            var (html, summary) = render();
            return (Utf8.GetBytes(html), Utf8.GetBytes(summary));
        }, LazyThreadSafetyMode.ExecutionAndPublication);
        return this;
    }

    public IReadOnlyList<string> Authors { get; init; } = [];

    /// <summary>The first authors, shown; the rest fold behind "+N more" when the list is long.</summary>
    public IReadOnlyList<string> AuthorsShown { get; init; } = [];
    public IReadOnlyList<string> AuthorsFolded { get; init; } = [];
    public string? Arxiv { get; init; }
    public string? Published { get; init; }
    public required string FirstSeen { get; init; }
    public required string FirstSeenHref { get; init; }
    public required IReadOnlyList<LinkView> Trending { get; init; }
    public required IReadOnlyList<TopicLinkView> Topics { get; init; }
    public required IReadOnlyList<LinkView> Links { get; init; }
    public int? Upvotes { get; init; }
    public int? Comments { get; init; }

    /// <summary>The source's one-line summary (Hugging Face's ai_summary), or null; shown labelled as the source's.</summary>
    public string? AiSummary { get; init; }

    /// <summary>Stars of the code repository, and the trending day they were read on (null when unknown).</summary>
    public int? GithubStars { get; init; }
    public string? GithubStarsAsOf { get; init; }

    /// <summary>The organisation the source names for the paper, or null.</summary>
    public string? Organization { get; init; }

    /// <summary>The paper's rank in its latest trending day's list (1 = first), and that day; null when the source gave no order.</summary>
    public int? Rank { get; init; }
    public string? RankDay { get; init; }

    /// <summary>arXiv categories, primary first.</summary>
    public IReadOnlyList<string> Categories { get; init; } = [];

    /// <summary>schema.org ScholarlyArticle as JSON, safe to print raw inside a script element.</summary>
    /// <remarks>Made when a template reads it, never kept: only the paper's own page prints it, and
    /// holding it for every paper of a large archive cost tens of megabytes for the whole build.</remarks>
    public string JsonLd => _jsonLd?.Invoke() ?? "";

    /// <summary>A BibTeX entry to copy, on the paper's own page (its key is the archive's: <see cref="WithBibtex"/>); made when read, like <see cref="JsonLd"/>.</summary>
    public string Bibtex => _bibtex?.Invoke() ?? "";

    /// <summary>
    /// The paper as a COinS ContextObject, for <c>&lt;span class="Z3988" title="{{ paper.coins }}"&gt;</c>
    /// on list pages, from which a reference manager saves the whole list; made when read, like <see cref="JsonLd"/>.
    /// </summary>
    public string Coins => _coins?.Invoke() ?? "";

    private Func<string>? _jsonLd;
    private Func<string>? _bibtex;
    private Func<string>? _coins;

    internal PaperView WithPageOnly(Func<string> jsonLd, Func<string> coins)
    {
        _jsonLd = jsonLd;
        _coins = coins;
        return this;
    }

    /// <summary>
    /// This view with its BibTeX entry, for the paper's page: a copy, since the key depends on the other
    /// papers of the archive and the shared view is made from the paper alone.
    /// </summary>
    internal PaperView WithBibtex(Func<string> bibtex)
    {
        var copy = this with { };
        copy._bibtex = bibtex;
        return copy;
    }

    /// <summary>
    /// The paper's card (partials/paper-card.liquid) rendered once per build and reused by every list
    /// that shows it; lists print it with <c>{{ paper.card_html | raw }}</c>.
    /// </summary>
    public string CardHtml => _card is null ? "" : Utf8.GetString(_card.Value);

    private Lazy<byte[]>? _card; // UTF-8, like the abstract

    internal void SetCard(Func<string> render) => _card = new Lazy<byte[]>(() => Utf8.GetBytes(render()), LazyThreadSafetyMode.ExecutionAndPublication);
}

/// <summary>Previous/next and numbered pages of a paginated list.</summary>
internal sealed record PagerView
{
    public required int Page { get; init; }
    public required int Pages { get; init; }
    public LinkView? Previous { get; init; }
    public LinkView? Next { get; init; }
    public required IReadOnlyList<PagerItemView> Items { get; init; }
}

/// <summary>One entry of a pager: a page number, or a gap (…) standing for the numbers left out.</summary>
internal sealed record PagerItemView(int Number, string Href, bool Current)
{
    public bool Gap { get; init; }
}

/// <summary>A topic with its count, for the topics index and topic pages.</summary>
internal sealed record TopicView
{
    public required string Slug { get; init; }
    public required string Name { get; init; }
    public required string Description { get; init; }
    public required string Href { get; init; }
    public required int Count { get; init; }
    public required string RssHref { get; init; }
    public required string AtomHref { get; init; }
}

/// <summary>A day with papers, as a link in lists of days.</summary>
internal sealed record DayLinkView(string Date, string Href, int Count);

/// <summary><c>home.liquid</c>: the latest day's papers, the week's most upvoted, links to earlier days.</summary>
internal sealed record HomeView(DayLinkView? Latest, IReadOnlyList<PaperView> Papers, IReadOnlyList<DayLinkView> EarlierDays)
{
    /// <summary>The most upvoted papers of the 7 days up to the latest; empty when no source gave upvotes.</summary>
    public IReadOnlyList<PaperView> WeekTop { get; init; } = [];

    /// <summary>The pages of most upvoted papers of the latest day's ISO week and month; null for an empty archive.</summary>
    public LinkView? TopWeek { get; init; }
    public LinkView? TopMonth { get; init; }
}

/// <summary>A month of the days index.</summary>
internal sealed record MonthView(string Label, string Id, IReadOnlyList<DayLinkView> Days)
{
    /// <summary>The month's page of most upvoted papers.</summary>
    public string TopHref { get; init; } = "";
}

/// <summary><c>days.liquid</c>: every day with papers, grouped by month, newest first.</summary>
internal sealed record DaysIndexView(IReadOnlyList<MonthView> Months)
{
    /// <summary>The archive's newest day, or null for an empty archive: where readers see how fresh it is.</summary>
    public DayLinkView? Latest { get; init; }

    /// <summary>The newest week's page of most upvoted papers (its label "week 2026-W29"), or null for an empty archive.</summary>
    public LinkView? LatestWeek { get; init; }
}

/// <summary><c>subscribe.liquid</c>: every way to follow the archive.</summary>
internal sealed record SubscribeView(IReadOnlyList<FeedLinkView> SiteFeeds, string DigestHref, string DigestUrl, string OpmlHref, string TopicsHref, string RssUrl)
{
    /// <summary>The weekly digest feed, as a link and as a full URL.</summary>
    public string WeeklyHref { get; init; } = "";
    public string WeeklyUrl { get; init; } = "";
}

/// <summary>
/// <c>top.liquid</c>: the most upvoted papers of an ISO week or a month, with the periods of its kind
/// around it.
/// </summary>
/// <param name="Kind">"week" or "month".</param>
/// <param name="Label">"week 2026-W29" or "July 2026".</param>
/// <param name="Range">Its first and last day, "13 Jul to 19 Jul 2026".</param>
/// <param name="Total">How many papers trended in it; <paramref name="Papers"/> are the most upvoted of those with a count.</param>
/// <param name="AsOf">The newest day any of its papers' upvotes were read (yyyy-MM-dd).</param>
/// <param name="Open">True while the period is the archive's newest: its papers are not all in yet.</param>
internal sealed record TopView(string Kind, string Label, string Range, IReadOnlyList<TopEntryView> Papers, int Total, string AsOf, bool Open,
    LinkView? Previous, LinkView? Next)
{
    /// <summary>The weekly digest feed, on week pages; empty on month pages.</summary>
    public string FeedHref { get; init; } = "";
}

/// <summary>A paper of a period's top: its upvotes and the day they were read (its latest trending day).</summary>
internal sealed record TopEntryView(PaperView Paper, int Upvotes, string AsOf);

/// <summary><c>day.liquid</c>: one trending day.</summary>
internal sealed record DayView(string Date, IReadOnlyList<PaperView> Papers, LinkView? Previous, LinkView? Next)
{
    /// <summary>The day's papers as one .bib file.</summary>
    public string BibtexHref { get; init; } = "";

    /// <summary>The pages of most upvoted papers of the day's ISO week and of its month.</summary>
    public LinkView? TopWeek { get; init; }
    public LinkView? TopMonth { get; init; }
}

/// <summary><c>topics.liquid</c>: every topic with its count.</summary>
internal sealed record TopicsIndexView(IReadOnlyList<TopicView> Topics, string OpmlHref);

/// <summary><c>topic.liquid</c>: a topic's newest papers, its chart and its archive by month.</summary>
internal sealed record TopicPageView(TopicView Topic, IReadOnlyList<PaperView> Papers, IReadOnlyList<TopicYearView> Archive)
{
    /// <summary>Papers per week, drawn at build time.</summary>
    public ChartView? Chart { get; init; }
}

/// <summary>One year of a topic's archive: its months with papers, newest first.</summary>
internal sealed record TopicYearView(int Year, IReadOnlyList<TopicMonthLinkView> Months);

/// <summary>A link to one month of a topic's archive.</summary>
internal sealed record TopicMonthLinkView(string Label, string Href, int Count);

/// <summary>
/// <c>topic-month.liquid</c>: one page of the papers of a topic that first trended in one month.
/// It shows nothing of the rest of the topic that can change (no total count), so a nightly's new
/// papers change only the months they land in; and within the month, <see cref="Count"/> only on its
/// first page (null on the others), so they change only its first and last pages.
/// </summary>
internal sealed record TopicMonthView(TopicLinkView Topic, string RssHref, string AtomHref, string Month, int? Count,
    IReadOnlyList<PaperView> Papers, PagerView Pager, LinkView? Newer, LinkView? Older)
{
    /// <summary>Every paper of the month (all its pages) as one .bib file.</summary>
    public string BibtexHref { get; init; } = "";
}

/// <summary><c>paper.liquid</c>: the paper and the papers most like it.</summary>
internal sealed record PaperPageView(PaperView Paper, IReadOnlyList<RelatedView> Related)
{
    /// <summary>The authors shown at once and those folded, each linking to their page when they have one.</summary>
    public IReadOnlyList<AuthorLinkView> AuthorsShown { get; init; } = [];
    public IReadOnlyList<AuthorLinkView> AuthorsFolded { get; init; } = [];
}

/// <summary>An author's name, and the address of their page when they have one (else empty).</summary>
internal sealed record AuthorLinkView(string Name, string Href);

/// <summary><c>author.liquid</c>: an author's trending papers, newest first, and their feeds.</summary>
internal sealed record AuthorView(string Name, IReadOnlyList<PaperView> Papers, string RssHref, string AtomHref);

/// <summary>A similar paper, as a link with its first trending day.</summary>
internal sealed record RelatedView(string Title, string Href, string FirstSeen);

/// <summary><c>404.liquid</c>.</summary>
internal sealed record NotFoundView(IReadOnlyList<DayLinkView> RecentDays);

/// <summary><c>search.liquid</c>: the choices of the search form, known at build time.</summary>
/// <param name="HasIndex">False when the archive has no paper yet: no index is built, so the page says
/// there is nothing to search and loads no script that would look for one.</param>
internal sealed record SearchPageView(IReadOnlyList<string> Topics, IReadOnlyList<string> Years, bool HasIndex)
{
    /// <summary>The authors of the search's author filter: those with a page of their own, by name.</summary>
    public IReadOnlyList<string> Authors { get; init; } = [];
}

/// <summary>
/// <c>saved.liquid</c>: the reader's saved papers. The list lives in their browser, so the page
/// is a frame the theme's reading.js fills, the same for every archive of one site.yml.
/// </summary>
internal sealed record SavedPageView;

/// <summary>A chart of papers per week, as inline SVG made at build time, with its text alternative.</summary>
internal sealed record ChartView(string Svg, string Summary);
