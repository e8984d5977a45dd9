namespace PaperTrail.Pipelines;

/// <summary>What kind of file an output is: decides sitemap listing and link scanning.</summary>
public enum OutputKind
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
}

/// <summary>
/// One file the build will produce: its site-relative path ("papers/x/", "feed.xml") and how to
/// render its bytes. Planning is cheap; rendering happens later, in parallel.
/// </summary>
public sealed record PlannedOutput(string Path, OutputKind Kind, Func<byte[]> Render)
{
    /// <summary>The file under the output folder: "papers/x/index.html".</summary>
    // Made once: the render stage, the link checker and the manifests each ask for it, tens of thousands of times.
    public string File => _file ??= Urls.FileFor(Path);

    private string? _file;

    /// <summary>For the sitemap: the latest day the page's content changed.</summary>
    public DateOnly? LastModified { get; init; }

    /// <summary>
    /// The hash of what the output is made from (<see cref="ViewHasher"/>), or null for outputs rendered
    /// every time (feeds, sitemap, indexes: few, and made from much of the archive).
    /// </summary>
    public Func<UInt128>? Fingerprint { get; init; }

    public bool IsHtml => Kind is OutputKind.Page or OutputKind.UnlistedPage or OutputKind.Redirect;
}
