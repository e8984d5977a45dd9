using System.Globalization;
using System.Text;
using PaperTrail.Content;
using PaperTrail.Errors;

namespace PaperTrail.Topics;

/// <summary>
/// <c>content/topics-model.txt</c>, the topic model as plain text that diffs well: a header, a
/// <c>term IDF WORDS</c> line per term of the vocabulary (ordinal order), then per topic a
/// <c>topic SLUG bias B threshold T decision D</c> line and its <c>weight W WORDS</c> lines, heaviest
/// first. Numbers have at most four decimals and are written with '.', so the same model gives the
/// same bytes anywhere. A bad line is a problem naming the line; an archive without the file has no
/// model (the rules alone assign topics).
/// </summary>
internal static class TopicModelFile
{
    private const string Magic = "paper-trail-topic-model 1";

    /// <summary>The archive's model, or null when it has none (or it has problems, added to <paramref name="problems"/>).</summary>
    public static TopicModel? Load(string contentDir, List<ContentProblem> problems)
    {
        var path = Path.Combine(contentDir, TopicModel.FileName);
        return ArchiveLoader.Settings(path, problems) is { } text ? Parse(DisplayPath.Of(path), text, problems) : null;
    }

    public static string Format(TopicModel model)
    {
        var text = new StringBuilder()
            .Append("# The topic model of this archive: made by `generator topics train` from labelled papers; train again rather than edit.\n")
            .Append("# `term IDF WORDS`: a term (a stemmed word, or two) and its weight in a paper's vector. Then per topic:\n")
            .Append("# its bias, the probability it needs, how it joins the rules (rules, model, either, both), and `weight W WORDS` per term.\n")
            .Append(Magic).Append('\n')
            .Append(CultureInfo.InvariantCulture, $"trained-on {model.TrainedOn}\n");
        for (var j = 0; j < model.Vocabulary.Count; j++)
            text.Append(CultureInfo.InvariantCulture, $"term {Number(model.Vocabulary.Idf[j])} {model.Vocabulary.Terms[j]}\n");
        foreach (var topic in model.Topics)
        {
            text.Append(CultureInfo.InvariantCulture, $"topic {topic.Slug} bias {Number(topic.Bias)} threshold {Number(topic.Threshold)} decision {topic.Decision.ToString().ToLowerInvariant()}\n");
            foreach (var (term, weight) in topic.Weights.OrderByDescending(w => w.Value).ThenBy(w => model.Vocabulary.Terms[w.Key], StringComparer.Ordinal))
                text.Append(CultureInfo.InvariantCulture, $"weight {Number(weight)} {model.Vocabulary.Terms[term]}\n");
        }
        return text.ToString();
    }

    /// <summary>Reads the model; null with problems (file and line) when any line is wrong.</summary>
    public static TopicModel? Parse(string file, string text, List<ContentProblem> problems)
    {
        var before = problems.Count;
        var lines = text.Split('\n');
        var terms = new List<string>();
        var idf = new List<double>();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var topics = new List<(string Slug, double Bias, double Threshold, TopicDecision Decision, Dictionary<int, double> Weights)>();
        var sawMagic = false;
        int? trainedOn = null;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            if (line.Trim().Length == 0 || line.StartsWith('#')) continue;
            void Problem(string message) => problems.Add(new ContentProblem(file, i + 1, message));
            if (!sawMagic)
            {
                if (line.Trim() != Magic)
                {
                    Problem($"the first line must be '{Magic}': this is not a topic model the generator knows (make one with `generator topics train`)");
                    return null;
                }
                sawMagic = true;
                continue;
            }
            var parts = line.Split(' ');
            switch (parts[0])
            {
                case "trained-on" when parts.Length == 2 && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var n):
                    trainedOn = n;
                    break;
                case "term" when parts.Length >= 3 && Parse(parts[1]) is { } weight && weight > 0:
                    if (topics.Count > 0) Problem("a term after the first topic: every term comes before the topics");
                    var term = string.Join(' ', parts[2..]);
                    if (!index.TryAdd(term, terms.Count)) Problem($"the term '{term}' is listed twice");
                    else
                    {
                        terms.Add(term);
                        idf.Add(weight);
                    }
                    break;
                case "topic" when parts.Length == 8 && parts[2] == "bias" && parts[4] == "threshold" && parts[6] == "decision":
                    if (Parse(parts[3]) is not { } bias) Problem($"the bias '{parts[3]}' is not a number");
                    else if (Parse(parts[5]) is not ({ } threshold and > 0 and < 1)) Problem($"the threshold '{parts[5]}' is not a probability between 0 and 1");
                    else if (!Enum.TryParse<TopicDecision>(parts[7], ignoreCase: true, out var decision) || !Enum.IsDefined(decision) || !string.Equals(parts[7], parts[7].ToLowerInvariant(), StringComparison.Ordinal))
                        Problem($"the decision '{parts[7]}' is none of rules, model, either, both");
                    else if (parts[1].Length == 0 || topics.Any(t => t.Slug == parts[1])) Problem($"the topic '{parts[1]}' is missing or listed twice");
                    else topics.Add((parts[1], bias, threshold, decision, []));
                    break;
                case "weight" when parts.Length >= 3 && Parse(parts[1]) is { } w:
                    var weighed = string.Join(' ', parts[2..]);
                    if (topics.Count == 0) Problem("a weight before any topic line");
                    else if (!index.TryGetValue(weighed, out var j)) Problem($"the term '{weighed}' has a weight but no 'term' line");
                    else if (!topics[^1].Weights.TryAdd(j, w)) Problem($"the term '{weighed}' is weighed twice for {topics[^1].Slug}");
                    break;
                default:
                    Problem($"expected 'term IDF WORDS', 'topic SLUG bias B threshold T decision D' or 'weight W WORDS', not '{Shorten(line)}'");
                    break;
            }
        }
        if (!sawMagic) problems.Add(new ContentProblem(file, 0, $"is empty: a topic model starts with '{Magic}'"));
        if (problems.Count > before) return null;
        var vocabulary = new TermVocabulary(terms, idf);
        return new TopicModel(vocabulary, topics.Select(t => new TopicWeights(t.Slug, t.Bias, t.Threshold, t.Decision, t.Weights)).ToList(), trainedOn ?? 0);
    }

    private static string Number(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);

    private static double? Parse(string text) =>
        double.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value) ? value : null;

    private static string Shorten(string line) => line.Length <= 60 ? line : line[..60] + "…";
}
