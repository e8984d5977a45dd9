using System.Globalization;

namespace PaperTrail.Content;

/// <summary>
/// The one rule for <c>contact</c> in site.yml, which every page links to from its footer: a plain
/// e-mail address (<c>someone@example.org</c>) or an http(s) address on another host than the site's.
/// <c>check</c>, <c>build</c>, <c>ingest</c> and the preview all read site.yml through
/// <see cref="SiteConfigReader"/>, which asks <see cref="Problem"/>; the link is made by
/// <see cref="Href"/> alone. Before, the reader took anything with one '@' before a host name as an
/// e-mail address, and the page decided by "://" whether to prefix "mailto:": so
/// <c>javascript://x.co/%0Aalert(1)//@x.co</c> passed as an address and became a script link on every page.
/// </summary>
internal static class ContactAddress
{
    /// <summary>What an e-mail address's part before the '@' may hold: letters, digits and the few signs that mean nothing in a mailto: link.</summary>
    private const string LocalSigns = ".!$&'*+-=_~";

    /// <summary>Why <paramref name="text"/> is not a contact every page can link to, or null when it is one.</summary>
    /// <param name="siteBaseUrl">The site's address (base_url): a contact on its host is refused.</param>
    public static string? Problem(string text, Uri siteBaseUrl)
    {
        const string Expected = "write a plain e-mail address (someone@example.org) or an http(s) address (https://example.org/about/)";
        if (text.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || text.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
        {
            if (!Uri.TryCreate(text, UriKind.Absolute, out var url) || url.Host.Length == 0 || !Uri.IsWellFormedUriString(text, UriKind.Absolute))
                return $"it is not an address every page can link to as written (a space, a quote or another character that must be escaped); {Expected}";
            if (url.UserInfo.Length > 0)
                return $"an address with a name before its host ('{url.UserInfo}@') shows one site and leads to another; {Expected}";
            if (string.Equals(url.Host, siteBaseUrl.Host, StringComparison.OrdinalIgnoreCase))
                return $"it is on this site's own host ({siteBaseUrl.Host}, from base_url), where the build makes no contact page and " +
                       "every link must reach a page it makes; write an e-mail address, or an address on another host";
            return null;
        }
        if (text.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase))
            return "write the e-mail address alone, without 'mailto:' (the pages add it)";
        if (text.Contains('@') && text.IndexOfAny(['?', '#']) > 0)
            return "write the e-mail address alone, with nothing after it ('?subject=…' and the like): someone@example.org";
        return IsEmail(text) ? null : Expected;
    }

    /// <summary>The link every page makes of a contact that <see cref="Problem"/> accepted.</summary>
    public static string Href(string contact) =>
        contact.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || contact.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
            ? contact
            : "mailto:" + contact;

    /// <summary>
    /// someone@example.org: before the '@', letters, digits and <see cref="LocalSigns"/>, with no dot at
    /// either end or two together; after it, a host name of at least two labels (letters of any script).
    /// </summary>
    private static bool IsEmail(string text)
    {
        var at = text.IndexOf('@');
        if (at <= 0 || at > 64 || text.LastIndexOf('@') != at) return false;
        var local = text[..at];
        if (local[0] == '.' || local[^1] == '.' || local.Contains("..", StringComparison.Ordinal)) return false;
        if (!local.All(c => char.IsAsciiLetterOrDigit(c) || LocalSigns.Contains(c))) return false;
        return IsHostName(text[(at + 1)..]);
    }

    private static bool IsHostName(string domain)
    {
        string ascii;
        try
        {
            ascii = new IdnMapping { UseStd3AsciiRules = true }.GetAscii(domain);
        }
        catch (ArgumentException)
        {
            return false;
        }
        var labels = ascii.Split('.');
        return labels.Length >= 2 && ascii.Length <= 253
            && labels.All(l => l.Length is > 0 and <= 63 && l[0] != '-' && l[^1] != '-' && l.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
            && labels[^1].Any(char.IsAsciiLetter);
    }
}
