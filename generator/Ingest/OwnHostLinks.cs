namespace PaperTrail.Ingest;

/// <summary>
/// Drops from a scraped paper every link into this site: any address on the host of
/// <c>base_url</c>, in its links (code, project page) and in its abstract. The source cannot know
/// this site's pages, and ingest cannot know which pages the next build will make, so no such link
/// is the source's to give; one to a page that does not exist would fail every build's link check.
/// A link a person writes into a paper's file is theirs, and stays (the merge never drops it).
/// </summary>
internal sealed class OwnHostLinks(Uri baseUrl)
{
    private readonly string _host = Canonical(baseUrl);

    /// <summary>Whether <paramref name="url"/> is an absolute web address on this site's host, whatever its path, port or case.</summary>
    public bool IsOwn(string url) =>
        Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri)
        && uri.Scheme is "http" or "https"
        && (Canonical(uri) == _host || string.Equals(uri.Host, baseUrl.Host, StringComparison.OrdinalIgnoreCase));

    // The host as the DNS knows it: ASCII (punycode), lower case, without the trailing dot of a fully qualified name.
    private static string Canonical(Uri uri)
    {
        try
        {
            return uri.IdnHost.TrimEnd('.').ToLowerInvariant();
        }
        catch (UriFormatException)
        {
            // A host IDNA refuses (a U+FFFD where a scrape had broken bytes) is no name the DNS knows,
            // so it is not this site's, whose base_url is checked: compared as it is written.
            return uri.Host.TrimEnd('.').ToLowerInvariant();
        }
    }

    /// <summary>The paper without links into this site; each one dropped is added to <paramref name="dropped"/>.</summary>
    public SourcePaper Drop(SourcePaper paper, List<DroppedLink> dropped)
    {
        var urls = new List<string>();
        var links = paper.Links.Where(l => !IsOwn(l.Value)).ToDictionary(StringComparer.Ordinal);
        urls.AddRange(paper.Links.Values.Where(IsOwn));
        var abstractText = AbstractLinks.Remove(paper.Abstract, IsOwn, urls);
        if (urls.Count == 0) return paper;
        dropped.AddRange(urls.Distinct(StringComparer.Ordinal).Select(url => new DroppedLink(url, paper.Title, paper.SourceFile, paper.Line)));
        return paper with { Links = links, Abstract = abstractText };
    }
}

/// <summary>A link ingest took out of a scraped paper, for its report.</summary>
internal sealed record DroppedLink(string Url, string Title, string SourceFile, int Line)
{
    public override string ToString() =>
        $"ingest: dropped link {Printable(Url)} from \"{Title}\" ({SourceFile}:{Line}): a scraped link may not point into this site";

    // The address as a URL is written (escaped, no spaces or controls), so one line stays one line.
    private static string Printable(string url) => Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) ? uri.AbsoluteUri : url;
}
