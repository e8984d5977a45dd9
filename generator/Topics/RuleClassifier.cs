using PaperTrail.Content;

namespace PaperTrail.Topics;

/// <summary>One phrase that counted for or against a topic, for --explain.</summary>
internal sealed record RuleHit(string Phrase, double Weight, int InTitle, int InAbstract, double Contribution);

/// <summary>A topic's score for a paper and why.</summary>
internal sealed record TopicScore(Topic Topic, double Score, IReadOnlyList<RuleHit> Hits)
{
    public bool Passes => Score >= Topic.Rules.Threshold;
}

/// <summary>
/// Assigns topics by the rules in topics.yml: each phrase found adds its weight (times the title
/// weight when in the title, plus once per occurrence in the abstract up to a cap); phrases
/// against subtract; a topic is given when it reaches its threshold. No topic is named in code.
/// </summary>
internal sealed class RuleClassifier : ITopicClassifier
{
    private readonly IReadOnlyList<Topic> _topics;
    private readonly ClassifierSettings _settings;
    private readonly PhraseMatcher _matcher = new();
    private readonly List<(int Topic, int Phrase, double Weight)> _rules = [];

    // The rules of each phrase: a paper meets a few dozen phrases of the thousands, so only their
    // rules are scored.
    private readonly List<int>[] _rulesOfPhrase;

    private readonly PaperTokenCache _tokens;

    /// <param name="tokens">The build's paper tokens, shared with the related-papers index; without it the classifier keeps its own.</param>
    public RuleClassifier(Taxonomy taxonomy, PaperTokenCache? tokens = null)
    {
        _tokens = tokens ?? new PaperTokenCache();
        _topics = taxonomy.Topics;
        _settings = taxonomy.Classifier;
        for (var t = 0; t < _topics.Count; t++)
        {
            foreach (var (phrase, weight) in _topics[t].Rules.Phrases) _rules.Add((t, _matcher.Add(phrase), weight));
            foreach (var (phrase, weight) in _topics[t].Rules.Against) _rules.Add((t, _matcher.Add(phrase), -weight));
        }
        _rulesOfPhrase = new List<int>[_matcher.Phrases.Count];
        for (var p = 0; p < _rulesOfPhrase.Length; p++) _rulesOfPhrase[p] = [];
        for (var r = 0; r < _rules.Count; r++) _rulesOfPhrase[_rules[r].Phrase].Add(r);
    }

    public IReadOnlyList<string> Classify(Paper paper) => Classify(Score(paper, withHits: false));

    /// <summary>The topics these scores (all of a paper's, from <see cref="Score"/>) give.</summary>
    public IReadOnlyList<string> Classify(IReadOnlyList<TopicScore> all)
    {
        var scores = all.Where(s => s.Passes).ToList();
        if (scores.Count == 0)
        {
            var nearest = all.Where(s => !s.Topic.Rules.IsEmpty && s.Score > 0)
                .OrderByDescending(s => s.Score / s.Topic.Rules.Threshold)
                .FirstOrDefault();
            return nearest is not null && nearest.Score >= nearest.Topic.Rules.Threshold * _settings.NearMiss ? [nearest.Topic.Slug] : [];
        }
        var best = scores[0].Score;
        return scores.Where(s => s.Score >= best * _settings.RelativeCutoff)
            .Take(_settings.MaxTopics)
            .Select(s => s.Topic.Slug)
            .ToList();
    }

    /// <summary>Every topic's score for the paper, best first (ties in taxonomy order).</summary>
    public IReadOnlyList<TopicScore> Score(Paper paper, bool withHits = true)
    {
        var tokens = _tokens.Of(paper);
        var found = new List<int>();
        var inTitle = _matcher.Count(tokens.Title, found);
        var inAbstract = _matcher.Count(tokens.Abstract, found);
        var scores = new double[_topics.Count];
        var hits = withHits ? _topics.Select(_ => new List<RuleHit>()).ToArray() : null;
        // The rules of the phrases found, once each, in rule order: sums add up in the same order as over all rules.
        var applicable = new List<int>();
        foreach (var phrase in found) applicable.AddRange(_rulesOfPhrase[phrase]);
        applicable.Sort();
        for (var i = 0; i < applicable.Count; i++)
        {
            if (i > 0 && applicable[i] == applicable[i - 1]) continue; // a phrase found in title and abstract both
            var (topic, phrase, weight) = _rules[applicable[i]];
            var title = inTitle[phrase];
            var body = inAbstract[phrase];
            if (title == 0 && body == 0) continue;
            var contribution = weight * ((title > 0 ? _settings.TitleWeight : 0) + Math.Min(body, _settings.AbstractCap));
            scores[topic] += contribution;
            hits?[topic].Add(new RuleHit(_matcher.Phrases[phrase], weight, title, body, contribution));
        }
        return Enumerable.Range(0, _topics.Count)
            .OrderByDescending(t => Math.Round(scores[t], 6))
            .ThenBy(t => t)
            .Select(t => new TopicScore(_topics[t], Math.Round(scores[t], 6), hits?[t] ?? []))
            .ToList();
    }
}
