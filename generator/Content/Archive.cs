namespace PaperTrail.Content;

/// <summary>Everything under <c>content/</c>, typed.</summary>
public sealed record Archive(string ContentDir, SiteConfig Site, IReadOnlyList<Topic> Topics, IReadOnlyList<PaperFile> Papers);
