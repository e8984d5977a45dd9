using System.Net;
using System.Text;
using PaperTrail.Content;
using PaperTrail.Pipelines;

namespace PaperTrail.Output;

/// <summary>
/// Checks, before anything is written, that every internal link of every rendered page points at
/// an output of the plan. Links are read from the rendered bytes (a span search for href= and
/// src=, no HTML parse), so a template's mistake is caught as surely as a pipeline's, at little cost.
/// </summary>
public static class LinkChecker
{
    private static readonly byte[][] Attributes = [" href=\""u8.ToArray(), " src=\""u8.ToArray()];

    public static IReadOnlyList<ContentProblem> Check(Urls urls, IReadOnlyList<PlannedOutput> plan, IReadOnlyList<byte[]> rendered)
    {
        var files = plan.Select(o => o.File).ToHashSet(StringComparer.Ordinal);
        var known = new System.Collections.Concurrent.ConcurrentDictionary<string, string?>(StringComparer.Ordinal);
        var problems = new List<ContentProblem>[plan.Count];
        Parallel.For(0, plan.Count, i =>
        {
            problems[i] = [];
            if (!plan[i].IsHtml) return;
            var page = new Uri(urls.BaseUrl, plan[i].Path);
            var html = rendered[i].AsSpan();
            foreach (var attribute in Attributes)
            {
                for (var at = html.IndexOf(attribute); at >= 0;)
                {
                    var start = at + attribute.Length;
                    var length = html[start..].IndexOf((byte)'"');
                    if (length < 0) break;
                    var raw = Encoding.UTF8.GetString(html.Slice(start, length));
                    // Root-relative links repeat across pages (the header's, the footer's): judge each once.
                    var reason = raw.StartsWith('/') && !raw.StartsWith("//", StringComparison.Ordinal)
                        ? known.GetOrAdd(raw, r => Judge(urls, files, page, WebUtility.HtmlDecode(r)))
                        : Judge(urls, files, page, WebUtility.HtmlDecode(raw));
                    if (reason is not null)
                        problems[i].Add(new ContentProblem(plan[i].File, 0, $"broken link '{WebUtility.HtmlDecode(raw)}': {reason}"));
                    var next = html[(start + length)..].IndexOf(attribute);
                    at = next < 0 ? -1 : start + length + next;
                }
            }
        });
        return problems.SelectMany(p => p).Distinct().ToList();
    }

    /// <summary>Null when the link is fine (external, a fragment, or a planned output); else why not.</summary>
    private static string? Judge(Urls urls, HashSet<string> files, Uri page, string href)
    {
        if (href.Length == 0 || href.StartsWith('#')) return null;
        if (!Uri.TryCreate(page, href, out var target)) return "not a valid URL";
        if (target.Scheme is not ("http" or "https") || !string.Equals(target.Host, urls.BaseUrl.Host, StringComparison.OrdinalIgnoreCase))
            return null; // external: never fetched
        var path = Uri.UnescapeDataString(target.AbsolutePath);
        if (!path.StartsWith(urls.BasePath, StringComparison.Ordinal)) return $"outside the site's base path {urls.BasePath}";
        var relative = path[urls.BasePath.Length..];
        return files.Contains(Urls.FileFor(relative)) || files.Contains(relative + "/index.html") ? null : "no planned output has that path";
    }
}
