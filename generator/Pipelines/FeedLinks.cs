using PaperTrail.Content;
using PaperTrail.Rendering;

namespace PaperTrail.Pipelines;

/// <summary>Links every subscription feed carries besides its own.</summary>
internal static class FeedLinks
{
    /// <summary>site.yml's WebSub hub (<c>rel="hub"</c>), when it names one: a reader may then subscribe for pushes.</summary>
    public static IReadOnlyList<FeedLink> Hub(SiteConfig config) => config.WebSubHub is { } hub ? [new FeedLink("hub", hub)] : [];
}
