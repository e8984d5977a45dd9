using System.Globalization;
using System.Text;
using PaperTrail.Content;

namespace PaperTrail.Topics;

/// <summary>Papers per topic over a set of papers, and how many only the fallback caught.</summary>
internal static class TopicReport
{
    public static string Format(Taxonomy taxonomy, IReadOnlyList<Paper> papers) => Format(taxonomy, new RuleClassifier(taxonomy), papers);

    public static string Format(Taxonomy taxonomy, ITopicClassifier classifier, IReadOnlyList<Paper> papers)
    {
        var assigner = new TopicAssigner(taxonomy, classifier);
        var counts = taxonomy.Topics.ToDictionary(t => t.Slug, _ => 0, StringComparer.Ordinal);
        var sizes = new int[taxonomy.Classifier.MaxTopics + 1];
        foreach (var paper in papers)
        {
            var topics = assigner.Assign(paper);
            foreach (var topic in topics) counts[topic.Slug]++;
            sizes[Math.Min(topics.Count, sizes.Length - 1)]++;
        }
        var share = papers.Count == 0 ? 0 : (double)assigner.FallbackCount / papers.Count;
        var sb = new StringBuilder();
        sb.AppendLine(CultureInfo.InvariantCulture, $"{papers.Count} papers");
        foreach (var topic in taxonomy.Topics)
            sb.AppendLine(CultureInfo.InvariantCulture, $"{topic.Slug,-24} {counts[topic.Slug],6}");
        sb.AppendLine(CultureInfo.InvariantCulture, $"topics per paper: {string.Join(", ", sizes.Select((n, i) => $"{i}: {n}"))}");
        sb.AppendLine(CultureInfo.InvariantCulture, $"papers={papers.Count}");
        sb.AppendLine(CultureInfo.InvariantCulture, $"fell_back={assigner.FallbackCount}");
        sb.AppendLine(CultureInfo.InvariantCulture, $"fallback_share={share:0.0000}");
        return sb.ToString();
    }

    /// <summary>Why a paper got its topics: every topic that scored, with the phrases that fired.</summary>
    public static string Explain(Taxonomy taxonomy, Paper paper) => Explain(taxonomy, new RuleClassifier(taxonomy), paper);

    /// <summary>
    /// Why a paper got its topics: every topic the rules scored, with the phrases that fired; then,
    /// with a model, every topic's probability, its threshold and decision, and the terms that moved it most.
    /// </summary>
    public static string Explain(Taxonomy taxonomy, ITopicClassifier classifier, Paper paper)
    {
        var combined = classifier as ModelAndRulesClassifier;
        var rules = combined?.Rules ?? classifier as RuleClassifier ?? new RuleClassifier(taxonomy);
        var assigned = new TopicAssigner(taxonomy, classifier).Assign(paper);
        var sb = new StringBuilder();
        sb.AppendLine(paper.Title);
        sb.AppendLine(CultureInfo.InvariantCulture, $"topics: {string.Join(", ", assigned.Select(t => t.Slug))}{(paper.Topics is { Count: > 0 } ? " (written in the front matter)" : "")}");
        sb.AppendLine(CultureInfo.InvariantCulture, $"rules: {string.Join(", ", rules.Classify(paper).DefaultIfEmpty("none"))}");
        foreach (var score in rules.Score(paper).Where(s => s.Hits.Count > 0))
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"  {score.Topic.Slug}: {score.Score:0.##} (threshold {score.Topic.Rules.Threshold:0.##}){(score.Passes ? "" : ", below")}");
            foreach (var hit in score.Hits.OrderByDescending(h => Math.Abs(h.Contribution)))
                sb.AppendLine(CultureInfo.InvariantCulture, $"      {(hit.Weight < 0 ? "against " : "")}\"{hit.Phrase}\" ×{Math.Abs(hit.Weight):0.##}: title {hit.InTitle}, abstract {hit.InAbstract} → {hit.Contribution:+0.##;-0.##}");
        }
        if (combined is null)
        {
            sb.AppendLine($"model: none ({TopicModel.FileName} is not in the archive: the rules alone decide)");
            return sb.ToString();
        }
        var model = combined.Model;
        var tokens = PaperTokens.Of(paper);
        var probabilities = model.Probabilities(tokens);
        sb.AppendLine(CultureInfo.InvariantCulture, $"model: probability per topic (trained on {model.TrainedOn} papers), most probable first");
        foreach (var t in Enumerable.Range(0, model.Topics.Count).OrderByDescending(t => probabilities[t]).ThenBy(t => t))
        {
            var topic = model.Topics[t];
            if (probabilities[t] < 0.05 && !assigned.Any(a => a.Slug == topic.Slug)) continue;
            var decision = topic.Decision.ToString().ToLowerInvariant();
            sb.AppendLine(CultureInfo.InvariantCulture, $"  {topic.Slug}: {probabilities[t]:0.000} (threshold {topic.Threshold:0.###}, decided by {decision}){(probabilities[t] >= topic.Threshold ? "" : ", below")}");
            var terms = model.TopTerms(tokens, t, 6);
            if (terms.Count > 0)
                sb.AppendLine(CultureInfo.InvariantCulture, $"      {string.Join(", ", terms.Select(x => $"\"{x.Term}\" {x.Contribution:+0.00;-0.00}"))}");
        }
        var shown = Enumerable.Range(0, model.Topics.Count).Count(t => probabilities[t] < 0.05 && !assigned.Any(a => a.Slug == model.Topics[t].Slug));
        if (shown > 0) sb.AppendLine(CultureInfo.InvariantCulture, $"  ({shown} more topics under 0.05)");
        return sb.ToString();
    }
}
