using System.Net;
using System.Text;
using PaperTrail.Content;
using PaperTrail.Pipelines;

namespace PaperTrail.Output;

/// <summary>
/// Checks, before anything is committed, that every internal link of every rendered page points at
/// an output of the plan. Links are read from the rendered bytes (a span search for href= and
/// src=, no HTML parse), so a template's mistake is caught as surely as a pipeline's, at little cost.
/// </summary>
public sealed class LinkChecker(Urls urls, IReadOnlyList<PlannedOutput> plan)
{
    private static readonly byte[][] Attributes = [" href=\""u8.ToArray(), " src=\""u8.ToArray()];

    private readonly HashSet<string> _files = plan.Select(o => o.File).ToHashSet(StringComparer.Ordinal);

    // Most links mean the same on every page (root-relative ones like the header's, absolute ones
    // like arXiv's): each is judged once per build. Only page-relative links are judged per page.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string?> _known = new(StringComparer.Ordinal);

    /// <summary>The broken links of one rendered output (none for files that are not HTML); thread-safe.</summary>
    public IReadOnlyList<string> Check(PlannedOutput output, ReadOnlySpan<byte> html)
    {
        if (!output.IsHtml) return [];
        List<string>? problems = null;
        Uri? page = null;
        foreach (var attribute in Attributes)
        {
            for (var at = html.IndexOf(attribute); at >= 0;)
            {
                var start = at + attribute.Length;
                var length = html[start..].IndexOf((byte)'"');
                if (length < 0) break;
                var raw = Encoding.UTF8.GetString(html.Slice(start, length));
                var reason = IsOtherHost(raw) ? null
                    : DependsOnPage(raw)
                    ? Judge(page ??= new Uri(urls.BaseUrl, output.Path), WebUtility.HtmlDecode(raw))
                    : _known.GetOrAdd(raw, r => Judge(urls.BaseUrl, WebUtility.HtmlDecode(r)));
                if (reason is not null)
                    (problems ??= []).Add($"{output.File}: broken link '{WebUtility.HtmlDecode(raw)}': {reason}");
                var next = html[(start + length)..].IndexOf(attribute);
                at = next < 0 ? -1 : start + length + next;
            }
        }
        return problems is null ? [] : problems.Distinct().ToList();
    }

    /// <summary>
    /// An absolute http(s) link to another host, known from its plain authority alone: never fetched,
    /// so neither parsed nor remembered (every paper has its own arXiv and code links). Anything
    /// unusual in the authority (an entity, userinfo, an escape) takes the full check.
    /// </summary>
    private bool IsOtherHost(string raw)
    {
        var start = raw.StartsWith("https://", StringComparison.Ordinal) ? 8 : raw.StartsWith("http://", StringComparison.Ordinal) ? 7 : -1;
        if (start < 0) return false;
        var end = raw.AsSpan(start).IndexOfAny('/', '?', '#');
        var authority = end < 0 ? raw.AsSpan(start) : raw.AsSpan(start, end);
        if (authority.Length == 0 || authority.IndexOfAny("&@%\\;") >= 0) return false;
        var colon = authority.IndexOf(':');
        var host = colon < 0 ? authority : authority[..colon];
        return !host.Equals(urls.BaseUrl.Host, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>A link that is neither root-relative ("/x") nor absolute ("https://…", "mailto:…") resolves against its page.</summary>
    private static bool DependsOnPage(string raw)
    {
        if (raw.StartsWith('/')) return false; // "/x" and "//host/x" mean the same from every page
        var colon = raw.IndexOf(':');
        if (colon <= 0) return true;
        for (var i = 0; i < colon; i++)
            if (!(char.IsAsciiLetter(raw[i]) || (i > 0 && (char.IsAsciiDigit(raw[i]) || raw[i] is '+' or '-' or '.')))) return true;
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
