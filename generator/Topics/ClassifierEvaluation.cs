using System.Globalization;
using System.Text;
using System.Text.Json;
using PaperTrail.Content;
using PaperTrail.Errors;

namespace PaperTrail.Topics;

/// <summary>Counts for one topic in an evaluation.</summary>
internal sealed record TopicCounts(string Slug, int Gold, int Predicted, int Correct)
{
    public double Precision => Predicted == 0 ? 0 : (double)Correct / Predicted;
    public double Recall => Gold == 0 ? 0 : (double)Correct / Gold;
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
}

/// <summary>How well the classifier agrees with hand-made labels, micro-averaged over (paper, topic) pairs.</summary>
internal sealed record EvaluationResult(int Papers, IReadOnlyList<TopicCounts> PerTopic, int FellBack, IReadOnlyList<string> Unmatched)
{
    /// <summary>Papers where the classifier and the labels disagree: title, missed topics, extra topics.</summary>
    public IReadOnlyList<(string Title, IReadOnlyList<string> Missed, IReadOnlyList<string> Extra)> Disagreements { get; init; } = [];

    public int Gold => PerTopic.Sum(t => t.Gold);
    public int Predicted => PerTopic.Sum(t => t.Predicted);
    public int Correct => PerTopic.Sum(t => t.Correct);
    public double Precision => Predicted == 0 ? 0 : (double)Correct / Predicted;
    public double Recall => Gold == 0 ? 0 : (double)Correct / Gold;
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    /// <summary>The mean of the per-topic F1 over the topics the labels use: every topic counts the same, rare or not.</summary>
    public double MacroF1 => PerTopic.Where(t => t.Gold > 0).Select(t => t.F1).DefaultIfEmpty(0).Average();

    /// <summary>A table for people, then one <c>key=value</c> line per figure for scripts.</summary>
    public string Format(string name)
    {
        var sb = new StringBuilder();
        sb.AppendLine(CultureInfo.InvariantCulture, $"{name}: {Papers} labelled papers");
        sb.AppendLine("topic                     gold  pred  correct  precision  recall     f1");
        foreach (var t in PerTopic.Where(t => t.Gold + t.Predicted > 0).OrderByDescending(t => t.Gold).ThenBy(t => t.Slug, StringComparer.Ordinal))
            sb.AppendLine(CultureInfo.InvariantCulture, $"{t.Slug,-24} {t.Gold,5} {t.Predicted,5} {t.Correct,8} {t.Precision,10:0.000} {t.Recall,7:0.000} {t.F1,6:0.000}");
        sb.AppendLine(CultureInfo.InvariantCulture, $"{"micro",-24} {Gold,5} {Predicted,5} {Correct,8} {Precision,10:0.000} {Recall,7:0.000} {F1,6:0.000}");
        sb.AppendLine(CultureInfo.InvariantCulture, $"{name}.micro_precision={Precision:0.0000}");
        sb.AppendLine(CultureInfo.InvariantCulture, $"{name}.micro_recall={Recall:0.0000}");
        sb.AppendLine(CultureInfo.InvariantCulture, $"{name}.micro_f1={F1:0.0000}");
        sb.AppendLine(CultureInfo.InvariantCulture, $"{name}.macro_f1={MacroF1:0.0000}");
        sb.AppendLine(CultureInfo.InvariantCulture, $"{name}.fell_back={FellBack}");
        sb.AppendLine(CultureInfo.InvariantCulture, $"{name}.fallback_rate={(Papers == 0 ? 0 : (double)FellBack / Papers):0.0000}");
        return sb.ToString();
    }

    public string FormatDisagreements()
    {
        var sb = new StringBuilder();
        foreach (var (title, missed, extra) in Disagreements)
            sb.AppendLine(CultureInfo.InvariantCulture, $"{title}\n    missed: {string.Join(", ", missed)}\n    extra:  {string.Join(", ", extra)}");
        return sb.ToString();
    }
}

/// <summary>Scores the classifier against a labels file (JSON lines with title, topics and optionally id).</summary>
internal static class ClassifierEvaluation
{
    private sealed record Label(string? Id, string Title, IReadOnlyList<string> Topics);

    public static EvaluationResult Evaluate(Taxonomy taxonomy, IReadOnlyList<Paper> papers, string labelsFile) =>
        Evaluate(taxonomy, new RuleClassifier(taxonomy), papers, labelsFile);

    /// <summary>Scores a classifier (the rules, or the rules and the model) against a labels file.</summary>
    public static EvaluationResult Evaluate(Taxonomy taxonomy, ITopicClassifier classifier, IReadOnlyList<Paper> papers, string labelsFile)
    {
        var labelled = Match(ReadLabels(labelsFile), papers, out var unmatched);
        return Score(taxonomy, labelled.Select(l => (l.Paper.Title, l.Topics, classifier.Classify(l.Paper))), unmatched);
    }

    /// <summary>The labelled papers of a labels file, matched to these papers by arXiv id, else by title.</summary>
    public static IReadOnlyList<LabelledPaper> Labelled(string labelsFile, IReadOnlyList<Paper> papers, out IReadOnlyList<string> unmatched) =>
        Match(ReadLabels(labelsFile), papers, out unmatched);

    private static List<LabelledPaper> Match(List<Label> labels, IReadOnlyList<Paper> papers, out IReadOnlyList<string> unmatched)
    {
        var byId = papers.Where(p => p.Arxiv is not null).GroupBy(p => p.Arxiv!).ToDictionary(g => g.Key, g => g.First());
        var byTitle = papers.GroupBy(p => TitleKey.Of(p.Title)).ToDictionary(g => g.Key, g => g.First());
        var missing = new List<string>();
        var matched = new List<LabelledPaper>();
        foreach (var label in labels)
        {
            var paper = label.Id is not null && byId.TryGetValue(label.Id, out var withId) ? withId
                : byTitle.GetValueOrDefault(TitleKey.Of(label.Title));
            if (paper is null) missing.Add(label.Title);
            else matched.Add(new LabelledPaper(paper, label.Topics));
        }
        unmatched = missing;
        return matched;
    }

    /// <summary>
    /// Micro-averaged counts of predictions against labels; a paper given no topic gets the taxonomy's
    /// fallback (and counts as fallen back).
    /// </summary>
    public static EvaluationResult Score(Taxonomy taxonomy, IEnumerable<(string Title, IReadOnlyList<string> Gold, IReadOnlyList<string> Predicted)> papers,
        IReadOnlyList<string>? unmatched = null)
    {
        var counts = taxonomy.Topics.ToDictionary(t => t.Slug, t => (Gold: 0, Predicted: 0, Correct: 0), StringComparer.Ordinal);
        var fellBack = 0;
        var matched = 0;
        var disagreements = new List<(string, IReadOnlyList<string>, IReadOnlyList<string>)>();
        foreach (var (title, gold, given) in papers)
        {
            matched++;
            var predicted = given.Take(taxonomy.Classifier.MaxTopics).ToList();
            if (predicted.Count == 0)
            {
                fellBack++;
                if (taxonomy.FallbackSlug is { } fallback) predicted.Add(fallback);
            }
            var missed = gold.Except(predicted).ToList();
            var extra = predicted.Except(gold).ToList();
            if (missed.Count + extra.Count > 0) disagreements.Add((title, missed, extra));
            foreach (var slug in gold.Union(predicted))
            {
                var c = counts.GetValueOrDefault(slug);
                var isGold = gold.Contains(slug);
                var guessed = predicted.Contains(slug);
                counts[slug] = (c.Gold + (isGold ? 1 : 0), c.Predicted + (guessed ? 1 : 0), c.Correct + (isGold && guessed ? 1 : 0));
            }
        }
        var perTopic = counts.Select(kv => new TopicCounts(kv.Key, kv.Value.Gold, kv.Value.Predicted, kv.Value.Correct)).ToList();
        return new EvaluationResult(matched, perTopic, fellBack, unmatched ?? []) { Disagreements = disagreements };
    }

    /// <summary>
    /// The papers a labels file carries itself: lines with an <c>abstract</c> (the labelled set of
    /// bench/topics/labels/ does, so it can be scored and learned from without the corpus). Empty when
    /// its lines have none.
    /// </summary>
    public static IReadOnlyList<Paper> PapersIn(string labelsFile)
    {
        var papers = new List<Paper>();
        foreach (var line in File.ReadLines(labelsFile).Where(l => l.Trim().Length > 0))
        {
            try
            {
                using var json = JsonDocument.Parse(line);
                var root = json.RootElement;
                if (!root.TryGetProperty("abstract", out var text) || !root.TryGetProperty("title", out var title)) continue;
                var id = root.TryGetProperty("id", out var i) ? i.GetString() : null;
                papers.Add(new Paper { Title = title.GetString() ?? "", Slug = "x", Arxiv = id, Abstract = text.GetString() ?? "", Trending = [DateOnly.MinValue] });
            }
            catch (Exception e) when (e is JsonException or InvalidOperationException)
            {
                // Not a paper: reading the labels names the line.
            }
        }
        return papers;
    }

    private static List<Label> ReadLabels(string file)
    {
        var labels = new List<Label>();
        var lineNumber = 0;
        foreach (var line in File.ReadLines(file))
        {
            lineNumber++;
            if (line.Trim().Length == 0) continue;
            try
            {
                using var json = JsonDocument.Parse(line);
                var root = json.RootElement;
                labels.Add(new Label(
                    root.TryGetProperty("id", out var id) ? id.GetString() : null,
                    root.GetProperty("title").GetString()!,
                    root.GetProperty("topics").EnumerateArray().Select(t => t.GetString()!).ToList()));
            }
            catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
            {
                throw new ContentException(new ContentProblem(DisplayPath.Of(file), lineNumber, $"not a label line ({{\"title\": …, \"topics\": […]}}): {e.Message}"));
            }
        }
        return labels;
    }
}
