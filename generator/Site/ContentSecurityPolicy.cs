namespace PaperTrail.Site;

/// <summary>
/// The site's Content-Security-Policy, written once: netlify.toml sends <see cref="Header"/> (a test
/// holds the two equal), and on a host that sends no headers of its own (GitHub Pages) every page
/// carries <see cref="ForMeta"/> in a <c>&lt;meta http-equiv&gt;</c>. Pages use no inline script or
/// style, so the policy allows none (docs/security.md explains each directive).
/// </summary>
internal static class ContentSecurityPolicy
{
    /// <summary>The directives, in the order the header lists them.</summary>
    private static readonly string[] Directives =
    [
        "default-src 'none'",
        "script-src 'self' 'wasm-unsafe-eval'",
        "connect-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ];

    /// <summary>
    /// Directives a browser ignores in a meta policy (CSP Level 3, §3.3): they must come in a header.
    /// A page served without headers can be framed, which only a header can forbid.
    /// </summary>
    public static readonly IReadOnlySet<string> HeaderOnly = new HashSet<string>(StringComparer.Ordinal) { "frame-ancestors", "report-uri", "sandbox" };

    /// <summary>The policy as the Content-Security-Policy header sends it.</summary>
    public static string Header { get; } = string.Join("; ", Directives);

    /// <summary>The policy as a <c>&lt;meta http-equiv&gt;</c> can hold it: the header's without <see cref="HeaderOnly"/>.</summary>
    public static string ForMeta { get; } = string.Join("; ", Directives.Where(d => !HeaderOnly.Contains(Name(d))));

    /// <summary>A directive's name: "frame-ancestors 'none'" → "frame-ancestors".</summary>
    public static string Name(string directive) => directive.Split(' ', 2)[0];
}
