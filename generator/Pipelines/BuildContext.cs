using PaperTrail.Rendering;
using PaperTrail.Site;
using PaperTrail.Views;

namespace PaperTrail.Pipelines;

/// <summary>
/// What every pipeline plans from: the site model, the templates and the shared views. Pipelines
/// read the model to plan; an output's view is made from its input and <see cref="Shared"/> only.
/// </summary>
internal sealed class BuildContext
{
    public SiteModel Site { get; }
    public Urls Urls => Site.Urls;
    public TemplateSet Templates { get; }
    public ViewFactory Views => Shared.Views;
    public SiteView SiteView => Shared.Site;

    /// <summary>What every output's view may read besides its own input.</summary>
    public SharedViews Shared { get; }

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
        var urls = site.Urls;
        var siteView = new SiteView
        {
            Title = site.Config.Title,
            Description = site.Config.Description,
            Language = site.Config.Language,
            Author = site.Config.Author,
            ContactHref = site.Config.Contact is { } contact ? Content.ContactAddress.Href(contact) : "",
            HomeHref = urls.Href(Urls.Home),
            TopicsHref = urls.Href(Urls.Topics),
            DaysHref = urls.Href(Urls.Days),
            SubscribeHref = urls.Href(Urls.Subscribe),
            Stylesheet = assets.TryGetValue("style.css", out var css) ? urls.Href(css.Path) : "",
            Favicon = assets.TryGetValue("favicon.svg", out var icon) ? urls.Href(icon.Path) : "",
            Feeds =
            [
                new(urls.Href(Urls.Rss), "application/rss+xml", $"{site.Config.Title} (RSS)", "RSS"),
                new(urls.Href(Urls.Atom), "application/atom+xml", $"{site.Config.Title} (Atom)", "Atom"),
                new(urls.Href(Urls.JsonFeed), "application/feed+json", $"{site.Config.Title} (JSON Feed)", "JSON Feed"),
            ],
            Search = searchEnabled,
            SearchHref = urls.Href(Urls.SearchPage),
            SearchScript = assets.TryGetValue("search.js", out var script) ? urls.Href(script.Path) : "",
            PagefindHref = urls.Href(Search.SearchIndexer.Folder + "/"),
            BasePath = urls.BasePath,
            ReadingList = site.Config.ReadingList,
            ReadingScript = assets.TryGetValue("reading.js", out var reading) ? urls.Href(reading.Path) : "",
            SavedHref = urls.Href(Urls.Saved),
            MetaCsp = site.Config.Host.SendsHeaders ? "" : ContentSecurityPolicy.ForMeta,
        };
        Shared = new SharedViews(site.Config, urls, siteView, new ViewFactory(urls, math ?? MathRenderer.None, templates.Strings, templates), templates.Strings, templates.Cards);
    }

    /// <summary>
    /// A page rendered through a layout from its input alone: <paramref name="view"/> is static (it
    /// captures nothing), so whatever the page shows comes from <paramref name="input"/>, which its
    /// fingerprint hashes, or from <see cref="Shared"/>, which the build's shared hash covers.
    /// </summary>
    public PlannedOutput Page<TInput>(string path, string layout, TInput input, Func<SharedViews, string, TInput, PageModel> view,
        OutputKind kind = OutputKind.Page) where TInput : notnull =>
        new(path, kind, () =>
        {
            var (page, model) = view(Shared, path, input);
            return Templates.RenderPage(layout, SiteView, page, model);
        })
        { Input = input, View = view, Maker = layout };

    /// <summary>
    /// The share card (og:image) of the page at <paramref name="pagePath"/>, drawn from its text alone
    /// and the theme's design, or null when the theme draws none. The page shows it with
    /// <see cref="SharedViews.Card"/>, from the same <paramref name="card"/>.
    /// </summary>
    public PlannedOutput? Card(string pagePath, ShareCard card) =>
        Shared.Cards is not { } design ? null
            : File(Urls.Card(pagePath), "card", new ShareCards.Input(Site.Config.Title, card.Title, card.Subtitle, design.Hash),
                static (shared, path, input) => ShareCards.Draw(shared, input), OutputKind.Image);

    /// <summary>A file made by a writer (a feed, a redirect page) from its input alone, as <see cref="Page{TInput}"/> is.</summary>
    public PlannedOutput File<TInput>(string path, string writer, TInput input, Func<SharedViews, string, TInput, byte[]> render,
        OutputKind kind = OutputKind.Data) where TInput : notnull =>
        new(path, kind, () => render(Shared, path, input)) { Input = input, View = render, Maker = writer };
}
