namespace PaperTrail.Content;

/// <summary>One topic of <c>content/topics.yml</c>. Its slug is a public URL and never changes.</summary>
internal sealed record Topic
{
    public required string Slug { get; init; }
    public required string Name { get; init; }
    public string Description { get; init; } = "";

    /// <summary>Old slugs whose URLs redirect here.</summary>
    public IReadOnlyList<string> Aliases { get; init; } = [];

    /// <summary>How the classifier recognises the topic; none for a topic only people assign.</summary>
    public TopicRules Rules { get; init; } = TopicRules.None;
}

/// <summary>The topics of an archive, and which one catches the papers no other topic describes.</summary>
internal sealed record Taxonomy(IReadOnlyList<Topic> Topics, string? FallbackSlug)
{
    public static readonly Taxonomy Empty = new([], null);

    public ClassifierSettings Classifier { get; init; } = new();
}
