using PaperTrail.Content;

namespace PaperTrail.Topics;

/// <summary>
/// Topics from the rules of topics.yml and the learned model together, each topic as the model
/// file says (<see cref="TopicDecision"/>: rules, model, either or both, chosen by cross-validation
/// when it was trained). Topics the model gives come first, most probable first, then those only the
/// rules give, in the rules' order; at most <c>max_topics</c>. When neither gives any, the topic
/// the model comes nearest to giving counts if its probability reaches <c>near_miss</c> of its
/// threshold, as a rule's near miss does; else the paper gets the fallback topic.
/// </summary>
internal sealed class ModelAndRulesClassifier : ITopicClassifier
{
    private readonly Taxonomy _taxonomy;
    private readonly RuleClassifier _rules;
    private readonly TopicModel _model;

    // The model's topics that topics.yml still has (a topic removed since training is ignored).
    private readonly int[] _used;
    private readonly Dictionary<string, TopicDecision> _decisions;

    private readonly PaperTokenCache? _tokens;

    /// <param name="tokens">The build's cache of papers' tokens, which the rules share; without one, each paper is tokenised here.</param>
    public ModelAndRulesClassifier(Taxonomy taxonomy, RuleClassifier rules, TopicModel model, PaperTokenCache? tokens = null)
    {
        _tokens = tokens;
        _taxonomy = taxonomy;
        _rules = rules;
        _model = model;
        var slugs = taxonomy.Topics.Select(t => t.Slug).ToHashSet(StringComparer.Ordinal);
        _used = Enumerable.Range(0, model.Topics.Count).Where(t => slugs.Contains(model.Topics[t].Slug)).ToArray();
        _decisions = _used.ToDictionary(t => model.Topics[t].Slug, t => model.Topics[t].Decision, StringComparer.Ordinal);
    }

    /// <summary>The rules alone without a model; both with one.</summary>
    public static ITopicClassifier For(Taxonomy taxonomy, TopicModel? model, PaperTokenCache? tokens = null)
    {
        var rules = new RuleClassifier(taxonomy, tokens);
        return model is null ? rules : new ModelAndRulesClassifier(taxonomy, rules, model, tokens);
    }

    public TopicModel Model => _model;

    public RuleClassifier Rules => _rules;

    /// <summary>Without the rules: the model's topics only (to measure the model alone).</summary>
    public bool IgnoreRules { get; init; }

    public IReadOnlyList<string> Classify(Paper paper) =>
        Combine(IgnoreRules ? [] : _rules.Classify(paper), _model.Probabilities(_tokens?.Of(paper) ?? PaperTokens.Of(paper)));

    /// <summary>The topics given a paper the rules give <paramref name="ruled"/> and the model these probabilities.</summary>
    public IReadOnlyList<string> Combine(IReadOnlyList<string> ruled, double[] probabilities)
    {
        var byModel = new List<(string Slug, double P)>();
        foreach (var t in _used)
        {
            var topic = _model.Topics[t];
            var model = probabilities[t] >= topic.Threshold;
            var rule = ruled.Contains(topic.Slug);
            switch (topic.Decision)
            {
                case TopicDecision.Model or TopicDecision.Either when model:
                case TopicDecision.Both when model && rule:
                    byModel.Add((topic.Slug, probabilities[t]));
                    break;
            }
        }
        var topics = byModel.OrderByDescending(m => m.P).ThenBy(m => m.Slug, StringComparer.Ordinal).Select(m => m.Slug).ToList();
        // Then what the rules give where they decide (alone, or either), or where the model has no say.
        foreach (var slug in ruled)
            if (!topics.Contains(slug) && _decisions.GetValueOrDefault(slug, TopicDecision.Rules) is TopicDecision.Rules or TopicDecision.Either) topics.Add(slug);
        if (topics.Count == 0 && NearestMiss(probabilities) is { } near) topics.Add(near);
        return topics.Take(_taxonomy.Classifier.MaxTopics).ToList();
    }

    private string? NearestMiss(double[] probabilities)
    {
        string? best = null;
        var bestRatio = _taxonomy.Classifier.NearMiss;
        foreach (var t in _used)
        {
            var topic = _model.Topics[t];
            if (topic.Decision == TopicDecision.Rules) continue;
            var ratio = probabilities[t] / topic.Threshold;
            if (ratio >= bestRatio && (best is null || ratio > bestRatio)) (best, bestRatio) = (topic.Slug, ratio);
        }
        return best;
    }
}
