using PaperTrail.Errors;

namespace PaperTrail.Content;

/// <summary>Reads <c>site.yml</c>; every unknown or invalid key is a problem naming key and line.</summary>
internal static class SiteConfigReader
{
    /// <summary>
    /// The content folder's site.yml, or the defaults when it has none (a command that needs only the
    /// settings, not the archive); a problem in it fails with file and line.
    /// </summary>
    public static SiteConfig ReadFolder(string contentDir)
    {
        var problems = new List<ContentProblem>();
        var path = Path.Combine(contentDir, "site.yml");
        var config = File.Exists(path) ? Read(DisplayPath.Of(path), ArchiveLoader.ReadText(path), problems) : new SiteConfig();
        if (problems.Count > 0) throw new ContentException(problems);
        return config;
    }

    public static SiteConfig Read(string file, string text, List<ContentProblem> problems)
    {
        var nodes = new YamlNodes(file, 0, problems);
        var root = nodes.ParseMapping(text, "site.yml");
        var config = new SiteConfig();
        if (root is null) return config;
        (string Text, YamlDotNet.RepresentationModel.YamlNode Node)? contact = null;
        foreach (var (key, keyNode, value) in nodes.Entries(root))
        {
            switch (key)
            {
                case "title": config = config with { Title = nodes.NonEmptyString(value, key) ?? config.Title }; break;
                case "description": config = config with { Description = nodes.String(value, key) ?? config.Description }; break;
                case "language": config = config with { Language = nodes.NonEmptyString(value, key) ?? config.Language }; break;
                case "author": config = config with { Author = nodes.NonEmptyString(value, key) }; break;
                case "theme":
                    var theme = nodes.NonEmptyString(value, key);
                    if (theme is not null && !Slug.IsValid(theme)) nodes.Problem(value, $"'theme' has '{theme}': name a folder of themes/ (lower-case letters, digits, hyphens)");
                    else if (theme is not null) config = config with { Theme = theme };
                    break;
                case "page_size": config = config with { PageSize = nodes.Integer(value, key, min: 1) ?? config.PageSize }; break;
                case "feed_size": config = config with { FeedSize = nodes.Integer(value, key, min: 1) ?? config.FeedSize }; break;
                case "author_min_papers": config = config with { AuthorMinPapers = nodes.Integer(value, key, min: 0) ?? config.AuthorMinPapers }; break;
                case "reading_list": config = config with { ReadingList = nodes.Boolean(value, key) ?? config.ReadingList }; break;
                case "digest_size": config = config with { DigestSize = nodes.Integer(value, key, min: 1) ?? config.DigestSize }; break;
                case "contact":
                    // Judged once every key is read: the site's own host, from base_url, is not a contact.
                    contact = nodes.NonEmptyString(value, key) is { } written ? (written, value) : null;
                    break;
                case "sources":
                    if (SourcesReader.Read(nodes, value) is (var names, var arxiv))
                        config = config with { Sources = names, ArxivSources = arxiv };
                    break;
                case "schema_version":
                    var version = nodes.Integer(value, key, min: 1);
                    if (version > SiteConfig.CurrentSchemaVersion)
                        nodes.Problem(value, $"this content uses schema version {version}, newer than the {SiteConfig.CurrentSchemaVersion} this generator knows: update the generator");
                    else if (version is { } v) config = config with { SchemaVersion = v };
                    break;
                case "base_url":
                    var url = nodes.NonEmptyString(value, key);
                    if (url is null) break;
                    if (!IsLinkableWebUrl(url) || url.Contains('?') || url.Contains('#'))
                        nodes.Problem(value, $"'base_url' has '{url}': write an absolute http(s) URL such as https://example.org/ or https://example.org/papers/{SpaceHint(url)}");
                    // Links are judged by their unescaped paths: a base path with escapes (%2F, %C3%A9) matched none of them.
                    else if (url.Contains('%'))
                        nodes.Problem(value, $"'base_url' has '{url}': a path with escaped characters (%…) is not supported; name the folder with letters, digits, '-', '_' and '.'");
                    else config = config with { BaseUrl = new Uri(url.EndsWith('/') ? url : url + "/") };
                    break;
                case "host":
                    var host = nodes.NonEmptyString(value, key);
                    if (host is null) break;
                    if (SiteHost.Named(host) is { } known) config = config with { Host = known };
                    else nodes.Problem(value, $"'host' has '{host}'; the hosts known are {string.Join(", ", SiteHost.Known.Select(h => h.Name))}");
                    break;
                case "websub_hub":
                    var hub = nodes.NonEmptyString(value, key);
                    if (hub is null) break;
                    if (!IsLinkableWebUrl(hub)) nodes.Problem(value, $"'websub_hub' has '{hub}': write the hub's absolute http(s) URL, such as https://pubsubhubbub.appspot.com/");
                    else config = config with { WebSubHub = hub };
                    break;
                default:
                    nodes.Problem(keyNode, $"unknown key '{key}' in site.yml; known keys are {string.Join(", ", SiteConfig.Keys)}");
                    break;
            }
        }
        if (contact is { } given)
        {
            if (ContactAddress.Problem(given.Text, config.BaseUrl) is { } why)
                nodes.Problem(given.Node, $"'contact' has '{given.Text}': {why}{SpaceHint(given.Text)}");
            else config = config with { Contact = given.Text };
        }
        return config;
    }

    /// <summary>
    /// An http(s) address that every page can link to as written: one with a space or a character
    /// that must be escaped (a line run on into it, a stray quote) would be escaped in the links, and
    /// every link of the site would then miss the base path.
    /// </summary>
    private static bool IsLinkableWebUrl(string text) => SafeUrl.IsWebUrl(text) && Uri.IsWellFormedUriString(text, UriKind.Absolute);

    private static string SpaceHint(string text) =>
        text.Any(char.IsWhiteSpace) ? " (an address has no spaces: is the line below it indented by mistake?)" : "";
}
