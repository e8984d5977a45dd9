namespace PaperTrail.Content;

/// <summary>Which URLs from untrusted input may become links.</summary>
internal static class SafeUrl
{
    public static bool IsWebUrl(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && !string.IsNullOrEmpty(uri.Host);

    /// <summary>Links allowed in an abstract: the web and e-mail, nothing that runs.</summary>
    public static bool IsAllowedInAbstract(string url) =>
        IsWebUrl(url) || (Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeMailto);
}
