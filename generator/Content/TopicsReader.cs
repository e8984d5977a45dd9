using YamlDotNet.RepresentationModel;

namespace PaperTrail.Content;

/// <summary>
/// Reads <c>topics.yml</c>: <c>topics:</c> a list of { slug, name, description, aliases, threshold,
/// phrases, against }, <c>fallback:</c> the slug of the topic for papers no other topic describes,
/// and <c>classifier:</c> settings shared by all rules.
/// </summary>
internal static class TopicsReader
{
    private static readonly IReadOnlyList<string> TopicKeys = ["slug", "name", "description", "aliases", "threshold", "phrases", "against"];

    public static Taxonomy Read(string file, string text, List<ContentProblem> problems)
    {
        var nodes = new YamlNodes(file, 0, problems);
        var root = nodes.ParseMapping(text, "topics.yml");
        var topics = new List<Topic>();
        if (root is null) return new Taxonomy(topics, null);
        string? fallback = null;
        YamlNode? fallbackNode = null;
        var settings = new ClassifierSettings();
        foreach (var (key, keyNode, value) in nodes.Entries(root))
        {
            if (key == "fallback")
            {
                fallback = nodes.NonEmptyString(value, key);
                fallbackNode = value;
                continue;
            }
            if (key == "classifier")
            {
                settings = ReadSettings(nodes, value);
                continue;
            }
            if (key != "topics")
            {
                nodes.Problem(keyNode, $"unknown key '{key}' in topics.yml; expected 'topics', 'fallback' and 'classifier'");
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
        return new Taxonomy(topics, fallback) { Classifier = settings };
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
        IReadOnlyDictionary<string, double> phrases = new Dictionary<string, double>(), against = new Dictionary<string, double>();
        double? threshold = null;
        YamlNode? thresholdNode = null;
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
                case "threshold": threshold = nodes.Number(value, key); thresholdNode = value; break;
                case "phrases": phrases = Weights(nodes, value, key); break;
                case "against": against = Weights(nodes, value, key); break;
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
        if (phrases.Count > 0 && threshold is null) nodes.Problem(item, $"topic '{slug}' has phrases but no 'threshold'");
        if (phrases.Count == 0 && thresholdNode is not null) nodes.Problem(thresholdNode, $"topic '{slug}' has a threshold but no 'phrases'");
        var rules = phrases.Count > 0 && threshold is { } t ? new TopicRules(phrases, against, t) : TopicRules.None;
        return new Topic { Slug = slug, Name = name, Description = description ?? "", Aliases = aliases, Rules = rules };
    }

    /// <summary>A mapping of phrase → weight, e.g. { "diffusion model": 3, "score-based": 2 }.</summary>
    private static IReadOnlyDictionary<string, double> Weights(YamlNodes nodes, YamlNode value, string key)
    {
        var weights = new Dictionary<string, double>(StringComparer.Ordinal);
        if (value is not YamlMappingNode mapping)
        {
            nodes.Problem(value, $"'{key}' must map phrases to weights, e.g. {key}: {{ \"diffusion model\": 3 }}");
            return weights;
        }
        foreach (var (phrase, phraseNode, weightNode) in nodes.Entries(mapping))
        {
            var weight = nodes.Number(weightNode, $"{key}.{phrase}");
            if (phrase.Trim().Length == 0 || phrase.Split(' ', StringSplitOptions.RemoveEmptyEntries).All(w => TextTokens.Of(w.TrimEnd('*')).Length == 0))
                nodes.Problem(phraseNode, $"phrase '{phrase}' has no word to match");
            else if (weight is { } w) weights[phrase] = w;
        }
        return weights;
    }

    private static ClassifierSettings ReadSettings(YamlNodes nodes, YamlNode value)
    {
        var settings = new ClassifierSettings();
        if (value is not YamlMappingNode mapping)
        {
            nodes.Problem(value, "'classifier' must be a mapping of settings");
            return settings;
        }
        foreach (var (key, keyNode, node) in nodes.Entries(mapping))
        {
            switch (key)
            {
                case "title_weight": settings = settings with { TitleWeight = nodes.Number(node, key) ?? settings.TitleWeight }; break;
                case "abstract_cap": settings = settings with { AbstractCap = nodes.Integer(node, key, min: 0) ?? settings.AbstractCap }; break;
                case "max_topics": settings = settings with { MaxTopics = nodes.Integer(node, key, min: 1) ?? settings.MaxTopics }; break;
                case "relative_cutoff": settings = settings with { RelativeCutoff = nodes.Number(node, key) ?? settings.RelativeCutoff }; break;
                case "near_miss": settings = settings with { NearMiss = nodes.Number(node, key) ?? settings.NearMiss }; break;
                default:
                    nodes.Problem(keyNode, $"unknown key '{key}' in classifier; known keys are {string.Join(", ", ClassifierSettings.Keys)}");
                    break;
            }
        }
        return settings;
    }
}
