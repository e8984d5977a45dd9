using PaperTrail.Content;
using PaperTrail.Rendering;
using PaperTrail.Site;
using PaperTrail.Views;

namespace PaperTrail.Pipelines;

/// <summary>
/// What an output's view is made from besides its own input (<see cref="PlannedOutput.Input"/>):
/// values every output shares, and nothing of the archive. Each is covered by the build's shared
/// hash, under which a page whose input hashes as before is kept unrendered: site.yml (the settings
/// and the addresses), the theme (the site-wide view, its assets and cards), whether KaTeX ran.
/// Anything else a view needs must come through its input, which its fingerprint hashes; a test
/// holds this list of members to those.
/// </summary>
internal sealed class SharedViews(SiteConfig config, Urls urls, SiteView site, ViewFactory views, UiStrings strings)
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

    /// <summary>Head metadata for a page at <paramref name="path"/>.</summary>
    public PageView Page(string title, string description, string path, string ogType = "website", IReadOnlyList<FeedLinkView>? extraFeeds = null) => new()
    {
        Title = title,
        Description = description,
        Canonical = Urls.Absolute(path),
        OgType = ogType,
        Feeds = extraFeeds is null ? Site.Feeds : [.. Site.Feeds, .. extraFeeds],
    };
}
