namespace PaperTrail.Topics;

/// <summary>How a topic's rules and its model decide together (chosen per topic by cross-validation on the training labels).</summary>
internal enum TopicDecision
{
    /// <summary>The rules alone: the model had too few examples, or did no better.</summary>
    Rules,

    /// <summary>The model alone: its probability reaches the topic's threshold.</summary>
    Model,

    /// <summary>Either: the rules give it, or the model's probability reaches the threshold.</summary>
    Either,

    /// <summary>Both: the rules give it and the model's probability reaches the threshold.</summary>
    Both,
}

/// <summary>One topic of the model: a weight per term of the vocabulary, a bias, a threshold and how it joins the rules.</summary>
internal sealed record TopicWeights(string Slug, double Bias, double Threshold, TopicDecision Decision, IReadOnlyDictionary<int, double> Weights);

/// <summary>
/// The learned half of topic assignment: one logistic regression per topic over a paper's
/// <see cref="TermVocabulary"/> vector, made by <c>generator topics train</c> and kept in
/// <c>content/topics-model.txt</c> (<see cref="TopicModelFile"/>). A build only reads it: a paper's
/// probabilities are a few hundred multiplications, the same on every machine that reads the file.
/// </summary>
internal sealed class TopicModel
{
    public const string FileName = Content.ContentFile.TopicModelName;

    // Weights by term, then topic: a paper's terms each add one row.
    private readonly double[] _weights;

    public TopicModel(TermVocabulary vocabulary, IReadOnlyList<TopicWeights> topics, int trainedOn)
    {
        Vocabulary = vocabulary;
        Topics = topics;
        TrainedOn = trainedOn;
        _weights = new double[vocabulary.Count * topics.Count];
        for (var t = 0; t < topics.Count; t++)
            foreach (var (term, weight) in topics[t].Weights) _weights[term * topics.Count + t] = weight;
    }

    public TermVocabulary Vocabulary { get; }

    public IReadOnlyList<TopicWeights> Topics { get; }

    /// <summary>How many labelled papers the model was trained on.</summary>
    public int TrainedOn { get; }

    /// <summary>The same model with every topic decided one way (<c>--classifier model</c>: the model alone).</summary>
    public TopicModel WithDecision(TopicDecision decision) =>
        new(Vocabulary, Topics.Select(t => t with { Decision = decision }).ToList(), TrainedOn);

    /// <summary>Each topic's probability for the paper, in the order of <see cref="Topics"/>.</summary>
    public double[] Probabilities(PaperTokens tokens) => Probabilities(Vocabulary.Vector(tokens));

    public double[] Probabilities(TermVector vector)
    {
        var count = Topics.Count;
        var z = new double[count];
        for (var t = 0; t < count; t++) z[t] = Topics[t].Bias;
        for (var e = 0; e < vector.Terms.Length; e++)
        {
            var row = vector.Terms[e] * count;
            var value = vector.Values[e];
            for (var t = 0; t < count; t++) z[t] += _weights[row + t] * value;
        }
        for (var t = 0; t < count; t++) z[t] = LogisticRegression.Sigmoid(z[t]);
        return z;
    }

    /// <summary>The terms of the paper that move a topic's score most, with what each adds (before the sigmoid).</summary>
    public IReadOnlyList<(string Term, double Contribution)> TopTerms(PaperTokens tokens, int topic, int count)
    {
        var vector = Vocabulary.Vector(tokens);
        return vector.Terms.Select((term, e) => (Term: Vocabulary.Terms[term], Contribution: _weights[term * Topics.Count + topic] * vector.Values[e]))
            .Where(c => c.Contribution != 0)
            .OrderByDescending(c => Math.Abs(c.Contribution))
            .ThenBy(c => c.Term, StringComparer.Ordinal)
            .Take(count)
            .ToList();
    }
}
