using YamlDotNet.RepresentationModel;

namespace PaperTrail.Content;

/// <summary>Reads a paper's Markdown file against the content schema (docs/content.md).</summary>
internal static class PaperReader
{
    public static readonly IReadOnlyList<string> Keys =
        ["title", "slug", "arxiv", "authors", "published", "trending", "topics", "links", "upvotes", "comments", "ai_summary", "github_stars", "github_stars_as_of", "organization", "categories", "hidden", "redirect_to", "aliases"];

    /// <summary>The paper, or null with at least one problem added.</summary>
    public static Paper? Read(string file, string text, List<ContentProblem> problems)
    {
        var document = FrontMatterDocument.Split(file, text, out var splitProblem);
        if (document is null)
        {
            problems.Add(splitProblem!);
            return null;
        }
        var before = problems.Count;
        var nodes = new YamlNodes(file, document.YamlFirstLine - 1, problems);

        // The common shape first, without a YAML parser. Its nodes carry no line numbers, so a file
        // with any problem is read again by YamlDotNet, whose report names the lines.
        if (SimpleFrontMatter.TryParse(document.Yaml) is { } simple)
        {
            if (FromRoot(file, nodes, simple, document, problems) is { } paper && problems.Count == before) return paper;
            problems.RemoveRange(before, problems.Count - before);
        }
        // No aliases: the generator never writes one, and an alias is what makes a few lines stand for millions of values.
        var root = nodes.ParseMapping(document.Yaml, "front matter", maxAliases: 0);
        return root is null ? null : FromRoot(file, nodes, root, document, problems);
    }

    private static Paper? FromRoot(string file, YamlNodes nodes, YamlMappingNode root, FrontMatterDocument document, List<ContentProblem> problems)
    {
        var before = problems.Count;
        string? title = null, slug = null, arxiv = null, redirectTo = null, aiSummary = null, organization = null;
        IReadOnlyList<string>? authors = null, topics = null, aliases = null, categories = null;
        TrendingDays? trending = null;
        DateOnly? published = null, starsAsOf = null;
        int? upvotes = null, comments = null, stars = null;
        bool? hidden = null;
        SortedDictionary<string, string>? links = null;

        foreach (var (key, keyNode, value) in nodes.Entries(root))
        {
            switch (key)
            {
                case "title": title = nodes.NonEmptyString(value, key); break;
                case "slug": slug = SlugValue(nodes, value, key); break;
                case "arxiv":
                    arxiv = nodes.NonEmptyString(value, key);
                    if (arxiv is not null && !ArxivId.IsValid(arxiv))
                    {
                        nodes.Problem(value, $"'arxiv' has '{arxiv}', which is not an arXiv id like 2303.08797 (without version)");
                        arxiv = null;
                    }
                    break;
                case "authors": authors = nodes.Strings(value, key); break;
                case "published": published = nodes.Date(value, key); break;
                case "trending": trending = TrendingDays.Read(nodes, value); break;
                case "topics": topics = SlugList(nodes, value, key); break;
                case "links": links = Links(nodes, value); break;
                case "upvotes": upvotes = nodes.Integer(value, key, min: 0); break;
                case "comments": comments = nodes.Integer(value, key, min: 0); break;
                case "ai_summary": aiSummary = nodes.NonEmptyString(value, key); break;
                case "github_stars": stars = nodes.Integer(value, key, min: 0); break;
                case "github_stars_as_of": starsAsOf = nodes.Date(value, key); break;
                case "organization": organization = nodes.NonEmptyString(value, key); break;
                case "categories": categories = nodes.Strings(value, key); break;
                case "hidden": hidden = nodes.Boolean(value, key); break;
                case "redirect_to": redirectTo = SlugValue(nodes, value, key); break;
                case "aliases": aliases = SlugList(nodes, value, key); break;
                default:
                    nodes.Problem(keyNode, $"unknown key '{key}'; known keys are {string.Join(", ", Keys)}");
                    break;
            }
        }

        if (title is null && !HasKey(root, "title")) problems.Add(new ContentProblem(file, 1, "missing 'title'"));
        if (slug is null && !HasKey(root, "slug")) problems.Add(new ContentProblem(file, 1, "missing 'slug'"));
        if (trending is null && !HasKey(root, "trending")) problems.Add(new ContentProblem(file, 1, "missing 'trending': the days the paper trended"));
        else if (trending is { Days.Count: 0 }) nodes.Problem(Find(root, "trending")!, "'trending' must list at least one day");

        if (AbstractNesting.TooDeep(document.Body))
            problems.Add(new ContentProblem(file, document.BodyFirstLine, "the abstract cannot be shown: its brackets, quotes or lists nest more than 128 levels deep, past what the Markdown renderer takes"));

        if (problems.Count > before || title is null || slug is null || trending is null) return null;

        return new Paper
        {
            Title = title,
            Slug = slug,
            Arxiv = arxiv,
            Authors = authors ?? [],
            Published = published,
            Trending = trending.Days,
            Ranks = trending.Ranks,
            Topics = topics,
            Links = links ?? new SortedDictionary<string, string>(StringComparer.Ordinal),
            Upvotes = upvotes,
            Comments = comments,
            AiSummary = aiSummary,
            GithubStars = stars,
            GithubStarsAsOf = starsAsOf,
            Organization = organization,
            Categories = categories ?? [],
            Hidden = hidden ?? false,
            RedirectTo = redirectTo,
            Aliases = aliases ?? [],
            Abstract = document.Body,
        };
    }

    private static string? SlugValue(YamlNodes nodes, YamlNode value, string key)
    {
        var slug = nodes.NonEmptyString(value, key);
        if (slug is null || Slug.IsValid(slug)) return slug;
        nodes.Problem(value, $"'{key}' has '{slug}': a slug is lower-case letters, digits and single hyphens, at most {Slug.MaxLength} characters");
        return null;
    }

    private static IReadOnlyList<string>? SlugList(YamlNodes nodes, YamlNode value, string key)
    {
        var list = nodes.Strings(value, key);
        if (list is null) return null;
        foreach (var slug in list.Where(s => !Slug.IsValid(s)))
            nodes.Problem(value, $"'{key}' has '{slug}': a slug is lower-case letters, digits and single hyphens");
        return list;
    }

    private static SortedDictionary<string, string>? Links(YamlNodes nodes, YamlNode value)
    {
        if (value is not YamlMappingNode mapping)
        {
            nodes.Problem(value, "'links' must be a mapping like { arxiv: https://…, code: https://… }");
            return null;
        }
        var links = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, _, urlNode) in nodes.Entries(mapping))
        {
            var url = nodes.NonEmptyString(urlNode, $"links.{name}");
            if (url is null) continue;
            if (!SafeUrl.IsWebUrl(url)) nodes.Problem(urlNode, $"'links.{name}' has '{url}': only absolute http(s) URLs are allowed");
            else links[name] = url;
        }
        return links;
    }

    private static bool HasKey(YamlMappingNode root, string key) => Find(root, key) is not null;

    private static YamlNode? Find(YamlMappingNode root, string key) =>
        root.Children.FirstOrDefault(kv => kv.Key is YamlScalarNode s && s.Value == key).Value;
}
