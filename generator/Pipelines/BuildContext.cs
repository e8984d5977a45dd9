using System.Text;
using PaperTrail.Rendering;
using PaperTrail.Views;

namespace PaperTrail.Pipelines;

/// <summary>What every pipeline needs: the site model, the templates and the shared views.</summary>
public sealed class BuildContext
{
    public SiteModel Site { get; }
    public Urls Urls => Site.Urls;
    public TemplateSet Templates { get; }
    public ViewFactory Views { get; }
    public SiteView SiteView { get; }

    /// <summary>Theme assets by name ("style.css") with the path they are published at (fingerprinted).</summary>
    public IReadOnlyDictionary<string, AssetFile> Assets { get; }

    /// <summary>Whether a search index will be built: pages show the search box only then.</summary>
    public bool SearchEnabled { get; }

    public BuildContext(SiteModel site, TemplateSet templates, IReadOnlyDictionary<string, AssetFile> assets, MathRenderer? math = null, bool searchEnabled = false)
    {
        SearchEnabled = searchEnabled;
        Site = site;
        Templates = templates;
        Assets = assets;
        Views = new ViewFactory(site, math ?? MathRenderer.None, templates);
        SiteView = new SiteView
        {
            Title = site.Config.Title,
            Description = site.Config.Description,
            Language = site.Config.Language,
            Author = site.Config.Author,
            ContactHref = site.Config.Contact is { } contact ? Content.ContactAddress.Href(contact) : "",
            HomeHref = Urls.Href(Urls.Home),
            TopicsHref = Urls.Href(Urls.Topics),
            DaysHref = Urls.Href(Urls.Days),
            SubscribeHref = Urls.Href(Urls.Subscribe),
            Stylesheet = assets.TryGetValue("style.css", out var css) ? Urls.Href(css.Path) : "",
            Favicon = assets.TryGetValue("favicon.svg", out var icon) ? Urls.Href(icon.Path) : "",
            Feeds = SiteFeeds(),
            Search = searchEnabled,
            SearchHref = Urls.Href(Urls.SearchPage),
            SearchScript = assets.TryGetValue("search.js", out var script) ? Urls.Href(script.Path) : "",
            PagefindHref = Urls.Href(Search.SearchIndexer.Folder + "/"),
            BasePath = Urls.BasePath,
        };
    }

    private IReadOnlyList<FeedLinkView> SiteFeeds() =>
    [
        new(Urls.Href(Urls.Rss), "application/rss+xml", $"{Site.Config.Title} (RSS)", "RSS"),
        new(Urls.Href(Urls.Atom), "application/atom+xml", $"{Site.Config.Title} (Atom)", "Atom"),
        new(Urls.Href(Urls.JsonFeed), "application/feed+json", $"{Site.Config.Title} (JSON Feed)", "JSON Feed"),
    ];

    /// <summary>Head metadata for a page at <paramref name="path"/>.</summary>
    public PageView Page(string title, string description, string path, string ogType = "website", IReadOnlyList<FeedLinkView>? extraFeeds = null) => new()
    {
        Title = title,
        Description = description,
        Canonical = Urls.Absolute(path),
        OgType = ogType,
        Feeds = extraFeeds is null ? SiteView.Feeds : [.. SiteView.Feeds, .. extraFeeds],
    };

    /// <summary>A planned HTML page rendered through a layout.</summary>
    public PlannedOutput HtmlPage(string path, string layout, Func<PageView> page, Func<object> model, OutputKind kind = OutputKind.Page) =>
        new(path, kind, () => Templates.RenderPage(layout, SiteView, page(), model()));
}

/// <summary>A theme asset: where it is published and its bytes.</summary>
public sealed record AssetFile(string Path, byte[] Bytes);
