using System.Collections.Concurrent;
using System.Globalization;
using PaperTrail.Content;
using PaperTrail.Rendering;
using PaperTrail.Site;
using PaperTrail.Views;

namespace PaperTrail.Pipelines;

/// <summary>
/// Makes the views of papers, topics and days. A paper's view (its rendered abstract above all) is
/// made once and shared by its page, every list that shows it and every feed. Everything here is made
/// from what it is given and from what every page shares (the addresses of site.yml, the theme's
/// card, whether KaTeX ran), never from the rest of the archive: a page's view must be a function of
/// its own input (<see cref="PlannedOutput.Input"/>), which is what its fingerprint hashes.
/// </summary>
internal sealed class ViewFactory(Urls urls, MathRenderer math, TemplateSet? templates = null)
{
    public const int SummaryLength = 300;

    /// <summary>Author lists longer than this fold all but the first <see cref="AuthorsShown"/>.</summary>
    public const int AuthorsFoldAbove = 8;
    public const int AuthorsShown = 6;

    private readonly ConcurrentDictionary<string, PaperView> _papers = new(StringComparer.Ordinal);
    private Urls Urls => urls;

    public static string Date(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public PaperView Paper(SitePaper paper) => _papers.GetOrAdd(paper.Slug, _ =>
    {
        var view = Make(paper);
        if (templates is not null) view.SetCard(() => templates.RenderPartial("paper-card", "paper", view));
        return view;
    });

    public IReadOnlyList<PaperView> Papers(IEnumerable<SitePaper> papers) => papers.Select(Paper).ToList();

    // Views are records of strings, immutable: the link to a topic or a day is made once and shared
    // by every paper that shows it, instead of once per paper.
    private readonly ConcurrentDictionary<string, TopicLinkView> _topicLinks = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<DateOnly, LinkView> _dayLinks = new();

    public TopicLinkView TopicLink(Topic topic) =>
        _topicLinks.GetOrAdd(topic.Slug, _ => new(topic.Slug, topic.Name, Urls.Href(Urls.Topic(topic.Slug))));

    private LinkView DayLinkOf(DateOnly day) => _dayLinks.GetOrAdd(day, d => new LinkView(Urls.Href(Urls.Day(d)), Date(d)));

    public TopicView Topic(Topic topic, int count) => new()
    {
        Slug = topic.Slug,
        Name = topic.Name,
        Description = topic.Description,
        Href = Urls.Href(Urls.Topic(topic.Slug)),
        Count = count,
        RssHref = Urls.Href(Urls.TopicRss(topic.Slug)),
        AtomHref = Urls.Href(Urls.TopicAtom(topic.Slug)),
    };

    public DayLinkView DayLink(DateOnly day, int count) => new(Date(day), Urls.Href(Urls.Day(day)), count);

    private PaperView Make(SitePaper sitePaper)
    {
        var paper = sitePaper.Paper;
        return new PaperView
        {
            Title = InlineTex.Plain(paper.Title),
            TitleHtml = InlineTex.HasMath(paper.Title) ? math.Apply(InlineTex.Html(paper.Title)) : System.Net.WebUtility.HtmlEncode(paper.Title),
            Slug = paper.Slug,
            Href = Urls.Href(Urls.Paper(paper.Slug)),
            Authors = paper.Authors,
            AuthorsShown = paper.Authors.Count > AuthorsFoldAbove ? paper.Authors.Take(AuthorsShown).ToList() : paper.Authors,
            AuthorsFolded = paper.Authors.Count > AuthorsFoldAbove ? paper.Authors.Skip(AuthorsShown).ToList() : [],
            Arxiv = paper.Arxiv,
            Published = paper.Published is { } published ? Date(published) : null,
            FirstSeen = Date(paper.FirstTrending),
            FirstSeenHref = Urls.Href(Urls.Day(paper.FirstTrending)),
            Trending = paper.Trending.Select(DayLinkOf).ToList(),
            Topics = sitePaper.Topics.Select(TopicLink).ToList(),
            Links = Links(paper),
            Upvotes = paper.Upvotes,
            Comments = paper.Comments,
            AiSummary = paper.AiSummary,
            GithubStars = paper.GithubStars,
            GithubStarsAsOf = paper.GithubStarsAsOf is { } starsDay ? Date(starsDay) : null,
            Organization = paper.Organization,
            Rank = LatestRank(paper)?.Rank,
            RankDay = LatestRank(paper) is { } latest ? Date(latest.Day) : null,
            Categories = paper.Categories,
        }.WithAbstract(() =>
        {
            var (html, summary) = AbstractRenderer.Render(paper.Abstract, SummaryLength);
            return (math.Apply(html), summary);
        }).WithPageOnly(
            () => JsonLd.ScholarlyArticle(paper, Urls.Absolute(Urls.Paper(paper.Slug)), sitePaper.Topics.Select(t => t.Name)),
            () => Coins.ContextObject(paper, Urls.Absolute(Urls.Paper(paper.Slug))));
    }

    /// <summary>The paper's rank on its latest trending day, when that day's source gave an order.</summary>
    private static (DateOnly Day, int Rank)? LatestRank(Paper paper) =>
        paper.Trending.Count > 0 && paper.Rank(paper.Trending[^1]) is { } rank ? (paper.Trending[^1], rank) : null;

    /// <summary>
    /// Google Scholar's citation_* tags for a paper page, which Zotero's page reader takes too. The
    /// online date is the preprint's when a source gave it, else the first trending day: the paper
    /// was online by then, and a date a person can check beats none.
    /// </summary>
    public static IReadOnlyList<MetaView> CitationMeta(Paper paper)
    {
        var meta = new List<MetaView> { new("citation_title", InlineTex.Plain(paper.Title)) };
        meta.AddRange(paper.Authors.Select(a => new MetaView("citation_author", a)));
        var date = (paper.Published ?? paper.FirstTrending).ToString("yyyy/MM/dd", CultureInfo.InvariantCulture);
        meta.Add(new MetaView("citation_publication_date", date));
        meta.Add(new MetaView("citation_online_date", date));
        if (paper.Arxiv is { } id)
        {
            meta.Add(new MetaView("citation_doi", ArxivId.Doi(id)));
            meta.Add(new MetaView("citation_arxiv_id", id));
            meta.Add(new MetaView("citation_pdf_url", paper.Links.GetValueOrDefault("pdf") ?? $"https://arxiv.org/pdf/{id}"));
        }
        if (AbstractRenderer.PlainText(paper.Abstract) is { Length: > 0 } text)
            meta.Add(new MetaView("citation_abstract", text));
        return meta;
    }

    /// <summary>The paper's outbound links: arXiv abstract and PDF from its id, then the named links.</summary>
    private static IReadOnlyList<LinkView> Links(Paper paper)
    {
        var links = new List<LinkView>();
        var named = new Dictionary<string, string>(paper.Links, StringComparer.Ordinal);
        if (paper.Arxiv is { } id)
        {
            links.Add(new LinkView(named.Remove("arxiv", out var abs) ? abs : $"https://arxiv.org/abs/{id}", "arXiv"));
            links.Add(new LinkView(named.Remove("pdf", out var pdf) ? pdf : $"https://arxiv.org/pdf/{id}", "PDF"));
        }
        foreach (var (name, url) in named.OrderBy(l => l.Key, StringComparer.Ordinal))
            links.Add(new LinkView(url, LinkLabel(name)));
        return links;
    }

    private static string LinkLabel(string name) => name switch
    {
        "arxiv" => "arXiv",
        "pdf" => "PDF",
        "code" => "Code",
        "project" => "Project page",
        "hf" => "Hugging Face",
        _ => name.Length > 0 ? char.ToUpperInvariant(name[0]) + name[1..] : name,
    };
}
