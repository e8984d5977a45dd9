using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using PaperTrail.Content;
using PaperTrail.Site;

namespace PaperTrail.Pipelines;

/// <summary>
/// Old and alternative addresses that must keep working: a topic's old slugs (aliases), a paper's
/// old slugs, papers merged into another (redirect_to), and /arxiv/&lt;id&gt;/. Where the host
/// follows redirect rules they are all rules of <c>_redirects</c> (real 301s, feeds included) and no
/// page is written: a page per paper's arXiv address was nearly half the files of the site. Where it
/// does not (GitHub Pages), or the rules would pass its limit (Cloudflare's 2,000), each old address
/// is a small page that sends a browser on (docs/deploying.md).
/// </summary>
internal sealed class RedirectsPipeline : IPipeline
{
    public const string NetlifyFile = "_redirects";

    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    public IEnumerable<PlannedOutput> Plan(BuildContext context)
    {
        var redirects = Redirects(context).ToList();
        var topics = context.Site.Topics.Select(t => t.Slug).ToList();
        var host = context.Site.Config.Host;
        var rulesHoldAll = host.FollowsRedirectRules
            && redirects.Count(r => !r.Subtree) <= host.MaxRedirectRules
            && topics.Count + redirects.Count(r => r.Subtree) <= host.MaxSplatRules;
        if (!rulesHoldAll)
            foreach (var (from, to, _) in redirects)
                yield return context.File(from, "redirect", to, static (shared, _, to) => Page(shared, to), OutputKind.Redirect);
        if (host.FollowsRedirectRules)
        {
            // With the pages written, the rules keep only what a page cannot do: send a folder's
            // every address on (a splat), within the host's limit for those.
            var rules = rulesHoldAll ? redirects : redirects.Where(r => r.Subtree).Take(Math.Max(0, host.MaxSplatRules - topics.Count)).ToList();
            yield return new PlannedOutput(NetlifyFile, OutputKind.Data, () => Rules(context.Urls, rules, topics.Order(StringComparer.Ordinal).Take(host.MaxSplatRules), host.ForcedStatus));
        }
    }

    /// <summary>(old path, new path, whether everything below the old path moves too).</summary>
    private static IEnumerable<(string From, string To, bool Subtree)> Redirects(BuildContext context)
    {
        var site = context.Site;
        foreach (var topic in site.Topics)
            foreach (var alias in topic.Aliases)
                yield return (Urls.Topic(alias), Urls.Topic(topic.Slug), true);

        var visible = site.Papers.ToDictionary(p => p.Slug, StringComparer.Ordinal);
        foreach (var paper in site.Papers)
        {
            foreach (var alias in paper.Paper.Aliases)
                yield return (Urls.Paper(alias), Urls.Paper(paper.Slug), false);
            if (paper.Paper.Arxiv is { } id)
                yield return (Urls.Arxiv(id), Urls.Paper(paper.Slug), false);
        }
        foreach (var merged in site.MergedPapers)
        {
            if (!visible.ContainsKey(merged.RedirectTo!)) continue;
            foreach (var slug in merged.Aliases.Prepend(merged.Slug))
                yield return (Urls.Paper(slug), Urls.Paper(merged.RedirectTo!), false);
            if (merged.Arxiv is { } id && !site.Papers.Any(p => p.Paper.Arxiv == id))
                yield return (Urls.Arxiv(id), Urls.Paper(merged.RedirectTo!), false);
        }
    }

    private static byte[] Page(SharedViews shared, string to)
    {
        var href = Encoder.Encode(shared.Urls.Href(to));
        var canonical = Encoder.Encode(shared.Urls.Absolute(to));
        var language = Encoder.Encode(shared.Config.Language);
        // The page runs nothing, but on a host that sends no headers it carries the site's policy as every page does.
        var csp = shared.Site.MetaCsp.Length == 0 ? "" : $"<meta http-equiv=\"Content-Security-Policy\" content=\"{Encoder.Encode(shared.Site.MetaCsp)}\">\n";
        return Encoding.UTF8.GetBytes(
            $"<!DOCTYPE html>\n<html lang=\"{language}\">\n<head>\n<meta charset=\"utf-8\">\n{csp}<title>{Encoder.Encode(shared.Strings.Text("moved.title"))}</title>\n" +
            $"<meta name=\"robots\" content=\"noindex\">\n<link rel=\"canonical\" href=\"{canonical}\">\n" +
            $"<meta http-equiv=\"refresh\" content=\"0; url={href}\">\n</head>\n<body>\n<p>{shared.Strings.Html("moved.text", null, [("href", shared.Urls.Href(to))], Encoder.Encode)}</p>\n</body>\n</html>\n");
    }

    private static byte[] Rules(Urls urls, IEnumerable<(string From, string To, bool Subtree)> redirects, IEnumerable<string> topics, string forced)
    {
        var sb = new StringBuilder("# Written by Paper Trail: old addresses and their new homes.\n");
        // Topics were once paginated as /topics/<slug>/page/N/; they are archived by month now.
        foreach (var slug in topics)
            sb.Append(urls.Href(Urls.Topic(slug))).Append("page/* ").Append(urls.Href(Urls.Topic(slug))).Append(" 301\n");
        foreach (var (from, to, subtree) in redirects.OrderBy(r => r.From, StringComparer.Ordinal))
        {
            // Forced: the rule wins over anything at the same path (a redirect page, a stale folder).
            if (subtree) sb.Append(urls.Href(from)).Append("* ").Append(urls.Href(to)).Append(":splat ").Append(forced).Append('\n');
            else sb.Append(urls.Href(from)).Append(' ').Append(urls.Href(to)).Append(' ').Append(forced).Append('\n');
        }
        return Encoding.UTF8.GetBytes(sb.ToString());
    }
}
