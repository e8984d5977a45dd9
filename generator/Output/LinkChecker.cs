using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using PaperTrail.Content;
using PaperTrail.Pipelines;

namespace PaperTrail.Output;

/// <summary>
/// Checks, before anything is written, that every internal link of every rendered page points at
/// an output of the plan. Links are read from the rendered HTML, so a template's mistake is caught
/// as surely as a pipeline's.
/// </summary>
public static partial class LinkChecker
{
    [GeneratedRegex("""\s(?:href|src)="(?<url>[^"]*)"|\s(?:href|src)='(?<url>[^']*)'""")]
    private static partial Regex LinkAttribute();

    public static IReadOnlyList<ContentProblem> Check(Urls urls, IReadOnlyList<PlannedOutput> plan, IReadOnlyList<byte[]> rendered)
    {
        var files = plan.Select(o => o.File).ToHashSet(StringComparer.Ordinal);
        var problems = new List<ContentProblem>[plan.Count];
        Parallel.For(0, plan.Count, i =>
        {
            problems[i] = [];
            if (!plan[i].IsHtml) return;
            var page = new Uri(urls.BaseUrl, plan[i].Path);
            var html = Encoding.UTF8.GetString(rendered[i]);
            foreach (Match match in LinkAttribute().Matches(html))
            {
                var href = WebUtility.HtmlDecode(match.Groups["url"].Value);
                if (!IsPlanned(urls, files, page, href, out var reason))
                    problems[i].Add(new ContentProblem(plan[i].File, 0, $"broken link '{href}': {reason}"));
            }
        });
        return problems.SelectMany(p => p).Distinct().ToList();
    }

    private static bool IsPlanned(Urls urls, HashSet<string> files, Uri page, string href, out string reason)
    {
        reason = "";
        if (href.Length == 0 || href.StartsWith('#')) return true;
        if (!Uri.TryCreate(page, href, out var target))
        {
            reason = "not a valid URL";
            return false;
        }
        if (target.Scheme is not ("http" or "https") || !string.Equals(target.Host, urls.BaseUrl.Host, StringComparison.OrdinalIgnoreCase))
            return true; // external: never fetched
        var path = Uri.UnescapeDataString(target.AbsolutePath);
        if (!path.StartsWith(urls.BasePath, StringComparison.Ordinal))
        {
            reason = $"outside the site's base path {urls.BasePath}";
            return false;
        }
        var relative = path[urls.BasePath.Length..];
        if (files.Contains(Urls.FileFor(relative)) || files.Contains(relative + "/index.html")) return true;
        reason = "no planned output has that path";
        return false;
    }
}
