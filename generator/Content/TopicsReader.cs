using YamlDotNet.RepresentationModel;

namespace PaperTrail.Content;

/// <summary>
/// Reads <c>topics.yml</c>: <c>topics:</c> a list of { slug, name, description, aliases }, and
/// <c>fallback:</c> the slug of the topic for papers no other topic describes.
/// </summary>
public static class TopicsReader
{
    private static readonly IReadOnlyList<string> TopicKeys = ["slug", "name", "description", "aliases"];

    public static Taxonomy Read(string file, string text, List<ContentProblem> problems)
    {
        var nodes = new YamlNodes(file, 0, problems);
        var root = nodes.ParseMapping(text, "topics.yml");
        var topics = new List<Topic>();
        if (root is null) return new Taxonomy(topics, null);
        string? fallback = null;
        YamlNode? fallbackNode = null;
        foreach (var (key, keyNode, value) in nodes.Entries(root))
        {
            if (key == "fallback")
            {
                fallback = nodes.NonEmptyString(value, key);
                fallbackNode = value;
                continue;
            }
            if (key != "topics")
            {
                nodes.Problem(keyNode, $"unknown key '{key}' in topics.yml; expected 'topics' and 'fallback'");
                continue;
            }
            if (value is not YamlSequenceNode list)
            {
                nodes.Problem(value, "'topics' must be a list of topics");
                continue;
            }
            foreach (var item in list.Children)
            {
                var topic = ReadTopic(nodes, item);
                if (topic is not null) topics.Add(topic);
            }
        }
        foreach (var duplicate in topics.SelectMany(t => t.Aliases.Prepend(t.Slug)).GroupBy(s => s).Where(g => g.Count() > 1))
            problems.Add(new ContentProblem(file, 0, $"topic slug '{duplicate.Key}' is used more than once"));
        if (fallback is not null && topics.All(t => t.Slug != fallback))
        {
            nodes.Problem(fallbackNode!, $"fallback '{fallback}' is not one of the topics");
            fallback = null;
        }
        return new Taxonomy(topics, fallback);
    }

    private static Topic? ReadTopic(YamlNodes nodes, YamlNode item)
    {
        if (item is not YamlMappingNode mapping)
        {
            nodes.Problem(item, "each topic must be a mapping with slug, name and description");
            return null;
        }
        string? slug = null, name = null, description = null;
        IReadOnlyList<string> aliases = [];
        foreach (var (key, keyNode, value) in nodes.Entries(mapping))
        {
            switch (key)
            {
                case "slug":
                    slug = nodes.NonEmptyString(value, key);
                    if (slug is not null && !Slug.IsValid(slug))
                    {
                        nodes.Problem(value, $"topic slug '{slug}' must be lower-case letters, digits and single hyphens");
                        slug = null;
                    }
                    break;
                case "name": name = nodes.NonEmptyString(value, key); break;
                case "description": description = nodes.String(value, key); break;
                case "aliases": aliases = nodes.Strings(value, key) ?? []; break;
                default:
                    nodes.Problem(keyNode, $"unknown key '{key}' in a topic; known keys are {string.Join(", ", TopicKeys)}");
                    break;
            }
        }
        if (slug is null || name is null)
        {
            if (slug is null) nodes.Problem(item, "a topic needs a 'slug'");
            if (name is null) nodes.Problem(item, "a topic needs a 'name'");
            return null;
        }
        return new Topic { Slug = slug, Name = name, Description = description ?? "", Aliases = aliases };
    }
}
