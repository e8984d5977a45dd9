namespace PaperTrail.Content;

/// <summary>
/// How a topic is recognised, from topics.yml: weighted phrases for it, weighted phrases against
/// it, and the score a paper needs. A phrase is words ("diffusion model"); a word ending in '*'
/// matches any word it starts ("quantiz*").
/// </summary>
internal sealed record TopicRules(
    IReadOnlyDictionary<string, double> Phrases,
    IReadOnlyDictionary<string, double> Against,
    double Threshold)
{
    public static readonly TopicRules None = new(new Dictionary<string, double>(), new Dictionary<string, double>(), double.PositiveInfinity);

    public bool IsEmpty => Phrases.Count == 0;
}

/// <summary>Classifier settings shared by every topic (topics.yml's <c>classifier:</c>).</summary>
internal sealed record ClassifierSettings
{
    /// <summary>A phrase found in the title counts this many times its weight.</summary>
    public double TitleWeight { get; init; } = 3;

    /// <summary>Occurrences in the abstract count up to this many times, so one word repeated does not win alone.</summary>
    public int AbstractCap { get; init; } = 3;

    /// <summary>At most this many topics per paper.</summary>
    public int MaxTopics { get; init; } = 4;

    /// <summary>A topic must score at least this fraction of the paper's best topic to be kept.</summary>
    public double RelativeCutoff { get; init; } = 0.0;

    /// <summary>
    /// When no topic reaches its threshold, the best one is still given if it reaches this fraction
    /// of its threshold: a near miss describes a paper better than the fallback topic does.
    /// </summary>
    public double NearMiss { get; init; } = 1.0;

    public static readonly IReadOnlyList<string> Keys = ["title_weight", "abstract_cap", "max_topics", "relative_cutoff", "near_miss"];
}
