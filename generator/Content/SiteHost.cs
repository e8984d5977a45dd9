namespace PaperTrail.Content;

/// <summary>
/// Where the site is published (<c>host:</c> in site.yml), as far as the build must know it: whether
/// the host follows redirect rules of its own, or old addresses need pages that send a browser on.
/// <c>ForcedStatus</c> is how a rule that must win over a file at its address ends.
/// <c>SendsHeaders</c>: whether the host sends the site's security headers (netlify.toml); where it
/// does not, pages carry the Content-Security-Policy themselves, in a meta element.
/// </summary>
internal sealed record SiteHost(string Name, bool FollowsRedirectRules, int MaxRedirectRules, int MaxSplatRules, string ForcedStatus, bool SendsHeaders = true)
{
    /// <summary>Netlify: a <c>_redirects</c> file with no limit on its rules (docs/deploying.md).</summary>
    public static readonly SiteHost Netlify = new("netlify", true, int.MaxValue, int.MaxValue, "301!");

    /// <summary>
    /// Cloudflare Pages: <c>_redirects</c> holds 2,000 static rules and 100 with a splat, and a rule
    /// always wins over a file at its address (Netlify needs "!" for that; Cloudflare refuses it).
    /// Cloudflare would read headers from a <c>_headers</c> file, which the build does not write: so
    /// its pages carry the policy too.
    /// </summary>
    public static readonly SiteHost Cloudflare = new("cloudflare", true, 2000, 100, "301", SendsHeaders: false);

    /// <summary>GitHub Pages: no redirect rules at all, and no headers of the site's own.</summary>
    public static readonly SiteHost GitHubPages = new("github-pages", false, 0, 0, "", SendsHeaders: false);

    public static readonly IReadOnlyList<SiteHost> Known = [Netlify, GitHubPages, Cloudflare];

    public static SiteHost? Named(string name) => Known.FirstOrDefault(h => h.Name == name);
}
