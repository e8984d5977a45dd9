namespace PaperTrail.Site;

/// <summary>What kind of file an output is: decides sitemap listing and link scanning.</summary>
internal enum OutputKind
{
    /// <summary>An HTML page listed in the sitemap.</summary>
    Page,

    /// <summary>An HTML page crawlers should not list (404).</summary>
    UnlistedPage,

    /// <summary>Feeds, sitemap, robots.txt, OPML.</summary>
    Data,

    /// <summary>Theme assets, copied.</summary>
    Asset,

    /// <summary>A small page that sends browsers from an old address to the new one; not listed.</summary>
    Redirect,

    /// <summary>A picture the build draws: a page's share card (og:image).</summary>
    Image,
}

/// <summary>
/// One file the build will produce: its site-relative path ("papers/x/", "feed.xml") and how to
/// render its bytes. Planning is cheap; rendering happens later, in parallel.
/// </summary>
internal sealed record PlannedOutput(string Path, OutputKind Kind, Func<byte[]> Render)
{
    /// <summary>The file under the output folder: "papers/x/index.html".</summary>
    // Made once: the render stage, the link checker and the manifests each ask for it, tens of thousands of times.
    public string File => _file ??= Urls.FileFor(Path);

    private string? _file;

    /// <summary>For the sitemap: the latest day the page's content changed.</summary>
    public DateOnly? LastModified { get; init; }

    /// <summary>
    /// What the output is made from besides what every output shares (<c>Pipelines/SharedViews</c>), or
    /// null for the few outputs made every time (the sitemap and the like). <see cref="Render"/> hands it
    /// to <see cref="View"/>, a static function: the view cannot read anything else, so the fingerprint,
    /// a hash of this record, covers every value the output shows.
    /// </summary>
    public object? Input { get; init; }

    /// <summary>The static function that makes the output's view (or bytes) from the shared views, its path and <see cref="Input"/>.</summary>
    public Delegate? View { get; init; }

    /// <summary>What makes the output from its view: a layout ("paper") or a writer ("rss").</summary>
    public string Maker { get; init; } = "";

    /// <summary>The hash of what the output is made from (<see cref="ViewHasher.Fingerprint"/>); null for outputs made every time.</summary>
    public UInt128? Fingerprint() => Input is null ? null : ViewHasher.Fingerprint(Maker, Path, Input);

    /// <summary>The same, with the hash of each part of the input (<see cref="ViewHasher.Stamp"/>).</summary>
    public OutputStamp? Stamp() => Input is null ? null : ViewHasher.Stamp(Maker, Path, Input);

    public bool IsHtml => Kind is OutputKind.Page or OutputKind.UnlistedPage or OutputKind.Redirect;
}
