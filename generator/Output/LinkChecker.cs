using System.Net;
using System.Text;
using PaperTrail.Site;

namespace PaperTrail.Output;

/// <summary>
/// Checks, before anything is committed, that every internal link of every rendered page points at
/// an output of the plan. Links are read from the rendered bytes as a browser reads them
/// (<see cref="HtmlLinks"/>: any quoting and case, every URL of a srcset, nothing in comments or
/// scripts), so a template's mistake is caught as surely as a pipeline's, at little cost.
/// </summary>
internal sealed class LinkChecker(Urls urls, IReadOnlyList<PlannedOutput> plan)
{
    private readonly HashSet<string> _files = plan.Select(o => o.File).ToHashSet(StringComparer.Ordinal);

    // Most links mean the same on every page (root-relative ones like the header's, absolute ones
    // like arXiv's): each is judged once per build. Only page-relative links are judged per page.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string?> _known = new(StringComparer.Ordinal);

    /// <summary>The broken links of one rendered output (none for files that are not HTML); thread-safe.</summary>
    public IReadOnlyList<string> Check(PlannedOutput output, ReadOnlySpan<byte> html)
    {
        if (!output.IsHtml) return [];
        var hrefs = new List<string>(32);
        Hrefs(html, hrefs);
        List<string>? problems = null;
        Uri? page = null;
        foreach (var href in hrefs)
        {
            var reason = DependsOnPage(href) ? Judge(page ??= new Uri(urls.BaseUrl, output.Path), href) : Judge(href);
            if (reason is not null) (problems ??= []).Add($"{output.File}: broken link '{href}': {reason}");
        }
        return problems is null ? [] : problems.Distinct().ToList();
    }

    /// <summary>
    /// Why a link that means the same on every page (absolute, or root-relative) is broken, or null:
    /// judged as on any page of the site. Thread-safe.
    /// </summary>
    public string? Judge(string href) => IsOtherHost(href) ? null : _known.GetOrAdd(href, h => Judge(urls.BaseUrl, h));

    /// <summary>The links of an HTML fragment as a browser reads them: entities decoded, spaces trimmed, each URL of a srcset.</summary>
    public static void Hrefs(ReadOnlySpan<byte> html, List<string> hrefs)
    {
        var links = new List<HtmlLink>(32);
        HtmlLinks.Find(html, links);
        foreach (var link in links)
        {
            var value = Decoded(html.Slice(link.Start, link.Length));
            if (link.IsSrcset) hrefs.AddRange(SrcsetUrls(value));
            else hrefs.Add(value.Trim()); // a browser strips the spaces around a URL
        }
    }

    private static string Decoded(ReadOnlySpan<byte> value)
    {
        var text = Encoding.UTF8.GetString(value);
        return text.Contains('&') ? WebUtility.HtmlDecode(text) : text;
    }

    /// <summary>
    /// The URLs of a srcset ("/a.png 1x, /b.png 2x"): each candidate is a URL, then descriptors up to
    /// a comma; a URL's own trailing commas end the candidate (HTML Standard, "parse a srcset attribute").
    /// </summary>
    public static IEnumerable<string> SrcsetUrls(string srcset)
    {
        var at = 0;
        while (true)
        {
            while (at < srcset.Length && (char.IsWhiteSpace(srcset[at]) || srcset[at] == ',')) at++;
            if (at >= srcset.Length) yield break;
            var start = at;
            while (at < srcset.Length && !char.IsWhiteSpace(srcset[at])) at++;
            var url = srcset[start..at];
            if (url.EndsWith(','))
            {
                yield return url.TrimEnd(',');
                continue;
            }
            yield return url;
            // Descriptors run to a comma outside parentheses.
            for (var depth = 0; at < srcset.Length; at++)
            {
                if (srcset[at] == '(') depth++;
                else if (srcset[at] == ')' && depth > 0) depth--;
                else if (srcset[at] == ',' && depth == 0) break;
            }
        }
    }

    /// <summary>
    /// An absolute http(s) link to another host, known from its plain authority alone: never fetched,
    /// so neither parsed nor remembered (every paper has its own arXiv and code links). Anything
    /// unusual in the authority (an entity, userinfo, an escape) takes the full check.
    /// </summary>
    private bool IsOtherHost(string href)
    {
        var start = href.StartsWith("https://", StringComparison.Ordinal) ? 8 : href.StartsWith("http://", StringComparison.Ordinal) ? 7 : -1;
        if (start < 0) return false;
        var end = href.AsSpan(start).IndexOfAny('/', '?', '#');
        var authority = end < 0 ? href.AsSpan(start) : href.AsSpan(start, end);
        if (authority.Length == 0 || authority.IndexOfAny("&@%\\;") >= 0) return false;
        var colon = authority.IndexOf(':');
        var host = colon < 0 ? authority : authority[..colon];
        return !host.Equals(urls.BaseUrl.Host, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>A link that is neither root-relative ("/x") nor absolute ("https://…", "mailto:…") resolves against its page.</summary>
    private static bool DependsOnPage(string href)
    {
        if (href.StartsWith('/')) return false; // "/x" and "//host/x" mean the same from every page
        var colon = href.IndexOf(':');
        if (colon <= 0) return true;
        for (var i = 0; i < colon; i++)
            if (!(char.IsAsciiLetter(href[i]) || (i > 0 && (char.IsAsciiDigit(href[i]) || href[i] is '+' or '-' or '.')))) return true;
        return false;
    }

    /// <summary>Null when the link is fine (external, a fragment, or a planned output); else why not.</summary>
    private string? Judge(Uri page, string href)
    {
        if (href.Length == 0 || href.StartsWith('#')) return null;
        if (!Uri.TryCreate(page, href, out var target)) return "not a valid URL";
        if (target.Scheme is not ("http" or "https") || !string.Equals(target.Host, urls.BaseUrl.Host, StringComparison.OrdinalIgnoreCase))
            return null; // external: never fetched
        var path = Uri.UnescapeDataString(target.AbsolutePath);
        if (!path.StartsWith(urls.BasePath, StringComparison.Ordinal)) return $"outside the site's base path {urls.BasePath}";
        var relative = path[urls.BasePath.Length..];
        return _files.Contains(Urls.FileFor(relative)) || _files.Contains(relative + "/index.html") ? null : "no planned output has that path";
    }
}
