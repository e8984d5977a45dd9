using PaperTrail.Content;

namespace PaperTrail.Doctor;

/// <summary>
/// base_url is where the chosen host serves the site: https, not the placeholder <c>init</c> writes,
/// and on the host's own domains when it is on any. On GitHub Pages an address under github.io is
/// <c>https://&lt;owner&gt;.github.io/&lt;repository&gt;/</c> (or <c>/</c> for the repository named
/// <c>&lt;owner&gt;.github.io</c>), held to the repository's <c>origin</c> remote when the clone has
/// one. A custom domain cannot be checked offline: it must be set in the repository's Pages settings,
/// which a note says.
/// </summary>
internal sealed class BaseUrlCheck : IForkCheck
{
    /// <summary>The addresses reserved for examples (RFC 2606), which no site is published at.</summary>
    private static readonly string[] Placeholders = ["example.org", "example.com", "example.net"];

    public IEnumerable<DoctorFinding> Run(ForkLayout fork)
    {
        if (fork.Config is not { } config) yield break;
        var url = config.BaseUrl;
        var where = fork.Where("base_url");
        var host = url.Host.ToLowerInvariant();
        if (url.Scheme != "https")
            yield return DoctorFinding.Problem($"{where}: base_url {url} is not https: every host named in docs/deploying.md serves https; set base_url to the https address");
        if (Placeholders.Any(p => host == p || host.EndsWith("." + p, StringComparison.Ordinal)))
        {
            yield return DoctorFinding.Problem($"{where}: base_url {url} is a placeholder: set it to the address {config.Host.Name} publishes the site at ({Example(config.Host)})");
            yield break;
        }
        var onGitHub = host.EndsWith(".github.io", StringComparison.Ordinal);
        var onNetlify = host.EndsWith(".netlify.app", StringComparison.Ordinal);
        var onCloudflare = host.EndsWith(".pages.dev", StringComparison.Ordinal);
        var foreign = config.Host.Name switch
        {
            "netlify" => onGitHub || onCloudflare,
            "github-pages" => onNetlify || onCloudflare,
            _ => onGitHub || onNetlify,
        };
        if (foreign)
        {
            yield return DoctorFinding.Problem($"{where}: base_url {url} is not an address of {config.Host.Name}, the host site.yml names: set base_url to {Example(config.Host)}, or host: to the host that serves {host}");
            yield break;
        }
        if (config.Host == SiteHost.GitHubPages)
        {
            if (onGitHub && GitHubPagesPath(fork, url) is { } problem) yield return DoctorFinding.Problem($"{where}: {problem}");
            if (!onGitHub)
                yield return DoctorFinding.Note($"base_url {url} is a domain of your own: GitHub Pages serves it once it is set under Settings → Pages → Custom domain, with its DNS pointing at GitHub (doctor cannot see either offline)");
        }
    }

    private static string Example(SiteHost host) => host.Name switch
    {
        "github-pages" => "https://<owner>.github.io/<repository>/, or a domain of your own",
        "cloudflare" => "https://<project>.pages.dev/, or a domain of your own",
        _ => "https://<site>.netlify.app/, or a domain of your own",
    };

    /// <summary>Why a github.io address is not this repository's Pages address, or null when it is (or the clone names no GitHub origin to hold it to).</summary>
    private static string? GitHubPagesPath(ForkLayout fork, Uri url)
    {
        var owner = url.Host[..^".github.io".Length];
        var segments = url.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Length > 1)
            return $"base_url {url} has a path of {segments.Length} folders: GitHub Pages serves a repository at https://{owner}.github.io/<repository>/";
        if (GitOrigin.GitHubRepository(fork.Root) is not var (originOwner, repository)) return null;
        var expected = string.Equals(repository, $"{originOwner}.github.io", StringComparison.OrdinalIgnoreCase)
            ? $"https://{originOwner.ToLowerInvariant()}.github.io/"
            : $"https://{originOwner.ToLowerInvariant()}.github.io/{repository}/";
        var matches = string.Equals(owner, originOwner, StringComparison.OrdinalIgnoreCase)
            && string.Equals(url.AbsolutePath, new Uri(expected).AbsolutePath, StringComparison.Ordinal);
        return matches ? null : $"base_url {url} is not where GitHub Pages serves this repository ({originOwner}/{repository}, its origin remote): set it to {expected}";
    }
}
