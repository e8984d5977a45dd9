namespace PaperTrail.Content;

/// <summary>Everything under <c>content/</c>, typed.</summary>
internal sealed record Archive(string ContentDir, SiteConfig Site, Taxonomy Taxonomy, IReadOnlyList<PaperFile> Papers)
{
    public IReadOnlyList<Topic> Topics => Taxonomy.Topics;

    /// <summary>Spellings of one author merged under one name (<c>authors.yml</c>).</summary>
    public AuthorSpellings AuthorSpellings { get; init; } = AuthorSpellings.None;

    /// <summary>The paper files that could not be read (YAML, schema, dates…), each with its problems; not among <see cref="Papers"/>.</summary>
    public IReadOnlyList<LeftOutPaper> Unreadable { get; init; } = [];
}
