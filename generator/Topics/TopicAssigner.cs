using PaperTrail.Content;

namespace PaperTrail.Topics;

/// <summary>
/// Gives every paper its topics, best first: those a person wrote in its front matter win;
/// otherwise the classifier's; otherwise the taxonomy's fallback topic.
/// </summary>
internal sealed class TopicAssigner(Taxonomy taxonomy, ITopicClassifier classifier)
{
    private readonly Dictionary<string, Topic> _bySlug = taxonomy.Topics.ToDictionary(t => t.Slug, StringComparer.Ordinal);

    private int _fallbackCount;

    /// <summary>How many papers only the fallback topic caught (Assign may run on several threads).</summary>
    public int FallbackCount => Volatile.Read(ref _fallbackCount);

    public IReadOnlyList<Topic> Assign(Paper paper) => Assign(paper, out _);

    /// <param name="fellBack">True when only the fallback topic caught the paper.</param>
    public IReadOnlyList<Topic> Assign(Paper paper, out bool fellBack)
    {
        fellBack = false;
        if (paper.Topics is { Count: > 0 } written)
            return written.Select(s => _bySlug.GetValueOrDefault(s)).OfType<Topic>().Distinct().ToList();

        var classified = classifier.Classify(paper).Take(taxonomy.Classifier.MaxTopics).Select(s => _bySlug.GetValueOrDefault(s)).OfType<Topic>().ToList();
        if (classified.Count > 0) return classified;

        if (taxonomy.FallbackSlug is { } fallback && _bySlug.TryGetValue(fallback, out var topic))
        {
            Interlocked.Increment(ref _fallbackCount);
            fellBack = true;
            return [topic];
        }
        return [];
    }
}

/// <summary>Picks topic slugs for a paper, best first.</summary>
internal interface ITopicClassifier
{
    IReadOnlyList<string> Classify(Paper paper);
}
