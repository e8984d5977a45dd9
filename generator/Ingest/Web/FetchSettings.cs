namespace PaperTrail.Ingest.Web;

/// <summary>How patiently ingest fetches from the web.</summary>
internal sealed record FetchSettings
{
    /// <summary>Each attempt may take this long before it counts as failed.</summary>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Attempts after the first, on timeouts, broken connections, 5xx and 429.</summary>
    public int Retries { get; init; } = 4;

    /// <summary>The first back-off; it doubles each retry, with jitter.</summary>
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>A server's Retry-After is honoured up to this long; beyond it the fetch fails.</summary>
    public TimeSpan MaxRetryAfter { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>Answers larger than this are refused, as an input file would be: no papers page is that big.</summary>
    public long MaxBytes { get; init; } = InputLimits.MaxInputBytes;

    public string UserAgent { get; init; } = "PaperTrail/1.0 (static archive of trending research papers; +https://github.com/paper-trail)";

    /// <summary>
    /// The User-Agent of a site's fetches: who asks, and where to reach them (arXiv's API terms ask
    /// callers to say so): "PaperTrail/1.0 (+https://example.org/; mailto:someone@example.org; …)".
    /// Characters a header comment cannot hold are left out.
    /// </summary>
    public static string UserAgentFor(Content.SiteConfig site)
    {
        var contact = site.Contact is { } c ? "; " + (c.Contains('@') && !c.Contains(':') ? "mailto:" + c : c) : "";
        return $"PaperTrail/1.0 (+{CommentText(site.BaseUrl.AbsoluteUri)}{CommentText(contact)}; static archive of research papers)";
    }

    private static string CommentText(string text) => new(text.Where(ch => ch is >= ' ' and <= '~' and not ('(' or ')' or '\\')).ToArray());
}
