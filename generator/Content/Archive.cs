namespace PaperTrail.Content;

/// <summary>Everything under <c>content/</c>, typed.</summary>
public sealed record Archive(string ContentDir, SiteConfig Site, Taxonomy Taxonomy, IReadOnlyList<PaperFile> Papers)
{
    public IReadOnlyList<Topic> Topics => Taxonomy.Topics;
}
