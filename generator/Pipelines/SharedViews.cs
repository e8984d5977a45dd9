using PaperTrail.Content;
using PaperTrail.Rendering;
using PaperTrail.Site;
using PaperTrail.Views;

namespace PaperTrail.Pipelines;

/// <summary>
/// What an output's view is made from besides its own input (<see cref="PlannedOutput.Input"/>):
/// values every output shares, and nothing of the archive. Each is covered by the build's shared
/// hash, under which a page whose input hashes as before is kept unrendered: site.yml (the settings
/// and the addresses), the theme (the site-wide view, its assets and cards, its share card design), whether KaTeX ran.
/// Anything else a view needs must come through its input, which its fingerprint hashes; a test
/// holds this list of members to those.
/// </summary>
internal sealed class SharedViews(SiteConfig config, Urls urls, SiteView site, ViewFactory views, UiStrings strings, ShareCardDesign? cards = null)
{
    /// <summary>site.yml.</summary>
    public SiteConfig Config { get; } = config;

    /// <summary>Every address, from site.yml's base_url.</summary>
    public Urls Urls { get; } = urls;

    /// <summary>The site-wide view every template reads as <c>site</c>.</summary>
    public SiteView Site { get; } = site;

    /// <summary>Views of papers, topics and days, each made from what it is given.</summary>
    public ViewFactory Views { get; } = views;

    /// <summary>The words of the site in its language: the theme's strings files, which the shared hash covers as theme files.</summary>
    public UiStrings Strings { get; } = strings;

    /// <summary>A page's title: its own words, then the site's title ("Topics · Paper Trail").</summary>
    public string Title(string own) => $"{own} · {Config.Title}";

    /// <summary>The theme's share card design (a theme file, in the shared hash), or null when it draws none.</summary>
    public ShareCardDesign? Cards { get; } = cards;

    /// <summary>Head metadata for a page at <paramref name="path"/>; its og:image is the site's card (<see cref="Card"/> gives it its own).</summary>
    public PageView Page(string title, string description, string path, string ogType = "website", IReadOnlyList<FeedLinkView>? extraFeeds = null) => new()
    {
        Title = title,
        Description = description,
        Canonical = Urls.Absolute(path),
        OgType = ogType,
        Feeds = extraFeeds is null ? Site.Feeds : [.. Site.Feeds, .. extraFeeds],
        Image = Cards is null ? "" : Urls.Absolute(Urls.SiteCard),
        ImageWidth = Cards is null ? 0 : ShareCardDrawer.Width,
        ImageHeight = Cards is null ? 0 : ShareCardDrawer.Height,
        ImageAlt = Cards is null ? "" : ShareCards.OfSite(Config).Alt,
    };

    /// <summary>
    /// The page at <paramref name="path"/> with its own share card, the one its pipeline planned with
    /// <see cref="BuildContext.Card"/> from the same <paramref name="card"/>.
    /// </summary>
    public PageView Card(PageView page, string path, ShareCard card) =>
        Cards is null ? page : page with { Image = Urls.Absolute(Urls.Card(path)), ImageAlt = card.Alt };
}
